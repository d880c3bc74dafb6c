//! Completing a teaser with the full text from JSON-LD `articleBody`.
//!
//! While the article container streams past, its visible text is sampled (the first and the
//! last few hundred characters, and a count). At its end, when `articleBody` is clearly longer
//! and starts the same way, the part the page did not show is appended as paragraphs.

/// A page that shows more text than this is not a teaser.
const MAX_TEASER_CHARS: usize = 16_000;
/// `articleBody` must be at least this many characters longer than the visible text.
const MIN_MISSING_CHARS: usize = 200;

/// The visible text of the article container, while it is short enough to be a teaser.
#[derive(Debug, Default)]
pub(crate) struct TeaserSample {
    text: String,
    chars: usize,
}

impl TeaserSample {
    /// Adds a piece of visible text (entities already decoded).
    pub fn observe(&mut self, text: &str) {
        for word in text.split_whitespace() {
            self.chars += word.chars().count() + 1;
            if self.chars <= MAX_TEASER_CHARS {
                push_word(&mut self.text, word);
            }
        }
    }

    /// The HTML to append after the visible text, or `None` when the page shows it all (or
    /// `article_body` is not the same article).
    ///
    /// The body is cut into paragraphs (its lines) or, when it has no line breaks, sentences;
    /// the leading ones the page shows are skipped and the rest appended.
    pub fn completion(&self, article_body: &str) -> Option<String> {
        if self.chars > MAX_TEASER_CHARS {
            return None;
        }
        let body_chars = article_body.split_whitespace().map(|w| w.chars().count() + 1).sum::<usize>();
        if body_chars < self.chars + MIN_MISSING_CHARS {
            return None;
        }
        let lines: Vec<String> = article_body.lines().map(collapse).filter(|l| !l.is_empty()).collect();
        let (units, as_paragraphs) = if lines.len() >= 2 { (lines, true) } else { (sentences(article_body), false) };
        let shown = units.iter().take_while(|u| self.text.contains(u.as_str())).count();
        if shown == 0 || shown == units.len() {
            return None;
        }
        let rest = &units[shown..];
        let html = if as_paragraphs {
            rest.iter().map(|p| format!("<p>{}</p>", html_escape::encode_text(p))).collect::<Vec<_>>().join("\n")
        } else {
            format!("<p>{}</p>", html_escape::encode_text(&rest.join(" ")))
        };
        Some(html)
    }
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

fn push_word(s: &mut String, word: &str) {
    if !s.is_empty() {
        s.push(' ');
    }
    s.push_str(word);
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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
        let mut sample = TeaserSample::default();
        sample.observe("Headline First paragraph of the story, which the page shows to everyone.");
        sample.observe("Second paragraph, also visible before the paywall cuts in.");
        let html = sample.completion(BODY).unwrap();
        assert!(html.starts_with("<p>Third paragraph"), "{html}");
        assert!(html.contains("<p>Fourth paragraph"), "{html}");
        assert!(!html.contains("Second paragraph"), "{html}");
    }

    #[test]
    fn leaves_full_articles_alone() {
        let mut sample = TeaserSample::default();
        sample.observe(BODY);
        assert_eq!(sample.completion(BODY), None);
    }

    #[test]
    fn completes_a_teaser_of_one_paragraph_by_sentences() {
        let body = BODY.replace("\n\n", " ");
        let mut sample = TeaserSample::default();
        sample.observe("First paragraph of the story, which the page shows to everyone. Subscribe!");
        let html = sample.completion(&body).unwrap();
        assert!(html.starts_with("<p>Second paragraph"), "{html}");
        assert!(html.ends_with("decides it.</p>"), "{html}");
    }

    #[test]
    fn ignores_a_different_article() {
        let mut sample = TeaserSample::default();
        sample.observe("Something else entirely.");
        assert_eq!(sample.completion(BODY), None);
    }
}
