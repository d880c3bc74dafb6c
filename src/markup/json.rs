//! A small, tolerant JSON reader for JSON-LD blocks.
//!
//! Pages' JSON-LD is often not quite JSON: raw line breaks and tabs inside strings, trailing
//! commas, several objects in a row, an HTML comment around it. This reader accepts those, keeps
//! only what the cleaner reads (strings, booleans, arrays, objects; numbers are skipped), and is
//! a few kilobytes where serde_json would add a sixth to the WebAssembly module.

/// A JSON value, as far as the cleaner needs it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// Numbers are not needed: their text is kept as it was written.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The value of `key` in an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Nesting deeper than this is not read (a guard against hostile input).
const MAX_DEPTH: usize = 64;

/// Reads every top-level value in `text` (usually one; pages sometimes concatenate several).
/// What cannot be read ends the reading; what was read so far is returned.
pub(crate) fn parse_all(text: &str) -> Vec<Json> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    let mut values = Vec::new();
    loop {
        reader.skip_space();
        if reader.pos >= reader.bytes.len() {
            break;
        }
        match reader.value(0) {
            Some(v) => values.push(v),
            None => break,
        }
    }
    values
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        loop {
            while self
                .bytes
                .get(self.pos)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b',' || *b == b';')
            {
                self.pos += 1;
            }
            // HTML comment markers around the JSON (old pages hide it from ancient browsers).
            let rest = &self.bytes[self.pos.min(self.bytes.len())..];
            if rest.starts_with(b"<!--") {
                self.pos += 4;
            } else if rest.starts_with(b"-->") {
                self.pos += 3;
            } else {
                return;
            }
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_space();
        match *self.bytes.get(self.pos)? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(Json::String),
            b't' if self.bytes[self.pos..].starts_with(b"true") => {
                self.pos += 4;
                Some(Json::Bool(true))
            }
            b'f' if self.bytes[self.pos..].starts_with(b"false") => {
                self.pos += 5;
                Some(Json::Bool(false))
            }
            b'n' if self.bytes[self.pos..].starts_with(b"null") => {
                self.pos += 4;
                Some(Json::Null)
            }
            b'-' | b'0'..=b'9' => {
                let start = self.pos;
                while self.bytes.get(self.pos).is_some_and(|b| b"+-.eE0123456789".contains(b)) {
                    self.pos += 1;
                }
                Some(Json::Number(self.text[start..self.pos].to_string()))
            }
            _ => None,
        }
    }

    fn object(&mut self, depth: usize) -> Option<Json> {
        self.pos += 1;
        let mut members = Vec::new();
        loop {
            self.skip_space();
            match *self.bytes.get(self.pos)? {
                b'}' => {
                    self.pos += 1;
                    return Some(Json::Object(members));
                }
                b'"' => {
                    let key = self.string()?;
                    self.skip_space();
                    if self.bytes.get(self.pos) != Some(&b':') {
                        return None;
                    }
                    self.pos += 1;
                    let value = self.value(depth + 1)?;
                    members.push((key, value));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Json> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space();
            if *self.bytes.get(self.pos)? == b']' {
                self.pos += 1;
                return Some(Json::Array(items));
            }
            items.push(self.value(depth + 1)?);
        }
    }

    /// A string starting at the current `"`; raw control characters inside are accepted.
    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            let run = self.bytes[start..].iter().position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(&self.text[start..start + run]);
            self.pos = start + run;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return Some(out);
            }
            // An escape.
            let escaped = *self.bytes.get(self.pos + 1)?;
            self.pos += 2;
            match escaped {
                b'n' => out.push('\n'),
                b't' => out.push('\t'),
                b'r' => out.push('\r'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'u' => out.push(self.unicode_escape()?),
                other if other.is_ascii() => out.push(char::from(other)),
                // A backslash before a non-ASCII character: keep both as written.
                _ => {
                    out.push('\\');
                    self.pos -= 1;
                }
            }
        }
    }

    /// The character of a `\uXXXX` escape (already past `\u`), with surrogate pairs joined.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.bytes[self.pos..].starts_with(b"\\u") {
            self.pos += 2;
            let second = self.hex4()?;
            let code = 0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF);
            return Some(char::from_u32(code).unwrap_or('\u{FFFD}'));
        }
        Some(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.pos..self.pos + 4)?;
        let value = u32::from_str_radix(digits, 16).ok()?;
        self.pos += 4;
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_ld() {
        let values = parse_all(
            r#"{"@type":"NewsArticle","isAccessibleForFree":false,"n":1.5e3,"hasPart":[{"cssSelector":".x"}],"x":null}"#,
        );
        let v = &values[0];
        assert_eq!(v.get("@type"), Some(&Json::String("NewsArticle".into())));
        assert_eq!(v.get("isAccessibleForFree"), Some(&Json::Bool(false)));
        assert_eq!(v.get("n"), Some(&Json::Number("1.5e3".into())));
        assert_eq!(
            v.get("hasPart"),
            Some(&Json::Array(vec![Json::Object(vec![(
                "cssSelector".into(),
                Json::String(".x".into())
            )])]))
        );
    }

    #[test]
    fn tolerates_what_pages_write() {
        let values = parse_all("<!--\n{\"articleBody\": \"line one\nline\ttwo\", \"a\": [1, 2,],}\n{\"b\": true} -->");
        assert_eq!(values.len(), 2);
        assert_eq!(
            values[0].get("articleBody"),
            Some(&Json::String("line one\nline\ttwo".into()))
        );
        assert_eq!(values[1].get("b"), Some(&Json::Bool(true)));
    }

    #[test]
    fn escapes_and_surrogates() {
        let values = parse_all(r#"["a\"b\\c\/d\u00e9\ud83d\ude00"]"#);
        assert_eq!(values[0], Json::Array(vec![Json::String("a\"b\\c/dé😀".into())]));
    }

    #[test]
    fn garbage_and_depth_give_up_without_panicking() {
        assert!(parse_all("{\"a\": }").is_empty());
        assert!(parse_all("\"unterminated").is_empty());
        assert!(parse_all(&"[".repeat(100_000)).is_empty());
        assert!(parse_all("\"\\u12").is_empty());
        assert!(parse_all("\"\\").is_empty());
        assert_eq!(parse_all("\"a\\é\""), vec![Json::String("a\\é".into())]);
    }
}
