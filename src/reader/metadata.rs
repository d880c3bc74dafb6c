//! What a page says about its article: title, authors, dates, site, language, lead image.
//! Read in reader mode from `<meta>` tags, OpenGraph, Twitter cards, JSON-LD, `<time>` and the
//! page's byline element.

use crate::reader::scan::PageFacts;
use crate::reader::url::BaseUrl;
use crate::report::Metadata;
use crate::rules::paywall::LdArticle;

/// Everything the metadata is read from.
pub(crate) struct Sources<'a> {
    pub facts: &'a PageFacts,
    pub article: &'a LdArticle,
    pub page: &'a LdArticle,
    pub title_tag: Option<&'a str>,
    pub base: Option<&'a BaseUrl>,
    pub first_paragraph: Option<String>,
}

const EXCERPT_CHARS: usize = 300;

impl Metadata {
    pub(crate) fn gather(s: &Sources<'_>) -> Metadata {
        let meta = |names: &[&str]| -> Option<String> {
            names.iter().find_map(|name| {
                s.facts
                    .meta
                    .iter()
                    .find(|(n, v)| n == name && !v.trim().is_empty())
                    .map(|(_, v)| clean(v))
            })
        };
        let ld = |f: fn(&LdArticle) -> Option<&String>| f(s.article).or_else(|| f(s.page)).map(|v| clean(v));
        let title = meta(&["og:title", "twitter:title"])
            .or_else(|| ld(|a| a.headline.as_ref()))
            .or_else(|| s.title_tag.map(|t| without_site_name(t, s.facts.h1.as_deref())))
            .or_else(|| s.facts.h1.clone());
        let mut authors: Vec<String> = if !s.article.authors.is_empty() {
            s.article.authors.clone()
        } else {
            s.page.authors.clone()
        };
        if authors.is_empty() {
            authors.extend(meta(&["author", "article:author", "dc.creator", "byl"]).filter(|a| !a.contains("://")));
        }
        authors.iter_mut().for_each(|a| *a = clean(a));
        authors.dedup();
        let byline = s
            .facts
            .byline
            .clone()
            .or_else(|| (!authors.is_empty()).then(|| authors.join(", ")));
        let absolute = |url: String| match s.base {
            Some(base) => base.resolve(&url),
            None => url,
        };
        Metadata {
            title,
            byline,
            authors,
            published: meta(&[
                "article:published_time",
                "datepublished",
                "date",
                "dc.date",
                "pubdate",
                "publishdate",
            ])
            .or_else(|| ld(|a| a.published.as_ref()))
            .or_else(|| s.facts.first_time.clone()),
            modified: meta(&[
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "last-modified",
            ])
            .or_else(|| ld(|a| a.modified.as_ref())),
            site_name: meta(&["og:site_name", "application-name"]).or_else(|| ld(|a| a.publisher.as_ref())),
            lang: s
                .facts
                .lang
                .clone()
                .or_else(|| ld(|a| a.language.as_ref()))
                .or_else(|| meta(&["og:locale", "content-language", "language"]).map(|l| l.replace('_', "-"))),
            dir: s.facts.dir.clone().map(|d| d.trim().to_ascii_lowercase()),
            excerpt: meta(&["og:description", "twitter:description", "description"])
                .or_else(|| ld(|a| a.description.as_ref()))
                .or_else(|| s.first_paragraph.clone())
                .map(|e| clip(&e, EXCERPT_CHARS)),
            canonical_url: s
                .facts
                .canonical
                .clone()
                .or_else(|| meta(&["og:url"]))
                .map(absolute)
                .or_else(|| s.base.map(BaseUrl::as_string)),
            image: meta(&["og:image", "og:image:url", "twitter:image", "twitter:image:src"])
                .or_else(|| ld(|a| a.image.as_ref()))
                .map(absolute),
        }
    }
}

fn clean(value: &str) -> String {
    crate::markup::strings::collapse(&crate::decode::entities::decode(value))
}

fn clip(text: &str, max_chars: usize) -> String {
    match text.char_indices().nth(max_chars) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_string(),
    }
}

/// `<title>` without the site's name: "Moon landing | Daily Planet" → "Moon landing".
/// The part kept is the one that matches the page's `<h1>`, else what precedes the last separator.
fn without_site_name(title: &str, h1: Option<&str>) -> String {
    const SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " » ", " · "];
    let Some(separator) = SEPARATORS.iter().find(|s| title.contains(**s)) else {
        return title.to_string();
    };
    let parts: Vec<&str> = title
        .split(separator)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(h1) = h1 {
        if let Some(part) = parts.iter().find(|p| p.eq_ignore_ascii_case(h1)) {
            return part.to_string();
        }
        if h1.len() >= title.len() / 2 && title.to_ascii_lowercase().contains(&h1.to_ascii_lowercase()) {
            return h1.to_string();
        }
    }
    // After Readability: what precedes the last separator, unless that is under three words and
    // what follows the first separator is longer.
    if parts.len() < 2 {
        return title.to_string();
    }
    let head = parts[..parts.len() - 1].join(separator);
    let tail = parts[1..].join(separator);
    let words = |s: &str| s.split_whitespace().count();
    if words(&head) >= 3 || words(&head) >= words(&tail) {
        head
    } else {
        tail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_the_site_name_from_titles() {
        assert_eq!(without_site_name("Moon landing | Daily Planet", None), "Moon landing");
        assert_eq!(
            without_site_name("Daily Planet - Crew lands on the Moon", None),
            "Crew lands on the Moon"
        );
        assert_eq!(without_site_name("A - B", Some("B")), "B");
        assert_eq!(without_site_name("No separator here", None), "No separator here");
    }

    #[test]
    fn prefers_article_json_ld_then_meta_tags() {
        let facts = PageFacts {
            meta: vec![("description".into(), "Short &amp; sweet".into())],
            canonical: Some("/story".into()),
            ..PageFacts::default()
        };
        let article = LdArticle {
            headline: Some("Headline".into()),
            authors: vec!["Ann".into(), "Bo".into()],
            published: Some("2024-05-01".into()),
            ..LdArticle::default()
        };
        let base = BaseUrl::parse("https://news.example/section/x").unwrap();
        let m = Metadata::gather(&Sources {
            facts: &facts,
            article: &article,
            page: &LdArticle::default(),
            title_tag: Some("Headline | News"),
            base: Some(&base),
            first_paragraph: None,
        });
        assert_eq!(m.title.as_deref(), Some("Headline"));
        assert_eq!(m.byline.as_deref(), Some("Ann, Bo"));
        assert_eq!(m.excerpt.as_deref(), Some("Short & sweet"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://news.example/story"));
        assert_eq!(m.published.as_deref(), Some("2024-05-01"));
    }
}
