//! Class and id words: what a word in `class="…"` or `id="…"` says about an element.
//!
//! Values are split into words at every non-alphanumeric character and at camelCase humps
//! (`js-cookieBanner` → `js`, `cookie`, `banner`), lower-cased, and looked up here.

use crate::options::Category;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What one word says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordSignal {
    /// Boilerplate of this category. `strong` words are removed at the start tag; the others
    /// are held back and removed only if the block does not turn out to be article-like.
    Boilerplate { category: Category, strong: bool },
    /// The element is content (article, story, post body …).
    Content,
    /// The token describes a state or a capability, not what the element is
    /// (`has-sidebar`, `with-comments`, `no-ads`): its other words are ignored.
    Modifier,
    /// The words after it in the token name what is hidden where, not what the element is
    /// (`hide-read-more-ad`, `sidebar-ad-hide-mobile`: the first is no ad, the second is one).
    Hides,
}

const fn boilerplate(category: Category, strong: bool) -> WordSignal {
    WordSignal::Boilerplate { category, strong }
}

/// The words, grouped by what they say.
const WORDS: &[(WordSignal, &[&str])] = {
    use Category::*;
    &[
        // Paywalls and registration walls. "paywall" also names the gated text itself
        // (schema.org's own example uses `.paywall`), so it is never strong.
        (
            boilerplate(Paywall, false),
            &[
                "paywall",
                "regwall",
                "meter",
                "metered",
                "subscribe",
                "subscription",
                "subscriptions",
                "piano",
                "unlock",
                "upsell",
                "premium",
                "offer",
                "offers",
            ],
        ),
        // Consent walls. Not "cmp": it is also the component prefix of a common CMS's markup
        // (`cmp-container`, `cmp-text`), which wraps whole pages; consent managers are named.
        (
            boilerplate(Consent, true),
            &[
                "cookie",
                "cookies",
                "consent",
                "gdpr",
                "ccpa",
                "onetrust",
                "didomi",
                "cookiebot",
                "cookielaw",
                "truste",
                "usercentrics",
                "quantcast",
            ],
        ),
        // Newsletter, app and notification prompts.
        (
            boilerplate(Newsletter, true),
            &[
                "newsletter",
                "newsletters",
                "mailchimp",
                "optin",
                "smartbanner",
                "onesignal",
            ],
        ),
        (
            boilerplate(Newsletter, false),
            &[
                "signup",
                "subscribebox",
                "appbanner",
                "app",
                "download",
                "notification",
                "notifications",
                "push",
            ],
        ),
        // Navigation chrome.
        (
            boilerplate(Navigation, true),
            &[
                "breadcrumb",
                "breadcrumbs",
                "navbar",
                "navigation",
                "nav",
                "menu",
                "megamenu",
                "skiplink",
                "skip",
                "pagination",
                "pager",
                "topbar",
                "toolbar",
                "masthead",
            ],
        ),
        (boilerplate(Navigation, false), &["header", "banner", "tabs"]),
        // Sidebars and rails.
        // A forum user's signature under each post is theirs, not the thread's.
        (
            boilerplate(Sidebar, true),
            &["sidebar", "sidebars", "rail", "aside", "signature", "signatures"],
        ),
        (boilerplate(Sidebar, false), &["widget", "widgets", "secondary"]),
        // Share and social bars.
        (
            boilerplate(Share, true),
            &[
                "share",
                "sharing",
                "sharethis",
                "addthis",
                "addtoany",
                "social",
                "socials",
            ],
        ),
        (boilerplate(Share, false), &["follow", "print"]),
        // Related and recommended rails.
        (
            boilerplate(Related, true),
            &[
                "outbrain",
                "taboola",
                "related",
                "recommended",
                "recommendations",
                "recirculation",
                "recirc",
                "trending",
                "popular",
                "mostread",
                "zergnet",
            ],
        ),
        (
            boilerplate(Related, false),
            &["more", "teaser", "teasers", "promo", "promos", "next", "latest"],
        ),
        // Comments.
        (
            boilerplate(Comments, true),
            &[
                "comment",
                "comments",
                "disqus",
                "discussion",
                "commentlist",
                "livefyre",
                "coral",
                "replies",
                "respond",
            ],
        ),
        // Advertising.
        (
            boilerplate(Ads, true),
            &[
                "ad",
                "ads",
                "advert",
                "adverts",
                "advertisement",
                "advertising",
                "adsense",
                "adslot",
                "adunit",
                "dfp",
                "gpt",
                "doubleclick",
                "sponsor",
                "sponsored",
                "dianomi",
                "mpu",
                "leaderboard",
                "billboard",
                "adsbygoogle",
            ],
        ),
        // Footers and legal. An article's notes gathered at its end are apparatus, not text.
        (boilerplate(Footer, true), &["footnotes", "endnotes"]),
        (
            boilerplate(Footer, false),
            &["footer", "copyright", "colophon", "legal", "disclaimer"],
        ),
        // Content.
        (
            WordSignal::Content,
            &[
                "article",
                "articles",
                "content",
                "story",
                "body",
                "entry",
                "post",
                "main",
                "text",
                "prose",
                "hentry",
                "articlebody",
                "storybody",
                "blog",
                "page",
            ],
        ),
        // State and capability modifiers.
        (
            WordSignal::Modifier,
            &[
                "has", "with", "no", "without", "is", "show", "enabled", "disabled", "toggle", "count", "counter",
                "open", "active",
            ],
        ),
        (WordSignal::Hides, &["hide"]),
    ]
};

/// The longest word in [`WORDS`]: longer words are not looked up.
const LONGEST_WORD: usize = 16;

/// The table, with a filter of the words' first two letters in front: most words of a class
/// attribute are not in the table, and the filter turns them away without hashing.
struct Table {
    words: FxHashMap<&'static [u8], WordSignal>,
    first_two: Vec<u64>,
}

impl Table {
    fn bigram(word: &[u8]) -> usize {
        (usize::from(word[0]) << 8) | usize::from(word[1])
    }

    fn build() -> Table {
        let mut table = Table {
            words: FxHashMap::default(),
            first_two: vec![0; 1 << 10],
        };
        for (signal, words) in WORDS {
            for word in *words {
                let bigram = Table::bigram(word.as_bytes());
                table.first_two[bigram >> 6] |= 1 << (bigram & 63);
                table.words.insert(word.as_bytes(), *signal);
            }
        }
        table
    }
}

/// Looks a lower-case word up.
pub(crate) fn signal(word: &[u8]) -> Option<WordSignal> {
    static TABLE: OnceLock<Table> = OnceLock::new();
    if word.len() < 2 || word.len() > LONGEST_WORD {
        return None;
    }
    let table = TABLE.get_or_init(Table::build);
    let bigram = Table::bigram(word);
    if table.first_two[bigram >> 6] & (1 << (bigram & 63)) == 0 {
        return None;
    }
    table.words.get(word).copied()
}

/// Calls `f(word, token, start)` with each word of `value` lower-cased (ASCII letters and
/// digits), the index of the whitespace-separated token it belongs to, and the byte offset where
/// it starts in `value`. Words longer than 32 bytes are skipped (hashes, not words).
pub(crate) fn for_each_word(value: &str, mut f: impl FnMut(&[u8], usize, usize)) {
    let bytes = value.as_bytes();
    let mut word = [0u8; 32];
    let mut len = 0usize;
    let mut start = 0usize;
    let mut token = 0usize;
    let mut prev_lower = false;
    let mut emit = |word: &[u8; 32], len: &mut usize, start: usize, token: usize| {
        if (1..=word.len()).contains(len) {
            f(&word[..*len], token, start);
        }
        *len = 0;
    };
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_alphanumeric() {
            if b.is_ascii_uppercase() && prev_lower {
                emit(&word, &mut len, start, token);
            }
            if len == 0 {
                start = i;
            }
            if len < word.len() {
                word[len] = b.to_ascii_lowercase();
            }
            len += 1;
            prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
        } else {
            emit(&word, &mut len, start, token);
            if b.is_ascii_whitespace() {
                token += 1;
            }
            prev_lower = false;
        }
    }
    emit(&word, &mut len, start, token);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(value: &str) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for_each_word(value, |w, t, start| {
            let w = std::str::from_utf8(w).unwrap();
            assert!(value[start..].to_ascii_lowercase().starts_with(w));
            out.push((w.to_string(), t))
        });
        out
    }

    #[test]
    fn splits_on_punctuation_camel_case_and_tokens() {
        assert_eq!(
            words("js-cookieBanner c-paywall__inner"),
            vec![
                ("js".into(), 0),
                ("cookie".into(), 0),
                ("banner".into(), 0),
                ("c".into(), 1),
                ("paywall".into(), 1),
                ("inner".into(), 1)
            ]
        );
    }

    #[test]
    fn skips_overlong_words() {
        assert_eq!(
            words("a0123456789012345678901234567890123456789 ad"),
            vec![("ad".into(), 1)]
        );
    }

    #[test]
    fn the_table_has_no_word_twice_and_none_too_long() {
        let mut seen = std::collections::HashSet::new();
        for (_, words) in WORDS {
            for w in *words {
                assert!(seen.insert(*w), "{w} is listed twice");
                assert!(w.len() <= LONGEST_WORD, "{w} is longer than LONGEST_WORD");
                assert_eq!(*w, w.to_ascii_lowercase(), "{w} must be lower-case");
            }
        }
    }

    #[test]
    fn known_words() {
        assert_eq!(
            signal(b"cookie"),
            Some(WordSignal::Boilerplate {
                category: Category::Consent,
                strong: true
            })
        );
        assert_eq!(signal(b"article"), Some(WordSignal::Content));
        assert_eq!(signal(b"has"), Some(WordSignal::Modifier));
        assert_eq!(signal(b"head"), None);
        assert_eq!(signal(b"x"), None);
    }
}
