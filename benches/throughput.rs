//! Stream- and reader-mode throughput against a bare lol_html pass over the same real pages, in one run.
//!
//! Pages: the scrapinghub evaluation set in `../shared/eval/scrapinghub/html` (or a directory of
//! `.html`/`.html.gz` files named by `STRIPWALL_BENCH_PAGES`). Without them the benchmark says so
//! and falls back to the test fixtures, which are too small to be representative.
//!
//! Besides criterion's bytes/s for each, it prints the ratios measured by alternating the three
//! over the whole set several times, which cancels most of the noise of a shared machine.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use flate2::read::GzDecoder;
use lol_html::{HtmlRewriter, Settings};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use stripwall::{Category, Cleaner, FilterSet, Mode, Options};

fn load_pages() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("STRIPWALL_BENCH_PAGES")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/eval/scrapinghub/html"));
    let mut pages = read_dir_pages(&dir);
    if pages.is_empty() {
        eprintln!(
            "note: no pages in {} (set STRIPWALL_BENCH_PAGES); benchmarking the test fixtures instead",
            dir.display()
        );
        pages = read_dir_pages(&root.join("tests/fixtures"));
    }
    pages
}

fn read_dir_pages(dir: &Path) -> Vec<Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let bytes = std::fs::read(p).ok()?;
            if name.ends_with(".html.gz") {
                let mut out = Vec::new();
                GzDecoder::new(&bytes[..]).read_to_end(&mut out).ok()?;
                Some(out)
            } else if name.ends_with(".html") {
                Some(bytes)
            } else {
                None
            }
        })
        .collect()
}

fn bare_pass(page: &[u8]) -> usize {
    let mut out = 0usize;
    let mut rewriter = HtmlRewriter::new(Settings::new(), |c: &[u8]| out += c.len());
    rewriter.write(page).unwrap();
    rewriter.end().unwrap();
    out
}

fn stream_mode(cleaner: &Cleaner, page: &[u8]) -> usize {
    let mut out = 0usize;
    let mut stream = cleaner.stream(|c: &[u8]| out += c.len());
    stream.write(page).unwrap();
    stream.end().unwrap();
    out
}

fn throughput(c: &mut Criterion) {
    let pages = load_pages();
    let total: usize = pages.iter().map(Vec::len).sum();
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let reader = Cleaner::new(Options {
        mode: Mode::Reader,
        ..Options::default()
    })
    .unwrap();
    let mut group = c.benchmark_group("pages");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(20).measurement_time(Duration::from_secs(8));
    group.bench_function("bare lol_html pass", |b| {
        b.iter(|| pages.iter().map(|p| bare_pass(p)).sum::<usize>())
    });
    group.bench_function("stream mode", |b| {
        b.iter(|| pages.iter().map(|p| stream_mode(&cleaner, p)).sum::<usize>())
    });
    group.bench_function("reader mode", |b| {
        b.iter(|| pages.iter().map(|p| stream_mode(&reader, p)).sum::<usize>())
    });
    group.finish();

    // The ratio, alternating the two so that both see the same machine.
    let (mut bare, mut stream, mut read) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for _ in 0..10 {
        let t = Instant::now();
        std::hint::black_box(pages.iter().map(|p| bare_pass(p)).sum::<usize>());
        bare += t.elapsed();
        let t = Instant::now();
        std::hint::black_box(pages.iter().map(|p| stream_mode(&cleaner, p)).sum::<usize>());
        stream += t.elapsed();
        let t = Instant::now();
        std::hint::black_box(pages.iter().map(|p| stream_mode(&reader, p)).sum::<usize>());
        read += t.elapsed();
    }
    let mb = |d: Duration| 10.0 * total as f64 / d.as_secs_f64() / 1e6;
    println!(
        "\n{} pages, {:.1} MB: bare lol_html {:.0} MB/s, stream mode {:.0} MB/s: stream mode runs at {:.1}% of the bare pass",
        pages.len(),
        total as f64 / 1e6,
        mb(bare),
        mb(stream),
        100.0 * bare.as_secs_f64() / stream.as_secs_f64()
    );
    println!(
        "reader mode {:.0} MB/s: reader mode (all passes) runs at {:.1}% of the bare pass",
        mb(read),
        100.0 * bare.as_secs_f64() / read.as_secs_f64()
    );
}

/// The two real filter lists of `../shared/filters` (or `STRIPWALL_BENCH_FILTERS`, a directory
/// of `.txt` lists), as text.
fn load_filter_lists() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("STRIPWALL_BENCH_FILTERS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/filters"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

/// Filter lists: compile time, and stream mode with the lists against without, in one run.
fn filter_lists(c: &mut Criterion) {
    let lists = load_filter_lists();
    if lists.is_empty() {
        eprintln!(
            "note: no filter lists in ../shared/filters (set STRIPWALL_BENCH_FILTERS); filter benchmarks skipped"
        );
        return;
    }
    let pages = load_pages();
    let total: usize = pages.iter().map(Vec::len).sum();
    c.bench_function("compile both filter lists", |b| b.iter(|| FilterSet::new(&lists)));
    let t = Instant::now();
    let set = Arc::new(FilterSet::new(&lists));
    let compile = t.elapsed();
    let plain = Cleaner::new(Options::default()).unwrap();
    let filtered = Cleaner::with_filters(Options::default(), set.clone()).unwrap();
    let removed: u64 = pages
        .iter()
        .map(|p| {
            let (_, report) = filtered.clean_bytes(p).unwrap();
            report.removed.get(&Category::FilterList).map_or(0, |t| t.elements)
        })
        .sum();
    let (mut without, mut with) = (Duration::ZERO, Duration::ZERO);
    for _ in 0..10 {
        let t = Instant::now();
        std::hint::black_box(pages.iter().map(|p| stream_mode(&plain, p)).sum::<usize>());
        without += t.elapsed();
        let t = Instant::now();
        std::hint::black_box(pages.iter().map(|p| stream_mode(&filtered, p)).sum::<usize>());
        with += t.elapsed();
    }
    let mb = |d: Duration| 10.0 * total as f64 / d.as_secs_f64() / 1e6;
    let r = set.report();
    println!(
        "\nfilter lists: {} rules applied, {} exceptions, {} skipped; compiled in {:.1} ms",
        r.rules,
        r.exceptions,
        r.skipped_total(),
        compile.as_secs_f64() * 1e3
    );
    println!(
        "{} pages: the lists removed {removed} elements; stream mode {:.0} MB/s without lists, {:.0} MB/s with: {:.0}% of the speed without",
        pages.len(),
        mb(without),
        mb(with),
        100.0 * without.as_secs_f64() / with.as_secs_f64()
    );
}

criterion_group!(benches, throughput, filter_lists);
criterion_main!(benches);
