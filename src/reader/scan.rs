//! Reader pass 1: one lol_html scan that records a few numbers per element, never a DOM.
//!
//! Elements are numbered in the order lol_html reports their start tags; pass 2 runs over the
//! same bytes and numbers them the same way, so a number is all it needs to find an element.

use crate::markup::rewriter::BoxedSink;
use crate::markup::source::{self, AttributeView, NameBuffer, Source};
use crate::options::Category;
use crate::rules::words::{for_each_word, signal, WordSignal};
use lol_html::html_content::{Element, TextChunk};
use lol_html::{doc_text, element, HandlerResult, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;

/// What kind of element a record is about, as far as scoring cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Paragraph,
    Div,
    Section,
    Article,
    Main,
    Cell,
    Pre,
    Blockquote,
    ListItem,
    List,
    Heading,
    Link,
    Table,
    Row,
    Figure,
    Image,
    Form,
    /// iframe, embed, object.
    Embed,
    /// input, button.
    Input,
    Address,
    Body,
    /// Content that is not text (script, style, template, noscript, svg insides …).
    Opaque,
    Other,
}

impl Kind {
    fn of(tag: &str) -> Kind {
        match tag {
            "p" => Kind::Paragraph,
            "div" => Kind::Div,
            "section" => Kind::Section,
            "article" => Kind::Article,
            "main" => Kind::Main,
            "td" | "th" => Kind::Cell,
            "pre" => Kind::Pre,
            "blockquote" => Kind::Blockquote,
            "li" | "dd" | "dt" => Kind::ListItem,
            "ul" | "ol" | "dl" => Kind::List,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
            "a" => Kind::Link,
            "table" => Kind::Table,
            "tr" => Kind::Row,
            "figure" => Kind::Figure,
            "img" | "picture" | "video" => Kind::Image,
            "form" => Kind::Form,
            "iframe" | "embed" | "object" => Kind::Embed,
            "input" | "button" => Kind::Input,
            "address" => Kind::Address,
            "body" => Kind::Body,
            "script" | "style" | "template" | "noscript" | "textarea" | "select" | "svg" | "math" => Kind::Opaque,
            _ => Kind::Other,
        }
    }

    /// Elements that make a `div` more than a paragraph (Readability's list, plus headings).
    fn is_block(self) -> bool {
        matches!(
            self,
            Kind::Paragraph
                | Kind::Div
                | Kind::Section
                | Kind::Article
                | Kind::Pre
                | Kind::Blockquote
                | Kind::List
                | Kind::Table
                | Kind::Image
                | Kind::Figure
        )
    }
}

/// The numbers kept per element.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// Index of the parent record, `NONE` for a top-level element.
    pub parent: u32,
    /// Index of the last element inside this one (itself when empty).
    pub end: u32,
    /// Where its start tag begins in the scanned bytes, and where the end tag lol_html closed it
    /// with ends (0 when none did): the bytes pass 2 needs to read. That end tag may be another
    /// element's, one around it whose end closed it too.
    pub bytes: (u32, u32),
    pub kind: Kind,
    /// Class/id weight: positive for content words, negative for boilerplate words.
    pub weight: i8,
    /// Some element of [`Kind::is_block`] is inside.
    pub has_block: bool,
    /// An image (img, picture, video) is inside.
    pub has_image: bool,
    /// Text contains a sentence end followed by a space (". ").
    pub has_sentence: bool,
    /// Element children.
    pub children: u32,
    /// Characters of text inside (whitespace runs count one), after [`Scan::finish`].
    pub text: u32,
    /// Of which inside links.
    pub link_text: u32,
    /// Commas inside.
    pub commas: u32,
    /// Visible characters (not whitespace) and commas of the text directly in this element
    /// (not in elements inside it).
    pub own_text: u32,
    pub own_commas: u32,
    /// Elements of a few kinds inside (itself included), for Readability's conditional cleaning.
    pub counts: Counts,
    /// Hash of the class attribute (0: none), to find siblings of the same kind.
    pub class_hash: u64,
    /// Article furniture by its name or tag: a byline, dateline, tag list, credit, the headline,
    /// a button. Dropped from the article when its text is short.
    pub furniture: bool,
    /// Named as a byline (`byline`, `author` …): furniture of an article, but on a thread the
    /// name of who wrote each post.
    pub byline: bool,
    /// Named as a caption or a photo credit (`wp-caption`, `credit`).
    pub caption: bool,
    /// Named as a picture (`image`, `photo`, `media` …): with an image and little text, a figure.
    pub picture: bool,
    /// An inline element of a class only screen readers read (`sr-only`, `visually-hidden` …):
    /// a label ("opens in a new window", "Product link"), which stream mode removes.
    pub screen_reader: bool,
    /// A digit is in its text (a screen reader's label that states a figure is kept).
    pub has_digit: bool,
}

pub(crate) const NONE: u32 = u32::MAX;

/// How many paragraphs, images, list items, form inputs and embeds an element holds.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Counts {
    pub paragraphs: u16,
    pub images: u16,
    pub items: u16,
    /// Of which terms and descriptions of a definition list (`dt`, `dd`): label and value pairs.
    pub pairs: u16,
    pub inputs: u16,
    pub embeds: u16,
    /// Headings (`<h1>` … `<h6>`).
    pub headings: u16,
    /// `<br>` directly inside (not added up).
    pub breaks: u16,
}

impl Counts {
    fn of(kind: Kind) -> Counts {
        let one = |k: Kind| u16::from(kind == k);
        Counts {
            paragraphs: one(Kind::Paragraph),
            images: one(Kind::Image),
            items: one(Kind::ListItem),
            pairs: 0,
            inputs: one(Kind::Input),
            embeds: one(Kind::Embed),
            headings: one(Kind::Heading),
            breaks: 0,
        }
    }

    fn add(&mut self, other: Counts) {
        self.paragraphs = self.paragraphs.saturating_add(other.paragraphs);
        self.images = self.images.saturating_add(other.images);
        self.items = self.items.saturating_add(other.items);
        self.pairs = self.pairs.saturating_add(other.pairs);
        self.inputs = self.inputs.saturating_add(other.inputs);
        self.embeds = self.embeds.saturating_add(other.embeds);
        self.headings = self.headings.saturating_add(other.headings);
    }
}

/// Meta-level facts pass 1 reads on its way: `<meta>`, `<link rel=canonical>`, `<base>`, `<html lang dir>`,
/// the first `<time datetime>`, and the text of the first byline element.
#[derive(Debug, Default, Clone)]
pub(crate) struct PageFacts {
    /// (`name`/`property`/`itemprop`, `content`) of every `<meta>`, names lower-cased.
    pub meta: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub base: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub first_time: Option<String>,
    pub byline: Option<String>,
    pub h1: Option<String>,
    /// The page has more than one distinct `<h1>` text: the first is not surely the headline.
    pub several_h1: bool,
    /// The author an `itemprop="author"` element names: its `itemprop="name"`, else its text.
    pub item_author: Option<String>,
    /// `itemprop="datePublished"` on an element: its `content` or `datetime`, else its text.
    pub item_published: Option<String>,
    /// The name in a text that reads "By Ana Costa" (or a lone "By" and then the name).
    pub by_text: Option<String>,
    /// The visible text around the first `<h1>` (on a page without one, the first `<h2>`): up
    /// to [`BEFORE_H1`] characters before its text and [`FROM_H1`] from its start, where an
    /// article's date line usually stands.
    pub near_h1: Option<String>,
}

/// Characters of text kept before the first `<h1>` (see [`PageFacts::near_h1`]).
pub(crate) const BEFORE_H1: usize = 200;
/// Characters of text kept from the first `<h1>` on.
pub(crate) const FROM_H1: usize = 500;

/// The records of one document.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub nodes: Vec<Node>,
    pub facts: PageFacts,
}

const MAX_META: usize = 256;
const MAX_BYLINE_CHARS: usize = 200;

#[derive(Default)]
struct ScanState {
    scan: Scan,
    /// Open elements, innermost last.
    stack: Vec<u32>,
    links_open: u32,
    opaque_open: u32,
    previous_space: bool,
    /// Record index of the byline element whose text is being read.
    byline_node: Option<u32>,
    byline_text: String,
    h1_node: Option<u32>,
    h1_text: String,
    /// `itemprop="author"` being read, and the `itemprop="name"` inside it.
    item_author: Capture,
    item_name: Capture,
    item_published: Capture,
    /// The last text was a lone "By": a name may follow in the next.
    bare_by: bool,
    /// The text around the first `<h1>`, and around the first `<h2>` for pages without one.
    /// Until a heading anchors one of them the two hold the same text: only `near_h1` is fed
    /// then (see [`ScanState::near_h2_apart`]), and `near_h2` starts from a copy of it.
    near_h1: Window,
    near_h2: Window,
}

impl ScanState {
    /// Whether `near_h2` holds text of its own: it was anchored at an `<h2>`, and no `<h1>`
    /// has been (once one has, `near_h1` is the result and `near_h2` is not read).
    fn near_h2_apart(&self) -> bool {
        self.near_h2.after.is_some() && self.near_h1.after.is_none()
    }

    /// An `<h2>` begins: `near_h2`, the same as `near_h1` until now, is anchored there.
    fn anchor_near_h2(&mut self) {
        if self.near_h1.after.is_none() && self.near_h2.after.is_none() {
            self.near_h2.text.clone_from(&self.near_h1.text);
            self.near_h2.anchor();
        }
    }

    /// Elements apart (see [`Window::separate`]).
    fn separate_near(&mut self) {
        self.near_h1.separate();
        if self.near_h2_apart() {
            self.near_h2.separate();
        }
    }

    fn push_near(&mut self, text: &str) {
        self.near_h1.push(text);
        if self.near_h2_apart() {
            self.near_h2.push(text);
        }
    }
}

/// The last [`BEFORE_H1`] characters of visible text until a heading; then the text from it
/// on, until [`FROM_H1`] more characters were read, whitespace collapsed (pages indent their
/// markup: runs of spaces are not text).
#[derive(Default)]
struct Window {
    text: String,
    /// Characters read since the heading began, once it did.
    after: Option<usize>,
}

impl Window {
    fn open(&self) -> bool {
        self.after.is_none_or(|read| read < FROM_H1)
    }

    /// The heading begins: only the last [`BEFORE_H1`] characters before it are kept.
    fn anchor(&mut self) {
        if self.after.is_none() {
            self.keep_last(BEFORE_H1);
            self.after = Some(0);
        }
    }

    /// Keeps the last `n` characters, whitespace collapsed.
    fn keep_last(&mut self, n: usize) {
        let collapsed = crate::markup::strings::collapse(&self.text);
        let skip = collapsed.chars().count().saturating_sub(n);
        self.text = collapsed.chars().skip(skip).collect();
    }

    /// Elements apart: "Updated<span>Aug 4, 2025</span>" is two words.
    fn separate(&mut self) {
        if self.open() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    fn push(&mut self, text: &str) {
        match self.after {
            // Before the heading the text is kept collapsed as it comes, and cut back now and
            // then to its last characters (more bytes than the window holds characters).
            None => {
                push_all_collapsed(&mut self.text, text);
                if self.text.len() > 8 * BEFORE_H1 {
                    let mut cut = self.text.len() - (4 * BEFORE_H1 + 8);
                    while !self.text.is_char_boundary(cut) {
                        cut += 1;
                    }
                    self.text.drain(..cut);
                }
            }
            Some(read) if read < FROM_H1 => {
                let added = push_collapsed(&mut self.text, text, FROM_H1 - read);
                self.after = Some(read + added);
            }
            Some(_) => {}
        }
    }

    /// The text, once the heading was seen.
    fn result(&self) -> Option<String> {
        self.after.map(|_| crate::markup::strings::readable(&self.text))
    }
}

/// Appends up to `limit` characters of `text` to `buffer`, each run of whitespace as one space
/// (none after a space already there); returns how many it appended.
fn push_collapsed(buffer: &mut String, text: &str, limit: usize) -> usize {
    let mut added = 0;
    for c in text.chars() {
        if added >= limit {
            break;
        }
        if !c.is_whitespace() {
            buffer.push(c);
            added += 1;
        } else if !buffer.ends_with(' ') {
            buffer.push(' ');
            added += 1;
        }
    }
    added
}

/// [`push_collapsed`] with no limit, a run of characters at a time rather than one by one:
/// before the heading, every text of the page goes through it.
fn push_all_collapsed(buffer: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        let word = rest.find(char::is_whitespace).unwrap_or(rest.len());
        buffer.push_str(&rest[..word]);
        rest = &rest[word..];
        let space = rest.find(|c: char| !c.is_whitespace()).unwrap_or(rest.len());
        if space > 0 && !buffer.ends_with(' ') {
            buffer.push(' ');
        }
        rest = &rest[space..];
    }
}

/// The text of one element being read into a fact.
#[derive(Default)]
struct Capture {
    node: Option<u32>,
    text: String,
}

impl Capture {
    fn start(&mut self, index: u32) {
        self.node = Some(index);
        self.text.clear();
    }

    fn push(&mut self, text: &str) {
        if self.node.is_some() {
            crate::markup::strings::push_capped(&mut self.text, text, 4 * MAX_BYLINE_CHARS);
        }
    }

    /// The element's text when `index` is the element being read and it ends here.
    fn end(&mut self, index: u32) -> Option<String> {
        if self.node != Some(index) {
            return None;
        }
        self.node = None;
        let text = crate::markup::strings::readable(&self.text);
        (!text.is_empty() && text.chars().count() <= MAX_BYLINE_CHARS).then_some(text)
    }
}

/// Runs pass 1 over `html`.
pub(crate) fn scan(html: &[u8]) -> Scan {
    let state = Rc::new(RefCell::new(ScanState::default()));
    let (on_el, on_text) = (state.clone(), state.clone());
    // Names and values are read from the bytes, not through lol_html's allocating accessors.
    let source = Source::whole(html);
    let source = &source;
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| on_element(&on_el, el, source)))
        .append_document_content_handler(doc_text!(move |t| on_text_chunk(&on_text, t)))
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, BoxedSink(Box::new(|_: &[u8]| {})));
    // A failed scan (memory limit) scores what was seen: pass 2 then fails the same way and says so.
    if rewriter.write(html).is_ok() {
        let _ = rewriter.end();
    }
    let mut st = Rc::try_unwrap(state).map(RefCell::into_inner).unwrap_or_default();
    let open: Vec<u32> = std::mem::take(&mut st.stack);
    for index in open.into_iter().rev() {
        close_node(&mut st, index);
    }
    st.scan.facts.near_h1 = st.near_h1.result().or_else(|| st.near_h2.result());
    st.scan.finish();
    st.scan
}

fn on_element(state: &Rc<RefCell<ScanState>>, el: &mut Element, source: &Source<'_>) -> HandlerResult {
    let mut name_buffer = NameBuffer::default();
    let tag = source::tag_name(el, Some(source), &mut name_buffer);
    let kind = Kind::of(&tag);
    let mut st = state.borrow_mut();
    // A `<body>` inside the page's blocks (a whole document pasted into an article as a widget)
    // is one more wrapper, as browsers ignore a second body tag: not the page's body, which
    // would make reader mode read its own output as a page rather than as an article.
    let kind = match kind {
        Kind::Body if st.stack.iter().any(|&i| st.scan.nodes[i as usize].kind != Kind::Other) => Kind::Div,
        kind => kind,
    };
    close_implied(&mut st, &tag, kind);
    let index = st.scan.nodes.len() as u32;
    let parent = st.stack.last().copied().unwrap_or(NONE);
    let (weight, class_hash, byline, mut named) = read_attributes(el, &tag, &mut st.scan.facts, source);
    if let Some(p) = st.scan.nodes.get_mut(parent as usize) {
        p.children += 1;
        p.has_block |= kind.is_block();
        if tag == "br" {
            p.counts.breaks = p.counts.breaks.saturating_add(1);
        }
        p.has_image |= kind == Kind::Image;
    }
    st.scan.nodes.push(Node {
        parent,
        end: index,
        bytes: (el.source_location().bytes().start as u32, 0),
        kind,
        weight,
        has_block: false,
        has_image: false,
        has_sentence: false,
        children: 0,
        text: 0,
        link_text: 0,
        commas: 0,
        own_text: 0,
        own_commas: 0,
        counts: Counts {
            pairs: u16::from(matches!(&*tag, "dt" | "dd")),
            ..Counts::of(kind)
        },
        class_hash,
        furniture: byline || named.furniture || matches!(&*tag, "h1" | "button"),
        byline,
        caption: named.caption || tag == "figcaption",
        picture: named.picture,
        screen_reader: named.screen_reader && crate::rules::is_inert(&tag, crate::rules::safety::HTML),
        has_digit: false,
    });
    if st.byline_node.is_some() {
        st.byline_text.push(' ');
    }
    if byline && st.byline_node.is_none() && st.scan.facts.byline.is_none() {
        st.byline_node = Some(index);
    }
    if tag == "h1" && st.h1_node.is_none() {
        st.h1_node = Some(index);
        st.h1_text.clear();
        st.near_h1.anchor();
    }
    // Only an element with content can be read as text (a `<link itemprop="author">` ends at once).
    let has_content = el.can_have_content();
    if has_content && named.item_author && st.item_author.node.is_none() && st.scan.facts.item_author.is_none() {
        st.item_author.start(index);
    } else if has_content && named.item_name && st.item_author.node.is_some() && st.item_name.node.is_none() {
        st.item_name.start(index);
    }
    if let Some(value) = named.item_published_value.take() {
        st.scan.facts.item_published.get_or_insert(value);
    } else if has_content
        && named.item_published
        && st.item_published.node.is_none()
        && st.scan.facts.item_published.is_none()
    {
        st.item_published.start(index);
    }
    if tag == "h2" {
        st.anchor_near_h2();
    }
    st.separate_near();
    if !el.can_have_content() {
        return Ok(());
    }
    st.stack.push(index);
    match kind {
        Kind::Link => st.links_open += 1,
        Kind::Opaque => st.opaque_open += 1,
        _ => {}
    }
    drop(st);
    let state = state.clone();
    el.on_end_tag(Box::new(move |end| {
        let mut st = state.borrow_mut();
        st.scan.nodes[index as usize].bytes.1 = end.source_location().bytes().end as u32;
        if let Some(at) = st.stack.iter().rposition(|&i| i == index) {
            let closed: Vec<u32> = st.stack.drain(at..).collect();
            for i in closed.into_iter().rev() {
                close_node(&mut st, i);
            }
        }
        Ok(())
    }))?;
    Ok(())
}

/// HTML closes some elements without an end tag: an open `<p>` at the next block, a list item at
/// the next item, a cell at the next cell or row. lol_html does not always say so.
fn close_implied(st: &mut ScanState, tag: &str, kind: Kind) {
    let nodes = &st.scan.nodes;
    let kind_at = |i: usize| nodes[st.stack[i] as usize].kind;
    let top = st.stack.len().checked_sub(1);
    let close_from = match kind {
        _ if crate::markup::elements::closes_paragraph(tag) && top.is_some_and(|t| kind_at(t) == Kind::Paragraph) => {
            top
        }
        Kind::ListItem => (0..st.stack.len())
            .rev()
            .take_while(|&i| kind_at(i) != Kind::List)
            .find(|&i| kind_at(i) == Kind::ListItem),
        Kind::Cell | Kind::Row => (0..st.stack.len())
            .rev()
            .take_while(|&i| kind_at(i) != Kind::Table)
            .find(|&i| kind_at(i) == kind || (kind == Kind::Row && kind_at(i) == Kind::Cell)),
        _ => None,
    };
    if let Some(at) = close_from {
        let closed: Vec<u32> = st.stack.drain(at..).collect();
        for i in closed.into_iter().rev() {
            close_node(st, i);
        }
    }
}

fn close_node(st: &mut ScanState, index: u32) {
    let last = st.scan.nodes.len() as u32 - 1;
    let node = &mut st.scan.nodes[index as usize];
    node.end = last;
    match node.kind {
        Kind::Link => st.links_open = st.links_open.saturating_sub(1),
        Kind::Opaque => st.opaque_open = st.opaque_open.saturating_sub(1),
        _ => {}
    }
    if st.byline_node == Some(index) {
        st.byline_node = None;
        let byline = crate::markup::strings::readable(&st.byline_text);
        st.byline_text.clear();
        if !byline.is_empty() && byline.chars().count() <= MAX_BYLINE_CHARS {
            st.scan.facts.byline = Some(byline);
        }
    }
    if st.h1_node == Some(index) {
        st.h1_node = None;
        let h1 = crate::markup::strings::readable(&st.h1_text);
        match &st.scan.facts.h1 {
            _ if h1.is_empty() => {}
            None => st.scan.facts.h1 = Some(h1),
            Some(first) if *first != h1 => st.scan.facts.several_h1 = true,
            Some(_) => {}
        }
    }
    if let Some(name) = st.item_name.end(index) {
        st.scan.facts.item_author = Some(name);
        st.item_author.node = None;
    }
    if let Some(author) = st.item_author.end(index) {
        st.scan.facts.item_author.get_or_insert(author);
    }
    if let Some(date) = st.item_published.end(index) {
        st.scan.facts.item_published.get_or_insert(date);
    }
}

/// Reads what scoring and metadata need from the attributes; returns the class/id weight, the
/// class hash, whether the element looks like a byline and what its name says it is.
fn read_attributes(el: &Element, tag: &str, facts: &mut PageFacts, source: &Source<'_>) -> (i8, u64, bool, Named) {
    let mut weight = 0i8;
    let mut class_hash = 0u64;
    let mut byline = false;
    let mut named = Named::default();
    let mut meta_name: Option<String> = None;
    let mut meta_content: Option<String> = None;
    let mut rel: Option<String> = None;
    let mut href: Option<String> = None;
    let mut date_value: Option<String> = None;
    let mut name_buffer = NameBuffer::default();
    for attr in el.attributes() {
        let attr = AttributeView {
            attr,
            source: Some(source),
        };
        let name = attr.name(&mut name_buffer);
        match &*name {
            "class" | "id" => {
                let value = attr.value();
                if name == "class" {
                    class_hash = hash(&value);
                    named.screen_reader = crate::rules::has_screen_reader_class(&value);
                }
                let words = ClassWords::of(&value);
                weight = weight.saturating_add(words.weight());
                byline |= words.byline;
                named.read(&words);
            }
            "itemprop" if tag == "meta" => meta_name = Some(attr.value().to_ascii_lowercase()),
            "itemprop" => {
                let value = attr.value();
                let has = |word: &str| value.split_ascii_whitespace().any(|w| w == word);
                named.item_author |= has("author") || has("creator");
                named.item_name |= has("name");
                named.item_published |= has("datePublished");
                byline |= has("author");
                // schema.org's article text.
                if value.split_ascii_whitespace().any(|w| w == "articleBody") {
                    weight = weight.saturating_add(25);
                }
            }
            "rel" => {
                let value = attr.value();
                byline |= value.split_ascii_whitespace().any(|w| w.eq_ignore_ascii_case("author"));
                rel = Some(value.into_owned());
            }
            "href" if matches!(tag, "link" | "base") => href = Some(attr.value().into_owned()),
            "name" | "property" if tag == "meta" => meta_name = Some(attr.value().to_ascii_lowercase()),
            "content" if tag == "meta" => meta_content = Some(attr.value().into_owned()),
            "lang" if tag == "html" => facts.lang = Some(attr.value().into_owned()),
            "dir" if tag == "html" => facts.dir = Some(attr.value().into_owned()),
            "datetime" if tag == "time" => {
                let value = attr.value().into_owned();
                facts.first_time.get_or_insert_with(|| value.clone());
                date_value = Some(value);
            }
            "content" => date_value = Some(attr.value().into_owned()),
            _ => {}
        }
    }
    match tag {
        "meta" => {
            if let (Some(name), Some(content)) = (meta_name, meta_content) {
                if facts.meta.len() < MAX_META {
                    facts.meta.push((name, content));
                }
            }
        }
        "link" if rel.as_deref().is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
            facts.canonical = facts.canonical.take().or(href);
        }
        "base" => facts.base = facts.base.take().or(href),
        _ => {}
    }
    if named.item_published {
        named.item_published_value = date_value.filter(|v| !v.trim().is_empty());
    }
    // A link to an author page is a byline only as a whole element, not as part of one.
    (weight, class_hash, byline && tag != "meta" && tag != "link", named)
}

/// What the words of one class or id value say, read in one pass over them (every element
/// with a class asks, and each pass lower-cases the words again).
#[derive(Default)]
struct ClassWords {
    /// A word of content (`article`, `story` …).
    content: bool,
    /// A word of boilerplate that weighs against an element here (see [`ClassWords::weight`]).
    boilerplate: bool,
    byline: bool,
    furniture: bool,
    caption: bool,
    picture: bool,
}

impl ClassWords {
    fn of(value: &str) -> ClassWords {
        let mut words = ClassWords::default();
        for_each_word(value, |word, _, _| words.add(word));
        words
    }

    fn add(&mut self, word: &[u8]) {
        match signal(word) {
            Some(WordSignal::Content) => self.content = true,
            Some(WordSignal::Boilerplate { strong, category }) => {
                self.boilerplate |= strong || matches!(category, Category::Navigation | Category::Footer)
            }
            _ => {}
        }
        self.byline |= matches!(
            word,
            b"byline" | b"author" | b"dateline" | b"writtenby" | b"byl" | b"contributor"
        );
        self.furniture |= matches!(
            word,
            b"dateline"
                | b"date"
                | b"dates"
                | b"datetime"
                | b"timestamp"
                | b"pubdate"
                | b"published"
                | b"updated"
                | b"posted"
                | b"meta"
                | b"metadata"
                | b"tags"
                | b"tagged"
                | b"categories"
                | b"kicker"
                | b"eyebrow"
        );
        self.caption |= matches!(word, b"caption" | b"credit" | b"credits" | b"figcaption");
        self.picture |= matches!(word, b"image" | b"img" | b"photo" | b"picture" | b"media" | b"figure");
    }

    /// Readability's class weight: ±25 for what class and id words say.
    ///
    /// Of the weak boilerplate words (those stream mode holds back rather than removes) only the
    /// ones naming a region of the page (`header`, `banner`, `tabs`, `footer`, `legal` …) weigh
    /// against an element here. The others name a component (`widget`, `secondary`, `promo`,
    /// `more`), and page builders put those words on every block of the page, the article's own
    /// paragraphs included (`elementor-widget-text-editor`): stream mode has already removed such
    /// blocks when they were boilerplate.
    fn weight(&self) -> i8 {
        match (self.content, self.boilerplate) {
            (true, false) => 25,
            (false, true) => -25,
            _ => 0,
        }
    }
}

/// What class and id words say about an element inside an article.
#[derive(Default)]
struct Named {
    /// It surrounds the text rather than being part of it (dateline, tags, kicker …).
    furniture: bool,
    /// It is a caption or a credit.
    caption: bool,
    /// It is a picture.
    picture: bool,
    /// `itemprop="author"`, `itemprop="name"`, `itemprop="datePublished"` (with its `content`
    /// or `datetime` value, if it has one).
    item_author: bool,
    item_name: bool,
    item_published: bool,
    item_published_value: Option<String>,
    /// A class only screen readers read.
    screen_reader: bool,
}

impl Named {
    fn read(&mut self, words: &ClassWords) {
        self.furniture |= words.furniture;
        self.caption |= words.caption;
        self.picture |= words.picture;
    }
}

fn hash(value: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    value.trim().hash(&mut h);
    h.finish().max(1)
}

fn on_text_chunk(state: &Rc<RefCell<ScanState>>, chunk: &mut TextChunk) -> HandlerResult {
    let mut st = state.borrow_mut();
    let Some(&current) = st.stack.last() else { return Ok(()) };
    if st.opaque_open > 0 {
        return Ok(());
    }
    let text = chunk.as_str();
    let mut chars = 0u32;
    let mut visible = 0u32;
    let mut commas = 0u32;
    let mut sentence = false;
    let mut digit = false;
    let mut previous_space = st.previous_space;
    let mut previous_stop = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !previous_space {
                chars += 1;
            }
            sentence |= previous_stop;
            previous_space = true;
            previous_stop = false;
            continue;
        }
        chars += 1;
        visible += 1;
        digit |= c.is_ascii_digit();
        previous_space = false;
        previous_stop = matches!(c, '.' | '!' | '?');
        commas += matches!(c, ',' | '，' | '、' | '،') as u32;
    }
    st.previous_space = previous_space;
    let in_link = st.links_open > 0;
    let node = &mut st.scan.nodes[current as usize];
    node.text += chars;
    node.commas += commas;
    // Whitespace between the blocks of a container is not text of its own.
    node.own_text += visible;
    node.own_commas += commas;
    node.has_sentence |= sentence;
    node.has_digit |= digit;
    if in_link {
        node.link_text += chars;
    }
    if st.byline_node.is_some() {
        crate::markup::strings::push_capped(&mut st.byline_text, text, 4 * MAX_BYLINE_CHARS);
    }
    if st.h1_node.is_some() {
        crate::markup::strings::push_capped(&mut st.h1_text, text, 2048);
    }
    st.item_author.push(text);
    st.item_name.push(text);
    st.item_published.push(text);
    read_by_text(&mut st, text);
    st.push_near(text);
    Ok(())
}

/// Reads "By Ana Costa" texts, and a lone "By" whose name is the next text.
fn read_by_text(st: &mut ScanState, text: &str) {
    let text = text.trim();
    if text.is_empty() || st.scan.facts.by_text.is_some() {
        return;
    }
    // Most texts start with no lead-in letter: no lower-casing for them.
    let lead_in = matches!(
        text.as_bytes()[0].to_ascii_lowercase(),
        b'a' | b'b' | b'p' | b's' | b't' | b'w'
    );
    if !lead_in && !st.bare_by {
        return;
    }
    const LEAD_INS: [&str; 9] = [
        "by",
        "written by",
        "posted by",
        "article by",
        "story by",
        "words by",
        "text by",
        "author",
        "authors",
    ];
    let lower = text.to_lowercase();
    let bare = lower.trim_end_matches(':').trim_end();
    if LEAD_INS.contains(&bare) {
        st.bare_by = true;
        return;
    }
    let rest = if st.bare_by {
        Some(text)
    } else {
        LEAD_INS.iter().find_map(|lead| {
            let rest = lower.strip_prefix(lead)?;
            let rest = rest.strip_prefix(':').unwrap_or(rest);
            // The lead-in is ASCII, so it is as long in `text` as in `lower` (`get` refuses
            // a cut inside a character all the same).
            rest.starts_with(' ')
                .then(|| text.get(lower.len() - rest.len()..))
                .flatten()
        })
    };
    st.bare_by = false;
    if let Some(name) = rest.and_then(name_words) {
        st.scan.facts.by_text = Some(name);
    }
}

/// Days and months: "By Monday, the council…" names a time, not a writer.
fn is_calendar_word(word: &str) -> bool {
    let word = word
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    crate::markup::dates::is_day_or_month_name(&word)
}

/// Two to five capitalised words at the start of `text` that read as a person's name, up to
/// the first word that does not ("Ana Costa | March 3" → "Ana Costa").
fn name_words(text: &str) -> Option<String> {
    let all: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<&str> = all
        .iter()
        .copied()
        .take_while(|w| {
            let w = w.trim_end_matches(',');
            // A capital: a letter that lower-cases to another (no case table of its own).
            w.chars()
                .next()
                .is_some_and(|c| c.to_lowercase().next().is_some_and(|l| l != c))
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        })
        .take(6)
        .collect();
    // The name is the line: after it comes nothing much, or a separator and a date.
    let after = &all[words.len()..];
    let line_ends = after.len() <= 3
        || after
            .first()
            .is_some_and(|w| matches!(*w, "|" | "·" | "•" | "-" | "–" | "—"));
    let name = words.join(" ");
    let name = name.trim_end_matches(',');
    ((2..=5).contains(&words.len())
        && name.chars().count() <= 60
        && line_ends
        && !words.iter().any(|w| is_calendar_word(w)))
    .then(|| name.to_string())
}

impl Scan {
    /// Adds every element's numbers into its ancestors' (records come parents first).
    fn finish(&mut self) {
        // Text directly in a container, not in a `<p>` (Readability turns it into paragraphs,
        // a pair of `<br>` apart): each such run counts as a paragraph.
        for node in &mut self.nodes {
            if node.kind != Kind::Paragraph && node.text >= 25 {
                let runs = 1 + node.counts.breaks / 2;
                node.counts.paragraphs = node.counts.paragraphs.saturating_add(runs);
            }
        }
        for i in (0..self.nodes.len()).rev() {
            let node = &self.nodes[i];
            let parent = node.parent;
            if parent == NONE {
                continue;
            }
            let (text, link_text, commas, sentence, digit, block, image, counts) = (
                node.text,
                node.link_text,
                node.commas,
                node.has_sentence,
                node.has_digit,
                node.has_block,
                node.has_image,
                node.counts,
            );
            let p = &mut self.nodes[parent as usize];
            p.text += text;
            p.link_text += link_text;
            p.commas += commas;
            p.has_sentence |= sentence;
            p.has_digit |= digit;
            p.has_block |= block;
            p.has_image |= image;
            p.counts.add(counts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_text_links_and_structure() {
        let scan = scan(b"<body><div class=story><p>One, two. Three</p><p><a href=/>Link</a> text</p></div><script>x()</script></body>");
        let kinds: Vec<Kind> = scan.nodes.iter().map(|n| n.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Body,
                Kind::Div,
                Kind::Paragraph,
                Kind::Paragraph,
                Kind::Link,
                Kind::Opaque
            ]
        );
        let div = &scan.nodes[1];
        assert_eq!((div.parent, div.end, div.children), (0, 4, 2));
        assert_eq!(div.text, "One, two. Three".len() as u32 + "Link text".len() as u32);
        assert_eq!((div.link_text, div.commas, div.weight), (4, 1, 25));
        assert!(div.has_block && div.has_sentence);
        assert_eq!(scan.nodes[5].text, 0, "script text is not text");
    }

    #[test]
    fn closes_paragraphs_and_items_html_closes() {
        let scan = scan(b"<div><p>one<div>two</div><ul><li>a<li>b</ul></div>");
        let parents: Vec<u32> = scan.nodes.iter().map(|n| n.parent).collect();
        assert_eq!(parents, [NONE, 0, 0, 0, 3, 3]);
    }

    #[test]
    fn reads_page_facts() {
        let scan = scan(
            br#"<html lang="de" dir="ltr"><head><meta property="og:title" content="T"><link rel="canonical" href="https://x.org/a"></head>
            <body><h1>Head &amp; line</h1><span class="byline">By <a rel="author">Ann</a></span><time datetime="2024-01-02">Jan</time></body></html>"#,
        );
        let f = &scan.facts;
        assert_eq!(f.meta, [("og:title".to_string(), "T".to_string())]);
        assert_eq!(f.canonical.as_deref(), Some("https://x.org/a"));
        assert_eq!((f.lang.as_deref(), f.dir.as_deref()), (Some("de"), Some("ltr")));
        assert_eq!(f.byline.as_deref(), Some("By Ann"));
        assert_eq!(f.h1.as_deref(), Some("Head & line"));
        assert_eq!(f.first_time.as_deref(), Some("2024-01-02"));
    }
}
