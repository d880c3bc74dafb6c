//! Helpers shared by the integration tests.

use stripwall::{Cleaner, Report};

/// Cleans a document fed as `pieces`, in order, through one stream.
pub fn clean_pieces<'a>(
    cleaner: &Cleaner,
    pieces: impl IntoIterator<Item = &'a [u8]>,
) -> stripwall::Result<(Vec<u8>, Report)> {
    let mut out = Vec::new();
    let mut stream = cleaner.stream(|b: &[u8]| out.extend_from_slice(b));
    for piece in pieces {
        stream.write(piece)?;
    }
    let report = stream.end()?;
    Ok((out, report))
}
