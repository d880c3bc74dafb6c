//! Dates printed as a card's or a post's own line: "Feb 26, 2026", "12 March 2025",
//! "2024-12-04", "03/27/2025", "3 days ago". A run of cards that each carry one is a list of
//! posts (other stories after a story), which a menu or a section of the story is not.
//!
//! Only short runs of text are read (a date stands on its own, or with a byline): a date inside
//! a sentence of prose is not a card's date.

/// Longest run of text (bytes, trimmed) read as a date line.
pub(crate) const MAX_DATE_RUN: usize = 48;

/// Units of a relative date ("3 days ago").
const AGO_UNITS: [&str; 7] = ["minute", "hour", "day", "week", "month", "year", "min"];

/// Whether a short run of text reads as a date.
///
/// ```text
/// is_date_line(b"Feb 26, 2026")                → true
/// is_date_line(b"Tala Sammar - 2024-12-04")    → true (a byline and a date)
/// is_date_line(b"3 days ago")                  → true
/// is_date_line(b"Founded in 1998")             → false (a year alone)
/// is_date_line(b"Call 2025 5550 100")          → false
/// ```
pub(crate) fn is_date_line(run: &[u8]) -> bool {
    let run = run.trim_ascii();
    if run.is_empty() || run.len() > MAX_DATE_RUN || !run.iter().any(u8::is_ascii_digit) {
        return false;
    }
    let words: Vec<&[u8]> = run
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let year = |w: &[u8]| w.len() == 4 && (w.starts_with(b"19") || w.starts_with(b"20")) && all_digits(w);
    let month = |w: &[u8]| w.len() >= 3 && w.iter().all(u8::is_ascii_alphabetic) && is_month_word(w);
    let day = |w: &[u8]| (1..=2).contains(&w.len()) && all_digits(w) || is_ordinal_day(w);
    // "Feb 26, 2026", "26 February 2026", "February 2026"
    let named = words.iter().any(|w| year(w)) && words.iter().any(|w| month(w));
    // "2024-12-04", "27/03/2025", "03.27.2025"
    let numeric = words
        .windows(3)
        .any(|w| (year(w[0]) && day(w[1]) && day(w[2])) || (day(w[0]) && day(w[1]) && year(w[2])));
    // "3 days ago"
    let ago = words.windows(3).any(|w| {
        all_digits(w[0])
            && AGO_UNITS
                .iter()
                .any(|u| w[1].eq_ignore_ascii_case(u.as_bytes()) || is_plural(w[1], u))
            && w[2].eq_ignore_ascii_case(b"ago")
    });
    named || numeric || ago
}

fn all_digits(word: &[u8]) -> bool {
    !word.is_empty() && word.iter().all(u8::is_ascii_digit)
}

/// "1st", "22nd", "3rd", "4th".
fn is_ordinal_day(word: &[u8]) -> bool {
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&digits)
        && [&b"st"[..], b"nd", b"rd", b"th"]
            .iter()
            .any(|s| word[digits..].eq_ignore_ascii_case(s))
}

fn is_plural(word: &[u8], unit: &str) -> bool {
    word.len() == unit.len() + 1
        && word[..unit.len()].eq_ignore_ascii_case(unit.as_bytes())
        && word[unit.len()].eq_ignore_ascii_case(&b's')
}

/// Whether a word is an English month's name or its start, three letters or more ("Sept",
/// "March"), not another word ("Marketing", "Maybe", "Decide").
fn is_month_word(word: &[u8]) -> bool {
    std::str::from_utf8(word).is_ok_and(|w| crate::markup::dates::begins_month(&w.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_cards_and_bylines() {
        for date in [
            "Feb 26, 2026",
            "March 27, 2025",
            "26 February 2026",
            "Sept 3, 2024",
            "December 12, 2025",
            "January 22nd, 2019",
            "Tala Sammar - 2024-12-04",
            "27/03/2025",
            "via Emma Azelborn August 25, 2025",
            "3 days ago",
            "1 hour ago",
            "Posted on 12 Mar 2025",
        ] {
            assert!(is_date_line(date.as_bytes()), "{date}");
        }
    }

    #[test]
    fn years_alone_numbers_and_prose_are_not_dates() {
        for text in [
            "Founded in 1998",
            "Call 2025 5550 100",
            "Marketing 2025",
            "Maybe next 2026",
            "The council met on March 3, 2025 and voted to close the old bridge for repairs",
            "12 months @ 0% - $299+",
            "Decide by 2030",
        ] {
            assert!(!is_date_line(text.as_bytes()), "{text}");
        }
    }
}
