// Shared by the targets: feed `data` in pieces whose sizes come from its first byte, and check
// what must hold for any input (with the integration tests' helpers).
use stripwall::{Cleaner, Mode, Options};

#[path = "../../tests/common/mod.rs"]
mod tests_common;

use tests_common::{clean_pieces, unsafe_elements};

pub fn run(mode: Mode, data: &[u8]) {
    let Some((&seed, html)) = data.split_first() else { return };
    let cleaner = Cleaner::new(Options { mode, ..Options::default() }).expect("default options are valid");
    let whole = cleaner.clean_bytes(html);
    // The same document in pieces gives the same result.
    let piece = usize::from(seed % 64) + 1;
    match (whole, clean_pieces(&cleaner, html.chunks(piece))) {
        (Ok((whole, a)), Ok((out, b))) => {
            assert_eq!(whole, out, "output differs under chunks of {piece}");
            assert_eq!(a, b, "report differs under chunks of {piece}");
            // Output is always safe: parsed again, it has no script element and no event handler.
            let found = unsafe_elements(&whole);
            assert!(found.is_empty(), "unsafe elements survived: {found:?}");
        }
        (Err(_), Err(_)) => {}
        (a, b) => panic!("one run failed and the other did not: {:?} / {:?}", a.err(), b.err()),
    }
}
