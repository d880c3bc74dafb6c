//! Plain text from (cleaned) HTML: title first, then each block on its own line (figure captions
//! left out: they describe a picture, not the story), whitespace
//! collapsed, entities decoded, nothing from scripts, styles or the `<head>`.

use crate::error::{Error, Result};
use crate::markup::elements::HeadScope;
use crate::markup::rewriter::on_end;
use crate::markup::rewriter::BoxedSink;
use crate::markup::strings::{collapse, into_string_lossy};
use lol_html::html_content::{Element, TextChunk};
use lol_html::{DocumentContentHandlers, ElementContentHandlers, HtmlRewriter, Selector, Settings};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

/// Converts HTML to plain text.
///
/// ```
/// let text = stripwall::to_text("<title>A &amp; B</title><h1>A &amp; B</h1><p>One\n  two</p><ul><li>x</li><li>y</li></ul>");
/// assert_eq!(text, "A & B\n\nOne two\nx\ny\n");
/// ```
pub fn to_text(html: &str) -> String {
    let mut out = Vec::new();
    {
        let mut stream = TextStream::new(|b: &[u8]| out.extend_from_slice(b));
        // The text rewriter has no memory limit and no handler that fails: it cannot error.
        let _ = stream.write(html.as_bytes());
        let _ = stream.end();
    }
    into_string_lossy(out)
}

/// The parser behind a [`TextStream`]: its own output is discarded, only handlers read it.
type Parser = HtmlRewriter<'static, BoxedSink<'static>>;
/// Where text goes.
type TextSink<'s> = Box<dyn FnMut(&[u8]) + 's>;

/// Streams HTML in, text out: lines reach the sink as soon as they are complete.
///
/// ```
/// let mut text = Vec::new();
/// let mut stream = stripwall::TextStream::new(|b: &[u8]| text.extend_from_slice(b));
/// stream.write(b"<p>Hello <b>wor")?;
/// stream.write(b"ld</b></p><p>Again</p>")?;
/// stream.end()?;
/// assert_eq!(text, b"Hello world\nAgain\n");
/// # Ok::<(), stripwall::Error>(())
/// ```
pub struct TextStream<'s> {
    rewriter: Option<Parser>,
    state: Rc<RefCell<Lines>>,
    sink: TextSink<'s>,
}

impl<'s> TextStream<'s> {
    /// A text stream writing to `sink`.
    pub fn new(sink: impl FnMut(&[u8]) + 's) -> Self {
        let state = Rc::new(RefCell::new(Lines::default()));
        let (s1, s2) = (state.clone(), state.clone());
        let settings = Settings::new()
            .append_element_content_handler((
                Cow::Borrowed(any_selector()),
                ElementContentHandlers::default().element(move |el: &mut Element| {
                    on_element(&s1, el);
                    Ok(())
                }),
            ))
            .append_document_content_handler(DocumentContentHandlers::default().text(move |t: &mut TextChunk| {
                s2.borrow_mut().on_text(t);
                Ok(())
            }))
            .with_strict(false);
        TextStream {
            rewriter: Some(HtmlRewriter::new(settings, BoxedSink(Box::new(|_: &[u8]| {})))),
            state,
            sink: Box::new(sink),
        }
    }

    /// Feeds the next chunk of HTML.
    ///
    /// # Errors
    /// [`Error::Rewrite`] if the parser fails, [`Error::StreamFinished`] after a failure.
    pub fn write(&mut self, chunk: &[u8]) -> Result<()> {
        let rewriter = self.rewriter.as_mut().ok_or(Error::StreamFinished)?;
        let result = rewriter.write(chunk);
        self.flush();
        result.map_err(|e| {
            self.rewriter = None;
            Error::Rewrite(e.to_string())
        })
    }

    /// Ends the document and writes the last line.
    ///
    /// # Errors
    /// As for [`write`](TextStream::write).
    pub fn end(mut self) -> Result<()> {
        let rewriter = self.rewriter.take().ok_or(Error::StreamFinished)?;
        let result = rewriter.end();
        self.state.borrow_mut().break_line();
        self.flush();
        result.map_err(|e| Error::Rewrite(e.to_string()))
    }

    fn flush(&mut self) {
        let mut st = self.state.borrow_mut();
        if !st.ready.is_empty() {
            (self.sink)(st.ready.as_bytes());
            st.ready.clear();
        }
    }
}

/// Text written from another pass's handlers: that pass tells it each element it keeps, under
/// the name it gives it, and each text chunk it keeps (reader mode's extraction, when only the
/// article's text is wanted: one parse fewer). The text is what [`to_text`] makes of that
/// pass's output.
pub(crate) struct TextBuilder(Rc<RefCell<Lines>>);

impl TextBuilder {
    pub(crate) fn new() -> Self {
        TextBuilder(Rc::new(RefCell::new(Lines::default())))
    }

    /// A kept element, written as `tag`.
    pub(crate) fn element(&self, el: &mut Element, tag: &str) {
        on_named_element(&self.0, el, tag);
    }

    /// A kept chunk of text.
    pub(crate) fn text(&self, chunk: &TextChunk) {
        self.0.borrow_mut().on_text(chunk);
    }

    /// The text, once the pass has ended.
    pub(crate) fn finish(self) -> String {
        let mut lines = self.0.borrow_mut();
        lines.break_line();
        std::mem::take(&mut lines.ready)
    }
}

fn any_selector() -> &'static Selector {
    static ANY: OnceLock<Selector> = OnceLock::new();
    ANY.get_or_init(|| "*".parse().expect("`*` is a valid selector"))
}

#[derive(Default)]
struct Lines {
    /// Complete lines not yet handed to the sink.
    ready: String,
    /// The line being built.
    line: String,
    /// Raw text of the current text node (entities are decoded once it is complete).
    raw: String,
    skip_depth: u32,
    pre_depth: u32,
    head: HeadScope,
    in_title: bool,
    title: Option<String>,
    title_written: bool,
    skipped_duplicate_title: bool,
}

impl Lines {
    fn on_text(&mut self, chunk: &TextChunk) {
        if self.skip_depth > 0 && !self.in_title {
            return;
        }
        if !self.in_title && self.head.holds_text(chunk.as_str()) {
            return;
        }
        if !chunk.last_in_text_node() {
            self.raw.push_str(chunk.as_str());
            return;
        }
        // A text node in one chunk (the usual one when the whole page is in memory) is read in
        // place; one in several is read from the buffer, which keeps its room for the next.
        if self.raw.is_empty() {
            self.on_text_node(chunk.as_str());
            return;
        }
        self.raw.push_str(chunk.as_str());
        let mut raw = std::mem::take(&mut self.raw);
        self.on_text_node(&raw);
        raw.clear();
        self.raw = raw;
    }

    /// The whole `raw` text of one text node.
    fn on_text_node(&mut self, raw: &str) {
        let text = crate::decode::entities::decode_text(raw);
        if self.in_title {
            if self.title.is_none() {
                let title = collapse(&text);
                if !title.is_empty() {
                    self.title = Some(title);
                }
            }
            return;
        }
        if self.pre_depth > 0 {
            for (i, part) in text.split('\n').enumerate() {
                if i > 0 {
                    self.break_line_verbatim();
                }
                self.line.push_str(part);
            }
            return;
        }
        if text.starts_with(char::is_whitespace) && !self.line.is_empty() && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
        let mut words = text.split_whitespace().peekable();
        while let Some(word) = words.next() {
            self.line.push_str(word);
            if words.peek().is_some() {
                self.line.push(' ');
            }
        }
        if text.ends_with(char::is_whitespace) && !self.line.is_empty() && !text.trim().is_empty() {
            self.line.push(' ');
        }
    }

    fn write_title(&mut self) {
        if self.title_written {
            return;
        }
        self.title_written = true;
        if let Some(title) = &self.title {
            self.ready.push_str(title);
            self.ready.push_str("\n\n");
        }
    }

    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        let line = line.trim();
        if !line.is_empty() {
            let duplicate = !self.skipped_duplicate_title && self.title.as_deref() == Some(line);
            if duplicate {
                self.skipped_duplicate_title = true;
            } else {
                self.write_title();
                self.ready.push_str(line);
                self.ready.push('\n');
            }
        }
    }

    fn break_line_verbatim(&mut self) {
        self.write_title();
        self.ready.push_str(self.line.trim_end());
        self.ready.push('\n');
        self.line.clear();
    }
}

fn on_element(state: &Rc<RefCell<Lines>>, el: &mut Element) {
    let tag = el.tag_name();
    on_named_element(state, el, &tag);
}

fn on_named_element(state: &Rc<RefCell<Lines>>, el: &mut Element, tag: &str) {
    let mut st = state.borrow_mut();
    st.head.start_tag(tag);
    match tag {
        "head" => {
            drop(st);
            on_end(state, el, |st| st.head.end());
        }
        "title" if st.title.is_none() && !st.in_title => {
            st.in_title = true;
            st.skip_depth += 1;
            drop(st);
            on_end(state, el, |st| {
                st.in_title = false;
                st.skip_depth = st.skip_depth.saturating_sub(1);
            });
        }
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "select" | "textarea" | "iframe"
        | "figcaption" | "object" | "title" | "noframes" | "noembed" | "applet" | "frameset" | "portal" => {
            st.skip_depth += 1;
            drop(st);
            on_end(state, el, |st| st.skip_depth = st.skip_depth.saturating_sub(1));
        }
        "br" => st.break_line(),
        "pre" => {
            st.break_line();
            st.pre_depth += 1;
            drop(st);
            on_end(state, el, |st| {
                st.break_line_verbatim();
                st.pre_depth = st.pre_depth.saturating_sub(1);
            });
        }
        "td" | "th" if !st.line.is_empty() && !st.line.ends_with(' ') => st.line.push(' '),
        tag if is_block(tag) => {
            st.break_line();
            drop(st);
            on_end(state, el, Lines::break_line);
        }
        _ => {}
    }
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "caption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "form"
            | "fieldset"
            | "legend"
            | "center"
            | "hgroup"
            | "picture"
            | "video"
            | "audio"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nul_in_the_page_is_no_character_of_its_text() {
        assert_eq!(to_text("<p>a\0b</p><p>\0</p>"), "ab\n");
        assert_eq!(crate::to_markdown("<p>a\0b</p>"), "ab\n");
    }

    #[test]
    fn blocks_lines_and_entities() {
        let html = "<html><head><title>T</title><style>p{}</style></head><body>\
            <h1>Head&shy;line</h1><p>One &amp;\n two <b>bold</b>.</p><script>x()</script><p>Three<br>Four</p></body></html>";
        assert_eq!(to_text(html), "T\n\nHead\u{ad}line\nOne & two bold.\nThree\nFour\n");
    }

    #[test]
    fn duplicate_title_heading_is_skipped_once() {
        assert_eq!(
            to_text("<title>Story</title><h1>Story</h1><p>x</p><h2>Story</h2>"),
            "Story\n\nx\nStory\n"
        );
    }

    #[test]
    fn whitespace_before_the_title_does_not_lose_it() {
        let html = "<!DOCTYPE html>\n<html lang=\"de\">\n<head><title>Stadtrat beschließt</title></head>\n<body><h1>Stadtrat beschließt</h1><p>Der</p></body></html>";
        assert_eq!(to_text(html), "Stadtrat beschließt\n\nDer\n");
    }

    #[test]
    fn pre_keeps_its_lines() {
        assert_eq!(
            to_text("<pre>fn main() {\n    x();\n}</pre><p>after</p>"),
            "fn main() {\n    x();\n}\nafter\n"
        );
    }

    #[test]
    fn table_cells_are_spaced() {
        assert_eq!(
            to_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
            "a b\nc\n"
        );
    }

    #[test]
    fn streams_in_any_chunks() {
        let html = "<title>T</title><p>Caf&eacute; &amp; more</p><p>two</p>";
        let whole = to_text(html);
        for split in 1..html.len() {
            let mut out = Vec::new();
            {
                let mut s = TextStream::new(|b: &[u8]| out.extend_from_slice(b));
                s.write(&html.as_bytes()[..split]).unwrap();
                s.write(&html.as_bytes()[split..]).unwrap();
                s.end().unwrap();
            }
            assert_eq!(String::from_utf8(out).unwrap(), whole, "split at {split}");
        }
    }
}
