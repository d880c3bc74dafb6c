//! Whether markup has any text a reader would see, read from bytes as they stream past.
//!
//! A cleaner that returns a page without text from a page with text must say so, never stay
//! silent; this tells both sides cheaply. It is a byte scanner, not a parser: text is any byte
//! other than whitespace outside tags, comments, the `<head>`'s title, and the raw text of
//! scripts, styles and the like. It stops reading at the first such byte, so a page costs only
//! the bytes up to its first visible word.

/// Elements whose content is not visible text.
const HIDDEN_CONTENT: [&[u8]; 8] = [
    b"title",
    b"script",
    b"style",
    b"textarea",
    b"template",
    b"noscript",
    b"xmp",
    b"noframes",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum At {
    /// Between tags.
    #[default]
    Data,
    /// After `<`: a tag name, `/`, `!` or text follows.
    TagOpen,
    /// Reading a start tag's name (up to 10 bytes are kept).
    StartName,
    /// Inside a tag, after its name; a quote opens a value.
    InTag,
    /// Inside a quoted attribute value.
    Quoted(u8),
    /// Inside `<!…>` or `<?…>` that is not a comment.
    Declaration,
    /// After `<!`: a comment opens with `--`.
    Bang,
    /// After `<!-`.
    BangDash,
    /// Inside a comment: `dashes` counts the `-` just read.
    Comment { dashes: u8 },
    /// Inside an element of [`HIDDEN_CONTENT`]: looking for `</` and its name.
    Hidden { matched: u8 },
}

/// Scans bytes for visible text, chunk by chunk: [`found`](VisibleText::found) once any was seen.
#[derive(Debug, Default, Clone)]
pub(crate) struct VisibleText {
    at: At,
    found: bool,
    name: [u8; 10],
    name_len: u8,
    /// The element of [`HIDDEN_CONTENT`] being skipped.
    hidden: usize,
}

impl VisibleText {
    /// Whether visible text was seen.
    pub fn found(&self) -> bool {
        self.found
    }

    /// Reads the next bytes (a chunk may end anywhere).
    pub fn feed(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() && !self.found {
            // Runs that no state looks into (scripts, attribute values, comments) are jumped
            // with memchr: a page's head is mostly such runs, read before its first word.
            let rest = &bytes[i..];
            let skip = match self.at {
                At::InTag => memchr::memchr3(b'>', b'"', b'\'', rest),
                At::Quoted(q) => memchr::memchr(q, rest),
                At::Declaration => memchr::memchr(b'>', rest),
                At::Comment { .. } => memchr::memchr2(b'-', b'>', rest),
                At::Hidden { matched: 0 } => memchr::memchr(b'<', rest),
                _ => Some(0),
            };
            let skipped = skip.unwrap_or(rest.len());
            if skipped > 0 {
                if let At::Comment { .. } = self.at {
                    self.at = At::Comment { dashes: 0 };
                }
                i += skipped;
                continue;
            }
            let b = bytes[i];
            i += 1;
            self.at = match self.at {
                At::Data => match memchr::memchr(b'<', &bytes[i - 1..]) {
                    Some(at) => {
                        if bytes[i - 1..i - 1 + at].iter().any(|b| !b.is_ascii_whitespace()) {
                            self.found = true;
                        }
                        i += at;
                        At::TagOpen
                    }
                    None => {
                        self.found = bytes[i - 1..].iter().any(|b| !b.is_ascii_whitespace());
                        i = bytes.len();
                        At::Data
                    }
                },
                At::TagOpen => match b {
                    b'!' => At::Bang,
                    b'/' | b'?' => At::Declaration,
                    b if b.is_ascii_alphabetic() => {
                        self.name[0] = b.to_ascii_lowercase();
                        self.name_len = 1;
                        At::StartName
                    }
                    b'<' => {
                        // `<<`: the first is text.
                        self.found = true;
                        At::TagOpen
                    }
                    b if b.is_ascii_whitespace() => {
                        self.found = true;
                        At::Data
                    }
                    _ => {
                        self.found = true;
                        At::Data
                    }
                },
                At::StartName => match b {
                    b'>' => self.after_start_tag(),
                    b if b.is_ascii_whitespace() || b == b'/' => At::InTag,
                    b => {
                        if usize::from(self.name_len) < self.name.len() {
                            self.name[usize::from(self.name_len)] = b.to_ascii_lowercase();
                        }
                        self.name_len = self.name_len.saturating_add(1);
                        At::StartName
                    }
                },
                At::InTag => match b {
                    b'"' | b'\'' => At::Quoted(b),
                    b'>' => self.after_start_tag(),
                    _ => At::InTag,
                },
                At::Quoted(q) if b == q => At::InTag,
                At::Quoted(q) => At::Quoted(q),
                At::Declaration => {
                    if b == b'>' {
                        At::Data
                    } else {
                        At::Declaration
                    }
                }
                At::Bang => match b {
                    b'-' => At::BangDash,
                    b'>' => At::Data,
                    _ => At::Declaration,
                },
                At::BangDash => match b {
                    b'-' => At::Comment { dashes: 0 },
                    b'>' => At::Data,
                    _ => At::Declaration,
                },
                At::Comment { dashes } => match b {
                    b'-' => At::Comment {
                        dashes: dashes.saturating_add(1),
                    },
                    b'>' if dashes >= 2 => At::Data,
                    _ => At::Comment { dashes: 0 },
                },
                At::Hidden { matched } => self.in_hidden(b, matched),
            };
        }
    }

    /// A start tag ended: the content of some elements is not text.
    fn after_start_tag(&mut self) -> At {
        let name = &self.name[..usize::from(self.name_len).min(self.name.len())];
        let exact = usize::from(self.name_len) <= self.name.len();
        match HIDDEN_CONTENT.iter().position(|&h| exact && h == name) {
            Some(index) => {
                self.hidden = index;
                At::Hidden { matched: 0 }
            }
            None => At::Data,
        }
    }

    /// Inside a hidden element: `matched` bytes of `</name` read so far.
    fn in_hidden(&self, b: u8, matched: u8) -> At {
        let name = HIDDEN_CONTENT[self.hidden];
        let m = usize::from(matched);
        let expected = match m {
            0 => Some(b'<'),
            1 => Some(b'/'),
            _ => name.get(m - 2).copied(),
        };
        match expected {
            Some(e) if b.to_ascii_lowercase() == e => At::Hidden { matched: matched + 1 },
            // The whole name matched: the end tag's rest is skipped like a tag's.
            None if b == b'>' || b.is_ascii_whitespace() || b == b'/' => {
                if b == b'>' {
                    At::Data
                } else {
                    At::Declaration
                }
            }
            _ if b == b'<' => At::Hidden { matched: 1 },
            _ => At::Hidden { matched: 0 },
        }
    }
}

/// Whether `html` has visible text.
pub(crate) fn has_visible_text(html: &[u8]) -> bool {
    let mut scan = VisibleText::default();
    scan.feed(html);
    scan.found()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_agrees(html: &str) -> bool {
        let whole = has_visible_text(html.as_bytes());
        for cut in 0..=html.len() {
            let mut scan = VisibleText::default();
            scan.feed(&html.as_bytes()[..cut]);
            scan.feed(&html.as_bytes()[cut..]);
            assert_eq!(scan.found(), whole, "cut at {cut} of {html:?}");
        }
        whole
    }

    #[test]
    fn text_outside_tags_is_visible() {
        assert!(split_agrees("<p>Hi</p>"));
        assert!(split_agrees("Plain"));
        assert!(split_agrees("<html><head><title>T</title><body><p>Para one.</p>"));
        assert!(split_agrees("<div a='>x'>&nbsp;</div>"));
        assert!(split_agrees("<script>x</script>after"));
        assert!(split_agrees("1 < 2"));
    }

    #[test]
    fn tags_comments_and_raw_text_are_not() {
        assert!(!split_agrees(
            "<html>\n <head><title>Only a title</title></head><body>\n</body></html>"
        ));
        assert!(!split_agrees("<!-- a <p>comment</p> --><!DOCTYPE html><?xml x?>"));
        assert!(!split_agrees(
            "<script>if (a < b) { x = '</p>text' }</script><style>p{}</style>"
        ));
        assert!(!split_agrees("<div title=\"a > b\" data-x='<p>'></div>"));
        assert!(!split_agrees(
            "<textarea>typed</textarea><noscript>Enable JS</noscript>"
        ));
        assert!(!split_agrees("<SCRIPT>x</Script ><img src=a>"));
    }
}
