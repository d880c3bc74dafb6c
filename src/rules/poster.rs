//! A forum post's details about its poster: "Joined: Mar 2019 · Posts: 1,204 · Reputation: 37",
//! the block every forum package prints beside or above each post (phpBB's profile, XenForo's
//! user extras, MyBB's and SMF's author statistics …). The poster's name and the post's date
//! belong to the thread; how long they have been a member and how much they have posted do not.

use super::block_text::BlockStats;

/// Longest text read as a poster's details: a name, a rank and a few figures.
const MAX_DETAILS_CHARS: usize = 300;

/// Labels of a member's record on the forum; a poster's details name at least one of these.
const MEMBERSHIP: &[&[&str]] = &[
    &["joined"],
    &["join", "date"],
    &["registered"],
    &["member", "since"],
    &["posts"],
    &["messages"],
    &["threads"],
    &["topics"],
];

/// Other figures printed with them.
const FIGURES: &[&[&str]] = &[
    &["reputation"],
    &["reaction", "score"],
    &["trophy", "points"],
    &["points"],
    &["likes", "received"],
    &["likes"],
    &["solutions"],
    &["karma"],
    &["location"],
];

/// Words of dates and times, which stand as values beside the labels.
const DATE_WORDS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "ago",
    "today",
    "yesterday",
    "year",
    "years",
    "month",
    "months",
];

/// Whether a held block on a thread is a poster's details: short, without paragraphs, naming
/// two or more of a member's figures (one of them a membership figure: joined, posts …), and
/// made of little else than those labels, their numbers and dates (and the poster's name or
/// rank). A post, even a short one, has words of its own beyond that.
pub(crate) fn is_poster_details(stats: &BlockStats) -> bool {
    if stats.text_chars == 0
        || stats.text_chars > MAX_DETAILS_CHARS
        || stats.paragraphs > 0
        || stats.has_h1
        || stats.has_main_content
    {
        return false;
    }
    let lower = stats.text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let (mut membership, mut figures, mut covered) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while i < words.len() {
        let label = |list: &[&[&str]]| {
            list.iter()
                .find(|l| words.len() - i >= l.len() && words[i..i + l.len()] == l[..])
                .map(|l| l.len())
        };
        if let Some(n) = label(MEMBERSHIP) {
            membership += 1;
            covered += n;
            i += n;
        } else if let Some(n) = label(FIGURES) {
            figures += 1;
            covered += n;
            i += n;
        } else {
            let word = words[i];
            if word.chars().all(|c| c.is_ascii_digit()) || DATE_WORDS.contains(&word) {
                covered += 1;
            }
            i += 1;
        }
    }
    let other = words.len() - covered;
    membership >= 1 && membership + figures >= 2 && other <= 6 && other * 3 <= words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(text: &str) -> BlockStats {
        BlockStats {
            text: text.to_string(),
            text_chars: text.chars().count(),
            ..BlockStats::default()
        }
    }

    #[test]
    fn a_posters_figures_are_details() {
        assert!(is_poster_details(&stats(
            "Posts: 116 Threads: 23 Joined: Feb 2019 Reputation: 12"
        )));
        assert!(is_poster_details(&stats(
            "archuser38013 Member Registered: 2024-01-27 Posts: 98"
        )));
        assert!(is_poster_details(&stats(
            "Joined Jun 29, 2016 Messages 4,512 Reaction score 3,101"
        )));
        assert!(is_poster_details(&stats(
            "b.scherer Posts: 2 Joined: Sun Dec 17, 2023 11:13 am"
        )));
    }

    #[test]
    fn posts_and_other_blocks_are_not() {
        // A short reply beside its poster's figures has words of its own.
        assert!(!is_poster_details(&stats(
            "bob Joined: Jan 2020 Posts: 12 Thanks, that worked for me after the update."
        )));
        // One figure alone says little.
        assert!(!is_poster_details(&stats("Posts: 4958")));
        // Figures with no membership label: a score card, a product's specifications.
        assert!(!is_poster_details(&stats("Points: 12 Location: Leeds Likes: 4")));
        assert!(!is_poster_details(&stats(
            "I read all the posts in this thread and joined the forum to ask."
        )));
    }
}
