//! Filter lists: small lists written here, and the two real lists of `../shared/filters`
//! (skipped, saying so, when they are absent).

use std::sync::Arc;
use stripwall::{Category, Cleaner, FilterSet, Options};

const LIST: &str = r#"[Adblock Plus 2.0]
! A small list in EasyList syntax (class names the built-in rules do not know)
##.qq-strip
###lw-box
##div[id^="sp_layer"]
##.site-wrap > .zz-float
##section .zz-side
harbour-news.example,~shop.harbour-news.example##.zz-local
harbour-news.*##.zz-app
#@#.qq-strip
harbour-news.example#@#.zz-box
##.zz-box
||tracker.example^$third-party
harbour-news.example##+js(set-constant, adblock, false)
##.teaser:has(.paywall)
"#;

const PAGE: &str = r#"<html><head><link rel="canonical" href="https://www.harbour-news.example/story"></head><body>
<div class="site-wrap"><div class="zz-float">Float text</div>
<article><p>The harbour reopened on Friday after repairs.</p>
<div class="zz-local">Shop text</div><div class="zz-app">App text</div>
<div class="qq-strip">Strip text</div><div class="zz-box">Box text</div>
<section><div class="zz-side">Side text</div></section>
<div id="sp_layer_1">Layer text</div><div id="lw-box">Lw text</div></article></div>
</body></html>"#;

fn filtered(options: Options) -> Cleaner {
    Cleaner::with_filters(options, Arc::new(FilterSet::new(&[LIST]))).unwrap()
}

#[test]
fn list_rules_remove_elements_and_say_which_rule() {
    let cleaned = filtered(Options {
        explain: true,
        ..Options::default()
    })
    .clean_str(PAGE)
    .unwrap();
    let html = &cleaned.html;
    assert!(html.contains("The harbour reopened"), "{html}");
    for gone in [
        "Float text",
        "Shop text",
        "App text",
        "Side text",
        "Layer text",
        "Lw text",
    ] {
        assert!(!html.contains(gone), "{gone} should be gone: {html}");
    }
    // #@# exceptions: switched off everywhere, or on one site (the canonical URL's).
    assert!(html.contains("Strip text") && html.contains("Box text"), "{html}");
    let rules: Vec<&str> = cleaned
        .report
        .removals
        .iter()
        .filter(|r| r.category == Category::FilterList)
        .map(|r| r.reason.as_str())
        .collect();
    assert!(rules.contains(&"##.site-wrap > .zz-float"), "{rules:?}");
    assert!(
        rules.contains(&"harbour-news.example,~shop.harbour-news.example##.zz-local"),
        "{rules:?}"
    );
    assert_eq!(cleaned.report.removed[&Category::FilterList].elements, 6);
}

#[test]
fn site_rules_follow_the_page_address() {
    let page = PAGE.replace(
        "https://www.harbour-news.example/story",
        "https://shop.harbour-news.example/",
    );
    let html = filtered(Options::default()).clean_str(&page).unwrap().html;
    assert!(html.contains("Shop text"), "excluded subdomain: {html}");
    assert!(
        !html.contains("App text"),
        "the wildcard rule applies on every harbour-news.* site: {html}"
    );
    // Without any address, site rules stay off; the caller's URL turns them on.
    let no_address = PAGE.replace(
        r#"<link rel="canonical" href="https://www.harbour-news.example/story">"#,
        "",
    );
    let html = filtered(Options::default()).clean_str(&no_address).unwrap().html;
    assert!(html.contains("Shop text") && !html.contains("Float text"), "{html}");
    let html = filtered(Options {
        url: Some("https://harbour-news.example/x".into()),
        ..Options::default()
    })
    .clean_str(&no_address)
    .unwrap()
    .html;
    assert!(!html.contains("Shop text"), "{html}");
}

#[test]
fn the_compile_report_counts_what_was_skipped() {
    let set = FilterSet::new(&[LIST]);
    let report = set.report();
    assert_eq!(report.rules, 7, "{report:?}");
    assert_eq!(report.exceptions, 2);
    assert_eq!(report.skipped_total(), 4, "{report:?}");
}

#[test]
fn lists_are_options_too_and_the_category_can_be_kept() {
    let cleaner = Cleaner::new(Options {
        filter_lists: vec![LIST.into()],
        ..Options::default()
    })
    .unwrap();
    assert_eq!(cleaner.filter_report().unwrap().rules, 7);
    assert!(!cleaner.clean_str(PAGE).unwrap().html.contains("Float text"));
    let keeping = filtered(Options {
        keep: vec![Category::FilterList],
        ..Options::default()
    });
    assert!(keeping.clean_str(PAGE).unwrap().html.contains("Float text"));
}

#[test]
fn list_removals_give_identical_output_under_chunk_splits() {
    let cleaner = filtered(Options::default());
    let (whole_html, whole_report) = cleaner.clean_bytes(PAGE.as_bytes()).unwrap();
    let mut rng = fastrand::Rng::with_seed(7);
    for _ in 0..64 {
        let mut out = Vec::new();
        let mut stream = cleaner.stream(|b: &[u8]| out.extend_from_slice(b));
        let bytes = PAGE.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let n = rng.usize(1..=40).min(bytes.len() - at);
            stream.write(&bytes[at..at + n]).unwrap();
            at += n;
        }
        let report = stream.end().unwrap();
        assert_eq!(out, whole_html);
        assert_eq!(report, whole_report);
    }
}

#[test]
fn the_real_lists_compile_fast_and_clean_a_page() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/filters");
    let lists: Vec<String> = ["easylist-cookie.txt", "fanboy-annoyance.txt"]
        .iter()
        .filter_map(|f| std::fs::read_to_string(dir.join(f)).ok())
        .collect();
    if lists.len() < 2 {
        eprintln!(
            "skipped: the real filter lists are not in {} (they are test data, not part of the project)",
            dir.display()
        );
        return;
    }
    let set = FilterSet::new(&lists);
    let report = set.report();
    assert!(report.rules > 40_000, "{report:?}");
    assert!(report.skipped["network rules"] > 1000, "{report:?}");
    let cleaner = Cleaner::with_filters(Options::default(), Arc::new(set)).unwrap();
    let page = r#"<body><article><p>Story text.</p></article><div id="onetrust-banner-sdk">Cookies</div></body>"#;
    let cleaned = cleaner.clean_str(page).unwrap();
    assert!(
        cleaned.html.contains("Story text.") && !cleaned.html.contains("Cookies"),
        "{}",
        cleaned.html
    );
}
