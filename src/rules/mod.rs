//! Stage 2, **rules**: what an element is, judged from its start tag (and for small blocks, later,
//! from their text).
//!
//! Takes an element's tag, attributes and namespace (and a held-back block's text); gives a
//! verdict: keep, remove under a [`Category`] with a reason, or hold back and decide at the end.
//! Cheapest signals first: tag and ARIA role, then class and id words ([`words`]), then hidden
//! markers. Text phrases live in [`phrases`] and are applied by [`block_text`] to held-back
//! blocks at their end. [`safety`] says what may never be output (scripts, handlers, script
//! URLs), whatever is kept; [`paywall`] reads what JSON-LD says about gated article text, and
//! [`page_kind`] tells the kind of page (article, forum, product, listing …). The
//! stream engine applies these rules; they know nothing of it.

pub(crate) mod block_text;
pub(crate) mod dates;
pub(crate) mod labels;
pub(crate) mod page_kind;
pub(crate) mod paywall;
pub(crate) mod phrases;
pub(crate) mod poster;
pub(crate) mod rail;
pub(crate) mod safety;
pub(crate) mod words;

use crate::options::Category;
use safety::is_video_embed;
use words::{for_each_word, signal, WordSignal};

/// The attributes of a start tag that the rules read.
#[derive(Debug, Default, Clone)]
pub(crate) struct StartTag<'a> {
    pub tag: &'a str,
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub role: Option<&'a str>,
    pub style: Option<&'a str>,
    pub hidden: bool,
    pub aria_hidden: bool,
    /// `aria-labelledby` present (tab panels and accordion regions name their heading so).
    pub labelled: bool,
    /// `aria-modal="true"`.
    pub modal: bool,
    pub itemprop: Option<&'a str>,
    /// `src` of an iframe, `type` of a script or input.
    pub src_or_type: Option<&'a str>,
    /// AMP `subscriptions-section` value.
    pub amp_section: Option<&'a str>,
    /// AMP `subscriptions-action` or `subscriptions-dialog` present.
    pub amp_action: bool,
    /// An `<a>` to a place on the page (`href="#…"`).
    pub in_page_link: bool,
}

/// What to do with an element, decided at its start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Nothing known: pass it through (small generic blocks are still checked by their text).
    Pass,
    /// Article content (`article`, `main`, `itemprop=articleBody`, content class words): never
    /// removed by weak signals.
    Content,
    /// Remove now, with everything inside.
    Remove { category: Category, reason: Reason },
    /// Hold the element's output back and remove it at its end unless it turns out to hold the
    /// article (see [`Evidence`]).
    Verify {
        category: Category,
        reason: Reason,
        evidence: Evidence,
    },
    /// Drop the tags, keep the content (`form` wrappers).
    Unwrap,
}

impl Verdict {
    /// The category a removal would be reported under.
    pub fn category(&self) -> Option<Category> {
        match self {
            Verdict::Remove { category, .. } | Verdict::Verify { category, .. } => Some(*category),
            _ => None,
        }
    }
}

/// Why a rule judged an element, kept cheap: it is only rendered when a report is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reason {
    /// A fixed text (`<nav>`, `role="banner" without a headline`).
    Fixed(&'static str),
    /// A class or id word, as written (up to 24 bytes).
    Word {
        attr: &'static str,
        word: [u8; 24],
        len: u8,
    },
    /// Anything else.
    Text(String),
}

impl Reason {
    fn word(attr: &'static str, word: &str) -> Reason {
        let mut bytes = [0u8; 24];
        let len = word.len().min(bytes.len());
        bytes[..len].copy_from_slice(&word.as_bytes()[..len]);
        Reason::Word {
            attr,
            word: bytes,
            len: len as u8,
        }
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Reason::Fixed(text) => f.write_str(text),
            Reason::Word { attr, word, len } => {
                let word = String::from_utf8_lossy(&word[..usize::from(*len)]).to_ascii_lowercase();
                write!(f, "{attr} word \"{word}\"")
            }
            Reason::Text(text) => f.write_str(text),
        }
    }
}

/// How sure a start tag is; the surer, the more it takes at the element's end to keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// A strong class or id word: kept only if it holds the headline or the main content, or
    /// (but for comments) a long article-like text.
    Strong,
    /// A weak word, a `<header>`: kept if it holds the headline or reads like article text.
    Weak,
    /// A hidden marker: kept only if it reads like article text (hidden metadata blocks often
    /// repeat the headline).
    Hidden,
    /// A hidden tab panel, accordion region or collapsed section: content a click shows, kept
    /// when it holds prose.
    HiddenPanel,
    /// Text only screen readers read, in an inline element (a `<span>` of a screen-reader-only
    /// class): a label ("Sale price", "opens in a new window"), kept only when it is a short
    /// one stating a figure (a price the page shows struck out, a count it shows as an icon).
    ScreenReaderText,
    /// A `<header>` inside an `<article>`: that article's own when it has a heading (a story
    /// card's headline over its summary, byline and date, however many links) and is no prompt
    /// ("Subscribe to keep reading"); else judged as a weak word (a forum post's header of its
    /// poster's details).
    ArticleHeader,
    /// A sectioning tag that is chrome on its own (`<aside>`): kept when it wraps the headline,
    /// the main content or article-like text.
    Structural,
    /// A dialog that is not modal (`role="dialog"`): kept when it wraps the main content or
    /// article-like text. Its `<h1>` is the dialog's own title ("Your choice regarding cookies"),
    /// not the page's headline.
    Dialog,
}

/// Where a held block stands, as far as its start tag could tell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Context {
    /// Inside `<article>`, `<main>`, `itemprop="articleBody"` or a content-word container.
    pub in_content: bool,
    /// Inside an `<article>`.
    pub in_article: bool,
    /// Inside a `<section>` or an `<article>`: a header there is the section's, not the site's.
    pub in_section: bool,
    /// Characters of prose the page showed before the block: little means the page's content
    /// has not come yet, and a large block here is likely it.
    pub prose_before: usize,
    /// The kind of page, as far as the page has said before the block.
    pub kind: page_kind::PageKind,
    /// The page's `<h1>` started before the block.
    pub after_h1: bool,
}

impl Context {
    /// Whether the block comes before the page's content, on a page not known to be an
    /// article (whose boilerplate rails and comments may come before its text is counted).
    pub fn before_content(&self) -> bool {
        self.prose_before < LITTLE_PROSE && self.kind != page_kind::PageKind::Article
    }
}

/// Longest screen-reader text kept for the figure it states ("Original price was: $30.00."):
/// longer, it is a sentence describing an item to screen readers, not a figure's label.
pub(crate) const SCREEN_READER_FIGURE_CHARS: usize = 40;

/// Below this much prose before it, a block may be the page's first content.
pub(crate) const LITTLE_PROSE: usize = 500;

/// Whether a held block is (part of) the listing of a page that lists items: on a page its
/// structured data calls a listing, before the page has shown prose, a grid of cards or a list
/// of teasers, whatever word its wrapper carries (a feed names it for the ads placed between
/// its rows; a shop's grids sit in "sidebar" or "recirc" wrappers) but navigation (a menu's
/// grid of tiles). A listing comes in several grids, so every such grid counts: the price is
/// that a sponsored grid on such a page stays too.
fn is_listing_grid(stats: &crate::rules::block_text::BlockStats, category: Category, context: Context) -> bool {
    context.kind == page_kind::PageKind::Listing
        && context.before_content()
        && (stats.is_card_grid() || stats.is_teaser_list())
        && matches!(category, Category::Ads | Category::Related | Category::Sidebar)
}

/// Whether a held block whose text and shape are `stats` holds the article.
pub(crate) fn holds_article(
    stats: &crate::rules::block_text::BlockStats,
    category: Category,
    evidence: Evidence,
    context: Context,
) -> bool {
    let headline = stats.has_h1 || stats.has_main_content;
    // Menus and rails are lists of links: a block with hardly any link text is neither.
    let not_links =
        matches!(category, Category::Navigation | Category::Related) && stats.is_prose() && stats.link_density() < 0.15;
    // The first large block of text on a page that has shown little is its content, whatever
    // its class says (unless it says prompt: a paywall or sign-up box can be long too).
    let first_content = context.before_content()
        && stats.is_main_content_shape()
        && !matches!(
            category,
            Category::Paywall | Category::Newsletter | Category::Consent | Category::Ads | Category::Hidden
        );
    let listing = is_listing_grid(stats, category, context);
    // Posts of a thread the page did not declare: a long, link-poor run of comments before
    // any article text is the thread itself.
    let thread = category == Category::Comments
        && context.before_content()
        && stats.text_chars >= 1500
        && stats.link_density() < 0.3;
    // A section's own header (a heading, hardly any links) before the page's content or inside
    // a section, or a text widget (prose, hardly any links). Inside the content container a
    // page builder names every block a widget, each holding one heading, one paragraph or one
    // card: kept when it has a heading or a sentence's worth of text and next to no links.
    let section_part = match category {
        Category::Navigation | Category::Footer => {
            (context.before_content() || context.in_section) && stats.headings > 0 && stats.link_density() < 0.2
        }
        Category::Sidebar => {
            (stats.is_prose() && stats.link_density() < 0.2)
                || (context.in_content && stats.link_density() < 0.1 && (stats.headings > 0 || stats.text_chars >= 100))
        }
        _ => false,
    };
    match evidence {
        Evidence::Hidden => stats.is_article_like(),
        // A panel a reader opens holds a few sentences or a table of specifications.
        Evidence::HiddenPanel => stats.text_chars >= 150 && stats.link_density() < 0.25,
        Evidence::Weak => {
            headline
                || stats.is_article_like()
                || not_links
                || first_content
                || listing
                || section_part
                // What a form wraps is kept when it is a good deal of text (the posts of a
                // thread a form lets moderators pick); a form's own labels never are.
                || (category == Category::NonContent && stats.text_chars >= 1000 && stats.link_density() < 0.5)
                // Prose in the content container is kept, except a form's on a story page:
                // there a few sentences in a form are its consent terms or its pitch (a lead
                // form after a blog post). On other pages the form may be the page's tool.
                || (context.in_content
                    && stats.is_prose()
                    && (category != Category::NonContent || context.kind != page_kind::PageKind::Article))
        }
        Evidence::Strong => {
            headline
                || not_links
                || first_content
                || thread
                || listing
                || (category != Category::Comments && stats.is_article_like() && stats.text_chars >= 2500)
        }
        Evidence::Structural => headline || stats.is_article_like(),
        Evidence::Dialog => stats.has_main_content || stats.is_article_like(),
        Evidence::ArticleHeader => {
            (stats.headings > 0 && phrases::judge(&stats.text, 0).is_none())
                || holds_article(stats, category, Evidence::Weak, context)
        }
        Evidence::ScreenReaderText => {
            headline
                || (stats.text_chars <= SCREEN_READER_FIGURE_CHARS && stats.text.bytes().any(|b| b.is_ascii_digit()))
        }
    }
}

/// Elements no rule is about: inline formatting, spans, list items, images, and the inside of
/// SVG and MathML. They are skipped before their attributes are read: they are most of a page's
/// elements, and the blocks around them carry the signals (a share bar is a `div` or `ul` of
/// links). The price: a hidden `<span>` on its own is not removed (but for one of a
/// screen-reader-only class, which the stream engine looks for among their attributes).
pub(crate) fn is_inert(tag: &str, namespace: &str) -> bool {
    if namespace != crate::rules::safety::HTML {
        return tag != "svg" && tag != "math";
    }
    matches!(
        tag,
        "b" | "i"
            | "em"
            | "strong"
            | "u"
            | "s"
            | "sup"
            | "sub"
            | "abbr"
            | "cite"
            | "code"
            | "kbd"
            | "samp"
            | "var"
            | "mark"
            | "q"
            | "time"
            | "br"
            | "hr"
            | "wbr"
            | "source"
            | "track"
            | "bdi"
            | "bdo"
            | "dfn"
            | "del"
            | "ins"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "col"
            | "colgroup"
            | "caption"
            | "dt"
            | "dd"
            | "span"
            | "li"
            | "img"
            | "picture"
            | "label"
            | "option"
            | "optgroup"
            | "area"
            | "map"
    )
}

/// Tags whose element is judged by its text at its end when it is small.
pub(crate) fn is_text_checked(tag: &str) -> bool {
    matches!(
        tag,
        "div" | "section" | "p" | "small" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol"
    )
}

/// Tags that class words never remove: the headline, text structure, media and code.
fn is_protected_tag(tag: &str) -> bool {
    matches!(
        tag,
        "html"
            | "head"
            | "body"
            | "main"
            | "article"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "pre"
            | "code"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "img"
            | "picture"
            | "video"
            | "audio"
            | "source"
            | "blockquote"
            | "math"
            | "time"
            | "title"
            | "meta"
            | "link"
            | "br"
            | "hr"
    )
}

/// Judges an element from its start tag.
pub(crate) fn classify(el: &StartTag<'_>) -> Verdict {
    if let Some(verdict) = by_tag(el) {
        return verdict;
    }
    if let Some(verdict) = by_amp(el) {
        return verdict;
    }
    if let Some(verdict) = by_role(el) {
        return verdict;
    }
    let content =
        el.tag == "article" || el.tag == "main" || el.itemprop.is_some_and(|p| p.eq_ignore_ascii_case("articleBody"));
    let words = if is_protected_tag(el.tag) || el.id.is_some_and(is_application_root) {
        WordVerdict::default()
    } else {
        by_words(el)
    };
    if content || words.content {
        // Content containers are only removed when hidden, and even then only if they turn
        // out not to be article-like (or, a panel, to hold no text).
        if let Some(reason) = hidden_reason(el) {
            return Verdict::Verify {
                category: Category::Hidden,
                reason,
                evidence: hidden_evidence(el),
            };
        }
        return Verdict::Content;
    }
    if let Some((category, strong, attr, word)) = words.boilerplate {
        let evidence = if strong { Evidence::Strong } else { Evidence::Weak };
        return Verdict::Verify {
            category,
            reason: Reason::word(attr, word),
            evidence,
        };
    }
    if let Some(reason) = hidden_reason(el) {
        return Verdict::Verify {
            category: Category::Hidden,
            reason,
            evidence: hidden_evidence(el),
        };
    }
    Verdict::Pass
}

/// How sure hiding makes a removal: a panel a reader opens is content when it has text.
fn hidden_evidence(el: &StartTag<'_>) -> Evidence {
    if is_panel(el) {
        Evidence::HiddenPanel
    } else {
        Evidence::Hidden
    }
}

/// The root element a front-end framework renders the page into (`<div id="__next">`,
/// `id="app"` …): the whole page, never boilerplate, whatever its name says.
fn is_application_root(id: &str) -> bool {
    matches!(
        id.trim(),
        "__next" | "__nuxt" | "___gatsby" | "app" | "root" | "__layout" | "svelte" | "app-root" | "main-app" | "q-app"
    )
}

/// A tab panel, an accordion region or a collapsed section: hidden until a reader asks, and
/// then the content. Server-rendered streaming segments (`<div hidden id="S:1">`, moved into
/// place by a script) count too.
fn is_panel(el: &StartTag<'_>) -> bool {
    if el.labelled
        || el
            .role
            .is_some_and(|r| r.eq_ignore_ascii_case("tabpanel") || r.eq_ignore_ascii_case("region"))
    {
        return true;
    }
    let streamed = |id: &str| {
        id.strip_prefix("S:")
            .or_else(|| id.strip_prefix("P:"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if el.id.is_some_and(streamed) {
        return true;
    }
    has_word(
        el,
        &[
            b"panel",
            b"tabpanel",
            b"collapse",
            b"collapsible",
            b"accordion",
            b"expander",
            b"expandable",
            b"answer",
            b"details",
            b"readmore",
        ],
    )
}

/// Customer reviews and rating widgets under a product (`class="product-reviews"`, a review
/// vendor's widget): other people's comments on the item, not the item. Only asked on product
/// pages after their headline: on an article "review" names the article itself.
///
/// ```text
/// <div id="reviews" class="jdgm-widget">…</div>   → a review widget
/// <section class="review-body">…</section>       → on an article page never asked
/// ```
pub(crate) fn is_review_widget(el: &StartTag<'_>) -> Option<Verdict> {
    if !matches!(el.tag, "div" | "section" | "aside" | "ul" | "ol") {
        return None;
    }
    let found = has_word(
        el,
        &[
            b"review",
            b"reviews",
            b"rating",
            b"ratings",
            b"testimonials",
            b"judgeme",
            b"jdgm",
            b"okendo",
            b"yotpo",
            b"stamped",
            b"bazaarvoice",
            b"trustpilot",
        ],
    );
    found.then_some(Verdict::Verify {
        category: Category::Comments,
        reason: Reason::Fixed("a product's reviews"),
        evidence: Evidence::Strong,
    })
}

/// Customers' testimonials (`class="testimonials-slider"`, `class="testimonial"`): a business's
/// praise from its clients, shown after a blog post as a carousel of quotes and names. Only
/// asked on story pages after the story: on a service page they may be what the page shows.
///
/// ```text
/// <div class="testimonials-wrapper">…</div>   → customers' testimonials
/// <div class="testimonial-card">…</div>      → customers' testimonials
/// ```
pub(crate) fn is_testimonials(el: &StartTag<'_>) -> Option<Verdict> {
    if !matches!(
        el.tag,
        "div" | "section" | "aside" | "ul" | "ol" | "blockquote" | "figure"
    ) {
        return None;
    }
    has_word(el, &[b"testimonial", b"testimonials"]).then_some(Verdict::Verify {
        category: Category::Comments,
        reason: Reason::Fixed("customers' testimonials"),
        evidence: Evidence::Strong,
    })
}

/// Whether a class or id word of `el` is one of `words` (lower case).
fn has_word(el: &StartTag<'_>, words: &[&[u8]]) -> bool {
    let mut found = false;
    for value in [el.class, el.id].into_iter().flatten() {
        for_each_word(value, |word, _, _| {
            found |= !found && words.iter().any(|w| w.eq_ignore_ascii_case(word));
        });
    }
    found
}

fn remove(category: Category, reason: &'static str) -> Option<Verdict> {
    Some(Verdict::Remove {
        category,
        reason: Reason::Fixed(reason),
    })
}

fn by_tag(el: &StartTag<'_>) -> Option<Verdict> {
    match el.tag {
        "script" => remove(Category::NonContent, "<script>"),
        "style" => remove(Category::NonContent, "<style>"),
        "template" => remove(Category::NonContent, "<template>"),
        "noscript" => remove(Category::NonContent, "<noscript>"),
        "input" | "button" | "select" | "textarea" | "datalist" => remove(Category::NonContent, "form control"),
        "object" | "embed" | "applet" | "frame" | "frameset" | "portal" => {
            remove(Category::NonContent, "embedded object or frame")
        }
        "iframe" if !el.src_or_type.is_some_and(is_video_embed) => {
            remove(Category::NonContent, "<iframe> that is not a video embed")
        }
        "form" => Some(Verdict::Unwrap),
        "nav" => remove(Category::Navigation, "<nav>"),
        "menu" => remove(Category::Navigation, "<menu>"),
        "aside" => Some(Verdict::Verify {
            category: Category::Sidebar,
            reason: Reason::Fixed("<aside>"),
            evidence: Evidence::Structural,
        }),
        "footer" => remove(Category::Footer, "<footer>"),
        "header" => Some(Verdict::Verify {
            category: Category::Navigation,
            reason: Reason::Fixed("<header> without a headline"),
            evidence: Evidence::Weak,
        }),
        "dialog" => remove(Category::NonContent, "<dialog>"),
        _ => None,
    }
}

fn by_amp(el: &StartTag<'_>) -> Option<Verdict> {
    match el.amp_section {
        Some(s) if s.eq_ignore_ascii_case("content") => return Some(Verdict::Content),
        Some(s) if !s.eq_ignore_ascii_case("content") => {
            return Some(Verdict::Remove {
                category: Category::Paywall,
                reason: Reason::Text(format!("AMP subscriptions-section=\"{s}\"")),
            });
        }
        _ => {}
    }
    if el.amp_action {
        return remove(Category::Paywall, "AMP subscriptions action");
    }
    None
}

fn by_role(el: &StartTag<'_>) -> Option<Verdict> {
    let role = el.role?;
    let mut lower = [0u8; 16];
    let trimmed = role.trim().as_bytes();
    let key = match lower.get_mut(..trimmed.len()) {
        Some(buf) => {
            buf.copy_from_slice(trimmed);
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).unwrap_or("")
        }
        None => "",
    };
    let verdict = match key {
        "navigation" => remove(Category::Navigation, "role=\"navigation\""),
        "menu" | "menubar" => remove(Category::Navigation, "role=\"menu\""),
        "search" => remove(Category::Navigation, "role=\"search\""),
        "banner" => Some(Verdict::Verify {
            category: Category::Navigation,
            reason: Reason::Fixed("role=\"banner\" without a headline"),
            evidence: Evidence::Weak,
        }),
        "contentinfo" => remove(Category::Footer, "role=\"contentinfo\""),
        "complementary" => remove(Category::Sidebar, "role=\"complementary\""),
        "dialog" | "alertdialog" => {
            let words = by_words(el);
            let category = words.boilerplate.map_or(Category::NonContent, |(c, ..)| c);
            if el.modal || has_word(el, &[b"modal", b"popup", b"overlay", b"lightbox", b"pum"]) {
                return remove(category, "role=\"dialog\" (modal)");
            }
            // A dialog that is not modal is often a sheet of the page's own content.
            Some(Verdict::Verify {
                category,
                reason: Reason::Fixed("role=\"dialog\""),
                evidence: Evidence::Dialog,
            })
        }
        "main" | "article" => Some(Verdict::Content),
        _ => None,
    };
    verdict
}

/// What the class and id words say. Reasons are built only for the verdict returned.
#[derive(Default)]
struct WordVerdict<'a> {
    /// A token with a content word and no boilerplate word (`article-body`, `entry-content`).
    content: bool,
    /// The deciding boilerplate word: category, strong, attribute, the word as written.
    boilerplate: Option<(Category, bool, &'static str, &'a str)>,
}

fn by_words<'a>(el: &StartTag<'a>) -> WordVerdict<'a> {
    let mut verdict = WordVerdict::default();
    if let Some(value) = el.class {
        judge_tokens("class", value, &mut verdict);
    }
    if let Some(value) = el.id {
        judge_tokens("id", value, &mut verdict);
    }
    verdict
}

/// What one whitespace-separated token says so far.
#[derive(Clone, Copy, Default)]
struct TokenState {
    /// The strongest boilerplate word: category, strong, start, end.
    boilerplate: Option<(Category, bool, usize, usize)>,
    modifier: bool,
    /// A word said the rest of the token names what is hidden (see [`WordSignal::Hides`]).
    hiding: bool,
    content: bool,
    /// Where the word "author" stands in the token, if it does.
    author: Option<(usize, usize)>,
    /// The token also says bio, box, about or profile: with "author", an author box.
    about: bool,
    /// The token names a kind of block whose chrome words say its part, not that it is chrome
    /// (an index into [`QUALIFIED_WORDS`]).
    qualifier: Option<usize>,
}

/// Words that qualify the chrome words after them in a token: (qualifier, chrome words it
/// makes say nothing).
/// - A page builder names every component of a page, its text and headings included, a
///   widget (`elementor-widget-icon-box`); its other words still count
///   (`elementor-widget-share-buttons` is a share bar).
/// - A hero is a page's top feature, its headline and lede: a hero banner or hero header is
///   content, where a banner alone is a strip of chrome.
/// - A component's own header or footer (`card-header`, `ccard-header`, `product-footer`) is a
///   part of that component, not the site's header or footer. (Not `content-header`: on an
///   article that is the byline row, and `content-footer` its author box and tags.)
const QUALIFIED_WORDS: &[(&[u8], &[&[u8]])] = &[
    (b"elementor", &[b"widget", b"widgets"]),
    (b"hero", &[b"banner", b"header"]),
    (b"card", &[b"header", b"footer"]),
    (b"tile", &[b"header", b"footer"]),
    (b"item", &[b"header", b"footer"]),
    (b"product", &[b"header", b"footer"]),
    (b"price", &[b"header", b"footer"]),
    (b"prices", &[b"header", b"footer"]),
];

/// The qualifier `word` is, if it is one.
fn qualifier(word: &[u8]) -> Option<usize> {
    QUALIFIED_WORDS
        .iter()
        .position(|(q, _)| q.eq_ignore_ascii_case(word))
        .or_else(|| {
            // Card components carry a prefix glued on (`ccard`, `productcard`).
            let card = word.len() > 4 && word[word.len() - 4..].eq_ignore_ascii_case(b"card");
            card.then(|| qualifier(b"card")).flatten()
        })
}

/// Whether the qualifier at `index` makes the chrome word `word` say nothing.
fn is_qualified(index: Option<usize>, word: &[u8]) -> bool {
    index.is_some_and(|i| QUALIFIED_WORDS[i].1.iter().any(|w| w.eq_ignore_ascii_case(word)))
}

/// Judges the whitespace-separated tokens of one attribute value.
fn judge_tokens<'a>(attr: &'static str, value: &'a str, verdict: &mut WordVerdict<'a>) {
    let mut token = TokenState::default();
    let mut token_index = 0usize;
    for_each_word(value, |word, index, start| {
        if index != token_index {
            settle_token(attr, value, std::mem::take(&mut token), verdict);
            token_index = index;
        }
        if token.hiding {
            return;
        }
        match signal(word) {
            Some(WordSignal::Hides) => token.hiding = true,
            Some(WordSignal::Boilerplate { .. }) if is_qualified(token.qualifier, word) => {}
            Some(WordSignal::Boilerplate { category, strong })
                if token.boilerplate.is_none_or(|(_, s, _, _)| strong && !s) =>
            {
                token.boilerplate = Some((category, strong, start, start + word.len()));
            }
            Some(WordSignal::Content) => token.content = true,
            Some(WordSignal::Modifier) => token.modifier = true,
            Some(WordSignal::Boilerplate { .. }) => {}
            None if qualifier(word).is_some() => token.qualifier = qualifier(word),
            // A follow-up is a next step (a reminder, a second visit), not a "follow us" button.
            None if word.eq_ignore_ascii_case(b"up")
                && token.boilerplate.is_some_and(|(_, _, s, e)| {
                    value
                        .as_bytes()
                        .get(s..e)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"follow"))
                }) =>
            {
                token.boilerplate = None;
            }
            None if word.eq_ignore_ascii_case(b"author") || word.eq_ignore_ascii_case(b"authors") => {
                token.author = Some((start, start + word.len()));
            }
            None => {
                token.about |= [&b"bio"[..], b"biography", b"box", b"about", b"profile"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(word));
            }
        }
    });
    settle_token(attr, value, token, verdict);
}

/// Folds a finished token into the verdict: a modifier voids it, boilerplate beats content
/// within the token, and a strong word beats a weak one across tokens.
fn settle_token<'a>(attr: &'static str, value: &'a str, mut token: TokenState, verdict: &mut WordVerdict<'a>) {
    if token.modifier {
        return;
    }
    // An author box (`author-bio`, `about-author`): a sidebar about the writer, not the byline.
    if let (Some((start, end)), true, None) = (token.author, token.about, token.boilerplate) {
        token.boilerplate = Some((Category::Sidebar, true, start, end));
        token.content = false;
    }
    match token.boilerplate {
        Some((category, strong, start, end))
            if verdict
                .boilerplate
                .is_none_or(|(_, was_strong, _, _)| strong && !was_strong) =>
        {
            verdict.boilerplate = Some((category, strong, attr, &value[start..end]));
        }
        Some(_) => {}
        None if token.content => verdict.content = true,
        None => {}
    }
}

/// Why an element is hidden from readers, if it is.
pub(crate) fn hidden_reason(el: &StartTag<'_>) -> Option<Reason> {
    if el.hidden {
        return Some(Reason::Fixed("hidden attribute"));
    }
    if el.aria_hidden {
        return Some(Reason::Fixed("aria-hidden=\"true\""));
    }
    if el.class.is_some_and(has_screen_reader_class) {
        return Some(Reason::Fixed("screen-reader-only class"));
    }
    match hidden_style(el.style?)? {
        "display:none" => Some(Reason::Fixed("style display:none")),
        _ => Some(Reason::Fixed("style visibility:hidden")),
    }
}

/// Whether a `class` attribute's value names text that only screen readers read (see
/// [`is_screen_reader_only`]).
pub(crate) fn has_screen_reader_class(class: &str) -> bool {
    class.split_ascii_whitespace().any(is_screen_reader_only)
}

/// The class names the common style sheets give text that only screen readers read
/// (`sr-only`, `visually-hidden`, WordPress's `screen-reader-text`): labels and skip links,
/// never shown.
fn is_screen_reader_only(class: &str) -> bool {
    const NAMES: [&str; 7] = [
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "a11y-hidden",
        "u-visually-hidden",
    ];
    NAMES.iter().any(|name| name.eq_ignore_ascii_case(class))
}

/// The declaration of an inline style that hides the element, if any.
pub(crate) fn hidden_style(style: &str) -> Option<&'static str> {
    style.split(';').find_map(|decl| {
        let (property, value) = decl.split_once(':')?;
        let value = value.trim();
        let value = value.strip_suffix("!important").map_or(value, str::trim_end);
        let property = property.trim();
        if property.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none") {
            Some("display:none")
        } else if property.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden") {
            Some("visibility:hidden")
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn div(class: &str) -> StartTag<'_> {
        StartTag {
            tag: "div",
            class: Some(class),
            ..StartTag::default()
        }
    }

    #[test]
    fn an_author_box_is_a_sidebar_but_a_byline_is_not() {
        for class in ["author-bio", "about-the-author", "c-authorBox", "post-author-profile"] {
            assert!(
                matches!(
                    classify(&div(class)),
                    Verdict::Verify {
                        category: Category::Sidebar,
                        evidence: Evidence::Strong,
                        ..
                    }
                ),
                "{class}"
            );
        }
        for class in ["author", "byline author-name", "article-author"] {
            assert!(!matches!(classify(&div(class)), Verdict::Verify { .. }), "{class}");
        }
    }

    #[test]
    fn application_roots_and_component_prefixes_are_not_boilerplate() {
        let root = StartTag {
            tag: "div",
            id: Some("__next"),
            ..StartTag::default()
        };
        assert_eq!(classify(&root), Verdict::Pass);
        assert_eq!(classify(&div("cmp-container")), Verdict::Pass);
        assert!(matches!(classify(&div("cmp-cookie-banner")), Verdict::Verify { .. }));
    }

    #[test]
    fn hidden_panels_are_judged_as_panels() {
        let panel = StartTag {
            tag: "div",
            class: Some("tab-content"),
            role: Some("tabpanel"),
            hidden: true,
            ..StartTag::default()
        };
        assert!(matches!(
            classify(&panel),
            Verdict::Verify {
                evidence: Evidence::HiddenPanel,
                ..
            }
        ));
        let hidden = StartTag {
            tag: "div",
            hidden: true,
            ..StartTag::default()
        };
        assert!(matches!(
            classify(&hidden),
            Verdict::Verify {
                evidence: Evidence::Hidden,
                ..
            }
        ));
    }

    #[test]
    fn class_words_are_verified_with_their_strength() {
        assert!(matches!(
            classify(&div("cookie-banner")),
            Verdict::Verify {
                category: Category::Consent,
                evidence: Evidence::Strong,
                ..
            }
        ));
        assert!(matches!(
            classify(&div("c-newsletter__signup")),
            Verdict::Verify {
                category: Category::Newsletter,
                evidence: Evidence::Strong,
                ..
            }
        ));
    }

    #[test]
    fn qualified_chrome_words_name_a_part_and_other_words_still_count() {
        assert_eq!(
            classify(&div("elementor-element elementor-widget elementor-widget-icon-box")),
            Verdict::Pass
        );
        assert_eq!(
            classify(&div("elementor-widget-wrap elementor-element-populated")),
            Verdict::Pass
        );
        assert!(matches!(
            classify(&div("elementor-widget elementor-widget-share-buttons")),
            Verdict::Remove {
                category: Category::Share,
                ..
            } | Verdict::Verify {
                category: Category::Share,
                ..
            }
        ));
        assert_eq!(classify(&div("c-heroBanner__wrapper")), Verdict::Pass);
        // A card's or a product's own header and footer are parts of it; the site's are chrome.
        assert_eq!(classify(&div("card-header")), Verdict::Pass);
        assert_eq!(classify(&div("rf-ccard-content-header")), Verdict::Content);
        assert!(matches!(
            classify(&div("content-footer")),
            Verdict::Verify {
                category: Category::Footer,
                ..
            }
        ));
        assert_eq!(classify(&div("product-footer")), Verdict::Pass);
        assert!(matches!(
            classify(&div("site-header")),
            Verdict::Verify {
                category: Category::Navigation,
                ..
            }
        ));
        assert!(matches!(
            classify(&div("header-content")),
            Verdict::Verify {
                category: Category::Navigation,
                ..
            }
        ));
        assert_eq!(classify(&div("better__follow-up")), Verdict::Pass);
        assert!(matches!(
            classify(&div("follow-us")),
            Verdict::Verify {
                category: Category::Share,
                ..
            }
        ));
        assert!(matches!(
            classify(&div("top-banner")),
            Verdict::Verify {
                category: Category::Navigation,
                ..
            }
        ));
        assert!(matches!(
            classify(&div("sidebar-widget")),
            Verdict::Remove {
                category: Category::Sidebar,
                ..
            } | Verdict::Verify {
                category: Category::Sidebar,
                ..
            }
        ));
    }

    #[test]
    fn weak_words_are_verified() {
        assert!(matches!(
            classify(&div("paywall")),
            Verdict::Verify {
                category: Category::Paywall,
                evidence: Evidence::Weak,
                ..
            }
        ));
    }

    #[test]
    fn modifiers_and_content_words_protect() {
        assert_eq!(classify(&div("layout has-sidebar")), Verdict::Pass);
        // A state of the element (hide the ad, hide it in the app, hide it when printing).
        assert_eq!(classify(&div("summary-items hide-read-more-ad")), Verdict::Pass);
        assert_eq!(classify(&div("hide-on-mobile-app site-wrap")), Verdict::Pass);
        // What comes before "hide" still says what the element is.
        assert!(matches!(
            classify(&div("newsletter-signup-hide-on-app")),
            Verdict::Verify {
                category: Category::Newsletter,
                ..
            } | Verdict::Remove {
                category: Category::Newsletter,
                ..
            }
        ));
        assert_eq!(classify(&div("entry-content")), Verdict::Content);
        assert!(matches!(
            classify(&div("related-articles")),
            Verdict::Verify {
                category: Category::Related,
                ..
            }
        ));
        assert_eq!(
            classify(&div("l-sidebar-fixed l-article-body-segment")),
            Verdict::Content
        );
    }

    #[test]
    fn protected_tags_ignore_class_words() {
        let pre = StartTag {
            tag: "pre",
            class: Some("comment-highlight"),
            ..StartTag::default()
        };
        assert_eq!(classify(&pre), Verdict::Pass);
    }

    #[test]
    fn reason_names_the_word_as_written() {
        match classify(&StartTag {
            tag: "div",
            id: Some("CookieNotice"),
            ..StartTag::default()
        }) {
            Verdict::Verify { reason, .. } => assert_eq!(reason.to_string(), "id word \"cookie\""),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn inline_formatting_and_svg_insides_are_inert() {
        let svg = "http://www.w3.org/2000/svg";
        let html = "http://www.w3.org/1999/xhtml";
        assert!(is_inert("strong", html) && is_inert("path", svg));
        assert!(is_inert("span", html) && is_inert("li", html));
        assert!(!is_inert("svg", svg) && !is_inert("div", html) && !is_inert("a", html));
    }

    #[test]
    fn hidden_styles() {
        assert_eq!(
            hidden_style("color: red; DISPLAY : none !important"),
            Some("display:none")
        );
        assert_eq!(hidden_style("display:block"), None);
    }
}
