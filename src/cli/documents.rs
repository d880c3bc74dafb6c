//! The documents of a batch: one per HTML file, one per HTML response of a WARC archive.
//!
//! Takes the inputs (see [`inputs`](crate::inputs)); gives the documents in order to a
//! callback, with what is known of each (source, URL, WARC record id and date, the charset the
//! server declared) and its bytes or the error that kept them from being read. Records that are
//! not HTML responses are counted as skipped.

use crate::http::{is_html, parse_response, split_content_type};
use crate::inputs::{open, Input, InputError, Opened};
use crate::warc::{Record, WarcReader, MAX_BLOCK};
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

/// One document of a batch.
#[derive(Debug)]
pub struct Document {
    /// The input it came from: a path, or `-`.
    pub source: String,
    /// Where its WARC record starts in the archive.
    pub offset: Option<u64>,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// The HTTP status of a WARC response.
    pub status: Option<u16>,
    /// The charset the server declared (HTTP `Content-Type`).
    pub charset: Option<String>,
    /// The file name to write under `--output-dir`, without its extension.
    pub out_name: PathBuf,
    /// The page's bytes (from `body_start` on), or why they could not be read.
    pub body: Result<Vec<u8>, String>,
    pub body_start: usize,
}

impl Document {
    /// The page's bytes, or why they could not be read.
    pub fn page(&self) -> Result<&[u8], &str> {
        match &self.body {
            Ok(body) => Ok(&body[self.body_start.min(body.len())..]),
            Err(e) => Err(e),
        }
    }
}

/// Counters the producer keeps for the progress bar and the summary.
#[derive(Debug, Default)]
pub struct Counters {
    /// Input bytes read so far (compressed bytes of archives).
    pub bytes_read: AtomicU64,
    /// WARC records that are not HTML responses.
    pub skipped: AtomicU64,
}

/// Reads every input in order and hands each document to `emit`, which returns false to stop
/// early. `first`: the first input, already opened (standard input can be opened only once).
pub fn produce(
    inputs: Vec<Result<Input, InputError>>,
    mut first: Option<Opened>,
    counters: &Counters,
    mut emit_named: impl FnMut(Document) -> bool,
) {
    // Every document gets its own file name under --output-dir: `a/index.html` and
    // `b/index.html` named on the command line, `page.htm` beside `page.htm.gz`, records of
    // archives with the same name or of one gzip stream (one offset) do not overwrite each other.
    let mut names = UniqueNames::default();
    let mut emit = |mut doc: Document| {
        doc.out_name = names.unique(std::mem::take(&mut doc.out_name));
        emit_named(doc)
    };
    for (index, input) in inputs.into_iter().enumerate() {
        let input = match input {
            Ok(input) => input,
            Err(e) => {
                if !emit(failed(e.name, PathBuf::from("error"), e.error)) {
                    return;
                }
                continue;
            }
        };
        let name = input.name();
        let out_name = match &input {
            Input::Stdin => PathBuf::from("stdin"),
            Input::File { relative, .. } => strip_extensions(relative),
        };
        let opened = match (index, first.take()) {
            (0, Some(opened)) => Ok(opened),
            _ => open(&input),
        };
        let opened = match opened {
            Ok(opened) => opened,
            Err(e) => {
                if !emit(failed(name, out_name, e.to_string())) {
                    return;
                }
                continue;
            }
        };
        let go_on = if opened.warc {
            read_archive(&name, &out_name, opened, counters, &mut emit)
        } else {
            read_page(name, out_name, opened, counters, &mut emit)
        };
        if !go_on {
            return;
        }
    }
}

/// A document of a file (no record fields).
fn file_document(source: String, out_name: PathBuf, body: Result<Vec<u8>, String>) -> Document {
    Document {
        source,
        offset: None,
        url: None,
        record_id: None,
        date: None,
        status: None,
        charset: None,
        out_name,
        body,
        body_start: 0,
    }
}

fn failed(source: String, out_name: PathBuf, error: String) -> Document {
    file_document(source, out_name, Err(error))
}

fn read_page(
    name: String,
    out_name: PathBuf,
    mut opened: Opened,
    counters: &Counters,
    emit: &mut impl FnMut(Document) -> bool,
) -> bool {
    let mut body = Vec::new();
    let read = opened.reader.read_to_end(&mut body);
    counters
        .bytes_read
        .fetch_add(opened.size.unwrap_or(body.len() as u64), Ordering::Relaxed);
    let body = read.map(|_| body).map_err(|e| e.to_string());
    emit(file_document(name, out_name, body))
}

fn read_archive(
    name: &str,
    out_name: &std::path::Path,
    opened: Opened,
    counters: &Counters,
    emit: &mut impl FnMut(Document) -> bool,
) -> bool {
    let mut reader = WarcReader::new(opened.reader, opened.gzip);
    let mut reported = 0u64;
    loop {
        let next = reader.next_record();
        let position = reader.position();
        counters.bytes_read.fetch_add(position - reported, Ordering::Relaxed);
        reported = position;
        let record = match next {
            Ok(Some(record)) => record,
            Ok(None) => return true,
            Err(e) => return emit(failed(name.to_string(), out_name.join("error"), e)),
        };
        match record_document(name, out_name, record) {
            Some(doc) => {
                if !emit(doc) {
                    return false;
                }
            }
            None => {
                counters.skipped.fetch_add(1, Ordering::Relaxed);
            }
        }
    }
}

/// The document of a record, or `None` when the record is not an HTML page.
fn record_document(name: &str, out_name: &std::path::Path, record: Record) -> Option<Document> {
    let kind = record.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let identified = record
        .header("WARC-Identified-Payload-Type")
        .map(|t| split_content_type(Some(&t.to_ascii_lowercase())).0.unwrap_or_default());
    let declared_type = record.header("Content-Type").map(str::to_ascii_lowercase);
    let mut doc = Document {
        source: name.to_string(),
        offset: Some(record.offset),
        url: record
            .header("WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string()),
        record_id: record.header("WARC-Record-ID").map(str::to_string),
        date: record.header("WARC-Date").map(str::to_string),
        status: None,
        charset: None,
        out_name: out_name.join(record.offset.to_string()),
        body: Err(String::new()),
        body_start: 0,
    };
    let Some(block) = record.block else {
        // Too large to read: an error for any record that may be a page, whatever its type says.
        let page = matches!(kind.as_str(), "response" | "resource");
        return page.then(|| Document {
            body: Err(format!(
                "the record is larger than {} MiB and was skipped",
                MAX_BLOCK >> 20
            )),
            ..doc
        });
    };
    match kind.as_str() {
        "response" => {
            let response = match parse_response(block) {
                Ok(response) => response,
                // A response the archive or its headers call HTML that cannot be read is an
                // error; other broken responses are not pages this tool was asked for.
                Err(e) => {
                    let html = identified.as_deref().or(e.media_type.as_deref()).is_some_and(is_html);
                    return html.then_some(Document {
                        body: Err(e.message),
                        ..doc
                    });
                }
            };
            let html = identified
                .as_deref()
                .or(response.media_type.as_deref())
                .is_some_and(is_html);
            if !html {
                return None;
            }
            doc.status = Some(response.status);
            doc.charset = response.charset;
            doc.body = Ok(response.body);
            doc.body_start = response.body_start;
            Some(doc)
        }
        "resource" => {
            let (media_type, charset) = split_content_type(declared_type.as_deref());
            if !media_type.as_deref().is_some_and(is_html) {
                return None;
            }
            doc.charset = charset;
            doc.body = Ok(block);
            Some(doc)
        }
        _ => None,
    }
}

/// Names not given out yet: a name seen before gets `-2`, `-3` … after it.
#[derive(Default)]
struct UniqueNames {
    used: std::collections::HashSet<PathBuf>,
}

impl UniqueNames {
    fn unique(&mut self, name: PathBuf) -> PathBuf {
        let mut candidate = name.clone();
        let mut n = 1;
        while !self.used.insert(candidate.clone()) {
            n += 1;
            candidate = PathBuf::from(format!("{}-{n}", name.display()));
        }
        candidate
    }
}

/// `news/a.html.gz` → `news/a`.
fn strip_extensions(path: &std::path::Path) -> PathBuf {
    let mut path = path.to_path_buf();
    for _ in 0..2 {
        let strip = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "gz" | "html" | "htm" | "xhtml" | "warc"
            )
        });
        if strip {
            path.set_extension("");
        }
    }
    path
}
