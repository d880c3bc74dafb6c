//! Reader pass 2: a lol_html rewrite of the same bytes that keeps only the chosen subtrees and
//! tidies them: presentational attributes go, lazy images get their real source, links and
//! images become absolute. Or, when only the article's text is wanted, writes that text as it
//! goes.

use super::scan::{Kind, Node};
use super::score::{Choice, Treat};
use super::url::BaseUrl;
use crate::markup::rewriter::BoxedSink;
use crate::markup::source::{self, NameBuffer, Source};
use crate::output::text::TextBuilder;
use lol_html::html_content::Element;
use lol_html::{doc_comments, doc_text, doctype, element, HandlerResult, HtmlRewriter, Settings};
use std::cell::RefCell;
use std::rc::Rc;

/// Attributes kept on every element of the article (beyond the caller's own list).
fn keeps_attribute(tag: &str, name: &str) -> bool {
    match name {
        "href" => matches!(tag, "a" | "area"),
        "src" => matches!(tag, "img" | "source" | "video" | "audio" | "iframe" | "track"),
        "srcset" | "sizes" => matches!(tag, "img" | "source"),
        "alt" => matches!(tag, "img" | "area"),
        "title" => matches!(tag, "a" | "img" | "abbr"),
        "width" | "height" => matches!(tag, "img" | "video" | "iframe"),
        "colspan" | "rowspan" | "headers" | "scope" => matches!(tag, "td" | "th"),
        "start" | "reversed" => tag == "ol",
        "datetime" => matches!(tag, "time" | "del" | "ins"),
        "cite" => matches!(tag, "blockquote" | "q"),
        "poster" | "controls" => tag == "video",
        "type" | "media" => tag == "source",
        "lang" | "dir" => true,
        _ => false,
    }
}

/// Attributes that lazy-loading scripts use for the real source, best first.
const LAZY_SRC: [&str; 5] = [
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-url",
    "data-hi-res-src",
];
const LAZY_SRCSET: [&str; 3] = ["data-srcset", "data-lazy-srcset", "data-original-set"];

/// The article's tidy-up settings.
pub(crate) struct Tidy<'a> {
    pub base: Option<BaseUrl>,
    pub keep_attributes: &'a [String],
}

struct Pass {
    next: u32,
    /// Index of the next root to open.
    next_root: usize,
    /// The last element index of the open root, if one is open.
    open_until: Option<u32>,
    /// The raw content of a kept `<noscript>` being read (its fallback image is taken out).
    noscript: Option<String>,
    /// The last element index of a dropped element inside the article, while one is open.
    dropping_until: Option<u32>,
}

/// Runs pass 2 over `html` and returns the article's HTML.
pub(crate) fn extract(html: &[u8], nodes: &[Node], choice: &Choice, tidy: &Tidy<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len() / 4);
    run(html, nodes, choice, tidy, None, &mut |b: &[u8]| {
        out.extend_from_slice(b)
    });
    out
}

/// Runs pass 2 over `html` and returns the article's text: the text [`to_text`] makes of
/// [`extract`]'s HTML, written as the pass goes (the HTML is neither kept nor tidied).
///
/// [`to_text`]: crate::output::text::to_text
pub(crate) fn extract_text(html: &[u8], nodes: &[Node], choice: &Choice, tidy: &Tidy<'_>) -> String {
    let text = TextBuilder::new();
    run(html, nodes, choice, tidy, Some(&text), &mut |_: &[u8]| {});
    text.finish()
}

fn run(
    html: &[u8],
    nodes: &[Node],
    choice: &Choice,
    tidy: &Tidy<'_>,
    text: Option<&TextBuilder>,
    sink: &mut dyn FnMut(&[u8]),
) {
    match root_spans(html, nodes, choice) {
        // Each subtree is read on its own: the page around them is not parsed again.
        Some(spans) => {
            for (position, (&root, span)) in choice.roots.iter().zip(spans).enumerate() {
                let first = Pass::at(root, position);
                run_over(&html[span], first, nodes, choice, tidy, text, sink);
            }
        }
        None => run_over(html, Pass::at(0, 0), nodes, choice, tidy, text, sink),
    }
}

/// The bytes of each chosen subtree, when each can be read apart from the page: it ends with
/// its own end tag (not one HTML implied, nor an ancestor's that closed it), it is not inside
/// raw text or foreign content (where reading it alone would tokenize it otherwise), and the
/// subtrees follow each other without overlapping. Else `None`: the whole page is read.
fn root_spans(html: &[u8], nodes: &[Node], choice: &Choice) -> Option<Vec<std::ops::Range<usize>>> {
    if choice.everything || choice.roots.is_empty() || u32::try_from(html.len()).is_err() {
        return None;
    }
    let mut spans = Vec::with_capacity(choice.roots.len());
    let mut from = 0;
    for &root in &choice.roots {
        let node = nodes.get(root as usize)?;
        let (start, end) = (node.bytes.0 as usize, node.bytes.1 as usize);
        if end <= start || start < from || end > html.len() || in_opaque(nodes, root) {
            return None;
        }
        let span = start..end;
        if !ends_with_own_end_tag(&html[span.clone()]) {
            return None;
        }
        from = end;
        spans.push(span);
    }
    Some(spans)
}

/// Whether the element at `root`, or one around it, is raw text or foreign content to the parser.
fn in_opaque(nodes: &[Node], root: u32) -> bool {
    let mut at = root;
    while let Some(node) = nodes.get(at as usize) {
        if node.kind == Kind::Opaque {
            return true;
        }
        at = node.parent;
    }
    false
}

/// Whether `element` (its start tag to the end tag that closed it) ends with its own end tag:
/// `<div …>…</div>`, not `<p>…</section>`.
fn ends_with_own_end_tag(element: &[u8]) -> bool {
    use crate::markup::source::{raw_end_tag_name, raw_tag_name};
    let Some(close) = element.windows(2).rposition(|w| w == b"</") else {
        return false;
    };
    match (raw_tag_name(element), raw_end_tag_name(&element[close..])) {
        (Some(start), Some(end)) => start.eq_ignore_ascii_case(end),
        _ => false,
    }
}

impl Pass {
    /// A pass whose next element is number `next`, and next subtree to keep `roots[next_root]`.
    fn at(next: u32, next_root: usize) -> Pass {
        Pass {
            next,
            next_root,
            open_until: None,
            noscript: None,
            dropping_until: None,
        }
    }
}

fn run_over(
    html: &[u8],
    first: Pass,
    nodes: &[Node],
    choice: &Choice,
    tidy: &Tidy<'_>,
    text: Option<&TextBuilder>,
    sink: &mut dyn FnMut(&[u8]),
) {
    let pass = Rc::new(RefCell::new(first));
    let (p1, p2) = (pass.clone(), pass.clone());
    let everything = choice.everything;
    // Tag names are read from the bytes, not through lol_html's allocating accessor.
    let source = Source::whole(html);
    let source = &source;
    let settings = Settings::new()
        .append_element_content_handler(element!("*", move |el| {
            on_element(&p1, el, source, nodes, choice, tidy, text)
        }))
        .append_document_content_handler(doc_text!(move |t| {
            let mut p = p2.borrow_mut();
            if let Some(raw) = p.noscript.as_mut() {
                if raw.len() < MAX_NOSCRIPT_BYTES {
                    raw.push_str(t.as_str());
                }
                t.remove();
            } else if (p.open_until.is_none() && !everything) || p.dropping_until.is_some() {
                t.remove();
            } else if let Some(text) = text {
                text.text(t);
            }
            Ok(())
        }))
        .append_document_content_handler(doc_comments!(|c| {
            c.remove();
            Ok(())
        }))
        .append_document_content_handler(doctype!(|d| {
            d.remove();
            Ok(())
        }))
        .with_strict(false);
    let mut rewriter = HtmlRewriter::new(settings, BoxedSink(Box::new(sink)));
    // The same bytes went through pass 1 and through lol_html once already: this cannot fail
    // where they did not; if it does, what was extracted so far is the result.
    if rewriter.write(html).is_ok() {
        let _ = rewriter.end();
    }
}

fn on_element(
    pass: &Rc<RefCell<Pass>>,
    el: &mut Element,
    source: &Source<'_>,
    nodes: &[Node],
    choice: &Choice,
    tidy: &Tidy<'_>,
    text: Option<&TextBuilder>,
) -> HandlerResult {
    let mut p = pass.borrow_mut();
    let index = p.next;
    p.next += 1;
    if p.open_until.is_some_and(|end| index > end) {
        p.open_until = None;
    }
    // The element's last record index: where the scan, as a browser, ended it.
    let end = nodes.get(index as usize).map_or(index, |n| n.end);
    if p.open_until.is_none() && choice.roots.get(p.next_root) == Some(&index) {
        p.next_root += 1;
        p.open_until = Some(end);
        if el.can_have_content() {
            let pass = pass.clone();
            el.on_end_tag(Box::new(move |_| {
                pass.borrow_mut().open_until = None;
                Ok(())
            }))?;
        }
    }
    if p.dropping_until.is_some_and(|end| index > end) {
        p.dropping_until = None;
    }
    let mut name_buffer = NameBuffer::default();
    let tag = source::tag_name(el, Some(source), &mut name_buffer);
    // A document's `<title>` at the top of a fragment given whole is the page's name, which is
    // metadata: never part of the article.
    let top_level = nodes.get(index as usize).is_some_and(|n| n.parent == super::scan::NONE);
    if top_level && tag == "title" {
        el.remove();
        return Ok(());
    }
    if p.dropping_until.is_some() {
        el.remove_and_keep_content();
    } else if p.open_until.is_some() {
        drop(p);
        match choice.treat.get(index as usize).copied().unwrap_or(Treat::Keep) {
            Treat::Drop => drop_element(pass, el, end)?,
            _ if tag == "noscript" => image_fallback(pass, el, tidy)?,
            Treat::Figure => keep(el, &tag, Some("figure"), tidy, text),
            Treat::Caption => keep(el, &tag, Some("figcaption"), tidy, text),
            Treat::Unwrap => el.remove_and_keep_content(),
            Treat::Keep => keep(el, &tag, None, tidy, text),
        }
    } else if choice.everything {
        drop(p);
        keep(el, &tag, None, tidy, text);
    } else {
        // Outside the article only its tags go: the text between them is removed as it comes,
        // and what it holds is decided element by element. (Removing it whole would also take
        // what HTML closes it before: a `<tr/>` is open to lol_html until a `</tr>`, where the
        // scan, as a browser, ended it at the next row, which may be the article.)
        el.remove_and_keep_content();
    }
    Ok(())
}

/// Keeps an element of the article, `tag`, renamed `rename` (a container of content, not a
/// void element): tidied for HTML, told to the text writer for text.
fn keep(el: &mut Element, tag: &str, rename: Option<&str>, tidy: &Tidy<'_>, text: Option<&TextBuilder>) {
    let renamed = rename.filter(|_| el.can_have_content());
    match text {
        Some(text) => text.element(el, renamed.unwrap_or(tag)),
        None => {
            if let Some(tag) = renamed {
                let _ = el.set_tag_name(tag);
            }
            tidy_element(el, renamed.unwrap_or(tag), tidy);
        }
    }
}

/// Drops an element inside the article whose last element index is `end`: its tags go and what
/// it holds is removed as it comes, up to where the scan (as a browser) ended it. `el.remove()`
/// would also take what follows a `<p>` whose end tag HTML leaves out, up to its parent's end.
fn drop_element(pass: &Rc<RefCell<Pass>>, el: &mut Element, end: u32) -> HandlerResult {
    if !el.can_have_content() {
        el.remove();
        return Ok(());
    }
    el.remove_and_keep_content();
    pass.borrow_mut().dropping_until = Some(end);
    let pass = pass.clone();
    el.on_end_tag(Box::new(move |_| {
        pass.borrow_mut().dropping_until = None;
        Ok(())
    }))?;
    Ok(())
}

/// Fallback markup longer than this is not read.
const MAX_NOSCRIPT_BYTES: usize = 16 * 1024;

/// A `<noscript>` after a lazy image holds the real one: its content (raw text to the parser)
/// is read, and only a clean `<img>` built from its `src`, `srcset` and `alt` is written.
fn image_fallback(pass: &Rc<RefCell<Pass>>, el: &mut Element, tidy: &Tidy<'_>) -> HandlerResult {
    el.remove_and_keep_content();
    pass.borrow_mut().noscript = Some(String::new());
    let pass = pass.clone();
    let base = tidy.base.clone();
    el.on_end_tag(Box::new(move |end| {
        let raw = pass.borrow_mut().noscript.take().unwrap_or_default();
        if let Some(img) = fallback_image(&raw, base.as_ref()) {
            end.before(&img, lol_html::html_content::ContentType::Html);
        }
        Ok(())
    }))?;
    Ok(())
}

/// The first real (not 1×1) image in fallback markup, rebuilt with escaped attributes.
fn fallback_image(markup: &str, base: Option<&BaseUrl>) -> Option<String> {
    let at = markup.to_ascii_lowercase().find("<img")?;
    let tag = &markup[at + 4..];
    let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
    let attrs = crate::decode::tag_attributes::tag_attributes(tag);
    let get = |name: &str| attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    if get("width") == Some("1") || get("height") == Some("1") {
        return None;
    }
    let src = get("src").filter(|s| !is_placeholder(s) && !crate::rules::safety::is_script_url(s))?;
    let resolve = |url: &str| base.map_or(url.to_string(), |b| b.resolve(url));
    let mut img = format!(r#"<img src="{}""#, attribute(&resolve(src)));
    if let Some(srcset) = get("srcset") {
        let srcset = base.map_or(srcset.to_string(), |b| resolve_srcset(b, srcset));
        img.push_str(&format!(r#" srcset="{}""#, attribute(&srcset)));
    }
    img.push_str(&format!(r#" alt="{}">"#, attribute(get("alt").unwrap_or(""))));
    Some(img)
}

/// An attribute value escaped for double quotes.
fn attribute(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Tidies an element of the article whose tag (as it will be written) is `tag`.
fn tidy_element(el: &mut Element, tag: &str, tidy: &Tidy<'_>) {
    let mut lazy_src: Option<String> = None;
    let mut lazy_srcset: Option<String> = None;
    let mut code_language: Option<String> = None;
    let mut drop: Vec<String> = Vec::new();
    // Whether the element has an address to resolve (most have none: no lookups then).
    let mut has_address = false;
    for attr in el.attributes() {
        let name = attr.name();
        has_address |= matches!(name.as_str(), "href" | "src" | "poster" | "srcset");
        if name.starts_with("data-") && matches!(tag, "img" | "source") {
            let value = attr.value();
            if lazy_src.is_none() && LAZY_SRC.contains(&name.as_str()) && looks_like_url(&value) {
                lazy_src = Some(value);
            } else if lazy_srcset.is_none() && LAZY_SRCSET.contains(&name.as_str()) && looks_like_url(&value) {
                lazy_srcset = Some(value);
            }
        }
        if name == "class" && matches!(tag, "pre" | "code") {
            code_language = language_class(&attr.value());
        }
        if !keeps_attribute(tag, &name) && !tidy.keep_attributes.iter().any(|k| k.eq_ignore_ascii_case(&name)) {
            drop.push(name);
        }
    }
    for name in &drop {
        el.remove_attribute(name);
    }
    if let Some(language) = code_language {
        let _ = el.set_attribute("class", &format!("language-{language}"));
    }
    if matches!(tag, "img" | "source") {
        let placeholder = el.get_attribute("src").is_none_or(|s| is_placeholder(&s));
        if let (true, Some(src)) = (
            placeholder,
            lazy_src.filter(|s| !crate::rules::safety::is_script_url(s)),
        ) {
            let _ = el.set_attribute("src", &src);
        }
        if let Some(srcset) = lazy_srcset.filter(|s| !crate::rules::safety::is_script_url(s)) {
            if el.get_attribute("srcset").is_none_or(|s| is_placeholder(&s)) {
                let _ = el.set_attribute("srcset", &srcset);
            }
        }
        if tag == "img"
            && el.get_attribute("src").is_none_or(|s| is_placeholder(&s))
            && el.get_attribute("srcset").is_none()
        {
            el.remove();
            return;
        }
    }
    // (An image may have been given its lazy address just above.)
    let has_address = has_address || matches!(tag, "img" | "source");
    if let Some(base) = tidy.base.as_ref().filter(|_| has_address) {
        for name in ["href", "src", "poster"] {
            if let Some(value) = el.get_attribute(name) {
                let _ = el.set_attribute(name, &base.resolve(&value));
            }
        }
        if let Some(srcset) = el.get_attribute("srcset") {
            let _ = el.set_attribute("srcset", &resolve_srcset(base, &srcset));
        }
    }
    if tag == "a" && el.get_attribute("href").is_some_and(|h| is_script_url(&h)) {
        el.remove_attribute("href");
    }
}

fn looks_like_url(value: &str) -> bool {
    let v = value.trim();
    !v.is_empty() && !v.starts_with(['{', '['])
}

/// A `src` that stands in for the real image: empty, a data URI, a known blank.
fn is_placeholder(src: &str) -> bool {
    let s = src.trim();
    s.is_empty()
        || s.starts_with("data:")
        || s == "#"
        || s.contains("blank.gif")
        || s.contains("spacer.gif")
        || s.contains("pixel.gif")
}

fn is_script_url(href: &str) -> bool {
    let compact: String = href
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(11)
        .collect();
    compact.to_ascii_lowercase().starts_with("javascript:") || compact.to_ascii_lowercase().starts_with("vbscript:")
}

/// The language a code block's class names (`language-rust`, `lang-js`, `highlight-source-py`).
fn language_class(class: &str) -> Option<String> {
    class.split_ascii_whitespace().find_map(|c| {
        let language = c
            .strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .or_else(|| c.strip_prefix("highlight-source-"))?;
        (!language.is_empty()
            && language
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '+' | '#' | '-' | '_')))
        .then(|| language.to_ascii_lowercase())
    })
}

fn resolve_srcset(base: &BaseUrl, srcset: &str) -> String {
    srcset
        .split(',')
        .map(|candidate| {
            let candidate = candidate.trim();
            match candidate.split_once(char::is_whitespace) {
                Some((url, descriptor)) => format!("{} {}", base.resolve(url), descriptor.trim()),
                None => base.resolve(candidate),
            }
        })
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_element_read_alone_must_end_with_its_own_end_tag() {
        assert!(ends_with_own_end_tag(b"<div class=a><p>x</p></div>"));
        assert!(ends_with_own_end_tag(b"<DIV>x</div >"));
        assert!(ends_with_own_end_tag(b"<article\n>x</ARTICLE>"));
        // Closed by an ancestor's end tag, or not closed at all.
        assert!(!ends_with_own_end_tag(b"<p>x</section>"));
        assert!(!ends_with_own_end_tag(b"<div>x</divx>"));
        assert!(!ends_with_own_end_tag(b"<div>x"));
        assert!(!ends_with_own_end_tag(b""));
    }

    /// The byte spans pass 2 would read for the elements numbered `roots` of `html`.
    fn spans(html: &str, roots: &[u32]) -> Option<Vec<String>> {
        let scan = super::super::scan::scan(html.as_bytes());
        let choice = Choice {
            roots: roots.to_vec(),
            ..Choice::default()
        };
        root_spans(html.as_bytes(), &scan.nodes, &choice)
            .map(|spans| spans.into_iter().map(|s| html[s].to_string()).collect())
    }

    #[test]
    fn reads_each_chosen_subtree_alone_only_when_it_can() {
        // Elements: 0 body, 1 div, 2 p, 3 div, 4 p, 5 svg, 6 foreignobject, 7 div.
        let page = "<body><div id=a><p>One</div>\n<div id=b><p>Two</p></section><svg><foreignObject><div>Three</div></foreignObject></svg></body>";
        assert_eq!(spans(page, &[1]), Some(vec!["<div id=a><p>One</div>".to_string()]));
        // Closed by another element's end tag, inside foreign content, or out of order: the page.
        assert_eq!(spans(page, &[3]), None);
        assert_eq!(spans(page, &[7]), None);
        assert_eq!(spans(page, &[1, 1]), None);
        assert_eq!(spans(page, &[]), None);
    }

    #[test]
    fn takes_the_real_image_out_of_fallback_markup() {
        let base = BaseUrl::parse("https://x.org/a/b").unwrap();
        assert_eq!(
            fallback_image(
                r#"<IMG alt='A "big" cat' src="/c.jpg?a=1&amp;b=2" onerror=alert(1)>"#,
                Some(&base)
            )
            .as_deref(),
            Some(r#"<img src="https://x.org/c.jpg?a=1&amp;b=2" alt="A &quot;big&quot; cat">"#)
        );
        assert_eq!(
            fallback_image(r#"<img height="1" width="1" src="https://t.example/p">"#, None),
            None
        );
        assert_eq!(fallback_image("<p>Enable JavaScript</p>", None), None);
        assert_eq!(fallback_image(r#"<img src="data:image/gif;base64,R0">"#, None), None);
    }
}
