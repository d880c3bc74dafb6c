//! The HTTP responses that WARC `response` records hold.
//!
//! Takes a record's block (status line, headers, payload as the server sent it); gives the
//! payload as a page: chunked transfer coding and `Content-Encoding` gzip or deflate undone,
//! with the `Content-Type` and its charset. Archives that stored the payload decoded say so by
//! renaming the headers (`X-Crawler-Transfer-Encoding`, as Common Crawl does), which are then
//! left alone.

use flate2::read::{MultiGzDecoder, ZlibDecoder};
use std::io::Read;

/// Payloads larger than this after decoding are refused (a decompression bomb, not a page).
const MAX_DECODED: u64 = 64 * 1024 * 1024;

/// A response's page.
#[derive(Debug)]
pub struct Response {
    /// The HTTP status code.
    pub status: u16,
    /// The media type, lower case, without parameters (`text/html`).
    pub media_type: Option<String>,
    /// The `charset` parameter of `Content-Type`, as written.
    pub charset: Option<String>,
    /// The payload, decoded, from `body_start` on (a payload that needed no decoding stays
    /// in the block it came in: pages are not copied).
    pub body: Vec<u8>,
    pub body_start: usize,
}

impl Response {
    /// The payload.
    #[cfg(test)]
    pub fn payload(&self) -> &[u8] {
        &self.body[self.body_start..]
    }
}

/// A response whose payload could not be read: why, and the media type its headers gave.
#[derive(Debug)]
pub struct ResponseError {
    pub message: String,
    pub media_type: Option<String>,
}

impl ResponseError {
    fn new(message: impl Into<String>, media_type: Option<String>) -> Self {
        ResponseError {
            message: message.into(),
            media_type,
        }
    }
}

/// Parses an HTTP response and decodes its payload.
pub fn parse_response(block: Vec<u8>) -> Result<Response, ResponseError> {
    // httparse reads HTTP/1.x status lines; archives write HTTP/2 ones the same way otherwise.
    let (head, shift) = http1_head(&block);
    let mut headers = vec![httparse::EMPTY_HEADER; 256];
    let mut response = httparse::Response::new(&mut headers);
    let head_len = match response.parse(head.as_deref().unwrap_or(&block)) {
        Ok(httparse::Status::Complete(n)) => n - shift,
        Ok(httparse::Status::Partial) => {
            return Err(ResponseError::new("the HTTP response's headers do not end", None))
        }
        Err(e) => return Err(ResponseError::new(format!("malformed HTTP response: {e}"), None)),
    };
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase())
    };
    let content_type = header("content-type");
    let (media_type, charset) = split_content_type(content_type.as_deref());
    let chunked = header("transfer-encoding").is_some_and(|v| v.contains("chunked"));
    let encoding = header("content-encoding");
    let status = response.code.unwrap_or(0);
    let raw = &block[head_len..];
    let dechunked = if chunked { dechunk(raw) } else { None };
    let encoded: &[u8] = dechunked.as_deref().unwrap_or(raw);
    let decoded = match encoding.as_deref().map(str::trim) {
        None | Some("" | "identity") => None,
        Some("gzip" | "x-gzip") => Some(decode(MultiGzDecoder::new(encoded), "gzip")),
        Some("deflate") => Some(
            decode(ZlibDecoder::new(encoded), "deflate")
                // Some servers send raw deflate under that name.
                .or_else(|_| decode(flate2::read::DeflateDecoder::new(encoded), "deflate")),
        ),
        Some(other) => Some(Err(format!("unsupported Content-Encoding `{other}`"))),
    };
    let decoded = decoded
        .transpose()
        .map_err(|e| ResponseError::new(e, media_type.clone()))?;
    let (body, body_start) = match (decoded, dechunked) {
        (Some(body), _) | (None, Some(body)) => (body, 0),
        (None, None) => (block, head_len),
    };
    Ok(Response {
        status,
        media_type,
        charset,
        body,
        body_start,
    })
}

/// The head of an `HTTP/2` response rewritten with an `HTTP/1.1` status line, and by how many
/// bytes it grew; `(None, 0)` for any other response.
fn http1_head(block: &[u8]) -> (Option<Vec<u8>>, usize) {
    let version_len = if block.starts_with(b"HTTP/2 ") {
        6
    } else if block.starts_with(b"HTTP/2.0 ") {
        8
    } else {
        return (None, 0);
    };
    let head_end = memchr::memmem::find(block, b"\r\n\r\n").map_or(block.len(), |i| i + 4);
    let mut head = b"HTTP/1.1".to_vec();
    head.extend_from_slice(&block[version_len..head_end]);
    let grew = head.len() - head_end;
    (Some(head), grew)
}

/// `text/html; charset=UTF-8` → (`text/html`, `UTF-8`).
pub fn split_content_type(value: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(value) = value else { return (None, None) };
    let mut parts = value.split(';');
    let media_type = parts
        .next()
        .map(|t| t.trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty());
    let charset = parts.find_map(|p| {
        let (name, value) = p.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            .filter(|c| !c.is_empty())
    });
    (media_type, charset)
}

/// Whether a media type is a page this tool cleans.
pub fn is_html(media_type: &str) -> bool {
    matches!(media_type, "text/html" | "application/xhtml+xml")
}

fn decode(reader: impl Read, name: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    reader
        .take(MAX_DECODED + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("cannot decode the {name} payload: {e}"))?;
    if out.len() as u64 > MAX_DECODED {
        return Err(format!(
            "the {name} payload decodes to more than {} MiB",
            MAX_DECODED >> 20
        ));
    }
    Ok(out)
}

/// Undoes chunked transfer coding; `None` when the body is not well-formed chunks.
fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    loop {
        let line_end = memchr::memmem::find(raw, b"\r\n").or_else(|| memchr::memchr(b'\n', raw))?;
        let size_text = std::str::from_utf8(&raw[..line_end]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        raw = &raw[line_end..];
        raw = raw.strip_prefix(b"\r\n").or_else(|| raw.strip_prefix(b"\n"))?;
        if size == 0 {
            return Some(out);
        }
        // A last chunk cut short (a truncated capture) keeps what arrived.
        let take = size.min(raw.len());
        out.extend_from_slice(&raw[..take]);
        raw = &raw[take..];
        if raw.is_empty() {
            return Some(out);
        }
        raw = raw
            .strip_prefix(b"\r\n")
            .or_else(|| raw.strip_prefix(b"\n"))
            .unwrap_or(raw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_plain_response_gives_its_body_type_and_charset() {
        let r = parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"Shift_JIS\"\r\n\r\n<p>x</p>".to_vec(),
        )
        .unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.media_type.as_deref(), Some("text/html"));
        assert_eq!(r.charset.as_deref(), Some("shift_jis"));
        assert_eq!(r.payload(), b"<p>x</p>");
    }

    #[test]
    fn chunks_and_gzip_are_undone() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let gz = gz.finish().unwrap();
        let (a, b) = gz.split_at(7);
        let mut block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        for chunk in [a, b] {
            block.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            block.extend_from_slice(chunk);
            block.extend_from_slice(b"\r\n");
        }
        block.extend_from_slice(b"0\r\n\r\n");
        assert_eq!(parse_response(block).unwrap().payload(), b"<p>zipped</p>");
    }

    #[test]
    fn unknown_encodings_and_broken_headers_are_errors() {
        let e =
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx".to_vec())
                .unwrap_err();
        assert!(e.message.contains("unsupported Content-Encoding `br`"), "{e:?}");
        assert_eq!(e.media_type.as_deref(), Some("text/html"));
        assert!(parse_response(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n".to_vec()).is_err());
    }

    #[test]
    fn http2_status_lines_are_read() {
        for version in ["HTTP/2", "HTTP/2.0"] {
            let block = format!("{version} 200\r\nContent-Type: text/html\r\n\r\n<p>two</p>").into_bytes();
            let r = parse_response(block).unwrap();
            assert_eq!((r.status, r.payload()), (200, &b"<p>two</p>"[..]));
        }
    }

    #[test]
    fn malformed_chunks_leave_the_body_as_it_came() {
        let r =
            parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<p>not chunks</p>".to_vec()).unwrap();
        assert_eq!(r.payload(), b"<p>not chunks</p>");
    }
}
