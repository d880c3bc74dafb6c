//! Names and values read straight from the bytes lol_html is parsing.
//!
//! lol_html's `tag_name()`, `name()` and `value()` each allocate a `String` (and check its
//! UTF-8) on every call, and every element of a page asks for them. When the bytes of the
//! current write are at hand ([`Source`]), the element handler reads names into a buffer on the
//! stack and values as slices; anything unusual (a tag split across writes, a name that is not
//! plain ASCII, an attribute set by a handler) goes through lol_html as before.

use lol_html::html_content::{Attribute, Element, SourceLocation};
use std::borrow::Cow;

/// The bytes of one write to lol_html (handed over, or borrowed for a pass over bytes in
/// memory) and where they start in its input stream.
pub(crate) struct Source<'a> {
    start: usize,
    bytes: Cow<'a, [u8]>,
}

impl<'a> Source<'a> {
    pub fn new(start: usize, bytes: Vec<u8>) -> Source<'static> {
        Source {
            start,
            bytes: Cow::Owned(bytes),
        }
    }

    /// The whole input of a pass, borrowed.
    pub fn whole(bytes: &'a [u8]) -> Source<'a> {
        Source {
            start: 0,
            bytes: Cow::Borrowed(bytes),
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The raw text of the element whose start tag is at `start_tag`, as far as this write
    /// holds it: up to the end of the write when its end tag is not in it (which is where its
    /// text ends when the write is the whole document). `measure` gives the text's length from
    /// the bytes after the start tag (see [`raw_text`](crate::markup::raw_text)).
    pub fn raw_text_after(&self, start_tag: SourceLocation, measure: impl Fn(&[u8]) -> usize) -> Option<&[u8]> {
        let content = start_tag.bytes().end.checked_sub(self.start)?;
        let text = self.bytes.get(content..)?;
        Some(&text[..measure(text)])
    }

    /// The bytes at `location`, when they are all in this write.
    fn get(&self, location: SourceLocation) -> Option<&[u8]> {
        let range = location.bytes();
        let from = range.start.checked_sub(self.start)?;
        let to = range.end.checked_sub(self.start)?;
        self.bytes.get(from..to)
    }
}

/// Room for a lower-cased name: longer names go through lol_html.
pub(crate) type NameBuffer = [u8; 32];

/// `raw` lower-cased into `buffer`, when it is ASCII and fits.
fn lower_ascii<'b>(raw: &[u8], buffer: &'b mut NameBuffer) -> Option<&'b str> {
    let name = buffer.get_mut(..raw.len())?;
    let mut high_bits = 0;
    for (to, &from) in name.iter_mut().zip(raw) {
        high_bits |= from;
        *to = from.to_ascii_lowercase();
    }
    if high_bits >= 0x80 {
        return None;
    }
    // SAFETY: every byte of `name` is below 0x80 (checked just above): ASCII is UTF-8.
    // (Checking them again with `from_utf8` cost 7% of the element handler's instructions.)
    Some(unsafe { std::str::from_utf8_unchecked(name) })
}

/// The element's tag name, lower-cased, as `el.tag_name()` gives it.
pub(crate) fn tag_name<'b>(el: &Element, source: Option<&Source<'_>>, buffer: &'b mut NameBuffer) -> Cow<'b, str> {
    let raw = source.and_then(|s| s.get(el.source_location())).and_then(raw_tag_name);
    match raw.and_then(|raw| lower_ascii(raw, buffer)) {
        Some(name) => Cow::Borrowed(name),
        None => Cow::Owned(el.tag_name()),
    }
}

/// The name in a start tag's bytes (`<name ...>`), when it is plain letters, digits and
/// hyphens ended as the tokenizer ends it; `None` otherwise.
pub(crate) fn raw_tag_name(tag: &[u8]) -> Option<&[u8]> {
    name_at(tag.strip_prefix(b"<")?)
}

/// The name in an end tag's bytes (`</name>`), read as [`raw_tag_name`] reads a start tag's.
pub(crate) fn raw_end_tag_name(tag: &[u8]) -> Option<&[u8]> {
    name_at(tag.strip_prefix(b"</")?)
}

/// The tag name `rest` starts with, ended as the tokenizer ends it.
fn name_at(rest: &[u8]) -> Option<&[u8]> {
    let len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    match rest.get(len) {
        Some(b' ' | b'\t' | b'\n' | b'\x0c' | b'/' | b'>') if len > 0 => Some(&rest[..len]),
        _ => None,
    }
}

/// An attribute with the bytes to read it from.
pub(crate) struct AttributeView<'a, 's> {
    pub attr: &'a Attribute<'a>,
    pub source: Option<&'s Source<'s>>,
}

impl<'s> AttributeView<'_, 's> {
    /// The name, lower-cased, as `attr.name()` gives it.
    pub fn name<'b>(&self, buffer: &'b mut NameBuffer) -> Cow<'b, str> {
        let raw = self
            .source
            .zip(self.attr.name_source_location())
            .and_then(|(s, location)| s.get(location));
        match raw.and_then(|raw| lower_ascii(raw, buffer)) {
            Some(name) => Cow::Borrowed(name),
            None => Cow::Owned(self.attr.name()),
        }
    }

    /// The value as written (entities not decoded), as `attr.value()` gives it. lol_html
    /// decodes it as a document, taking a leading byte order mark off: such a value is left to it.
    pub fn value(&self) -> Cow<'s, str> {
        let raw = self
            .source
            .zip(self.attr.value_source_location())
            .and_then(|(s, location)| s.get(location))
            .and_then(|raw| std::str::from_utf8(raw).ok())
            .filter(|value| !value.starts_with('\u{feff}'));
        match raw {
            Some(value) => Cow::Borrowed(value),
            None => Cow::Owned(self.attr.value()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_tag_names_end_where_the_tokenizer_ends_them() {
        assert_eq!(raw_tag_name(b"<div class=x>"), Some(&b"div"[..]));
        assert_eq!(raw_tag_name(b"<DIV>"), Some(&b"DIV"[..]));
        assert_eq!(raw_tag_name(b"<br/>"), Some(&b"br"[..]));
        assert_eq!(raw_tag_name(b"<my-element\n>"), Some(&b"my-element"[..]));
        // Left to lol_html: odd characters in the name, and no name at all.
        assert_eq!(raw_tag_name(b"<a:b>"), None);
        assert_eq!(raw_tag_name(b"<a\"b>"), None);
        assert_eq!(raw_tag_name(b"<>"), None);
        assert_eq!(raw_end_tag_name(b"</DIV >"), Some(&b"DIV"[..]));
        assert_eq!(raw_end_tag_name(b"<div>"), None);
    }

    /// Every tag name, attribute name and attribute value read from the bytes of each write
    /// agrees with lol_html's own accessors, whatever the input and however it is cut.
    #[test]
    fn names_and_values_read_from_the_bytes_agree_with_lol_html() {
        use lol_html::{element, HtmlRewriter, Settings};
        use std::cell::RefCell;
        use std::rc::Rc;
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut junk = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        };
        // Random bytes, and random bytes made mostly of the characters of markup.
        let random: Vec<u8> = (0..200_000).map(|_| junk()).collect();
        const MARKUP: &[u8] = b"<<>>/=\"' \t\nabcDIVpa-:_\x00\xc3\xa9\xef\xbb\xbf";
        let markup: Vec<u8> = (0..200_000).map(|_| MARKUP[junk() as usize % MARKUP.len()]).collect();
        let page = "<DIV Class=\"a b\" data-X='1' id=x\u{e9}><p title=\"\u{feff}bom\">caf\u{e9}</p><my-el A=1 B C=\"\">t</my-el></DIV>";
        for input in [page.as_bytes(), &random[..], &markup[..]] {
            for piece in [7, 4096, input.len()] {
                let current: Rc<RefCell<Option<Source<'static>>>> = Rc::default();
                let (seen, checked) = (current.clone(), Rc::new(RefCell::new(0usize)));
                let count = checked.clone();
                let settings = Settings::new()
                    .append_element_content_handler(element!("*", move |el| {
                        let source = seen.borrow();
                        let mut buffer = NameBuffer::default();
                        assert_eq!(tag_name(el, source.as_ref(), &mut buffer), el.tag_name());
                        for attr in el.attributes() {
                            let view = AttributeView {
                                attr,
                                source: source.as_ref(),
                            };
                            let mut buffer = NameBuffer::default();
                            assert_eq!(view.name(&mut buffer), attr.name());
                            assert_eq!(view.value(), attr.value());
                        }
                        *count.borrow_mut() += 1;
                        Ok(())
                    }))
                    .with_strict(false);
                let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
                let mut at = 0;
                for chunk in input.chunks(piece) {
                    *current.borrow_mut() = Some(Source::new(at, chunk.to_vec()));
                    rewriter.write(chunk).unwrap();
                    at += chunk.len();
                }
                rewriter.end().unwrap();
                assert!(*checked.borrow() > 0);
            }
        }
    }

    #[test]
    fn names_are_lower_cased_when_ascii_and_short() {
        let mut buffer = NameBuffer::default();
        assert_eq!(lower_ascii(b"Data-Src", &mut buffer), Some("data-src"));
        assert_eq!(lower_ascii("caf\u{e9}".as_bytes(), &mut buffer), None);
        assert_eq!(lower_ascii(&[b'a'; 33], &mut buffer), None);
    }
}
