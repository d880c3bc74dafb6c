//! The `stripwall` command as people and pipelines use it: formats, inputs, exit codes.

use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const PAGE: &str = r#"<html><head><title>Port reopens</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Port reopens</h1><p>The port reopened on Friday after repairs.</p>
<div class="newsletter-signup"><p>Sign up for our newsletter</p></div></article>
<footer>© 2026 Harbour News. All rights reserved.</footer></body></html>"#;

fn stripwall(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stripwall"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stripwall-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn html_is_the_default_format_and_stdin_the_default_input() {
    let out = stripwall(&[], PAGE.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.contains("<p>The port reopened on Friday after repairs.</p>"));
    assert!(
        !html.contains("Home") && !html.contains("newsletter") && !html.contains("All rights"),
        "{html}"
    );
}

#[test]
fn text_format_gives_title_then_blocks() {
    let out = stripwall(&["--format", "text", "-"], PAGE.as_bytes());
    assert_eq!(
        stdout(&out),
        "Port reopens\n\nThe port reopened on Friday after repairs.\n"
    );
}

#[test]
fn json_format_holds_title_text_html_and_report() {
    let out = stripwall(&["--format", "json", "--explain"], PAGE.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(value["title"], "Port reopens");
    assert!(value["text"].as_str().unwrap().contains("repairs"));
    assert!(value["html"].as_str().unwrap().contains("<article>"));
    assert_eq!(value["report"]["removed"]["navigation"]["elements"], 1);
    assert!(value["report"]["removals"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["category"] == "newsletter"));
    // --explain also writes the report for people to stderr.
    assert!(stderr(&out).contains("newsletter"), "{}", stderr(&out));
}

#[test]
fn keep_and_selectors_are_applied() {
    let out = stripwall(
        &["--keep", "navigation", "--remove", "h1", "--keep-selector", "footer"],
        PAGE.as_bytes(),
    );
    let html = stdout(&out);
    assert!(html.contains("Home"), "navigation kept: {html}");
    assert!(!html.contains("<h1>"), "h1 removed by selector: {html}");
    assert!(html.contains("All rights reserved"), "footer kept by selector: {html}");
}

#[test]
fn files_gzip_and_output_file() {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(PAGE.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let input = temp_file("page.html.gz", &gz);
    let output = input.with_file_name("out.html");
    let out = stripwall(&[input.to_str().unwrap(), "-o", output.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&output).unwrap();
    assert!(written.contains("The port reopened"), "{written}");
}

#[test]
fn truncated_gzip_is_an_error_with_a_message() {
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(PAGE.repeat(50).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    let input = temp_file("truncated.html.gz", &gz[..gz.len() / 2]);
    let out = stripwall(&[input.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("stripwall: ") && err.contains("truncated gzip"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn missing_file_is_exit_1_and_bad_usage_exit_2() {
    let out = stripwall(&["/nonexistent/page.html"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/page.html"), "{}", stderr(&out));

    let out = stripwall(&["--format", "pdf"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = stripwall(&["--keep", "everything"], b"");
    assert_eq!(out.status.code(), Some(2));
    let out = stripwall(&["--remove", "a:hover"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("a:hover"), "{}", stderr(&out));
}

#[test]
fn empty_binary_and_invalid_input_do_not_crash() {
    let out = stripwall(&[], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let junk: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    let out = stripwall(&["--format", "text"], &junk);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = stripwall(&["--format", "json"], b"<p>caf\xe9</p>");
    assert_eq!(out.status.code(), Some(0));
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());
}

#[test]
fn several_files_in_json_give_one_object_per_line() {
    let a = temp_file("a.html", b"<title>A</title><p>one</p>");
    let b = temp_file("b.html", b"<title>B</title><p>two</p>");
    let out = stripwall(&["--format", "json", a.to_str().unwrap(), b.to_str().unwrap()], b"");
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["title"], "B");
}

#[test]
fn help_names_the_formats_and_categories() {
    let out = stripwall(&["--help"], b"");
    let help = stdout(&out);
    for word in [
        "--format",
        "--keep",
        "--remove",
        "--keep-selector",
        "--explain",
        "--url",
        "paywall",
        "consent",
    ] {
        assert!(help.contains(word), "help lacks {word}:\n{help}");
    }
}

#[test]
fn reader_mode_gives_the_article_as_markdown_and_json() {
    let story = "<p>The port reopened on Friday after repairs, and the first ships, which had waited \
        offshore for a week, sailed in at dawn.</p>"
        .repeat(3);
    let page = PAGE.replace("<p>The port reopened on Friday after repairs.</p>", &story);
    let out = stripwall(&["--mode", "reader", "--format", "markdown"], page.as_bytes());
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    // The article's title first, as a person reads it on its own.
    assert!(md.starts_with("# Port reopens\n\nThe port reopened on Friday"), "{md}");
    assert_eq!(md.matches("Port reopens").count(), 1, "{md}");
    assert!(
        !md.contains("Home") && !md.contains("newsletter") && !md.contains("rights reserved"),
        "{md}"
    );

    let out = stripwall(&["--mode", "reader", "--format", "json"], page.as_bytes());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["title"], "Port reopens");
    assert_eq!(json["metadata"]["title"], "Port reopens");
    assert_eq!(json["report"]["reader"]["outcome"], "article");
    assert!(json["markdown"].as_str().unwrap().contains("first ships"));
    assert!(
        !json["text"].as_str().unwrap().contains("Port reopens"),
        "the headline is metadata, not text"
    );
}

#[test]
fn an_unknown_mode_or_preset_is_a_usage_error() {
    let out = stripwall(&["--mode", "summary"], PAGE.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("reader"));
    let out = stripwall(&["--mode", "reader", "--preset", "maximal"], PAGE.as_bytes());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn filter_lists_from_files() {
    let list = temp_file(
        "list.txt",
        b"! test list\n##.zz-float\nexample.org##.zz-site\n||ads.example^\n",
    );
    let page = r#"<p>Story text here.</p><div class="zz-float">Float</div><div class="zz-site">Site</div>"#;
    let path = list.to_str().unwrap();
    let out = stripwall(
        &["--filters", path, "--explain", "--url", "https://www.example.org/a"],
        page.as_bytes(),
    );
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).unwrap();
    assert_eq!(html, "<p>Story text here.</p>");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("2 rules applied") && err.contains("network rules"),
        "{err}"
    );
    assert!(err.contains("filter-list") && err.contains("##.zz-float"), "{err}");
    let out = stripwall(&["--filters", "/no/such/list.txt"], page.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("filter list /no/such/list.txt"));
}

#[test]
fn a_head_left_open_still_gives_the_body_text_in_every_format() {
    // Leaving out `</head>` and `<body>` is valid HTML: the `<p>` starts the body.
    let page = b"<html><head><title>T</title><body><p>Para one.</p>";
    let text = stripwall(&["--format", "text"], page);
    assert_eq!(stdout(&text), "T\n\nPara one.\n", "{}", stderr(&text));
    let markdown = stripwall(
        &["--format", "markdown"],
        b"<head><title>T</title><meta charset=utf-8><p>Para <b>one</b>.",
    );
    assert_eq!(stdout(&markdown), "Para **one**.\n");
}

#[test]
fn an_output_without_text_from_a_page_with_text_warns_on_stderr() {
    let page = b"<title>T</title><div class=\"cookie-banner\"><p>We use cookies to run this site.</p></div>";
    let out = stripwall(&["--format", "text"], page);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("warning: the output has no text although the page had some"),
        "{}",
        stderr(&out)
    );
    // A page with nothing to read is not warned about, and a page with text kept is not either.
    let quiet = stripwall(
        &["--format", "text"],
        b"<title>T</title><div class=\"cookie-banner\"></div>",
    );
    assert_eq!(stderr(&quiet), "");
    assert_eq!(stderr(&stripwall(&[], PAGE.as_bytes())), "");
}

#[test]
fn front_matter_heads_markdown_with_the_pages_metadata() {
    let page = r#"<html><head><title>Port reopens | Harbour News</title><meta name="author" content="Ana Costa">
<meta property="article:published_time" content="2026-03-02T08:00:00Z"></head><body><article><h1>Port reopens</h1>
<p>The port reopened on Friday after two years of repairs to the harbour wall and the quays around it.</p></article></body></html>"#;
    let out = stripwall(
        &[
            "--mode",
            "reader",
            "--format",
            "markdown",
            "--front-matter",
            "--url",
            "https://news.example/port",
        ],
        page.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(
        md.starts_with("---\ntitle: \"Port reopens\"\nsource: \"https://news.example/port\"\nauthor:\n  - \"Ana Costa\"\npublished: \"2026-03-02\"\n"),
        "{md}"
    );
    assert!(
        md.contains("---\n\n# Port reopens\n\nThe port reopened on Friday"),
        "{md}"
    );
    // Without the flag, Markdown is the article alone.
    let plain = stdout(&stripwall(
        &["--mode", "reader", "--format", "markdown"],
        page.as_bytes(),
    ));
    assert!(!plain.starts_with("---"), "{plain}");
}

#[test]
fn flags_that_do_nothing_here_are_said() {
    let said = |args: &[&str]| stderr(&stripwall(args, PAGE.as_bytes()));
    assert!(said(&["--front-matter", "--format", "text"]).contains("--front-matter heads Markdown only"));
    assert!(said(&["--preset", "precision"]).contains("--preset tunes reader mode only"));
    assert!(said(&["--keep-attribute", "class"]).contains("--keep-attribute picks the attributes of reader mode's"));
    assert!(said(&["--fields", "title"]).contains("--fields picks a batch's JSON fields"));
    // A mistake that would change nothing silently is an error.
    let out = stripwall(&["--url", "example.com/story"], PAGE.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("invalid option `--url`"), "{}", stderr(&out));
    // Used as given: nothing said.
    let used = said(&[
        "--mode",
        "reader",
        "--preset",
        "precision",
        "--keep-attribute",
        "class",
        "--front-matter",
        "--format",
        "markdown",
    ]);
    assert!(!used.contains("ignored"), "{used}");
    assert_eq!(said(&["-q", "--front-matter"]), "");
    let dir = std::env::temp_dir().join(format!("stripwall-cli-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = stripwall(&[dir.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("no documents found"), "{}", stderr(&out));
}
