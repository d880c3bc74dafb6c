//! Class and id words: what a word in `class="…"` or `id="…"` says about an element.
//!
//! Values are split into words at every non-alphanumeric character and at camelCase humps
//! (`js-cookieBanner` → `js`, `cookie`, `banner`), lower-cased, and looked up here.

use crate::options::Category;

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
}

/// Looks a lower-case word up.
pub(crate) fn signal(word: &str) -> Option<WordSignal> {
    use Category::*;
    let boilerplate = |category, strong| Some(WordSignal::Boilerplate { category, strong });
    match word {
        // Paywalls and registration walls. "paywall" also names the gated text itself
        // (schema.org's own example uses `.paywall`), so it is never strong.
        "paywall" | "regwall" | "meter" | "metered" | "subscribe" | "subscription" | "subscriptions" | "piano"
        | "unlock" | "upsell" | "premium" | "offer" | "offers" => boilerplate(Paywall, false),
        // Consent walls.
        "cookie" | "cookies" | "consent" | "gdpr" | "ccpa" | "onetrust" | "didomi" | "cookiebot" | "cookielaw"
        | "truste" | "usercentrics" | "quantcast" | "cmp" => boilerplate(Consent, true),
        // Newsletter, app and notification prompts.
        "newsletter" | "newsletters" | "mailchimp" | "optin" | "smartbanner" | "onesignal" => {
            boilerplate(Newsletter, true)
        }
        "signup" | "subscribebox" | "appbanner" | "app" | "download" | "notification" | "notifications" | "push" => {
            boilerplate(Newsletter, false)
        }
        // Navigation chrome.
        "breadcrumb" | "breadcrumbs" | "navbar" | "navigation" | "nav" | "menu" | "megamenu" | "skiplink" | "skip"
        | "pagination" | "pager" | "topbar" | "toolbar" | "masthead" => boilerplate(Navigation, true),
        "header" | "banner" | "tabs" => boilerplate(Navigation, false),
        // Sidebars and rails.
        "sidebar" | "sidebars" | "rail" | "aside" => boilerplate(Sidebar, true),
        "widget" | "widgets" | "secondary" => boilerplate(Sidebar, false),
        // Share and social bars.
        "share" | "sharing" | "sharethis" | "addthis" | "addtoany" | "social" | "socials" => boilerplate(Share, true),
        "follow" | "print" => boilerplate(Share, false),
        // Related and recommended rails.
        "outbrain" | "taboola" | "related" | "recommended" | "recommendations" | "recirculation" | "recirc"
        | "trending" | "popular" | "mostread" | "zergnet" => boilerplate(Related, true),
        "more" | "teaser" | "teasers" | "promo" | "promos" | "next" | "latest" => boilerplate(Related, false),
        // Comments.
        "comment" | "comments" | "disqus" | "discussion" | "commentlist" | "livefyre" | "coral" | "replies"
        | "respond" => boilerplate(Comments, true),
        // Advertising.
        "ad" | "ads" | "advert" | "adverts" | "advertisement" | "advertising" | "adsense" | "adslot" | "adunit"
        | "dfp" | "gpt" | "doubleclick" | "sponsor" | "sponsored" | "dianomi" | "mpu" | "leaderboard" | "billboard"
        | "adsbygoogle" => boilerplate(Ads, true),
        // Footers and legal.
        "footer" | "copyright" | "colophon" | "legal" | "disclaimer" => boilerplate(Footer, false),
        // Content.
        "article" | "articles" | "content" | "story" | "body" | "entry" | "post" | "main" | "text" | "prose"
        | "hentry" | "articlebody" | "storybody" | "blog" | "page" => Some(WordSignal::Content),
        // State and capability modifiers.
        "has" | "with" | "no" | "without" | "is" | "show" | "enabled" | "disabled" | "toggle" | "count" | "counter"
        | "open" | "active" => Some(WordSignal::Modifier),
        _ => None,
    }
}

/// Calls `f` with each word of `value`, lower-cased, and the index of the whitespace-separated
/// token it belongs to. Words longer than 32 bytes are skipped (hashes, not words).
pub(crate) fn for_each_word(value: &str, mut f: impl FnMut(&str, usize)) {
    let mut word = [0u8; 32];
    let mut len = 0usize;
    let mut too_long = false;
    let mut token = 0usize;
    let mut prev_lower = false;
    let mut emit = |word: &[u8], len: &mut usize, too_long: &mut bool, token: usize| {
        if *len > 0 && !*too_long {
            if let Ok(w) = std::str::from_utf8(&word[..*len]) {
                f(w, token);
            }
        }
        *len = 0;
        *too_long = false;
    };
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if b.is_ascii_uppercase() && prev_lower {
                emit(&word, &mut len, &mut too_long, token);
            }
            if len < word.len() {
                word[len] = b.to_ascii_lowercase();
                len += 1;
            } else {
                too_long = true;
            }
            prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
        } else {
            emit(&word, &mut len, &mut too_long, token);
            if b.is_ascii_whitespace() {
                token += 1;
            }
            prev_lower = false;
        }
    }
    emit(&word, &mut len, &mut too_long, token);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(value: &str) -> Vec<(String, usize)> {
        let mut out = Vec::new();
        for_each_word(value, |w, t| out.push((w.to_string(), t)));
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
    fn known_words() {
        assert_eq!(
            signal("cookie"),
            Some(WordSignal::Boilerplate {
                category: Category::Consent,
                strong: true
            })
        );
        assert_eq!(signal("article"), Some(WordSignal::Content));
        assert_eq!(signal("has"), Some(WordSignal::Modifier));
        assert_eq!(signal("head"), None);
    }
}
