//! GitHub-flavoured Markdown from (article) HTML, in one lol_html pass: headings, emphasis,
//! links, images, lists, quotes, code fences with their language, tables, rules.

use crate::decode::entities;
use crate::markup::elements::HeadScope;
use crate::markup::rewriter::on_end;
use crate::markup::rewriter::BoxedSink;
use lol_html::html_content::{Element, EndTag, TextChunk};
use lol_html::{doc_text, element, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;

/// Converts HTML to Markdown (GFM).
///
/// ```
/// let md = stripwall::to_markdown(
///     r#"<h2>Title</h2><p>Some <em>text</em> with <a href="https://x.org">a link</a>.</p>
///        <ul><li>one</li><li>two</li></ul><pre><code class="language-rust">let x = 1;</code></pre>"#,
/// );
/// assert_eq!(md, "## Title\n\nSome *text* with [a link](https://x.org).\n\n- one\n- two\n\n```rust\nlet x = 1;\n```\n");
/// ```
pub fn to_markdown(html: &str) -> String {
    let state = Rc::new(RefCell::new(Markdown::default()));
    let (s1, s2) = (state.clone(), state.clone());
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            on_element(&s1, el);
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |t| {
            s2.borrow_mut().on_text(t);
            Ok(())
        }))
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, BoxedSink(Box::new(|_: &[u8]| {})));
    // No memory limit and no failing handler: the parser cannot fail on a string.
    let _ = rewriter.write(html.as_bytes());
    let _ = rewriter.end();
    let mut md = std::mem::take(&mut state.borrow_mut().out);
    let trimmed = md.trim_end().len();
    md.truncate(trimmed);
    if !md.is_empty() {
        md.push('\n');
    }
    md.trim_start_matches('\n').to_string()
}

/// Converts an article's HTML to Markdown a person can read on its own: its title first, as a
/// heading, unless the article starts with a headline of its own or says its title near its
/// start (a page given whole keeps its `<h1>`; a thread's first post may repeat its title).
/// Reader mode's Markdown is this, with the article's title
/// ([`Report::article_title`](crate::Report::article_title)); without a title it is
/// [`to_markdown`].
///
/// ```
/// let md = stripwall::to_markdown_with_title("<p>The port reopened on <em>Friday</em>.</p>", Some("Port reopens"));
/// assert_eq!(md, "# Port reopens\n\nThe port reopened on *Friday*.\n");
/// // The article's own headline is not repeated.
/// let md = stripwall::to_markdown_with_title("<h1>Port reopens</h1><p>Text.</p>", Some("Port reopens | News"));
/// assert_eq!(md, "# Port reopens\n\nText.\n");
/// let md = stripwall::to_markdown_with_title("<p>News</p><h2>Port reopens</h2><p>Text.</p>", Some("Port reopens"));
/// assert_eq!(md, "News\n\n## Port reopens\n\nText.\n");
/// ```
pub fn to_markdown_with_title(html: &str, title: Option<&str>) -> String {
    let body = to_markdown(html);
    let title = title.map(str::trim).filter(|t| !t.is_empty());
    match title {
        Some(title) if !body.starts_with("# ") && !says_title_near_start(&body, title) => {
            // The title is text: written as a heading's text is, escaped where Markdown would read it.
            let heading = to_markdown(&format!("<h1>{}</h1>", crate::decode::entities::escape_text(title)));
            if body.is_empty() {
                heading
            } else {
                format!("{heading}\n{body}")
            }
        }
        _ => body,
    }
}

/// Lines of Markdown near its start in which a title already stands.
const TITLE_LINES: usize = 8;

/// Whether one of the first lines of `markdown` is `title` (the same words), or a heading that
/// holds it.
fn says_title_near_start(markdown: &str, title: &str) -> bool {
    let title = words(title);
    if title.is_empty() {
        return true;
    }
    markdown
        .lines()
        .filter(|line| !line.trim().is_empty())
        .take(TITLE_LINES)
        .any(|line| {
            let line_words = words(line);
            line_words == title || (line.starts_with('#') && contains_run(&line_words, &title))
        })
}

/// The lower-cased words of `text` (letters and digits), without Markdown's marks.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `run` occurs in `words`, in order and together.
fn contains_run(words: &[String], run: &[String]) -> bool {
    words.windows(run.len()).any(|w| w == run)
}

#[derive(Default)]
struct Markdown {
    out: String,
    /// Raw text of the current text node (entities are decoded when it is complete).
    raw: String,
    /// Open containers that prefix lines: quotes and list items.
    containers: Vec<Container>,
    /// Open lists: ordered ones count their items.
    lists: Vec<Option<u32>>,
    skip_depth: u32,
    pre_depth: u32,
    head: HeadScope,
    /// A code fence waits for its first text (the language may come from an inner `<code>`).
    fence_pending: Option<String>,
    /// Inside a table: rows of cells being collected.
    table: Option<Table>,
    /// Links open, outermost first.
    links: Vec<Link>,
    /// Whether the current line has text (a space before the next word is needed).
    at_line_start: bool,
    /// An emphasis or code mark was just opened: no space after it.
    mark_opened: bool,
}

/// An open `<a>`: its `[` is written before its first text, and closed (`](href)`) at its end
/// or where a block starts inside it, so that a heading in a link reads `## [Headline](href)`.
struct Link {
    href: Option<String>,
    open: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Container {
    Quote,
    /// A list item: the width of its marker, for the indentation of its next lines.
    Item(usize),
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    cell: Option<String>,
}

impl Markdown {
    /// Where inline text goes: the open table cell, or the document.
    fn sink(&mut self) -> &mut String {
        match self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell,
            None => &mut self.out,
        }
    }

    fn in_cell(&self) -> bool {
        self.table.as_ref().is_some_and(|t| t.cell.is_some())
    }

    fn prefix(&self) -> String {
        let mut prefix = String::new();
        for c in &self.containers {
            match c {
                Container::Quote => prefix.push_str("> "),
                Container::Item(width) => prefix.push_str(&" ".repeat(*width)),
            }
        }
        prefix
    }

    /// Writes the `[` of links whose text starts here.
    fn open_links(&mut self) {
        for i in 0..self.links.len() {
            if self.links[i].href.is_some() && !self.links[i].open {
                self.links[i].open = true;
                self.write("[");
            }
        }
    }

    /// Closes the open links' text with `](href)`, innermost first.
    fn close_links(&mut self) {
        self.close_links_from(0);
    }

    /// Closes the open links from the `from`th on, innermost first.
    fn close_links_from(&mut self, from: usize) {
        for i in (from..self.links.len()).rev() {
            if self.links[i].open {
                self.links[i].open = false;
                let href = self.links[i].href.clone().unwrap_or_default();
                while self.sink().ends_with(' ') {
                    self.sink().pop();
                }
                self.sink().push_str(&format!("]({})", url(&href)));
            }
        }
    }

    /// Ends the current block: a blank line (with quote markers) before what follows.
    fn block_break(&mut self) {
        if !self.in_cell() {
            self.close_links();
        }
        if self.in_cell() {
            let cell = self.sink();
            if !cell.is_empty() && !cell.ends_with(' ') {
                cell.push(' ');
            }
            return;
        }
        if self.out.is_empty() {
            return;
        }
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        let quotes: String = self
            .containers
            .iter()
            .filter(|c| **c == Container::Quote)
            .map(|_| ">")
            .collect();
        let blank = if quotes.is_empty() { String::new() } else { quotes };
        if !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        if !self.out.ends_with("\n\n") && !self.out.ends_with(&format!("\n{blank}\n")) {
            self.out.push_str(&blank);
            self.out.push('\n');
        }
        self.at_line_start = true;
    }

    /// Ends the current line without a blank line (list items follow each other).
    fn line_break(&mut self) {
        if self.in_cell() || self.out.is_empty() {
            return;
        }
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        if !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.at_line_start = true;
    }

    /// Writes inline markup or text, starting the line with its prefix when needed.
    fn write(&mut self, text: &str) {
        if !self.in_cell() && (self.at_line_start || self.out.is_empty() || self.out.ends_with('\n')) {
            let prefix = self.prefix();
            self.out.push_str(&prefix);
            self.at_line_start = false;
        }
        self.sink().push_str(text);
    }

    fn on_text(&mut self, chunk: &TextChunk) {
        if self.skip_depth > 0 {
            return;
        }
        if self.head.holds_text(chunk.as_str()) {
            return;
        }
        self.raw.push_str(chunk.as_str());
        if !chunk.last_in_text_node() {
            return;
        }
        let raw = std::mem::take(&mut self.raw);
        let text = entities::decode_text(&raw);
        if self.pre_depth > 0 {
            if let Some(language) = self.fence_pending.take() {
                self.write(&format!("```{language}"));
                self.out.push('\n');
                self.at_line_start = true;
            }
            let prefix = self.prefix();
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.out.push('\n');
                    self.out.push_str(&prefix);
                } else if self.out.ends_with('\n') {
                    self.out.push_str(&prefix);
                }
                self.out.push_str(line);
            }
            self.at_line_start = false;
            return;
        }
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            if !text.is_empty() && !self.sink().is_empty() && !self.sink().ends_with([' ', '\n']) && !self.at_line_start
            {
                self.sink().push(' ');
            }
            return;
        }
        let sink_ends_open = self.sink().ends_with([' ', '\n', '(', '[']) || self.sink().is_empty() || self.mark_opened;
        self.mark_opened = false;
        if text.starts_with(char::is_whitespace) && !sink_ends_open && !self.at_line_start {
            self.sink().push(' ');
        }
        let escaped = escape(
            &collapsed,
            self.at_line_start || self.out.ends_with('\n'),
            self.in_cell(),
        );
        self.open_links();
        self.write(&escaped);
        if text.ends_with(char::is_whitespace) {
            self.sink().push(' ');
        }
    }
}

/// A URL as a Markdown link destination: spaces and parentheses would end it.
fn url(href: &str) -> String {
    href.trim().replace(' ', "%20").replace('(', "%28").replace(')', "%29")
}

/// Escapes what Markdown would read as markup.
fn escape(text: &str, line_start: bool, in_cell: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<') || (in_cell && c == '|') {
            out.push('\\');
        }
        out.push(c);
    }
    if line_start {
        let first = out.chars().next();
        let numbered = out
            .find(". ")
            .is_some_and(|i| i > 0 && out[..i].chars().all(|c| c.is_ascii_digit()));
        if matches!(first, Some('#' | '>' | '-' | '+' | '=')) {
            out.insert(0, '\\');
        } else if numbered {
            let at = out.find(". ").unwrap_or(0);
            out.insert(at, '\\');
        }
    }
    out
}

fn on_element(state: &Rc<RefCell<Markdown>>, el: &mut Element) {
    let tag = el.tag_name();
    let mut md = state.borrow_mut();
    md.head.start_tag(&tag);
    if md.skip_depth > 0 {
        return;
    }
    match tag.as_str() {
        "head" => {
            drop(md);
            on_end(state, el, |md| md.head.end());
        }
        "title" | "noframes" | "script" | "style" | "noscript" | "template" | "svg" | "math" | "select"
        | "textarea" | "button" => {
            md.skip_depth += 1;
            drop(md);
            on_end(state, el, |md| md.skip_depth = md.skip_depth.saturating_sub(1));
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            md.block_break();
            if !md.in_cell() {
                let level = tag.as_bytes()[1] - b'0';
                md.write(&format!("{} ", "#".repeat(level as usize)));
            }
            drop(md);
            on_end(state, el, Markdown::end_heading);
        }
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "figure" | "figcaption" | "dl" | "dd"
        | "dt" | "address" | "details" | "summary" | "center" => {
            md.block_break();
            drop(md);
            on_end(state, el, Markdown::block_break);
        }
        "blockquote" => {
            md.block_break();
            md.containers.push(Container::Quote);
            drop(md);
            on_end(state, el, |md| {
                md.block_break_inner();
                if let Some(at) = md.containers.iter().rposition(|c| *c == Container::Quote) {
                    md.containers.truncate(at);
                }
                md.finish_blank();
            });
        }
        "ul" | "ol" => {
            if md.lists.is_empty() {
                md.block_break();
            } else {
                md.line_break();
            }
            let start = el
                .get_attribute("start")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(1);
            md.lists.push((tag == "ol").then_some(start));
            drop(md);
            on_end(state, el, |md| {
                md.lists.pop();
                if md.lists.is_empty() {
                    md.block_break();
                }
            });
        }
        "li" => {
            md.line_break();
            let marker = match md.lists.last_mut() {
                Some(Some(n)) => {
                    let marker = format!("{n}. ");
                    *n += 1;
                    marker
                }
                _ => "- ".to_string(),
            };
            md.write(&marker);
            md.containers.push(Container::Item(marker.len()));
            md.at_line_start = false;
            drop(md);
            on_end(state, el, |md| {
                if let Some(at) = md.containers.iter().rposition(|c| matches!(c, Container::Item(_))) {
                    md.containers.truncate(at);
                }
                md.line_break();
            });
        }
        "pre" => {
            md.block_break();
            md.pre_depth += 1;
            md.fence_pending = Some(language(el).unwrap_or_default());
            drop(md);
            on_end(state, el, |md| {
                if md.fence_pending.take().is_some() {
                    md.write("```");
                    md.out.push('\n');
                }
                if !md.out.ends_with('\n') {
                    md.out.push('\n');
                }
                let prefix = md.prefix();
                md.out.push_str(&prefix);
                md.out.push_str("```");
                md.pre_depth = md.pre_depth.saturating_sub(1);
                md.block_break();
            });
        }
        "code" | "kbd" | "samp" | "tt" if md.pre_depth > 0 => {
            if let (Some(pending), Some(language)) = (md.fence_pending.as_mut(), language(el)) {
                if pending.is_empty() {
                    *pending = language;
                }
            }
        }
        "code" | "kbd" | "samp" | "tt" => wrap(md, state, el, "`"),
        "strong" | "b" => wrap(md, state, el, "**"),
        "em" | "i" | "cite" => wrap(md, state, el, "*"),
        "del" | "s" | "strike" => wrap(md, state, el, "~~"),
        "a" => {
            let href = el
                .get_attribute("href")
                .filter(|h| !h.trim().is_empty())
                .map(|h| entities::decode(&h).into_owned());
            md.links.push(Link { href, open: false });
            drop(md);
            on_end(state, el, |md| {
                md.close_links_from(md.links.len().saturating_sub(1));
                md.links.pop();
            });
        }
        "img" => {
            if let Some(src) = el.get_attribute("src").filter(|s| !s.trim().is_empty()) {
                let alt = el.get_attribute("alt").unwrap_or_default();
                let alt = escape(&crate::markup::strings::readable(&alt), false, false);
                let image = format!("![{alt}]({})", url(&entities::decode(&src)));
                // An image stands on its own line, unless it is a link's content or a cell's.
                let alone = md.links.iter().all(|l| l.href.is_none()) && !md.in_cell();
                if alone {
                    md.block_break();
                    md.write(&image);
                    md.block_break();
                } else {
                    md.open_links();
                    md.write(&image);
                }
            }
        }
        "br" => {
            if md.in_cell() {
                md.sink().push(' ');
            } else {
                md.sink().push_str("\\\n");
                md.at_line_start = true;
            }
        }
        "hr" => {
            md.block_break();
            md.write("---");
            md.block_break();
        }
        "table" => {
            md.block_break();
            md.table = Some(Table::default());
            drop(md);
            on_end(state, el, |md| {
                md.close_cell();
                if let Some(table) = md.table.take() {
                    md.write_table(table);
                }
            });
        }
        "tr" => {
            md.close_cell();
            if let Some(table) = md.table.as_mut() {
                table.rows.push(Vec::new());
            }
        }
        "td" | "th" => {
            md.close_cell();
            if let Some(table) = md.table.as_mut() {
                if table.rows.is_empty() {
                    table.rows.push(Vec::new());
                }
                table.cell = Some(String::new());
            }
        }
        _ => {}
    }
}

impl Markdown {
    /// Ends a heading: a run of `#` at its end would read as a closing mark and vanish
    /// ("C #"), so it is escaped.
    fn end_heading(&mut self) {
        if self.in_cell() {
            // A heading in a table cell is the cell's text: no marks, nothing to escape.
            self.block_break();
            return;
        }
        let line_start = self.out.rfind('\n').map_or(0, |i| i + 1);
        let line = &self.out[line_start..];
        let text = line.trim_start_matches('#');
        let hashes = text.len() - text.trim_end_matches('#').len();
        if hashes > 0 && text.trim_end_matches('#').ends_with([' ', '\t']) {
            let at = self.out.len() - hashes;
            self.out.insert(at, '\\');
        }
        self.block_break();
    }

    fn block_break_inner(&mut self) {
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        while self.out.ends_with("\n>\n") || self.out.ends_with("\n> \n") {
            let cut = self.out[..self.out.len() - 1].rfind('\n').map_or(0, |i| i + 1);
            self.out.truncate(cut);
        }
    }

    fn finish_blank(&mut self) {
        if !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.block_break();
    }

    fn close_cell(&mut self) {
        if let Some(table) = self.table.as_mut() {
            if let Some(cell) = table.cell.take() {
                let cell = cell.trim().to_string();
                if let Some(row) = table.rows.last_mut() {
                    row.push(cell);
                }
            }
        }
    }

    fn write_table(&mut self, table: Table) {
        let rows: Vec<Vec<String>> = table.rows.into_iter().filter(|r| !r.is_empty()).collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        for (i, row) in rows.iter().enumerate() {
            let mut line = String::from("|");
            for c in 0..columns {
                line.push(' ');
                line.push_str(row.get(c).map_or("", String::as_str));
                line.push_str(" |");
            }
            self.write(&line);
            self.line_break();
            if i == 0 {
                self.write(&format!("|{}", " --- |".repeat(columns)));
                self.line_break();
            }
        }
        self.block_break();
    }
}

/// Writes `mark` around the element's content (none when it is empty).
fn wrap(mut md: std::cell::RefMut<'_, Markdown>, state: &Rc<RefCell<Markdown>>, el: &mut Element, mark: &'static str) {
    if !el.can_have_content() {
        return;
    }
    md.write(mark);
    md.mark_opened = true;
    let start = md.sink().len();
    drop(md);
    let state2 = state.clone();
    let _ = el.on_end_tag(Box::new(move |_: &mut EndTag| {
        let mut md = state2.borrow_mut();
        let sink = md.sink();
        let trailing = sink.len() - sink.trim_end().len();
        sink.truncate(sink.len() - trailing);
        if sink.len() == start {
            // Nothing inside: no empty markers.
            sink.truncate(start - mark.len());
        } else {
            sink.push_str(mark);
        }
        if trailing > 0 {
            sink.push(' ');
        }
        Ok(())
    }));
}

/// The language of a code block from `class="language-x"` (reader mode writes that form).
fn language(el: &Element) -> Option<String> {
    let class = el.get_attribute("class")?;
    class.split_ascii_whitespace().find_map(|c| {
        c.strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .filter(|l| {
                !l.is_empty()
                    && l.chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '#' | '-' | '_'))
            })
            .map(str::to_ascii_lowercase)
    })
}

#[cfg(test)]
mod tests {
    use super::{to_markdown, to_markdown_with_title, TITLE_LINES};

    #[test]
    fn an_articles_title_comes_first_as_text() {
        // Markdown in the title is its text, not markup.
        assert_eq!(
            to_markdown_with_title("<p>Body.</p>", Some(" *Stars* & [links] ")),
            "# \\*Stars\\* & \\[links\\]\n\nBody.\n"
        );
        assert_eq!(to_markdown_with_title("", Some("Title")), "# Title\n");
        // A closing run of `#` would vanish from the heading.
        assert_eq!(
            to_markdown_with_title("", Some("Why I love C #")),
            "# Why I love C \\#\n"
        );
        assert_eq!(to_markdown("<h2>C# and F#</h2>"), "## C# and F#\n");
        assert_eq!(to_markdown_with_title("<p>Body.</p>", Some("  ")), "Body.\n");
        assert_eq!(to_markdown_with_title("<p>Body.</p>", None), "Body.\n");
        // A section heading is not the article's headline.
        assert_eq!(to_markdown_with_title("<h2>Part</h2>", Some("T")), "# T\n\n## Part\n");
        // A title the article already says near its start is not said again: a heading of any
        // level that holds it, or a line of the same words.
        let page = "<p><a href=/>Docs</a> / Guides</p><h1>Get started with Lathe</h1><p>Install it.</p>";
        assert!(to_markdown_with_title(page, Some("Get started with Lathe")).starts_with("[Docs]"));
        let thread = "<p><b>Which lathe for a beginner?</b></p><p>I am looking for a first lathe.</p>";
        assert!(!to_markdown_with_title(thread, Some("Which lathe for a beginner")).starts_with('#'));
        // Further down, the same words are the article's, and the title comes first.
        let late = format!("{}<h2>Lathes</h2>", "<p>Line.</p>".repeat(TITLE_LINES));
        assert!(to_markdown_with_title(&late, Some("Lathes")).starts_with("# Lathes\n"));
    }

    #[test]
    fn headings_and_paragraphs() {
        assert_eq!(to_markdown("<h1>A</h1><p>B  c</p><h3>D</h3>"), "# A\n\nB c\n\n### D\n");
    }

    #[test]
    fn emphasis_code_and_strikethrough() {
        assert_eq!(
            to_markdown("<p><strong>bold</strong>, <em>it</em>, <code>x()</code>, <del>gone</del></p>"),
            "**bold**, *it*, `x()`, ~~gone~~\n"
        );
    }

    #[test]
    fn links_and_images() {
        assert_eq!(
            to_markdown(
                r#"<p>See <a href="https://a.org/x y">the site</a>.</p><p><img src="https://a.org/i.png" alt="A cat"></p>"#
            ),
            "See [the site](https://a.org/x%20y).\n\n![A cat](https://a.org/i.png)\n"
        );
    }

    #[test]
    fn markdown_that_renders_right() {
        // Entities in link and image addresses are decoded: `&amp;` is not part of a URL.
        assert_eq!(
            to_markdown(r#"<p>See <a href="https://a.org/?x=1&amp;y=2">it</a>.</p>"#),
            "See [it](https://a.org/?x=1&y=2).\n"
        );
        // A heading inside a link is a heading whose text is the link.
        assert_eq!(
            to_markdown(r#"<a href="/s"><h2>Headline</h2><p>Dek</p></a>"#),
            "## [Headline](/s)\n\n[Dek](/s)\n"
        );
        // An image stands on its own line, but inside a link.
        assert_eq!(
            to_markdown(r#"<p>Before <img src="a.jpg" alt="A"> after <a href="/p"><img src="b.jpg" alt="B"></a></p>"#),
            "Before\n\n![A](a.jpg)\n\nafter [![B](b.jpg)](/p)\n"
        );
        // A link without text writes nothing.
        assert_eq!(to_markdown(r#"<p>Text <a href="/x"></a>end</p>"#), "Text end\n");
    }

    #[test]
    fn nested_and_ordered_lists() {
        assert_eq!(
            to_markdown("<ol start=3><li>three<ul><li>sub</li></ul></li><li>four</li></ol><p>after</p>"),
            "3. three\n   - sub\n4. four\n\nafter\n"
        );
    }

    #[test]
    fn blockquotes() {
        assert_eq!(
            to_markdown("<blockquote><p>One</p><p>Two</p></blockquote><p>After</p>"),
            "> One\n>\n> Two\n\nAfter\n"
        );
    }

    #[test]
    fn code_fences_keep_language_and_lines() {
        assert_eq!(
            to_markdown("<pre class=\"language-python\">def f():\n    return 1</pre>"),
            "```python\ndef f():\n    return 1\n```\n"
        );
        assert_eq!(to_markdown("<pre><code>a &lt; b</code></pre>"), "```\na < b\n```\n");
    }

    #[test]
    fn tables() {
        assert_eq!(
            to_markdown("<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>3 | 4</td></tr></table>"),
            "| Name | Age |\n| --- | --- |\n| Ann | 3 \\| 4 |\n"
        );
    }

    #[test]
    fn figures_with_captions() {
        assert_eq!(
            to_markdown(r#"<figure><img src="a.png" alt="x"><figcaption>The caption</figcaption></figure>"#),
            "![x](a.png)\n\nThe caption\n"
        );
    }

    #[test]
    fn escapes_markdown_in_text() {
        assert_eq!(
            to_markdown("<p>2 * 3 = [6] # _x_</p><p># not a heading</p>"),
            "2 \\* 3 = \\[6\\] # \\_x\\_\n\n\\# not a heading\n"
        );
    }

    #[test]
    fn rules_and_line_breaks() {
        assert_eq!(to_markdown("<p>a<br>b</p><hr><p>c</p>"), "a\\\nb\n\n---\n\nc\n");
    }
}
