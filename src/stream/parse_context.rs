//! Keeping the output parsed as the input was, around `<svg>` and `<math>`.
//!
//! Inside foreign content, some HTML elements (`<div>`, `<p>`, `<span>` …) end the `<svg>` or
//! `<math>` where a browser parses them: what follows is HTML again, and an `<iframe>` there
//! holds raw text. Remove such an element and a browser keeps reading the rest as MathML or
//! SVG, where the same `<iframe>` is an ordinary element and the "raw text" in it, checked as
//! text, becomes markup (`<math><div></div><iframe><p><script>` is the shortest case, found by
//! fuzzing). So an HTML element removed inside foreign content leaves an empty `<span>`, which
//! ends foreign content just as the element did, and changes nothing elsewhere.

use crate::rules::safety::{HTML, MATHML, SVG};
use crate::stream::hold::HoldId;

/// What a removed HTML element inside `<svg>` or `<math>` leaves behind.
pub(crate) const PLACEHOLDER: &str = "<span></span>";

/// The open `<svg>` and `<math>` elements, and the held blocks opened inside them.
#[derive(Debug, Default)]
pub(crate) struct ForeignContent {
    /// Open roots of foreign content (counted up at the start tag, down at the end tag; a root
    /// a browser closed early by an HTML element stays counted, which only costs placeholders).
    open: u32,
    /// Held blocks started inside foreign content: dropped, they leave a placeholder.
    held: Vec<HoldId>,
}

impl ForeignContent {
    /// Whether `tag` in `namespace` starts foreign content.
    pub fn is_root(tag: &str, namespace: &str) -> bool {
        (tag == "svg" && namespace == SVG) || (tag == "math" && namespace == MATHML)
    }

    pub fn enter(&mut self) {
        self.open += 1;
    }

    pub fn leave(&mut self) {
        self.open = self.open.saturating_sub(1);
    }

    /// Whether an `<svg>` or `<math>` is open.
    pub fn is_open(&self) -> bool {
        self.open > 0
    }

    /// Whether removing an element of `namespace` here needs a placeholder.
    pub fn needs_placeholder(&self, namespace: &str) -> bool {
        self.open > 0 && namespace == HTML
    }

    /// Remembers a held block that will need a placeholder if it is dropped.
    pub fn hold_started(&mut self, id: HoldId) {
        self.held.push(id);
    }

    /// Forgets a held block once decided; returns whether it needs a placeholder.
    pub fn hold_finished(&mut self, id: HoldId) -> bool {
        match self.held.iter().rposition(|&h| h == id) {
            Some(at) => {
                self.held.remove(at);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_only_for_html_elements_inside_foreign_content() {
        let mut foreign = ForeignContent::default();
        assert!(!foreign.needs_placeholder(HTML));
        assert!(ForeignContent::is_root("math", MATHML) && ForeignContent::is_root("svg", SVG));
        assert!(!ForeignContent::is_root("svg", HTML));
        foreign.enter();
        assert!(foreign.needs_placeholder(HTML));
        assert!(!foreign.needs_placeholder(SVG), "removing an SVG element ends nothing");
        foreign.leave();
        foreign.leave();
        assert!(!foreign.needs_placeholder(HTML));
    }

    #[test]
    fn held_blocks_are_remembered_once() {
        let mut foreign = ForeignContent::default();
        foreign.hold_started(3);
        assert!(foreign.hold_finished(3));
        assert!(!foreign.hold_finished(3));
        assert!(!foreign.hold_finished(4));
    }
}
