//! What a [`Cleaner`](crate::Cleaner) removes and how it behaves.
//!
//! One struct serves the library, the CLI (clap derive) and the JavaScript API (serde), so the
//! three front ends cannot drift apart.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A kind of boilerplate. Every removal is reported under one category, and each category can be
/// kept with [`Options::keep`].
///
/// ```
/// use stripwall::Category;
/// assert_eq!("consent".parse::<Category>().unwrap(), Category::Consent);
/// assert_eq!(Category::Paywall.to_string(), "paywall");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Subscription prompts, meters, registration walls, "unlock this article" offers.
    Paywall,
    /// Cookie, GDPR and other consent banners and walls.
    Consent,
    /// Newsletter sign-ups, "get the app" and notification prompts.
    Newsletter,
    /// Navigation: nav bars, menus, breadcrumbs, skip links, site header chrome, pagination.
    Navigation,
    /// Sidebars and complementary rails.
    Sidebar,
    /// Share and social bars, "follow us" blocks.
    Share,
    /// Related, recommended and trending rails, including Outbrain/Taboola-style widgets.
    Related,
    /// Comment sections and comment widgets.
    Comments,
    /// Advertisements and sponsored slots.
    Ads,
    /// Copyright and legal footers, site footers.
    Footer,
    /// Elements hidden from readers (`hidden`, `aria-hidden`, `display:none`), and copies of a
    /// block shown above (a page part written once per screen size).
    Hidden,
    /// Elements that are not content: templates, form controls, dialogs. Scripts, styles,
    /// embedded objects, frames and iframes that are not video embeds are reported here too, and
    /// go whatever `keep` says: output is always safe to render.
    NonContent,
    /// Elements removed by the caller's own selectors (`remove_selectors`; the CLI's `--remove`).
    Custom,
    /// Elements hidden by a loaded filter list's rule (EasyList cosmetic syntax).
    FilterList,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 14] = [
        Category::Paywall,
        Category::Consent,
        Category::Newsletter,
        Category::Navigation,
        Category::Sidebar,
        Category::Share,
        Category::Related,
        Category::Comments,
        Category::Ads,
        Category::Footer,
        Category::Hidden,
        Category::NonContent,
        Category::Custom,
        Category::FilterList,
    ];

    /// The category's name as used by the CLI, JSON and JavaScript.
    pub fn name(self) -> &'static str {
        match self {
            Category::Paywall => "paywall",
            Category::Consent => "consent",
            Category::Newsletter => "newsletter",
            Category::Navigation => "navigation",
            Category::Sidebar => "sidebar",
            Category::Share => "share",
            Category::Related => "related",
            Category::Comments => "comments",
            Category::Ads => "ads",
            Category::Footer => "footer",
            Category::Hidden => "hidden",
            Category::NonContent => "non-content",
            Category::Custom => "custom",
            Category::FilterList => "filter-list",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

impl FromStr for Category {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL.into_iter().find(|c| c.name() == s).ok_or_else(|| {
            let names: Vec<_> = Category::ALL.iter().map(|c| c.name()).collect();
            format!("unknown category `{s}` (expected one of: {})", names.join(", "))
        })
    }
}

/// How the page is cleaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// One pass: the page keeps its structure and boilerplate is removed as it streams past.
    #[default]
    Stream,
    /// Only the article: the page is cleaned, then two passes find the main content and keep it,
    /// with metadata (title, byline, dates …) in the report. Output comes at the end of the input.
    Reader,
}

/// How reader mode trades completeness for purity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    /// Only the best-scoring container and its strongest siblings.
    Precision,
    /// Readability's balance: strong siblings and loose prose paragraphs beside the article.
    #[default]
    Balanced,
    /// Also weaker siblings: less text lost, more boilerplate let in.
    Recall,
}

/// What happens when the rewriter's memory limit is reached (a gigantic tag, attribute or comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[serde(rename_all = "kebab-case")]
pub enum OnMemoryLimit {
    /// Stop with an error that names the limit.
    #[default]
    Error,
    /// Keep what was cleaned so far and pass the rest of the input through untouched
    /// (the report says so in `warnings`).
    PassThrough,
}

/// Options of a [`Cleaner`](crate::Cleaner). `Options::default()` removes every category.
///
/// ```
/// use stripwall::{Category, Options};
/// let options = Options {
///     keep: vec![Category::Comments],
///     remove_selectors: vec![".promo-box".into()],
///     ..Options::default()
/// };
/// assert!(stripwall::Cleaner::new(options).is_ok());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(clap::Args))]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// Cleaning mode.
    #[cfg_attr(feature = "cli", arg(long, value_enum, default_value_t = Mode::Stream))]
    pub mode: Mode,

    /// Reader mode: precision, balanced or recall.
    #[cfg_attr(feature = "cli", arg(long, value_enum, default_value_t = Preset::Balanced))]
    pub preset: Preset,

    /// Reader mode: attributes to keep on the article's elements beyond the usual few (href,
    /// src, alt, …), e.g. `class` or `id` (repeatable).
    #[cfg_attr(feature = "cli", arg(long = "keep-attribute", value_name = "NAME"))]
    pub keep_attributes: Vec<String>,

    /// Categories to keep instead of removing (repeatable).
    #[cfg_attr(feature = "cli", arg(long = "keep", value_name = "CATEGORY", value_enum))]
    pub keep: Vec<Category>,

    /// CSS selectors of extra elements to remove, reported as `custom` (repeatable).
    #[cfg_attr(feature = "cli", arg(long = "remove", value_name = "SELECTOR"))]
    pub remove_selectors: Vec<String>,

    /// CSS selectors of elements that are always kept with all their content (repeatable).
    #[cfg_attr(feature = "cli", arg(long = "keep-selector", value_name = "SELECTOR"))]
    pub keep_selectors: Vec<String>,

    /// Record every removal with its category, reason and a snippet of its text (in the
    /// report; the CLI prints it to standard error).
    #[cfg_attr(feature = "cli", arg(long))]
    pub explain: bool,

    /// The page's address, for site rules and absolute links: an absolute URL
    /// (`https://example.com/story`); one without a scheme is an error.
    #[cfg_attr(feature = "cli", arg(long, value_name = "URL"))]
    pub url: Option<String>,

    /// The page's character encoding as the server declared it (the HTTP `Content-Type`
    /// charset, e.g. `windows-1251`). A byte order mark still wins; without either, the page's
    /// `<meta>` is read, else the encoding is guessed. Output is always UTF-8.
    #[cfg_attr(feature = "cli", arg(long, value_name = "LABEL"))]
    pub charset: Option<String>,

    /// Filter lists in Adblock Plus / uBlock Origin syntax (the text of each); their cosmetic
    /// rules remove elements, reported as `filter-list`. The CLI reads them from files
    /// (`--filters`); to share one compiled set between cleaners, see
    /// [`Cleaner::with_filters`](crate::Cleaner::with_filters).
    #[cfg_attr(feature = "cli", arg(skip))]
    pub filter_lists: Vec<String>,

    /// Memory the HTML rewriter may use for its buffers, in bytes (a single tag, comment or
    /// attribute larger than this cannot be parsed). A reader-mode stream also keeps up to
    /// half of it of input, to read a page whole (see [`Cleaner::stream`](crate::Cleaner::stream)).
    #[cfg_attr(feature = "cli", arg(long, value_name = "BYTES", default_value_t = DEFAULT_MEMORY_LIMIT))]
    pub memory_limit: usize,

    /// What to do when the memory limit is reached.
    #[cfg_attr(feature = "cli", arg(long, value_enum, value_name = "ACTION", default_value_t = OnMemoryLimit::Error))]
    pub on_memory_limit: OnMemoryLimit,
}

/// Default for [`Options::memory_limit`]: 16 MiB.
pub const DEFAULT_MEMORY_LIMIT: usize = 16 * 1024 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: Mode::Stream,
            preset: Preset::Balanced,
            keep_attributes: Vec::new(),
            keep: Vec::new(),
            remove_selectors: Vec::new(),
            keep_selectors: Vec::new(),
            explain: false,
            url: None,
            charset: None,
            filter_lists: Vec::new(),
            memory_limit: DEFAULT_MEMORY_LIMIT,
            on_memory_limit: OnMemoryLimit::Error,
        }
    }
}

impl Options {
    /// Whether elements of `category` are removed.
    pub fn removes(&self, category: Category) -> bool {
        !self.keep.contains(&category)
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Mode::Stream => "stream",
            Mode::Reader => "reader",
        })
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Preset::Precision => "precision",
            Preset::Balanced => "balanced",
            Preset::Recall => "recall",
        })
    }
}

impl fmt::Display for OnMemoryLimit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OnMemoryLimit::Error => "error",
            OnMemoryLimit::PassThrough => "pass-through",
        })
    }
}
