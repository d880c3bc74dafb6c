//! Corpus runs of the `stripwall` command: directories, WARC archives (written here, the way
//! Common Crawl writes them), several jobs, and batches in which some documents fail.

use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stripwall(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stripwall"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stripwall-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<html><head><title>{title}</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\
         <article><h1>{title}</h1><p>{body}</p></article><footer>© 2026 Example. All rights reserved.</footer></body></html>"
    )
}

/// One WARC record: its header fields and block.
fn record(kind: &str, uri: &str, extra: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\n",
        uri.len() * 7 + block.len()
    )
    .into_bytes();
    for (name, value) in extra {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn response(uri: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut block = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    block.extend_from_slice(body);
    record(
        "response",
        uri,
        &[("Content-Type", "application/http; msgtype=response")],
        &block,
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

/// The records of a small crawl: 3 HTML pages among records that are not.
fn crawl() -> Vec<Vec<u8>> {
    let latin1: Vec<u8> = page("Caf\u{e9} opens", "The caf\u{e9} opened on the square on Monday.")
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let zipped = gzip(page("Zipped page", "This page came gzipped and chunked.").as_bytes());
    let mut chunked = Vec::new();
    for chunk in zipped.chunks(40) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    vec![
        record(
            "warcinfo",
            "",
            &[("Content-Type", "application/warc-fields")],
            b"software: test\r\n",
        ),
        record(
            "request",
            "https://example.com/cafe",
            &[],
            b"GET /cafe HTTP/1.1\r\nHost: example.com\r\n\r\n",
        ),
        response(
            "https://example.com/cafe",
            "Content-Type: text/html; charset=ISO-8859-1\r\n",
            &latin1,
        ),
        record("metadata", "https://example.com/cafe", &[], b"fetchTimeMs: 12\r\n"),
        response(
            "https://example.com/logo.png",
            "Content-Type: image/png\r\n",
            b"\x89PNG....",
        ),
        response(
            "https://example.com/zipped",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        ),
        record(
            "resource",
            "https://example.com/saved",
            &[("Content-Type", "text/html")],
            page("Saved page", "A page stored as a resource record.").as_bytes(),
        ),
    ]
}

fn write_warc_gz(path: &Path, records: &[Vec<u8>]) -> Vec<u64> {
    let mut file = Vec::new();
    let mut offsets = Vec::new();
    for r in records {
        offsets.push(file.len() as u64);
        file.extend_from_slice(&gzip(r));
    }
    std::fs::write(path, &file).unwrap();
    offsets
}

#[test]
fn a_warc_gz_gives_one_line_per_html_response_with_its_record() {
    let dir = temp_dir("warc-gz");
    let path = dir.join("crawl.warc.gz");
    let offsets = write_warc_gz(&path, &crawl());
    let out = stripwall(&[path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 3, "{docs:?}");
    let urls: Vec<&str> = docs.iter().map(|d| d["url"].as_str().unwrap()).collect();
    assert_eq!(
        urls,
        [
            "https://example.com/cafe",
            "https://example.com/zipped",
            "https://example.com/saved"
        ]
    );
    // The HTTP charset decides how the page is read.
    let cafe = docs[0]["text"].as_str().unwrap();
    assert!(cafe.contains("The café opened on the square"), "{cafe}");
    assert!(
        !cafe.contains("All rights reserved") && !cafe.contains("Home"),
        "{cafe}"
    );
    assert!(docs[1]["text"].as_str().unwrap().contains("came gzipped and chunked"));
    assert_eq!(docs[0]["source"], path.to_str().unwrap());
    assert_eq!(docs[0]["date"], "2026-01-02T03:04:05Z");
    assert_eq!(docs[0]["status"], 200);
    assert!(docs[0]["recordId"].as_str().unwrap().starts_with("<urn:uuid:response-"));
    assert!(docs[0]["pageKind"].is_string(), "{:?}", docs[0]);
    // Offsets are those of the records' gzip members: each decompresses on its own to the record.
    let file = std::fs::read(&path).unwrap();
    for doc in &docs {
        let offset = doc["offset"].as_u64().unwrap();
        assert!(offsets.contains(&offset));
        let mut start = [0u8; 8];
        GzDecoder::new(&file[offset as usize..]).read_exact(&mut start).unwrap();
        assert_eq!(&start, b"WARC/1.1");
    }
    assert!(
        stderr(&out).contains("stripwall: 3 documents, 4 skipped, 0 failed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_uncompressed_warc_gives_the_same_documents_with_byte_offsets() {
    let dir = temp_dir("warc");
    let records = crawl();
    let path = dir.join("crawl.warc");
    std::fs::write(&path, records.concat()).unwrap();
    let out = stripwall(&["--fields", "title", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = lines(&out);
    let titles: Vec<&str> = docs.iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["Café opens", "Zipped page", "Saved page"]);
    assert!(
        docs[0].get("text").is_none(),
        "only the fields asked for: {:?}",
        docs[0]
    );
    let file = std::fs::read(&path).unwrap();
    let offset = docs[2]["offset"].as_u64().unwrap() as usize;
    assert!(file[offset..].starts_with(b"WARC/1.1\r\nWARC-Type: resource"));
}

#[test]
fn a_truncated_archive_gives_the_documents_before_the_cut_then_an_error() {
    let dir = temp_dir("truncated");
    let path = dir.join("cut.warc.gz");
    let offsets = write_warc_gz(&path, &crawl());
    let file = std::fs::read(&path).unwrap();
    // Cut inside the member of the chunked response (the 6th record).
    let cut = offsets[5] as usize + 30;
    std::fs::write(&path, &file[..cut]).unwrap();
    let out = stripwall(&["--fields", "title", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert_eq!(docs[0]["title"], "Café opens");
    let error = docs[1]["error"].as_str().unwrap();
    assert!(
        error.contains("truncated") && error.contains(&offsets[5].to_string()),
        "{error}"
    );
    assert!(stderr(&out).contains("1 failed"), "{}", stderr(&out));
}

#[test]
fn directories_are_walked_in_name_order_through_globs() {
    let dir = temp_dir("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("b.html"), page("Second", "The second page of the walk.")).unwrap();
    std::fs::write(
        dir.join("sub/c.htm.gz"),
        gzip(page("Third", "The third page, gzipped.").as_bytes()),
    )
    .unwrap();
    std::fs::write(dir.join("a.html"), page("First", "The first page of the walk.")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not a page").unwrap();
    let out = stripwall(&["--fields", "title", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = lines(&out);
    let titles: Vec<&str> = docs.iter().map(|d| d["title"].as_str().unwrap()).collect();
    assert_eq!(titles, ["First", "Second", "Third"]);
    assert!(docs[2]["source"].as_str().unwrap().ends_with("c.htm.gz"));
    let txt = stripwall(&["--glob", "*.txt", "--fields", "text", dir.to_str().unwrap()]);
    assert_eq!(lines(&txt).len(), 1);
    // A directory alone is a batch too, even of one page.
    let one = dir.join("sub");
    assert_eq!(
        lines(&stripwall(&["--fields", "title", one.to_str().unwrap()])).len(),
        1
    );
}

#[test]
fn every_input_gets_its_line_and_one_failure_does_not_stop_the_others() {
    let dir = temp_dir("errors");
    let good = dir.join("good.html");
    std::fs::write(&good, page("Good", "A page that reads well.")).unwrap();
    let missing = dir.join("missing.html");
    let bad_gzip = dir.join("bad.html.gz");
    std::fs::write(&bad_gzip, &gzip(b"<p>cut")[..12]).unwrap();
    let args = [
        good.to_str().unwrap(),
        missing.to_str().unwrap(),
        bad_gzip.to_str().unwrap(),
        good.to_str().unwrap(),
    ];
    let out = stripwall(&args);
    assert_eq!(out.status.code(), Some(1));
    let docs = lines(&out);
    assert_eq!(docs.len(), 4, "{docs:?}");
    assert_eq!(docs[0]["title"], "Good");
    assert!(
        docs[1]["error"].as_str().unwrap().contains("cannot open"),
        "{:?}",
        docs[1]
    );
    assert!(docs[2]["error"].as_str().unwrap().contains("gzip"), "{:?}", docs[2]);
    assert_eq!(docs[3]["title"], "Good");
    assert!(
        stderr(&out).contains("4 documents, 0 skipped, 2 failed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn several_text_files_are_json_lines_not_text_run_together() {
    let dir = temp_dir("text");
    let a = dir.join("a.html");
    let b = dir.join("b.html");
    std::fs::write(&a, page("One", "First body.")).unwrap();
    std::fs::write(&b, page("Two", "Second body.")).unwrap();
    let out = stripwall(&["--format", "text", a.to_str().unwrap(), b.to_str().unwrap()]);
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    assert!(docs[1]["text"].as_str().unwrap().contains("Second body."));
    assert!(docs[0].get("html").is_none());
}

#[test]
fn the_order_is_the_inputs_whatever_the_jobs() {
    let dir = temp_dir("order");
    for i in 0..40 {
        // Pages of very different sizes finish out of order on several threads.
        let body = "A sentence of the page body that makes it longer. ".repeat(1 + (i * 37) % 400);
        std::fs::write(dir.join(format!("p{i:02}.html")), page(&format!("Page {i}"), &body)).unwrap();
    }
    let one = stripwall(&["--jobs", "1", "--fields", "title,text", dir.to_str().unwrap()]);
    let four = stripwall(&["--jobs", "4", "--fields", "title,text", dir.to_str().unwrap()]);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(lines(&one).len(), 40);
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn output_dir_writes_one_file_per_document_in_the_format() {
    let dir = temp_dir("outdir");
    let pages = dir.join("pages");
    std::fs::create_dir_all(pages.join("news")).unwrap();
    std::fs::write(pages.join("news/story.html"), page("Story", "The story body.")).unwrap();
    let warc = dir.join("crawl.warc.gz");
    let offsets = write_warc_gz(&warc, &crawl());
    let out_dir = dir.join("clean");
    let out = stripwall(&[
        "--format",
        "markdown",
        "--output-dir",
        out_dir.to_str().unwrap(),
        pages.to_str().unwrap(),
        warc.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let story = std::fs::read_to_string(out_dir.join("news/story.md")).unwrap();
    assert!(
        story.contains("The story body.") && !story.contains("All rights"),
        "{story}"
    );
    let record = std::fs::read_to_string(out_dir.join(format!("crawl/{}.md", offsets[2]))).unwrap();
    assert!(record.contains("The café opened"), "{record}");
}

#[test]
fn bad_fields_and_globs_are_usage_errors() {
    let out = stripwall(&["--fields", "title,body", "x.html", "y.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown field `body`"), "{}", stderr(&out));
    let out = stripwall(&["--glob", "a[", "."]);
    assert_eq!(out.status.code(), Some(2));
    let out = stripwall(&["--jobs", "0", "x.html"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn quiet_leaves_standard_error_to_errors() {
    let dir = temp_dir("quiet");
    let good = dir.join("good.html");
    std::fs::write(&good, page("Good", "A page that reads well.")).unwrap();
    let empty = dir.join("empty.html");
    std::fs::write(&empty, "<nav><a href=\"/\">Home</a> <a href=\"/a\">About</a></nav>").unwrap();
    let missing = dir.join("missing.html");
    let args = [
        good.to_str().unwrap(),
        empty.to_str().unwrap(),
        missing.to_str().unwrap(),
    ];
    let loud = stripwall(&args);
    assert!(
        stderr(&loud).contains("warning: the output has no text"),
        "{}",
        stderr(&loud)
    );
    assert!(stderr(&loud).contains("3 documents"), "{}", stderr(&loud));
    let quiet = stripwall(&[&["-q"][..], &args[..]].concat());
    assert_eq!(quiet.stdout, loud.stdout);
    let err = stderr(&quiet);
    assert!(!err.contains("warning") && !err.contains("documents,"), "{err}");
    // The error line is in the output, where it belongs.
    assert!(lines(&quiet)[2]["error"].is_string());
    assert!(lines(&quiet)[1]["warnings"][0].as_str().unwrap().contains("no text"));
}

#[test]
fn http2_responses_are_read_and_undecodable_pages_are_errors_not_skips() {
    let dir = temp_dir("http2");
    let path = dir.join("odd.warc");
    let mut block = b"HTTP/2 200\r\ncontent-type: text/html\r\n\r\n".to_vec();
    block.extend_from_slice(page("Over HTTP/2", "A page fetched over HTTP/2.").as_bytes());
    let records = [
        record("response", "https://example.com/h2", &[], &block),
        response(
            "https://example.com/br",
            "Content-Type: text/html\r\nContent-Encoding: br\r\n",
            b"\x1b\x00",
        ),
    ];
    std::fs::write(&path, records.concat()).unwrap();
    let out = stripwall(&["--fields", "title", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs[0]["title"], "Over HTTP/2");
    assert!(docs[1]["error"]
        .as_str()
        .unwrap()
        .contains("unsupported Content-Encoding `br`"));
}

#[test]
fn output_dir_never_writes_two_documents_to_one_file() {
    let dir = temp_dir("collide");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("index.html"), page(sub, &format!("Body of {sub}."))).unwrap();
    }
    std::fs::write(dir.join("a/index.htm.gz"), gzip(page("gz", "Body of gz.").as_bytes())).unwrap();
    let out_dir = dir.join("out");
    let a = dir.join("a/index.html");
    let b = dir.join("b/index.html");
    let gz = dir.join("a/index.htm.gz");
    let out = stripwall(&[
        "--output-dir",
        out_dir.to_str().unwrap(),
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        gz.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["index-2.html", "index-3.html", "index.html"]);
    let second = std::fs::read_to_string(out_dir.join("index-2.html")).unwrap();
    assert!(second.contains("Body of b."), "{second}");
}

#[test]
fn explain_in_a_batch_is_printed_even_when_quiet() {
    let dir = temp_dir("explain");
    std::fs::write(dir.join("a.html"), page("A", "Body.")).unwrap();
    let out = stripwall(&["-q", "--explain", dir.to_str().unwrap()]);
    let err = stderr(&out);
    assert!(err.contains("elements removed") && err.contains("navigation"), "{err}");
    assert!(!err.contains("documents,") && !err.contains("document,"), "{err}");
}
