//! What a page says about its article: title, authors, dates, site, language, lead image.
//! Read in reader mode from `<meta>` tags, OpenGraph, Twitter cards, JSON-LD, `<time>` and the
//! page's byline element.

use crate::markup::dates;
use crate::reader::scan::PageFacts;
use crate::reader::url::BaseUrl;
use crate::report::Metadata;
use crate::rules::page_kind::PageKind;
use crate::rules::paywall::LdArticle;
use std::borrow::Cow;

/// Everything the metadata is read from.
pub(crate) struct Sources<'a> {
    pub facts: &'a PageFacts,
    pub article: &'a LdArticle,
    pub page: &'a LdArticle,
    /// The authors of the article and page objects, `@id` references resolved.
    pub article_authors: Vec<String>,
    pub page_authors: Vec<String>,
    /// The kind of page: an article's dates and bylines are read more freely than a shop's.
    pub kind: PageKind,
    /// Microdata `datePublished` anywhere on the page, removed parts included.
    pub item_published: Option<String>,
    pub title_tag: Option<&'a str>,
    pub base: Option<&'a BaseUrl>,
    /// The article: its first paragraph is the excerpt of a page with no description (read
    /// only then: most pages have one).
    pub article_body: ArticleBody<'a>,
}

/// The article as reader mode made it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ArticleBody<'a> {
    Html(&'a [u8]),
    /// Its text (UTF-8).
    Text(&'a [u8]),
}

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
        let article_page = matches!(s.kind, PageKind::Article | PageKind::Forum);
        let site = meta(&["og:site_name"]).or_else(|| ld(|a| a.publisher.as_ref()));
        let title = title(s, &meta, site.as_deref());
        let mut authors: Vec<String> = if !s.article_authors.is_empty() {
            s.article_authors.clone()
        } else {
            s.page_authors.clone()
        };
        if authors.is_empty() {
            authors.extend(meta(&["author", "article:author", "dc.creator", "byl"]).filter(|a| !a.contains("://")));
        }
        if authors.is_empty() {
            // Twitter's card labels: "Written by" · "Ana Costa".
            let written_by = meta(&["twitter:label1"]).is_some_and(|l| {
                let l = l.to_lowercase();
                l.contains("written by") || l.contains("author")
            });
            authors.extend(meta(&["twitter:data1"]).filter(|_| written_by));
        }
        if authors.is_empty() && !matches!(s.kind, PageKind::Product | PageKind::Listing) {
            // (On a shop's page the microdata authors are its reviewers.)
            authors.extend(s.facts.item_author.as_deref().and_then(author_name));
        }
        if authors.is_empty() && matches!(s.kind, PageKind::Article | PageKind::Other) {
            authors.extend(s.facts.by_text.clone());
        }
        authors.iter_mut().for_each(|a| *a = clean(a));
        authors.dedup();
        if !article_page {
            // A shop or a service page names itself as its author: that is no byline.
            authors.retain(|a| site.as_ref().is_none_or(|site| !a.eq_ignore_ascii_case(site)));
        }
        let byline = s
            .facts
            .byline
            .as_deref()
            .and_then(author_name)
            .or_else(|| (!authors.is_empty()).then(|| authors.join(", ")));
        let published = published(s, &meta);
        let absolute = |url: String| match s.base {
            Some(base) => base.resolve(&url),
            None => url,
        };
        Metadata {
            title,
            byline,
            authors,
            published,
            modified: [
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "last-modified",
            ]
            .iter()
            .find_map(|name| meta(&[name]).and_then(|d| dates::normalize(&d)))
            .or_else(|| ld(|a| a.modified.as_ref()).and_then(|d| dates::normalize(&d))),
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
                // Whole: a description cut short reads as a broken sentence.
                .or_else(|| first_paragraph(s.article_body)),
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

/// The title: the social or `<title>` title's headline (without the site's name), unless the
/// page's one `<h1>` is surely the headline and the title is not: the JSON-LD headline is the
/// `<h1>`, the social title is a pitch of its own (not in `<title>`), or on an article the
/// `<h1>` says much of what the title says.
fn title(s: &Sources<'_>, meta: &dyn Fn(&[&str]) -> Option<String>, site: Option<&str>) -> Option<String> {
    let h1 = s.facts.h1.as_deref().map(clean);
    let ld_headline = s.article.headline.as_deref().or(s.page.headline.as_deref()).map(clean);
    let social = meta(&["og:title", "twitter:title"]);
    let title = social
        .clone()
        .or_else(|| ld_headline.clone())
        .or_else(|| s.title_tag.map(clean))
        .map(|t| headline(&t, h1.as_deref()));
    let Some(h1) = h1 else { return title };
    let Some(current) = title else { return Some(h1) };
    let sure_h1 = !s.facts.several_h1
        && h1.split_whitespace().count() >= 2
        && site.is_none_or(|site| !h1.eq_ignore_ascii_case(site));
    if !sure_h1 || fold(&current) == fold(&h1) || ld_headline.as_deref().is_some_and(|l| fold(l) == fold(&current)) {
        return Some(current);
    }
    let named_by_ld = ld_headline.as_deref().is_some_and(|l| fold(l) == fold(&h1));
    let social_pitch = match (&social, s.title_tag) {
        (Some(social), Some(tag)) => !fold(tag).contains(&fold(social)),
        _ => false,
    };
    let close = s.kind == PageKind::Article && shared_words(&h1, &current) >= 0.5;
    Some(if named_by_ld || social_pitch || close {
        h1
    } else {
        current
    })
}

/// The share of `a`'s words that `b` has too.
fn shared_words(a: &str, b: &str) -> f64 {
    let words = |t: &str| -> Vec<String> {
        fold(t)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(w)).count() as f64 / a.len() as f64
}

/// The publication date: what the page's metadata states (article metadata, JSON-LD article,
/// microdata), else a date written near the headline, else what the page object or the first
/// `<time>` says. Dates that are not ISO 8601 are given as `YYYY-MM-DD`.
fn published(s: &Sources<'_>, meta: &dyn Fn(&[&str]) -> Option<String>) -> Option<String> {
    // A date written near a product's or a listing's name is an offer's or an item's, and its
    // microdata dates are its reviews': not the page's.
    let dated_page = !matches!(s.kind, PageKind::Product | PageKind::Listing | PageKind::Documentation);
    // Each source in turn, each read as a date: a value that names none gives way to the next.
    let date = |value: Option<String>| value.and_then(|d| dates::normalize(&d));
    let meta_names: &[&str] = &[
        "article:published_time",
        "datepublished",
        "date",
        "dc.date",
        "pubdate",
        "publishdate",
        "citation_publication_date",
        "citation_date",
        "parsely-pub-date",
        "og:published_time",
        "sailthru.date",
    ];
    meta_names
        .iter()
        .filter(|name| dated_page || **name != "datepublished")
        .find_map(|name| date(meta(&[name])))
        .or_else(|| date(s.article.published.as_deref().map(clean)))
        .or_else(|| date(s.facts.item_published.clone().filter(|_| dated_page)))
        .or_else(|| {
            s.facts
                .near_h1
                .as_deref()
                .filter(|_| dated_page)
                .and_then(dates::first_date)
        })
        // Microdata anywhere on the page, even in parts stream mode removed: after the date
        // line, as a removed comment's date may be the first.
        .or_else(|| date(s.item_published.clone().filter(|_| dated_page)))
        // A web page's own date is the article's only on an article page: elsewhere it is when
        // a shop or a service page was made.
        .or_else(|| {
            date(
                s.page
                    .published
                    .as_deref()
                    .filter(|_| s.kind == PageKind::Article)
                    .map(clean),
            )
        })
        .or_else(|| date(s.facts.first_time.clone().filter(|_| dated_page)))
}

/// The author's name in a byline element's text: without "By" or "Posted by:", a date, a
/// reading time, a section or a repeated name after it. `None` when what is left is not a
/// name's length (a forum user's card of titles and counts).
///
/// ```text
/// "By Ana Costa - Mar 27, 2024"           → "Ana Costa"
/// "Ana Costa Ana Costa Writer, Weather"   → "Ana Costa"
/// "Posted by: ryebread » 11. Sep 2024"    → "ryebread"
/// "By Ana Costa, Science Editor"          → "Ana Costa, Science Editor"
/// ```
fn author_name(byline: &str) -> Option<String> {
    const PREFIXES: [&str; 11] = [
        "posted by:",
        "posted by",
        "written by:",
        "written by",
        "post by",
        "author:",
        "by:",
        "by ",
        "von ",
        "par ",
        "por ",
    ];
    const SEPARATORS: [&str; 8] = [" - ", " – ", " — ", " | ", " • ", " · ", " » ", " / "];
    const ENDS: [&str; 8] = [
        "published",
        "updated",
        "posted",
        "last updated",
        "min read",
        "reading time",
        "on",
        "wrote",
    ];
    let mut text = clean(byline);
    // "Text by Ana", "Reviewed by: Ana", "03/10/2023 by Ana": the name follows a short lead-in.
    if let Some(at) = text.as_bytes().windows(4).position(|w| w.eq_ignore_ascii_case(b" by ")) {
        if let (Some(lead), Some(rest)) = (text.get(..at), text.get(at + 4..)) {
            let words = lead.split_whitespace().count();
            if words <= 2 || (words <= 3 && !lead.chars().any(|c| c.is_ascii_lowercase())) {
                text = rest.trim_start_matches(':').trim_start().to_string();
            }
        }
    }
    for prefix in PREFIXES {
        if text
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        {
            text = text[prefix.len()..].trim_start().to_string();
            break;
        }
    }
    if let Some(at) = SEPARATORS.iter().filter_map(|s| text.find(s)).min() {
        text.truncate(at);
    }
    // An address is not a name ("Newsdesk news@example.com").
    let words: Vec<&str> = text.split_whitespace().filter(|w| !w.contains('@')).collect();
    // The name ends where a date, a time or a label starts (a number after the first word).
    let end = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| {
            w.starts_with(|c: char| c.is_ascii_digit())
                || ENDS
                    .iter()
                    .any(|e| w.eq_ignore_ascii_case(e.split(' ').next().unwrap_or(e)))
        })
        .map_or(words.len(), |(i, _)| i);
    // "June 17, 2025": the month before the day goes with it.
    let month = |w: &str| dates::begins_month(&w.trim_end_matches(['.', ',']).to_lowercase());
    let end = if end > 1 && end < words.len() && month(words[end - 1]) {
        end - 1
    } else {
        end
    };
    let mut words = &words[..end];
    // A name written twice (a card's heading and its link): once.
    if let Some(k) = (1..=words.len() / 2).find(|&k| words[..k] == words[k..2 * k]) {
        words = &words[..k];
    }
    let name = words.join(" ");
    let name = name
        .trim_matches(|c: char| c.is_whitespace() || ",;:-–—|".contains(c))
        .to_string();
    (!name.is_empty() && words.len() <= 8 && name.chars().count() <= 80 && !is_label(&name)).then_some(name)
}

/// A byline element's text that names no one: a month or a weekday, a label, a number.
fn is_label(text: &str) -> bool {
    const LABELS: [&str; 12] = [
        "author",
        "authors",
        "by",
        "posted",
        "updated",
        "published",
        "home",
        "admin",
        "staff",
        "guest",
        "anonymous",
        "written",
    ];
    let word = text.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let single = !word.contains(' ');
    text.starts_with('[')
        || !text.chars().any(char::is_alphabetic)
        || (single
            && (LABELS.contains(&word.as_str())
                || dates::begins_weekday(&word)
                // A month's name in full ("October"); "Jan" or "May" may be someone's.
                || (word.len() >= 5 && dates::month(&word).is_some())
                // Two letters are an initial or a label, but two characters may be a CJK name.
                || (word.is_ascii() && word.chars().count() <= 2)))
}

/// The first line of the article's text that reads like a paragraph, for the excerpt.
fn first_paragraph(article: ArticleBody<'_>) -> Option<String> {
    let text = match article {
        ArticleBody::Html(html) => Cow::Owned(crate::output::text::to_text(&String::from_utf8_lossy(html))),
        ArticleBody::Text(text) => String::from_utf8_lossy(text),
    };
    text.lines()
        .map(str::trim)
        .find(|line| line.chars().count() >= 60)
        .map(str::to_string)
}

fn clean(value: &str) -> String {
    crate::markup::strings::readable(value)
}

/// The headline a title names: the page's `<h1>` when the title holds it (titles and social
/// titles add the site's name, a tagline or a call to action around it), else the title
/// without the site's name.
fn headline(title: &str, h1: Option<&str>) -> String {
    if let Some(h1) = h1.filter(|h| h.split_whitespace().count() >= 2 || h.chars().count() >= 12) {
        let (t, h) = (fold(title), fold(h1));
        if t.contains(&h) {
            return h1.to_string();
        }
    }
    without_site_name(title, h1)
}

/// Lower case, typographic quotes as plain ones, whitespace collapsed: for comparing titles.
fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
    fn a_byline_gives_the_authors_name_alone() {
        assert_eq!(author_name("By Ana Costa - Mar 27, 2024").as_deref(), Some("Ana Costa"));
        assert_eq!(
            author_name("Ana Costa Ana Costa Writer, Weather").as_deref(),
            Some("Ana Costa")
        );
        assert_eq!(
            author_name("Posted by: ryebread » 11. Sep 2024").as_deref(),
            Some("ryebread")
        );
        assert_eq!(
            author_name("By Ana Costa, Science Editor").as_deref(),
            Some("Ana Costa, Science Editor")
        );
        assert_eq!(
            author_name("Chris Carroll 30 Sep 2022, 11:07am").as_deref(),
            Some("Chris Carroll")
        );
        assert_eq!(
            author_name("By Reyan Perumal Published on July 18, 2025").as_deref(),
            Some("Reyan Perumal")
        );
        assert_eq!(author_name("3i Global").as_deref(), Some("3i Global"));
        assert_eq!(
            author_name("Anna Sokolova June 17, 2025").as_deref(),
            Some("Anna Sokolova")
        );
        assert_eq!(author_name("By Ana Costa Sept. 3").as_deref(), Some("Ana Costa"));
        // Text that is no name's length is not a byline.
        assert_eq!(
            author_name("phinds Science Advisor Insights Author Gold Member Dearly Missed Staff Emeritus"),
            None
        );
        // Any text, any script: never a panic on a character boundary.
        for text in ["Bé", "Byé Ana", "Écrit par Zoé", "著者：山田太郎", "b", "", "·"] {
            let _ = author_name(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_byline_text_is_read_without_a_panic(text in "\\PC{0,40}") {
            let _ = author_name(&text);
        }
    }

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
            article_authors: article.authors.clone(),
            page_authors: Vec::new(),
            kind: PageKind::Article,
            item_published: None,
            title_tag: Some("Headline | News"),
            base: Some(&base),
            article_body: ArticleBody::Html(b""),
        });
        assert_eq!(m.title.as_deref(), Some("Headline"));
        assert_eq!(m.byline.as_deref(), Some("Ann, Bo"));
        assert_eq!(m.excerpt.as_deref(), Some("Short & sweet"));
        assert_eq!(m.canonical_url.as_deref(), Some("https://news.example/story"));
        assert_eq!(m.published.as_deref(), Some("2024-05-01"));
    }
}
