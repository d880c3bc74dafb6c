//! Where the raw text of a `<title>` or a `<script>` ends, as lol_html's tokenizer ends it.
//!
//! When a whole document is in memory ([`Source`](crate::markup::source::Source)), the element handler
//! reads the page's title and its JSON-LD straight from the input instead of through text
//! handlers, which cost every element of the page a selector match. The rules here are the
//! tokenizer's (HTML's, as lol_html implements it): a title's text (RCDATA) ends at `</title`
//! followed by whitespace, `/` or `>`; a script's text ends at `</script` likewise, except inside
//! a `<!--` … `<script>` … `</script>` escape.

/// Bytes that end an end tag's name.
fn ends_name(byte: Option<&u8>) -> bool {
    matches!(byte, Some(b' ' | b'\n' | b'\r' | b'\t' | b'\x0C' | b'/' | b'>'))
}

/// Whether `text[at..]` starts with `name` (ASCII case ignored) ended as a tag name ends.
fn names_at(text: &[u8], at: usize, name: &[u8]) -> bool {
    text.get(at..at + name.len())
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && ends_name(text.get(at + name.len()))
}

/// Whether an end tag `</name` starts at `text[at]`.
fn end_tag_at(text: &[u8], at: usize, name: &[u8]) -> bool {
    text.get(at..at + 2) == Some(b"</") && names_at(text, at + 2, name)
}

/// The length of the text of a `<title>` (or another RCDATA element named `name`) whose
/// content starts `text`: up to its end tag, or all of it.
pub(crate) fn rcdata_len(text: &[u8], name: &[u8]) -> usize {
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'<', &text[at..]) {
        let lt = at + offset;
        if end_tag_at(text, lt, name) {
            return lt;
        }
        at = lt + 1;
    }
    text.len()
}

#[derive(Clone, Copy, PartialEq)]
enum Script {
    Data,
    /// After `<!--`.
    Escaped,
    /// After `<!--` and `<script`: a `</script` here only ends the inner one.
    DoubleEscaped,
}

/// The length of a `<script>`'s text whose content starts `text`: up to its end tag, or all of it.
pub(crate) fn script_len(text: &[u8]) -> usize {
    const NAME: &[u8] = b"script";
    let mut state = Script::Data;
    let mut dashes = 0usize;
    let mut at = 0;
    while at < text.len() {
        if state == Script::Data {
            let Some(offset) = memchr::memchr(b'<', &text[at..]) else {
                break;
            };
            let lt = at + offset;
            if end_tag_at(text, lt, NAME) {
                return lt;
            }
            if text[lt + 1..].starts_with(b"!--") {
                // `<!--` goes straight to the state after two dashes: `<!-->` ends it again.
                state = Script::Escaped;
                dashes = 2;
                at = lt + 4;
            } else {
                at = lt + 1;
            }
            continue;
        }
        match text[at] {
            b'-' => {
                dashes += 1;
                at += 1;
                continue;
            }
            b'>' if dashes >= 2 => state = Script::Data,
            b'<' if state == Script::Escaped => {
                if end_tag_at(text, at, NAME) {
                    return at;
                }
                if names_at(text, at + 1, NAME) {
                    state = Script::DoubleEscaped;
                }
            }
            b'<' if end_tag_at(text, at, NAME) => state = Script::Escaped,
            _ => {}
        }
        dashes = 0;
        at += 1;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text lol_html's tokenizer gives the first `<tag>` of `<tag>` + `content`.
    fn tokenized(tag: &str, content: &str) -> String {
        let text = std::cell::RefCell::new(String::new());
        let elements = std::cell::Cell::new(0);
        let settings = lol_html::Settings::new().append_element_content_handler((
            std::borrow::Cow::Owned(tag.parse().unwrap()),
            lol_html::ElementContentHandlers::default()
                .element(|_: &mut lol_html::html_content::Element| {
                    elements.set(elements.get() + 1);
                    Ok(())
                })
                .text(|t: &mut lol_html::html_content::TextChunk| {
                    if elements.get() == 1 {
                        text.borrow_mut().push_str(t.as_str());
                    }
                    Ok(())
                }),
        ));
        lol_html::rewrite_str(&format!("<{tag}>{content}"), settings).unwrap();
        text.into_inner()
    }

    /// A title's text, checked against lol_html's.
    fn title(text: &str) -> &str {
        let ours = &text[..rcdata_len(text.as_bytes(), b"title")];
        assert_eq!(ours, tokenized("title", text), "title {text:?}");
        ours
    }

    /// A script's text, checked against lol_html's.
    fn script(text: &str) -> &str {
        let ours = &text[..script_len(text.as_bytes())];
        assert_eq!(ours, tokenized("script", text), "script {text:?}");
        ours
    }

    use proptest::strategy::Just;

    proptest::proptest! {
        /// Text made of the pieces the tokenizer's states turn on ends where lol_html ends it.
        #[test]
        fn raw_text_ends_where_lol_html_ends_it(pieces in proptest::collection::vec(proptest::prop_oneof![
            Just("<"), Just("</"), Just("!--"),
            Just("-"), Just(">"), Just("/"),
            Just("script"), Just("SCRIPT"), Just("title"),
            Just(" "), Just("\n"), Just("x"),
            Just("<!--"), Just("-->"), Just("<script>"),
            Just("</script>"),
        ], 0..24)) {
            let text = pieces.concat();
            script(&text);
            title(&text);
        }
    }

    #[test]
    fn a_title_ends_at_its_end_tag_in_any_case() {
        assert_eq!(title("News &amp; <b>views</b></title><p>x"), "News &amp; <b>views</b>");
        assert_eq!(title("A</TITLE >"), "A");
        assert_eq!(title("A</title/>"), "A");
        assert_eq!(title("A</title\n>"), "A");
        // Not its end tag: another name, a longer one, or nothing after the name.
        assert_eq!(title("A</tit></titles></title>"), "A</tit></titles>");
        assert_eq!(title("A</title"), "A</title");
        assert_eq!(title("unclosed"), "unclosed");
    }

    #[test]
    fn a_script_ends_at_its_end_tag_unless_escaped_twice() {
        assert_eq!(script("{\"a\": 1}</script>"), "{\"a\": 1}");
        assert_eq!(script("{}</SCRIPT\t>"), "{}");
        // `<!--` alone does not hide the end tag.
        assert_eq!(script("<!-- x </script>"), "<!-- x ");
        // `<!--` then `<script>`: the first `</script>` closes the inner one.
        assert_eq!(
            script("<!-- <script> a </script> b </script> c"),
            "<!-- <script> a </script> b "
        );
        // `-->` ends the escape: a `<script>` after it opens nothing.
        assert_eq!(script("<!-- --> <script> </script>x"), "<!-- --> <script> ");
        assert_eq!(script("<!--> <script> </script>x"), "<!--> <script> ");
        // In the double escape, `-->` goes back to plain script data.
        assert_eq!(script("<!--<script>--></script>x"), "<!--<script>-->");
        assert_eq!(script("<!--<scripts></script>x"), "<!--<scripts>");
        assert_eq!(script("no end"), "no end");
    }
}
