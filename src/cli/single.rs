//! One document, streamed: from a file or standard input to the output, in bounded memory,
//! in the format asked for.
//!
//! Takes an opened input and the cleaner; gives the cleaned page (HTML, text, Markdown or one
//! JSON object) and the report, which the caller explains or warns from.

use crate::Format;
use std::io::{self, Read, Write};
use stripwall::{Cleaner, Report, TextStream};

pub fn run(
    cleaner: &Cleaner,
    format: Format,
    front_matter: bool,
    input: impl Read,
    output: &mut impl Write,
) -> stripwall::Result<Report> {
    match format {
        Format::Html => cleaner.clean_io(input, output),
        Format::Text => {
            let mut write_error = None;
            let report = {
                let mut text = TextStream::new(|b: &[u8]| {
                    if write_error.is_none() {
                        write_error = output.write_all(b).err();
                    }
                });
                let mut text_error = None;
                let report = cleaner.clean_io(
                    input,
                    WriteFn(|b: &[u8]| {
                        if text_error.is_none() {
                            text_error = text.write(b).err();
                        }
                    }),
                )?;
                if let Some(e) = text_error {
                    return Err(e);
                }
                text.end()?;
                report
            };
            match write_error {
                Some(e) => Err(e.into()),
                None => Ok(report),
            }
        }
        Format::Markdown => {
            let mut html = Vec::new();
            let report = cleaner.clean_io(input, &mut html)?;
            let source = cleaner.options().url.as_deref();
            let markdown =
                crate::fields::markdown(&String::from_utf8_lossy(&html), &report, front_matter.then_some(source));
            output.write_all(markdown.as_bytes())?;
            Ok(report)
        }
        Format::Json => {
            let mut html = Vec::new();
            let report = cleaner.clean_io(input, &mut html)?;
            let html = String::from_utf8_lossy(&html).into_owned();
            let value = serde_json::json!({
                "title": report.headline(),
                "text": stripwall::to_text(&html),
                "markdown": crate::fields::markdown(&html, &report, front_matter.then_some(cleaner.options().url.as_deref())),
                "html": html,
                "metadata": report.metadata,
                "pageKind": report.page_kind,
                "report": report,
            });
            serde_json::to_writer(&mut *output, &value).map_err(io::Error::from)?;
            output.write_all(b"\n")?;
            Ok(report)
        }
    }
}

/// An `io::Write` over a closure.
struct WriteFn<F: FnMut(&[u8])>(F);

impl<F: FnMut(&[u8])> Write for WriteFn<F> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        (self.0)(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The report on standard error, for people.
pub fn explain(name: &str, report: &Report) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}", explanation(name, report));
}

/// The report as people read it: sizes, removals by category, each removal, the warnings.
pub fn explanation(name: &str, report: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = write!(
        out,
        "{name}: {} bytes in, {} bytes out, {} removed",
        report.bytes_in,
        report.bytes_out,
        elements(report.elements_removed())
    );
    for (category, tally) in &report.removed {
        // The counts in one column, whatever the word after them.
        let word = if tally.elements == 1 { "element" } else { "elements" };
        let _ = write!(
            out,
            "\n  {category:<13} {:>5} {word:<8} {:>9} bytes",
            tally.elements, tally.bytes
        );
    }
    for r in &report.removals {
        let _ = write!(
            out,
            "\n  - {:<11} <{}> {}: {}",
            r.category.name(),
            r.tag,
            r.reason,
            r.snippet
        );
    }
    for w in &report.warnings {
        let _ = write!(out, "\n  warning: {w}");
    }
    out
}

/// "1 element", "2 elements".
fn elements(n: u64) -> String {
    if n == 1 {
        "1 element".to_string()
    } else {
        format!("{n} elements")
    }
}
