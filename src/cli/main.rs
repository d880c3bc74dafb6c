//! The `stripwall` command: clean HTML files, directories of them, WARC archives or standard
//! input.
//!
//! This file only reads the command line and hands over: one document is streamed
//! ([`single`]); several (files, directories, archives) are a batch ([`batch`]) read by
//! [`inputs`] and [`documents`] (with [`warc`] and [`http`]), cleaned on every core and written
//! as [`fields`] says, with [`progress`].

mod batch;
mod documents;
mod fields;
mod http;
mod inputs;
mod progress;
mod single;
mod warc;

use clap::{Parser, ValueEnum};
use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use stripwall::{Cleaner, FilterSet, Options};

/// Strip paywall prompts, consent walls and page chrome from HTML and keep the article.
///
/// Reads each FILE (or standard input for none or `-`; gzip is decompressed) and writes the
/// cleaned page. Several files, a directory (walked recursively) or a WARC archive make a
/// batch: one JSON line per document, in input order, cleaned on every core. Exit status: 0
/// on success, 1 when an input or a document failed, 2 on bad usage.
#[derive(Debug, Parser)]
#[command(
    name = "stripwall",
    version,
    after_help = "Examples:\n  stripwall page.html > clean.html\n  stripwall --mode reader --format markdown page.html\n  curl -s https://example.com/story | stripwall --format text\n  stripwall --explain --keep comments page.html.gz -o clean.html\n  stripwall --mode reader CC-MAIN-…-00000.warc.gz > docs.jsonl\n  stripwall --mode reader --fields title,text,metadata pages/ > docs.jsonl\n  stripwall --format markdown --output-dir clean/ pages/"
)]
struct Cli {
    /// Input files, directories (walked recursively) or WARC archives (`.warc`, `.warc.gz`);
    /// `-` or none: standard input.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Write to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE", conflicts_with = "output_dir")]
    output: Option<PathBuf>,

    /// Output format [default: html]. In a batch it picks the JSON fields (text: title and
    /// text; json: every field) or, with --output-dir, the files' format.
    #[arg(long, value_enum)]
    format: Option<Format>,

    /// A batch's JSON fields, comma-separated: title, text, markdown, html, metadata,
    /// pageKind, report [default: title,text,pageKind, and metadata in reader mode]. Every
    /// line also has `source` (and for WARC records `offset`, `url`, `recordId`, `date`,
    /// `status`), and `error` for a document that failed.
    #[arg(long, value_name = "LIST")]
    fields: Option<String>,

    /// Write each document of a batch to its own file under DIR (the input's relative path,
    /// or ARCHIVE/OFFSET for WARC records) instead of JSON lines.
    #[arg(long, value_name = "DIR")]
    output_dir: Option<PathBuf>,

    /// Markdown starts with YAML front matter: title, source URL, authors, publication date and
    /// description, as Obsidian Web Clipper writes it (best with `--mode reader`).
    #[arg(long)]
    front_matter: bool,

    /// Documents cleaned at once [default: every core].
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,

    /// File-name patterns a directory walk takes, whatever their case (repeatable) [default:
    /// *.htm*, *.htm*.gz, *.warc and *.warc.gz].
    #[arg(long, value_name = "PATTERN")]
    glob: Vec<String>,

    /// No progress bar, summary or warnings on standard error (errors, and --explain, are still
    /// printed).
    #[arg(short, long)]
    quiet: bool,

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
    /// An object with title, text, markdown, html, metadata (reader mode), pageKind and the report.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cleaner = match build_cleaner(&cli) {
        Ok(cleaner) => cleaner,
        Err((message, code)) => {
            eprintln!("stripwall: {message}");
            return ExitCode::from(code);
        }
    };
    let globs = match inputs::glob_set(&cli.glob) {
        Ok(globs) => globs,
        Err(e) => return usage_error(&e),
    };
    let fields = match &cli.fields {
        Some(list) => match fields::parse_fields(list) {
            Ok(fields) => fields,
            Err(e) => return usage_error(&e),
        },
        None => fields::default_fields(cli.format, cli.options.mode),
    };
    let mut inputs = inputs::expand(&cli.files, &globs);
    let batch = inputs.len() != 1 || inputs::names_a_directory(&cli.files) || cli.output_dir.is_some();
    if batch {
        if inputs.is_empty() && !cli.quiet {
            eprintln!("stripwall: warning: no documents found (no file matched)");
        }
        warn_ignored(&cli, true, &fields);
        return run_batch(&cli, &cleaner, inputs, None, fields);
    }
    // One input: streamed, unless it turns out to be an archive.
    let input = match inputs.remove(0) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("stripwall: {}: {}", e.name, e.error);
            return ExitCode::from(1);
        }
    };
    let name = input.name();
    let opened = match inputs::open(&input) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("stripwall: {name}: {e}");
            return ExitCode::from(1);
        }
    };
    warn_ignored(&cli, opened.warc, &fields);
    if opened.warc {
        return run_batch(&cli, &cleaner, vec![Ok(input)], Some(opened), fields);
    }
    run_single(&cli, &cleaner, &name, opened.reader)
}

/// Says which flags given do nothing in this run, so that a mistake in a script is seen.
fn warn_ignored(cli: &Cli, batch: bool, fields: &[fields::Field]) {
    if !cli.quiet {
        for flag in ignored_flags(cli, batch, fields) {
            eprintln!("stripwall: warning: {flag}");
        }
    }
}

/// Flags given that do nothing in this run.
fn ignored_flags(cli: &Cli, batch: bool, fields: &[fields::Field]) -> Vec<&'static str> {
    let mut ignored = Vec::new();
    let markdown = match (batch, cli.output_dir.is_some()) {
        (false, _) | (true, true) => cli.format == Some(Format::Markdown),
        (true, false) => fields.contains(&fields::Field::Markdown),
    };
    if cli.front_matter && !markdown {
        ignored.push("--front-matter heads Markdown only: ignored");
    }
    if cli.options.mode == stripwall::Mode::Stream && cli.options.preset != stripwall::Preset::default() {
        ignored.push("--preset tunes reader mode only: ignored in stream mode");
    }
    if cli.options.mode == stripwall::Mode::Stream && !cli.options.keep_attributes.is_empty() {
        // Stream mode keeps every attribute but unsafe ones: there is nothing to keep.
        ignored.push("--keep-attribute picks the attributes of reader mode's article: ignored in stream mode, which keeps every safe attribute");
    }
    if cli.fields.is_some() && (!batch || cli.output_dir.is_some()) {
        ignored.push("--fields picks a batch's JSON fields: ignored here (one document: --format json)");
    }
    ignored
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("stripwall: {message}");
    ExitCode::from(2)
}

/// The cleaner, with the filter lists compiled once; on failure, the message and exit code.
fn build_cleaner(cli: &Cli) -> Result<Cleaner, (String, u8)> {
    let filters = load_filters(&cli.filters).map_err(|e| (e, 1))?;
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
    built.map_err(|e| (flag_message(e), 2))
}

/// A cleaner's error in the command line's words: an option is named by its flag
/// (`--memory-limit`, not `memory_limit`).
fn flag_message(e: stripwall::Error) -> String {
    match e {
        stripwall::Error::InvalidOption { option, reason } => {
            format!("invalid option `--{}`: {reason}", option.replace('_', "-"))
        }
        e => e.to_string(),
    }
}

/// Where output goes: `--output` or standard output.
fn output(cli: &Cli) -> Result<Box<dyn Write>, ExitCode> {
    match &cli.output {
        Some(path) => match File::create(path) {
            Ok(f) => Ok(Box::new(f)),
            Err(e) => {
                eprintln!("stripwall: cannot create {}: {e}", path.display());
                Err(ExitCode::from(1))
            }
        },
        None => Ok(Box::new(io::stdout().lock())),
    }
}

fn run_single(cli: &Cli, cleaner: &Cleaner, name: &str, input: impl Read) -> ExitCode {
    let output = match output(cli) {
        Ok(output) => output,
        Err(code) => return code,
    };
    let mut output = io::BufWriter::new(output);
    match single::run(
        cleaner,
        cli.format.unwrap_or(Format::Html),
        cli.front_matter,
        input,
        &mut output,
    ) {
        Ok(report) => {
            if cli.options.explain {
                single::explain(name, &report);
            } else if !cli.quiet {
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
    if let Err(e) = output.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("stripwall: cannot write output: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

fn run_batch(
    cli: &Cli,
    cleaner: &Cleaner,
    inputs: Vec<Result<inputs::Input, inputs::InputError>>,
    first: Option<inputs::Opened>,
    fields: Vec<fields::Field>,
) -> ExitCode {
    let total_bytes = inputs
        .iter()
        .map(|input| match input {
            Ok(inputs::Input::File { path, .. }) => std::fs::metadata(path).ok().map(|m| m.len()),
            Ok(inputs::Input::Stdin) => None,
            Err(_) => Some(0),
        })
        .sum::<Option<u64>>();
    let jobs = cli.jobs.map(usize::from).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(std::num::NonZeroUsize::get)
            .unwrap_or(1)
    });
    let options = batch::BatchOptions {
        jobs,
        fields,
        format: cli.format,
        output_dir: cli.output_dir.clone(),
        explain: cli.options.explain,
        front_matter: cli.front_matter,
        quiet: cli.quiet,
        progress: !cli.quiet && io::stderr().is_terminal(),
        total_bytes,
    };
    let output = match output(cli) {
        Ok(output) => output,
        Err(code) => return code,
    };
    let mut output = io::BufWriter::new(output);
    let summary = match batch::run(cleaner, inputs, first, &options, &mut output) {
        Ok(summary) => summary,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stripwall: cannot write output: {e}");
            return ExitCode::from(1);
        }
    };
    if !cli.quiet {
        eprintln!("{}", summary.line());
    }
    if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads and compiles the filter lists given with `--filters`.
fn load_filters(paths: &[PathBuf]) -> Result<Option<std::sync::Arc<FilterSet>>, String> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut lists = Vec::with_capacity(paths.len());
    for path in paths {
        let input = inputs::Input::File {
            path: path.clone(),
            relative: path.clone(),
        };
        let mut text = Vec::new();
        inputs::open(&input)
            .and_then(|mut opened| opened.reader.read_to_end(&mut text))
            .map_err(|e| format!("filter list {}: {e}", path.display()))?;
        lists.push(String::from_utf8_lossy(&text).into_owned());
    }
    Ok(Some(std::sync::Arc::new(FilterSet::new(&lists))))
}
