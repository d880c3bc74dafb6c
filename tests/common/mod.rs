//! Helpers shared by the integration tests.

use stripwall::{Cleaner, Report};

/// Cleans a document fed as `pieces`, in order, through one stream.
#[allow(dead_code)] // not every test crate that includes this module streams in pieces
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

/// Tag names of the elements matching `selector` in `html`, as a parser reads it again.
#[allow(dead_code)] // not every test crate that includes this module parses its output
pub fn tags_matching(html: &[u8], selector: &str) -> Vec<String> {
    let found = std::cell::RefCell::new(Vec::new());
    {
        let settings = lol_html::Settings::new()
            .append_element_content_handler(lol_html::element!(selector, |el| {
                found.borrow_mut().push(el.tag_name());
                Ok(())
            }))
            .with_strict(false);
        let mut parser = lol_html::HtmlRewriter::new(settings, |_: &[u8]| {});
        if parser.write(html).is_ok() {
            let _ = parser.end();
        }
    }
    found.into_inner()
}

/// Script elements and event-handler attributes of `html`, as a parser reads it again: what
/// safe output never has.
#[allow(dead_code)] // not every test crate that includes this module checks safety
pub fn unsafe_elements(html: &[u8]) -> Vec<String> {
    tags_matching(html, "script, [onload], [onerror], [onclick]")
}
