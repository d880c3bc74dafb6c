//! Hostile inputs: time, peak memory and result of each, in both modes, as a Markdown table.
//!
//! ```sh
//! cargo run --release --example hostile
//! ```
//!
//! Each case runs in a child process of its own, so that its peak resident memory (VmHWM) is
//! its own. Time is measured at the full size and at a quarter of it: a ratio near 4 means time
//! linear in size.

use std::process::Command;
use std::time::Instant;
use stripwall::{Cleaner, Mode, Options};

const MB: usize = 1024 * 1024;

/// Builds a case's input at a size scale in 0..=1.
type Build = fn(f64) -> Vec<u8>;

/// (name, builder of the input).
fn cases() -> Vec<(&'static str, Build)> {
    vec![
        ("100,000-deep nesting", |s| {
            let n = (100_000.0 * s) as usize;
            format!("{}<p>deep text</p>", "<div>".repeat(n)).into_bytes()
        }),
        ("50 MB text node", |s| {
            let mut page = b"<article><p>".to_vec();
            page.extend(b"word ".repeat((50.0 * s * MB as f64) as usize / 5));
            page
        }),
        ("10 MB attribute", |s| {
            format!(
                "<div title=\"{}\">x</div><p>after</p>",
                "a".repeat((10.0 * s * MB as f64) as usize)
            )
            .into_bytes()
        }),
        ("1,000,000 elements", |s| {
            "<span>x</span>".repeat((1_000_000.0 * s) as usize).into_bytes()
        }),
        ("NUL bytes (8 MB)", |s| {
            (0..(8.0 * s * MB as f64) as usize)
                .map(|i| {
                    if i % 7 == 0 {
                        b'<'
                    } else if i % 3 == 0 {
                        0
                    } else {
                        b'a'
                    }
                })
                .collect()
        }),
        ("invalid UTF-8 (8 MB)", |s| {
            (0..(8.0 * s * MB as f64) as usize)
                .map(|i| {
                    if i % 5 == 0 {
                        0xC3
                    } else if i % 5 == 1 {
                        0x28
                    } else {
                        0xFF
                    }
                })
                .collect()
        }),
        ("unterminated comment (10 MB)", |s| {
            format!("<p>before</p><!-- {}", "x".repeat((10.0 * s * MB as f64) as usize)).into_bytes()
        }),
        ("unterminated script (10 MB)", |s| {
            format!(
                "<p>before</p><script>{}",
                "var a = 1; ".repeat((10.0 * s * MB as f64) as usize / 11)
            )
            .into_bytes()
        }),
        ("binary junk (16 MB)", |s| {
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            (0..(16.0 * s * MB as f64) as usize)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    x as u8
                })
                .collect()
        }),
    ]
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Child: runs one case at one scale in one mode; prints `ms rss_kb result`.
fn child(case: usize, scale: f64, mode: &str) {
    let input = (cases()[case].1)(scale);
    let mode = if mode == "reader" { Mode::Reader } else { Mode::Stream };
    let cleaner = Cleaner::new(Options {
        mode,
        ..Options::default()
    })
    .unwrap();
    // Forget the peak of building the input (Linux: writing 5 to clear_refs resets VmHWM).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = peak_rss_kb();
    let t = Instant::now();
    let mut out = 0usize;
    let result = {
        let mut stream = cleaner.stream(|b: &[u8]| out += b.len());
        let mut r = Ok(());
        for chunk in input.chunks(64 * 1024) {
            r = r.and_then(|()| stream.write(chunk));
        }
        r.and_then(|()| stream.end().map(|_| ()))
    };
    let ms = t.elapsed().as_secs_f64() * 1e3;
    let outcome = match result {
        Ok(()) => format!("ok, {out} bytes out"),
        Err(e) => format!("error: {e}"),
    };
    println!("{ms:.0}\t{}\t{before}\t{outcome}", peak_rss_kb());
}

fn run(case: usize, scale: f64, mode: &str) -> (f64, u64, String) {
    let exe = std::env::current_exe().unwrap();
    let out = Command::new(exe)
        .args(["--child", &case.to_string(), &scale.to_string(), mode])
        .output()
        .expect("the example runs itself");
    if !out.status.success() {
        return (
            0.0,
            0,
            format!(
                "CRASH: {}",
                String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("")
            ),
        );
    }
    let line = String::from_utf8_lossy(&out.stdout).to_string();
    let mut parts = line.trim().splitn(4, '\t');
    let ms = parts.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    let rss = parts.next().and_then(|v| v.parse().ok()).unwrap_or(0);
    let _input_rss: u64 = parts.next().and_then(|v| v.parse().ok()).unwrap_or(0);
    (ms, rss, parts.next().unwrap_or("").to_string())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--child") {
        child(args[2].parse().unwrap(), args[3].parse().unwrap(), &args[4]);
        return;
    }
    println!("| input | size | stream: time (×4 size: ×time) | stream: peak RSS | reader: time (×4 size: ×time) | reader: peak RSS | result |");
    println!("|---|---|---|---|---|---|---|");
    for (i, (name, build)) in cases().iter().enumerate() {
        let size = build(1.0).len();
        let (ms, rss, outcome) = run(i, 1.0, "stream");
        let (quarter_ms, _, _) = run(i, 0.25, "stream");
        let (rms, rrss, routcome) = run(i, 1.0, "reader");
        let (rquarter_ms, _, _) = run(i, 0.25, "reader");
        let ratio = |full: f64, quarter: f64| {
            if quarter > 0.0 {
                format!("{:.1}", full / quarter)
            } else {
                "-".into()
            }
        };
        let (growth, rgrowth) = (ratio(ms, quarter_ms), ratio(rms, rquarter_ms));
        let result = format!("stream {outcome}; reader {routcome}");
        println!(
            "| {name} | {:.1} MB | {ms:.0} ms ({growth}) | {:.1} MB | {rms:.0} ms ({rgrowth}) | {:.1} MB | {result} |",
            size as f64 / MB as f64,
            rss as f64 / 1024.0,
            rrss as f64 / 1024.0,
        );
    }
    println!("\nPeak RSS is the process's, input included (the example holds the whole input; reader mode also holds the cleaned page and a record per element). Times under 10 ms make the ratio noisy.");
}
