//! Stage 4, **reader**: only the article, with its metadata.
//!
//! Takes stream mode's cleaned page (its rules know the boilerplate) and what the stream read of
//! the page's JSON-LD; gives the article's HTML, its [`Metadata`] and a [`ReaderSummary`]. Pass 1
//! ([`scan`]) records numbers per element of the cleaned page, the scorer ([`score`]) picks the
//! article's subtrees, and pass 2 ([`extract`]) keeps just those, with links made absolute
//! ([`url`]). [`metadata`] gathers title, byline, dates and the rest from all the page says.

pub(crate) mod extract;
pub(crate) mod metadata;
pub(crate) mod scan;
pub(crate) mod score;
pub(crate) mod url;

use crate::options::Options;
use crate::reader::metadata::Sources;
use crate::report::Metadata;
use crate::report::{ReaderOutcome, ReaderSummary};
use crate::rules::page_kind::{KindSignals, PageKind};
use crate::rules::paywall::JsonLdFacts;
use url::BaseUrl;

/// The article of a cleaned page.
pub(crate) struct Article {
    /// The article as its reader asked: HTML, or its text ([`ArticleAs`]).
    pub content: Vec<u8>,
    pub metadata: Metadata,
    pub summary: ReaderSummary,
}

/// One over the share of the cleaned page's text below which the best block is not the
/// page's content but one part of it: half on a page not known to be an article (a thread, a
/// product, a listing, a service page); on an article, where stream mode has removed the
/// chrome around the story, a third.
fn fallback_share(kind: PageKind) -> u64 {
    if kind == PageKind::Article {
        3
    } else {
        2
    }
}

/// Whether the best block is the page's content, not one part of it (else the page, as stream
/// mode cleaned it, is). It is not when:
/// - it leaves too little of the page's text to read (see `fallback_share`; captions do not
///   count, nor does a block of nothing but captions, a gallery of product cards);
/// - it is the page but would lose two fifths of it to the clean-up inside the article
///   (containers of links, images and short texts): those are the page's cards or its
///   sections, not what stream mode left of a story's furniture;
/// - the page is short and nothing says it is a story (see `is_short_page`), and the block
///   leaves a quarter of its text out;
/// - it lies outside the page's `<main>` (see `score::is_outside_main`);
/// - it is one section of a page made of several (see `score::is_one_of_sections`).
fn is_the_content(choice: &score::Choice, scan: &scan::Scan, page_chars: u64, signals: &KindSignals) -> bool {
    let (nodes, facts, kind) = (&scan.nodes[..], &scan.facts, signals.kind());
    let reading = choice.reading_text_chars(nodes);
    let too_little = reading * fallback_share(kind) < page_chars;
    !(too_little
        || (is_short_page(kind, page_chars, facts) && reading * 4 < page_chars * 3)
        || is_gutted_page(choice, nodes, page_chars, is_story_kind(signals), reading)
        || score::is_outside_main(choice, nodes)
        || score::is_one_of_sections(choice, nodes, page_chars, reading))
}

/// Whether the cleaned page is short and nothing says it is a story (no kind declared, no
/// byline, no date): a landing or service page, a small shop's or company's page. Stream mode
/// has taken its chrome, and what is left, a few short sections, is all content. (A short
/// story, a paywalled teaser, has its byline or date, and its text is the article.)
fn is_short_page(kind: PageKind, page_chars: u64, facts: &scan::PageFacts) -> bool {
    let story_signs = facts.byline.is_some()
        || facts.by_text.is_some()
        || facts.first_time.is_some()
        || facts.item_published.is_some()
        || facts.item_author.is_some();
    kind == PageKind::Other && page_chars < SHORT_PAGE_CHARS && !story_signs
}

/// Below this much text (characters), a cleaned page of no known kind is all content.
const SHORT_PAGE_CHARS: u64 = 3500;

/// Whether the page may be a story: an article, or a page of no kind that does not mark up an
/// FAQ (product, listing, thread and documentation pages are not, nor is a page with an FAQ:
/// service and shop pages mark theirs up).
fn is_story_kind(signals: &KindSignals) -> bool {
    match signals.kind() {
        PageKind::Article => true,
        PageKind::Other => !signals.has_faq(),
        _ => false,
    }
}

/// Whether `choice` holds nine tenths of the page's text or more but keeps less than three
/// fifths of its own (of its `reading` text, on a page that is no story: see `is_story_kind`).
fn is_gutted_page(choice: &score::Choice, nodes: &[scan::Node], page_chars: u64, story: bool, reading: u64) -> bool {
    // On a product, listing, thread or documentation page, blocks named like captions are the
    // cards' text, not a story's photo captions: what the text leaves out counts as lost too.
    // Blocks dropped because their names say they are boilerplate (the comments under each
    // post of a Q&A thread) are not what gutting means: the page's cards or sections.
    let left = if story { choice.kept_text_chars(nodes) } else { reading } + choice.named_boilerplate_chars(nodes);
    choice.text_chars * 10 >= page_chars * 9 && left * 5 < choice.text_chars * 3
}

/// What reader mode makes of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArticleAs {
    /// HTML, checked for safety once more after extraction.
    Html,
    /// Its text alone, written during extraction (what [`to_text`] makes of the HTML).
    ///
    /// [`to_text`]: crate::output::text::to_text
    Text,
}

/// Runs both passes over `cleaned` (stream mode's output for the page).
///
/// `already_clean`: stream mode removed nothing but code and controls. A fragment of such HTML
/// (an article from a CMS or a feed, reader mode's own output) is all article: it is given back
/// whole, so that reader mode on its own output gives the same article.
pub(crate) fn read(
    cleaned: &[u8],
    ld: &JsonLdFacts,
    title_tag: Option<&str>,
    options: &Options,
    already_clean: bool,
    output: ArticleAs,
) -> Article {
    let scan = scan::scan(cleaned);
    let base = page_address(options.url.as_deref(), &scan.facts);
    let fragment = !scan.nodes.iter().any(|n| n.kind == scan::Kind::Body);
    let page_chars = score::page_text_chars(&scan.nodes);
    let chosen = if already_clean && fragment && page_chars > 0 {
        Some(score::Choice::whole_page(&scan.nodes))
    } else {
        score::choose(&scan.nodes, options.preset)
    };
    let (mut choice, outcome) = match chosen {
        Some(choice) if is_the_content(&choice, &scan, page_chars, &ld.kind) => (choice, ReaderOutcome::Article),
        // No block reads like an article, or the best one is not the content: the page is.
        _ => (score::Choice::whole_page(&scan.nodes), ReaderOutcome::WholePage),
    };
    if ld.kind.is_thread() {
        choice.keep_bylines(&scan.nodes);
    }
    if options.removes(crate::options::Category::Hidden) {
        choice.drop_screen_reader_labels(&scan.nodes);
    }
    let tidy = extract::Tidy {
        base: base.clone(),
        keep_attributes: &options.keep_attributes,
    };
    let content = match output {
        // Extraction reshapes the page, and raw text of an odd page can become markup when it
        // is parsed again: HTML gets the safety checks once more. Text does not need them (the
        // text writer skips every element they remove).
        ArticleAs::Html => crate::rules::safety::resanitize(&extract::extract(cleaned, &scan.nodes, &choice, &tidy)),
        ArticleAs::Text => extract::extract_text(cleaned, &scan.nodes, &choice, &tidy).into_bytes(),
    };
    let article = match output {
        ArticleAs::Html => metadata::ArticleBody::Html(&content),
        ArticleAs::Text => metadata::ArticleBody::Text(&content),
    };
    let metadata = Metadata::gather(&Sources {
        facts: &scan.facts,
        article: &ld.article,
        page: &ld.page,
        article_authors: ld.authors(&ld.article),
        page_authors: ld.authors(&ld.page),
        kind: ld.kind.kind(),
        item_published: ld.item_published.clone(),
        title_tag,
        base: base.as_ref(),
        article_body: article,
    });
    let summary = ReaderSummary {
        outcome,
        text_chars: choice.text_chars,
        blocks: choice.roots.len() as u32,
    };
    Article {
        content,
        metadata,
        summary,
    }
}

/// Whether a page probably has an article reader mode can extract, from one quick scan (after
/// Readability's `isProbablyReaderable`): paragraphs of 140 characters or more, not in elements
/// named like boilerplate, weigh the square root of their extra length; past 20 it is an article.
///
/// ```
/// let long = "A sentence of the story, long enough to count as real prose for a reader. ".repeat(4);
/// let story = format!("<article>{}</article>", format!("<p>{long}</p>").repeat(5));
/// assert!(stripwall::is_probably_readerable(&story));
/// assert!(!stripwall::is_probably_readerable("<ul><li><a href=/a>Home</a></li></ul><p>Short.</p>"));
/// ```
pub fn is_probably_readerable(html: &str) -> bool {
    const MIN_CHARS: u32 = 140;
    const MIN_SCORE: f64 = 20.0;
    let scan = scan::scan(html.as_bytes());
    let mut score = 0.0;
    for node in &scan.nodes {
        let counts = matches!(node.kind, scan::Kind::Paragraph | scan::Kind::Pre) && node.weight >= 0;
        if counts && node.text >= MIN_CHARS {
            score += ((node.text - MIN_CHARS) as f64).sqrt();
            if score > MIN_SCORE {
                return true;
            }
        }
    }
    false
}

/// The address links are resolved against: the caller's, else `<base href>`, else the canonical URL.
fn page_address(given: Option<&str>, facts: &scan::PageFacts) -> Option<BaseUrl> {
    let page = given
        .and_then(BaseUrl::parse)
        .or_else(|| facts.canonical.as_deref().and_then(BaseUrl::parse))
        .or_else(|| {
            let og = facts.meta.iter().find(|(n, _)| n == "og:url")?;
            BaseUrl::parse(&og.1)
        });
    match (&facts.base, &page) {
        (Some(base), Some(page)) => BaseUrl::parse(&page.resolve(base)).or(Some(page.clone())),
        (Some(base), None) => BaseUrl::parse(base),
        (None, page) => page.clone(),
    }
}
