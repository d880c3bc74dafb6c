//! One test per category: a typical element of it is removed by default, kept when the category
//! is kept, and reported under it.

mod common;
use stripwall::{Category, Cleaner, Options};

const ARTICLE: &str = "<p>The council approved the plan on Monday after a long debate about costs.</p>";

fn run(block: &str, keep: &[Category]) -> (String, stripwall::Report) {
    let page = format!("<html><body><article>{ARTICLE}{block}{ARTICLE}</article></body></html>");
    let cleaner = Cleaner::new(Options {
        keep: keep.to_vec(),
        explain: true,
        ..Options::default()
    })
    .unwrap();
    let cleaned = cleaner.clean_str(&page).unwrap();
    (cleaned.html, cleaned.report)
}

fn assert_category(category: Category, block: &str, marker: &str) {
    let (html, report) = run(block, &[]);
    assert!(!html.contains(marker), "{category}: `{marker}` survived in\n{html}");
    assert!(
        html.matches("The council approved").count() == 2,
        "{category}: article text lost in\n{html}"
    );
    assert!(
        report
            .removed
            .get(&category)
            .is_some_and(|t| t.elements >= 1 && t.bytes > 0),
        "{category}: not reported: {report:#?}"
    );
    let (kept, _) = run(block, &[category]);
    assert!(
        kept.contains(marker),
        "{category}: `{marker}` removed although the category is kept\n{kept}"
    );
}

#[test]
fn paywall() {
    assert_category(
        Category::Paywall,
        r#"<div class="paywall-offer"><p>Unlock this article for $1</p></div>"#,
        "Unlock",
    );
    assert_category(
        Category::Paywall,
        "<div><p>Already a subscriber? Log in to continue reading.</p></div>",
        "Already",
    );
}

#[test]
fn consent() {
    assert_category(
        Category::Consent,
        r#"<div id="cookie-notice"><p>Cookies help us.</p></div>"#,
        "Cookies help",
    );
    assert_category(
        Category::Consent,
        "<div><p>This website uses cookies. Accept all or manage preferences.</p></div>",
        "uses cookies",
    );
}

#[test]
fn newsletter_and_app_prompts() {
    assert_category(
        Category::Newsletter,
        r#"<div class="newsletter-box"><p>Weekly picks</p></div>"#,
        "Weekly picks",
    );
    assert_category(
        Category::Newsletter,
        "<p>Download the app and turn on notifications.</p>",
        "Download",
    );
}

#[test]
fn navigation() {
    assert_category(
        Category::Navigation,
        r#"<nav><a href="/">Front page</a></nav>"#,
        "Front page",
    );
    assert_category(
        Category::Navigation,
        r#"<ol class="breadcrumb"><li><a href="/">Index</a></li></ol>"#,
        "Index",
    );
    assert_category(
        Category::Navigation,
        r#"<div role="navigation"><a href="/">Sections</a></div>"#,
        "Sections",
    );
}

#[test]
fn sidebar() {
    assert_category(
        Category::Sidebar,
        "<aside><p>Weather today: sunny</p></aside>",
        "Weather",
    );
    assert_category(
        Category::Sidebar,
        r#"<div id="sidebar"><p>Weather today: sunny</p></div>"#,
        "Weather",
    );
}

#[test]
fn share() {
    assert_category(
        Category::Share,
        r##"<div class="social-links"><a href="#">Facebook</a></div>"##,
        "Facebook",
    );
}

#[test]
fn related() {
    assert_category(
        Category::Related,
        r#"<section class="related-posts"><a href="/x">Other story</a></section>"#,
        "Other story",
    );
    assert_category(
        Category::Related,
        r#"<ul><li><a href="/1">Mayor opens new library in the old town hall</a></li><li><a href="/2">School year starts with record numbers</a></li><li><a href="/3">Ferry timetable changes for the winter season</a></li></ul>"#,
        "Mayor opens",
    );
}

#[test]
fn comments() {
    assert_category(
        Category::Comments,
        r#"<section id="comments"><p>I disagree with this.</p></section>"#,
        "disagree",
    );
}

#[test]
fn ads() {
    assert_category(
        Category::Ads,
        r#"<div class="ad-container"><img src="/ad.gif" alt="ad"></div>"#,
        "ad.gif",
    );
    assert_category(Category::Ads, "<div><p>Advertisement</p></div>", "Advertisement");
}

#[test]
fn footer() {
    assert_category(Category::Footer, "<footer><p>Site map</p></footer>", "Site map");
    assert_category(
        Category::Footer,
        "<p>© 2026 Example Media Ltd. All rights reserved.</p>",
        "All rights",
    );
}

#[test]
fn hidden() {
    assert_category(Category::Hidden, r#"<div hidden><p>Secret</p></div>"#, "Secret");
    assert_category(
        Category::Hidden,
        r#"<div style="display: none"><p>Secret</p></div>"#,
        "Secret",
    );
    assert_category(Category::Hidden, r#"<div aria-hidden="true">Icon</div>"#, "Icon");
}

#[test]
fn non_content() {
    assert_category(Category::NonContent, "<template><p>Later</p></template>", "Later");
    assert_category(Category::NonContent, r#"<input type="email" name="email">"#, "<input");
}

#[test]
fn code_goes_even_when_non_content_is_kept() {
    for (block, marker) in [
        ("<script>track()</script>", "track()"),
        ("<style>p { color: red }</style>", "color: red"),
        (
            r#"<iframe src="https://ads.example.com/x"></iframe>"#,
            "ads.example.com",
        ),
        (r#"<object data="x.swf"></object>"#, "x.swf"),
        (r#"<p onclick="track()">Text</p>"#, "track()"),
    ] {
        for keep in [vec![], vec![Category::NonContent]] {
            let (html, _) = run(block, &keep);
            assert!(!html.contains(marker), "`{marker}` survived (keep {keep:?}) in\n{html}");
        }
    }
}

#[test]
fn custom_selectors_remove_and_keep() {
    let cleaner = Cleaner::new(Options {
        remove_selectors: vec![".promo-strip".into()],
        keep_selectors: vec!["#keep-me".into()],
        ..Options::default()
    })
    .unwrap();
    let cleaned = cleaner
        .clean_str(r#"<div class="promo-strip">Spring sale</div><div id="keep-me" class="sidebar"><p>Kept sidebar</p></div><p>Story</p>"#)
        .unwrap();
    assert_eq!(
        cleaned.html,
        r#"<div id="keep-me" class="sidebar"><p>Kept sidebar</p></div><p>Story</p>"#
    );
    assert_eq!(cleaned.report.removed[&Category::Custom].elements, 1);
}

#[test]
fn video_embeds_forms_and_wrappers_are_kept() {
    let page = r#"<form id="aspnetForm"><div class="main-wrapper has-sidebar"><h1>Title</h1><p>Body text.</p>
        <iframe src="https://www.youtube-nocookie.com/embed/x"></iframe></div></form>"#;
    let html = stripwall::clean(page).unwrap();
    assert!(
        html.contains("<h1>Title</h1>") && html.contains("Body text.") && html.contains("youtube-nocookie"),
        "{html}"
    );
    assert!(!html.contains("<form"), "the form wrapper is unwrapped: {html}");
}

#[test]
fn containers_that_hold_the_headline_survive_boilerplate_words() {
    let page = r#"<div class="container penci_sidebar"><h1>Headline</h1><p>Story text.</p></div><div class="sidebar"><p>Popular</p></div>"#;
    let html = stripwall::clean(page).unwrap();
    assert!(html.contains("Headline") && html.contains("Story text."), "{html}");
    assert!(!html.contains("Popular"), "{html}");
}

#[test]
fn article_like_blocks_survive_weak_words() {
    let paragraphs = "<p>A long paragraph of real article text that goes on for a while, with commas, clauses and detail about the events.</p>".repeat(12);
    let page = format!(r#"<div class="premium-content">{paragraphs}</div>"#);
    let html = stripwall::clean(&page).unwrap();
    assert_eq!(html, page);
}

/// A page part written twice (once per screen size) comes out once, as `hidden`; kept with the
/// category; and a fragment (an article from a CMS, reader mode's own output) keeps both copies.
#[test]
fn hidden_copies_of_a_page_part() {
    let part = "<div class=\"delivery-info\"><h2>Delivery</h2><p>Orders placed before noon leave the same day, \
                and arrive within three working days anywhere in the country.</p></div>";
    let page = format!("<html><body><main><h1>Shop</h1>{part}{part}</main></body></html>");
    let clean = |html: &str, keep: Vec<Category>| {
        let cleaner = Cleaner::new(Options {
            keep,
            explain: true,
            ..Options::default()
        })
        .unwrap();
        cleaner.clean_str(html).unwrap()
    };
    let once = clean(&page, vec![]);
    assert_eq!(once.html.matches("Orders placed").count(), 1, "{}", once.html);
    assert_eq!(once.report.removed.get(&Category::Hidden).map(|t| t.elements), Some(1));
    let kept = clean(&page, vec![Category::Hidden]);
    assert_eq!(kept.html.matches("Orders placed").count(), 2, "{}", kept.html);
    let fragment = clean(&format!("{part}{part}"), vec![]);
    assert_eq!(fragment.html.matches("Orders placed").count(), 2, "{}", fragment.html);
}

/// Chrome too large to hold back whole (over the 64 KB hold cap) is decided on what it showed
/// so far, after the headline: a footer of link lists goes, whole page or in random pieces; a
/// block of the same size and name that holds the headline or the article stays.
#[test]
fn chrome_larger_than_the_hold_cap() {
    let links: String = (0..1500)
        .map(|i| format!("<li><a href=\"/shop/item-{i}\">Item {i}</a></li>"))
        .collect();
    let story = "<p>The council approved the new bridge on Tuesday, after two years of argument about \
                 its cost, its height and the ferry it will replace.</p>";
    let page = format!(
        "<html><body><main><h1>Bridge approved</h1>{story}</main>\
         <div class=\"site-footer\"><ul>{links}</ul></div></body></html>"
    );
    assert!(page.len() > 70_000);
    let cleaner = Cleaner::new(Options::default()).unwrap();
    let whole = cleaner.clean_str(&page).unwrap();
    assert!(whole.html.contains("council approved"), "the story stays");
    assert!(!whole.html.contains("Item 700"), "the footer goes");
    assert_eq!(whole.report.removed.get(&Category::Footer).map(|t| t.elements), Some(1));
    let mut rng = fastrand::Rng::with_seed(0x0ca9_0001);
    for _ in 0..8 {
        let mut cuts: Vec<usize> = (0..rng.usize(1..=20)).map(|_| rng.usize(0..=page.len())).collect();
        cuts.sort_unstable();
        let bounds: Vec<usize> = std::iter::once(0).chain(cuts).chain([page.len()]).collect();
        let (out, _) = common::clean_pieces(&cleaner, bounds.windows(2).map(|w| &page.as_bytes()[w[0]..w[1]])).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), whole.html, "{bounds:?}");
    }
    // The same wrapper around the headline and the story is the page, not its footer.
    let wrapped = format!(
        "<html><body><div class=\"site-footer\"><h1>Bridge approved</h1>{story}<ul>{links}</ul></div></body></html>"
    );
    let kept = cleaner.clean_str(&wrapped).unwrap();
    assert!(kept.html.contains("council approved") && kept.html.contains("Item 700"));
}
