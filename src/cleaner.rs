//! The public cleaner: build once from [`Options`], then clean any number of documents, in one
//! piece or as a stream of chunks.

use crate::decode::charset::{encoding_for_label, Sniffer};
use crate::error::{Error, Result};
use crate::filters::{FilterReport, FilterSet};
use crate::markup::rewriter::{BoxedSink, Sink};
use crate::markup::source::Source;
use crate::markup::visible_text::{has_visible_text, VisibleText};
use crate::options::{Category, Mode, OnMemoryLimit, Options};
use crate::reader::ArticleAs;
use crate::report::{ReaderOutcome, Report};
use crate::stream::engine::{self, FragmentCleaner, Selectors, Shared, State};
use lol_html::errors::RewritingError;
use lol_html::{HtmlRewriter, MemorySettings, Selector};
use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{Read, Write};
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

/// A validated, reusable cleaner.
///
/// Building one parses the options' selectors once; cleaning a document does not.
///
/// ```
/// use stripwall::{Cleaner, Options};
/// let cleaner = Cleaner::new(Options::default())?;
/// let page = r#"<nav><a href="/">Home</a></nav><article><p>The story.</p></article>"#;
/// assert_eq!(cleaner.clean_str(page)?.html, "<article><p>The story.</p></article>");
/// # Ok::<(), stripwall::Error>(())
/// ```
#[derive(Clone)]
pub struct Cleaner {
    options: Options,
    selectors: Selectors,
    filters: Option<Arc<FilterSet>>,
    /// The caller's encoding label, resolved.
    charset: Option<&'static encoding_rs::Encoding>,
    /// What cleans the HTML of `<noscript>` crawler views; `None` in that cleaner itself (such
    /// views do not nest).
    fragments: Option<Arc<Fragments>>,
}

/// What a caller knows of one page besides its bytes: its address and the encoding its server
/// declared. For a cleaner shared by many pages (a corpus run), these override the cleaner's
/// [`Options::url`] and [`Options::charset`] for one page.
///
/// ```
/// use stripwall::{Cleaner, PageSource};
/// let cleaner = Cleaner::new(Default::default())?;
/// let page = PageSource { url: Some("https://example.com/a"), charset: Some("windows-1252") };
/// let mut out = Vec::new();
/// let report = cleaner.clean_io_page(page, &b"<p>Caf\xe9</p>"[..], &mut out)?;
/// assert_eq!(String::from_utf8(out).unwrap(), "<p>Café</p>");
/// assert_eq!(report.encoding.as_deref(), Some("windows-1252"));
/// # Ok::<(), stripwall::Error>(())
/// ```
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PageSource<'a> {
    /// The page's address (a WARC record's target URI), for site rules and absolute links.
    pub url: Option<&'a str>,
    /// The encoding label the server declared (an HTTP `Content-Type` charset). A label that
    /// names no encoding is ignored, as browsers do: the page's own `<meta>` then decides.
    pub charset: Option<&'a str>,
}

/// The cleaner of `<noscript>` crawler views: the same removals in stream mode, without
/// explanations, built when a page first needs it.
struct Fragments {
    options: Options,
    filters: Option<Arc<FilterSet>>,
    cleaner: OnceLock<Option<Cleaner>>,
}

impl Fragments {
    fn new(options: &Options, filters: Option<Arc<FilterSet>>) -> Fragments {
        let options = Options {
            keep: options.keep.clone(),
            keep_selectors: options.keep_selectors.clone(),
            remove_selectors: options.remove_selectors.clone(),
            url: options.url.clone(),
            ..Options::default()
        };
        Fragments {
            options,
            filters,
            cleaner: OnceLock::new(),
        }
    }

    /// The view in `raw`, cleaned, as paragraphs of escaped text (its lines, as the text writer
    /// gives them), never as the fragment's own markup: a fragment may end inside a tag, a
    /// comment or a raw-text element, which would join it to the page that follows.
    fn clean(&self, raw: &[u8]) -> Vec<u8> {
        let cleaner = self.cleaner.get_or_init(|| {
            let mut cleaner = Cleaner::build(self.options.clone(), self.filters.clone()).ok()?;
            cleaner.fragments = None;
            Some(cleaner)
        });
        match cleaner.as_ref().map(|c| c.clean_str(&String::from_utf8_lossy(raw))) {
            Some(Ok(cleaned)) => paragraphs(&crate::output::text::to_text(&cleaned.html)),
            _ => Vec::new(),
        }
    }
}

impl std::fmt::Debug for Cleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cleaner")
            .field("mode", &self.options.mode)
            .field("keep", &self.options.keep)
            .field("filter_rules", &self.filters.as_ref().map(|f| f.report().rules))
            .finish_non_exhaustive()
    }
}

/// A cleaned document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The cleaned HTML.
    pub html: String,
    /// What was removed, the title, warnings.
    pub report: Report,
}

impl Cleaned {
    /// The cleaned document as plain text, title first (see [`to_text`](crate::to_text)).
    pub fn text(&self) -> String {
        crate::output::text::to_text(&self.html)
    }

    /// The cleaned document as GitHub-flavoured Markdown (see [`to_markdown`](crate::to_markdown));
    /// in reader mode the article's title comes first, as a heading
    /// (see [`to_markdown_with_title`](crate::to_markdown_with_title)).
    pub fn markdown(&self) -> String {
        crate::output::markdown::to_markdown_with_title(&self.html, self.report.article_title())
    }
}

impl Cleaner {
    /// Validates `options` and builds a cleaner.
    ///
    /// # Errors
    /// [`Error::InvalidSelector`] naming the first selector that does not parse, or
    /// [`Error::InvalidOption`] for a memory limit of zero.
    pub fn new(options: Options) -> Result<Cleaner> {
        let filters = (!options.filter_lists.is_empty()).then(|| Arc::new(FilterSet::new(&options.filter_lists)));
        Cleaner::build(options, filters)
    }

    /// A cleaner that applies `filters`, compiled once and shared (the lists in
    /// `options.filter_lists`, if any, are ignored).
    ///
    /// # Errors
    /// As for [`Cleaner::new`].
    pub fn with_filters(options: Options, filters: Arc<FilterSet>) -> Result<Cleaner> {
        Cleaner::build(options, Some(filters))
    }

    /// The compiled filter lists' report (`None` without lists).
    pub fn filter_report(&self) -> Option<&FilterReport> {
        self.filters.as_deref().map(FilterSet::report)
    }

    fn build(mut options: Options, filters: Option<Arc<FilterSet>>) -> Result<Cleaner> {
        // The lists' text is compiled; the options need not carry megabytes around.
        options.filter_lists = Vec::new();
        if options.memory_limit == 0 {
            return Err(Error::InvalidOption {
                option: "memory_limit",
                reason: "must be greater than 0".into(),
            });
        }
        if let Some(url) = options.url.as_deref() {
            // A page's address without a scheme ("example.com/story") resolves nothing: said,
            // rather than links silently left relative.
            if !url.contains(':') {
                return Err(Error::InvalidOption {
                    option: "url",
                    reason: format!("`{url}` is not an absolute URL (try https://{})", url.trim()),
                });
            }
        }
        let charset = match options.charset.as_deref() {
            None => None,
            Some(label) => Some(encoding_for_label(label).ok_or_else(|| Error::InvalidOption {
                option: "charset",
                reason: format!("`{label}` is not an encoding label (try utf-8, windows-1251, shift_jis …)"),
            })?),
        };
        let keep = parse_selectors(&options.keep_selectors)?;
        let remove = parse_selectors(&options.remove_selectors)?;
        let filters = filters.filter(|f| !f.is_empty());
        Ok(Cleaner {
            selectors: Selectors::new(keep, remove),
            fragments: Some(Arc::new(Fragments::new(&options, filters.clone()))),
            options,
            filters,
            charset,
        })
    }

    /// What cleans a `<noscript>`'s HTML in this cleaner's runs (see [`Fragments::clean`]).
    fn fragment_cleaner(&self) -> Option<FragmentCleaner> {
        let fragments = self.fragments.clone()?;
        Some(Rc::new(move |raw: &[u8]| fragments.clean(raw)))
    }

    /// The options this cleaner was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Starts a streaming run: cleaned output goes to `sink` as it is produced.
    ///
    /// In reader mode the article goes to `sink` at [`end`](CleanStream::end): the input is
    /// kept until then and read whole, unless it outgrows half of
    /// [`Options::memory_limit`], when it is cleaned as it comes (and only the cleaned page is
    /// kept). Either way the article is the same.
    ///
    /// ```
    /// let cleaner = stripwall::Cleaner::new(Default::default())?;
    /// let mut out = Vec::new();
    /// let mut stream = cleaner.stream(|bytes: &[u8]| out.extend_from_slice(bytes));
    /// stream.write(b"<p>One</p><div class=\"share")?;
    /// stream.write(b"-bar\">Share</div><p>Two</p>")?;
    /// let report = stream.end()?;
    /// assert_eq!(out, b"<p>One</p><p>Two</p>");
    /// assert_eq!(report.elements_removed(), 1);
    /// # Ok::<(), stripwall::Error>(())
    /// ```
    pub fn stream<'s>(&self, sink: impl FnMut(&[u8]) + 's) -> CleanStream<'s> {
        self.stream_of(sink, None, PageSource::default())
    }

    /// [`stream`](Cleaner::stream) of one page whose address or declared encoding is known
    /// ([`PageSource`]).
    pub fn stream_page<'s>(&self, page: PageSource<'_>, sink: impl FnMut(&[u8]) + 's) -> CleanStream<'s> {
        self.stream_of(sink, None, page)
    }

    /// A stream; `whole_document`, the length of the whole document when it comes in one write
    /// of owned UTF-8 ([`CleanStream::write_decoded_document`]): the title and JSON-LD are then read
    /// from it, and lol_html lexes it throughout (see [`State::lex_throughout`]).
    fn stream_of<'s>(
        &self,
        sink: impl FnMut(&[u8]) + 's,
        whole_document: Option<usize>,
        page: PageSource<'_>,
    ) -> CleanStream<'s> {
        let options = match page.url {
            Some(url) => Cow::Owned(Options {
                url: Some(url.to_string()),
                ..self.options.clone()
            }),
            None => Cow::Borrowed(&self.options),
        };
        let declared = page.charset.map(|label| (label, encoding_for_label(label)));
        let state = State::new(&options, self.filters.clone());
        {
            let mut st = state.borrow_mut();
            if let Some((label, None)) = declared {
                // Ignored, as browsers ignore a server's label they do not know; but said.
                st.report.warnings.push(format!(
                    "the declared charset {label:?} names no encoding: ignored (the page's own <meta> or its bytes decide)"
                ));
            }
            st.fragment_cleaner = self.fragment_cleaner();
            st.whole_document = whole_document.is_some();
            st.lex_throughout = whole_document.is_some_and(|len| len <= self.options.memory_limit / 2);
        }
        // Reader mode collects the cleaned page and extracts the article at the end.
        let (sink, reader): (Box<Sink<'s>>, _) = match self.options.mode {
            Mode::Stream => (Box::new(sink), None),
            Mode::Reader => {
                let cleaned = Rc::new(RefCell::new(Vec::new()));
                let collect = cleaned.clone();
                let run = ReaderRun {
                    cleaned,
                    sink: Box::new(sink),
                    options: options.into_owned(),
                    output: ArticleAs::Html,
                };
                let collect: Box<Sink<'s>> = Box::new(move |b: &[u8]| collect.borrow_mut().extend_from_slice(b));
                (collect, Some(run))
            }
        };
        let sink: SharedSink<'s> = Rc::new(RefCell::new(CountingSink {
            sink,
            bytes: 0,
            text: VisibleText::default(),
            reads_text: reader.is_none(),
        }));
        let memory = MemorySettings::new()
            .with_max_allowed_memory_usage(self.options.memory_limit)
            .with_graceful_bail_out_on_memory_limit_exceeded(
                self.options.on_memory_limit == OnMemoryLimit::PassThrough,
            );
        let settings = engine::settings(&self.selectors, &state)
            .with_memory_settings(memory)
            .with_strict(false);
        let output = stream_output(state.clone(), sink.clone());
        // Reader mode gives nothing before the end: a page that comes in writes is kept whole
        // until then, and read as one (see `WholeInput`).
        let whole_input = (self.options.mode == Mode::Reader && whole_document.is_none()).then(|| WholeInput {
            cleaner: Box::new(self.clone()),
            url: page.url.map(str::to_string),
            charset: page.charset.map(str::to_string),
            bytes: Vec::new(),
            text: None,
        });
        CleanStream {
            rewriter: Some(HtmlRewriter::new(settings, output)),
            state,
            sink,
            passing_through: false,
            memory_limit: self.options.memory_limit,
            pass_through_on_memory_limit: self.options.on_memory_limit == OnMemoryLimit::PassThrough,
            bytes_in: 0,
            bytes_parsed: 0,
            sniffer: self.sniffer(&page),
            pending_lt: false,
            start_looked_at: 0,
            start_has_nul: false,
            input_text: VisibleText::default(),
            unread_input: None,
            reader,
            whole_input,
        }
    }

    /// Cleans a whole document held in memory.
    ///
    /// # Errors
    /// See [`CleanStream::write`].
    pub fn clean_bytes(&self, html: &[u8]) -> Result<(Vec<u8>, Report)> {
        self.clean_bytes_page(PageSource::default(), html)
    }

    /// [`clean_bytes`](Cleaner::clean_bytes) of one page whose address or declared encoding is
    /// known ([`PageSource`]).
    ///
    /// # Errors
    /// See [`CleanStream::write`].
    pub fn clean_bytes_page(&self, page: PageSource<'_>, html: &[u8]) -> Result<(Vec<u8>, Report)> {
        self.clean_whole(page, Whole::Bytes(Cow::Borrowed(html)), ArticleAs::Html)
    }

    /// Cleans a whole document held in memory and gives its text: the text [`to_text`](crate::to_text) makes
    /// of [`clean_bytes_page`](Cleaner::clean_bytes_page)'s HTML, for less work in reader mode
    /// (the article's text is written as it is extracted, with no HTML to tidy, check and parse
    /// again). For corpus runs that keep only the text. The report is the same, but that
    /// [`bytes_out`](Report::bytes_out) counts the text in reader mode.
    ///
    /// ```
    /// use stripwall::{Cleaner, Mode, Options, PageSource};
    /// let cleaner = Cleaner::new(Options { mode: Mode::Reader, ..Options::default() })?;
    /// let long = "One sentence of the story, long enough to count as prose for a reader. ".repeat(6);
    /// let page = format!("<nav><a href=/>Home</a></nav><article><h1>Port</h1><p>{long}</p><p>{long}</p></article>");
    /// let (text, _report) = cleaner.clean_to_text(PageSource::default(), page.as_bytes())?;
    /// assert!(text.starts_with("One sentence of the story") && !text.contains("Home"));
    /// let (html, _) = cleaner.clean_bytes_page(PageSource::default(), page.as_bytes())?;
    /// assert_eq!(text, stripwall::to_text(&String::from_utf8_lossy(&html)));
    /// # Ok::<(), stripwall::Error>(())
    /// ```
    ///
    /// # Errors
    /// See [`CleanStream::write`].
    pub fn clean_to_text(&self, page: PageSource<'_>, html: &[u8]) -> Result<(String, Report)> {
        self.text_of_whole(page, Whole::Bytes(Cow::Borrowed(html)))
    }

    /// [`clean_to_text`](Cleaner::clean_to_text) of a string (decoded already: `page.charset`
    /// and `<meta charset>` say nothing of it).
    ///
    /// ```
    /// use stripwall::{Cleaner, Options, PageSource};
    /// let cleaner = Cleaner::new(Options::default())?;
    /// let page = "<nav><a href=/>Home</a></nav><p>The story.</p>";
    /// let (text, _) = cleaner.clean_str_to_text(PageSource::default(), page)?;
    /// assert_eq!(text, "The story.\n");
    /// # Ok::<(), stripwall::Error>(())
    /// ```
    ///
    /// # Errors
    /// See [`CleanStream::write`].
    pub fn clean_str_to_text(&self, page: PageSource<'_>, html: &str) -> Result<(String, Report)> {
        self.text_of_whole(page, Whole::Utf8(html.as_bytes().to_vec()))
    }

    fn text_of_whole(&self, page: PageSource<'_>, html: Whole<'_>) -> Result<(String, Report)> {
        let (out, report) = self.clean_whole(page, html, ArticleAs::Text)?;
        let out = crate::markup::strings::into_string_lossy(out);
        // Reader mode wrote the text; stream mode wrote the page, which is made into text.
        let text = match self.options.mode {
            Mode::Reader => out,
            Mode::Stream => crate::output::text::to_text(&out),
        };
        Ok((text, report))
    }

    /// Cleans a whole document held in memory; reader mode makes its article as `article` says.
    fn clean_whole(&self, page: PageSource<'_>, html: Whole<'_>, article: ArticleAs) -> Result<(Vec<u8>, Report)> {
        let mut out = Vec::with_capacity(match &html {
            Whole::Bytes(bytes) => bytes.len() / 2,
            Whole::Utf8(utf8) => utf8.len() / 2,
        });
        let report = self.clean_whole_to(page, html, article, |b: &[u8]| out.extend_from_slice(b))?;
        Ok((out, report))
    }

    /// [`clean_whole`](Cleaner::clean_whole) with the output going to `sink`.
    fn clean_whole_to<'s>(
        &self,
        page: PageSource<'_>,
        html: Whole<'_>,
        article: ArticleAs,
        sink: impl FnMut(&[u8]) + 's,
    ) -> Result<Report> {
        let document = self.decode_document(&page, html);
        let mut stream = self.stream_of(sink, Some(document.utf8.len()), page);
        if let Some(run) = stream.reader.as_mut() {
            run.output = article;
        }
        stream.write_decoded_document(document)?;
        stream.end()
    }

    /// The sniffer of a page's encoding: the server's label when it names one, else the
    /// cleaner's, else the page's own bytes decide.
    fn sniffer(&self, page: &PageSource<'_>) -> Sniffer {
        let declared = page.charset.and_then(encoding_for_label);
        Sniffer::new(declared.or(self.charset))
    }

    /// A whole document as UTF-8 in one piece: text as it is (whatever its `<meta>` says), bytes
    /// decoded, the bytes themselves when they are UTF-8 and handed over, else a copy (which
    /// costs less than the allocations it saves: the element handler reads names and values
    /// from it rather than through lol_html's accessors).
    fn decode_document(&self, page: &PageSource<'_>, html: Whole<'_>) -> DecodedDocument {
        let mut sniffer = self.sniffer(page);
        let html = match html {
            Whole::Utf8(utf8) => {
                sniffer.assume_text();
                return DecodedDocument {
                    sniffer,
                    bytes_in: utf8.len(),
                    utf8,
                };
            }
            Whole::Bytes(bytes) => bytes,
        };
        let bytes_in = html.len();
        let decoded = match sniffer.feed(&html) {
            Cow::Borrowed(same) if same.len() == html.len() => None,
            other => Some(other.into_owned()),
        };
        let mut utf8 = decoded.unwrap_or_else(|| html.into_owned());
        utf8.extend_from_slice(&sniffer.finish());
        DecodedDocument {
            sniffer,
            bytes_in,
            utf8,
        }
    }

    /// Cleans a whole document given as a string.
    ///
    /// # Errors
    /// See [`CleanStream::write`].
    pub fn clean_str(&self, html: &str) -> Result<Cleaned> {
        self.clean_str_page(PageSource::default(), html)
    }

    /// [`clean_str`](Cleaner::clean_str) of one page whose address is known ([`PageSource`];
    /// its `charset` says nothing of a string, which is decoded already).
    ///
    /// # Errors
    /// See [`CleanStream::write`].
    pub fn clean_str_page(&self, page: PageSource<'_>, html: &str) -> Result<Cleaned> {
        // A copy that lol_html parses as it is: reading names and values from it saves more
        // than the copy costs.
        self.clean_text_page(page, html.as_bytes().to_vec())
    }

    /// [`clean_str`](Cleaner::clean_str) of text held as UTF-8 bytes (the WebAssembly bindings
    /// make them from JavaScript strings without a `String`'s validation), given up so that
    /// the handlers read names and values from them ([`CleanStream::write_decoded_document`]).
    pub(crate) fn clean_text_page(&self, page: PageSource<'_>, utf8: Vec<u8>) -> Result<Cleaned> {
        let (bytes, report) = self.clean_whole(page, Whole::Utf8(utf8), ArticleAs::Html)?;
        let html = crate::markup::strings::into_string_lossy(bytes);
        Ok(Cleaned { html, report })
    }

    /// Streams a document from `input` to `output` in bounded memory.
    ///
    /// # Errors
    /// I/O errors of either side, and those of [`CleanStream::write`].
    pub fn clean_io(&self, input: impl Read, output: impl Write) -> Result<Report> {
        self.clean_io_page(PageSource::default(), input, output)
    }

    /// [`clean_io`](Cleaner::clean_io) of one page whose address or declared encoding is
    /// known ([`PageSource`]).
    ///
    /// # Errors
    /// As [`clean_io`](Cleaner::clean_io).
    pub fn clean_io_page(&self, page: PageSource<'_>, mut input: impl Read, output: impl Write) -> Result<Report> {
        let mut output = std::io::BufWriter::new(output);
        let mut write_error: Option<std::io::Error> = None;
        let report = {
            let mut stream = self.stream_page(page, |b: &[u8]| {
                if write_error.is_none() {
                    if let Err(e) = output.write_all(b) {
                        write_error = Some(e);
                    }
                }
            });
            let mut buffer = vec![0u8; 64 * 1024];
            loop {
                let n = match input.read(&mut buffer) {
                    Ok(0) => break,
                    Ok(n) => n,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e.into()),
                };
                stream.write(&buffer[..n])?;
            }
            stream.end()?
        };
        if let Some(e) = write_error {
            return Err(e.into());
        }
        output.flush()?;
        Ok(report)
    }
}

fn parse_selectors(list: &[String]) -> Result<Vec<Selector>> {
    list.iter()
        .map(|s| {
            s.parse::<Selector>().map_err(|e| Error::InvalidSelector {
                selector: s.clone(),
                reason: e.to_string(),
            })
        })
        .collect()
}

/// Bytes at the start of the input looked at for signs that it is not HTML.
const START_BYTES: usize = 1024;

/// `bytes[..ready]` with every `<` that is followed by another `<` (in `bytes`) written `&lt;`;
/// `None` when there is no such `<` (`bytes` are searched once, however they turn out).
fn escape_doubled_lt(bytes: &[u8], ready: usize) -> Option<Vec<u8>> {
    let finder = memchr::memmem::Finder::new(b"<<");
    // A `<<` always starts before `ready`: at most the last byte waits.
    let mut at = finder.find(bytes)?;
    let mut escaped = Vec::with_capacity(bytes.len() + 16);
    let mut from = 0;
    loop {
        escaped.extend_from_slice(&bytes[from..at]);
        escaped.extend_from_slice(b"&lt;");
        from = at + 1;
        // Each search starts at the second `<` of the last match: in `<<<` both of the first two go.
        match finder
            .find(&bytes[from..])
            .map(|p| from + p)
            .filter(|&next| next < ready)
        {
            Some(next) => at = next,
            None => break,
        }
    }
    escaped.extend_from_slice(&bytes[from..ready]);
    Some(escaped)
}

struct CountingSink<'s> {
    sink: Box<Sink<'s>>,
    bytes: u64,
    /// Whether the output has shown any visible text yet.
    text: VisibleText,
    /// Whether `text` is read: not in reader mode, whose article is read instead.
    reads_text: bool,
}

impl CountingSink<'_> {
    fn write(&mut self, bytes: &[u8]) {
        self.bytes += bytes.len() as u64;
        if self.reads_text && !self.text.found() {
            self.text.feed(bytes);
        }
        (self.sink)(bytes);
    }
}

type SharedSink<'s> = Rc<RefCell<CountingSink<'s>>>;

/// Lines of text as paragraphs of escaped text.
fn paragraphs(text: &str) -> Vec<u8> {
    let mut html = String::with_capacity(text.len() + text.len() / 8);
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        html.push_str("<p>");
        html.push_str(&crate::decode::entities::escape_text(line));
        html.push_str("</p>\n");
    }
    html.into_bytes()
}

/// lol_html's output: cleaned bytes go through the hold-back buffer to the caller.
fn stream_output<'s>(state: Shared, sink: SharedSink<'s>) -> BoxedSink<'s> {
    BoxedSink(Box::new(move |chunk: &[u8]| {
        let mut sink = sink.borrow_mut();
        state.borrow_mut().output(chunk, &mut |b| sink.write(b));
    }))
}

/// A streaming run of a [`Cleaner`]: [`write`](CleanStream::write) chunks of any size, then
/// [`end`](CleanStream::end) for the report. Output reaches the sink as it is produced; at most
/// a small, capped part of it is held back while a block is being judged.
pub struct CleanStream<'s> {
    rewriter: Option<HtmlRewriter<'static, BoxedSink<'s>>>,
    state: Shared,
    sink: SharedSink<'s>,
    passing_through: bool,
    memory_limit: usize,
    pass_through_on_memory_limit: bool,
    bytes_in: u64,
    /// UTF-8 bytes handed to lol_html (differs from `bytes_in` when the page is transcoded).
    bytes_parsed: u64,
    sniffer: Sniffer,
    /// The last chunk ended with `<`: it waits to see whether a `<` follows.
    pending_lt: bool,
    /// Bytes of the input's start checked for what no HTML holds (see [`CleanStream::parse`]),
    /// and whether one was found (said once).
    start_looked_at: usize,
    start_has_nul: bool,
    /// Whether the input has shown any visible text yet (output without any then warns).
    input_text: VisibleText,
    /// A whole document's bytes ([`Cleaner::stream_of`]), not yet read for visible text: they
    /// are read at the end only if the output has none (most pages never are).
    unread_input: Option<Rc<Source<'static>>>,
    reader: Option<ReaderRun<'s>>,
    /// Reader mode's input, while it is kept whole (see [`WholeInput`]).
    whole_input: Option<WholeInput>,
}

/// The pieces a reader-mode stream's kept input is cleaned in when it outgrows what is kept.
const KEPT_PIECE_BYTES: usize = 64 * 1024;

/// The input of a reader-mode stream, kept until its end: the article is only known then
/// anyway, and a page read whole is cleaned with less work than one read in pieces (names,
/// the title and JSON-LD are read from its bytes; see [`Cleaner::clean_whole`]). The output is
/// the same. Input that outgrows half the memory limit is cleaned as it comes instead, as
/// stream mode cleans it, so that memory stays bounded by the cleaned page.
struct WholeInput {
    cleaner: Box<Cleaner>,
    url: Option<String>,
    charset: Option<String>,
    bytes: Vec<u8>,
    /// Whether the input came as text (`write_str`) or as bytes: whichever came first.
    text: Option<bool>,
}

/// Reader mode's part of a stream: the cleaned page, and where the article goes at the end.
struct ReaderRun<'s> {
    cleaned: Rc<RefCell<Vec<u8>>>,
    sink: Box<Sink<'s>>,
    options: Options,
    /// HTML, or text alone ([`Cleaner::clean_to_text`]).
    output: ArticleAs,
}

/// A whole document held in memory: bytes in any encoding, or text (UTF-8, decoded already).
enum Whole<'a> {
    Bytes(Cow<'a, [u8]>),
    Utf8(Vec<u8>),
}

/// A whole document's bytes decoded to UTF-8 before its stream is made: the decoded length
/// decides whether lol_html lexes it throughout (see `State::lex_throughout`), and decoding a
/// page in a legacy encoding can make it up to three times longer.
struct DecodedDocument {
    /// The sniffer that decoded it, with what it decided.
    sniffer: Sniffer,
    bytes_in: usize,
    utf8: Vec<u8>,
}

impl CleanStream<'_> {
    /// Feeds the next chunk of the document. Chunks may split the HTML anywhere, even inside a
    /// tag or a UTF-8 sequence.
    ///
    /// # Errors
    /// [`Error::MemoryLimit`] when a single construct outgrows the memory limit (unless
    /// [`OnMemoryLimit::PassThrough`] is set, when the rest passes through untouched),
    /// [`Error::Rewrite`] for other rewriter failures, [`Error::StreamFinished`] after a failure.
    /// A reader-mode stream that keeps its input whole (see [`Cleaner::stream`]) meets these
    /// at [`end`](CleanStream::end) instead.
    pub fn write(&mut self, chunk: &[u8]) -> Result<()> {
        self.write_chunk(Cow::Borrowed(chunk))
    }

    /// [`write`](CleanStream::write) of a chunk that may be handed over: UTF-8 bytes given up
    /// are parsed where they are (see [`parse`](CleanStream::parse)).
    fn write_chunk(&mut self, chunk: Cow<'_, [u8]>) -> Result<()> {
        if let Some(input) = self.whole_input.as_mut() {
            if chunk.is_empty() {
                // Says nothing, not even that bytes come first (text may follow).
                return Ok(());
            }
            let text = *input.text.get_or_insert(false);
            if input.bytes.len() + chunk.len() <= self.memory_limit / 2 {
                input.bytes.extend_from_slice(&chunk);
                return Ok(());
            }
            // Too large to keep: what was kept is cleaned now, and the rest as it comes. (In
            // pieces the size of a reader's, as one piece it would be held whole once more.)
            let kept = std::mem::take(&mut input.bytes);
            self.whole_input = None;
            if text {
                self.sniffer.assume_text();
            }
            for piece in kept.chunks(KEPT_PIECE_BYTES) {
                self.write_chunk(Cow::Borrowed(piece))?;
            }
        }
        self.bytes_in += chunk.len() as u64;
        if self.passing_through {
            self.sink.borrow_mut().write(&chunk);
            return Ok(());
        }
        if self.rewriter.is_none() {
            return Err(Error::StreamFinished);
        }
        let utf8 = match chunk {
            Cow::Borrowed(bytes) => self.sniffer.feed(bytes),
            Cow::Owned(bytes) if self.sniffer.passes_through() => Cow::Owned(bytes),
            Cow::Owned(bytes) => Cow::Owned(self.sniffer.feed(&bytes).into_owned()),
        };
        self.parse(utf8)?;
        self.check_encoding()
    }

    /// Fails the stream when the page's encoding cannot be decoded here.
    fn check_encoding(&mut self) -> Result<()> {
        match self.sniffer.take_failure() {
            Some(error) => {
                self.rewriter = None;
                Err(error)
            }
            None => Ok(()),
        }
    }

    /// Feeds text (already decoded): unless bytes came first, the document is taken as UTF-8
    /// whatever its `<meta>` says.
    ///
    /// # Errors
    /// As for [`write`](CleanStream::write).
    pub fn write_str(&mut self, text: &str) -> Result<()> {
        self.write_text(text.as_bytes())
    }

    /// [`write_str`](CleanStream::write_str) of text held as UTF-8 bytes.
    pub(crate) fn write_text(&mut self, utf8: &[u8]) -> Result<()> {
        self.assume_text();
        self.write(utf8)
    }

    /// Takes the document as UTF-8 text, unless bytes came first.
    fn assume_text(&mut self) {
        match self.whole_input.as_mut() {
            Some(input) => {
                input.text.get_or_insert(true);
            }
            None => self.sniffer.assume_text(),
        }
    }

    /// [`write_text`](CleanStream::write_text) of bytes the caller gives up: the element
    /// handler reads names and values straight from them ([`Source`]) instead of through
    /// lol_html's allocating accessors. (The WebAssembly stream's writes of strings.)
    #[cfg(feature = "wasm")]
    pub(crate) fn write_text_owned(&mut self, utf8: Vec<u8>) -> Result<()> {
        self.assume_text();
        self.write_chunk(Cow::Owned(utf8))
    }

    /// The whole document decoded already ([`Cleaner::decode_document`]), on a stream made for
    /// it ([`Cleaner::stream_of`]), with the sniffer that decoded it.
    fn write_decoded_document(&mut self, document: DecodedDocument) -> Result<()> {
        debug_assert!(self.state.borrow().whole_document && self.bytes_in == 0);
        self.bytes_in += document.bytes_in as u64;
        self.sniffer = document.sniffer;
        self.parse(Cow::Owned(document.utf8))?;
        self.check_encoding()
    }

    /// [`parse_escaped`](CleanStream::parse_escaped) of bytes handed over: the element
    /// handler reads names and values from them ([`Source`]).
    fn parse_owned(&mut self, utf8: Vec<u8>) -> Result<()> {
        if utf8.is_empty() {
            return Ok(());
        }
        let source = Rc::new(Source::new(self.bytes_parsed as usize, utf8));
        if self.state.borrow().whole_document {
            // Read for visible text later, if need be, in order with what came before.
            if let Some(earlier) = self.unread_input.replace(source.clone()) {
                self.input_text.feed(earlier.bytes());
            }
        }
        self.state.borrow_mut().source = Some(source.clone());
        let result = self.parse_escaped(source.bytes());
        self.state.borrow_mut().source = None;
        result
    }

    /// Hands UTF-8 to lol_html (marking the page as transcoded first, so its `<meta>` charset
    /// is corrected), with every `<` that is directly followed by another `<` written `&lt;`.
    ///
    /// Such a `<` is text to every HTML parser (entities mean the same in text and attribute
    /// values), but once the element after it is removed it would join what follows into a tag:
    /// `<<script></script>script>` (found by the property that output re-parses to elements the
    /// input had). A chunk's last `<` waits for the next chunk.
    ///
    /// Bytes handed over (decoded ones, joined or escaped ones, and those the caller gave up)
    /// are parsed where they are, and the element handler reads names from them.
    fn parse(&mut self, utf8: Cow<'_, [u8]>) -> Result<()> {
        if self.start_looked_at < START_BYTES && !self.start_has_nul {
            // A NUL near the start is no HTML's: binary data (an image, an archive), or UTF-16
            // without a byte order mark. Cleaned anyway, and said. (Read across chunks, so that
            // how the input was cut does not change the report.)
            let look = &utf8[..utf8.len().min(START_BYTES - self.start_looked_at)];
            self.start_looked_at += look.len();
            if look.contains(&0) {
                self.start_has_nul = true;
                self.state.borrow_mut().report.warnings.push(
                    "the input has NUL bytes near its start: it may not be HTML (binary data, or UTF-16 without a byte order mark: give its charset)"
                        .into(),
                );
            }
        }
        let whole_document = self.state.borrow().whole_document;
        if !whole_document && !self.input_text.found() {
            self.input_text.feed(&utf8);
        }
        let bytes = if self.pending_lt {
            let mut joined = Vec::with_capacity(utf8.len() + 1);
            joined.push(b'<');
            joined.extend_from_slice(&utf8);
            Cow::Owned(joined)
        } else {
            utf8
        };
        // The last `<` waits (what follows it is not known yet; in a whole document, nothing),
        // but it still tells whether the one before it is followed by a `<`.
        self.pending_lt = !whole_document && bytes.last() == Some(&b'<');
        let ready = bytes.len() - usize::from(self.pending_lt);
        if let Some(escaped) = escape_doubled_lt(&bytes, ready) {
            return self.parse_owned(escaped);
        }
        match bytes {
            Cow::Owned(mut bytes) => {
                bytes.truncate(ready);
                self.parse_owned(bytes)
            }
            Cow::Borrowed(bytes) => {
                // A whole document comes handed over (its bytes are read for text later).
                debug_assert!(!whole_document);
                // Copied, so that the element handler can read names and values from the
                // bytes: one copy of the chunk costs far less than the strings lol_html would
                // allocate for every tag and attribute of it (a sixth of stream mode's time).
                self.parse_owned(bytes[..ready].to_vec())
            }
        }
    }

    fn parse_escaped(&mut self, utf8: &[u8]) -> Result<()> {
        if utf8.is_empty() {
            return Ok(());
        }
        if self.sniffer.transcoding() {
            self.state.borrow_mut().transcoded = true;
        }
        self.bytes_parsed += utf8.len() as u64;
        let rewriter = self.rewriter.as_mut().ok_or(Error::StreamFinished)?;
        let result = rewriter.write(utf8);
        self.after(result)
    }

    /// Ends the document and returns the report.
    ///
    /// # Errors
    /// As for [`write`](CleanStream::write).
    pub fn end(mut self) -> Result<Report> {
        if let Some(input) = self.whole_input.take() {
            return self.end_whole(input);
        }
        if !self.passing_through {
            if self.rewriter.is_none() {
                return Err(Error::StreamFinished);
            }
            let rest = self.sniffer.finish();
            self.parse(Cow::Owned(rest))?;
            self.check_encoding()?;
            if std::mem::take(&mut self.pending_lt) {
                self.parse_escaped(b"<")?;
            }
            if let Some(rewriter) = self.rewriter.take() {
                let result = rewriter.end();
                self.after(result)?;
            }
        }
        let mut st = self.state.borrow_mut();
        st.finish(self.bytes_parsed as usize);
        let mut sink = self.sink.borrow_mut();
        st.out.flush_ready(&mut |b| sink.write(b));
        let mut report = std::mem::take(&mut st.report);
        if self.bytes_in == 0 {
            report.warnings.push("the input was empty".into());
        }
        report.bytes_in = self.bytes_in;
        report.bytes_out = sink.bytes;
        if let Some((encoding, source)) = self.sniffer.decided() {
            report.encoding = Some(encoding.name().to_string());
            report.encoding_from = Some(source);
        }
        let mut output_has_text = sink.text.found();
        if let Some(mut run) = self.reader.take() {
            let cleaned = std::mem::take(&mut *run.cleaned.borrow_mut());
            // Nothing but code and controls removed: the input is clean already (a CMS's
            // article HTML, a feed's, reader mode's own output), and all of it is the article.
            let already_clean = report.removed.keys().all(|c| *c == Category::NonContent);
            let article = crate::reader::read(
                &cleaned,
                &st.facts,
                report.title.as_deref(),
                &run.options,
                already_clean,
                run.output,
            );
            (run.sink)(&article.content);
            report.bytes_out = article.content.len() as u64;
            // (A page without text has no article to miss: nothing to say.)
            if article.summary.outcome == ReaderOutcome::WholePage && article.summary.text_chars > 0 {
                report
                    .warnings
                    .push("no one article holds the page's content: the output is the whole cleaned page".into());
            }
            output_has_text = match run.output {
                ArticleAs::Html => has_visible_text(&article.content),
                ArticleAs::Text => !article.content.trim_ascii().is_empty(),
            };
            report.metadata = Some(article.metadata);
            report.reader = Some(article.summary);
        }
        if !output_has_text && !self.passing_through {
            if let Some(unread) = self.unread_input.take() {
                self.input_text.feed(unread.bytes());
            }
            if self.input_text.found() {
                report.warnings.push(
                    "the output has no text although the page had some: every visible part of it was removed".into(),
                );
            }
        }
        Ok(report)
    }

    /// Ends a reader-mode stream whose input was kept whole: it is cleaned as one document,
    /// by a stream made for it that writes the article to this one's sink.
    fn end_whole(mut self, input: WholeInput) -> Result<Report> {
        let Some(run) = self.reader.take() else {
            return Err(Error::StreamFinished);
        };
        let page = PageSource {
            url: input.url.as_deref(),
            charset: input.charset.as_deref(),
        };
        let html = if input.text == Some(true) {
            Whole::Utf8(input.bytes)
        } else {
            Whole::Bytes(Cow::Owned(input.bytes))
        };
        input.cleaner.clean_whole_to(page, html, run.output, run.sink)
    }

    /// Flushes what the handlers released, and turns a rewriter error into ours. After any
    /// error the rewriter is gone and everything held is released, so no output is lost.
    fn after(&mut self, result: std::result::Result<(), RewritingError>) -> Result<()> {
        let mut sink = self.sink.borrow_mut();
        let mut st = self.state.borrow_mut();
        let Err(error) = result else {
            st.out.flush_ready(&mut |b| sink.write(b));
            return Ok(());
        };
        self.rewriter = None;
        st.out.release_all();
        st.out.flush_ready(&mut |b| sink.write(b));
        match error {
            RewritingError::MemoryLimitExceeded(_) if self.pass_through_on_memory_limit => {
                // lol_html flushed the unprocessed input raw; everything after passes through.
                self.passing_through = true;
                st.report.warnings.push(format!(
                    "memory limit of {} bytes reached after {} input bytes: the rest of the page passed through uncleaned",
                    self.memory_limit, self.bytes_in
                ));
                Ok(())
            }
            RewritingError::MemoryLimitExceeded(_) => Err(Error::MemoryLimit {
                limit: self.memory_limit,
            }),
            other => Err(Error::Rewrite(other.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape_doubled_lt;

    #[test]
    fn every_lt_before_another_is_escaped() {
        let escaped = |bytes: &[u8], ready| escape_doubled_lt(bytes, ready);
        assert_eq!(escaped(b"a<<b", 4).as_deref(), Some(&b"a&lt;<b"[..]));
        assert_eq!(escaped(b"<<<<x", 5).as_deref(), Some(&b"&lt;&lt;&lt;<x"[..]));
        // The last `<` waits for the next chunk, but tells about the one before it.
        assert_eq!(escaped(b"x<<", 2).as_deref(), Some(&b"x&lt;"[..]));
        assert_eq!(escaped(b"<p>no doubles</p>", 17), None);
    }
}
