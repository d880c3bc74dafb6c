//! The progress bar of a batch, on standard error: documents, megabytes read, documents per
//! second and failures, with an ETA when the input's size is known. Nothing is drawn when
//! disabled (stderr not a terminal, or `--quiet`); messages then go straight to stderr.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::Instant;

pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    /// A bar over `total_bytes` of input when known, else a spinner; none when not `shown`.
    pub fn new(shown: bool, total_bytes: Option<u64>) -> Self {
        let bar = shown.then(|| {
            let bar = match total_bytes {
                Some(total) => {
                    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
                    bar.set_style(
                        ProgressStyle::with_template("{bar:30} {percent:>3}% {msg} · eta {eta}")
                            .unwrap_or_else(|_| ProgressStyle::default_bar()),
                    );
                    bar
                }
                None => {
                    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                    bar.set_style(
                        ProgressStyle::with_template("{spinner} {msg}")
                            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                    );
                    bar
                }
            };
            bar.enable_steady_tick(std::time::Duration::from_millis(200));
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    /// Shows the counts after a document was written.
    pub fn update(&self, documents: u64, failed: u64, bytes_read: u64) {
        let Some(bar) = &self.bar else { return };
        let seconds = self.started.elapsed().as_secs_f64().max(1e-3);
        bar.set_position(bytes_read);
        bar.set_message(format!(
            "{documents} documents · {:.1} MB · {:.0} documents/s · {failed} failed",
            bytes_read as f64 / 1e6,
            documents as f64 / seconds
        ));
    }

    /// Writes a line to stderr above the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{line}")),
            None => eprintln!("{line}"),
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
