//! The labels of a page's controls: a block whose whole text is one of them ("Skip to main
//! content", "Back to top", "Loading…", "Click to expand...") is a control or a placeholder,
//! never what a reader came for.
//!
//! Only a block's *whole* text is matched, so a sentence that uses the words ("Loading the
//! dishwasher", "Read more about our history") is never one. English only, as the controls'
//! labels of the web mostly are; other languages' blocks are left as they were.

use crate::options::Category;

/// What the report says of a placeholder for what a script loads.
const PLACEHOLDER: &str = "a placeholder for what a script loads";

/// (label's words, category, what the report says).
const LABELS: &[(&[&str], Category, &str)] = {
    use Category::*;
    const JUMP: &str = "a link within the page";
    const CONTENTS: &str = "a table of contents' title";
    const CONTROL: &str = "a control's label";
    &[
        (&["skip", "to", "content"], Navigation, JUMP),
        (&["skip", "to", "main", "content"], Navigation, JUMP),
        (&["skip", "to", "main"], Navigation, JUMP),
        (&["skip", "to", "navigation"], Navigation, JUMP),
        (&["skip", "to", "footer"], Navigation, JUMP),
        (&["skip", "navigation"], Navigation, JUMP),
        (&["jump", "to", "content"], Navigation, JUMP),
        (&["jump", "to", "main", "content"], Navigation, JUMP),
        (&["jump", "to", "navigation"], Navigation, JUMP),
        (&["back", "to", "top"], Navigation, JUMP),
        (&["scroll", "to", "top"], Navigation, JUMP),
        (&["go", "to", "top"], Navigation, JUMP),
        (&["return", "to", "top"], Navigation, JUMP),
        (&["top", "of", "page"], Navigation, JUMP),
        (&["table", "of", "contents"], Navigation, CONTENTS),
        (&["in", "this", "article"], Navigation, CONTENTS),
        (&["on", "this", "page"], Navigation, CONTENTS),
        (&["add", "to", "cart"], NonContent, CONTROL),
        (&["add", "to", "bag"], NonContent, CONTROL),
        (&["add", "to", "basket"], NonContent, CONTROL),
        (&["add", "to", "wishlist"], NonContent, CONTROL),
        (&["loading"], NonContent, PLACEHOLDER),
        (&["loading", "content"], NonContent, PLACEHOLDER),
        (&["please", "wait"], NonContent, PLACEHOLDER),
        (&["click", "to", "expand"], NonContent, CONTROL),
        (&["click", "to", "expand", "this"], NonContent, CONTROL),
    ]
};

/// Longest label, in bytes: longer text is never one.
const LONGEST: usize = 40;

/// Most bytes of spaces, dots and arrows around a label.
const DRESS: usize = 16;

/// The category and the report's reason when `text` (a block's text, whitespace collapsed) is
/// nothing but a control's label: "Skip to main content" and "  Loading… " are, "Loading the
/// dishwasher" is not, nor a heading "Loading" (a placeholder ends with an ellipsis).
pub(crate) fn control_label(text: &str) -> Option<(Category, &'static str)> {
    // Most blocks are longer than any label: told apart by their length before anything else.
    if text.len() > LONGEST + DRESS {
        return None;
    }
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || is_decoration(c));
    if trimmed.is_empty() || trimmed.len() > LONGEST {
        return None;
    }
    let first = trimmed.as_bytes()[0].to_ascii_lowercase();
    // A placeholder says it is waiting ("Loading...", "Please wait…"); "Loading" alone may be
    // a heading (a removal checklist's "Packing", "Loading", "Unloading").
    let waiting = text.trim_end().ends_with("...") || text.trim_end().ends_with('…');
    LABELS.iter().find_map(|&(label, category, reason)| {
        let same = label[0].as_bytes()[0] == first && same_words(label, trimmed) && (reason != PLACEHOLDER || waiting);
        same.then_some((category, reason))
    })
}

/// Whether `text` is the words of `label` (lower case) in any case and spacing.
fn same_words(label: &[&str], text: &str) -> bool {
    let mut words = text.split_whitespace();
    label
        .iter()
        .all(|l| words.next().is_some_and(|w| l.eq_ignore_ascii_case(w)))
        && words.next().is_none()
}

/// Marks around a label: ellipses, arrows, carets and the punctuation buttons end with.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '.' | '…' | ':' | '!' | '↑' | '⬆' | '▲' | '^' | '›' | '»' | '→' | '←' | '‹' | '«' | '-' | '|'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_labels_are_found_in_any_case_and_dress() {
        for text in [
            "Skip to main content",
            "SKIP TO CONTENT",
            "Back To Top ↑",
            "↑ Back to top",
            "Loading...",
            "Loading…",
            " Loading... ",
            "Please wait...",
            "Click to expand...",
            "Table of Contents",
            "Jump to  content",
            "Back\u{a0}to top",
            "Add to cart",
        ] {
            assert!(control_label(text).is_some(), "{text:?}");
        }
    }

    #[test]
    fn sentences_that_use_the_words_are_not_labels() {
        for text in [
            "Loading the dishwasher",
            "Loading docks",
            "Back to top form after the injury",
            "Please wait for the doctor to call you back.",
            "",
            "...",
            "We skip to the main content of the talk.",
            "Loading",
            "Please wait",
        ] {
            assert!(control_label(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn categories_say_what_the_block_is() {
        assert_eq!(control_label("Back to top").map(|l| l.0), Some(Category::Navigation));
        assert_eq!(control_label("Loading...").map(|l| l.0), Some(Category::NonContent));
    }
}
