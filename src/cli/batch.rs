//! A batch run: many documents cleaned on `--jobs` threads, written in input order.
//!
//! Takes the inputs, a shared [`Cleaner`] and where to write; gives one JSON line (or one file
//! under `--output-dir`) per document, and a [`Summary`]. One thread reads the inputs, the
//! workers clean, and the calling thread writes in order. Memory stays bounded whatever the
//! inputs: at most a fixed number of documents are in flight between reading and writing.

use crate::documents::{produce, Counters, Document};
use crate::fields::{file_contents, json_line, text_suffices, Content, Field};
use crate::inputs::{Input, InputError, Opened};
use crate::progress::Progress;
use crate::Format;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{channel, sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Instant;
use stripwall::{Cleaner, PageSource, Report};

/// How a batch runs and what it writes.
pub struct BatchOptions {
    pub jobs: usize,
    pub fields: Vec<Field>,
    pub format: Option<Format>,
    pub output_dir: Option<PathBuf>,
    pub explain: bool,
    /// Markdown starts with YAML front matter.
    pub front_matter: bool,
    pub quiet: bool,
    /// Show a progress bar (stderr is a terminal, and not `--quiet`).
    pub progress: bool,
    /// Input bytes in all, when known (for the progress bar's ETA).
    pub total_bytes: Option<u64>,
}

/// What a batch did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    pub documents: u64,
    pub skipped: u64,
    pub failed: u64,
    pub seconds: f64,
}

impl Summary {
    /// The line written at the end of a run.
    pub fn line(&self) -> String {
        let rate = if self.seconds > 0.0 {
            self.documents as f64 / self.seconds
        } else {
            0.0
        };
        format!(
            "stripwall: {} document{}, {} skipped, {} failed in {:.2} s ({:.0} documents/s)",
            self.documents,
            if self.documents == 1 { "" } else { "s" },
            self.skipped,
            self.failed,
            self.seconds,
            rate
        )
    }
}

/// A document cleaned and rendered by a worker.
struct Done {
    seq: u64,
    /// The JSON line (none with `--output-dir`).
    line: Vec<u8>,
    /// The error, for the summary and stderr.
    error: Option<String>,
    source: String,
    warnings: Vec<String>,
    report: Option<Report>,
}

/// Documents in flight per worker: enough to keep every worker busy while the writer waits for
/// a slow one, few enough that memory stays small.
const IN_FLIGHT_PER_JOB: usize = 4;

/// Runs the batch; the JSON lines go to `out`. With one job, everything runs on the calling
/// thread in turn; with more, a reader thread feeds that many cleaning threads.
pub fn run(
    cleaner: &Cleaner,
    inputs: Vec<Result<Input, InputError>>,
    first: Option<Opened>,
    options: &BatchOptions,
    out: &mut dyn Write,
) -> std::io::Result<Summary> {
    let started = Instant::now();
    let counters = Counters::default();
    let progress = Progress::new(options.progress, options.total_bytes);
    let mut writer = OrderedWriter {
        out,
        options,
        progress: &progress,
        counters: &counters,
        summary: Summary::default(),
        write_error: None,
    };
    if options.jobs <= 1 {
        let mut seq = 0u64;
        produce(inputs, first, &counters, |doc| {
            writer.write(process_guarded(cleaner, options, seq, &doc));
            seq += 1;
            writer.write_error.is_none()
        });
    } else {
        run_parallel(cleaner, inputs, first, options, &counters, &mut writer);
    }
    progress.finish();
    let mut summary = writer.summary;
    summary.skipped = counters.skipped.load(Ordering::Relaxed);
    summary.seconds = started.elapsed().as_secs_f64();
    if let Some(e) = writer.write_error {
        return Err(e);
    }
    writer.out.flush()?;
    Ok(summary)
}

/// Reader thread → `options.jobs` cleaning threads → the calling thread, which writes in order.
fn run_parallel(
    cleaner: &Cleaner,
    inputs: Vec<Result<Input, InputError>>,
    first: Option<Opened>,
    options: &BatchOptions,
    counters: &Counters,
    writer: &mut OrderedWriter<'_>,
) {
    let jobs = options.jobs;
    let in_flight = jobs * IN_FLIGHT_PER_JOB;
    // Permits bound the documents between reading and writing.
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = permit_tx.send(());
    }
    let (job_tx, job_rx) = sync_channel::<(u64, Document)>(jobs);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = channel::<Done>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut seq = 0u64;
            produce(inputs, first, counters, |doc| {
                if permit_rx.recv().is_err() {
                    return false;
                }
                let sent = job_tx.send((seq, doc)).is_ok();
                seq += 1;
                sent
            });
        });
        for _ in 0..jobs {
            let job_rx = job_rx.clone();
            let done_tx = done_tx.clone();
            scope.spawn(move || worker(cleaner, options, &job_rx, &done_tx));
        }
        drop(done_tx);
        let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
        let mut next = 0u64;
        for done in done_rx.iter() {
            pending.insert(done.seq, done);
            while let Some(done) = pending.remove(&next) {
                next += 1;
                writer.write(done);
                // A permit for the next document; the reader may be gone already.
                let _ = permit_tx.send(());
            }
            if writer.write_error.is_some() {
                // The output is gone (a closed pipe): stop reading, let the workers drain.
                break;
            }
        }
        // Unblock the reader if it waits for a permit after a write error.
        drop(permit_tx);
        for _ in done_rx.iter() {}
    });
}

/// Writes the documents' results as they come (in order), and counts them.
struct OrderedWriter<'a> {
    out: &'a mut dyn Write,
    options: &'a BatchOptions,
    progress: &'a Progress,
    counters: &'a Counters,
    summary: Summary,
    write_error: Option<std::io::Error>,
}

impl OrderedWriter<'_> {
    fn write(&mut self, done: Done) {
        let options = self.options;
        self.summary.documents += 1;
        if let Some(error) = &done.error {
            self.summary.failed += 1;
            // Without JSON lines, the error has no other place to go.
            if !options.quiet || options.output_dir.is_some() {
                self.progress.println(&format!("stripwall: {}: {error}", done.source));
            }
        }
        if let (true, Some(report)) = (options.explain, &done.report) {
            // Asked for: --quiet does not silence it.
            self.progress.println(&crate::single::explanation(&done.source, report));
        } else if !options.quiet {
            for w in &done.warnings {
                self.progress
                    .println(&format!("stripwall: {}: warning: {w}", done.source));
            }
        }
        if self.write_error.is_none() && !done.line.is_empty() {
            self.write_error = self.out.write_all(&done.line).err();
        }
        self.progress.update(
            self.summary.documents,
            self.summary.failed,
            self.counters.bytes_read.load(Ordering::Relaxed),
        );
    }
}

fn worker(
    cleaner: &Cleaner,
    options: &BatchOptions,
    jobs: &Mutex<Receiver<(u64, Document)>>,
    done: &std::sync::mpsc::Sender<Done>,
) {
    loop {
        let job = jobs.lock().map(|rx| rx.recv());
        let Ok(Ok((seq, doc))) = job else { return };
        let result = process_guarded(cleaner, options, seq, &doc);
        if done.send(result).is_err() {
            return;
        }
    }
}

/// [`process`], with a panic inside turned into that document's error: one bad document never
/// stops the others.
fn process_guarded(cleaner: &Cleaner, options: &BatchOptions, seq: u64, doc: &Document) -> Done {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(cleaner, options, seq, doc)));
    result.unwrap_or_else(|_| Done {
        seq,
        line: json_line(doc, Err("internal error while cleaning"), &options.fields, false),
        error: Some("internal error while cleaning".into()),
        source: doc.source.clone(),
        warnings: Vec::new(),
        report: None,
    })
}

/// Cleans one document and renders what the batch writes of it.
fn process(cleaner: &Cleaner, options: &BatchOptions, seq: u64, doc: &Document) -> Done {
    let source = match doc.offset {
        Some(offset) => format!("{}@{offset}", doc.source),
        None => doc.source.clone(),
    };
    // JSON lines of text and metadata need no HTML: the cleaner makes the text directly.
    let text_only = options.output_dir.is_none() && text_suffices(&options.fields);
    let cleaned = match doc.page() {
        Ok(body) => {
            let page = PageSource {
                url: doc.url.as_deref(),
                charset: doc.charset.as_deref(),
            };
            if text_only {
                cleaner.clean_to_text(page, body)
            } else {
                cleaner
                    .clean_bytes_page(page, body)
                    // The output is UTF-8: taken as it is, not copied (lossy only if it is not).
                    .map(|(html, report)| {
                        let html = String::from_utf8(html)
                            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                        (html, report)
                    })
            }
            .map_err(|e| e.to_string())
        }
        Err(e) => Err(e.to_string()),
    };
    let (output, report) = match cleaned {
        Ok(ok) => ok,
        Err(error) => {
            return Done {
                seq,
                line: if options.output_dir.is_some() {
                    Vec::new()
                } else {
                    json_line(doc, Err(&error), &options.fields, false)
                },
                error: Some(error),
                source,
                warnings: Vec::new(),
                report: None,
            }
        }
    };
    let mut error = None;
    let line = match &options.output_dir {
        None => {
            let content = if text_only {
                Content::Text(&output)
            } else {
                Content::Html(&output)
            };
            json_line(doc, Ok((content, &report)), &options.fields, options.front_matter)
        }
        Some(dir) => {
            let (bytes, extension) = file_contents(options.format, doc, &output, &report, options.front_matter);
            let path = dir.join(format!("{}.{extension}", doc.out_name.display()));
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, bytes));
            if let Err(e) = written {
                error = Some(format!("cannot write {}: {e}", path.display()));
            }
            Vec::new()
        }
    };
    Done {
        seq,
        line,
        error,
        source,
        warnings: report.warnings.clone(),
        report: options.explain.then_some(report),
    }
}
