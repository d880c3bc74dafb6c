//! What a cleaning run removed, and why.

use crate::options::Category;
use serde::Serialize;
use std::collections::BTreeMap;

/// How many elements and input bytes one category removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Elements removed (an element removed with its descendants counts once).
    pub elements: u64,
    /// Bytes of input those elements spanned, tags included.
    pub bytes: u64,
}

/// One removed element, recorded when [`Options::explain`](crate::Options::explain) is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// The category it was removed under.
    pub category: Category,
    /// The element's tag name.
    pub tag: String,
    /// The rule or phrase that decided, e.g. `class word "newsletter"` or `phrase "all rights reserved"`.
    pub reason: String,
    /// The start of its text (for elements decided by their text), or its start tag.
    pub snippet: String,
}

/// The outcome of cleaning one document.
///
/// ```
/// let (html, report) = stripwall::clean_with_report(
///     r#"<title>T</title><p>Story.</p><div class="cookie-banner">We use cookies.</div>"#,
/// ).unwrap();
/// assert_eq!(html, "<title>T</title><p>Story.</p>");
/// assert_eq!(report.title.as_deref(), Some("T"));
/// assert_eq!(report.removed[&stripwall::Category::Consent].elements, 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// The document's `<title>`, entities decoded and whitespace collapsed.
    pub title: Option<String>,
    /// Per category, what was removed. Categories that removed nothing are absent.
    pub removed: BTreeMap<Category, Tally>,
    /// Each removal, in document order (only with `explain`).
    pub removals: Vec<Removal>,
    /// Things the caller should know: a memory-limit pass-through, a teaser replaced by the
    /// full text from JSON-LD, and the like.
    pub warnings: Vec<String>,
    /// Bytes read.
    pub bytes_in: u64,
    /// Bytes written.
    pub bytes_out: u64,
    /// The input's character encoding (WHATWG name, e.g. `windows-1251`); output is UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// How the encoding was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding_from: Option<crate::decode::charset::EncodingSource>,
    /// The kind of page: article, forum, product, listing, documentation or other.
    pub page_kind: crate::PageKind,
    /// Reader mode: what the page says about its article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Metadata>,
    /// Reader mode: what was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reader: Option<ReaderSummary>,
}

/// What reader mode found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReaderSummary {
    /// Whether an article was found.
    pub outcome: ReaderOutcome,
    /// Characters of text in the output.
    pub text_chars: u64,
    /// Top-level blocks kept (the article's container and the siblings that belong with it).
    pub blocks: u32,
}

/// Whether reader mode found an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReaderOutcome {
    /// The output is the article.
    Article,
    /// Nothing on the page reads like an article (a home page, a product list, a short page):
    /// the output is the whole cleaned page, and `warnings` says so.
    WholePage,
}

impl Report {
    /// The page's title as a reader wants it: reader mode's headline, else the `<title>`.
    ///
    /// ```
    /// let cleaned = stripwall::Cleaner::new(Default::default())?.clean_str("<title>Port reopens</title><p>Text.</p>")?;
    /// assert_eq!(cleaned.report.headline(), Some("Port reopens"));
    /// # Ok::<(), stripwall::Error>(())
    /// ```
    pub fn headline(&self) -> Option<&str> {
        self.metadata
            .as_ref()
            .and_then(|m| m.title.as_deref())
            .or(self.title.as_deref())
    }

    /// The title of reader mode's article (its metadata's), which its Markdown starts with
    /// ([`to_markdown_with_title`](crate::to_markdown_with_title)); `None` in stream mode,
    /// where the page keeps its own headline.
    pub fn article_title(&self) -> Option<&str> {
        self.metadata.as_ref().and_then(|m| m.title.as_deref())
    }

    /// Total number of elements removed, over all categories.
    pub fn elements_removed(&self) -> u64 {
        self.removed.values().map(|t| t.elements).sum()
    }

    pub(crate) fn record(&mut self, category: Category, bytes: u64) {
        let tally = self.removed.entry(category).or_default();
        tally.elements += 1;
        tally.bytes += bytes;
    }
}

/// The article's metadata (reader mode). Fields the page does not give are `None` or empty.
///
/// ```
/// use stripwall::{Cleaner, Mode, Options};
/// let page = r#"<html lang="en"><head><title>Moon landing | Daily Planet</title>
///   <meta name="author" content="Lois Lane">
///   <meta property="article:published_time" content="1969-07-21T02:56:00Z"></head>
///   <body><article><p>The lunar module touched down, and the crew stepped out onto the dust,
///   reporting that the surface was fine and powdery, like charcoal, and that they could see
///   their footprints clearly. Millions watched the grainy pictures on television.</p></article></body></html>"#;
/// let cleaner = Cleaner::new(Options { mode: Mode::Reader, ..Options::default() })?;
/// let meta = cleaner.clean_str(page)?.report.metadata.unwrap();
/// assert_eq!(meta.title.as_deref(), Some("Moon landing"));
/// assert_eq!(meta.byline.as_deref(), Some("Lois Lane"));
/// assert_eq!(meta.published.as_deref(), Some("1969-07-21T02:56:00Z"));
/// assert_eq!(meta.lang.as_deref(), Some("en"));
/// # Ok::<(), stripwall::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    /// The headline: OpenGraph, Twitter, JSON-LD, then `<title>` without its " | Site" part, then `<h1>`.
    pub title: Option<String>,
    /// Who wrote it, as the page puts it ("By Ann Smith and Bo Li").
    pub byline: Option<String>,
    /// Each author's name.
    pub authors: Vec<String>,
    /// Publication time, as given (usually ISO 8601).
    pub published: Option<String>,
    /// Last modification time, as given.
    pub modified: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// Language (BCP 47 tag).
    pub lang: Option<String>,
    /// Text direction: `ltr`, `rtl` or `auto`.
    pub dir: Option<String>,
    /// A summary: the page's description or the article's first paragraph.
    pub excerpt: Option<String>,
    /// The canonical address of the article.
    pub canonical_url: Option<String>,
    /// The lead image, absolute when the page's address is known.
    pub image: Option<String>,
}
