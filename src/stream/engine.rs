//! The stream-mode engine: lol_html handlers that apply the rules while the page streams past.
//!
//! One `*` element handler judges every element from its start tag (a table lookup, no
//! selector per rule). Elements whose fate depends on their content are held back
//! ([`crate::stream::hold`]) and decided by an end-tag handler. A few selector handlers read what only
//! text can tell: the `<title>`, JSON-LD blocks, and the visible text of the article container.
//! When the whole document is in memory, the `*` handler reads the title and JSON-LD from it
//! ([`crate::markup::raw_text`]) and those two selectors are left out: each selector costs every
//! element of the page a match.

use crate::filters::{host_of, ElementFacts, FilterSet, PageFilter};
use crate::markup::elements::{closes_paragraph, stays_in_head};
use crate::markup::raw_text;
use crate::markup::source::{self, AttributeView, NameBuffer, Source};
use crate::markup::strings::push_capped;
use crate::markup::strings::readable;
use crate::options::{Category, Options};
use crate::report::{Removal, Report};
use crate::rules::block_text::{self, BlockStats, ScannedChild};
use crate::rules::page_kind::PageKind;
use crate::rules::paywall::{unhidden_style, JsonLdFacts};
use crate::rules::phrases::{self, clip};
use crate::rules::safety;
use crate::rules::{self, Context, Evidence, Reason, StartTag, Verdict};
use crate::stream::hold::{HeldOutput, HoldId};
use crate::stream::ledger::{Ledger, Seq};
use crate::stream::parse_context::{ForeignContent, PLACEHOLDER};
use crate::stream::teaser::TeaserSample;
use lol_html::html_content::{ContentType, Doctype, Element, EndTag, TextChunk, UserData};
use lol_html::{DocumentContentHandlers, ElementContentHandlers, HandlerResult, Selector, Settings};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// Held-back output is capped at this many bytes; a larger block is released undecided (kept).
pub(crate) const HOLD_CAP: usize = 64 * 1024;
/// At most this many holds are open at once (deeper blocks are kept undecided).
const MAX_OPEN_HOLDS: usize = 32;
/// JSON-LD blocks larger than this are skipped.
const MAX_JSON_LD_BYTES: usize = 4 * 1024 * 1024;
/// The `<title>` is read up to this many bytes.
const MAX_TITLE_BYTES: usize = 4096;

const SNIPPET_CHARS: usize = 80;
/// Text kept of a block judged by its text: enough for the longest judged text in most scripts
/// (a block whose text does not fit is not judged by phrases).
const TEXT_SAMPLE_BYTES: usize = 2 * phrases::MAX_JUDGED_TEXT;
/// Characters of prose an article page has shown once its story has been told (a short news
/// story's worth): card grids after it are other stories.
const STORY_PROSE: usize = 1500;
/// Characters of prose an article page has shown once a brief story (a press release, a
/// short notice) has been told: cards that carry dates after it are other stories.
const BRIEF_PROSE: usize = 700;
/// Removed blocks of these categories make the block around them more likely a prompt too.
const PROMPTS: [Category; 3] = [Category::Paywall, Category::Newsletter, Category::Consent];

/// The raw HTML of a `<noscript>` read as a crawler's view of the page is read up to this size.
const MAX_NOSCRIPT_BYTES: usize = 1024 * 1024;

/// Cleans a fragment of HTML as the page is cleaned, for `<noscript>` crawler views. The
/// cleaner gives it, so the engine needs nothing of the stages above it.
pub(crate) type FragmentCleaner = Rc<dyn Fn(&[u8]) -> Vec<u8>>;

/// Marks an element matched by a keep selector (lol_html user data).
struct Kept;

/// How a held block is decided at its end.
#[derive(Clone)]
enum HoldKind {
    /// Drop unless it turns out to hold the article.
    Verify {
        category: Category,
        reason: Reason,
        evidence: Evidence,
    },
    /// Drop when its text is a prompt or a list of links.
    Text,
}

/// Everything the handlers share during one run.
pub(crate) struct State {
    pub out: HeldOutput,
    pub report: Report,
    ledger: Ledger,
    /// Per open hold, the kept blocks already scanned inside it.
    scanned: Vec<(HoldId, Vec<ScannedChild>)>,
    removes: [bool; Category::ALL.len()],
    explain: bool,
    /// Reader mode: `<noscript>` right after an image (the real image of a lazy one) is kept
    /// for reader mode's pass 2, which takes the image out of it.
    keep_image_fallbacks: bool,
    /// Stream mode: screen-reader-only spans go. (Reader mode scores the cleaned page's blocks
    /// with them, as its scorer was tuned: on listings, cards without them lose to other
    /// blocks.)
    drop_screen_reader_spans: bool,
    /// The element before was an image (reader mode only).
    after_image: bool,
    /// The input was decoded from another encoding: `<meta>` charsets must say UTF-8.
    pub transcoded: bool,
    /// Loaded filter lists and what they need to know about this page.
    filters: Option<(Arc<FilterSet>, PageFilter)>,
    keep_depth: u32,
    gated_depth: u32,
    /// Characters of prose kept so far (paragraphs of outermost kept blocks).
    prose_chars: usize,
    /// The texts of kept blocks, by hash, with where the first such block ended (input bytes).
    shown: Shown,
    /// An `<h1>` started: the page's headline is behind, and a sidebar or dialog that starts
    /// now cannot be wrapping it.
    seen_h1: bool,
    /// A start tag that cannot stand in the `<head>` was seen: the body has begun.
    in_body: bool,
    /// Cleans a `<noscript>`'s HTML (absent inside such a cleaning: fragments do not nest).
    pub fragment_cleaner: Option<FragmentCleaner>,
    /// The raw HTML of the body-level `<noscript>` being read (streams only).
    noscript: Option<Vec<u8>>,
    /// Open content containers (`<article>`, `<main>`, `articleBody`, content words): a weak
    /// boilerplate word inside one is kept when its block is prose.
    content_depth: u32,
    /// Open `<article>` elements.
    article_depth: u32,
    /// Open links: a paragraph inside one is a card's summary, not prose.
    link_depth: u32,
    /// Open `<section>` elements (kept ones): a header inside one is the section's.
    section_depth: u32,
    pub facts: JsonLdFacts,
    /// The kind of page the output says so far (on `<body>`, then on markers: see
    /// `mark_kind_change`).
    kind_in_output: PageKind,
    /// The last kind marker, while blocks held around it may still drop it.
    kind_marker_held: Option<HeldKindMarker>,
    /// Stream mode writes kind markers; reader mode, whose article is cut from this output,
    /// knows the kind from the page itself.
    write_kind_markers: bool,
    json_ld: String,
    json_ld_too_large: bool,
    /// The JSON-LD block being read is an HTML `<script>` (the only kind whose text is JSON).
    json_ld_in_html: bool,
    title_raw: Option<String>,
    title_done: bool,
    in_title: bool,
    teaser: Option<TeaserSample>,
    teaser_done: bool,
    /// Paywall prompts removed so far (a teaser with one inside it is gated).
    paywall_prompts: u32,
    /// Held `<p>`s, which the next block start closes (their kind, name and start are in
    /// `open_holds`).
    open_paragraphs: Vec<HoldId>,
    open_holds: Vec<OpenHold>,
    /// Open `<svg>` and `<math>`: removals inside keep the page's parse (parse_context).
    foreign: ForeignContent,
    /// The bytes lol_html is parsing, when the caller handed them over whole (see `source`).
    pub source: Option<Rc<Source<'static>>>,
    /// The whole document comes in one write (`source`): the element handler reads the title
    /// and JSON-LD from it, and no text handler is set for them.
    pub whole_document: bool,
    /// lol_html's lexer stays on for the whole input. Its tag scanner reads between tags and
    /// hands each tag (all are matched, by `*`) over to the lexer and back, which costs more
    /// than lexing throughout (5% fewer instructions, 4-5% faster in Node). But the lexer
    /// holds a comment until its end, where the scanner skips it: in a stream, one longer than
    /// the memory limit would fail. So only for a whole document well within the limit, whose
    /// bytes are all in memory anyway.
    pub lex_throughout: bool,
}

/// A held block whose end has not come yet: decided at the end of the document if it never
/// comes (an unclosed element), so that cleaning the output again changes nothing.
struct OpenHold {
    id: HoldId,
    kind: HoldKind,
    tag: Cow<'static, str>,
    start: usize,
    /// Where the block started: the prose before it, the kind of page so far.
    context: Context,
    /// Decided at the hold cap to go (see `State::decide_at_cap`).
    discarded: bool,
}

pub(crate) type Shared = Rc<RefCell<State>>;

impl State {
    /// Takes a chunk of lol_html's output: to the teaser sample when one is being read, then
    /// through the hold-back buffer to `sink`.
    pub fn output(&mut self, chunk: &[u8], sink: &mut crate::markup::rewriter::Sink<'_>) {
        if let Some(sample) = self.teaser.as_mut() {
            sample.observe_html(chunk);
        }
        if let Some(id) = self.out.outgrown(chunk.len()) {
            self.decide_at_cap(id);
        }
        self.out.write(chunk, sink);
    }

    pub fn new(options: &Options, filters: Option<Arc<FilterSet>>) -> Shared {
        let host = options.url.as_deref().and_then(host_of);
        let mut removes = [true; Category::ALL.len()];
        for category in &options.keep {
            removes[category.index()] = false;
        }
        Rc::new(RefCell::new(State {
            out: HeldOutput::new(HOLD_CAP, MAX_OPEN_HOLDS),
            report: Report::default(),
            ledger: Ledger::default(),
            scanned: Vec::new(),
            removes,
            explain: options.explain,
            keep_image_fallbacks: options.mode == crate::options::Mode::Reader,
            drop_screen_reader_spans: options.mode == crate::options::Mode::Stream,
            after_image: false,
            filters: filters.map(|set| (set, PageFilter::new(host))),
            transcoded: false,
            keep_depth: 0,
            gated_depth: 0,
            content_depth: 0,
            article_depth: 0,
            link_depth: 0,
            section_depth: 0,
            kind_in_output: PageKind::Other,
            kind_marker_held: None,
            write_kind_markers: options.mode == crate::options::Mode::Stream,
            seen_h1: false,
            prose_chars: 0,
            shown: Shown::default(),
            in_body: false,
            fragment_cleaner: None,
            noscript: None,
            facts: JsonLdFacts::default(),
            json_ld: String::new(),
            json_ld_too_large: false,
            json_ld_in_html: false,
            title_raw: None,
            title_done: false,
            in_title: false,
            teaser: None,
            teaser_done: false,
            paywall_prompts: 0,
            open_paragraphs: Vec::new(),
            open_holds: Vec::new(),
            foreign: ForeignContent::default(),
            source: None,
            whole_document: false,
            lex_throughout: false,
        }))
    }

    /// A block of chrome that outgrows the hold cap after the headline is decided on what it
    /// showed so far, instead of being released undecided: a footer, a comment section, or a
    /// menu or hidden block that is mostly links, holding neither the headline, the main content
    /// nor article text, goes whole (what is written until its end goes too).
    fn decide_at_cap(&mut self, id: HoldId) {
        let Some(at_hold) = self.open_holds.iter().position(|h| h.id == id) else {
            return;
        };
        let open = &self.open_holds[at_hold];
        let HoldKind::Verify { category, evidence, .. } = &open.kind else {
            return;
        };
        let (category, evidence) = (*category, *evidence);
        let chrome = (matches!(category, Category::Navigation | Category::Footer | Category::Comments)
            && matches!(evidence, Evidence::Strong | Evidence::Weak))
            || evidence == Evidence::Hidden;
        if !chrome || !open.context.after_h1 || open.discarded {
            return;
        }
        let Some(stats) = self.peek_held(id, block_text::SNIPPET_BYTES) else {
            return;
        };
        // A menu is mostly links: a navigation word around a block of other things this
        // large is more likely a page's wrapper.
        let menu = !matches!(category, Category::Navigation | Category::Hidden) || stats.link_density() >= 0.5;
        if !menu || stats.has_h1 || stats.has_main_content || stats.is_article_like() {
            return;
        }
        self.open_holds[at_hold].discarded = true;
        self.out.discard(id);
        self.forget_scans_from(id);
    }

    /// Where the outermost open block removed under `category` unless it holds content stood
    /// when it started, if one is open.
    fn verifying(&self, category: Category) -> Option<Context> {
        self.open_holds
            .iter()
            .find(|h| matches!(h.kind, HoldKind::Verify { category: c, .. } if c == category))
            .map(|h| h.context)
    }

    fn removes(&self, category: Category) -> bool {
        self.removes[category.index()]
    }

    fn record(
        &mut self,
        category: Category,
        tag: &str,
        reason: &dyn std::fmt::Display,
        bytes: usize,
        snippet: impl FnOnce() -> String,
    ) -> Seq {
        let removal = self.explain.then(|| Removal {
            category,
            tag: tag.to_string(),
            reason: reason.to_string(),
            snippet: snippet(),
        });
        if category == Category::Paywall {
            self.paywall_prompts += 1;
        }
        let seq = self.ledger.record(category, bytes as u64, removal);
        self.settle();
        seq
    }

    /// Moves settled removals into the report.
    fn settle(&mut self) {
        let out = &self.out;
        self.ledger.settle(&mut self.report, |id| out.is_open(id));
    }

    /// Opens a hold for a block, with a ledger checkpoint.
    fn hold(&mut self) -> Option<HoldId> {
        let id = self.out.hold()?;
        self.ledger.open(id);
        self.drop_released_scans();
        self.scanned.push((id, Vec::new()));
        Some(id)
    }

    /// Forgets the scans of holds the buffer released for outgrowing its cap (the outermost).
    fn drop_released_scans(&mut self) {
        let released = self.scanned.iter().take_while(|(h, _)| !self.out.is_open(*h)).count();
        self.scanned.drain(..released);
    }

    /// Scans held block `id` (reusing what was scanned inside it) and forgets the scans of it
    /// and of the blocks inside it. `None` if it was released.
    fn scan_held(&mut self, id: HoldId, text_limit: usize) -> Option<BlockStats> {
        let stats = self.peek_held(id, text_limit);
        self.forget_scans_from(id);
        stats
    }

    /// Scans held block `id` as far as it has come (reusing what was scanned inside it).
    /// `None` if it was released.
    fn peek_held(&self, id: HoldId, text_limit: usize) -> Option<BlockStats> {
        let children = self
            .scanned
            .iter()
            .find(|(h, _)| *h == id)
            .map_or(&[][..], |(_, c)| c.as_slice());
        let (at, held) = self.out.held_at(id)?;
        Some(block_text::scan_with_children(held, at, children, text_limit))
    }

    /// Forgets the scans of block `id` and of the blocks opened after it.
    fn forget_scans_from(&mut self, id: HoldId) {
        if let Some(i) = self.scanned.iter().position(|(h, _)| *h == id) {
            self.scanned.truncate(i);
        }
    }

    /// Where a block starting now stands.
    fn context(&self) -> Context {
        Context {
            in_content: self.content_depth > 0,
            in_article: self.article_depth > 0,
            in_section: self.section_depth > 0 || self.article_depth > 0,
            prose_before: self.prose_chars,
            kind: self.facts.kind.kind(),
            after_h1: self.seen_h1,
        }
    }

    /// Counts the prose of a kept block: a paragraph's text, or the text of a block that holds
    /// its sentences without paragraphs. (A block dropped later around it is not subtracted: the
    /// count errs high, towards the rules for pages whose content has not come yet firing less.)
    fn count_prose(&mut self, tag: &str, stats: &BlockStats) {
        if self.link_depth > 0 || stats.link_density() >= 0.3 {
            return;
        }
        let prose = match tag {
            "p" => stats.text_chars,
            _ if stats.paragraphs == 0 && stats.own_text_chars >= 200 => stats.own_text_chars,
            _ => 0,
        };
        self.prose_chars = self.prose_chars.saturating_add(prose);
    }

    /// Remembers a kept block's stats for the block around it.
    fn keep_scanned(&mut self, id: HoldId, stats: BlockStats) {
        let Some((start, _)) = self.out.held_at(id) else { return };
        let end = self.out.position();
        self.drop_released_scans();
        if let Some((_, children)) = self.scanned.last_mut() {
            children.push(ScannedChild { start, end, stats });
        }
    }

    /// Closes a hold, dropping its bytes (and what was recorded inside it) or keeping them.
    fn finish_hold(&mut self, id: HoldId, drop: bool) {
        self.settle_kind_marker(id, drop);
        self.out.finish(id, drop);
        if self.foreign.hold_finished(id) && drop {
            self.out.push(PLACEHOLDER.as_bytes());
        }
        self.ledger.close(id, drop);
        self.settle();
    }

    /// Follows the kind marker written inside held blocks (see `mark_kind_change`): when one
    /// of them is dropped, the marker goes with it and is written again at the next element.
    fn settle_kind_marker(&mut self, id: HoldId, drop: bool) {
        let Some(marker) = self.kind_marker_held.as_mut() else {
            return;
        };
        let Some(at) = marker.inside.iter().position(|h| *h == id) else {
            return;
        };
        if drop {
            self.kind_in_output = marker.kind_before;
            self.kind_marker_held = None;
        } else {
            marker.inside.swap_remove(at);
            if marker.inside.is_empty() {
                self.kind_marker_held = None;
            }
        }
    }

    /// Called at the end of the document: every hold is released and the title is settled.
    pub fn finish(&mut self, input_len: usize) {
        close_paragraphs(self, input_len);
        // Elements never closed end with the document: decided like the others.
        close_holds(self, 0, input_len);
        self.out.release_all();
        self.settle();
        self.report.page_kind = self.facts.kind.kind();
        if let Some(raw) = self.title_raw.take() {
            let title = readable(&raw);
            self.report.title = (!title.is_empty()).then_some(title);
        }
    }
}

/// The compiled selectors a run needs, built once per [`Cleaner`](crate::Cleaner).
#[derive(Clone)]
pub(crate) struct Selectors {
    pub keep: Vec<Selector>,
    pub remove: Vec<Selector>,
    any: Selector,
    title: Selector,
    json_ld: Selector,
    noscript: Selector,
}

impl Selectors {
    pub fn new(keep: Vec<Selector>, remove: Vec<Selector>) -> Self {
        let fixed = |s: &str| s.parse::<Selector>().expect("built-in selectors are valid");
        Selectors {
            keep,
            remove,
            any: fixed("*"),
            title: fixed("title"),
            json_ld: fixed("script[type*=\"ld+json\" i]"),
            noscript: fixed("noscript"),
        }
    }
}

/// The lol_html settings of one run over `state` (see [`State::whole_document`]).
pub(crate) fn settings<'s>(selectors: &'s Selectors, state: &Shared) -> Settings<'static, 's> {
    let mut settings = Settings::new();
    for selector in &selectors.keep {
        let state = state.clone();
        settings = settings.append_element_content_handler((
            Cow::Borrowed(selector),
            ElementContentHandlers::default().element(move |el: &mut Element| on_keep(&state, el)),
        ));
    }
    // Keep selectors first, then custom removals, then the rules: each skips what an earlier one decided.
    for selector in &selectors.remove {
        let state = state.clone();
        settings = settings.append_element_content_handler((
            Cow::Borrowed(selector),
            ElementContentHandlers::default().element(move |el: &mut Element| on_custom_remove(&state, el)),
        ));
    }
    // `<meta>` is handled by the handler of every element: a selector of its own costs each
    // element a match.
    if !state.borrow().whole_document {
        let (st, st2, st3, st4) = (state.clone(), state.clone(), state.clone(), state.clone());
        settings = settings
            .append_element_content_handler((
                Cow::Borrowed(&selectors.title),
                ElementContentHandlers::default()
                    .element(move |el: &mut Element| on_title(&st, el))
                    .text(move |t: &mut TextChunk| on_title_text(&st2, t)),
            ))
            .append_element_content_handler((
                Cow::Borrowed(&selectors.json_ld),
                ElementContentHandlers::default()
                    .element(move |el: &mut Element| on_json_ld(&st3, el))
                    .text(move |t: &mut TextChunk| on_json_ld_text(&st4, t)),
            ));
    }
    if !state.borrow().whole_document && state.borrow().fragment_cleaner.is_some() {
        let st = state.clone();
        settings = settings.append_element_content_handler((
            Cow::Borrowed(&selectors.noscript),
            ElementContentHandlers::default().text(move |t: &mut TextChunk| on_noscript_text(&st, t)),
        ));
    }
    if state.borrow().lex_throughout {
        // Any document content handler keeps lol_html lexing; a doctype's runs once a page.
        settings = settings
            .append_document_content_handler(DocumentContentHandlers::default().doctype(|_: &mut Doctype| Ok(())));
    }
    let state = state.clone();
    settings.append_element_content_handler((
        Cow::Borrowed(&selectors.any),
        ElementContentHandlers::default().element(move |el: &mut Element| on_element(&state, el)),
    ))
}

fn on_keep(state: &Shared, el: &mut Element) -> HandlerResult {
    el.set_user_data(Kept);
    enter_scope(state, el, |st| &mut st.keep_depth)
}

/// Counts a depth up for the element's content and back down at its end tag (keep selectors,
/// gated article text).
fn enter_scope(state: &Shared, el: &mut Element, depth: fn(&mut State) -> &mut u32) -> HandlerResult {
    if !el.can_have_content() {
        return Ok(());
    }
    *depth(&mut state.borrow_mut()) += 1;
    let state = state.clone();
    el.on_end_tag(Box::new(move |_| {
        let mut st = state.borrow_mut();
        let depth = depth(&mut st);
        *depth = depth.saturating_sub(1);
        Ok(())
    }))?;
    Ok(())
}

fn on_custom_remove(state: &Shared, el: &mut Element) -> HandlerResult {
    if el.removed() || el.user_data().is::<Kept>() || state.borrow().keep_depth > 0 {
        return Ok(());
    }
    let tag = el.tag_name();
    remove_now(state, el, &tag, Category::Custom, Reason::Fixed("custom selector"));
    Ok(())
}

/// Applies the loaded filter lists to an element: one hash lookup per id, class and indexed
/// attribute name, and the open elements kept for rules with ancestors.
fn apply_filters(state: &Shared, el: &mut Element, tag: &str) -> HandlerResult {
    let mut id = None;
    let mut class = None;
    let mut canonical = None;
    let mut indexed_attrs: Vec<(String, String)> = Vec::new();
    {
        let st = state.borrow();
        let Some((set, page)) = st.filters.as_ref() else {
            return Ok(());
        };
        let wants_canonical = tag == "link" && page.host().is_none();
        for attr in el.attributes() {
            let length = attr.name_source_location().map_or(0, |l| l.bytes().len());
            let indexed = set.indexes_attr_len(length);
            if !(matches!(length, 2 | 5) || indexed || (wants_canonical && matches!(length, 3 | 4))) {
                continue;
            }
            let name = attr.name();
            match name.as_str() {
                "id" => id = Some(attr.value()),
                "class" => class = Some(attr.value()),
                "href" if wants_canonical => canonical = Some(attr.value()),
                "rel" if wants_canonical && !attr.value().eq_ignore_ascii_case("canonical") => return Ok(()),
                _ => {}
            }
            if indexed && set.indexes_attr(&name) {
                indexed_attrs.push((name, attr.value()));
            }
        }
    }
    let mut st = state.borrow_mut();
    let removes = st.removes(Category::FilterList);
    let protected = el.removed() || el.user_data().is::<Kept>() || st.keep_depth > 0 || st.gated_depth > 0;
    let Some((set, page)) = st.filters.as_mut() else {
        return Ok(());
    };
    if let Some(host) = canonical.as_deref().and_then(host_of) {
        page.set_host(host);
    }
    if closes_paragraph(tag) {
        page.close_paragraph();
    }
    let facts = ElementFacts {
        tag,
        id: id.as_deref(),
        class: class.as_deref(),
        indexed_attrs: &indexed_attrs,
    };
    let rule = if removes && !protected {
        page.matching_rule(set, &facts, &|name| el.get_attribute(name))
            .map(str::to_string)
    } else {
        None
    };
    let track = set.needs_ancestors() && el.can_have_content();
    if track {
        page.push(tag, id.as_deref(), class.as_deref());
    }
    drop(st);
    if track {
        let state = state.clone();
        el.on_end_tag(Box::new(move |_| {
            if let Some((_, page)) = state.borrow_mut().filters.as_mut() {
                page.pop();
            }
            Ok(())
        }))?;
    }
    if let Some(rule) = rule {
        remove_now(state, el, tag, Category::FilterList, Reason::Text(rule));
    }
    Ok(())
}

/// Whether a `<meta>` declares an encoding other than the output's UTF-8.
fn declares_other_encoding(el: &Element) -> bool {
    if !el.has_attribute("charset") && !el.has_attribute("http-equiv") {
        return false;
    }
    let (charset, equiv, content) = (
        el.get_attribute("charset"),
        el.get_attribute("http-equiv"),
        el.get_attribute("content"),
    );
    crate::decode::charset::declares_other_than_utf8(charset.as_deref(), equiv.as_deref(), content.as_deref())
}

/// A page decoded to UTF-8 must say so: `<meta charset>` and the Content-Type `<meta>` are corrected.
fn declare_utf8(el: &mut Element) {
    if el.has_attribute("charset") {
        let _ = el.set_attribute("charset", "utf-8");
    } else if el
        .get_attribute("http-equiv")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("content-type"))
    {
        let _ = el.set_attribute("content", "text/html; charset=utf-8");
    }
}

/// Whether `el` is the page's title: the first `<title>` with content outside `<svg>` and
/// `<math>` (whose titles name an icon or a formula; lol_html gives them the HTML namespace).
fn is_page_title(st: &State, el: &Element) -> bool {
    !st.title_done && el.can_have_content() && !st.foreign.is_open()
}

/// The first `<title>` is read whole, however its text arrives: its end tag ends the reading.
fn on_title(state: &Shared, el: &mut Element) -> HandlerResult {
    if !is_page_title(&state.borrow(), el) {
        return Ok(());
    }
    state.borrow_mut().in_title = true;
    let state = state.clone();
    el.on_end_tag(Box::new(move |_| {
        let mut st = state.borrow_mut();
        st.in_title = false;
        st.title_done = true;
        Ok(())
    }))?;
    Ok(())
}

fn on_title_text(state: &Shared, text: &mut TextChunk) -> HandlerResult {
    let mut st = state.borrow_mut();
    if st.title_done || !st.in_title {
        return Ok(());
    }
    let raw = st.title_raw.get_or_insert_with(String::new);
    push_capped(raw, text.as_str(), MAX_TITLE_BYTES);
    Ok(())
}

/// Whether a `<script>` holds JSON-LD, by its `type` (as the JSON-LD selector matches it).
fn is_json_ld(type_attribute: &str) -> bool {
    type_attribute.to_ascii_lowercase().contains("ld+json")
}

fn on_json_ld(state: &Shared, el: &mut Element) -> HandlerResult {
    state.borrow_mut().json_ld_in_html = el.namespace_uri() == safety::HTML;
    Ok(())
}

fn on_json_ld_text(state: &Shared, text: &mut TextChunk) -> HandlerResult {
    let mut st = state.borrow_mut();
    // An SVG `<script>`'s text is markup, not JSON: only HTML ones are read.
    if st.json_ld_in_html {
        // A block over the limit is skipped whole (whatever its chunks), so any chunking reads the same.
        if st.json_ld.len() + text.as_str().len() <= MAX_JSON_LD_BYTES {
            st.json_ld.push_str(text.as_str());
        } else {
            st.json_ld_too_large = true;
        }
    }
    if text.last_in_text_node() {
        let json = std::mem::take(&mut st.json_ld);
        if !std::mem::take(&mut st.json_ld_too_large) {
            st.facts.read(&json);
        }
    }
    if st.removes(Category::NonContent) {
        text.remove();
    }
    Ok(())
}

/// What the title and JSON-LD handlers read, read from the whole document instead (see
/// [`State::whole_document`]).
fn read_raw_text(state: &Shared, el: &Element, tag: &str, source: &Source<'_>) {
    let mut st = state.borrow_mut();
    if tag == "title" && is_page_title(&st, el) {
        let text = source.raw_text_after(el.source_location(), |t| raw_text::rcdata_len(t, b"title"));
        let raw = st.title_raw.get_or_insert_with(String::new);
        push_capped(raw, &String::from_utf8_lossy(text.unwrap_or_default()), MAX_TITLE_BYTES);
        st.title_done = true;
    } else if tag == "script"
        && el.namespace_uri() == safety::HTML
        && el.get_attribute("type").is_some_and(|t| is_json_ld(&t))
    {
        let text = source.raw_text_after(el.source_location(), raw_text::script_len);
        if let Some(json) = text.filter(|t| t.len() <= MAX_JSON_LD_BYTES) {
            st.facts.read(&String::from_utf8_lossy(json));
        }
    }
}

/// The attributes the rules read, gathered in the safety pass over the element's attributes
/// (lol_html's `get_attribute` allocates and scans on every call).
#[derive(Default)]
struct Attributes<'a> {
    class: Option<Cow<'a, str>>,
    id: Option<Cow<'a, str>>,
    role: Option<Cow<'a, str>>,
    style: Option<Cow<'a, str>>,
    itemprop: Option<Cow<'a, str>>,
    src_or_type: Option<Cow<'a, str>>,
    amp_section: Option<Cow<'a, str>>,
    /// Microdata `itemtype`: the schema.org type of the item.
    itemtype: Option<Cow<'a, str>>,
    /// `data-page-kind`, which stream mode writes on `<body>` and on a `<meta>` where the kind
    /// changed in the body.
    page_kind: Option<Cow<'a, str>>,
    /// A `<meta>`'s `property` and `content` (for `og:type`).
    property: Option<Cow<'a, str>>,
    content: Option<Cow<'a, str>>,
    hidden: bool,
    aria_hidden: bool,
    labelled: bool,
    modal: bool,
    amp_action: bool,
    /// An `<a>` to a place on the page (`href="#…"`).
    in_page_link: bool,
}

impl<'a> Attributes<'a> {
    fn read(&mut self, tag: &str, name: &str, attr: &AttributeView<'_, 'a>) {
        match name {
            "class" => self.class = Some(attr.value()),
            "id" => self.id = Some(attr.value()),
            "role" => self.role = Some(attr.value()),
            "style" => self.style = Some(attr.value()),
            "itemprop" => self.itemprop = Some(attr.value()),
            "itemtype" => self.itemtype = Some(attr.value()),
            "data-page-kind" if tag == "body" || tag == "meta" => self.page_kind = Some(attr.value()),
            "property" if tag == "meta" => self.property = Some(attr.value()),
            "content" if tag == "meta" => self.content = Some(attr.value()),
            "hidden" => self.hidden = true,
            "aria-hidden" => self.aria_hidden = attr.value().trim().eq_ignore_ascii_case("true"),
            "aria-labelledby" => self.labelled = true,
            "aria-modal" => self.modal = attr.value().trim().eq_ignore_ascii_case("true"),
            "subscriptions-section" => self.amp_section = Some(attr.value()),
            "subscriptions-action" | "subscriptions-dialog" => self.amp_action = true,
            "src" if tag == "iframe" => self.src_or_type = Some(attr.value()),
            "type" if tag == "script" || tag == "input" => self.src_or_type = Some(attr.value()),
            "href" if tag == "a" => self.in_page_link = attr.value().trim_start().starts_with('#'),
            _ => {}
        }
    }
}

fn on_element(state: &Shared, el: &mut Element) -> HandlerResult {
    judge_element(state, el)?;
    if !el.removed() {
        mark_kind_change(state, el);
    }
    Ok(())
}

/// Reads what an element says and decides what becomes of it (see the rules).
fn judge_element(state: &Shared, el: &mut Element) -> HandlerResult {
    // The bytes of the current write, to read names and values from (see `source`).
    let (source, whole_document) = {
        let st = state.borrow();
        (st.source.clone(), st.whole_document)
    };
    if !whole_document && el.removed() {
        return Ok(());
    }
    let mut name_buffer = NameBuffer::default();
    let tag = source::tag_name(el, source.as_deref(), &mut name_buffer);
    if let Some(source) = source.as_deref().filter(|_| whole_document) {
        // As the title and JSON-LD handlers would, whatever else happens to the element.
        read_raw_text(state, el, &tag, source);
    }
    if el.removed() {
        return Ok(());
    }
    if tag == "meta" && (state.borrow().transcoded || declares_other_encoding(el)) {
        declare_utf8(el);
    }
    if ForeignContent::is_root(&tag, el.namespace_uri()) {
        enter_foreign_content(state, el)?;
    }
    if !state.borrow().in_body && !stays_in_head(&tag) && tag != "html" {
        state.borrow_mut().in_body = true;
    }
    if tag == "body" {
        state.borrow_mut().shown.in_page = true;
    }
    // Safety first, whatever the options keep (reader mode's image fallbacks are rebuilt clean).
    let image_fallback = tag == "noscript" && state.borrow().after_image;
    if tag == "noscript" && !image_fallback && read_crawler_view(state, el, source.as_deref())? {
        return Ok(());
    }
    if !image_fallback && safety::is_unsafe_element(&tag, el.namespace_uri()) {
        remove_now(
            state,
            el,
            &tag,
            Category::NonContent,
            Reason::Fixed("runs or embeds code"),
        );
        return Ok(());
    }
    let mut attrs = Attributes::default();
    let inert = rules::is_inert(&tag, el.namespace_uri());
    // The page's publication date in microdata, on any element, kept or not (a header's
    // `<time itemprop="datePublished">` is the article's date even where the header goes).
    // Looked for only until it is found: this runs on every element.
    let want_date = state.borrow().facts.item_published.is_none();
    let mut date = (false, None);
    let mut comment = false;
    let mut screen_reader_only = false;
    let verdict = safety::sanitize(el, &tag, source.as_deref(), |name, attr| {
        match name {
            "itemprop" => {
                let value = attr.value();
                let mut props = value.split_ascii_whitespace();
                if want_date {
                    date.0 = props.clone().any(|p| p == "datePublished");
                }
                comment = props.any(|p| p == "comment");
            }
            // Inert elements' attributes are not read below; text only screen readers read
            // is mostly in them (a price's "Sale price", a link's "opens in a new window").
            "class" if inert => {
                screen_reader_only = rules::has_screen_reader_class(&attr.value());
            }
            "datetime" | "content" if want_date => date.1 = Some(attr.value()),
            _ => {}
        }
        if !inert {
            attrs.read(&tag, name, attr);
        }
    });
    if let (true, Some(value)) = date {
        if !value.trim().is_empty() {
            state.borrow_mut().facts.item_published = Some(value.trim().to_string());
        }
    }
    if let safety::Verdict::RemoveElement(reason) = verdict {
        remove_now(state, el, &tag, Category::NonContent, Reason::Fixed(reason));
        return Ok(());
    }
    if el.user_data().is::<Kept>() {
        return Ok(());
    }
    if state.borrow().filters.is_some() {
        apply_filters(state, el, &tag)?;
        if el.removed() {
            return Ok(());
        }
    }
    if state.borrow().keep_image_fallbacks {
        let mut st = state.borrow_mut();
        let after_image = std::mem::replace(&mut st.after_image, tag == "img");
        if tag == "noscript" && after_image {
            return Ok(());
        }
    }
    if comment && state.borrow().facts.kind.is_question_page() && state.borrow().removes(Category::Comments) {
        // On a Q&A page the question and its answers are the content; the comments marked up
        // under each (schema.org's `comment` of a `Question` or an `Answer`) are remarks on
        // them, as a forum's replies are not (those are a thread's `comment`s: posts).
        remove_now(
            state,
            el,
            &tag,
            Category::Comments,
            Reason::Fixed("a comment under a question or answer"),
        );
        return Ok(());
    }
    if screen_reader_only && inert_text_hidden(state) {
        return hold(
            state,
            el,
            &tag,
            HoldKind::Verify {
                category: Category::Hidden,
                reason: Reason::Fixed("screen-reader-only class"),
                evidence: Evidence::ScreenReaderText,
            },
        );
    }
    if inert {
        return Ok(());
    }
    read_page_kind(state, el, &tag, &attrs);
    let info = StartTag {
        tag: &tag,
        class: attrs.class.as_deref(),
        id: attrs.id.as_deref(),
        role: attrs.role.as_deref(),
        style: attrs.style.as_deref(),
        hidden: attrs.hidden,
        aria_hidden: attrs.aria_hidden,
        labelled: attrs.labelled,
        modal: attrs.modal,
        itemprop: attrs.itemprop.as_deref(),
        src_or_type: attrs.src_or_type.as_deref(),
        in_page_link: attrs.in_page_link,
        amp_section: attrs.amp_section.as_deref(),
        amp_action: attrs.amp_action,
    };
    let (kept, gated) = {
        let st = state.borrow();
        let gated = st.facts.gated.iter().any(|s| s.matches(&tag, info.class, info.id));
        (st.keep_depth > 0, gated)
    };
    if kept {
        return Ok(());
    }
    if gated {
        unhide(el, info.style);
        enter_scope(state, el, |st| &mut st.gated_depth)?;
        start_teaser(state, el)?;
        return Ok(());
    }
    if tag == "script" && info.src_or_type.is_some_and(is_json_ld) {
        // Its text is read (and removed) by the JSON-LD handler, which needs the element alive.
        if state.borrow().removes(Category::NonContent) {
            let len = el.source_location().bytes().len();
            state
                .borrow_mut()
                .record(Category::NonContent, &tag, &"<script> (JSON-LD)", len, || {
                    "JSON-LD".into()
                });
            el.remove_and_keep_content();
        }
        return Ok(());
    }
    if tag == "h1" {
        // A dialog's `<h1>` is its own title, not the page's headline (see `Evidence::Dialog`).
        let mut st = state.borrow_mut();
        let in_dialog = st.open_holds.iter().any(|h| {
            matches!(
                h.kind,
                HoldKind::Verify {
                    evidence: Evidence::Dialog,
                    ..
                }
            )
        });
        st.seen_h1 |= !in_dialog;
    }
    let mut verdict = rules::classify(&info);
    if let Verdict::Verify {
        category,
        reason,
        evidence: Evidence::Structural | Evidence::Dialog,
    } = &verdict
    {
        if state.borrow().seen_h1 {
            // After the headline a sidebar or a dialog is one: it could only be kept for wrapping it.
            verdict = Verdict::Remove {
                category: *category,
                reason: reason.clone(),
            };
        }
    }
    if verdict == Verdict::Pass {
        let st = state.borrow();
        if st.seen_h1 && st.facts.kind.kind() == PageKind::Product {
            if let Some(reviews) = rules::is_review_widget(&info) {
                verdict = reviews;
            }
        }
        // On a page its structured data calls a story, after the story and outside its
        // `<article>`: the business's testimonials are not the story. (`og:type` alone does not
        // do: site plugins give "article" to every page, a course's or a product's too, where
        // the testimonials may be what the page shows.)
        let after_story = st.seen_h1
            && st.facts.kind.kind() == PageKind::Article
            && st.facts.kind.schema_says_article()
            && st.prose_chars >= STORY_PROSE
            && st.article_depth == 0;
        if after_story {
            if let Some(testimonials) = rules::is_testimonials(&info) {
                verdict = testimonials;
            }
        }
    }
    if tag == "header" && state.borrow().article_depth > 0 {
        if let Verdict::Verify { evidence, .. } = &mut verdict {
            // Inside an `<article>`, a `<header>` may be that article's own (see
            // `Evidence::ArticleHeader`).
            *evidence = Evidence::ArticleHeader;
        }
    }
    if verdict.category() == Some(Category::Comments) && state.borrow().facts.kind.is_thread() {
        // On a forum thread or a Q&A page the posts and answers are the content.
        verdict = Verdict::Pass;
    }
    if closes_paragraph(&tag) {
        let mut st = state.borrow_mut();
        if !st.open_paragraphs.is_empty() {
            close_paragraphs(&mut st, el.source_location().bytes().start);
        }
    }
    let gated_context = state.borrow().gated_depth > 0;
    if gated_context && info.style.is_some() {
        // Gated text is often blurred or faded rather than hidden.
        unhide(el, info.style);
    }
    match verdict {
        Verdict::Verify {
            category: Category::Hidden,
            ..
        } if gated_context => unhide(el, info.style),
        Verdict::Remove { category, reason } if state.borrow().removes(category) => {
            remove_now(state, el, &tag, category, reason);
        }
        Verdict::Verify {
            category,
            reason,
            evidence,
        } if state.borrow().removes(category) => {
            // A block of the same kind inside one being verified may be decided with it, on all
            // its text. Other words stay decided one by one: a header's byline row goes even
            // when the header around it is kept.
            let nested = {
                let st = state.borrow();
                let outer = st.verifying(category);
                match category {
                    // Page builders wrap every component in widget areas, many levels deep.
                    Category::Sidebar => evidence == Evidence::Weak && outer.is_some(),
                    // A thread's posts sit in its comments container, each named a comment:
                    // where the container may be the thread (see `holds_article`), they are
                    // decided with it. (Elsewhere each comment goes on its own: a comment
                    // section larger than the hold cap is kept undecided, its comments not.)
                    Category::Comments => outer.is_some_and(|outer| outer.before_content()),
                    _ => false,
                }
            };
            if nested {
                if rules::is_text_checked(&tag) {
                    hold(state, el, &tag, HoldKind::Text)?;
                }
            } else {
                hold(
                    state,
                    el,
                    &tag,
                    HoldKind::Verify {
                        category,
                        reason,
                        evidence,
                    },
                )?;
            }
        }
        Verdict::Unwrap => {
            keep_parse_context(state, el);
            el.remove_and_keep_content();
            if tag == "form" && state.borrow().removes(Category::NonContent) {
                // Its controls go; what is left of a form (labels, help texts, consent lines)
                // goes with it unless it holds the page's content (a form around the page).
                hold(
                    state,
                    el,
                    &tag,
                    HoldKind::Verify {
                        category: Category::NonContent,
                        reason: Reason::Fixed("<form>"),
                        evidence: Evidence::Weak,
                    },
                )?;
            }
        }
        Verdict::Content => {
            enter_scope(state, el, |st| &mut st.content_depth)?;
            if tag == "article" {
                enter_scope(state, el, |st| &mut st.article_depth)?;
            }
            if tag == "article" || info.itemprop.is_some() || info.amp_section.is_some() {
                start_teaser(state, el)?;
            }
        }
        Verdict::Pass if rules::is_text_checked(&tag) => {
            if tag == "section" {
                enter_scope(state, el, |st| &mut st.section_depth)?;
            }
            hold(state, el, &tag, HoldKind::Text)?
        }
        Verdict::Pass if tag == "a" => {
            enter_scope(state, el, |st| &mut st.link_depth)?;
            if info.in_page_link {
                // "Skip to main content", "Back to top": judged by its text (`rules::labels`).
                hold(state, el, &tag, HoldKind::Text)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// A body-level `<noscript>`: an application page's view for crawlers and readers without
/// scripts, which on a forum built as an application holds the whole thread. Its HTML is
/// cleaned as the page is, and comes out in its place when it is the page's content (prose,
/// not a "please enable JavaScript" note or a tracking pixel); otherwise the element goes like
/// any `<noscript>`. Returns whether the element was dealt with.
fn read_crawler_view(
    state: &Shared,
    el: &mut Element,
    source: Option<&Source<'_>>,
) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    let (eligible, whole_document) = {
        let st = state.borrow();
        (
            // An HTML `<noscript>` only: in `<svg>` or `<math>` it is an ordinary element whose
            // content the parser reads as markup, not raw text.
            st.in_body
                && st.fragment_cleaner.is_some()
                && st.removes(Category::NonContent)
                && el.namespace_uri() == safety::HTML
                && !st.foreign.is_open(),
            st.whole_document,
        )
    };
    if !eligible || !el.can_have_content() {
        return Ok(false);
    }
    if whole_document {
        let rest = source.and_then(|s| s.raw_text_after(el.source_location(), <[u8]>::len));
        let Some(rest) = rest else {
            return Ok(false);
        };
        // Only a closed one: a stream never sees the end of an unclosed one either.
        let len = raw_text::rcdata_len(rest, b"noscript");
        if len == rest.len() {
            return Ok(false);
        }
        let raw = &rest[..len];
        let view = (raw.len() <= MAX_NOSCRIPT_BYTES)
            .then(|| crawler_view(state, raw))
            .flatten();
        if let Some(html) = view {
            el.before(&String::from_utf8_lossy(&html), ContentType::Html);
        }
        remove_now(
            state,
            el,
            "noscript",
            Category::NonContent,
            Reason::Fixed("runs or embeds code"),
        );
        return Ok(true);
    }
    // In a stream its text comes in chunks (the noscript text handler reads and removes them).
    state.borrow_mut().noscript = Some(Vec::new());
    remove_counted(
        state,
        el,
        "noscript",
        Category::NonContent,
        Reason::Fixed("runs or embeds code"),
        Removed::Tags,
        |state, end| {
            let raw = state.borrow_mut().noscript.take();
            if let Some(html) = raw.and_then(|raw| crawler_view(state, &raw)) {
                end.before(&String::from_utf8_lossy(&html), ContentType::Html);
            }
        },
    );
    Ok(true)
}

/// Reads (and removes) the text of a `<noscript>` being read as a crawler view.
fn on_noscript_text(state: &Shared, text: &mut TextChunk) -> HandlerResult {
    let mut st = state.borrow_mut();
    if let Some(raw) = st.noscript.as_mut() {
        if raw.len() + text.as_str().len() <= MAX_NOSCRIPT_BYTES {
            raw.extend_from_slice(text.as_str().as_bytes());
        } else {
            // Too large to be read whole: not read at all, whatever the chunks.
            raw.clear();
            raw.push(0);
        }
        text.remove();
    }
    Ok(())
}

/// The cleaned HTML of a `<noscript>`'s raw HTML, when it reads as the page's content.
fn crawler_view(state: &Shared, raw: &[u8]) -> Option<Vec<u8>> {
    if raw.len() < 500 || raw.contains(&0) {
        return None;
    }
    let (cleaner, shown) = {
        let st = state.borrow();
        (st.fragment_cleaner.clone()?, st.prose_chars)
    };
    let html = cleaner(raw);
    let stats = block_text::scan_with_children(&html, 0, &[], block_text::SNIPPET_BYTES);
    // A page that has shown half as much prose as the view holds has shown its content: the
    // view is a copy of it (a server-rendered article repeated for crawlers), not the content
    // an application's shell left out.
    let copy = shown.saturating_mul(2) >= stats.text_chars;
    let content = stats.text_chars >= 500 && stats.paragraphs >= 2 && stats.link_density() < 0.5 && !copy;
    if content {
        // Shown now, as its paragraphs will be when the output is cleaned again: a second
        // view that repeats it is a copy.
        state.borrow_mut().prose_chars += stats.text_chars;
    }
    content.then_some(html)
}

/// Whether an inert element hidden from readers (a screen-reader-only span) goes: not inside
/// gated article text (which is unhidden) nor a block kept whole.
fn inert_text_hidden(state: &Shared) -> bool {
    let st = state.borrow();
    st.drop_screen_reader_spans && st.removes(Category::Hidden) && st.gated_depth == 0 && st.keep_depth == 0
}

/// Writes where the page's kind changed in its body (JSON-LD or microdata there said more
/// than the `<head>` did) as `<meta data-page-kind="…">`, as `<body>` carries what the head
/// said: the output, cleaned again, changes its judgement where the page did, although the
/// JSON-LD that said so is gone; in a fragment, which has no `<body>`, it says the kind the
/// JSON-LD at its start gave. Written before the first element after the change that is not
/// removed outright (what goes takes what was written before it along), once the element has
/// said what it says (a whole document's JSON-LD is read at its start tag, a stream's at its
/// end), so that a stream cut anywhere writes it in the same place. Inside a held block that
/// is then dropped it goes too, and is written again before the next element.
fn mark_kind_change(state: &Shared, el: &mut Element) {
    let mut st = state.borrow_mut();
    // In the head, the kind goes on `<body>`; `<body>` and a marker an earlier cleaning wrote
    // set `kind_in_output` themselves (see `read_page_kind`).
    if !st.write_kind_markers || !st.in_body {
        return;
    }
    let kind = st.facts.kind.kind();
    if kind == st.kind_in_output {
        return;
    }
    el.before(&format!("<meta data-page-kind=\"{}\">", kind.name()), ContentType::Html);
    // A marker still held says what the output said before it, not this one.
    let kind_before = st
        .kind_marker_held
        .as_ref()
        .map_or(st.kind_in_output, |held| held.kind_before);
    let inside: Vec<HoldId> = st.open_holds.iter().map(|h| h.id).collect();
    st.kind_marker_held = (!inside.is_empty()).then_some(HeldKindMarker { kind_before, inside });
    st.kind_in_output = kind;
}

/// A kind marker written inside held blocks, which may yet drop it.
struct HeldKindMarker {
    /// What the output said before it.
    kind_before: PageKind,
    /// The blocks held around it that are still open.
    inside: Vec<HoldId>,
}

/// What an element says of the kind of page: a microdata type, an `og:type`.
fn read_page_kind(state: &Shared, el: &mut Element, tag: &str, attrs: &Attributes<'_>) {
    if tag == "body" {
        let mut st = state.borrow_mut();
        if let Some(kind) = attrs.page_kind.as_deref() {
            st.facts.kind.declared(kind);
        }
        // What the head said of the page (its JSON-LD goes) stays on the body, so that the
        // output, cleaned again, is judged as the page was.
        let kind = st.facts.kind.kind();
        if kind != PageKind::Other {
            let _ = el.set_attribute("data-page-kind", kind.name());
        }
        st.kind_in_output = kind;
    }
    if let (true, Some(kind)) = (tag == "meta", attrs.page_kind.as_deref()) {
        // Where an earlier cleaning saw the kind change (see `mark_kind_change`): the output
        // says so already.
        let mut st = state.borrow_mut();
        st.facts.kind.declared(kind);
        st.kind_in_output = st.facts.kind.kind();
    }
    if let Some(types) = attrs.itemtype.as_deref() {
        state.borrow_mut().facts.kind.schema_types(types);
    }
    if tag == "meta"
        && attrs
            .property
            .as_deref()
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("og:type"))
    {
        if let Some(content) = attrs.content.as_deref() {
            state.borrow_mut().facts.kind.og_type(content);
        }
    }
}

fn remove_now(state: &Shared, el: &mut Element, tag: &str, category: Category, reason: Reason) {
    remove_counted(state, el, tag, category, reason, Removed::Whole, |_, _| {});
}

/// What of a removed element goes at once.
enum Removed {
    /// The element with its content.
    Whole,
    /// Its tags: its text is removed by a text handler (a `<noscript>` read as a crawler view).
    Tags,
}

/// Removes `el`, recorded under `category`; the bytes of its content and end tag are counted
/// once they are known, at its end tag, where `at_end` runs too.
fn remove_counted(
    state: &Shared,
    el: &mut Element,
    tag: &str,
    category: Category,
    reason: Reason,
    removed: Removed,
    at_end: impl FnOnce(&Shared, &mut EndTag) + 'static,
) {
    keep_parse_context(state, el);
    let start = el.source_location().bytes();
    let seq = state
        .borrow_mut()
        .record(category, tag, &reason, start.len(), || start_tag_snippet(el, tag));
    match removed {
        Removed::Whole => el.remove(),
        Removed::Tags => el.remove_and_keep_content(),
    }
    if el.can_have_content() {
        let state = state.clone();
        let start_tag_end = start.end;
        let _ = el.on_end_tag(Box::new(move |end: &mut EndTag| {
            let bytes = end.source_location().bytes().end.saturating_sub(start_tag_end) as u64;
            {
                let st = &mut *state.borrow_mut();
                st.ledger.add_bytes(seq, category, bytes, &mut st.report);
            }
            at_end(&state, end);
            Ok(())
        }));
    }
}

/// Counts an `<svg>` or `<math>` open until its end tag.
fn enter_foreign_content(state: &Shared, el: &mut Element) -> HandlerResult {
    if !el.can_have_content() {
        return Ok(());
    }
    state.borrow_mut().foreign.enter();
    let state = state.clone();
    el.on_end_tag(Box::new(move |_| {
        state.borrow_mut().foreign.leave();
        Ok(())
    }))
}

/// An HTML element removed inside foreign content leaves a placeholder (parse_context).
fn keep_parse_context(state: &Shared, el: &mut Element) {
    if state.borrow().foreign.needs_placeholder(el.namespace_uri()) {
        el.before(PLACEHOLDER, ContentType::Html);
    }
}

fn hold(state: &Shared, el: &mut Element, tag: &str, kind: HoldKind) -> HandlerResult {
    if !el.can_have_content() {
        return Ok(());
    }
    let Some(id) = state.borrow_mut().hold() else {
        return Ok(());
    };
    let start = el.source_location().bytes().start;
    {
        let mut st = state.borrow_mut();
        if st.foreign.needs_placeholder(el.namespace_uri()) {
            st.foreign.hold_started(id);
        }
        if tag == "p" {
            st.open_paragraphs.push(id);
        }
        let context = st.context();
        st.open_holds.push(OpenHold {
            id,
            kind,
            tag: tag_name(tag),
            start,
            context,
            discarded: false,
        });
    }
    let state = state.clone();
    el.on_end_tag(Box::new(move |end: &mut EndTag| {
        decide_at_end(&state, id, end);
        Ok(())
    }))?;
    Ok(())
}

/// A held element's name: the common ones without allocating.
fn tag_name(tag: &str) -> Cow<'static, str> {
    const COMMON: [&str; 12] = [
        "div", "section", "p", "ul", "ol", "h2", "h3", "h4", "h5", "h6", "small", "aside",
    ];
    match COMMON.iter().find(|&&name| name == tag) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(tag.to_string()),
    }
}

/// Decides a held block at its end tag. lol_html hands a block the end tag that closed it,
/// which is an ancestor's when the block was closed implicitly: only its own is removed.
fn decide_at_end(state: &Shared, id: HoldId, end: &mut EndTag) {
    // The end tag's own span, counted in the report; its name (which lol_html allocates) is
    // only read when the block goes.
    let end_at = end.source_location().bytes().end;
    let mut st = state.borrow_mut();
    let Some(at) = st.open_holds.iter().rposition(|h| h.id == id) else {
        // Decided already (a paragraph that the next block closed).
        st.finish_hold(id, false);
        return;
    };
    let open = st.open_holds.remove(at);
    let dropped = decide(&mut st, &open, end_at);
    drop(st);
    if dropped && end.name() == open.tag {
        end.remove();
    }
}

/// Decides a held block that ends at input byte `end_at`; returns whether it was dropped.
fn decide(st: &mut State, open: &OpenHold, end_at: usize) -> bool {
    let (id, kind, tag, start) = (open.id, &open.kind, &open.tag, open.start);
    let text_limit = match kind {
        HoldKind::Verify { .. } => block_text::SNIPPET_BYTES,
        HoldKind::Text => TEXT_SAMPLE_BYTES,
    };
    if open.discarded {
        st.finish_hold(id, true);
        if let HoldKind::Verify { category, reason, .. } = kind {
            st.record(*category, tag, reason, end_at.saturating_sub(start), || {
                "(decided at the hold cap)".to_string()
            });
        }
        return true;
    }
    let Some(stats) = st.scan_held(id, text_limit) else {
        // Released undecided (it outgrew the cap): kept.
        st.finish_hold(id, false);
        return false;
    };
    let verdict = match kind {
        HoldKind::Verify {
            category,
            reason,
            evidence,
        } => {
            // An article's header with a prompt removed inside it ("Already a subscriber?") is
            // the prompt's box.
            let prompt_box = *evidence == Evidence::ArticleHeader && st.ledger.recorded_inside(id, &PROMPTS) > 0;
            (prompt_box || !rules::holds_article(&stats, *category, *evidence, open.context))
                .then(|| (*category, reason.clone()))
        }
        // A wrapper around a single kept block, with no text of its own and nothing removed
        // inside, says what that block said: kept.
        HoldKind::Text if stats.children == 1 && stats.own_text_chars == 0 && !st.ledger.anything_inside(id) => None,
        // The page's headline or main content is never a prompt, however few words it has.
        HoldKind::Text if stats.has_h1 || stats.has_main_content => None,
        // A link within the page is held only for its label ("Skip to main content"); its
        // other words are judged with the block around it.
        HoldKind::Text if &**tag == "a" => control_label(st, &stats),
        HoldKind::Text => {
            // Judged by phrases when short, and only on its whole text.
            let whole = stats.text.len() < TEXT_SAMPLE_BYTES;
            let judged = (whole && stats.text_chars > 0 && stats.text_chars <= phrases::MAX_JUDGED_TEXT)
                .then(|| phrases::judge(&stats.text, st.ledger.recorded_inside(id, &PROMPTS)))
                .flatten();
            control_label(st, &stats)
                .or_else(|| judged.map(|v| (v.category, Reason::Text(v.reason))))
                .or_else(|| {
                    // On a thread (or a page that does not say what it is, as most forum
                    // software does not), the figures printed with each post about its poster.
                    let thread = matches!(open.context.kind, PageKind::Forum | PageKind::Other);
                    (thread && rules::poster::is_poster_details(&stats))
                        .then_some((Category::Sidebar, Reason::Fixed("a poster's details")))
                })
                .or_else(|| {
                    rules::rail::is_named_rail(&stats)
                        .map(|heading| (Category::Related, Reason::Text(format!("rail headed \"{heading}\""))))
                })
                .or_else(|| {
                    // A grid of item cards its heading names is a rail of other items, however
                    // much text its cards hold (on a listing page it may be the listing).
                    let kind = open.context.kind;
                    (kind != PageKind::Listing)
                        .then(|| rules::rail::is_named_card_rail(&stats))
                        .flatten()
                        .map(|heading| {
                            (
                                Category::Related,
                                Reason::Text(format!("card rail headed \"{heading}\"")),
                            )
                        })
                })
                .or_else(|| {
                    // On a product page, a grid of item cards after the product's headline and
                    // description shows other products.
                    let after_product = open.context.kind == PageKind::Product
                        && open.context.after_h1
                        && !open.context.before_content();
                    (after_product && stats.is_card_grid() && !stats.is_article_like())
                        .then_some((Category::Related, Reason::Fixed("cards of other products")))
                })
                .or_else(|| {
                    // On an article page, after the story and outside its `<article>`: a grid of
                    // story cards shows other stories, and so does a run of links headed as news
                    // sites head them ("More in Travel", "Trending"). Cards that carry dates say
                    // so themselves: after even a brief story they are other stories.
                    let outside_story =
                        open.context.kind == PageKind::Article && open.context.after_h1 && !open.context.in_article;
                    let dated_cards = stats.is_dated_teaser_list() || stats.is_dated_link_cards();
                    if outside_story && dated_cards && open.context.prose_before >= BRIEF_PROSE {
                        return Some((Category::Related, Reason::Fixed("dated cards of other stories")));
                    }
                    if !outside_story || open.context.prose_before < STORY_PROSE {
                        return None;
                    }
                    if let Some(heading) = rules::rail::is_named_story_rail(&stats) {
                        return Some((Category::Related, Reason::Text(format!("rail headed \"{heading}\""))));
                    }
                    let story_cards = (stats.is_card_grid() && stats.link_density() >= 0.2 && !stats.is_article_like())
                        || stats.is_teaser_list();
                    story_cards.then_some((Category::Related, Reason::Fixed("cards of other stories")))
                })
                .or_else(|| {
                    // On a page that does not say what it is (a blog without metadata), after a
                    // story's worth of prose: teasers that each carry a date are other posts.
                    // (Undated cards there may be a service's offers, which such a page shows.)
                    let after_prose = open.context.kind == PageKind::Other
                        && open.context.after_h1
                        && open.context.prose_before >= STORY_PROSE
                        && !open.context.in_article;
                    (after_prose && stats.is_dated_teaser_list())
                        .then_some((Category::Related, Reason::Fixed("dated teasers of other posts")))
                })
                .or_else(|| {
                    // A grid of cards before any prose is the listing the page is for.
                    // So is a list of links in the content container of such a page (an index, a
                    // table of contents), unless it stands in an `<article>`, where lists of links
                    // are the story's related links.
                    // And so is a list of cards each wrapped whole in its link (title and
                    // summary) on a page that is no story and has not told one yet: a rail's
                    // links are headlines, not whole cards.
                    let before_story =
                        open.context.kind != PageKind::Article && open.context.prose_before < STORY_PROSE;
                    let listing = (open.context.before_content()
                        && (stats.is_card_grid()
                            || stats.is_linked_cards()
                            || (open.context.in_content && !open.context.in_article)))
                        || (before_story && stats.is_wrapped_cards());
                    (!listing).then(|| link_list_verdict(&stats)).flatten()
                })
                .filter(|(category, _)| st.removes(*category))
        }
    };
    // A text block that repeats one kept before it is a copy (for another screen size, or
    // hidden for a script to show): the first copy is enough.
    let verdict = verdict.or_else(|| {
        // Containers, and paragraphs outside an `<article>`: in a story a paragraph may repeat
        // on purpose (an interview's question, a recipe's step), a copy of a page part repeats
        // the whole container, and elsewhere a paragraph written again is a copy too.
        let text_block = matches!(kind, HoldKind::Text)
            && (matches!(&**tag, "div" | "section" | "ul" | "ol") || (&**tag == "p" && !open.context.in_article))
            && !stats.has_h1
            && !stats.has_main_content;
        let repeated = text_block && st.shown.repeats(&stats, start, end_at);
        (repeated && st.removes(Category::Hidden))
            .then_some((Category::Hidden, Reason::Fixed("repeats a block shown above")))
    });
    match verdict {
        Some((category, reason)) => {
            st.finish_hold(id, true);
            st.record(category, tag, &reason, end_at.saturating_sub(start), || {
                clip(&stats.text, SNIPPET_CHARS)
            });
            true
        }
        None => {
            st.count_prose(tag, &stats);
            // A link within the page was held for its label alone: the block around it reads
            // its words again, as it did before links were held (a "Subscribe now" button
            // written as `<a href="#">` is the prompt's text).
            if &**tag != "a" {
                st.keep_scanned(id, stats);
            }
            st.finish_hold(id, false);
            false
        }
    }
}

/// A held block that is nothing but a control's label or a script's placeholder, of a
/// category the options remove.
fn control_label(st: &State, stats: &BlockStats) -> Option<(Category, Reason)> {
    let whole = stats.text.len() < TEXT_SAMPLE_BYTES;
    whole
        .then(|| rules::labels::control_label(&stats.text))
        .flatten()
        .filter(|(category, _)| st.removes(*category))
        .map(|(category, reason)| (category, Reason::Fixed(reason)))
}

/// The texts of the text blocks kept so far, by hash, each with the input byte where the first
/// block with that text ended. Bounded: past [`MAX_SHOWN`] texts, new ones are not remembered.
/// Only in a whole page (after its `<body>` tag): a fragment (an article from a CMS, reader
/// mode's own output) is content already, without a page's copies, and is cleaned again as it
/// was the first time.
#[derive(Default)]
struct Shown {
    texts: rustc_hash::FxHashMap<u64, usize>,
    in_page: bool,
}

/// Texts remembered by [`Shown`].
const MAX_SHOWN: usize = 4096;
/// A text shorter than this may repeat on purpose (a label, a price, a summary in a list of
/// contents and again under its heading).
const MIN_REPEATED_CHARS: usize = 100;

impl Shown {
    /// Whether the block `start..end` (input bytes) whose text is `stats` repeats a block that
    /// ended before it began; remembers its text otherwise. A block around the first copy has
    /// the same text and is not a repeat of what it holds.
    fn repeats(&mut self, stats: &BlockStats, start: usize, end: usize) -> bool {
        if !self.in_page || stats.text_chars < MIN_REPEATED_CHARS {
            return false;
        }
        let key = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, (&stats.text, stats.text_chars));
        match self.texts.get(&key) {
            Some(&first_end) => first_end <= start,
            None => {
                if self.texts.len() < MAX_SHOWN {
                    self.texts.insert(key, end);
                }
                false
            }
        }
    }
}

/// A list of links goes as navigation (short link texts) or as a related rail (headlines).
fn link_list_verdict(stats: &block_text::BlockStats) -> Option<(Category, Reason)> {
    if !stats.is_link_list() {
        return None;
    }
    let average = stats.link_chars / stats.links.max(1);
    let category = if average >= 25 {
        Category::Related
    } else {
        Category::Navigation
    };
    Some((
        category,
        // Integer arithmetic: float formatting would add kilobytes to the WebAssembly module.
        Reason::Text(format!(
            "list of {} links ({}% link text)",
            stats.links,
            stats.link_chars * 100 / stats.text_chars.max(1)
        )),
    ))
}

/// Decides the open paragraph holds: HTML closes a `<p>` at the start of the next block, which
/// lol_html does not tell (it only reports end tags), so this does, at byte `at`.
fn close_paragraphs(st: &mut State, at: usize) {
    while let Some(paragraph_id) = st.open_paragraphs.pop() {
        // A paragraph its own `</p>` closed was decided then; what opened after it is not inside.
        let Some(index) = st.open_holds.iter().rposition(|h| h.id == paragraph_id) else {
            continue;
        };
        // What opened inside the paragraph closes with it (HTML's tree builder does the same).
        close_holds(st, index, at);
    }
}

/// Decides the open holds from the `from`th on, innermost first, as ending at byte `at`.
fn close_holds(st: &mut State, from: usize, at: usize) {
    while st.open_holds.len() > from {
        if let Some(open) = st.open_holds.pop() {
            decide(st, &open, at);
        }
    }
}

/// Starts reading the first article container's output, to complete it from JSON-LD at its end.
fn start_teaser(state: &Shared, el: &mut Element) -> HandlerResult {
    {
        let mut st = state.borrow_mut();
        // Only the first container, and only when JSON-LD (usually in the head) has a body.
        if st.teaser_done || !el.can_have_content() || st.facts.article_body.is_none() {
            return Ok(());
        }
        st.teaser = Some(TeaserSample::new());
        st.teaser_done = true;
    }
    let prompts_before = state.borrow().paywall_prompts;
    let state = state.clone();
    el.on_end_tag(Box::new(move |end: &mut EndTag| {
        let mut st = state.borrow_mut();
        let sample = st.teaser.take();
        // Gated: the page says so, or a paywall prompt was removed inside the article.
        let gated = st.facts.gated_article || st.paywall_prompts > prompts_before;
        let completion = match (sample, &st.facts.article_body) {
            (Some(sample), Some(body)) => sample.completion(body, gated),
            _ => None,
        };
        if let Some(html) = completion {
            end.before(&html, ContentType::Html);
            st.report
                .warnings
                .push("the visible article was a teaser: completed from the page's JSON-LD articleBody".into());
        }
        Ok(())
    }))?;
    Ok(())
}

/// Removes what hides gated article text.
fn unhide(el: &mut Element, style: Option<&str>) {
    el.remove_attribute("hidden");
    el.remove_attribute("aria-hidden");
    if let Some(style) = style {
        let clean = unhidden_style(style);
        if clean.is_empty() {
            el.remove_attribute("style");
        } else {
            let _ = el.set_attribute("style", &clean);
        }
    }
}

fn start_tag_snippet(el: &Element, tag: &str) -> String {
    let mut s = format!("<{tag}");
    for name in ["id", "class", "role"] {
        if let Some(value) = el.get_attribute(name) {
            s.push_str(&format!(" {name}=\"{value}\""));
        }
    }
    s.push('>');
    clip(&s, SNIPPET_CHARS)
}
