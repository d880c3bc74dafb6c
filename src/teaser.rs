//! Completing a teaser with the full text from JSON-LD `articleBody`.
//!
//! While the article container streams past, its visible text is sampled (the first and the
//! last few hundred characters, and a count). At its end, when `articleBody` is clearly longer
//! and starts the same way, the part the page did not show is appended as paragraphs.

const PREFIX_CHARS: usize = 2000;
const TAIL_CHARS: usize = 300;
/// `articleBody` must be at least this many characters longer than the visible text.
const MIN_MISSING_CHARS: usize = 200;

/// Samples of the visible text of the article container.
#[derive(Debug, Default)]
pub(crate) struct TeaserSample {
    prefix: String,
    tail: String,
    chars: usize,
}

impl TeaserSample {
    /// Adds a piece of visible text (entities already decoded).
    pub fn observe(&mut self, text: &str) {
        for word in text.split_whitespace() {
            self.chars += word.chars().count() + 1;
            if self.prefix.len() < PREFIX_CHARS {
                push_word(&mut self.prefix, word);
            }
            push_word(&mut self.tail, word);
            if self.tail.len() > 2 * TAIL_CHARS {
                let cut = self.tail.len() - TAIL_CHARS;
                let cut = (cut..self.tail.len()).find(|&i| self.tail.is_char_boundary(i)).unwrap_or(0);
                self.tail.drain(..cut);
            }
        }
    }

    /// The HTML to append after the visible text, or `None` when the page shows it all (or
    /// `article_body` is not the same article).
    pub fn completion(&self, article_body: &str) -> Option<String> {
        let body = collapse(article_body);
        let body_chars = body.chars().count();
        if body_chars < self.chars + MIN_MISSING_CHARS {
            return None;
        }
        // Starts the same way: the first words of the body appear early in the visible text.
        let opening: String = body.chars().take(40).collect();
        if opening.is_empty() || !self.prefix.contains(&opening) {
            return None;
        }
        // Where the visible text stops: its last words, found in the body.
        let rest = [80usize, 40, 20].iter().find_map(|&n| {
            let start = self.tail.len().saturating_sub(n);
            let start = (start..=self.tail.len()).find(|&i| self.tail.is_char_boundary(i))?;
            let tail = self.tail[start..].trim_start();
            let at = body.rfind(tail).filter(|_| tail.len() >= 10)?;
            Some(at + tail.len())
        })?;
        let paragraphs: Vec<String> = paragraphs_from(article_body, rest)
            .into_iter()
            .map(|p| format!("<p>{}</p>", html_escape::encode_text(&p)))
            .collect();
        (!paragraphs.is_empty()).then(|| paragraphs.join("\n"))
    }
}

/// The paragraphs of `original` (split at its line breaks) from byte `from` of its
/// whitespace-collapsed form on.
fn paragraphs_from(original: &str, from: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in original.lines().map(collapse).filter(|l| !l.is_empty()) {
        let (start, end) = (pos, pos + line.len());
        pos = end + 1;
        if end <= from {
            continue;
        }
        let part = line.get(from.saturating_sub(start)..).unwrap_or("").trim();
        if !part.is_empty() {
            out.push(part.to_string());
        }
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
    fn ignores_a_different_article() {
        let mut sample = TeaserSample::default();
        sample.observe("Something else entirely.");
        assert_eq!(sample.completion(BODY), None);
    }
}
