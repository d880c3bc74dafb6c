//! The `stripwall` command: clean HTML files or standard input.

use clap::{Parser, ValueEnum};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use stripwall::{Cleaner, FilterSet, Options, Report, TextStream};

/// Strip paywall prompts, consent walls and page chrome from HTML and keep the article.
///
/// Reads each FILE (or standard input for none or `-`; gzip is decompressed) and writes the
/// cleaned page. Exit status: 0 on success, 1 on an input or processing error, 2 on bad usage.
#[derive(Debug, Parser)]
#[command(
    name = "stripwall",
    version,
    after_help = "Examples:\n  stripwall page.html > clean.html\n  stripwall --mode reader --format markdown page.html\n  curl -s https://example.com/story | stripwall --format text\n  stripwall --explain --keep comments page.html.gz -o clean.html"
)]
struct Cli {
    /// Input files (`-` or none: standard input). With several, outputs follow each other
    /// (for `--format json`, one JSON object per line).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    format: Format,

    /// A filter list in Adblock Plus / uBlock Origin syntax (EasyList, Fanboy's …) whose
    /// cosmetic rules also remove elements, reported as `filter-list` (repeatable; gzip is read).
    #[arg(long = "filters", value_name = "FILE")]
    filters: Vec<PathBuf>,

    #[command(flatten)]
    options: Options,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The cleaned page.
    Html,
    /// Plain text: the title, then each block on its own line.
    Text,
    /// GitHub-flavoured Markdown (best with `--mode reader`).
    Markdown,
    /// An object with title, text, markdown, html, metadata (reader mode) and the report.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filters = match load_filters(&cli.filters) {
        Ok(filters) => filters,
        Err(e) => {
            eprintln!("stripwall: {e}");
            return ExitCode::from(1);
        }
    };
    if let (Some(set), true) = (&filters, cli.options.explain) {
        let r = set.report();
        eprintln!(
            "filter lists: {} rules applied, {} exceptions, {} rules skipped",
            r.rules,
            r.exceptions,
            r.skipped_total()
        );
        for (reason, n) in &r.skipped {
            eprintln!("  skipped {n:>6}  {reason}");
        }
    }
    let built = match filters {
        Some(set) => Cleaner::with_filters(cli.options.clone(), set),
        None => Cleaner::new(cli.options.clone()),
    };
    let cleaner = match built {
        Ok(c) => c,
        Err(e) => {
            eprintln!("stripwall: {e}");
            return ExitCode::from(2);
        }
    };
    let output: Box<dyn Write> = match &cli.output {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("stripwall: cannot create {}: {e}", path.display());
                return ExitCode::from(1);
            }
        },
        None => Box::new(io::stdout().lock()),
    };
    let mut output = io::BufWriter::new(output);
    let files = if cli.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        cli.files.clone()
    };
    for path in &files {
        let name = path.display().to_string();
        let result = open(path).and_then(|input| run(&cleaner, cli.format, input, &mut output));
        match result {
            Ok(report) => {
                if cli.options.explain {
                    explain(&name, &report);
                } else {
                    // Warnings are never silent: an empty output, a page passed through.
                    for w in &report.warnings {
                        eprintln!("stripwall: {name}: warning: {w}");
                    }
                }
            }
            // The reader went away (`stripwall page.html | head`): nothing more to say.
            Err(stripwall::Error::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Err(e) => {
                let _ = output.flush();
                eprintln!("stripwall: {name}: {e}");
                return ExitCode::from(1);
            }
        }
    }
    if let Err(e) = output.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("stripwall: cannot write output: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

/// Reads and compiles the filter lists given with `--filters`.
fn load_filters(paths: &[PathBuf]) -> Result<Option<std::sync::Arc<FilterSet>>, String> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut lists = Vec::with_capacity(paths.len());
    for path in paths {
        let mut text = Vec::new();
        open(path)
            .and_then(|mut r| r.read_to_end(&mut text).map_err(Into::into))
            .map_err(|e| format!("filter list {}: {e}", path.display()))?;
        lists.push(String::from_utf8_lossy(&text).into_owned());
    }
    Ok(Some(std::sync::Arc::new(FilterSet::new(&lists))))
}

/// Opens a file or standard input, decompressing gzip (recognised by its magic bytes).
fn open(path: &PathBuf) -> Result<Box<dyn Read>, stripwall::Error> {
    let raw: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(File::open(path).map_err(|e| io::Error::new(e.kind(), format!("cannot open: {e}")))?)
    };
    let mut reader = BufReader::with_capacity(64 * 1024, raw);
    let magic = reader.fill_buf()?;
    if magic.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(GzipReader(flate2::bufread::MultiGzDecoder::new(reader))))
    } else {
        Ok(Box::new(reader))
    }
}

/// Names gzip failures as such ("truncated gzip input" rather than a bare "unexpected end of file").
struct GzipReader<R>(R);

impl<R: Read> Read for GzipReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|e| {
            let what = if e.kind() == io::ErrorKind::UnexpectedEof {
                "truncated gzip input".to_string()
            } else {
                format!("invalid gzip input: {e}")
            };
            io::Error::new(e.kind(), what)
        })
    }
}

fn run(cleaner: &Cleaner, format: Format, input: Box<dyn Read>, output: &mut impl Write) -> stripwall::Result<Report> {
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
            output.write_all(stripwall::to_markdown(&String::from_utf8_lossy(&html)).as_bytes())?;
            Ok(report)
        }
        Format::Json => {
            let mut html = Vec::new();
            let report = cleaner.clean_io(input, &mut html)?;
            let html = String::from_utf8_lossy(&html).into_owned();
            let title = report
                .metadata
                .as_ref()
                .and_then(|m| m.title.clone())
                .or(report.title.clone());
            let value = serde_json::json!({
                "title": title,
                "text": stripwall::to_text(&html),
                "markdown": stripwall::to_markdown(&html),
                "html": html,
                "metadata": report.metadata,
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
fn explain(name: &str, report: &Report) {
    let mut err = io::stderr().lock();
    let _ = writeln!(
        err,
        "{name}: {} bytes in, {} bytes out, {} elements removed",
        report.bytes_in,
        report.bytes_out,
        report.elements_removed()
    );
    for (category, tally) in &report.removed {
        let _ = writeln!(
            err,
            "  {category:<13} {:>5} elements {:>9} bytes",
            tally.elements, tally.bytes
        );
    }
    for r in &report.removals {
        let _ = writeln!(
            err,
            "  - {:<11} <{}> {}: {}",
            r.category.name(),
            r.tag,
            r.reason,
            r.snippet
        );
    }
    for w in &report.warnings {
        let _ = writeln!(err, "  warning: {w}");
    }
}
