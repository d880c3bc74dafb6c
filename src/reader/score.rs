//! Picks the main content from pass 1's records: Readability's candidate scoring on numbers
//! instead of a DOM, run over a page that stream mode has already cleaned of its boilerplate.

use super::scan::{Kind, Node, NONE};
use crate::options::Preset;

/// Paragraphs shorter than this (characters) add nothing to their ancestors.
const MIN_PARAGRAPH_CHARS: u32 = 25;
/// Ancestors a paragraph's score reaches.
const ANCESTOR_LEVELS: usize = 5;
/// Alternative candidates that must share an ancestor with the best one to promote it.
const MIN_SHARED_CANDIDATES: usize = 3;
/// A caption is at most this long (a longer text beside a picture is article text).
const MAX_CAPTION_CHARS: u32 = 500;
/// Furniture with more text than this is kept (it is not furniture).
const MAX_FURNITURE_CHARS: u32 = 250;
/// Below this many characters the chosen content is not an article.
pub(crate) const MIN_ARTICLE_CHARS: u32 = 200;
/// A shorter article is accepted when it holds at least half of the page's text.
const MIN_SHORT_ARTICLE_CHARS: u32 = 60;

/// Most text a label only screen readers read has, in characters (a product card's "Product
/// name … Product details … Product link" runs to a couple of hundred).
const MAX_SCREEN_READER_LABEL_CHARS: usize = 300;

/// The elements pass 2 keeps.
#[derive(Debug, Default)]
pub(crate) struct Choice {
    /// Kept subtrees, by record index, in document order.
    pub roots: Vec<u32>,
    /// Characters of text in the kept subtrees.
    pub text_chars: u64,
    /// Per record: what pass 2 does with it inside the article.
    pub treat: Vec<Treat>,
    /// Everything is kept, text outside elements too (no article was found).
    pub everything: bool,
}

/// What pass 2 does with an element inside the kept subtrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Treat {
    Keep,
    /// Furniture (headline, byline, dateline …) or a paragraph that is one link.
    Drop,
    /// A caption container named by its class (`wp-caption`): becomes `<figure>`.
    Figure,
    /// A caption or credit named by its class: becomes `<figcaption>`.
    Caption,
    /// Its tags go, its content stays: the `<body>` of a whole page given as the article, which
    /// is a fragment like any other article (and is read again as one).
    Unwrap,
}

/// Thresholds of a preset.
struct Tuning {
    /// A sibling joins when its score reaches this share of the top candidate's.
    sibling_share: f32,
    /// Loose paragraphs beside the top candidate join when their text reads like prose.
    prose_siblings: bool,
}

impl Tuning {
    fn of(preset: Preset) -> Tuning {
        match preset {
            Preset::Precision => Tuning {
                sibling_share: 0.3,
                prose_siblings: false,
            },
            Preset::Balanced => Tuning {
                sibling_share: 0.2,
                prose_siblings: true,
            },
            Preset::Recall => Tuning {
                sibling_share: 0.1,
                prose_siblings: true,
            },
        }
    }
}

/// Scores every record and chooses the article. `None` when nothing reads like one.
pub(crate) fn choose(nodes: &[Node], preset: Preset) -> Option<Choice> {
    let tuning = Tuning::of(preset);
    let scores = score_paragraphs(nodes);
    let best = best_candidate(nodes, &scores)?;
    let mut top = best;
    top = promote_shared_ancestor(nodes, &scores, top);
    top = climb_to_stronger_parent(nodes, &scores, top);
    top = climb_single_child_chain(nodes, top);
    let top_score = scores[top as usize].unwrap_or(0.0);
    let mut roots = with_siblings(nodes, &scores, top, top_score, &tuning);
    add_same_class_parts(
        nodes,
        &scores,
        best,
        top,
        (top_score * tuning.sibling_share).max(10.0),
        &mut roots,
    );
    // Containers that scored as article parts, and those around them, are never judged fishy.
    let threshold = (top_score * tuning.sibling_share).max(10.0);
    // So are blocks holding a third of the article's text or more, whatever their names.
    let top_text = nodes[top as usize].text;
    let mut content: Vec<bool> = scores
        .iter()
        .zip(nodes)
        .map(|(s, n)| s.is_some_and(|s| s >= threshold) || n.text.saturating_mul(3) >= top_text.max(1))
        .collect();
    content[best as usize] = true;
    for i in (0..nodes.len()).rev() {
        let parent = nodes[i].parent;
        if content[i] && parent != NONE {
            content[parent as usize] = true;
        }
    }
    let choice = Choice::of(nodes, roots, &content);
    // A short story is still the article when it is most of what the page says.
    let page_chars: u64 = nodes.iter().filter(|n| n.parent == NONE).map(|n| n.text as u64).sum();
    let enough = choice.text_chars >= MIN_ARTICLE_CHARS as u64
        || (choice.text_chars >= MIN_SHORT_ARTICLE_CHARS as u64 && choice.text_chars * 2 >= page_chars);
    enough.then_some(choice)
}

impl Choice {
    /// The choice of `roots`; `content` marks the records that scored as article text.
    pub(crate) fn of(nodes: &[Node], roots: Vec<u32>, content: &[bool]) -> Choice {
        let text_chars = roots.iter().map(|&root| nodes[root as usize].text as u64).sum();
        let mut treat = treatments(nodes, content);
        for &root in &roots {
            if treat[root as usize] == Treat::Drop {
                treat[root as usize] = Treat::Keep;
            }
        }
        Choice {
            roots,
            text_chars,
            treat,
            everything: false,
        }
    }

    /// Characters of text pass 2 keeps: the kept subtrees' text but what it drops inside them
    /// (furniture, link-only paragraphs, containers that do not read as text).
    pub(crate) fn kept_text_chars(&self, nodes: &[Node]) -> u64 {
        self.text_chars_without(nodes, |treat| treat == Treat::Drop)
    }

    /// Characters of text a reader reads: what pass 2 keeps but captions and figures (the
    /// text and Markdown writers leave captions out). Nothing means a gallery, not an article.
    pub(crate) fn reading_text_chars(&self, nodes: &[Node]) -> u64 {
        self.text_chars_without(nodes, |treat| !matches!(treat, Treat::Keep | Treat::Unwrap))
    }

    /// Characters of text in the kept subtrees but in elements treated as `left_out` says.
    fn text_chars_without(&self, nodes: &[Node], left_out: impl Fn(Treat) -> bool) -> u64 {
        self.text_chars
            .saturating_sub(self.left_out_text_chars(nodes, left_out, |_| true))
    }

    /// Characters of text pass 2 drops inside the kept subtrees because their class or id names
    /// them as boilerplate (a post's comments, a footer), not for their numbers.
    pub(crate) fn named_boilerplate_chars(&self, nodes: &[Node]) -> u64 {
        self.left_out_text_chars(nodes, |treat| treat == Treat::Drop, |node| node.weight < 0)
    }

    /// Characters of text in the outermost elements of the kept subtrees that are treated as
    /// `left_out` says, of those `counted` picks.
    fn left_out_text_chars(
        &self,
        nodes: &[Node],
        left_out: impl Fn(Treat) -> bool,
        counted: impl Fn(&Node) -> bool,
    ) -> u64 {
        let mut total = 0;
        for &root in &self.roots {
            let mut i = root as usize + 1;
            let end = nodes[root as usize].end as usize;
            while i <= end && i < nodes.len() {
                if left_out(self.treat[i]) {
                    if counted(&nodes[i]) {
                        total += nodes[i].text as u64;
                    }
                    i = nodes[i].end as usize + 1;
                } else {
                    i += 1;
                }
            }
        }
        total
    }

    /// Keeps the bylines inside the kept subtrees: on a thread each post's byline names who
    /// wrote it, which a reader of the thread needs, where an article's one byline is metadata.
    pub(crate) fn keep_bylines(&mut self, nodes: &[Node]) {
        for (treat, node) in self.treat.iter_mut().zip(nodes) {
            if node.byline && *treat == Treat::Drop {
                *treat = Treat::Keep;
            }
        }
    }

    /// Drops the labels only screen readers read (see [`Node::screen_reader`]), as stream mode
    /// does: but for a short one stating a figure (a price the page shows struck out), and for
    /// hidden text longer than any label (a paywall may hide an article's rest that way, and
    /// reader mode cannot tell it from the rest of the page here).
    pub(crate) fn drop_screen_reader_labels(&mut self, nodes: &[Node]) {
        for (treat, node) in self.treat.iter_mut().zip(nodes) {
            let text = node.text as usize;
            let figure = text <= crate::rules::SCREEN_READER_FIGURE_CHARS && node.has_digit;
            if node.screen_reader && !figure && text <= MAX_SCREEN_READER_LABEL_CHARS {
                *treat = Treat::Drop;
            }
        }
    }

    /// The whole page, as stream mode cleaned it.
    pub(crate) fn whole_page(nodes: &[Node]) -> Choice {
        let has_body = nodes.iter().any(|n| n.kind == Kind::Body);
        let mut choice = Choice::of(nodes, page_roots(nodes), &[]);
        choice.treat.fill(Treat::Keep);
        for (treat, node) in choice.treat.iter_mut().zip(nodes) {
            if node.kind == Kind::Body {
                *treat = Treat::Unwrap;
            }
        }
        // Without a body (a fragment, or text with no markup) nothing is left out.
        choice.everything = !has_body;
        choice
    }
}

/// The page's content roots: the body when there is one (the head is not content), else every
/// top-level element.
fn page_roots(nodes: &[Node]) -> Vec<u32> {
    match nodes.iter().position(|n| n.kind == Kind::Body) {
        Some(body) => vec![body as u32],
        None => children(nodes, NONE).collect(),
    }
}

/// Characters of text on the whole page (what [`Choice::whole_page`] keeps), without building
/// that choice.
pub(crate) fn page_text_chars(nodes: &[Node]) -> u64 {
    page_roots(nodes)
        .iter()
        .map(|&root| nodes[root as usize].text as u64)
        .sum()
}

/// Whether the chosen block is one section of a page made of several, side by side: an
/// ancestor of it has three other children that read as sections of content (a heading or two
/// paragraphs, 100 characters or more, few links, no boilerplate name) while the choice holds
/// less than half of the page's text, or five such children while it holds less than two
/// thirds. A service or landing page, or a story split into sections, is all of them; the
/// best-scoring one (an FAQ, a testimonial) is not the page's content. `reading`: the choice's
/// reading text (see [`Choice::reading_text_chars`]).
pub(crate) fn is_one_of_sections(choice: &Choice, nodes: &[Node], page_chars: u64, reading: u64) -> bool {
    let Some(&top) = choice.roots.first() else {
        return false;
    };
    let mut at = nodes[top as usize].parent;
    while at != NONE {
        let sections = children(nodes, at)
            .filter(|&i| !contains(nodes, i, top) && !choice.roots.contains(&i) && is_section(&nodes[i as usize]))
            .count();
        if (sections >= 3 && reading * 2 < page_chars) || (sections >= 5 && reading * 3 < page_chars * 2) {
            return true;
        }
        at = nodes[at as usize].parent;
    }
    false
}

/// Whether the page's `<main>` holds text and the choice lies outside it: a block the page
/// itself says is not its main content (a banner, a hidden promotion) won on its numbers.
pub(crate) fn is_outside_main(choice: &Choice, nodes: &[Node]) -> bool {
    let Some(main) = nodes
        .iter()
        .position(|n| n.kind == Kind::Main && n.text >= MIN_ARTICLE_CHARS)
    else {
        return false;
    };
    let main = main as u32;
    !choice
        .roots
        .iter()
        .any(|&r| contains(nodes, main, r) || contains(nodes, r, main))
}

/// A block that reads as a section of content: a heading or two paragraphs, some text, few links.
fn is_section(node: &Node) -> bool {
    node.text >= 100
        && link_density(node) < 0.3
        && node.weight >= 0
        && (node.counts.headings > 0 || node.counts.paragraphs >= 2)
}

/// Furniture, link-only paragraphs and caption markup, decided from the records.
fn treatments(nodes: &[Node], content: &[bool]) -> Vec<Treat> {
    nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let fishy = !content.get(i).copied().unwrap_or(false) && looks_fishy(n);
            // A paragraph that is one link is a pointer elsewhere ("READ MORE: …"), not text.
            let link_only = n.kind == Kind::Paragraph
                && n.text > 0
                && n.text < MAX_FURNITURE_CHARS
                && n.link_text * 10 >= n.text * 9;
            if link_only || fishy || (n.furniture && n.text < MAX_FURNITURE_CHARS) {
                Treat::Drop
            } else if (n.caption || n.picture) && n.has_image && n.text < MAX_CAPTION_CHARS && !is_card(n) {
                Treat::Figure
            } else if n.caption && n.text < MAX_CAPTION_CHARS {
                Treat::Caption
            } else if n.text > 0 && !n.has_image && n.parent != NONE && is_figure_like(&nodes[n.parent as usize]) {
                // Text beside the picture in a figure is its caption.
                Treat::Caption
            } else {
                Treat::Keep
            }
        })
        .collect()
}

/// Readability's conditional cleaning: a container inside the article is dropped when its
/// numbers say it is not text (few commas and many links, more list items than paragraphs,
/// forms, lone embeds, images without text, or almost nothing at all). Lists only for links
/// with a positive name; tables never (they may be data).
fn looks_fishy(n: &Node) -> bool {
    let is_list = n.kind == Kind::List;
    // A div with only inline content reads as a paragraph (as in scoring): not a container.
    let container = (n.kind == Kind::Div && n.has_block) || matches!(n.kind, Kind::List | Kind::Form);
    if !container {
        return false;
    }
    if n.weight < 0 {
        return true;
    }
    if n.commas >= 10 {
        return false;
    }
    let c = n.counts;
    let (p, img, li) = (c.paragraphs as u32, c.images as u32, c.items as u32);
    let density = link_density(n);
    let weight = n.weight as i32;
    (img > 1 && p * 2 < img && !n.caption)
        || (!is_list && li > p && !is_item_list(n, density))
        || (c.inputs as u32 > p / 3)
        || (!is_list && n.text < 25 && (img == 0 || img > 2))
        || (!is_list && weight < 25 && density > 0.2 && !is_linked_section(n, density))
        || (weight >= 25 && density > 0.5)
        || (c.embeds == 1 && n.text < 75)
        || c.embeds > 1
}

/// A figure, or a block named like one with an image and little text.
fn is_figure_like(n: &Node) -> bool {
    n.has_image && n.text < MAX_CAPTION_CHARS && (n.kind == Kind::Figure || n.caption || n.picture) && !is_card(n)
}

/// Whether a container with more list items than paragraphs holds a list of things (three or
/// more services, features, steps: text, few links), not a menu of links, nor a definition
/// list's labels and values (a post's author details: joined, messages), nor a line or two of
/// metadata set as items (a byline and a date), which Readability's rule is right about.
fn is_item_list(n: &Node, density: f32) -> bool {
    let (items, pairs) = (n.counts.items as u32, n.counts.pairs as u32);
    items >= 3 && density <= 0.25 && pairs * 2 <= items
}

/// Whether a container that is link-heavy for Readability is a section whose heading is a link:
/// a card or a teaser of the article (linked title, then a description of its own), with a
/// heading, two paragraphs or more, 50 characters of text outside links and links under three
/// fifths of its text.
fn is_linked_section(n: &Node, density: f32) -> bool {
    n.counts.headings > 0 && n.counts.paragraphs >= 2 && n.text.saturating_sub(n.link_text) >= 50 && density < 0.6
}

/// A block with a picture and a heading of its own is a card (a teaser, a product, an item of
/// a round-up: picture, title, description), not a figure: its text is not a caption.
fn is_card(n: &Node) -> bool {
    n.counts.headings > 0
}

fn link_density(node: &Node) -> f32 {
    if node.text == 0 {
        0.0
    } else {
        node.link_text as f32 / node.text as f32
    }
}

/// Readability's starting score of a container.
fn base_score(node: &Node) -> f32 {
    let tag = match node.kind {
        Kind::Div | Kind::Article | Kind::Main => 5.0,
        Kind::Pre | Kind::Cell | Kind::Blockquote => 3.0,
        Kind::Address | Kind::List | Kind::ListItem | Kind::Form => -3.0,
        Kind::Heading => -5.0,
        _ => 0.0,
    };
    tag + node.weight as f32
}

/// Whether a record scores as a paragraph: `p`, `pre`, cells, and containers with only inline content.
fn is_paragraph(node: &Node) -> bool {
    match node.kind {
        Kind::Paragraph | Kind::Pre | Kind::Cell => true,
        Kind::Div | Kind::Section | Kind::Article => !node.has_block,
        _ => false,
    }
}

/// Each paragraph gives its ancestors points for its commas and length; the closer, the more.
/// Returns the final scores (scaled by one minus link density), `None` for non-candidates.
fn score_paragraphs(nodes: &[Node]) -> Vec<Option<f32>> {
    let mut scores: Vec<Option<f32>> = vec![None; nodes.len()];
    for (i, node) in nodes.iter().enumerate() {
        // A paragraph scores for its ancestors; so does text directly in a container among its
        // blocks (Readability wraps such runs in a `<p>`), for the container and up.
        let (text, commas, first) = if is_paragraph(node) {
            (node.text, node.commas, node.parent)
        } else if matches!(node.kind, Kind::Div | Kind::Section | Kind::Article | Kind::Main) {
            (node.own_text, node.own_commas, i as u32)
        } else {
            continue;
        };
        if text < MIN_PARAGRAPH_CHARS || first == NONE {
            continue;
        }
        let points = 1.0 + commas as f32 + (text / 100).min(3) as f32;
        let mut ancestor = first;
        for level in 0..ANCESTOR_LEVELS {
            if ancestor == NONE {
                break;
            }
            let a = &nodes[ancestor as usize];
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f32 * 3.0,
            };
            let score = scores[ancestor as usize].get_or_insert_with(|| base_score(a));
            *score += points / divider;
            ancestor = a.parent;
        }
    }
    for (score, node) in scores.iter_mut().zip(nodes) {
        if let Some(s) = score {
            *s *= 1.0 - link_density(node);
        }
    }
    scores
}

fn best_candidate(nodes: &[Node], scores: &[Option<f32>]) -> Option<u32> {
    let mut best: Option<(u32, f32)> = None;
    for (i, score) in scores.iter().enumerate() {
        if let Some(s) = *score {
            if nodes[i].kind != Kind::Body && best.is_none_or(|(_, b)| s > b) {
                best = Some((i as u32, s));
            }
        }
    }
    best.map(|(i, _)| i)
}

fn contains(nodes: &[Node], ancestor: u32, node: u32) -> bool {
    ancestor <= node && node <= nodes[ancestor as usize].end
}

/// When several nearly-as-good candidates sit under one ancestor of the best, the article is
/// that ancestor (a story split into blocks).
fn promote_shared_ancestor(nodes: &[Node], scores: &[Option<f32>], top: u32) -> u32 {
    let top_score = scores[top as usize].unwrap_or(0.0);
    let alternatives: Vec<u32> = (0..nodes.len() as u32)
        .filter(|&i| i != top && scores[i as usize].is_some_and(|s| s >= top_score * 0.75))
        .collect();
    if alternatives.len() < MIN_SHARED_CANDIDATES {
        return top;
    }
    let mut ancestor = nodes[top as usize].parent;
    while ancestor != NONE && nodes[ancestor as usize].kind != Kind::Body {
        let shared = alternatives.iter().filter(|&&a| contains(nodes, ancestor, a)).count();
        if shared >= MIN_SHARED_CANDIDATES {
            return ancestor;
        }
        ancestor = nodes[ancestor as usize].parent;
    }
    top
}

/// Moves up while a parent scores higher than the candidate (and not much lower on the way).
fn climb_to_stronger_parent(nodes: &[Node], scores: &[Option<f32>], mut top: u32) -> u32 {
    let Some(mut last) = scores[top as usize] else {
        return top;
    };
    let threshold = last / 3.0;
    let mut parent = nodes[top as usize].parent;
    while parent != NONE && nodes[parent as usize].kind != Kind::Body {
        if let Some(score) = scores[parent as usize] {
            if score < threshold {
                break;
            }
            if score > last {
                top = parent;
                break;
            }
            last = score;
        }
        parent = nodes[parent as usize].parent;
    }
    top
}

fn climb_single_child_chain(nodes: &[Node], mut top: u32) -> u32 {
    loop {
        let parent = nodes[top as usize].parent;
        if parent == NONE || nodes[parent as usize].kind == Kind::Body || nodes[parent as usize].children != 1 {
            return top;
        }
        top = parent;
    }
}

/// The top candidate and the siblings that belong with it.
fn with_siblings(nodes: &[Node], scores: &[Option<f32>], top: u32, top_score: f32, tuning: &Tuning) -> Vec<u32> {
    let parent = nodes[top as usize].parent;
    let threshold = (top_score * tuning.sibling_share).max(10.0);
    let top_class = nodes[top as usize].class_hash;
    let mut roots = Vec::new();
    for i in children(nodes, parent) {
        let node = &nodes[i as usize];
        if i == top {
            roots.push(i);
        } else {
            let bonus = if top_class != 0 && node.class_hash == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            let scored = scores[i as usize].is_some_and(|s| s + bonus >= threshold);
            let prose = node.kind == Kind::Paragraph && reads_like_prose(node);
            if scored || (tuning.prose_siblings && (prose || is_figure(node))) {
                roots.push(i);
            }
        }
    }
    roots
}

/// The children of record `parent` (the top-level records for [`NONE`]), in document order.
fn children(nodes: &[Node], parent: u32) -> impl Iterator<Item = u32> + '_ {
    let (mut i, last) = match parent {
        NONE => (0, (nodes.len() as u32).saturating_sub(1)),
        p => (p + 1, nodes[p as usize].end),
    };
    std::iter::from_fn(move || {
        while i <= last && (i as usize) < nodes.len() {
            let at = i;
            let node = &nodes[at as usize];
            i = node.end.max(at) + 1;
            if node.parent == parent {
                return Some(at);
            }
        }
        None
    })
}

/// Articles split into parts that are not siblings (a story continued in a second section):
/// other candidates with the exact class of the best candidate or of an element between it and
/// the top, outside what is already kept.
fn add_same_class_parts(
    nodes: &[Node],
    scores: &[Option<f32>],
    best: u32,
    top: u32,
    threshold: f32,
    roots: &mut Vec<u32>,
) {
    let mut classes = Vec::new();
    let mut at = best;
    while at != NONE && contains(nodes, top, at) {
        if nodes[at as usize].class_hash != 0 {
            classes.push(nodes[at as usize].class_hash);
        }
        at = nodes[at as usize].parent;
    }
    if classes.is_empty() {
        return;
    }
    let mut i = 0u32;
    while (i as usize) < nodes.len() {
        let node = &nodes[i as usize];
        if roots.iter().any(|&r| contains(nodes, r, i)) {
            i = nodes[i as usize].end.max(i) + 1;
            continue;
        }
        let encloses_root = roots.iter().any(|&r| contains(nodes, i, r));
        if !encloses_root && classes.contains(&node.class_hash) && scores[i as usize].is_some_and(|s| s >= threshold) {
            let at = roots.partition_point(|&r| r < i);
            roots.insert(at, i);
            i = node.end.max(i) + 1;
            continue;
        }
        i += 1;
    }
}

/// A picture with at most a caption (a lead image beside the text), not a list of linked thumbnails.
fn is_figure(node: &Node) -> bool {
    (node.kind == Kind::Figure || node.kind == Kind::Image || node.has_image)
        && node.text < MAX_FURNITURE_CHARS
        && link_density(node) < 0.5
}

/// Readability's test for a loose paragraph beside the article.
fn reads_like_prose(node: &Node) -> bool {
    let density = link_density(node);
    (node.text > 80 && density < 0.25) || (node.text > 0 && node.text <= 80 && density == 0.0 && node.has_sentence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::scan::{scan, Kind};

    /// The choice of the first `<section>` of `html`, every record counted as content.
    fn section_choice(html: &str) -> (Vec<Node>, Choice) {
        let nodes = scan(html.as_bytes()).nodes;
        let root = nodes.iter().position(|n| n.kind == Kind::Section).expect("a section") as u32;
        let choice = Choice::of(&nodes, vec![root], &vec![true; nodes.len()]);
        (nodes, choice)
    }

    #[test]
    fn captions_are_kept_but_are_not_reading_text() {
        let gallery = "<section><figure><img src=a.jpg><figcaption>A red shoe for the trail</figcaption></figure>\
            <figure><img src=b.jpg><figcaption>A blue shoe for the road</figcaption></figure></section>";
        let (nodes, choice) = section_choice(gallery);
        assert!(choice.kept_text_chars(&nodes) > 0);
        assert_eq!(choice.reading_text_chars(&nodes), 0);
        let story = gallery.replace(
            "</section>",
            "<p>Both shoes are made in our own workshop.</p></section>",
        );
        let (nodes, choice) = section_choice(&story);
        assert!(choice.reading_text_chars(&nodes) >= 40);
    }
}
