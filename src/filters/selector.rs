//! The part of CSS that cosmetic filter rules use and a streaming rewriter can apply: compound
//! selectors (`tag#id.class[attr^="v"]`) joined by descendant and child combinators.

use std::fmt;

/// How an attribute's value is tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AttrOp {
    Exists,
    Equals,
    /// `~=`: one of the whitespace-separated words.
    Word,
    /// `|=`: equal, or starts with the value and `-`.
    Dash,
    Prefix,
    Suffix,
    Contains,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AttrTest {
    pub name: String,
    pub op: AttrOp,
    pub value: String,
    pub ignore_case: bool,
}

impl AttrTest {
    pub fn matches(&self, value: Option<&str>) -> bool {
        let Some(v) = value else { return false };
        let (v, want) = (v.as_bytes(), self.value.as_bytes());
        let eq = |a: &[u8], b: &[u8]| {
            if self.ignore_case {
                a.eq_ignore_ascii_case(b)
            } else {
                a == b
            }
        };
        let n = want.len();
        match self.op {
            AttrOp::Exists => true,
            AttrOp::Equals => eq(v, want),
            AttrOp::Word => v.split(u8::is_ascii_whitespace).any(|w| eq(w, want)),
            AttrOp::Dash => eq(v, want) || (v.len() > n && eq(&v[..n], want) && v[n] == b'-'),
            AttrOp::Prefix => n > 0 && v.len() >= n && eq(&v[..n], want),
            AttrOp::Suffix => n > 0 && v.len() >= n && eq(&v[v.len() - n..], want),
            AttrOp::Contains => n > 0 && v.len() >= n && v.windows(n).any(|w| eq(w, want)),
        }
    }
}

/// `tag#id.class[attr]…`: every part must match one element.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Compound {
    pub tag: Option<String>,
    pub id: Option<String>,
    pub classes: Vec<String>,
    pub attrs: Vec<AttrTest>,
}

/// How a compound relates to the one after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Combinator {
    Descendant,
    Child,
}

/// A selector: the subject compound last, its required ancestors before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Complex {
    /// (compound, how it relates to the next one), outermost first; the last is the subject.
    pub ancestors: Vec<(Compound, Combinator)>,
    pub subject: Compound,
}

/// Why a selector cannot be applied while streaming.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unsupported {
    /// `:has()`, `:not()`, `:nth-child()` and every other pseudo-class or pseudo-element.
    Pseudo,
    /// `+` and `~`: they look at earlier siblings.
    Sibling,
    /// `*` alone, or an empty compound.
    Universal,
    /// An attribute test on an ancestor (ancestors are remembered by tag, id and class only).
    AncestorAttribute,
    /// Anything else the parser does not read.
    Syntax,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unsupported::Pseudo => "pseudo-classes (:has, :not, :nth-child …)",
            Unsupported::Sibling => "sibling combinators (+, ~)",
            Unsupported::Universal => "universal selectors",
            Unsupported::AncestorAttribute => "attribute tests on ancestors",
            Unsupported::Syntax => "unreadable selectors",
        })
    }
}

/// Parses a selector list (`a, b`) into its selectors.
pub(crate) fn parse_list(text: &str) -> Result<Vec<Complex>, Unsupported> {
    split_top_level(text).into_iter().map(parse).collect()
}

/// Splits at commas outside brackets, quotes and parentheses.
fn split_top_level(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start) = (0i32, None::<char>, 0usize);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (_, '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '(') => depth += 1,
            (None, ']' | ')') => depth -= 1,
            (None, ',') if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

fn parse(text: &str) -> Result<Complex, Unsupported> {
    let mut p = Parser {
        chars: text.trim().chars().collect(),
        at: 0,
    };
    let mut compounds: Vec<(Compound, Option<Combinator>)> = Vec::new();
    loop {
        let compound = p.compound()?;
        let had_space = p.skip_space();
        match p.peek() {
            None => {
                compounds.push((compound, None));
                break;
            }
            Some('>') => {
                p.at += 1;
                p.skip_space();
                compounds.push((compound, Some(Combinator::Child)));
            }
            Some('+' | '~') => return Err(Unsupported::Sibling),
            Some(_) if had_space => compounds.push((compound, Some(Combinator::Descendant))),
            Some(':') => return Err(Unsupported::Pseudo),
            Some(_) => return Err(Unsupported::Syntax),
        }
    }
    let (subject, _) = compounds.pop().ok_or(Unsupported::Syntax)?;
    let ancestors: Vec<(Compound, Combinator)> = compounds
        .into_iter()
        .map(|(c, comb)| (c, comb.unwrap_or(Combinator::Descendant)))
        .collect();
    if ancestors.iter().any(|(c, _)| !c.attrs.is_empty()) {
        return Err(Unsupported::AncestorAttribute);
    }
    Ok(Complex { ancestors, subject })
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_space(&mut self) -> bool {
        let start = self.at;
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
        self.at > start
    }

    fn compound(&mut self) -> Result<Compound, Unsupported> {
        let mut compound = Compound::default();
        let mut universal = false;
        if self.peek() == Some('*') {
            self.at += 1;
            universal = true;
        } else if self.peek().is_some_and(is_ident_start) {
            compound.tag = Some(self.ident()?.to_ascii_lowercase());
        }
        loop {
            match self.peek() {
                Some('#') => {
                    self.at += 1;
                    compound.id = Some(self.ident()?);
                }
                Some('.') => {
                    self.at += 1;
                    compound.classes.push(self.ident()?);
                }
                Some('[') => {
                    self.at += 1;
                    compound.attrs.push(self.attribute()?);
                }
                Some(':') => return Err(Unsupported::Pseudo),
                _ => break,
            }
        }
        if compound == Compound::default() {
            return Err(if universal {
                Unsupported::Universal
            } else {
                Unsupported::Syntax
            });
        }
        Ok(compound)
    }

    /// A CSS identifier, escapes resolved (`\5f ` → `_`, `\:` → `:`).
    fn ident(&mut self) -> Result<String, Unsupported> {
        let mut out = String::new();
        while let Some(c) = self.peek() {
            if c == '\\' {
                self.at += 1;
                out.push(self.escape()?);
            } else if c.is_alphanumeric() || c == '-' || c == '_' || !c.is_ascii() {
                out.push(c);
                self.at += 1;
            } else {
                break;
            }
        }
        if out.is_empty() {
            Err(Unsupported::Syntax)
        } else {
            Ok(out)
        }
    }

    fn escape(&mut self) -> Result<char, Unsupported> {
        let mut hex = String::new();
        while hex.len() < 6 && self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
            hex.push(self.chars[self.at]);
            self.at += 1;
        }
        if hex.is_empty() {
            let c = self.peek().ok_or(Unsupported::Syntax)?;
            self.at += 1;
            return Ok(c);
        }
        if self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
        u32::from_str_radix(&hex, 16)
            .ok()
            .and_then(char::from_u32)
            .ok_or(Unsupported::Syntax)
    }

    fn attribute(&mut self) -> Result<AttrTest, Unsupported> {
        self.skip_space();
        let name = self.ident()?.to_ascii_lowercase();
        self.skip_space();
        let op = match (self.peek(), self.chars.get(self.at + 1).copied()) {
            (Some(']'), _) => {
                self.at += 1;
                return Ok(AttrTest {
                    name,
                    op: AttrOp::Exists,
                    value: String::new(),
                    ignore_case: false,
                });
            }
            (Some('='), _) => {
                self.at += 1;
                AttrOp::Equals
            }
            (Some(c), Some('=')) => {
                self.at += 2;
                match c {
                    '~' => AttrOp::Word,
                    '|' => AttrOp::Dash,
                    '^' => AttrOp::Prefix,
                    '$' => AttrOp::Suffix,
                    '*' => AttrOp::Contains,
                    _ => return Err(Unsupported::Syntax),
                }
            }
            _ => return Err(Unsupported::Syntax),
        };
        self.skip_space();
        let value = match self.peek() {
            Some(q @ ('"' | '\'')) => {
                self.at += 1;
                let mut value = String::new();
                loop {
                    match self.peek() {
                        None => return Err(Unsupported::Syntax),
                        Some(c) if c == q => {
                            self.at += 1;
                            break;
                        }
                        Some('\\') => {
                            self.at += 1;
                            value.push(self.escape()?);
                        }
                        Some(c) => {
                            value.push(c);
                            self.at += 1;
                        }
                    }
                }
                value
            }
            _ => self.ident()?,
        };
        self.skip_space();
        let ignore_case = matches!(self.peek(), Some('i' | 'I'));
        if matches!(self.peek(), Some('i' | 'I' | 's' | 'S')) {
            self.at += 1;
            self.skip_space();
        }
        if self.peek() != Some(']') {
            return Err(Unsupported::Syntax);
        }
        self.at += 1;
        Ok(AttrTest {
            name,
            op,
            value,
            ignore_case,
        })
    }
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_' || c == '-' || c == '\\' || !c.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Complex {
        let mut list = parse_list(text).unwrap();
        assert_eq!(list.len(), 1);
        list.remove(0)
    }

    #[test]
    fn reads_compounds_and_combinators() {
        let c = one(r#"div.wrap > #main  a.cta.big[href^="https://x" i]"#);
        assert_eq!(c.ancestors.len(), 2);
        assert_eq!(c.ancestors[0].0.tag.as_deref(), Some("div"));
        assert_eq!(c.ancestors[0].1, Combinator::Child);
        assert_eq!(c.ancestors[1].0.id.as_deref(), Some("main"));
        assert_eq!(c.ancestors[1].1, Combinator::Descendant);
        assert_eq!(c.subject.classes, ["cta", "big"]);
        let attr = &c.subject.attrs[0];
        assert_eq!(
            (attr.name.as_str(), attr.op, attr.value.as_str(), attr.ignore_case),
            ("href", AttrOp::Prefix, "https://x", true)
        );
        assert!(attr.matches(Some("HTTPS://X/y")));
    }

    #[test]
    fn resolves_escapes_and_splits_lists() {
        assert_eq!(
            one(r"#\5f _accept_cookie").subject.id.as_deref(),
            Some("__accept_cookie")
        );
        assert_eq!(one(r".md\:flex").subject.classes, ["md:flex"]);
        assert_eq!(parse_list(r#".a, div[title="x, y"]"#).unwrap().len(), 2);
    }

    #[test]
    fn refuses_what_streaming_cannot_apply() {
        assert_eq!(parse_list(".a:has(.b)"), Err(Unsupported::Pseudo));
        assert_eq!(parse_list(".a + .b"), Err(Unsupported::Sibling));
        assert_eq!(parse_list(".a ~ .b"), Err(Unsupported::Sibling));
        assert_eq!(parse_list("*"), Err(Unsupported::Universal));
        assert_eq!(parse_list("[data-x] .b"), Err(Unsupported::AncestorAttribute));
        assert_eq!(parse_list("div["), Err(Unsupported::Syntax));
    }

    #[test]
    fn attribute_operators() {
        let test = |op, value: &str, on: &str| {
            AttrTest {
                name: "x".into(),
                op,
                value: value.into(),
                ignore_case: false,
            }
            .matches(Some(on))
        };
        assert!(test(AttrOp::Word, "b", "a b c") && !test(AttrOp::Word, "b", "abc"));
        assert!(test(AttrOp::Dash, "en", "en-GB") && !test(AttrOp::Dash, "en", "eng"));
        assert!(test(AttrOp::Suffix, ".pdf", "a.pdf") && test(AttrOp::Contains, "ook", "cookie"));
        assert!(!test(AttrOp::Contains, "", "anything"));
    }
}
