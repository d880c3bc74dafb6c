// Shared by the targets: feed `data` in pieces whose sizes come from its first byte, and check
// what must hold for any input.
use stripwall::{Cleaner, Mode, Options};

pub fn run(mode: Mode, data: &[u8]) {
    let Some((&seed, html)) = data.split_first() else { return };
    let cleaner = Cleaner::new(Options { mode, ..Options::default() }).expect("default options are valid");
    let whole = cleaner.clean_bytes(html);
    // The same document in pieces gives the same result.
    let piece = usize::from(seed % 64) + 1;
    let mut out = Vec::new();
    let pieces = {
        let mut stream = cleaner.stream(|b: &[u8]| out.extend_from_slice(b));
        let mut result = Ok(());
        for chunk in html.chunks(piece) {
            result = result.and_then(|()| stream.write(chunk));
        }
        result.and_then(|()| stream.end())
    };
    match (whole, pieces) {
        (Ok((whole, a)), Ok(b)) => {
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

/// Script elements and event-handler attributes of `html`, as a parser sees them.
fn unsafe_elements(html: &[u8]) -> Vec<String> {
    let found = std::cell::RefCell::new(Vec::new());
    {
        let settings = lol_html::Settings::new()
            .append_element_content_handler(lol_html::element!("script, [onload], [onerror], [onclick]", |el| {
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
