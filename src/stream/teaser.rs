//! Completing a teaser with the full text from JSON-LD `articleBody`.
//!
//! While the article container streams past, its output is read for its text (while it is
//! short enough to be a teaser). At its end, when `articleBody` is clearly longer
//! and starts the same way, the part the page did not show is appended as paragraphs.

use crate::markup::strings::collapse;
use crate::rules::block_text::Scanner;

/// A page that shows more text than this is not a teaser.
const MAX_TEASER_CHARS: usize = 16_000;
/// `articleBody` must be at least this many characters longer than the visible text, unless
/// the page says the article is gated (then any missing paragraph completes it).
const MIN_MISSING_CHARS: usize = 200;

/// Holds back at most this much unread output while sampling.
const MAX_PENDING: usize = 64 * 1024;

/// The visible text of the article container, read from its output HTML as it streams past.
pub(crate) struct TeaserSample {
    /// Output not yet read: everything from the last `<`, so that no tag or word is split.
    pending: Vec<u8>,
    scanner: Scanner,
}

impl TeaserSample {
    pub fn new() -> Self {
        TeaserSample {
            pending: Vec::new(),
            scanner: Scanner::new(MAX_TEASER_CHARS * 4),
        }
    }

    /// Reads a chunk of the container's output HTML (chunks may split it anywhere).
    pub fn observe_html(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        let cut = match self.pending.iter().rposition(|&b| b == b'<') {
            Some(cut) if self.pending.len() <= MAX_PENDING => cut,
            _ => self.pending.len(),
        };
        if cut > 0 {
            self.scanner.feed(&self.pending[..cut]);
            self.pending.drain(..cut);
        }
    }

    /// The HTML to append after the visible text, or `None` when the page shows it all (or
    /// `article_body` is not the same article). `gated`: the page says the article is not free
    /// (in its JSON-LD, or by a paywall prompt removed inside it), so however little of
    /// `article_body` is missing, it completes the teaser.
    pub fn completion(mut self, article_body: &str, gated: bool) -> Option<String> {
        self.scanner.feed(&self.pending);
        let stats = self.scanner.finish();
        let min_missing = if gated { 1 } else { MIN_MISSING_CHARS };
        complete(&stats.text, stats.text_chars, article_body, min_missing)
    }
}

/// The body is cut into paragraphs (its lines) or, when it has no line breaks, sentences; the
/// leading ones the page shows (`visible`, of `visible_chars` characters) are skipped and the
/// rest returned as paragraphs.
fn complete(visible: &str, visible_chars: usize, article_body: &str, min_missing: usize) -> Option<String> {
    if visible_chars > MAX_TEASER_CHARS {
        return None;
    }
    let body_chars = article_body
        .split_whitespace()
        .map(|w| w.chars().count() + 1)
        .sum::<usize>();
    if body_chars < visible_chars + min_missing {
        return None;
    }
    let lines: Vec<String> = article_body.lines().map(collapse).filter(|l| !l.is_empty()).collect();
    let (units, as_paragraphs) = if lines.len() >= 2 {
        (lines, true)
    } else {
        (sentences(article_body), false)
    };
    let shown = units.iter().take_while(|u| visible.contains(u.as_str())).count();
    if shown == 0 || shown == units.len() {
        return None;
    }
    let rest = &units[shown..];
    let html = if as_paragraphs {
        rest.iter()
            .map(|p| format!("<p>{}</p>", crate::decode::entities::escape_text(p)))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        format!("<p>{}</p>", crate::decode::entities::escape_text(&rest.join(" ")))
    };
    Some(html)
}

/// Sentences of a text without line breaks, whitespace collapsed.
fn sentences(text: &str) -> Vec<String> {
    let text = collapse(text);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(text[start..=i].to_string());
        start = i + 2;
    }
    if start < text.len() {
        out.push(text[start..].to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "First paragraph of the story, which the page shows to everyone.\n\n\
        Second paragraph, also visible before the paywall cuts in.\n\n\
        Third paragraph that only subscribers were meant to see, with the key facts of the report.\n\n\
        Fourth paragraph with the quotes from officials and the conclusion of the story so far.\n\n\
        Fifth paragraph, in which the reporter explains what happens next and who decides it.";

    #[test]
    fn completes_a_teaser() {
        let mut sample = TeaserSample::new();
        let page = "<h1>Headline</h1><p>First paragraph of the story, which the page shows to everyone.</p>\
                    <p>Second paragraph, also visible before the paywall cuts in.</p><p>Subscribe!</p>";
        for piece in page.as_bytes().chunks(7) {
            sample.observe_html(piece);
        }
        let html = sample.completion(BODY, false).unwrap();
        assert!(html.starts_with("<p>Third paragraph"), "{html}");
        assert!(html.contains("<p>Fourth paragraph"), "{html}");
        assert!(!html.contains("Second paragraph"), "{html}");
    }

    #[test]
    fn leaves_full_articles_alone() {
        let mut sample = TeaserSample::new();
        sample.observe_html(format!("<p>{BODY}</p>").as_bytes());
        assert_eq!(sample.completion(BODY, false), None);
        let mut sample = TeaserSample::new();
        sample.observe_html(format!("<p>{BODY}</p>").as_bytes());
        assert_eq!(sample.completion(BODY, true), None);
    }

    #[test]
    fn a_gated_article_is_completed_however_little_is_missing() {
        let visible: String = BODY.split("\n\n").take(4).map(|p| format!("<p>{p}</p>")).collect();
        let mut sample = TeaserSample::new();
        sample.observe_html(visible.as_bytes());
        assert_eq!(
            sample.completion(BODY, false),
            None,
            "90 characters missing: not enough without a gate"
        );
        let mut sample = TeaserSample::new();
        sample.observe_html(visible.as_bytes());
        let html = sample.completion(BODY, true).unwrap();
        assert_eq!(
            html,
            "<p>Fifth paragraph, in which the reporter explains what happens next and who decides it.</p>"
        );
    }

    #[test]
    fn completes_a_teaser_of_one_paragraph_by_sentences() {
        let body = BODY.replace("\n\n", " ");
        let mut sample = TeaserSample::new();
        sample.observe_html(b"<p>First paragraph of the story, which the page shows to everyone. Subscribe!</p>");
        let html = sample.completion(&body, false).unwrap();
        assert!(html.starts_with("<p>Second paragraph"), "{html}");
        assert!(html.ends_with("decides it.</p>"), "{html}");
    }

    #[test]
    fn ignores_a_different_article() {
        let mut sample = TeaserSample::new();
        sample.observe_html(b"<p>Something else entirely.</p>");
        assert_eq!(sample.completion(BODY, true), None);
    }
}
