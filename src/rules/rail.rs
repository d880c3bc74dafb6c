//! Rails named by their heading: a block that opens with "You may also like", "Customers also
//! viewed" or "Related products" and goes on as a run of links is a rail of other pages' items,
//! however long it is (the phrase judge only reads short blocks, and a rail of product cards with
//! prices is not mostly links).
//!
//! ```text
//! <section><h2>Customers also viewed</h2><ul><li><a>…</a> $12</li>…</ul></section>  → Related
//! ```

use crate::rules::block_text::BlockStats;

/// Headings that name a rail of other items, lower case (typographic apostrophes as `'`).
const RAIL_HEADINGS: &[&str] = &[
    "you may also like",
    "you might also like",
    "you may also be interested in",
    "you might also be interested in",
    "you may also enjoy",
    "customers also viewed",
    "customers also bought",
    "customers also purchased",
    "customers who viewed this item also viewed",
    "customers who bought this item also bought",
    "people who viewed this item also viewed",
    "people who bought this item also bought",
    "people also viewed",
    "people also bought",
    "people also search for",
    "frequently bought together",
    "related products",
    "related items",
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "related reading",
    "similar products",
    "similar items",
    "similar listings",
    "similar properties",
    "similar jobs",
    "recently viewed",
    "your recently viewed items",
    "more from this seller",
    "seller's other items",
    "more items to consider",
    "more to explore",
    "more to consider",
    "complete the look",
    "shop the look",
    "recommended for you",
    "recommended products",
    "das könnte dir auch gefallen",
    "das könnte sie auch interessieren",
    "ähnliche produkte",
    "ähnliche artikel",
    "zuletzt angesehen",
    "vous aimerez aussi",
    "vous aimerez peut-être aussi",
    "produits similaires",
    "articles similaires",
    "récemment consultés",
    "también te puede interesar",
    "te puede interesar",
    "productos relacionados",
    "productos similares",
    "vistos recientemente",
    "customers also",
    "customers who",
    "people also",
    "shoppers also",
    "others also",
    "frequently bought",
    "also viewed",
    "also bought",
    "you may also",
    "you might also",
    "you may like",
    "you might like",
    "more like this",
];

/// Headings of rails that follow a story on news and blog pages, lower case. On other pages,
/// or before the story has been told, the same words may head the page's own list (a news
/// index's "Latest news"), so these are read only after the story.
const STORY_RAIL_HEADINGS: &[&str] = &[
    "read this next",
    "read next",
    "what to read next",
    "up next",
    "more in",
    "more from",
    "more on",
    "more stories",
    "more news",
    "more articles",
    "more posts",
    "latest news",
    "latest stories",
    "latest articles",
    "latest posts",
    "latest headlines",
    "latest from",
    "latest in",
    "trending",
    "most popular",
    "most read",
    "most viewed",
    "popular posts",
    "popular stories",
    "popular articles",
    "recent posts",
    "recent articles",
    "recent stories",
    // A blog sidebar's one-word headings.
    "popular",
    "recent",
    "latest",
    "top stories",
    "editor's picks",
    "editors' picks",
    "don't miss",
    "recommended",
    "around the web",
];

/// The rail heading `text` (whitespace collapsed) starts with, if any.
///
/// ```text
/// leading_rail_heading("Customers also viewed Lamp $12 …") == Some("customers also viewed")
/// leading_rail_heading("Customers also viewed this lamp in 2019, when …") == Some(…) // the caller asks for links
/// leading_rail_heading("Related: the council voted …") == None
/// ```
pub(crate) fn leading_rail_heading(text: &str) -> Option<&'static str> {
    leading_heading(text, RAIL_HEADINGS)
}

/// The heading of a rail after a story (or any rail heading) that `text` starts with, if any.
///
/// ```text
/// leading_story_rail_heading("More in Tech How to watch …") == Some("more in")
/// leading_story_rail_heading("More information about the …") == None
/// ```
pub(crate) fn leading_story_rail_heading(text: &str) -> Option<&'static str> {
    leading_heading(text, STORY_RAIL_HEADINGS).or_else(|| leading_rail_heading(text))
}

fn leading_heading(text: &str, headings: &[&'static str]) -> Option<&'static str> {
    let head: String = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .take(48)
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect();
    headings.iter().copied().find(|phrase| {
        head.strip_prefix(phrase)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric() || c == '\''))
    })
}

/// Whether a block is a rail its heading names: it opens with a rail heading and goes on as
/// links (a run of cards or headlines), not as prose that happens to start with those words.
pub(crate) fn is_named_rail(stats: &BlockStats) -> Option<&'static str> {
    is_run_of_links(stats)
        .then(|| leading_rail_heading(&stats.text))
        .flatten()
}

/// Whether a block after a story is a rail its heading names ("More in Travel", "Trending",
/// or any rail heading) and that goes on as links.
pub(crate) fn is_named_story_rail(stats: &BlockStats) -> Option<&'static str> {
    is_run_of_links(stats)
        .then(|| leading_story_rail_heading(&stats.text))
        .flatten()
}

/// A run of cards or headlines: several links, a good share of the text or a card grid, and
/// not the page's headline or content.
fn is_run_of_links(stats: &BlockStats) -> bool {
    let linked = stats.links >= 3 && (stats.link_density() >= 0.25 || stats.is_card_grid());
    linked && !stats.is_article_like() && !stats.has_h1 && !stats.has_main_content
}

/// Whether a block is a grid of item cards its heading names as a rail (`Customers also
/// viewed` over cards with pictures and prices): judged by shape alone, as cards with their
/// names, prices and summaries can read like prose.
pub(crate) fn is_named_card_rail(stats: &BlockStats) -> Option<&'static str> {
    let cards = stats.is_card_grid() || (stats.links >= 3 && (stats.images >= 2 || stats.link_density() >= 0.15));
    if !cards || stats.has_h1 || stats.has_main_content {
        return None;
    }
    leading_rail_heading(&stats.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rail_heading_opens_the_text() {
        assert_eq!(
            leading_rail_heading("  Customers also viewed  Lamp $12"),
            Some("customers also viewed")
        );
        assert_eq!(
            leading_rail_heading("Seller’s other items"),
            Some("seller's other items")
        );
        assert_eq!(
            leading_rail_heading("YOU MAY ALSO LIKE: Shirts"),
            Some("you may also like")
        );
    }

    #[test]
    fn rails_after_a_story_are_named_by_their_own_headings_too() {
        assert_eq!(leading_story_rail_heading("More in Tech How to watch"), Some("more in"));
        assert_eq!(leading_story_rail_heading("Trending on the site"), Some("trending"));
        assert_eq!(leading_story_rail_heading("Editor’s picks"), Some("editor's picks"));
        assert_eq!(leading_story_rail_heading("Related articles"), Some("related articles"));
        assert_eq!(leading_story_rail_heading("More information about the works"), None);
        assert_eq!(leading_story_rail_heading("Trendingly"), None);
        assert_eq!(
            leading_story_rail_heading("Popular Harbour walks in winter Check our guide"),
            Some("popular")
        );
        assert_eq!(leading_story_rail_heading("Latest Ferry times change"), Some("latest"));
        assert_eq!(leading_story_rail_heading("Recently the council voted"), None);
        assert_eq!(leading_rail_heading("Popular"), None, "only after a story");
        assert_eq!(
            leading_rail_heading("More in Tech"),
            None,
            "not a rail heading anywhere else"
        );
    }

    #[test]
    fn words_that_only_begin_alike_or_stand_later_are_not_a_heading() {
        assert_eq!(leading_rail_heading("Related productsfoo"), None);
        assert_eq!(leading_rail_heading("Recently viewedly"), None);
        assert_eq!(leading_rail_heading("The lamp. Customers also viewed"), None);
    }

    fn stats(text: &str, links: usize, link_chars: usize, paragraphs: usize) -> BlockStats {
        BlockStats {
            text: text.to_string(),
            text_chars: text.chars().count(),
            link_chars,
            links,
            paragraphs,
            ..BlockStats::default()
        }
    }

    #[test]
    fn a_named_run_of_links_is_a_rail_and_named_prose_is_not() {
        let rail = "Related products Desk lamp $12 Floor lamp $40 Reading lamp $18";
        assert_eq!(is_named_rail(&stats(rail, 3, 30, 0)), Some("related products"));
        let prose = format!(
            "Related products {}",
            "are sold in the shop next door, and the owner says so. ".repeat(30)
        );
        assert_eq!(is_named_rail(&stats(&prose, 3, 40, 4)), None);
        assert_eq!(is_named_rail(&stats(rail, 1, 10, 0)), None);
    }
}
