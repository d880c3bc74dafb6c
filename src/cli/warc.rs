//! WARC archives (ISO 28500, WARC/1.0 and 1.1) as Common Crawl writes them: uncompressed
//! (`.warc`) or a gzip member per record (`.warc.gz`).
//!
//! Takes a buffered reader over the archive's bytes; gives its records one by one, each with
//! the offset in the file where it starts (for `.warc.gz`, the offset of its gzip member: what
//! CDX indexes give, so a record can be fetched again with a range request). A record's block
//! is read into memory up to [`MAX_BLOCK`]; larger ones are skipped over and reported.
//!
//! A small reader over flate2 rather than the `warc` crate: reading member by member is what
//! gives those offsets, and it adds no dependency beyond the gzip decoder the CLI has already.

use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, BufReader, Read};

/// Record blocks larger than this are skipped (Common Crawl cuts responses at 1 MiB).
pub const MAX_BLOCK: u64 = 64 * 1024 * 1024;

/// The read buffer of one gzip member (one record, as Common Crawl writes them). A new one is
/// made, and filled with zeroes on its first read, for every member: small, as records are.
const MEMBER_BUFFER: usize = 16 * 1024;

/// One WARC record.
#[derive(Debug)]
pub struct Record {
    /// Where the record (its gzip member, when compressed) starts in the file.
    pub offset: u64,
    /// The record's named fields, in order, names as written.
    pub headers: Vec<(String, String)>,
    /// The record's block: for a `response`, the HTTP response. `None` when it was larger than
    /// [`MAX_BLOCK`] and was skipped.
    pub block: Option<Vec<u8>>,
}

impl Record {
    /// The value of the named field (names are case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Counts the bytes consumed from a buffered reader: the offset of the next gzip member.
struct Counting<R> {
    inner: R,
    consumed: u64,
}

impl<R: BufRead> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.consumed += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amount: usize) {
        self.consumed += amount as u64;
        self.inner.consume(amount);
    }
}

/// The records of one archive, read as they are asked for.
pub struct WarcReader<R: BufRead> {
    state: State<R>,
}

enum State<R: BufRead> {
    /// An uncompressed archive.
    Plain(Counting<R>),
    /// A compressed archive, between gzip members.
    Between(Counting<R>),
    /// Inside the gzip member that starts at the offset (boxed: the decoder's state is large).
    InMember(u64, Box<BufReader<GzDecoder<Counting<R>>>>),
    /// At the end, or after an error.
    Done(u64),
}

impl<R: BufRead> WarcReader<R> {
    /// Reads `input`, an archive that is compressed (a gzip member per record, or any number
    /// of records per member) when `gzip` is true.
    pub fn new(input: R, gzip: bool) -> Self {
        let input = Counting {
            inner: input,
            consumed: 0,
        };
        WarcReader {
            state: if gzip {
                State::Between(input)
            } else {
                State::Plain(input)
            },
        }
    }

    /// Bytes of the archive read so far (compressed bytes for `.warc.gz`).
    pub fn position(&self) -> u64 {
        match &self.state {
            State::Plain(input) | State::Between(input) => input.consumed,
            State::InMember(_, reader) => reader.get_ref().get_ref().consumed,
            State::Done(at) => *at,
        }
    }

    /// The next record; `Ok(None)` at the end of the archive. After an error (a truncated or
    /// malformed archive) the reader gives nothing more.
    pub fn next_record(&mut self) -> Result<Option<Record>, String> {
        let result = self.read_next();
        if !matches!(result, Ok(Some(_))) {
            self.state = State::Done(self.position());
        }
        result
    }

    fn read_next(&mut self) -> Result<Option<Record>, String> {
        loop {
            match std::mem::replace(&mut self.state, State::Done(0)) {
                State::Done(at) => {
                    self.state = State::Done(at);
                    return Ok(None);
                }
                State::Plain(mut input) => {
                    let offset = input.consumed;
                    let record = read_record(&mut input, offset, true);
                    self.state = State::Plain(input);
                    return record;
                }
                State::InMember(offset, mut reader) => match read_record(&mut reader, offset, false) {
                    Ok(None) => {
                        // The member ended: the next one starts where its bytes did.
                        self.state = State::Between((*reader).into_inner().into_inner());
                    }
                    other => {
                        self.state = State::InMember(offset, reader);
                        return other;
                    }
                },
                State::Between(mut input) => {
                    let at_end = input
                        .fill_buf()
                        .map_err(|e| format!("cannot read the archive: {e}"))?
                        .is_empty();
                    if at_end {
                        self.state = State::Done(input.consumed);
                        return Ok(None);
                    }
                    let offset = input.consumed;
                    self.state = State::InMember(
                        offset,
                        Box::new(BufReader::with_capacity(MEMBER_BUFFER, GzDecoder::new(input))),
                    );
                }
            }
        }
    }
}

/// Reads up to `length` bytes of `input` into `block` (fewer at the input's end). The block
/// is zeroed once and read into in place, so a large read goes straight from the decoder.
/// (`read_to_end` zeroes the block's whole free room again before each read of a gzip
/// decoder, which does not say how much of it it wrote: 1.2% of a WARC run's instructions.)
fn read_block(input: &mut impl Read, length: u64, block: &mut Vec<u8>) -> io::Result<()> {
    block.resize(usize::try_from(length).unwrap_or(usize::MAX), 0);
    let mut filled = 0;
    while filled < block.len() {
        match input.read(&mut block[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => {
                block.truncate(filled);
                return Err(e);
            }
        }
    }
    block.truncate(filled);
    Ok(())
}

/// Reads one record from `input`; `Ok(None)` at a clean end (nothing but blank lines left).
/// `offset`: where `input` stands; `in_place`: the record's offset is where its first line
/// starts (uncompressed), not `offset` (its gzip member's).
fn read_record(input: &mut impl BufRead, mut offset: u64, in_place: bool) -> Result<Option<Record>, String> {
    let mut line = Vec::new();
    // Blank lines between records (the two CRLFs after each block) are skipped.
    loop {
        line.clear();
        let n = input.read_until(b'\n', &mut line).map_err(|e| truncated(offset, &e))?;
        if n == 0 {
            return Ok(None);
        }
        if !line.trim_ascii().is_empty() {
            break;
        }
        if in_place {
            offset += n as u64;
        }
    }
    let version = String::from_utf8_lossy(line.trim_ascii()).into_owned();
    if !version.starts_with("WARC/") {
        return Err(format!(
            "not a WARC record at offset {offset}: it starts with {:?}",
            clip(&version)
        ));
    }
    let mut headers: Vec<(String, String)> = Vec::new();
    loop {
        line.clear();
        let n = input.read_until(b'\n', &mut line).map_err(|e| truncated(offset, &e))?;
        if n == 0 {
            return Err(format!(
                "truncated WARC record at offset {offset}: its header does not end"
            ));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
            continue;
        }
        match text.split_once(':') {
            Some((name, value)) => headers.push((name.trim().to_string(), value.trim().to_string())),
            None => {
                return Err(format!(
                    "malformed WARC header line at offset {offset}: {:?}",
                    clip(text)
                ))
            }
        }
    }
    let length: u64 = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.parse().ok())
        .ok_or_else(|| format!("WARC record at offset {offset} has no valid Content-Length"))?;
    let block = if length > MAX_BLOCK {
        let skipped = io::copy(&mut input.take(length), &mut io::sink()).map_err(|e| truncated(offset, &e))?;
        if skipped < length {
            return Err(format!(
                "truncated WARC record at offset {offset}: its block is cut short"
            ));
        }
        None
    } else {
        let mut block = Vec::with_capacity(length as usize);
        read_block(input, length, &mut block).map_err(|e| truncated(offset, &e))?;
        if (block.len() as u64) < length {
            return Err(format!(
                "truncated WARC record at offset {offset}: {} of {length} bytes of its block",
                block.len()
            ));
        }
        Some(block)
    };
    Ok(Some(Record { offset, headers, block }))
}

fn truncated(offset: u64, e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::UnexpectedEof {
        format!("truncated WARC archive in the record at offset {offset}")
    } else {
        format!("cannot read the WARC record at offset {offset}: {e}")
    }
}

fn clip(s: &str) -> String {
    s.chars().take(40).collect()
}
