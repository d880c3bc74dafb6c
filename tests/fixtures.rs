//! Data-driven tests: each `tests/fixtures/NAME.html` is cleaned and checked against
//! `NAME.expect`, then cleaned again under random chunk splits, which must give byte-identical
//! output and the same report.
//!
//! `.expect` lines: `+ text` must appear in the text output, `- text` must not; `html+ s` /
//! `html- s` the same for the HTML output; `CATEGORY N` is the number of elements removed under
//! a category; `removed N` the total; `warning WORD` a warning containing WORD; `kind K` the
//! page kind reported;
//! `reader+ text` / `reader- text` for the text of reader mode's article, `reader-warning WORD`
//! a warning of reader mode's. Both modes run under
//! the random splits.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use stripwall::{Category, Cleaner, Mode, Options, Report};

fn fixtures() -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut list: Vec<_> = fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    list.sort();
    assert!(list.len() >= 8, "fixtures went missing: {list:?}");
    list
}

/// Cleans `html` cut at the byte offsets `cuts` (sorted).
fn clean_in_chunks(cleaner: &Cleaner, html: &[u8], cuts: &[usize]) -> (Vec<u8>, Report) {
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(cuts.iter().copied())
        .chain([html.len()])
        .collect();
    common::clean_pieces(cleaner, bounds.windows(2).map(|w| &html[w[0]..w[1]])).expect("cleaning succeeds")
}

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_expectations(name: &str, expect: &str, html: &str, report: &Report, article: &str, article_report: &Report) {
    let text = stripwall::to_text(html);
    let normalized_text = normalized(&text);
    let article_text = normalized(&stripwall::to_text(article));
    let mut failures = Vec::new();
    for line in expect.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (key, value) = line.split_once(' ').unwrap_or((line, ""));
        let ok = match key {
            "+" => normalized_text.contains(value),
            "-" => !normalized_text.contains(value),
            "reader+" => article_text.contains(value),
            "reader-" => !article_text.contains(value),
            "html+" => html.contains(value),
            "html-" => !html.contains(value),
            "removed" => report.elements_removed() == value.parse::<u64>().unwrap(),
            "warning" => report.warnings.iter().any(|w| w.contains(value)),
            "reader-warning" => article_report.warnings.iter().any(|w| w.contains(value)),
            "kind" => report.page_kind.name() == value,
            category => {
                let category: Category = category.parse().unwrap_or_else(|e| panic!("{name}.expect: {e}"));
                let n = report.removed.get(&category).map_or(0, |t| t.elements);
                n == value.parse::<u64>().unwrap()
            }
        };
        if !ok {
            failures.push(line.to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: failed expectations:\n  {}\n--- text ---\n{text}\n--- reader text ---\n{article_text}\n--- html ---\n{html}\n--- report ---\n{report:#?}",
        failures.join("\n  ")
    );
}

#[test]
fn fixtures_meet_their_expectations() {
    let cleaner = Cleaner::new(Options {
        explain: true,
        ..Options::default()
    })
    .unwrap();
    for (name, path) in fixtures() {
        let html = fs::read_to_string(&path).unwrap();
        let expect = fs::read_to_string(path.with_extension("expect"))
            .unwrap_or_else(|_| panic!("{name}.html has no {name}.expect"));
        let cleaned = cleaner.clean_str(&html).unwrap();
        let article = reader().clean_str(&html).unwrap();
        check_expectations(
            &name,
            &expect,
            &cleaned.html,
            &cleaned.report,
            &article.html,
            &article.report,
        );
    }
}

fn reader() -> Cleaner {
    Cleaner::new(Options {
        mode: Mode::Reader,
        explain: true,
        ..Options::default()
    })
    .unwrap()
}

#[test]
fn fixtures_give_identical_output_under_random_chunk_splits() {
    let stream = Cleaner::new(Options {
        explain: true,
        ..Options::default()
    })
    .unwrap();
    let reader = reader();
    let mut rng = fastrand::Rng::with_seed(0x5717_9a11);
    for ((name, path), cleaner) in fixtures()
        .into_iter()
        .flat_map(|f| [(f.clone(), &stream), (f, &reader)])
    {
        let html = fs::read(&path).unwrap();
        let (whole, whole_report) = clean_in_chunks(cleaner, &html, &[]);
        for round in 0..64 {
            let pieces = rng.usize(1..=12);
            let mut cuts: Vec<usize> = (0..pieces).map(|_| rng.usize(0..=html.len())).collect();
            cuts.sort_unstable();
            let (out, report) = clean_in_chunks(cleaner, &html, &cuts);
            assert_eq!(
                String::from_utf8_lossy(&out),
                String::from_utf8_lossy(&whole),
                "{name}: output differs with cuts {cuts:?} (round {round})"
            );
            assert_eq!(report, whole_report, "{name}: report differs with cuts {cuts:?}");
        }
        let every_byte: Vec<usize> = (1..html.len()).collect();
        let (out, _) = clean_in_chunks(cleaner, &html, &every_byte);
        assert_eq!(out, whole, "{name}: output differs when fed one byte at a time");
    }
}

#[test]
fn fixtures_without_expectations_are_not_allowed() {
    for (name, path) in fixtures() {
        assert!(
            path.with_extension("expect").exists(),
            "{name}.html has no .expect file"
        );
    }
}

/// An article stays an article: reader mode on its own output (clean HTML, as from a CMS, a feed
/// or an earlier run) gives the same article, never a gutted one.
#[test]
fn reader_mode_on_its_own_output_gives_the_same_article() {
    let reader = reader();
    let mut changed = Vec::new();
    for (name, path) in fixtures() {
        let html = fs::read_to_string(&path).unwrap();
        let once = reader.clean_str(&html).unwrap().html;
        let twice = reader.clean_str(&once).unwrap().html;
        let (once, twice) = (
            normalized(&stripwall::to_text(&once)),
            normalized(&stripwall::to_text(&twice)),
        );
        if once != twice {
            changed.push(format!("{name}:\n  once:  {once}\n  twice: {twice}"));
        }
    }
    assert!(
        changed.is_empty(),
        "a second pass changed the article:\n{}",
        changed.join("\n")
    );
}
