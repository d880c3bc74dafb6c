//! Inputs fuzzing found, kept as they were found (`tests/regressions/*.bin`: the first byte
//! picks the chunk size, as in the fuzz targets). Each must clean the same in one piece and in
//! chunks, in both modes, with no script element or event handler in the output.

mod common;

use common::unsafe_elements;
use stripwall::{Cleaner, Mode, Options};

/// Removing an HTML element inside `<svg>` or `<math>` must not let a browser read what follows
/// differently (src/stream/parse_context.rs): the iframe's raw text must stay text.
#[test]
fn removals_inside_foreign_content_keep_the_parse() {
    let cases = [
        "<math><div id=disqus></div><iframe src=\"https://www.youtube.com/embed/x\"><p><script>x()</script>",
        "<svg><div class=share-bar><a href=/s>Share</a></div><iframe src=\"https://www.youtube.com/embed/x\"><p><img src=x onerror=x()>",
        "<math><p>Subscribe now to continue reading.</p><iframe src=\"https://www.youtube.com/embed/x\"><p><img src=x onerror=x()>",
        "<svg><form><iframe src=\"https://www.youtube.com/embed/x\"><p><img src=x onerror=x()>",
    ];
    for html in cases {
        for mode in [Mode::Stream, Mode::Reader] {
            let cleaner = Cleaner::new(Options {
                mode,
                ..Options::default()
            })
            .unwrap();
            let (out, _) = cleaner.clean_bytes(html.as_bytes()).unwrap();
            assert_eq!(unsafe_elements(&out), Vec::<String>::new(), "{html} ({mode:?})");
        }
    }
    // Where nothing is removed, or outside foreign content, no placeholder is added.
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let plain = "<div class=share-bar><a href=/s>Share</a></div><p>Text</p>";
    assert_eq!(cleaner.clean_str(plain).unwrap().html, "<p>Text</p>");
    let drawing = "<svg><circle r=1></circle></svg><p>Text</p>";
    assert_eq!(cleaner.clean_str(drawing).unwrap().html, drawing);
    let stream = cleaner.clean_str(&format!("<svg><g></g></svg>{plain}")).unwrap().html;
    assert_eq!(
        stream, "<svg><g></g></svg><p>Text</p>",
        "the <svg> was closed: no placeholder"
    );
}

#[test]
fn inputs_found_by_fuzzing() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for path in files {
        let data = std::fs::read(&path).unwrap();
        let (seed, html) = data.split_first().unwrap();
        let piece = usize::from(seed % 64) + 1;
        for mode in [Mode::Stream, Mode::Reader] {
            let cleaner = Cleaner::new(Options {
                mode,
                ..Options::default()
            })
            .unwrap();
            let (whole, report) = cleaner.clean_bytes(html).unwrap();
            let (pieces, pieces_report) = common::clean_pieces(&cleaner, html.chunks(piece)).unwrap();
            let name = path.display();
            assert_eq!(whole, pieces, "{name} ({mode:?}): output differs in chunks of {piece}");
            assert_eq!(report, pieces_report, "{name} ({mode:?})");
            assert_eq!(unsafe_elements(&whole), Vec::<String>::new(), "{name} ({mode:?})");
        }
    }
}

/// Pages the idempotence property found when `<A<div` (a tag whose name swallows the next one)
/// came out of a first cleaning changed by the second.
#[test]
fn stream_mode_is_idempotent_on_tags_whose_name_swallows_the_next() {
    let cases = [
        "<article><h1>Title</h1><p>Body text of the story, with commas, and more.</p><p>unclosed paragraph <A<div class=\"paywall\"><p>Subscribe now for $1</p></div></article>",
        "<article><h1>Title</h1><p>Body text of the story, with commas, and more.</p><footer>© 2026 Site. All rights reserved.</footer><A<div class=\"paywall\"><p>Subscribe now for $1</p></div><p>The council approved the plan on Monday, after a long debate about costs.</p><article><h1>Title</h1><p>Body text of the story, with commas, and more.</p>",
        "<a<<article><h1>Title</h1><p>Body text of the story, with commas, and more.</p>",
    ];
    let cleaner = Cleaner::new(Options::default()).unwrap();
    for html in cases {
        let once = cleaner.clean_str(html).unwrap().html;
        let twice = cleaner.clean_str(&once).unwrap().html;
        assert_eq!(twice, once, "{html}");
    }
}

/// A `<noscript>` crawler view (found by review): a view that ends inside a tag, one inside
/// `<svg>`, and one never closed must not put event handlers in the output, and must clean the
/// same whole and in chunks.
#[test]
fn noscript_crawler_views_are_self_contained_and_clean_the_same_in_chunks() {
    let prose = format!(
        "<p>{}</p><p>{}</p>",
        "A reply in the crawler view of an application forum, long enough to count as prose. ".repeat(4),
        "Another reply, with more to say about the question and the answers before it. ".repeat(4)
    );
    let cases = [
        format!("<html><body><noscript>{prose}<a title=\"</noscript><p>\" onmouseover=\"alert(1)\" x=\"y\">click</p></body></html>"),
        format!("<html><body><svg><noscript><title><img src=x onerror=alert(2)></title>{prose}</noscript></svg><p>after</p></body></html>"),
        format!("<html><body><p>Intro</p><noscript>{prose}"),
        format!("<html><body><noscript>{prose}<!-- never closed <p>x</p></noscript><p>after</p>"),
    ];
    let cleaner = Cleaner::new(Options::default()).unwrap();
    for html in &cases {
        // A string (read from the source, no text handler) and a stream of bytes in chunks.
        let whole = cleaner.clean_str(html).unwrap();
        assert_eq!(unsafe_elements(whole.html.as_bytes()), Vec::<String>::new(), "{html}");
        let (bytes, bytes_report) = cleaner.clean_bytes(html.as_bytes()).unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), whole.html, "{html} as bytes");
        for size in [1, 7, 64] {
            let (out, report) =
                common::clean_pieces(&cleaner, html.as_bytes().chunks(size)).expect("cleaning succeeds");
            assert_eq!(
                String::from_utf8(out).unwrap(),
                whole.html,
                "{html} in chunks of {size}"
            );
            assert_eq!(report, bytes_report, "{html} in chunks of {size}");
        }
    }
    // A closed view that is prose comes out, as paragraphs of text.
    let view = cleaner.clean_str(&cases[0]).unwrap().html;
    assert!(view.contains("<p>A reply in the crawler view"), "{view}");
}
