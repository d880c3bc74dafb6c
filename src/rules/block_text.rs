//! Text and shape of a held-back block, read from its (already cleaned) HTML bytes.
//!
//! Held blocks are small (bounded by the hold cap), so a plain scan is cheaper than a text
//! handler on the whole document.

use crate::rules::dates;
use crate::rules::phrases::MAX_JUDGED_TEXT;

/// What a block holds.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct BlockStats {
    /// The block's text, entities decoded, whitespace collapsed; cut after `text_limit` bytes.
    pub text: String,
    /// Characters of text, in full (not cut).
    pub text_chars: usize,
    /// Characters of text inside links.
    pub link_chars: usize,
    /// Paragraphs (`<p>`) inside.
    pub paragraphs: usize,
    /// Links (`<a>`) inside.
    pub links: usize,
    /// Headings below the headline (`<h2>` … `<h6>`) inside.
    pub headings: usize,
    /// Of which hold a link or stand in one (a teaser's headline).
    pub linked_headings: usize,
    /// Images inside.
    pub images: usize,
    /// Whether an `<h1>` is inside.
    pub has_h1: bool,
    /// Whether a `<main>` or an `itemprop="articleBody"` is inside.
    pub has_main_content: bool,
    /// Characters of text outside the inner blocks already scanned.
    pub own_text_chars: usize,
    /// Inner blocks already scanned (and kept).
    pub children: usize,
    /// Dates printed on their own line or in a `<time>` (see [`crate::rules::dates`]).
    pub dates: usize,
}

impl BlockStats {
    /// Share of the text that is link text.
    pub fn link_density(&self) -> f64 {
        if self.text_chars == 0 {
            0.0
        } else {
            self.link_chars as f64 / self.text_chars as f64
        }
    }

    /// Whether this is a list of links (a menu, a rail of headlines) rather than text.
    pub fn is_link_list(&self) -> bool {
        self.links >= 3 && self.link_density() >= 0.6 && !self.has_h1 && !self.has_main_content
    }

    /// Whether this reads like article text rather than a box, a rail or a prompt.
    pub fn is_article_like(&self) -> bool {
        self.text_chars >= 1200 && self.paragraphs >= 3 && self.link_density() < 0.35
    }

    /// Whether this is a grid of item cards (products, stories, events): many links, each
    /// card with its own heading or picture. A menu has neither.
    pub fn is_card_grid(&self) -> bool {
        self.links >= 6 && (self.headings >= 3 || self.images >= 3) && self.text_chars >= 140
    }

    /// Whether this is a list of story teasers: three or more linked headings (headlines),
    /// each over a short summary (a few hundred characters where a story's sections run
    /// longer), and a good share of the text in links.
    pub fn is_teaser_list(&self) -> bool {
        self.linked_headings >= 3 && self.text_chars < TEASER_CHARS * self.headings && self.link_density() >= 0.15
    }

    /// Whether this is a list of dated teasers: three or more linked headlines where the cards
    /// carry dates, as a blog's other posts do and a page's own sections, a menu or a
    /// service's feature cards do not. The dates say enough for longer excerpts and fewer
    /// links than [`Self::is_teaser_list`] asks.
    pub fn is_dated_teaser_list(&self) -> bool {
        self.linked_headings >= 3
            && self.dates >= 3
            && self.dates <= 2 * self.links
            && self.text_chars < DATED_TEASER_CHARS * self.linked_headings
            && self.link_density() >= 0.1
            && !self.has_h1
            && !self.has_main_content
    }

    /// Whether this is a run of dated link cards: three or more dates, each with a link or
    /// a few (a headline, an author), and a short text per date.
    pub fn is_dated_link_cards(&self) -> bool {
        self.dates >= 3
            && self.links >= self.dates
            && self.links <= 3 * self.dates
            && self.text_chars < TEASER_CHARS * self.dates
            && self.link_density() >= 0.1
            && !self.has_h1
            && !self.has_main_content
    }

    /// Whether this is a run of story or item cards whose links hold their whole text: each
    /// link a headline with its summary (or a name with its details), far longer than a menu's
    /// or a rail's link words.
    pub fn is_linked_cards(&self) -> bool {
        self.links >= 3 && self.link_chars / self.links >= LINKED_CARD_CHARS
    }

    /// Whether this is a list of cards each wrapped whole in its link, summary and all: more
    /// link text per link than any menu item or headline has, and next to no text outside
    /// the links.
    pub fn is_wrapped_cards(&self) -> bool {
        self.links >= 3 && self.link_chars / self.links >= WRAPPED_CARD_CHARS && self.link_density() >= 0.8
    }

    /// Whether this is the shape of a page's main content: a good deal of text, in several
    /// paragraphs, headings or pictures, and not mostly links.
    pub fn is_main_content_shape(&self) -> bool {
        self.text_chars >= 600 && self.paragraphs + self.headings + self.images >= 3 && self.link_density() < 0.5
    }

    /// Whether this is prose: a few sentences, in paragraphs or one run of text, with few links
    /// (a text widget, a collapsed description, a section's lede). Weaker than article-like.
    pub fn is_prose(&self) -> bool {
        self.text_chars >= 250 && self.link_density() < 0.25 && (self.paragraphs >= 1 || self.own_text_chars >= 200)
    }
}

/// Most text a teaser has per heading, on average.
const TEASER_CHARS: usize = 600;

/// Most text a dated teaser has per headline, on average (a long excerpt).
const DATED_TEASER_CHARS: usize = 1000;

/// Average link text of a card whose link holds its headline and summary.
const LINKED_CARD_CHARS: usize = 60;

/// Average link text of a card whose link wraps all of it: a headline and a paragraph or two.
const WRAPPED_CARD_CHARS: usize = 200;

/// Text kept of a block too long to be judged by its text: enough for a report's snippet
/// (80 characters of up to 4 bytes).
pub(crate) const SNIPPET_BYTES: usize = 320;

/// Scans `html`, keeping at most `text_limit` bytes of text.
#[cfg(test)]
pub(crate) fn scan(html: &[u8], text_limit: usize) -> BlockStats {
    let mut scanner = Scanner::new(text_limit);
    scanner.feed(html);
    scanner.finish()
}

/// A block already scanned inside the one being scanned: bytes `start..end` of the output
/// stream (absolute positions), and what they hold.
#[derive(Debug, Clone)]
pub(crate) struct ScannedChild {
    pub start: u64,
    pub end: u64,
    pub stats: BlockStats,
}

/// Scans `html`, which starts at absolute output position `at`, reusing the stats of the
/// children already scanned instead of reading their bytes again: each byte of a page is read
/// once however deeply held blocks nest.
pub(crate) fn scan_with_children(html: &[u8], at: u64, children: &[ScannedChild], text_limit: usize) -> BlockStats {
    let mut scanner = Scanner::new(text_limit);
    // A block's text is no longer than its HTML: one allocation instead of a growing buffer.
    scanner.text.reserve(html.len().min(text_limit) + 1);
    let end = at + html.len() as u64;
    let mut pos = at;
    for child in children
        .iter()
        .filter(|c| c.start >= at && c.end <= end && c.start <= c.end)
    {
        if child.start < pos {
            continue;
        }
        scanner.feed(&html[(pos - at) as usize..(child.start - at) as usize]);
        scanner.merge(&child.stats);
        pos = child.end;
    }
    scanner.feed(&html[(pos - at) as usize..]);
    scanner.finish()
}

/// Incremental scanner state.
pub(crate) struct Scanner {
    stats: BlockStats,
    /// Collected text: valid UTF-8 (words of decoded text and ASCII runs), kept as bytes.
    text: Vec<u8>,
    text_limit: usize,
    open: OpenInline,
    space_needed: bool,
}

/// Links and headings open where the scan stands.
#[derive(Default)]
struct OpenInline {
    links: usize,
    headings: usize,
    /// `<time>` elements (their text is their date, counted once).
    times: usize,
}

impl Scanner {
    pub fn new(text_limit: usize) -> Self {
        Scanner {
            stats: BlockStats::default(),
            text: Vec::new(),
            text_limit,
            open: OpenInline::default(),
            space_needed: false,
        }
    }

    /// Reads more HTML. Pieces should end before a `<` so that no tag or text run is split.
    pub fn feed(&mut self, html: &[u8]) {
        let mut i = 0;
        while i < html.len() {
            if html[i] == b'<' {
                if let Some((after, separates)) = skip_markup(html, i, &mut self.stats, &mut self.open) {
                    self.space_needed |= separates;
                    i = after;
                    continue;
                }
            }
            // A run of text up to the next '<'.
            let end = find_byte(b'<', &html[i + 1..]).map_or(html.len(), |p| i + 1 + p);
            self.text_run(&html[i..end]);
            i = end;
        }
    }

    /// Whether enough text is kept: the limit, or once the block is too long to be judged by its
    /// text, a snippet's worth.
    fn text_full(&self) -> bool {
        self.text.len() >= self.text_room()
    }

    /// How much text is kept: the limit, or once the block is too long to be judged by its
    /// text, a snippet's worth.
    fn text_room(&self) -> usize {
        if self.stats.text_chars > MAX_JUDGED_TEXT {
            self.text_limit.min(SNIPPET_BYTES)
        } else {
            self.text_limit
        }
    }

    fn text_run(&mut self, run: &[u8]) {
        // Most runs between tags are indentation: they only separate words.
        if run.iter().all(u8::is_ascii_whitespace) {
            self.space_needed |= !run.is_empty();
            return;
        }
        if self.open.times == 0 && run.len() <= 2 * dates::MAX_DATE_RUN && dates::is_date_line(run) {
            self.stats.dates += 1;
        }
        if self.text_full() {
            self.count_only(run);
            return;
        }
        if is_plain(run) && !run.contains(&b'&') {
            self.plain_run(run);
        } else {
            self.decoded_run(run);
        }
    }

    /// A run of text with entities, or whitespace beyond ASCII: decoded, then split.
    fn decoded_run(&mut self, run: &[u8]) {
        let lossy;
        let text = match std::str::from_utf8(run) {
            Ok(t) => t,
            Err(_) => {
                lossy = String::from_utf8_lossy(run).into_owned();
                &lossy
            }
        };
        let decoded = if text.contains('&') {
            crate::decode::entities::decode(text)
        } else {
            text.into()
        };
        self.space_needed |= decoded.starts_with(char::is_whitespace);
        for word in decoded.split_whitespace() {
            self.word(word);
        }
        self.space_needed = decoded.ends_with(char::is_whitespace);
    }

    /// A run of plain text (no entities; its only whitespace ASCII, see [`is_plain`]):
    /// counted and copied word by word, without decoding characters.
    fn plain_run(&mut self, run: &[u8]) {
        let (mut chars, mut words) = (0usize, 0usize);
        self.space_needed |= run.first().is_some_and(u8::is_ascii_whitespace);
        let trimmed = run.trim_ascii();
        let fits = self.text.len() + trimmed.len() + 1 < self.text_room();
        if fits && !trimmed.is_empty() && is_single_spaced(trimmed) {
            // Words one space apart, and room for all of them: copied at once.
            let spaces = trimmed.iter().filter(|&&b| b == b' ').count();
            chars = count_chars(trimmed) - spaces;
            words = spaces + 1;
            self.push_bytes(trimmed);
        } else {
            for word in trimmed.split(u8::is_ascii_whitespace).filter(|w| !w.is_empty()) {
                chars += count_chars(word);
                words += 1;
                self.push_bytes(word);
                self.space_needed = true;
            }
        }
        self.space_needed = run.last().is_some_and(u8::is_ascii_whitespace);
        let counted = chars + words;
        self.stats.text_chars += counted;
        self.stats.own_text_chars += counted;
        if self.open.links > 0 {
            self.stats.link_chars += counted;
        }
    }

    /// Counts a run's characters and words without decoding it (entities count as written).
    fn count_only(&mut self, run: &[u8]) {
        let (mut chars, mut words, mut in_word) = (0usize, 0usize, false);
        for &b in run {
            if b.is_ascii_whitespace() {
                in_word = false;
            } else {
                words += usize::from(!in_word);
                in_word = true;
                chars += usize::from(b & 0xC0 != 0x80);
            }
        }
        let counted = chars + words;
        self.stats.text_chars += counted;
        self.stats.own_text_chars += counted;
        if self.open.links > 0 {
            self.stats.link_chars += counted;
        }
        self.space_needed = run.last().is_some_and(u8::is_ascii_whitespace);
    }

    fn word(&mut self, word: &str) {
        let chars = count_chars(word.as_bytes()) + 1;
        self.stats.text_chars += chars;
        self.stats.own_text_chars += chars;
        if self.open.links > 0 {
            self.stats.link_chars += chars;
        }
        self.push_text(word);
        self.space_needed = true;
    }

    fn push_text(&mut self, word: &str) {
        self.push_bytes(word.as_bytes());
    }

    /// Appends a word (valid UTF-8), after a space when one is due.
    fn push_bytes(&mut self, word: &[u8]) {
        if self.text_full() {
            return;
        }
        if self.space_needed && !self.text.is_empty() {
            self.text.push(b' ');
        }
        self.text.extend_from_slice(word);
    }

    /// Adds a child block's stats (the child is a block: it separates words).
    fn merge(&mut self, child: &BlockStats) {
        self.stats.children += 1;
        self.stats.text_chars += child.text_chars;
        self.stats.link_chars += if self.open.links > 0 {
            child.text_chars
        } else {
            child.link_chars
        };
        self.stats.paragraphs += child.paragraphs;
        self.stats.links += child.links;
        self.stats.headings += child.headings;
        self.stats.linked_headings += child.linked_headings;
        self.stats.images += child.images;
        self.stats.dates += child.dates;
        self.stats.has_h1 |= child.has_h1;
        self.stats.has_main_content |= child.has_main_content;
        if !child.text.is_empty() {
            self.space_needed = true;
            self.push_text(&child.text);
        }
        self.space_needed = true;
    }

    pub fn finish(mut self) -> BlockStats {
        self.stats.text = crate::markup::strings::into_string_lossy(self.text);
        self.stats
    }
}

/// Whether words (a run without whitespace at either end) are one space apart, with no other
/// whitespace.
fn is_single_spaced(words: &[u8]) -> bool {
    let other_space = words
        .iter()
        .fold(false, |found, &b| found | matches!(b, b'\t' | b'\n' | b'\r' | 0x0C));
    !other_space && memchr::memmem::find(words, b"  ").is_none()
}

/// Characters in UTF-8 bytes.
fn count_chars(utf8: &[u8]) -> usize {
    if utf8.is_ascii() {
        utf8.len()
    } else {
        utf8.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }
}

/// Whether splitting `run`'s bytes at ASCII whitespace gives the words `str::split_whitespace`
/// gives: it is UTF-8, and all its whitespace is ASCII whitespace (which U+000B is not).
fn is_plain(run: &[u8]) -> bool {
    if run.is_ascii() {
        return !run.contains(&0x0B);
    }
    // Only the lead bytes of other whitespace are looked at (found with `memchr`): decoding
    // characters to ask `char::is_whitespace` cost 2% of a page.
    let other_space_at = |i: usize| match run[i] {
        // U+0085, U+00A0
        0xC2 => matches!(run.get(i + 1), Some(0x85 | 0xA0)),
        // U+1680
        0xE1 => run.get(i + 1..i + 3) == Some(&[0x9A, 0x80]),
        // U+2000..U+200A, U+2028, U+2029, U+202F, U+205F
        0xE2 => match run.get(i + 1..i + 3) {
            Some(&[0x80, c]) => matches!(c, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            Some(&[0x81, c]) => c == 0x9F,
            _ => false,
        },
        // U+3000
        0xE3 => run.get(i + 1..i + 3) == Some(&[0x80, 0x80]),
        _ => false,
    };
    let other_space = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, run).any(other_space_at)
        || memchr::memchr2_iter(0xE3, 0x0B, run).any(|i| run[i] == 0x0B || other_space_at(i));
    !other_space && std::str::from_utf8(run).is_ok()
}

/// Skips a tag, comment or raw-text element starting at `start` (a `<`); returns where the
/// scan goes on and whether the markup separates words (everything but inline tags), or
/// `None` when `<` starts no markup (it is then text).
fn skip_markup(html: &[u8], start: usize, stats: &mut BlockStats, open: &mut OpenInline) -> Option<(usize, bool)> {
    let rest = &html[start..];
    if rest.starts_with(b"<!--") {
        return Some((find(html, start + 4, b"-->").map_or(html.len(), |p| p + 3), false));
    }
    let closing = rest.get(1) == Some(&b'/');
    let name_start = start + 1 + usize::from(closing);
    let name_len = html[name_start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 && !rest.starts_with(b"<!") && !rest.starts_with(b"<?") {
        return None;
    }
    let tag_end = tag_end(html, name_start + name_len);
    // Tag names that matter are short; longer ones are lower-cased only as far as needed.
    let mut lower = [0u8; 10];
    let len = name_len.min(lower.len());
    for (l, b) in lower.iter_mut().zip(&html[name_start..name_start + len]) {
        *l = b.to_ascii_lowercase();
    }
    let name: &[u8] = if name_len <= lower.len() { &lower[..len] } else { b"" };
    if closing {
        match name {
            b"a" => open.links = open.links.saturating_sub(1),
            b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => open.headings = open.headings.saturating_sub(1),
            b"time" => open.times = open.times.saturating_sub(1),
            _ => {}
        }
        return Some((tag_end, !is_inline(name)));
    }
    match name {
        b"p" => stats.paragraphs += 1,
        b"h1" => stats.has_h1 = true,
        b"h2" | b"h3" | b"h4" | b"h5" | b"h6" => {
            stats.headings += 1;
            stats.linked_headings += usize::from(open.links > 0);
            open.headings += 1;
        }
        b"img" => stats.images += 1,
        b"time" => {
            stats.dates += 1;
            open.times += 1;
        }
        b"main" => stats.has_main_content = true,
        b"a" => {
            open.links += 1;
            stats.links += 1;
            // A headline's link goes to another page; an accordion's question only opens its
            // answer (`href="#…"`).
            let headline = open.headings > 0 && !is_fragment_link(&html[name_start + name_len..tag_end]);
            stats.linked_headings += usize::from(headline);
        }
        b"script" | b"style" | b"template" | b"noscript" | b"textarea" | b"title" => {
            // Raw text: skip to the matching end tag.
            let mut close = b"</".to_vec();
            close.extend_from_slice(name);
            let after = find_ignore_case(html, tag_end, &close).map_or(html.len(), |p| tag_end_from(html, p));
            return Some((after, true));
        }
        _ => {}
    }
    let container = matches!(name, b"div" | b"section" | b"article");
    if container && tag_end - name_start > 20 && article_body_finder().find(&html[name_start..tag_end]).is_some() {
        stats.has_main_content = true;
    }
    Some((tag_end, !is_inline(name)))
}

/// Whether a link's attributes (the bytes of its tag after the name) make it a link within the
/// page (`href="#…"`) or no link at all (no `href`).
fn is_fragment_link(attributes: &[u8]) -> bool {
    let inside = attributes.strip_suffix(b">").unwrap_or(attributes);
    crate::decode::tag_attributes::tag_attributes(&String::from_utf8_lossy(inside))
        .iter()
        .find(|(name, _)| name == "href")
        .is_none_or(|(_, href)| href.trim_start().is_empty() || href.trim_start().starts_with('#'))
}

fn article_body_finder() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new(b"articleBody"))
}

/// Where `byte` first occurs: a plain loop over the first bytes (runs between tags are mostly
/// short, where memchr's set-up costs more than it saves), memchr beyond.
fn find_byte(byte: u8, haystack: &[u8]) -> Option<usize> {
    const SHORT: usize = 32;
    if let Some(p) = haystack.iter().take(SHORT).position(|&b| b == byte) {
        return Some(p);
    }
    haystack
        .get(SHORT..)
        .and_then(|rest| memchr::memchr(byte, rest))
        .map(|p| p + SHORT)
}

/// The position after the `>` that ends the tag whose attributes start at `from`, honouring
/// quotes. Attribute values (URLs, class lists, srcsets) are long: memchr jumps over them.
fn tag_end(html: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(offset) = memchr::memchr3(b'>', b'"', b'\'', &html[at..]) {
        let i = at + offset;
        match html[i] {
            b'>' => return i + 1,
            quote => match memchr::memchr(quote, &html[i + 1..]) {
                Some(close) => at = i + 1 + close + 1,
                None => return html.len(),
            },
        }
    }
    html.len()
}

/// Whether a lower-case tag name is an inline one (it does not separate words).
fn is_inline(name: &[u8]) -> bool {
    matches!(
        name,
        b"a" | b"b"
            | b"i"
            | b"em"
            | b"strong"
            | b"span"
            | b"small"
            | b"abbr"
            | b"code"
            | b"sup"
            | b"sub"
            | b"u"
            | b"s"
            | b"mark"
            | b"time"
            | b"label"
            | b"cite"
            | b"q"
    )
}

fn tag_end_from(html: &[u8], at: usize) -> usize {
    html[at..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(html.len(), |p| at + p + 1)
}

fn find(html: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    html.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Where `needle` (starting with `<`) occurs in `html` from `from` on, ASCII case ignored.
fn find_ignore_case(html: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(p) = memchr::memchr(b'<', html.get(at..)?) {
        let i = at + p;
        if html
            .get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Plain runs are split at ASCII whitespace without decoding: the same words, counts
        /// and spacing as decoding and `split_whitespace` give.
        #[test]
        fn plain_runs_read_as_decoded_runs(pieces in prop::collection::vec(prop_oneof![
            Just("word"), Just(" "), Just("\t"), Just("\n"), Just("\u{b}"), Just("\u{a0}"), Just("caf\u{e9}"),
            Just("\u{2019}"), Just("\u{201c}q\u{201d}"), Just("\u{2003}"), Just("\u{2014}"), Just("\u{3000}"),
            Just("\u{6771}\u{4eac}"), Just("\u{1f600}"), Just("\u{85}"), Just("\u{1680}"), Just("\u{205f}"),
        ], 0..12), limit in prop_oneof![Just(8usize), Just(64), Just(4096)]) {
            let run = pieces.concat();
            let bytes = run.as_bytes();
            if bytes.iter().all(u8::is_ascii_whitespace) {
                return Ok(()); // indentation, which text_run takes before either
            }
            let mut decoded = Scanner::new(limit);
            decoded.decoded_run(bytes);
            if is_plain(bytes) {
                let mut plain = Scanner::new(limit);
                plain.plain_run(bytes);
                prop_assert_eq!(plain.space_needed, decoded.space_needed);
                prop_assert_eq!(plain.finish(), decoded.finish());
            } else {
                // Only runs with whitespace beyond ASCII (or U+000B) are left to decoding.
                let other_space = |c: char| c.is_whitespace() && (!c.is_ascii() || c == '\u{0b}');
                prop_assert!(run.contains(other_space), "left to decoding: {:?}", run);
            }
        }
    }

    #[test]
    fn every_other_whitespace_character_leaves_a_run_to_decoding() {
        for c in (char::MIN..=char::MAX).filter(|c| c.is_whitespace() && !c.is_ascii_whitespace()) {
            assert!(!is_plain(format!("caf\u{e9}{c}x").as_bytes()), "{c:?}");
        }
        assert!(!is_plain(b"a\x0bb"), "U+000B in ASCII text too");
        assert!(is_plain("caf\u{e9} \u{2019}x\u{2014}".as_bytes()));
    }

    #[test]
    fn text_links_and_paragraphs() {
        let s = scan(
            b"<div><p>Hello &amp; <a href=\"x>y\">world</a></p><p>Two</p><script>var x = '<p>';</script></div>",
            100,
        );
        assert_eq!(s.text, "Hello & world Two");
        assert_eq!(s.paragraphs, 2);
        assert_eq!(s.link_chars, 6);
        assert_eq!(s.text_chars, 18);
        assert!(!s.has_h1);
    }

    #[test]
    fn headlines_are_linked_headings_and_accordion_questions_are_not() {
        let teaser = "<div><h3><a href=\"/news/a\">Bridge tolls rise in January</a></h3><p>Drivers pay more.</p></div>";
        let teasers = scan(teaser.repeat(3).as_bytes(), 100);
        assert_eq!((teasers.headings, teasers.linked_headings), (3, 3));
        assert!(teasers.is_teaser_list());
        let wrapped = scan(b"<a href='/a'><h3>Headline</h3></a><a href=/b><h2>Other</h2></a>", 100);
        assert_eq!(wrapped.linked_headings, 2);
        let question = "<h3><a href=\"#q1\" role=button>Can I bring a bicycle?</a></h3><p>Yes, in the van.</p>";
        let faq = scan(question.repeat(3).as_bytes(), 100);
        assert_eq!((faq.headings, faq.linked_headings), (3, 0));
        let toggles = scan(
            b"<h3><a data-href=\"/q\" HREF = '#q'>Q</a></h3><h4><a href=\"\">R</a></h4>",
            100,
        );
        assert_eq!(
            toggles.linked_headings, 0,
            "only an href that leaves the page makes a headline"
        );
        assert!(!faq.is_teaser_list());
        let section = format!(
            "<h2><a href=/s>Section</a></h2><p>{}</p>",
            "A long paragraph of a story. ".repeat(40)
        );
        assert!(
            !scan(section.repeat(3).as_bytes(), 100).is_teaser_list(),
            "long sections are a story's"
        );
    }

    #[test]
    fn words_split_by_tags_stay_apart_and_inline_tags_join() {
        assert_eq!(scan(b"<li>One</li><li>Two</li>", 100).text, "One Two");
        assert_eq!(scan(b"<p>Sub<b>scribe</b> now</p>", 100).text, "Subscribe now");
    }

    #[test]
    fn children_are_merged_not_rescanned() {
        let html = b"<div><p>One <a href=x>two</a></p><section><p>Three</p></section></div>";
        // The child is `<section>…</section>` at bytes 33..64, output positions 133..164.
        let child = ScannedChild {
            start: 133,
            end: 164,
            stats: scan(&html[33..64], 100),
        };
        let merged = scan_with_children(html, 100, &[child], 100);
        let whole = scan(html, 100);
        assert_eq!(merged.children, 1);
        assert_eq!(
            merged.own_text_chars,
            whole.text_chars - 6,
            "\"Three\" came from the child"
        );
        assert_eq!(
            BlockStats {
                children: 0,
                own_text_chars: whole.own_text_chars,
                ..merged
            },
            whole,
            "the rest is as if the child had been read again"
        );
    }

    #[test]
    fn stray_less_than_is_text() {
        assert_eq!(scan(b"<p>1 < 2</p>", 100).text, "1 < 2");
    }

    #[test]
    fn text_is_cut_but_counted() {
        let s = scan(b"<p>aaaa bbbb cccc</p>", 4);
        assert_eq!(s.text, "aaaa");
        assert_eq!(s.text_chars, 15);
    }
}
