//! The library API: validation, reuse, streaming, limits and awkward input.

mod common;

use stripwall::{Category, Cleaner, Error, Mode, OnMemoryLimit, Options, PageSource};

#[test]
fn a_bad_selector_is_an_error_that_names_it() {
    let err = Cleaner::new(Options {
        keep_selectors: vec!["p".into(), "a:hover".into()],
        ..Options::default()
    })
    .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidSelector { selector, .. } if selector == "a:hover"),
        "{err:?}"
    );
    assert!(err.to_string().contains("`a:hover`"), "{err}");
}

#[test]
fn a_zero_memory_limit_is_refused() {
    let err = Cleaner::new(Options {
        memory_limit: 0,
        ..Options::default()
    })
    .unwrap_err();
    assert!(err.to_string().contains("memory_limit"), "{err}");
}

#[test]
fn a_page_address_without_a_scheme_is_refused() {
    let with = |url: &str| {
        Cleaner::new(Options {
            url: Some(url.into()),
            ..Options::default()
        })
    };
    let err = with("example.com/story").unwrap_err();
    assert!(
        matches!(&err, Error::InvalidOption { option: "url", .. })
            && err.to_string().contains("https://example.com/story"),
        "{err}"
    );
    for fine in [
        "https://example.com/story",
        "http://a.example",
        "file:///home/ana/page.html",
    ] {
        assert!(with(fine).is_ok(), "{fine}");
    }
}

#[test]
fn input_that_is_not_html_is_cleaned_and_said() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let binary: Vec<u8> = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".repeat(20);
    let (_, report) = cleaner.clean_bytes(&binary).unwrap();
    assert!(
        report.warnings.iter().any(|w| w.contains("may not be HTML")),
        "{:?}",
        report.warnings
    );
    let (_, report) = cleaner.clean_bytes(b"<p>A page.</p>").unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn one_cleaner_serves_many_documents() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    for i in 0..50 {
        let page = format!("<title>Page {i}</title><nav>menu</nav><p>Story {i}</p>");
        let cleaned = cleaner.clean_str(&page).unwrap();
        assert_eq!(cleaned.html, format!("<title>Page {i}</title><p>Story {i}</p>"));
        assert_eq!(cleaned.report.title, Some(format!("Page {i}")));
        assert_eq!(cleaned.report.removed[&Category::Navigation].elements, 1);
    }
}

#[test]
fn output_flows_before_the_input_ends() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let seen = std::cell::RefCell::new(Vec::new());
    let mut stream = cleaner.stream(|b: &[u8]| seen.borrow_mut().extend_from_slice(b));
    let paragraph = "<p>".to_string() + &"word ".repeat(100) + "</p>";
    for _ in 0..100 {
        stream.write(paragraph.as_bytes()).unwrap();
    }
    assert!(
        seen.borrow().len() > 40_000,
        "only {} bytes out before end()",
        seen.borrow().len()
    );
    stream.end().unwrap();
}

/// Cleans `html` fed in chunks of `size` bytes (a construct only strains memory when it spans
/// chunks: within one chunk lol_html reads it in place).
fn clean_chunked(cleaner: &Cleaner, html: &str, size: usize) -> stripwall::Result<(String, stripwall::Report)> {
    let (out, report) = common::clean_pieces(cleaner, html.as_bytes().chunks(size))?;
    Ok((String::from_utf8(out).unwrap(), report))
}

#[test]
fn memory_limit_is_an_error_or_a_pass_through() {
    let huge = format!(
        "<p>Before</p><nav>menu</nav><div data-x=\"{}\">After</div><nav>tail menu</nav>",
        "x".repeat(2_000_000)
    );
    let strict = Cleaner::new(Options {
        memory_limit: 64 * 1024,
        ..Options::default()
    })
    .unwrap();
    let err = clean_chunked(&strict, &huge, 4096).map(|_| ()).unwrap_err();
    assert!(matches!(err, Error::MemoryLimit { limit: 65536 }), "{err:?}");

    let lenient = Cleaner::new(Options {
        memory_limit: 64 * 1024,
        on_memory_limit: OnMemoryLimit::PassThrough,
        ..Options::default()
    })
    .unwrap();
    let (html, report) = clean_chunked(&lenient, &huge, 4096).unwrap();
    assert!(
        html.starts_with("<p>Before</p><div data-x="),
        "cleaned up to the limit: {}",
        &html[..40]
    );
    assert!(
        html.ends_with("After</div><nav>tail menu</nav>"),
        "the rest passes through whole"
    );
    assert_eq!(html.len(), huge.len() - "<nav>menu</nav>".len(), "nothing lost");
    assert!(
        report.warnings.iter().any(|w| w.contains("memory limit")),
        "{:?}",
        report.warnings
    );
}

#[test]
fn a_comment_longer_than_the_memory_limit_passes_in_a_stream_and_in_a_string() {
    let cleaner = Cleaner::new(Options {
        memory_limit: 64 * 1024,
        ..Options::default()
    })
    .unwrap();
    let body = "x".repeat(1_000_000);
    for page in [
        format!("<p>Before</p><nav>menu</nav><!--{body}--><p>After</p>"),
        // Unterminated: the comment runs to the end of the input.
        format!("<p>Before</p><nav>menu</nav><!--{body}"),
    ] {
        let expected = page.replacen("<nav>menu</nav>", "", 1);
        // Streamed, lol_html skips comments without holding them.
        let (streamed, _) = clean_chunked(&cleaner, &page, 4096).unwrap();
        assert_eq!(streamed, expected);
        // Whole, it lexes throughout only when that holds far less than the limit.
        assert_eq!(cleaner.clean_str(&page).unwrap().html, expected);
    }
}

/// Reader mode keeps a page that comes in writes until its end and reads it whole; a page
/// larger than half the memory limit is cleaned as it comes instead. Either way, in any
/// chunking and as bytes or as text, the article and its report are those of the whole page.
#[test]
fn reader_mode_gives_the_same_article_from_a_page_kept_whole_or_cleaned_as_it_comes() {
    let prose = "The harbour authority reopened the port on Friday after a week of repairs to the quay. ";
    let story: String = (0..12).map(|i| format!("<p>{i}. {}</p>", prose.repeat(3))).collect();
    let page = format!(
        "<html><head><meta charset=\"windows-1252\"><title>Port reopens | Harbour News</title></head><body>\
         <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
         <article><h1>Port reopens</h1><p class=\"byline\">By Ana Costa</p>{story}<p>Café owners welcomed it.</p></article>\
         <footer>© 2025 Harbour News. All rights reserved.</footer></body></html>"
    );
    // With the default limit (16 MiB) the page is kept whole; with a limit of 6 KiB, of which it
    // is more than half, it is cleaned as it comes.
    assert!(page.len() > 3 * 1024 && page.len() < 4 * 1024 * 1024);
    for memory_limit in [Options::default().memory_limit, 6 * 1024] {
        let cleaner = Cleaner::new(Options {
            mode: Mode::Reader,
            memory_limit,
            ..Options::default()
        })
        .unwrap();
        let whole = cleaner.clean_str(&page).unwrap();
        assert!(
            whole.html.contains("Café owners") && whole.html.contains("0. The harbour"),
            "{}",
            whole.html
        );
        assert!(!whole.html.contains("Sport") && !whole.html.contains("rights reserved"));
        for piece in [1, 7, 500, page.len()] {
            // As text: decoded already, whatever its `<meta>` says (an empty write of bytes
            // before it says nothing).
            let mut out = Vec::new();
            let mut stream = cleaner.stream(|b: &[u8]| out.extend_from_slice(b));
            stream.write(b"").unwrap();
            let mut rest = page.as_str();
            while !rest.is_empty() {
                let mut at = piece.min(rest.len());
                while !rest.is_char_boundary(at) {
                    at += 1;
                }
                stream.write_str(&rest[..at]).unwrap();
                rest = &rest[at..];
            }
            let report = stream.end().unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                whole.html,
                "limit {memory_limit}, text in {piece}s"
            );
            assert_eq!(report, whole.report, "limit {memory_limit}, text in {piece}s");
            // As bytes in the encoding the page declares.
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
            let (expected, expected_report) = cleaner.clean_bytes(&bytes).unwrap();
            let (out, report) = common::clean_pieces(&cleaner, bytes.chunks(piece)).unwrap();
            assert_eq!(out, expected, "limit {memory_limit}, bytes in {piece}s");
            assert_eq!(report, expected_report, "limit {memory_limit}, bytes in {piece}s");
            assert!(String::from_utf8(out).unwrap().contains("Café owners"));
        }
    }
}

/// Found in review: a page in a legacy encoding is up to three times longer once decoded, and a
/// whole document is lexed throughout only when its decoded length leaves room in the memory
/// limit (lexing holds an unterminated comment whole). Its raw length, well under the limit,
/// once decided it, and such a page failed where a stream of it passed.
#[test]
fn a_page_that_grows_when_decoded_is_cleaned_within_the_memory_limit() {
    let mut page =
        b"<meta charset=\"windows-1252\"><p>The port reopened on Friday after a week of repairs.</p><!--".to_vec();
    page.extend(std::iter::repeat_n(0x80u8, 26_000)); // each `\x80` (the euro sign) is 3 bytes in UTF-8
    for mode in [Mode::Stream, Mode::Reader] {
        let cleaner = Cleaner::new(Options {
            mode,
            memory_limit: 64 * 1024,
            ..Options::default()
        })
        .unwrap();
        let (whole, _) = cleaner
            .clean_bytes(&page)
            .unwrap_or_else(|e| panic!("{mode:?}, whole: {e}"));
        let (streamed, _) =
            common::clean_pieces(&cleaner, page.chunks(4096)).unwrap_or_else(|e| panic!("{mode:?}, stream: {e}"));
        assert_eq!(whole, streamed, "{mode:?}");
        assert!(
            String::from_utf8_lossy(&whole).contains("The port reopened"),
            "{mode:?}"
        );
    }
}

#[test]
fn a_failed_stream_says_so_instead_of_going_on() {
    let cleaner = Cleaner::new(Options {
        memory_limit: 1024,
        ..Options::default()
    })
    .unwrap();
    let mut stream = cleaner.stream(|_: &[u8]| {});
    let big = format!("<div title=\"{}\">", "y".repeat(10_000));
    assert!(stream.write(big.as_bytes()).is_err());
    assert!(matches!(stream.write(b"<p>x</p>"), Err(Error::StreamFinished)));
}

#[test]
fn empty_input_gives_empty_output_and_a_warning() {
    let cleaned = Cleaner::new(Options::default()).unwrap().clean_str("").unwrap();
    assert_eq!(cleaned.html, "");
    assert_eq!(cleaned.report.warnings, vec!["the input was empty".to_string()]);
}

#[test]
fn invalid_utf8_and_binary_junk_pass_without_panic() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    // Bytes that are not UTF-8 and no declaration: the encoding is guessed, the output is UTF-8.
    let (out, report) = cleaner.clean_bytes(b"<p>caf\xe9 \xff\xfe</p><nav>x</nav>").unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "<p>café ÿþ</p>");
    assert_eq!(report.encoding.as_deref(), Some("windows-1252"));
    // Invalid sequences in a page that says it is UTF-8 pass as they are (lossy reading shows
    // U+FFFD): nothing else is lost.
    let (out, _) = cleaner.clean_bytes(b"<meta charset=utf-8><p>a\xff b</p>").unwrap();
    assert_eq!(String::from_utf8_lossy(&out), "<meta charset=utf-8><p>a\u{fffd} b</p>");
    let junk: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let (out, _) = cleaner.clean_bytes(&junk).unwrap();
    assert!(!out.is_empty());
}

#[test]
fn deep_nesting_is_linear_and_keeps_the_text() {
    let depth = 100_000;
    let page = format!("{}<p>Deep text</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let started = std::time::Instant::now();
    let html = stripwall::clean(&page).unwrap();
    assert!(html.contains("<p>Deep text</p>"));
    assert_eq!(html.len(), page.len());
    // Generous: a quadratic scan of 100k holds would take minutes, not seconds.
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

#[test]
fn many_elements_and_a_large_text_node() {
    let page = "<p>x</p>".repeat(200_000) + "<p>" + &"long ".repeat(1_000_000) + "</p>";
    let html = stripwall::clean(&page).unwrap();
    assert_eq!(html.len(), page.len());
}

#[test]
fn clean_io_streams_between_reader_and_writer() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let input = b"<nav>menu</nav><p>Story</p>".repeat(10_000);
    let mut output = Vec::new();
    let report = cleaner.clean_io(&input[..], &mut output).unwrap();
    assert_eq!(output, b"<p>Story</p>".repeat(10_000));
    assert_eq!(report.removed[&Category::Navigation].elements, 10_000);
    assert_eq!(report.bytes_in, input.len() as u64);
    assert_eq!(report.bytes_out, output.len() as u64);
}

#[test]
fn explain_lists_each_removal_with_reason_and_snippet() {
    let cleaner = Cleaner::new(Options {
        explain: true,
        ..Options::default()
    })
    .unwrap();
    let cleaned = cleaner
        .clean_str("<p>Story</p><p>© 2026 Example Media. All rights reserved.</p>")
        .unwrap();
    let removal = &cleaned.report.removals[0];
    assert_eq!(removal.category, Category::Footer);
    assert_eq!(removal.tag, "p");
    assert!(removal.reason.contains("all rights reserved"), "{}", removal.reason);
    assert_eq!(removal.snippet, "© 2026 Example Media. All rights reserved.");
    let quiet = Cleaner::new(Options::default())
        .unwrap()
        .clean_str("<p>© 2026 Example Media. All rights reserved.</p>")
        .unwrap();
    assert!(quiet.report.removals.is_empty());
}

#[test]
fn options_round_trip_through_json_with_camel_case_and_reject_unknown_keys() {
    let options: Options =
        serde_json::from_str(r#"{"keep":["comments"],"removeSelectors":[".x"],"explain":true}"#).unwrap();
    assert_eq!(options.keep, vec![Category::Comments]);
    assert_eq!(options.remove_selectors, vec![".x".to_string()]);
    let err = serde_json::from_str::<Options>(r#"{"kep":["comments"]}"#).unwrap_err();
    assert!(err.to_string().contains("kep"), "{err}");
}

#[test]
fn text_output_puts_the_title_first() {
    let cleaned = stripwall::Cleaner::new(Options::default())
        .unwrap()
        .clean_str("<title>Story &amp; more</title><nav>x</nav><h1>Story &amp; more</h1><p>Body  text</p>")
        .unwrap();
    assert_eq!(cleaned.text(), "Story & more\n\nBody text\n");
}

#[test]
fn the_title_is_the_first_html_title_not_an_icons() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let icon = "<body><svg><title>Search icon</title></svg><p>Story</p>";
    let page = format!("{icon}<title>The page</title>");
    for html in [icon, page.as_str()] {
        let title = html.contains("The page").then(|| "The page".to_string());
        assert_eq!(cleaner.clean_str(html).unwrap().report.title, title, "{html}");
        assert_eq!(cleaner.clean_bytes(html.as_bytes()).unwrap().1.title, title, "{html}");
    }
}

/// Found by fuzzing (stream and reader targets): a `<title>` longer than the 4 KiB read of it
/// gave a different report depending on where chunks split it; so did an oversized JSON-LD block.
#[test]
fn capped_reads_do_not_depend_on_chunking() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let json = format!(
        r#"{{"@type":"NewsArticle","headline":"H","articleBody":"{}"}}"#,
        "x".repeat(4 * 1024 * 1024)
    );
    let page = format!(
        "<title>{}</title><script type=\"application/ld+json\">{json}</script><p>Story</p>",
        "Ж".repeat(3000)
    );
    let (whole, whole_report) = cleaner.clean_bytes(page.as_bytes()).unwrap();
    // `clean_str` reads the title and JSON-LD from its input, without text handlers.
    let read_whole = cleaner.clean_str(&page).unwrap().report;
    assert_eq!(read_whole.title, whole_report.title);
    assert_eq!(read_whole.metadata, whole_report.metadata);
    for piece in [61, 1000, 4093, 65_536] {
        let (out, report) = common::clean_pieces(&cleaner, page.as_bytes().chunks(piece)).unwrap();
        assert_eq!(out, whole, "chunks of {piece}");
        assert_eq!(report, whole_report, "chunks of {piece}");
    }
    assert!(whole_report.title.unwrap().len() <= 4096);
    // A three-byte character across the cap with short ones after it, in a title left open.
    let page = format!("<title>ab{}x</p>y</title><p>Story</p>", "€ ".repeat(1400)).replace("</title>", "");
    let (_, whole_report) = cleaner.clean_bytes(page.as_bytes()).unwrap();
    for piece in 1..=80 {
        let (_, report) = common::clean_pieces(&cleaner, page.as_bytes().chunks(piece)).unwrap();
        assert_eq!(report.title, whole_report.title, "chunks of {piece}");
    }
}

/// Found by the re-parse property (proptest): a stray `<` in text next to a removed element
/// joined what followed into a tag. A `<` directly followed by `<` is written `&lt;`, in any
/// chunking.
#[test]
fn removing_an_element_never_joins_text_into_a_tag() {
    for mode in [stripwall::Mode::Stream, stripwall::Mode::Reader] {
        let cleaner = Cleaner::new(Options {
            mode,
            ..Options::default()
        })
        .unwrap();
        let page = "<p>The council approved the plan on Monday after a long debate about costs.</p>\
            <<script></script>script>alert(1)<<nav>x</nav>/script><p>a < b</p>";
        let html = cleaner.clean_str(page).unwrap().html;
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script>alert(1)") && html.contains("a < b"), "{html}");
        // In any chunking (found by fuzzing: a chunk ending in `<<` left the first `<` as it was).
        let split = "<p>a</p><<nav>x</nav>script>alert(1)<<<b>b</b>";
        let (whole, _) = cleaner.clean_bytes(split.as_bytes()).unwrap();
        for at in 0..split.len() {
            let pieces = [&split.as_bytes()[..at], &split.as_bytes()[at..]];
            let (out, _) = common::clean_pieces(&cleaner, pieces).unwrap();
            assert!(!String::from_utf8_lossy(&out).contains("<script"), "split at {at}");
            assert_eq!(out, whole, "split at {at}");
        }
    }
}

#[test]
fn a_paragraph_closed_by_its_end_tag_takes_nothing_after_it_along() {
    // `<small>` follows the closed `<p>`: the `<div>` inside it must not decide it half-read
    // (it did: "All rights reserved" went and a lone `</small>` stayed).
    let html = "<article><p>Story one.</p><small>All rights reserved <div>A long paragraph of the \
                article, story text with enough words in it to be kept.</div> end</small></article>";
    let cleaner = Cleaner::new(Options::default()).unwrap();
    for out in [
        cleaner.clean_str(html).unwrap().html,
        clean_chunked(&cleaner, html, 7).unwrap().0,
    ] {
        assert_eq!(out.matches("<small>").count(), out.matches("</small>").count(), "{out}");
        assert!(out.contains("A long paragraph of the"), "{out}");
    }
    // Inside an unclosed paragraph, the `<div>` still closes the paragraph and what is in it.
    let unclosed = "<p>Story<small>Subscribe now</small><div>Text after.</div>";
    assert_eq!(
        cleaner.clean_str(unclosed).unwrap().html,
        "<p>Story<div>Text after.</div>"
    );
}

#[test]
fn a_paragraph_is_judged_alike_however_it_is_closed() {
    // A prompt by its class: the next block closing it must verify it as its `</p>` would.
    let cleaner = Cleaner::new(Options::default()).unwrap();
    for html in [
        "<p class=\"newsletter-signup\">Get our emails every morning</p><div>Story text.</div>",
        "<p class=\"newsletter-signup\">Get our emails every morning<div>Story text.</div>",
    ] {
        assert_eq!(
            cleaner.clean_str(html).unwrap().html,
            "<div>Story text.</div>",
            "{html}"
        );
    }
}

#[test]
fn categories_print_by_name_and_honour_widths() {
    assert_eq!(Category::NonContent.to_string(), "non-content");
    // Columns of a table line up (the CLI's `--explain` summary).
    assert_eq!(format!("{:<11}|", Category::Paywall), "paywall    |");
    assert_eq!(format!("{:>11}|", Category::Share), "      share|");
}

/// A cleaner is built once and shared by the threads of a corpus run.
#[test]
fn a_cleaner_is_shared_between_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<stripwall::Cleaner>();
}

/// `clean_to_text` (and `clean_str_to_text`) is the text of the cleaned HTML, in both modes, on every fixture and on the
/// inputs fuzzing found (where reader mode's article holds markup only its HTML's second
/// safety pass removes), though it skips that pass.
#[test]
fn text_made_directly_is_the_text_of_the_html() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut pages: Vec<Vec<u8>> = Vec::new();
    for dir in ["fixtures", "regressions"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            match path.extension().and_then(|e| e.to_str()) {
                Some("html") => pages.push(std::fs::read(&path).unwrap()),
                Some("bin") => pages.push(std::fs::read(&path).unwrap()[1..].to_vec()),
                _ => {}
            }
        }
    }
    assert!(pages.len() > 20);
    let raw = "<p>Story text, kept.</p><iframe src=\"https://www.youtube.com/embed/x\"><p><script>x()</script>";
    pages.push(raw.as_bytes().to_vec());
    for mode in [Mode::Stream, Mode::Reader] {
        let cleaner = Cleaner::new(Options {
            mode,
            ..Options::default()
        })
        .unwrap();
        for page in &pages {
            let (html, report) = cleaner.clean_bytes_page(PageSource::default(), page).unwrap();
            let (text, text_report) = cleaner.clean_to_text(PageSource::default(), page).unwrap();
            assert_eq!(
                text,
                stripwall::to_text(&String::from_utf8_lossy(&html)),
                "{mode:?}: {}",
                String::from_utf8_lossy(&page[..page.len().min(120)])
            );
            assert_eq!(text_report.warnings, report.warnings);
            assert_eq!(text_report.removed, report.removed);
            // The same from a string (decoded already), against the string path's HTML.
            let page = String::from_utf8_lossy(page);
            let (text, _) = cleaner.clean_str_to_text(PageSource::default(), &page).unwrap();
            assert_eq!(text, cleaner.clean_str(&page).unwrap().text(), "{mode:?} (string)");
        }
    }
}
