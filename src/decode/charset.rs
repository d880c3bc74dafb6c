//! The page's character encoding, found as browsers find it: a byte order mark, else the
//! caller's label (the HTTP header), else the `<meta>` prescan of the first 1024 bytes, else a
//! guess by `chardetng` (Firefox's detector). Pages that are not UTF-8 are decoded before
//! lol_html sees them, so every output is UTF-8.

use encoding_rs::{Decoder, Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252, X_USER_DEFINED};
use serde::Serialize;
use std::borrow::Cow;

use crate::Error;

/// Bytes the `<meta>` prescan reads (the HTML standard's number).
const PRESCAN_BYTES: usize = 1024;
/// Bytes an undeclared page's encoding is guessed from, counted from its first non-ASCII byte
/// (ASCII reads the same in every encoding this decides between, so it flows on meanwhile).
const DETECT_BYTES: usize = 8 * 1024;

/// Where the encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EncodingSource {
    /// A byte order mark.
    Bom,
    /// The caller ([`Options::charset`](crate::Options::charset), e.g. from the HTTP header).
    Caller,
    /// `<meta charset>` or `<meta http-equiv="Content-Type">`.
    Meta,
    /// Guessed from the bytes (no declaration).
    Detected,
    /// The input was text already (a Rust `&str`, a JavaScript string).
    Text,
}

/// Turns input bytes of any encoding into UTF-8, deciding the encoding from the first bytes.
pub(crate) struct Sniffer {
    caller: Option<&'static Encoding>,
    state: Sniffing,
    decided: Option<(&'static Encoding, EncodingSource)>,
    /// Why the decided encoding cannot be decoded here, until the caller takes it.
    failure: Option<Error>,
}

enum Sniffing {
    /// Still reading the first bytes.
    Buffering(Vec<u8>),
    /// Undeclared and ASCII so far: ASCII passes; from the first other byte on, bytes are kept
    /// until there are enough to guess from.
    Guessing(Vec<u8>),
    /// UTF-8: bytes pass through.
    PassThrough,
    Decoding(Transcoder),
    /// The encoding cannot be decoded here: nothing passes.
    Failed,
    /// The input was decoded to its end ([`Sniffer::finish`]): nothing more comes.
    Finished,
}

/// Turns bytes of the decided encoding into UTF-8.
enum Transcoder {
    Native(Box<Decoder>),
    /// The JavaScript host's decoder (the WebAssembly module leaves out some encodings' tables).
    #[cfg(feature = "wasm")]
    Host(crate::decode::host_decoder::HostDecoder),
}

impl Transcoder {
    fn new(encoding: &'static Encoding) -> Result<Transcoder, String> {
        #[cfg(feature = "wasm")]
        if crate::decode::host_decoder::decodes(encoding) {
            return crate::decode::host_decoder::HostDecoder::new(encoding).map(Transcoder::Host);
        }
        Ok(Transcoder::Native(Box::new(
            encoding.new_decoder_without_bom_handling(),
        )))
    }

    fn decode(&mut self, input: &[u8], last: bool) -> Result<Vec<u8>, String> {
        match self {
            Transcoder::Native(decoder) => Ok(decode(decoder, input, last)),
            #[cfg(feature = "wasm")]
            Transcoder::Host(decoder) => decoder.decode(input, last).map(String::into_bytes),
        }
    }
}

/// The encoding for a label (`"Shift_JIS"`, `"latin1"` …), as browsers read labels.
pub(crate) fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

impl Sniffer {
    pub fn new(caller: Option<&'static Encoding>) -> Sniffer {
        Sniffer {
            caller,
            state: Sniffing::Buffering(Vec::new()),
            decided: None,
            failure: None,
        }
    }

    /// The encoding, once decided.
    pub fn decided(&self) -> Option<(&'static Encoding, EncodingSource)> {
        self.decided
    }

    /// Declares the input UTF-8 text (a `&str`) unless the encoding is decided already.
    pub fn assume_text(&mut self) {
        if let Sniffing::Buffering(buffer) = &self.state {
            if buffer.is_empty() {
                self.decided = Some((UTF_8, EncodingSource::Text));
                self.state = Sniffing::PassThrough;
            }
        }
    }

    /// Why the page's encoding cannot be decoded (once; nothing is output after it).
    pub fn take_failure(&mut self) -> Option<Error> {
        self.failure.take()
    }

    /// Whether input now passes as it is (it is UTF-8).
    pub fn passes_through(&self) -> bool {
        matches!(self.state, Sniffing::PassThrough)
    }

    /// Whether the input is being decoded from another encoding than UTF-8.
    pub fn transcoding(&self) -> bool {
        self.decided.is_some_and(|(encoding, _)| encoding != UTF_8)
    }

    /// Takes the next input bytes and gives back the UTF-8 that is ready: the chunk itself once
    /// the input is known to be UTF-8, else decoded bytes (none while the first bytes are read).
    pub fn feed<'a>(&mut self, chunk: &'a [u8]) -> Cow<'a, [u8]> {
        match &mut self.state {
            Sniffing::PassThrough => Cow::Borrowed(chunk),
            Sniffing::Decoding(_) => Cow::Owned(self.transcode(chunk, false)),
            Sniffing::Failed | Sniffing::Finished => Cow::Owned(Vec::new()),
            Sniffing::Guessing(held) if held.is_empty() => {
                let ascii = chunk.iter().position(|b| !b.is_ascii()).unwrap_or(chunk.len());
                let rest = &chunk[ascii..];
                if rest.is_empty() {
                    return Cow::Borrowed(chunk); // ASCII reads the same whatever is decided
                }
                if rest.len() < DETECT_BYTES {
                    held.extend_from_slice(rest);
                    return Cow::Owned(chunk[..ascii].to_vec());
                }
                // Enough to guess from in this chunk alone (a whole page, often): no copy.
                if self.choose(&rest[..DETECT_BYTES], false) == UTF_8 {
                    return Cow::Borrowed(chunk);
                }
                let mut out = chunk[..ascii].to_vec();
                out.extend_from_slice(&self.feed(rest));
                Cow::Owned(out)
            }
            Sniffing::Guessing(held) => {
                held.extend_from_slice(chunk);
                if held.len() < DETECT_BYTES {
                    return Cow::Owned(Vec::new());
                }
                Cow::Owned(self.guess(false))
            }
            Sniffing::Buffering(buffer) => {
                let needed = if self.caller.is_some() { 3 } else { PRESCAN_BYTES };
                if buffer.is_empty() && chunk.len() >= needed {
                    // The first chunk holds all the prescan needs: decide on it, no copy.
                    let found = declared_in(chunk, self.caller);
                    return self.begin(found, chunk);
                }
                buffer.extend_from_slice(chunk);
                // A declaration found early ends the wait (output starts at once).
                let found = if buffer.len() >= 3 {
                    declared_in(buffer, self.caller)
                } else {
                    None
                };
                if found.is_none() && buffer.len() < needed {
                    return Cow::Owned(Vec::new());
                }
                let buffer = std::mem::take(buffer);
                Cow::Owned(self.begin(found, &buffer).into_owned())
            }
        }
    }

    /// Ends the input and gives back the last UTF-8.
    pub fn finish(&mut self) -> Vec<u8> {
        let mut out = Vec::new();
        if let Sniffing::Buffering(buffer) = &mut self.state {
            let buffer = std::mem::take(buffer);
            let found = declared_in(&buffer, self.caller);
            out = self.begin(found, &buffer).into_owned();
        }
        if let Sniffing::Guessing(_) = self.state {
            out.extend(self.guess(true));
        }
        out.extend(self.transcode(&[], true));
        if let Sniffing::Decoding(_) = self.state {
            // A decoder told the input has ended must not be used again: finishing twice
            // gives nothing the second time.
            self.state = Sniffing::Finished;
        }
        out
    }

    /// Starts on the first bytes: with the declared encoding, else guessing from the first
    /// non-ASCII byte on.
    fn begin<'a>(&mut self, found: Option<(&'static Encoding, EncodingSource)>, bytes: &'a [u8]) -> Cow<'a, [u8]> {
        let Some((encoding, source)) = found else {
            self.state = Sniffing::Guessing(Vec::new());
            return self.feed(bytes);
        };
        self.decided = Some((encoding, source));
        let bom = Encoding::for_bom(bytes).map_or(0, |(_, len)| len);
        if encoding == UTF_8 {
            self.state = Sniffing::PassThrough;
            return Cow::Borrowed(&bytes[bom..]);
        }
        self.start_decoding(encoding);
        Cow::Owned(self.transcode(&bytes[bom..], false))
    }

    /// Decides for undeclared bytes from `sample` (their start) and gets ready to decode.
    fn choose(&mut self, sample: &[u8], last: bool) -> &'static Encoding {
        let encoding = if sample.is_empty() || reads_as_utf8(sample, last) {
            UTF_8 // All ASCII, or valid UTF-8: what a detector would say, without the cost.
        } else {
            detect(sample, last)
        };
        self.decided = Some((encoding, EncodingSource::Detected));
        if encoding == UTF_8 {
            self.state = Sniffing::PassThrough;
        } else {
            self.start_decoding(encoding);
        }
        encoding
    }

    fn start_decoding(&mut self, encoding: &'static Encoding) {
        self.state = match Transcoder::new(encoding) {
            Ok(transcoder) => Sniffing::Decoding(transcoder),
            Err(reason) => self.fail(encoding, reason),
        };
    }

    /// Decodes with the decided encoding (nothing unless decoding).
    fn transcode(&mut self, input: &[u8], last: bool) -> Vec<u8> {
        let Sniffing::Decoding(transcoder) = &mut self.state else {
            return Vec::new();
        };
        match transcoder.decode(input, last) {
            Ok(utf8) => utf8,
            Err(reason) => {
                let encoding = self.decided.map_or(UTF_8, |(e, _)| e);
                self.state = self.fail(encoding, reason);
                Vec::new()
            }
        }
    }

    fn fail(&mut self, encoding: &'static Encoding, reason: String) -> Sniffing {
        self.failure = Some(Error::UnsupportedEncoding {
            encoding: encoding.name(),
            reason,
        });
        Sniffing::Failed
    }

    /// Guesses the encoding of the bytes held (what came before them was ASCII), then gives
    /// them back as UTF-8.
    fn guess(&mut self, last: bool) -> Vec<u8> {
        let Sniffing::Guessing(held) = std::mem::replace(&mut self.state, Sniffing::PassThrough) else {
            return Vec::new();
        };
        let sample = &held[..held.len().min(DETECT_BYTES)];
        self.choose(sample, last && sample.len() == held.len());
        self.feed(&held).into_owned()
    }
}

/// What the first bytes or the caller declare: a BOM, then the caller's label, then `<meta>`.
fn declared_in(bytes: &[u8], caller: Option<&'static Encoding>) -> Option<(&'static Encoding, EncodingSource)> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Some((encoding, EncodingSource::Bom));
    }
    if let Some(encoding) = caller {
        return Some((encoding, EncodingSource::Caller));
    }
    prescan(&bytes[..bytes.len().min(PRESCAN_BYTES)]).map(|e| (e, EncodingSource::Meta))
}

/// Whether `bytes` are UTF-8 (a sequence cut by the end of the sample is allowed unless `last`).
fn reads_as_utf8(bytes: &[u8], last: bool) -> bool {
    match std::str::from_utf8(bytes) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && !last,
    }
}

/// The encoding of undeclared bytes that are not UTF-8, by chardetng (Firefox's detector).
#[cfg(feature = "detect")]
fn detect(bytes: &[u8], last: bool) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, last);
    detector.guess(None, true)
}

/// Without the detector, bytes that are not UTF-8 are windows-1252, the web's default.
#[cfg(not(feature = "detect"))]
fn detect(_bytes: &[u8], _last: bool) -> &'static Encoding {
    WINDOWS_1252
}

fn decode(decoder: &mut Decoder, mut input: &[u8], last: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() + input.len() / 2 + 16);
    let mut buffer = [0u8; 8192];
    loop {
        let (result, read, written, _) = decoder.decode_to_utf8(input, &mut buffer, last);
        out.extend_from_slice(&buffer[..written]);
        input = &input[read..];
        if result == encoding_rs::CoderResult::InputEmpty {
            return out;
        }
    }
}

/// The HTML standard's prescan: the first `<meta charset>` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` outside comments. UTF-16 labels mean UTF-8 here (the bytes were read
/// as ASCII), `x-user-defined` means windows-1252.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(bytes);
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while let Some(offset) = lower[at..].find('<') {
        let start = at + offset;
        let rest = &lower[start..];
        if rest.starts_with("<!--") {
            at = start + rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        // A tag cut off by the end of what has arrived is not read (it may go on `iso-8859-1…5`).
        let close = rest.find('>')?;
        let end = start + close;
        at = end.max(start + 1);
        let is_meta = rest.starts_with("<meta") && rest[5..].starts_with(|c: char| c.is_whitespace() || c == '/');
        if !is_meta {
            continue;
        }
        let attrs = crate::decode::tag_attributes::tag_attributes(&text[start + 5..end]);
        let get = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        if let Some(encoding) = meta_encoding(get("charset"), get("http-equiv"), get("content")) {
            return Some(encoding);
        }
    }
    None
}

/// The encoding a `<meta>` with these attributes declares, as the prescan reads it: its
/// `charset`, or the `charset=` of a Content-Type `http-equiv`. UTF-16 labels mean UTF-8 here
/// (the bytes were read as ASCII), `x-user-defined` means windows-1252.
fn meta_encoding(charset: Option<&str>, http_equiv: Option<&str>, content: Option<&str>) -> Option<&'static Encoding> {
    let label = match (charset, http_equiv, content) {
        (Some(charset), _, _) => Some(charset.to_string()),
        (None, Some(equiv), Some(content)) if equiv.eq_ignore_ascii_case("content-type") => charset_of(content),
        _ => None,
    };
    label
        .as_deref()
        .and_then(encoding_for_label)
        .map(|encoding| match encoding {
            e if e == UTF_16BE || e == UTF_16LE => UTF_8,
            e if e == X_USER_DEFINED => WINDOWS_1252,
            e => e,
        })
}

/// Whether a `<meta>` with these attributes declares an encoding other than UTF-8 (as the
/// prescan reads it). Stream output is UTF-8: such a declaration, left in it, would make it
/// read wrongly (when the page's bytes were UTF-8 and the declaration came too late for the
/// prescan, which reads it in the shorter output).
pub(crate) fn declares_other_than_utf8(charset: Option<&str>, http_equiv: Option<&str>, content: Option<&str>) -> bool {
    meta_encoding(charset, http_equiv, content).is_some_and(|e| e != UTF_8)
}

/// `charset=…` in a Content-Type value.
fn charset_of(content: &str) -> Option<String> {
    let lower = content.to_ascii_lowercase();
    let at = lower.find("charset")? + "charset".len();
    let value = content[at..].trim_start().strip_prefix('=')?.trim_start();
    let value = value.trim_start_matches(['"', '\'']);
    let end = value
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(value.len());
    Some(value[..end].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(bytes: &[u8], caller: Option<&str>, chunk: usize) -> (String, &'static str, EncodingSource) {
        let mut sniffer = Sniffer::new(caller.and_then(encoding_for_label));
        let mut out = Vec::new();
        for piece in bytes.chunks(chunk.max(1)) {
            out.extend_from_slice(&sniffer.feed(piece));
        }
        out.extend(sniffer.finish());
        let (encoding, source) = sniffer.decided().unwrap();
        (String::from_utf8(out).unwrap(), encoding.name(), source)
    }

    #[test]
    fn prescan_reads_both_meta_forms() {
        assert_eq!(
            prescan(br#"<html><meta charset="windows-1251">"#),
            Some(encoding_rs::WINDOWS_1251)
        );
        assert_eq!(
            prescan(br#"<!-- <meta charset=koi8-r> --><META HTTP-EQUIV=Content-Type CONTENT="text/html; charset=Shift_JIS">"#),
            Some(encoding_rs::SHIFT_JIS)
        );
        assert_eq!(prescan(b"<meta charset=utf-16le>"), Some(UTF_8));
        assert_eq!(prescan(b"<metadata charset=koi8-r>"), None);
        assert_eq!(
            prescan(b"<meta charset=iso-8859-1"),
            None,
            "cut off: it may be iso-8859-15"
        );
    }

    #[test]
    fn bom_then_caller_then_meta() {
        let (text, name, source) = run(b"\xEF\xBB\xBF<p>caf\xC3\xA9</p>", Some("windows-1252"), 3);
        assert_eq!(
            (text.as_str(), name, source),
            ("<p>café</p>", "UTF-8", EncodingSource::Bom)
        );
        let (text, name, source) = run(b"<meta charset=utf-8><p>caf\xE9</p>", Some("latin1"), 5);
        assert_eq!(
            (text.as_str(), name, source),
            (
                "<meta charset=utf-8><p>café</p>",
                "windows-1252",
                EncodingSource::Caller
            )
        );
        let (text, _, source) = run(b"<meta charset=iso-8859-2><p>\xB3\xF3d\xBC</p>", None, 7);
        assert_eq!(
            (text.as_str(), source),
            ("<meta charset=iso-8859-2><p>łódź</p>", EncodingSource::Meta)
        );
    }

    #[test]
    fn utf16_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("<p>Привет</p>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(run(&le, None, 5).0, "<p>Привет</p>");
        let mut be = vec![0xFE, 0xFF];
        be.extend("<p>日本</p>".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(run(&be, None, 1).0, "<p>日本</p>");
    }
}

#[cfg(test)]
mod streaming_tests {
    use super::*;

    #[test]
    fn undeclared_ascii_flows_at_once_and_a_guess_follows_the_first_other_byte() {
        let mut sniffer = Sniffer::new(None);
        let prefix = "<p>plain ascii text</p>".repeat(60); // > 1024 bytes, nothing declared
        let out = sniffer.feed(prefix.as_bytes()).into_owned();
        assert_eq!(out, prefix.as_bytes(), "ASCII passes before any guess");
        assert!(sniffer.decided().is_none());
        let cyrillic = encoding_rs::WINDOWS_1251
            .encode(&"<p>Съешь же ещё этих мягких французских булок, да выпей чаю.</p>".repeat(20))
            .0
            .into_owned();
        let mut rest = sniffer.feed(&cyrillic).into_owned();
        rest.extend(sniffer.finish());
        assert!(String::from_utf8(rest).unwrap().contains("французских булок"));
        assert_eq!(sniffer.decided().unwrap().0, encoding_rs::WINDOWS_1251);
    }
}
