//! schema.org paywall markup: what JSON-LD says about the gated article text.
//!
//! `isAccessibleForFree: false` with `hasPart.cssSelector` names the elements that hold the
//! gated text: they are the article, so they are kept and unhidden. `articleBody` holds the full
//! text, which completes a visible teaser.

use crate::json::{self, Json};

/// A compound selector of the simple kind JSON-LD uses: `tag`, `.class`, `#id`, combined.
/// In a selector with combinators only the last compound is kept (`article .paywall` → `.paywall`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SimpleSelector {
    tag: Option<String>,
    classes: Vec<String>,
    id: Option<String>,
}

impl SimpleSelector {
    /// Parses a selector list (`.a, #b`). Unsupported parts are skipped.
    pub fn parse_list(list: &str) -> Vec<SimpleSelector> {
        list.split(',')
            .filter_map(|s| Self::parse(s.split_whitespace().last()?))
            .collect()
    }

    fn parse(compound: &str) -> Option<SimpleSelector> {
        let compound = compound.trim_start_matches('>');
        let mut selector = SimpleSelector::default();
        let mut rest = compound;
        let name_len = rest.find(['.', '#', '[', ':']).unwrap_or(rest.len());
        if name_len > 0 && name_len <= rest.len() {
            let tag = &rest[..name_len];
            if tag != "*" {
                selector.tag = Some(tag.to_ascii_lowercase());
            }
            rest = &rest[name_len..];
        }
        while let Some(kind) = rest.chars().next() {
            let body = &rest[1..];
            let len = body.find(['.', '#', '[', ':']).unwrap_or(body.len());
            let name = &body[..len];
            match kind {
                '.' if !name.is_empty() => selector.classes.push(name.to_string()),
                '#' if !name.is_empty() => selector.id = Some(name.to_string()),
                _ => return None,
            }
            rest = &body[len..];
        }
        (selector != SimpleSelector::default()).then_some(selector)
    }

    /// Whether an element with this tag, class attribute and id matches.
    pub fn matches(&self, tag: &str, class: Option<&str>, id: Option<&str>) -> bool {
        self.tag.as_deref().is_none_or(|t| t == tag)
            && self.id.as_deref().is_none_or(|i| id == Some(i))
            && self
                .classes
                .iter()
                .all(|c| class.is_some_and(|cl| cl.split_ascii_whitespace().any(|x| x == c)))
    }
}

/// What the page's JSON-LD blocks said.
#[derive(Debug, Default)]
pub(crate) struct JsonLdFacts {
    /// Elements holding gated article text.
    pub gated: Vec<SimpleSelector>,
    /// The longest `articleBody` seen.
    pub article_body: Option<String>,
}

impl JsonLdFacts {
    /// Reads one `<script type="application/ld+json">` block. Invalid JSON is ignored.
    pub fn read(&mut self, text: &str) {
        for value in json::parse_all(text) {
            self.visit(&value);
        }
    }

    fn visit(&mut self, value: &Json) {
        match value {
            Json::Array(items) => items.iter().for_each(|v| self.visit(v)),
            Json::Object(members) => {
                if value.get("isAccessibleForFree").is_some_and(is_false) {
                    if let Some(parts) = value.get("hasPart") {
                        self.read_parts(parts);
                    }
                }
                if let Some(Json::String(body)) = value.get("articleBody") {
                    if self.article_body.as_ref().is_none_or(|b| b.len() < body.len()) {
                        self.article_body = Some(body.clone());
                    }
                }
                members.iter().for_each(|(_, v)| self.visit(v));
            }
            _ => {}
        }
    }

    fn read_parts(&mut self, parts: &Json) {
        match parts {
            Json::Array(items) => items.iter().for_each(|p| self.read_parts(p)),
            Json::Object(_) => {
                let gated = parts.get("isAccessibleForFree").is_none_or(is_false);
                if let (true, Some(Json::String(selector))) = (gated, parts.get("cssSelector")) {
                    self.gated.extend(SimpleSelector::parse_list(selector));
                }
            }
            _ => {}
        }
    }
}

fn is_false(v: &Json) -> bool {
    match v {
        Json::Bool(b) => !b,
        Json::String(s) => s.eq_ignore_ascii_case("false"),
        _ => false,
    }
}

/// An inline style without the declarations that hide or blur an element.
pub(crate) fn unhidden_style(style: &str) -> String {
    style
        .split(';')
        .filter(|decl| {
            let compact: String = decl
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            let compact = compact.trim_end_matches("!important");
            !(compact.is_empty()
                || compact == "display:none"
                || compact == "visibility:hidden"
                || compact.starts_with("filter:blur")
                || compact.starts_with("-webkit-filter:blur")
                || compact == "opacity:0"
                || compact.starts_with("max-height:")
                || compact.starts_with("height:0")
                || compact == "overflow:hidden"
                || compact.starts_with("user-select:none"))
        })
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gated_parts_and_article_body() {
        let mut facts = JsonLdFacts::default();
        facts.read(
            r#"[{"@type":"NewsArticle","isAccessibleForFree":"False","articleBody":"Full text.",
                "hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywall, article #rest"}}]"#,
        );
        assert_eq!(facts.gated.len(), 2);
        assert!(facts.gated[0].matches("div", Some("x paywall"), None));
        assert!(facts.gated[1].matches("section", None, Some("rest")));
        assert!(!facts.gated[1].matches("section", None, Some("other")));
        assert_eq!(facts.article_body.as_deref(), Some("Full text."));
    }

    #[test]
    fn ignores_invalid_json_and_free_articles() {
        let mut facts = JsonLdFacts::default();
        facts.read("{not json");
        facts.read(r#"{"isAccessibleForFree":true,"hasPart":{"cssSelector":".x"}}"#);
        assert!(facts.gated.is_empty());
    }

    #[test]
    fn parses_compound_selectors() {
        let s = &SimpleSelector::parse_list("div.a.b")[0];
        assert!(s.matches("div", Some("b a"), None));
        assert!(!s.matches("p", Some("a b"), None));
        assert!(SimpleSelector::parse_list("[data-x]").is_empty());
    }

    #[test]
    fn unhides_styles() {
        assert_eq!(
            unhidden_style("color: red; display: none; filter: blur(4px)"),
            "color: red"
        );
    }
}
