//! Calendar dates as pages write them: ISO 8601 from structured data, and the dates people read
//! ("March 3, 2024", "3 Mar 2024", "03/10/2023", "3.10.2023"), given back as `YYYY-MM-DD`.

/// Month names and their usual short forms, English first, then German, French and Spanish.
const MONTHS: [&[&str]; 12] = [
    &["january", "jan", "januar", "janvier", "enero", "ene"],
    &["february", "feb", "februar", "février", "fevrier", "febrero"],
    &["march", "mar", "märz", "maerz", "mars", "marzo"],
    &["april", "apr", "avril", "abril", "abr"],
    &["may", "mai", "mayo"],
    &["june", "jun", "juni", "juin", "junio"],
    &["july", "jul", "juli", "juillet", "julio"],
    &["august", "aug", "août", "aout", "agosto", "ago"],
    &["september", "sep", "sept", "septembre", "septiembre", "set"],
    &["october", "oct", "oktober", "okt", "octobre", "octubre"],
    &["november", "nov", "novembre", "noviembre"],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "decembre",
        "diciembre",
        "dic",
    ],
];

/// A value meant as a date (a `<meta>`, JSON-LD or `<time datetime>` value): kept as written when
/// it is ISO 8601 already (the time and zone are the page's), else the date it names as
/// `YYYY-MM-DD`; `None` when it names none.
///
/// ```text
/// "2024-03-03T10:00:00Z"              → "2024-03-03T10:00:00Z"
/// "Feb 08, 2022"                      → "2022-02-08"
/// "Thu, 09/25/2025 - 11:38"           → "2025-09-25"
/// "soon"                              → None
/// ```
pub(crate) fn normalize(value: &str) -> Option<String> {
    let value = value.trim();
    if is_iso_date(value) {
        return Some(value.to_string());
    }
    first_date(value)
}

/// The first calendar date written in `text`, as `YYYY-MM-DD`.
///
/// ```text
/// "By Ana Costa · March 3, 2024 · 4 min read" → "2024-03-03"
/// "Posted 3 Mar 2024 in News"                  → "2024-03-03"
/// "Room 12, floor 3"                           → None
/// ```
pub(crate) fn first_date(text: &str) -> Option<String> {
    let tokens = tokens(text);
    (0..tokens.len())
        .filter(|&i| i == 0 || starts_a_date(&tokens[i - 1]))
        .find_map(|i| date_at(&tokens[i..]))
}

/// Whether a date may begin after `previous`: not glued to a word or a number ("v1.2.2024",
/// "1.2.3.2024"), and not after a word that makes the number a count ("No. 3, March 2024",
/// "Top 5 of March 2024").
fn starts_a_date(previous: &Token) -> bool {
    const COUNTS: [&str; 9] = [
        "no", "nr", "issue", "vol", "volume", "episode", "top", "part", "chapter",
    ];
    let glued = previous.end.is_alphanumeric() || (previous.number && matches!(previous.end, '.' | '/' | '-'));
    !(glued || COUNTS.contains(&previous.text.as_str()))
}

fn is_iso_date(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && valid(num(&value[..4]), num(&value[5..7]), num(&value[8..10]))
        && b.get(10).is_none_or(|c| matches!(c, b'T' | b't' | b' '))
}

/// A word or a number of the text, with the character that ends it (`/`, `.`, `-` or other).
#[derive(Debug)]
struct Token {
    text: String,
    number: bool,
    end: char,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut number = false;
    for c in text.chars().chain(std::iter::once(' ')) {
        let digit = c.is_ascii_digit();
        let letter = c.is_alphabetic();
        if (digit || letter) && (current.is_empty() || number == digit) {
            number = digit;
            current.extend(c.to_lowercase());
            continue;
        }
        if !current.is_empty() {
            out.push(Token {
                text: std::mem::take(&mut current),
                number,
                end: c,
            });
            if out.len() >= 4096 {
                break;
            }
        }
        if digit || letter {
            number = digit;
            current.extend(c.to_lowercase());
        }
    }
    out
}

/// The month `word` (lower case) names, 1 to 12, in any of the four languages, in full or short
/// ("march", "mär", "sept.").
pub(crate) fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .map(|m| m as u32 + 1)
}

/// English weekdays, in full.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// English months, in full (the first name of each in [`MONTHS`]).
fn english_months() -> impl Iterator<Item = &'static str> {
    MONTHS.iter().map(|names| names[0])
}

/// Whether `word` (lower case) is an English weekday's or month's name in full.
pub(crate) fn is_day_or_month_name(word: &str) -> bool {
    WEEKDAYS.contains(&word) || english_months().any(|m| m == word)
}

/// Whether `word` (lower case, three letters or more) begins an English weekday's name ("sat").
pub(crate) fn begins_weekday(word: &str) -> bool {
    word.len() >= 3 && WEEKDAYS.iter().any(|d| d.starts_with(word))
}

/// Whether `word` (lower case, three letters or more) begins an English month's name ("sept").
pub(crate) fn begins_month(word: &str) -> bool {
    word.len() >= 3 && english_months().any(|m| m.starts_with(word))
}

fn num(text: &str) -> u32 {
    text.parse().unwrap_or(0)
}

fn valid(year: u32, month: u32, day: u32) -> bool {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1900..=2100).contains(&year) && (1..=12).contains(&month) && (1..=days).contains(&day)
}

fn format(year: u32, month: u32, day: u32) -> Option<String> {
    valid(year, month, day).then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The date the tokens at the start of `t` write, if they write one.
fn date_at(t: &[Token]) -> Option<String> {
    let n = |i: usize| {
        t.get(i)
            .filter(|t| t.number)
            .map(|t| (num(&t.text), t.text.len(), t.end))
    };
    let m = |i: usize| t.get(i).filter(|t| !t.number).and_then(|t| month(&t.text));
    // 2024-03-03, 2024/03/03
    if let (Some((y, 4, s1)), Some((mo, _, s2)), Some((d, dl, _))) = (n(0), n(1), n(2)) {
        if (s1 == '-' || s1 == '/') && s1 == s2 && dl <= 2 {
            return format(y, mo, d);
        }
    }
    // 03/10/2023 (month first unless the first number cannot be a month), 3.10.2023 (day first)
    if let (Some((a, al, s1)), Some((b, bl, s2)), Some((y, 4, _))) = (n(0), n(1), n(2)) {
        if al <= 2 && bl <= 2 && s1 == s2 {
            return match s1 {
                '/' if a > 12 => format(y, b, a),
                '/' => format(y, a, b),
                '.' | '-' => format(y, b, a),
                _ => None,
            };
        }
    }
    // March 3, 2024 · Mar. 3rd 2024
    if let (Some(mo), Some((d, dl, _))) = (m(0), n(1)) {
        let year = match t.get(2) {
            Some(next) if !next.number && matches!(next.text.as_str(), "st" | "nd" | "rd" | "th") => n(3),
            _ => n(2),
        };
        if let Some((y, 4, _)) = year {
            if dl <= 2 {
                return format(y, mo, d);
            }
        }
    }
    // 3 March 2024 · 3. März 2024 · 3 de marzo de 2024 · 3rd March 2024 (not "3, March 2024")
    if let Some((d, dl, _)) = n(0).filter(|(_, _, end)| *end != ',') {
        let mut i = 1;
        while i < 3
            && t.get(i)
                .is_some_and(|t| matches!(t.text.as_str(), "st" | "nd" | "rd" | "th" | "de" | "of"))
        {
            i += 1;
        }
        if let (Some(mo), true) = (m(i), dl <= 2) {
            let mut j = i + 1;
            if t.get(j).is_some_and(|t| t.text == "de") {
                j += 1;
            }
            if let Some((y, 4, _)) = n(j) {
                return format(y, mo, d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_people_write() {
        for (text, date) in [
            ("March 3, 2024", "2024-03-03"),
            ("Mar. 3rd 2024", "2024-03-03"),
            ("on Friday December 19, 2025 @08:00PM", "2025-12-19"),
            ("3 March 2024", "2024-03-03"),
            ("3. März 2024", "2024-03-03"),
            ("3 de marzo de 2024", "2024-03-03"),
            ("Posted 21st Sep 2023 by Ana", "2023-09-21"),
            ("Thu, 09/25/2025 - 11:38", "2025-09-25"),
            ("25/09/2025", "2025-09-25"),
            ("25.09.2025", "2025-09-25"),
            ("2025/09/25", "2025-09-25"),
            ("Updated: 2025-09-25 10:00", "2025-09-25"),
            ("29 February 2024", "2024-02-29"),
        ] {
            assert_eq!(first_date(text).as_deref(), Some(date), "{text}");
        }
    }

    #[test]
    fn numbers_that_are_not_dates() {
        for text in [
            "Room 12, floor 3",
            "4 min read",
            "Call 555 1234 2024",
            "May I help you?",
            "13/13/2024",
            "1999 2000 2001",
            "February 31, 2024",
            "29 February 2023",
            "Version v1.2.2024 is out now.",
            "Release 1.2.3.2024",
            "Vol. 12, No. 3, March 2024",
            "Top 5 of March 2024",
        ] {
            assert_eq!(first_date(text), None, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_a_panic_and_gives_a_valid_date(text in "\\PC{0,60}") {
            for date in [first_date(&text), normalize(&text)].into_iter().flatten() {
                let b = date.as_bytes();
                proptest::prop_assert!(b.len() >= 10 && b[4] == b'-' && b[7] == b'-', "{}", date);
            }
        }
    }

    #[test]
    fn iso_values_stay_as_written_and_others_become_dates() {
        assert_eq!(
            normalize(" 2024-03-03T10:00:00+01:00 ").as_deref(),
            Some("2024-03-03T10:00:00+01:00")
        );
        assert_eq!(normalize("Feb 08, 2022").as_deref(), Some("2022-02-08"));
        assert_eq!(normalize("yesterday"), None);
        assert_eq!(normalize("2024-02-31"), None);
        assert_eq!(normalize("2024-03-03abc").as_deref(), Some("2024-03-03"));
    }
}
