//! schema.org paywall markup: what JSON-LD says about the gated article text.
//!
//! `isAccessibleForFree: false` with `hasPart.cssSelector` names the elements that hold the
//! gated text: they are the article, so they are kept and unhidden. `articleBody` holds the full
//! text, which completes a visible teaser.

use crate::markup::json::{self, Json};
use crate::rules::page_kind::KindSignals;

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
    /// An object says it is not free to read (`isAccessibleForFree` false, in any spelling).
    pub gated_article: bool,
    /// What article objects (`NewsArticle`, `BlogPosting` …) say, first one first.
    pub article: LdArticle,
    /// What `WebPage` objects say: used where the article objects are silent.
    pub page: LdArticle,
    /// The schema.org types named (with microdata's and `og:type`, which the engine adds): the
    /// kind of page.
    pub kind: KindSignals,
    /// (`@id`, `name`) of the named objects of a `@graph`: an author given as `{"@id": …}`
    /// names one of them.
    pub names_by_id: Vec<(String, String)>,
    /// The first microdata `itemprop="datePublished"` value (`content` or `datetime`) anywhere
    /// on the page, as the stream engine saw it (the reader sees only what it kept).
    pub item_published: Option<String>,
}

impl JsonLdFacts {
    /// The authors `article` names, `{"@id": …}` references resolved to the graph's names.
    pub fn authors(&self, article: &LdArticle) -> Vec<String> {
        let mut authors = article.authors.clone();
        for id in &article.author_ids {
            if let Some((_, name)) = self.names_by_id.iter().find(|(i, _)| i == id) {
                if !authors.contains(name) {
                    authors.push(name.clone());
                }
            }
        }
        authors
    }
}

/// Metadata of the first JSON-LD object whose `@type` names an article or a web page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct LdArticle {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    /// Authors given only by reference (`"author": {"@id": "#/schema/person/1"}`).
    pub author_ids: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub image: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
}

impl LdArticle {
    fn read(&mut self, value: &Json) {
        let text = |key: &str| match value.get(key) {
            Some(Json::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        };
        self.headline = self
            .headline
            .take()
            .or_else(|| text("headline"))
            .or_else(|| text("name"));
        self.published = self.published.take().or_else(|| text("datePublished"));
        self.modified = self.modified.take().or_else(|| text("dateModified"));
        self.description = self.description.take().or_else(|| text("description"));
        self.language = self.language.take().or_else(|| text("inLanguage"));
        if self.authors.is_empty() && self.author_ids.is_empty() {
            if let Some(author) = value.get("author") {
                collect_names(author, &mut self.authors);
                collect_ids(author, &mut self.author_ids);
            }
        }
        if self.publisher.is_none() {
            let mut names = Vec::new();
            if let Some(publisher) = value.get("publisher") {
                collect_names(publisher, &mut names);
            }
            self.publisher = names.into_iter().next();
        }
        if self.image.is_none() {
            self.image = value.get("image").and_then(first_url);
        }
    }
}

/// Names of people or organisations: `"Ann"`, `{"name": "Ann"}`, or arrays of those.
fn collect_names(value: &Json, names: &mut Vec<String>) {
    match value {
        Json::String(s) if !s.trim().is_empty() && !s.contains("://") => names.push(s.trim().to_string()),
        Json::Object(_) => {
            if let Some(Json::String(name)) = value.get("name") {
                if !name.trim().is_empty() {
                    names.push(name.trim().to_string());
                }
            }
        }
        Json::Array(items) => items.iter().take(16).for_each(|v| collect_names(v, names)),
        _ => {}
    }
}

/// `@id` references without a name: `{"@id": "#/schema/person/1"}`, or arrays of those.
fn collect_ids(value: &Json, ids: &mut Vec<String>) {
    match value {
        Json::Object(_) if value.get("name").is_none() => {
            if let Some(Json::String(id)) = value.get("@id") {
                ids.push(id.clone());
            }
        }
        Json::Array(items) => items.iter().take(16).for_each(|v| collect_ids(v, ids)),
        _ => {}
    }
}

/// An image URL: a string, `{"url": …}`, or the first of an array.
fn first_url(value: &Json) -> Option<String> {
    match value {
        Json::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Json::Object(_) => value.get("url").or_else(|| value.get("contentUrl")).and_then(first_url),
        Json::Array(items) => items.iter().find_map(first_url),
        _ => None,
    }
}

/// Whether `value`'s `@type` is (or lists) `name`.
fn has_type(value: &Json, name: &str) -> bool {
    match value.get("@type") {
        Some(Json::String(t)) => t == name,
        Some(Json::Array(types)) => types.iter().any(|t| matches!(t, Json::String(t) if t == name)),
        _ => false,
    }
}

enum LdType {
    Article,
    Page,
}

/// Whether a JSON-LD object describes an article or the page that holds one.
fn ld_type(value: &Json) -> Option<LdType> {
    let of = |t: &str| {
        // A thread's first post and a question are the page's article: who asked, and when.
        if t.ends_with("Article")
            || matches!(
                t,
                "BlogPosting"
                    | "Report"
                    | "LiveBlogPosting"
                    | "Review"
                    | "Recipe"
                    | "DiscussionForumPosting"
                    | "SocialMediaPosting"
                    | "Question"
            )
        {
            Some(LdType::Article)
        } else if t.ends_with("WebPage") || t == "ItemPage" {
            Some(LdType::Page)
        } else {
            None
        }
    };
    match value.get("@type") {
        Some(Json::String(t)) => of(t),
        Some(Json::Array(types)) => types.iter().find_map(|t| match t {
            Json::String(t) => of(t),
            _ => None,
        }),
        _ => None,
    }
}

impl JsonLdFacts {
    /// Reads one `<script type="application/ld+json">` block. Invalid JSON is ignored.
    pub fn read(&mut self, text: &str) {
        for value in json::parse_all(text) {
            self.visit(&value, false);
        }
    }

    /// Reads one JSON-LD value; `in_item` when it sits inside a product or another typed thing
    /// that is not a page (a product's reviews are not the page's article).
    fn visit(&mut self, value: &Json, in_item: bool) {
        match value {
            Json::Array(items) => items.iter().for_each(|v| self.visit(v, in_item)),
            Json::Object(members) => {
                match value.get("@type") {
                    Some(Json::String(t)) => self.kind.schema_types(t),
                    Some(Json::Array(types)) => types.iter().for_each(|t| {
                        if let Json::String(t) = t {
                            self.kind.schema_types(t);
                        }
                    }),
                    _ => {}
                }
                if value.get("isAccessibleForFree").is_some_and(is_false) {
                    self.gated_article = true;
                    if let Some(parts) = value.get("hasPart") {
                        self.read_parts(parts);
                    }
                }
                let who = has_type(value, "Person") || has_type(value, "Organization");
                if let (true, Some(Json::String(id)), Some(Json::String(name))) =
                    (who, value.get("@id"), value.get("name"))
                {
                    if self.names_by_id.len() < 64 && !name.trim().is_empty() {
                        self.names_by_id.push((id.clone(), name.trim().to_string()));
                    }
                }
                let ld_type = ld_type(value);
                match ld_type {
                    Some(LdType::Article) if in_item && has_type(value, "Review") => {}
                    Some(LdType::Article) => self.article.read(value),
                    Some(LdType::Page) => self.page.read(value),
                    None => {}
                }
                if let Some(Json::String(body)) = value.get("articleBody") {
                    if self.article_body.as_ref().is_none_or(|b| b.len() < body.len()) {
                        self.article_body = Some(body.clone());
                    }
                }
                let item = in_item || (ld_type.is_none() && value.get("@type").is_some());
                members.iter().for_each(|(_, v)| self.visit(v, item));
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
        Json::String(s) => s.trim().eq_ignore_ascii_case("false"),
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
        assert!(facts.gated_article);
    }

    #[test]
    fn is_accessible_for_free_false_in_any_spelling() {
        for value in ["false", "\"false\"", "\"False\"", "\" FALSE \""] {
            let mut facts = JsonLdFacts::default();
            facts.read(&format!(r#"{{"@type":"NewsArticle","isAccessibleForFree":{value}}}"#));
            assert!(facts.gated_article, "{value}");
        }
        let mut facts = JsonLdFacts::default();
        facts.read(r#"{"@type":"NewsArticle","isAccessibleForFree":"True"}"#);
        assert!(!facts.gated_article);
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
