//! Pages in other encodings: declared by a byte order mark, by the caller (the HTTP header), by
//! `<meta>`, or not at all (guessed). Output is UTF-8 and says so.

use encoding_rs::{Encoding, GB18030, ISO_8859_2, SHIFT_JIS, WINDOWS_1251};
use stripwall::{Cleaner, EncodingSource, Options};

const TEXTS: [(&Encoding, &str); 4] = [
    (WINDOWS_1251, "Городской совет в понедельник утвердил бюджет на следующий год после долгих споров о расходах на школы и дороги."),
    (SHIFT_JIS, "市議会は月曜日、学校と道路への支出をめぐる長い議論の末、来年度の予算を承認した。"),
    (GB18030, "市议会周一在就学校和道路支出进行长时间辩论后批准了明年的预算。"),
    (ISO_8859_2, "Rada miejska zatwierdziła w poniedziałek budżet na przyszły rok po długiej debacie o wydatkach na szkoły i drogi."),
];

fn page(meta: &str, text: &str) -> String {
    format!(
        "<html><head>{meta}<title>Budget</title></head><body><nav><a href=/>Home</a></nav>\
         <article><p>{text}</p><p>{text}</p><p>{text}</p></article></body></html>"
    )
}

fn clean(bytes: &[u8], charset: Option<&str>) -> (String, stripwall::Report) {
    let cleaner = Cleaner::new(Options {
        charset: charset.map(str::to_string),
        ..Options::default()
    })
    .unwrap();
    let (out, report) = cleaner.clean_bytes(bytes).unwrap();
    (String::from_utf8(out).expect("output is UTF-8"), report)
}

#[test]
fn declared_by_meta() {
    for (encoding, text) in TEXTS {
        let html = page(&format!(r#"<meta charset="{}">"#, encoding.name()), text);
        let (bytes, _, unmappable) = encoding.encode(&html);
        assert!(!unmappable);
        let (out, report) = clean(&bytes, None);
        assert!(out.contains(text), "{}: {out}", encoding.name());
        assert!(
            out.contains(r#"<meta charset="utf-8">"#),
            "the meta now says UTF-8: {out}"
        );
        assert!(!out.contains("Home"));
        assert_eq!(report.encoding.as_deref(), Some(encoding.name()));
        assert_eq!(report.encoding_from, Some(EncodingSource::Meta));
    }
}

#[test]
fn declared_by_the_caller_and_by_http_equiv() {
    for (encoding, text) in TEXTS {
        let html = page("", text);
        let (bytes, _, _) = encoding.encode(&html);
        let (out, report) = clean(&bytes, Some(encoding.name()));
        assert!(out.contains(text), "{}: {out}", encoding.name());
        assert_eq!(report.encoding_from, Some(EncodingSource::Caller));
        let equiv = format!(
            r#"<meta http-equiv="Content-Type" content="text/html; charset={}">"#,
            encoding.name()
        );
        let html = page(&equiv, text);
        let (bytes, _, _) = encoding.encode(&html);
        let (out, _) = clean(&bytes, None);
        assert!(out.contains(text) && out.contains("charset=utf-8"), "{out}");
    }
}

#[test]
#[cfg_attr(not(feature = "detect"), ignore = "guessing needs the `detect` feature")]
fn undeclared_pages_are_guessed() {
    for (encoding, text) in TEXTS {
        let html = page("", text);
        let (bytes, _, _) = encoding.encode(&html);
        let (out, report) = clean(&bytes, None);
        assert!(out.contains(text), "{}: {out}", encoding.name());
        assert_eq!(report.encoding_from, Some(EncodingSource::Detected));
        // As in Firefox: GB18030 text that needs none of its extensions is guessed as GBK, and
        // Central European as windows-1250 (the two read this text alike).
        let guessed = report.encoding.unwrap();
        let alike = match encoding.name() {
            "gb18030" => "GBK",
            "ISO-8859-2" => "windows-1250",
            name => name,
        };
        assert!(guessed == encoding.name() || guessed == alike, "{guessed}");
    }
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let text = TEXTS[0].1;
    let html = page(r#"<meta charset="utf-16">"#, text);
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(html.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(html.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let (out, report) = clean(&bytes, Some("windows-1252"));
        assert!(out.contains(text), "{name}: {out}");
        assert!(out.contains(r#"<meta charset="utf-8">"#));
        assert_eq!(report.encoding.as_deref(), Some(name));
        assert_eq!(
            report.encoding_from,
            Some(EncodingSource::Bom),
            "a BOM wins over the caller"
        );
    }
}

#[test]
fn any_chunking_gives_the_same_result() {
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let mut rng = fastrand::Rng::with_seed(11);
    for (encoding, text) in TEXTS {
        for declared in [true, false] {
            let meta = if declared {
                format!("<meta charset={}>", encoding.name())
            } else {
                String::new()
            };
            let html = page(&meta, text);
            let (bytes, _, _) = encoding.encode(&html);
            let (whole, whole_report) = cleaner.clean_bytes(&bytes).unwrap();
            for _ in 0..16 {
                let mut out = Vec::new();
                let mut stream = cleaner.stream(|b: &[u8]| out.extend_from_slice(b));
                let mut at = 0;
                while at < bytes.len() {
                    let n = rng.usize(1..=300).min(bytes.len() - at);
                    stream.write(&bytes[at..at + n]).unwrap();
                    at += n;
                }
                assert_eq!(stream.end().unwrap(), whole_report);
                assert_eq!(out, whole, "{} (declared: {declared})", encoding.name());
            }
        }
    }
}

#[test]
fn text_input_is_taken_as_text_whatever_its_meta_says() {
    let html = page(r#"<meta charset="windows-1251">"#, TEXTS[0].1);
    let cleaned = Cleaner::new(Options::default()).unwrap().clean_str(&html).unwrap();
    assert!(cleaned.html.contains(TEXTS[0].1));
    assert_eq!(cleaned.report.encoding_from, Some(EncodingSource::Text));
}

#[test]
fn an_unknown_label_is_an_error() {
    let err = Cleaner::new(Options {
        charset: Some("klingon".into()),
        ..Options::default()
    })
    .unwrap_err();
    assert!(err.to_string().contains("charset"), "{err}");
}

#[test]
fn a_declared_charset_that_names_no_encoding_is_ignored_and_said() {
    let page = b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>";
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let source = stripwall::PageSource {
        charset: Some("nope"),
        ..Default::default()
    };
    let (html, report) = cleaner.clean_bytes_page(source, page).unwrap();
    assert!(String::from_utf8(html).unwrap().contains("Привет"));
    assert!(
        report.warnings.iter().any(|w| w.contains("\"nope\" names no encoding")),
        "{:?}",
        report.warnings
    );
    // A label it knows says nothing.
    let source = stripwall::PageSource {
        charset: Some("windows-1251"),
        ..Default::default()
    };
    assert!(cleaner.clean_bytes_page(source, page).unwrap().1.warnings.is_empty());
}

/// A UTF-8 page whose `<meta>` names another encoding too late for the prescan (after a long
/// script): read as UTF-8, as browsers do, and its output says UTF-8. Left as it was, the
/// declaration would fall within the prescan of the shorter output, and cleaning the output
/// again would read it as Latin-1.
#[test]
fn a_late_declaration_the_bytes_contradict_is_corrected_in_the_output() {
    let script = format!("<script>{}</script>", "var x = 1;\n".repeat(200));
    let html = format!(
        "<html><head>{script}<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\
         <title>Hôtel</title></head><body><article><p>Hôtel du Louvre, Paris: {}</p></article></body></html>",
        "le petit-déjeuner est servi de sept à dix heures. ".repeat(4)
    );
    let (once, report) = clean(html.as_bytes(), None);
    assert_eq!(report.encoding.as_deref(), Some("UTF-8"));
    assert!(once.contains("charset=utf-8") && !once.contains("ISO-8859-1"), "{once}");
    let (twice, _) = clean(once.as_bytes(), None);
    assert_eq!(twice, once);
    assert!(twice.contains("Hôtel du Louvre"));
}
