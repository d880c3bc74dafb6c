//! The kind of page: an article, a forum thread or Q&A, a product, a listing or collection,
//! documentation, or something else. One detector for both modes: the stream engine feeds it
//! what it reads as the page streams past (JSON-LD types, microdata `itemtype`s on the page and
//! on each post or product it repeats, `og:type`), asks it while streaming (a forum's posts are
//! content), and reports its final word.

use serde::Serialize;

/// What kind of page a document is, from what it says of itself (schema.org types in JSON-LD
/// or microdata, `og:type`), counting the items it repeats (posts, answers, products).
///
/// ```
/// use stripwall::{Cleaner, Options, PageKind};
/// let thread = r#"<script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Help"}</script>
///   <div class="post"><p>My boiler makes a noise.</p></div>"#;
/// let report = Cleaner::new(Options::default())?.clean_str(thread)?.report;
/// assert_eq!(report.page_kind, PageKind::Forum);
/// # Ok::<(), stripwall::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PageKind {
    /// A story, a blog post, a report: one text.
    Article,
    /// A forum thread or a question with its answers: the posts are the content.
    Forum,
    /// One product: name, price, description, specifications.
    Product,
    /// A listing or collection: category pages, search results, a list of items.
    Listing,
    /// Technical documentation: headings, code and tables.
    Documentation,
    /// Nothing says which (a home page, a service page, a short page).
    #[default]
    Other,
}

impl PageKind {
    /// Every kind.
    pub const ALL: [PageKind; 6] = [
        PageKind::Article,
        PageKind::Forum,
        PageKind::Product,
        PageKind::Listing,
        PageKind::Documentation,
        PageKind::Other,
    ];

    /// The kind's name as reports write it (`forum`, `product` …).
    pub fn name(self) -> &'static str {
        match self {
            PageKind::Article => "article",
            PageKind::Forum => "forum",
            PageKind::Product => "product",
            PageKind::Listing => "listing",
            PageKind::Documentation => "documentation",
            PageKind::Other => "other",
        }
    }
}

impl std::fmt::Display for PageKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.name())
    }
}

/// What a schema.org type says of the page that declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TypeSignal {
    /// A thread or a question page.
    Thread,
    /// A question page (`QAPage`) or its question: its answers are the posts, and the comments
    /// under each post are not.
    Question,
    /// A page of frequently asked questions (`FAQPage`): its questions and answers are the
    /// site's own, not posts.
    Faq,
    /// One post of a thread, an answer, a comment marked up as such.
    Post,
    Product,
    /// A page that lists things (`CollectionPage`, `SearchResultsPage`).
    ListPage,
    /// A list of items (`ItemList`, `OfferCatalog`).
    ItemList,
    Documentation,
    Article,
}

/// The signal of a schema.org type name (`Product`, `https://schema.org/QAPage` …).
fn type_signal(name: &str) -> Option<TypeSignal> {
    let name = name.trim().trim_end_matches('/');
    let name = name.rsplit(['/', '#', ':']).next().unwrap_or(name);
    Some(match name {
        "DiscussionForumPosting" => TypeSignal::Thread,
        "QAPage" | "Question" => TypeSignal::Question,
        "FAQPage" => TypeSignal::Faq,
        "Answer" | "Comment" | "SocialMediaPosting" => TypeSignal::Post,
        "Product" | "ProductGroup" | "IndividualProduct" | "ProductModel" | "Vehicle" | "Car" => TypeSignal::Product,
        "CollectionPage" | "SearchResultsPage" | "ProfilePage" => TypeSignal::ListPage,
        "ItemList" | "OfferCatalog" | "ProductCollection" => TypeSignal::ItemList,
        "TechArticle" | "APIReference" => TypeSignal::Documentation,
        "Article"
        | "NewsArticle"
        | "BlogPosting"
        | "Report"
        | "LiveBlogPosting"
        | "ScholarlyArticle"
        | "OpinionNewsArticle"
        | "AnalysisNewsArticle"
        | "ReportageNewsArticle"
        | "ReviewNewsArticle"
        | "BackgroundNewsArticle"
        | "Recipe" => TypeSignal::Article,
        _ => return None,
    })
}

/// The evidence gathered so far. Cheap to feed: a few counters.
#[derive(Debug, Clone, Default)]
pub(crate) struct KindSignals {
    thread: u32,
    /// `QAPage` and `Question` types: a `QAPage` is a thread, a `Question` one post of it.
    qa_pages: u32,
    questions: u32,
    faq: u32,
    posts: u32,
    products: u32,
    list_pages: u32,
    item_lists: u32,
    documentation: u32,
    articles: u32,
    /// What `og:type` said.
    og: Option<PageKind>,
    /// What an earlier cleaning said (`data-page-kind` on `<body>`), from signals the cleaning
    /// removed (JSON-LD): it decides, so that cleaning clean output changes nothing.
    declared: Option<PageKind>,
}

impl KindSignals {
    /// A schema.org type read from JSON-LD's `@type` or microdata's `itemtype` (a list of URLs).
    pub fn schema_types(&mut self, types: &str) {
        for name in types.split_ascii_whitespace() {
            self.schema_type(name);
        }
    }

    fn schema_type(&mut self, name: &str) {
        let question_page = name.trim().trim_end_matches('/').ends_with("QAPage");
        let counter = match type_signal(name) {
            Some(TypeSignal::Thread) => &mut self.thread,
            Some(TypeSignal::Question) if question_page => &mut self.qa_pages,
            Some(TypeSignal::Question) => &mut self.questions,
            Some(TypeSignal::Faq) => &mut self.faq,
            Some(TypeSignal::Post) => &mut self.posts,
            Some(TypeSignal::Product) => &mut self.products,
            Some(TypeSignal::ListPage) => &mut self.list_pages,
            Some(TypeSignal::ItemList) => &mut self.item_lists,
            Some(TypeSignal::Documentation) => &mut self.documentation,
            Some(TypeSignal::Article) => &mut self.articles,
            None => return,
        };
        *counter = counter.saturating_add(1);
    }

    /// The content of `<meta property="og:type">`.
    pub fn og_type(&mut self, value: &str) {
        let value = value.trim().to_ascii_lowercase();
        self.og = match value.as_str() {
            "article" | "blog" | "news" => Some(PageKind::Article),
            "product" | "product.item" | "og:product" | "product.group" => Some(PageKind::Product),
            // Forum software that names its threads so.
            "forum" | "discussion" | "thread" => Some(PageKind::Forum),
            _ => self.og,
        };
    }

    /// The value of a `data-page-kind` attribute, as [`PageKind::name`] writes it.
    pub fn declared(&mut self, value: &str) {
        let value = value.trim();
        self.declared = PageKind::ALL
            .into_iter()
            .find(|k| k.name().eq_ignore_ascii_case(value))
            .or(self.declared);
    }

    /// Whether the page marks up frequently asked questions (`FAQPage`): a service, product or
    /// shop page's, not a story's (whatever its kind, `Other` included).
    pub fn has_faq(&self) -> bool {
        self.faq > 0
    }

    /// Whether the page reads as a forum thread or Q&A so far: its posts are content.
    pub fn is_thread(&self) -> bool {
        self.kind() == PageKind::Forum
    }

    /// Whether the page reads as a question with its answers (`QAPage`, or `Question`s) and
    /// not as a thread of posts (`DiscussionForumPosting`, whose `comment`s are its replies):
    /// the comments under each post are remarks on it, not answers.
    pub fn is_question_page(&self) -> bool {
        (self.qa_pages > 0 || self.questions > 0) && self.thread == 0 && self.is_thread()
    }

    /// Whether structured data (JSON-LD or microdata) called the page a story, rather than
    /// `og:type` alone, which site plugins give to every page.
    pub fn schema_says_article(&self) -> bool {
        self.articles > 0
    }

    /// The kind, from what was seen so far.
    pub fn kind(&self) -> PageKind {
        if let Some(kind) = self.declared {
            return kind;
        }
        // A thread says so, or its posts are marked up one by one (and nothing says article,
        // nor that the questions and answers are an FAQ).
        let posts = self.posts.saturating_add(self.questions);
        if self.thread > 0
            || self.qa_pages > 0
            || (posts >= 2 && self.articles == 0 && self.products == 0 && self.faq == 0)
        {
            return PageKind::Forum;
        }
        // Several products are a listing of them; one (with its variants) is a product page.
        if self.list_pages > 0 || self.products >= 4 {
            return PageKind::Listing;
        }
        if self.products > 0 {
            return PageKind::Product;
        }
        if self.documentation > 0 {
            return PageKind::Documentation;
        }
        if self.articles > 0 {
            return PageKind::Article;
        }
        if self.item_lists > 0 {
            return PageKind::Listing;
        }
        self.og.unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(types: &[&str]) -> PageKind {
        let mut signals = KindSignals::default();
        types.iter().for_each(|t| signals.schema_types(t));
        signals.kind()
    }

    #[test]
    fn schema_types_name_the_kind() {
        assert_eq!(kind_of(&["QAPage", "Question", "Answer"]), PageKind::Forum);
        assert_eq!(kind_of(&["https://schema.org/DiscussionForumPosting"]), PageKind::Forum);
        assert_eq!(kind_of(&["Comment", "Comment"]), PageKind::Forum);
        // The questions and answers of an FAQ are not a thread.
        assert_eq!(
            kind_of(&["FAQPage", "Question", "Answer", "Question", "Answer"]),
            PageKind::Other
        );
        assert_eq!(
            kind_of(&["Product", "BreadcrumbList", "Organization"]),
            PageKind::Product
        );
        assert_eq!(
            kind_of(&["http://schema.org/Product http://schema.org/IndividualProduct"]),
            PageKind::Product
        );
        assert_eq!(kind_of(&["CollectionPage", "Product", "Product"]), PageKind::Listing);
        assert_eq!(
            kind_of(&["ItemList", "Product", "Product", "Product", "Product"]),
            PageKind::Listing
        );
        assert_eq!(kind_of(&["TechArticle"]), PageKind::Documentation);
        assert_eq!(kind_of(&["NewsArticle", "ItemList"]), PageKind::Article);
        assert_eq!(kind_of(&["ItemList"]), PageKind::Listing);
        assert_eq!(kind_of(&["BreadcrumbList", "WebSite"]), PageKind::Other);
        // An article with its comments marked up stays an article.
        assert_eq!(kind_of(&["BlogPosting", "Comment", "Comment"]), PageKind::Article);
    }

    #[test]
    fn a_kind_declared_by_an_earlier_cleaning_decides() {
        let mut signals = KindSignals::default();
        signals.declared("forum");
        signals.schema_types("NewsArticle");
        assert_eq!(signals.kind(), PageKind::Forum);
        let mut signals = KindSignals::default();
        signals.declared("nonsense");
        assert_eq!(signals.kind(), PageKind::Other);
    }

    #[test]
    fn og_type_and_structure_come_after_schema() {
        let mut signals = KindSignals::default();
        signals.og_type("product");
        assert_eq!(signals.kind(), PageKind::Product);
        signals.schema_types("CollectionPage");
        assert_eq!(signals.kind(), PageKind::Listing);
        let mut signals = KindSignals::default();
        signals.og_type("Forum");
        assert_eq!(signals.kind(), PageKind::Forum);
        let mut signals = KindSignals::default();
        signals.og_type("website");
        assert_eq!(signals.kind(), PageKind::Other);
        signals.og_type("article");
        assert_eq!(signals.kind(), PageKind::Article);
    }
}
