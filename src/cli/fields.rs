//! What a batch writes of each document: the fields of its JSON line (`--fields`), or the
//! file of one format (`--output-dir`).
//!
//! Takes a document and the result of cleaning it; gives bytes to write.

use crate::documents::Document;
use crate::Format;
use serde_json::{json, Map, Value};
use stripwall::{Mode, Report};

/// A field of a document's JSON line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Text,
    Markdown,
    Html,
    Metadata,
    PageKind,
    Report,
}

impl Field {
    const ALL: [(&'static str, Field); 7] = [
        ("title", Field::Title),
        ("text", Field::Text),
        ("markdown", Field::Markdown),
        ("html", Field::Html),
        ("metadata", Field::Metadata),
        ("pageKind", Field::PageKind),
        ("report", Field::Report),
    ];

    fn name(self) -> &'static str {
        Field::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map(|(n, _)| *n)
            .unwrap_or("")
    }
}

/// Parses `--fields title,text,…`.
pub fn parse_fields(list: &str) -> Result<Vec<Field>, String> {
    let mut fields = Vec::new();
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let field = Field::ALL
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, f)| *f)
            .ok_or_else(|| {
                let known: Vec<&str> = Field::ALL.iter().map(|(n, _)| *n).collect();
                format!("unknown field `{name}` in --fields (known: {})", known.join(", "))
            })?;
        if !fields.contains(&field) {
            fields.push(field);
        }
    }
    if fields.is_empty() {
        return Err("--fields names no field".into());
    }
    Ok(fields)
}

/// The fields written when `--fields` is not given: those of `--format`, else the title, the
/// text and the page kind (and the metadata, in reader mode).
pub fn default_fields(format: Option<Format>, mode: Mode) -> Vec<Field> {
    match format {
        Some(Format::Html) => vec![Field::Title, Field::Html],
        Some(Format::Text) => vec![Field::Title, Field::Text],
        Some(Format::Markdown) => vec![Field::Title, Field::Markdown],
        Some(Format::Json) => vec![
            Field::Title,
            Field::Text,
            Field::Markdown,
            Field::Html,
            Field::Metadata,
            Field::PageKind,
            Field::Report,
        ],
        None if mode == Mode::Reader => vec![Field::Title, Field::Text, Field::Metadata, Field::PageKind],
        None => vec![Field::Title, Field::Text, Field::PageKind],
    }
}

/// What a document was cleaned into: its HTML, or its text alone when the fields written of
/// it need no more ([`text_suffices`]), which spares reader mode a pass over its article.
#[derive(Debug, Clone, Copy)]
pub enum Content<'a> {
    Html(&'a str),
    Text(&'a str),
}

impl<'a> Content<'a> {
    fn text(self) -> String {
        match self {
            Content::Html(html) => stripwall::to_text(html),
            Content::Text(text) => text.to_string(),
        }
    }

    /// The HTML (never asked of text alone: see [`text_suffices`]).
    fn html(self) -> &'a str {
        match self {
            Content::Html(html) => html,
            Content::Text(_) => "",
        }
    }
}

/// Whether `fields` need the text of a document and nothing made from its HTML (the report
/// counts the HTML's bytes, so it needs the HTML too).
pub fn text_suffices(fields: &[Field]) -> bool {
    fields
        .iter()
        .all(|f| matches!(f, Field::Title | Field::Text | Field::Metadata | Field::PageKind))
}

/// The JSON line of a document: where it came from, then the fields asked for, or `error`.
pub fn json_line(
    doc: &Document,
    cleaned: Result<(Content<'_>, &Report), &str>,
    fields: &[Field],
    front_matter: bool,
) -> Vec<u8> {
    let mut object = Map::new();
    object.insert("source".into(), json!(doc.source));
    if let Some(offset) = doc.offset {
        object.insert("offset".into(), json!(offset));
    }
    if let Some(url) = &doc.url {
        object.insert("url".into(), json!(url));
    }
    if let Some(id) = &doc.record_id {
        object.insert("recordId".into(), json!(id));
    }
    if let Some(date) = &doc.date {
        object.insert("date".into(), json!(date));
    }
    if let Some(status) = doc.status {
        object.insert("status".into(), json!(status));
    }
    match cleaned {
        Err(error) => {
            object.insert("error".into(), json!(error));
        }
        Ok((content, report)) => {
            for &field in fields {
                object.insert(
                    field.name().into(),
                    field_value(field, doc, content, report, front_matter),
                );
            }
            // Warnings are never silent, whatever fields were asked for.
            if !fields.contains(&Field::Report) && !report.warnings.is_empty() {
                object.insert("warnings".into(), json!(report.warnings));
            }
        }
    }
    let mut line = serde_json::to_vec(&Value::Object(object)).unwrap_or_else(|e| {
        format!(
            "{{\"source\":{},\"error\":\"cannot write JSON: {e}\"}}",
            json!(doc.source)
        )
        .into_bytes()
    });
    line.push(b'\n');
    line
}

fn field_value(field: Field, doc: &Document, content: Content<'_>, report: &Report, front_matter: bool) -> Value {
    match field {
        Field::Title => json!(report.headline()),
        Field::Text => json!(content.text()),
        Field::Markdown => json!(markdown(
            content.html(),
            report,
            front_matter.then_some(doc.url.as_deref())
        )),
        Field::Html => json!(content.html()),
        Field::Metadata => json!(report.metadata),
        Field::PageKind => json!(report.page_kind),
        Field::Report => json!(report),
    }
}

/// Markdown of the cleaned `html` (reader mode's with the article's title first), after YAML
/// front matter when `front_matter` is given (with the page's address, if known).
pub fn markdown(html: &str, report: &Report, front_matter: Option<Option<&str>>) -> String {
    let body = stripwall::to_markdown_with_title(html, report.article_title());
    match front_matter {
        Some(source) => stripwall::front_matter(report, source) + &body,
        None => body,
    }
}

/// The file of one document under `--output-dir`, in `format` (HTML by default), and its
/// extension.
pub fn file_contents(
    format: Option<Format>,
    doc: &Document,
    html: &str,
    report: &Report,
    front_matter: bool,
) -> (Vec<u8>, &'static str) {
    match format.unwrap_or(Format::Html) {
        Format::Html => (html.as_bytes().to_vec(), "html"),
        Format::Text => (stripwall::to_text(html).into_bytes(), "txt"),
        Format::Markdown => (
            markdown(html, report, front_matter.then_some(doc.url.as_deref())).into_bytes(),
            "md",
        ),
        Format::Json => {
            let all = default_fields(Some(Format::Json), Mode::Stream);
            (
                json_line(doc, Ok((Content::Html(html), report)), &all, front_matter),
                "json",
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_parsed_by_name_and_unknown_ones_named() {
        assert_eq!(
            parse_fields("title, pageKind,title").unwrap(),
            vec![Field::Title, Field::PageKind]
        );
        let e = parse_fields("title,body").unwrap_err();
        assert!(e.contains("unknown field `body`") && e.contains("markdown"), "{e}");
        assert!(parse_fields(" , ").is_err());
    }
}
