//! YAML front matter for a Markdown file, as Obsidian Web Clipper writes it: the page's title,
//! source URL, authors, publication date and description, for notes and static sites.

use crate::report::Report;

/// Front matter for the page `report` describes (reader mode's metadata; stream mode has the
/// `<title>` only), ending with its closing `---` line and a blank line. `source`: the page's
/// address, else its canonical URL is used. Fields the page does not state are left out; when
/// it states none, there is no front matter (an empty string).
///
/// ```
/// let cleaner = stripwall::Cleaner::new(stripwall::Options { mode: stripwall::Mode::Reader, ..Default::default() })?;
/// let page = r#"<title>Port reopens | Harbour News</title><meta name="author" content="Ana Costa">
/// <article><h1>Port reopens</h1><p>The port reopened on Friday after two years of repairs.</p></article>"#;
/// let cleaned = cleaner.clean_str(page)?;
/// let yaml = stripwall::front_matter(&cleaned.report, Some("https://news.example/port"));
/// assert!(yaml.starts_with("---\ntitle: \"Port reopens\"\nsource: \"https://news.example/port\"\nauthor:\n  - \"Ana Costa\"\n"));
/// assert!(yaml.ends_with("---\n\n"));
/// # Ok::<(), stripwall::Error>(())
/// ```
pub fn front_matter(report: &Report, source: Option<&str>) -> String {
    let meta = report.metadata.as_ref();
    let mut out = String::from("---\n");
    if let Some(title) = report.headline() {
        field(&mut out, "title", title);
    }
    if let Some(source) = source.or_else(|| meta.and_then(|m| m.canonical_url.as_deref())) {
        field(&mut out, "source", source);
    }
    let authors: Vec<&str> = match meta {
        Some(m) if !m.authors.is_empty() => m.authors.iter().map(String::as_str).collect(),
        Some(m) => m.byline.as_deref().into_iter().collect(),
        None => Vec::new(),
    };
    if !authors.is_empty() {
        out.push_str("author:\n");
        for author in authors {
            out.push_str("  - ");
            out.push_str(&quoted(author));
            out.push('\n');
        }
    }
    if let Some(published) = meta.and_then(|m| m.published.as_deref()) {
        // The date, as the page states it when it is ISO 8601 (`2026-03-02T08:00:00Z` → `2026-03-02`).
        let date = published.get(..10).filter(|d| is_iso_date(d)).unwrap_or(published);
        field(&mut out, "published", date);
    }
    if let Some(description) = meta.and_then(|m| m.excerpt.as_deref()) {
        field(&mut out, "description", description);
    }
    if out.len() == "---\n".len() {
        return String::new();
    }
    out.push_str("---\n\n");
    out
}

fn field(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(": ");
    out.push_str(&quoted(value));
    out.push('\n');
}

/// A YAML double-quoted scalar: any text, on one line.
fn quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Metadata;

    #[test]
    fn values_are_quoted_so_that_any_text_is_one_yaml_string() {
        assert_eq!(quoted("He said \"no\": \\ \n"), r#""He said \"no\": \\ \n""#);
        assert_eq!(quoted("a\u{7}b"), "\"a\\u0007b\"");
    }

    #[test]
    fn a_stream_mode_report_gives_its_title_only() {
        let report = Report {
            title: Some("T".into()),
            ..Report::default()
        };
        assert_eq!(front_matter(&report, None), "---\ntitle: \"T\"\n---\n\n");
    }

    #[test]
    fn a_page_that_states_nothing_has_no_front_matter() {
        assert_eq!(front_matter(&Report::default(), None), "");
        assert_eq!(
            front_matter(&Report::default(), Some("https://x.example/")),
            "---\nsource: \"https://x.example/\"\n---\n\n"
        );
    }

    #[test]
    fn dates_that_are_not_iso_stay_as_written() {
        let report = Report {
            metadata: Some(Metadata {
                published: Some("March 2, 2026".into()),
                byline: Some("Ana Costa".into()),
                ..Metadata::default()
            }),
            ..Report::default()
        };
        let yaml = front_matter(&report, None);
        assert!(
            yaml.contains("published: \"March 2, 2026\"\n") && yaml.contains("author:\n  - \"Ana Costa\"\n"),
            "{yaml}"
        );
    }
}
