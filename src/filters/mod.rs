//! Filter lists: the cosmetic rules of Adblock Plus / uBlock Origin lists (EasyList and friends),
//! compiled once into hash indexes and applied while the page streams.
//!
//! Each rule is indexed by its subject's id, else a class, else an attribute name, else its tag,
//! so an element costs a few hash lookups however long the lists are. Rules a streaming rewriter
//! cannot apply are skipped and counted in the [`FilterReport`].

mod domains;
mod selector;

pub(crate) use domains::host_of;
use domains::Domains;
use rustc_hash::{FxHashMap, FxHasher};
use selector::{Combinator, Complex, Compound};
use serde::Serialize;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

/// What compiling filter lists kept and skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FilterReport {
    /// Element-hiding rules applied (a rule with a selector list counts once per selector).
    pub rules: usize,
    /// Exceptions (`#@#`) read.
    pub exceptions: usize,
    /// Rules not applied, by reason (network rules, scriptlets, `:has()`, sibling combinators …).
    pub skipped: BTreeMap<String, usize>,
}

impl FilterReport {
    /// All skipped rules.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    fn skip(&mut self, reason: impl ToString) {
        *self.skipped.entry(reason.to_string()).or_default() += 1;
    }
}

/// Compiled filter lists, built once and shared by any number of cleaners
/// (see [`Cleaner::with_filters`](crate::Cleaner::with_filters)).
///
/// ```
/// use stripwall::{Cleaner, FilterSet, Options};
/// use std::sync::Arc;
/// let filters = Arc::new(FilterSet::new(&["##.promo-strip\nexample.com###signup\n! a comment"]));
/// assert_eq!(filters.report().rules, 2);
/// let cleaner = Cleaner::with_filters(Options::default(), filters.clone())?;
/// let html = cleaner.clean_str(r#"<p>Story</p><div class="promo-strip">Buy</div>"#)?.html;
/// assert_eq!(html, "<p>Story</p>");
/// # Ok::<(), stripwall::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct FilterSet {
    rules: Vec<Rule>,
    /// Rules for every site (but their `~` exclusions).
    generic: Indexes,
    /// Site rules by the hash of a domain they name (`a.com`), and of the name of a wildcard
    /// domain (`example` for `example.*`): a page gathers its own once its host is known.
    by_domain: Index,
    by_wildcard: Index,
    /// Lengths of the attribute names rules are indexed by (other names need not be read).
    attr_name_lengths: Vec<usize>,
    /// Hashes of those names.
    attr_names: Index,
    /// Site-specific exceptions: selector text → where the selector must not apply.
    exceptions: Vec<(String, Domains)>,
    needs_ancestors: bool,
    report: FilterReport,
}

/// Rule numbers by the hash of a key. (The phrase matcher's map type: one hash-table instance
/// in the WebAssembly module.)
type Index = FxHashMap<u64, Vec<usize>>;

/// Rules by what their subject needs: an id, else a class, else an attribute, else a tag.
#[derive(Debug, Default)]
struct Indexes {
    by_id: Index,
    by_class: Index,
    by_attr: Index,
    by_tag: Index,
}

impl Indexes {
    fn add(&mut self, rule: usize, s: &Compound) {
        let (index, key) = if let Some(id) = &s.id {
            (&mut self.by_id, hash(id))
        } else if let Some(class) = s.classes.first() {
            (&mut self.by_class, hash(class))
        } else if let Some(attr) = s.attrs.first() {
            (&mut self.by_attr, hash(&attr.name))
        } else if let Some(tag) = &s.tag {
            (&mut self.by_tag, hash(tag))
        } else {
            return;
        };
        index.entry(key).or_default().push(rule);
    }

    /// Calls `f` with the rules that may hide `el`, until it returns something.
    fn find<'r>(&self, el: &ElementFacts<'_>, mut f: impl FnMut(usize) -> Option<&'r str>) -> Option<&'r str> {
        let mut look =
            |index: &Index, key: &str| -> Option<&'r str> { index.get(&hash(key))?.iter().find_map(|&i| f(i)) };
        if let Some(id) = el.id {
            if let Some(found) = look(&self.by_id, id.trim()) {
                return Some(found);
            }
        }
        for class in el.class.into_iter().flat_map(str::split_ascii_whitespace) {
            if let Some(found) = look(&self.by_class, class) {
                return Some(found);
            }
        }
        for (name, _) in el.indexed_attrs {
            if let Some(found) = look(&self.by_attr, name) {
                return Some(found);
            }
        }
        look(&self.by_tag, el.tag)
    }
}

#[derive(Debug)]
struct Rule {
    /// The line of the list, for the report.
    text: String,
    /// The selector as written, for exceptions.
    selector_text: String,
    domains: Domains,
    subject: Compound,
    /// Ancestor compounds as hashes, outermost first.
    ancestors: Vec<(HashedCompound, Combinator)>,
}

#[derive(Debug)]
struct HashedCompound {
    tag: Option<u64>,
    id: Option<u64>,
    classes: Vec<u64>,
}

fn hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

impl FilterSet {
    /// Compiles filter lists (the text of each). Lines that are not element-hiding rules, or
    /// that a streaming rewriter cannot apply, are counted in [`report`](FilterSet::report).
    pub fn new(lists: &[impl AsRef<str>]) -> FilterSet {
        let mut set = FilterSet::default();
        let mut generic_exceptions: Vec<String> = Vec::new();
        for list in lists {
            for line in list.as_ref().lines() {
                set.read_line(line.trim(), &mut generic_exceptions);
            }
        }
        if !generic_exceptions.is_empty() {
            // `#@#sel` without domains switches `sel` off everywhere.
            let before = set.rules.len();
            set.rules.retain(|r| !generic_exceptions.contains(&r.selector_text));
            let removed = before - set.rules.len();
            if removed > 0 {
                *set.report
                    .skipped
                    .entry("switched off by an exception".into())
                    .or_default() += removed;
            }
        }
        set.index();
        set.report.rules = set.rules.len();
        set
    }

    /// What was kept and skipped.
    pub fn report(&self) -> &FilterReport {
        &self.report
    }

    /// Whether no rule was kept.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    fn read_line(&mut self, line: &str, generic_exceptions: &mut Vec<String>) {
        if line.is_empty() || line.starts_with('!') || line.starts_with('[') {
            return;
        }
        let Some((domains, separator, selector)) = split_rule(line) else {
            self.report.skip("network rules");
            return;
        };
        match separator {
            "##" | "#@#" => {}
            "#?#" | "#@?#" => return self.report.skip("extended selectors (#?#)"),
            "#$#" | "#@$#" => return self.report.skip("snippets and style rules (#$#)"),
            "#%#" | "#@%#" => return self.report.skip("scripts (#%#)"),
            _ => return self.report.skip("other cosmetic rules"),
        }
        if selector.starts_with("+js(") || selector.starts_with("^") {
            return self.report.skip("scriptlets and HTML filters (##+js, ##^)");
        }
        if selector.contains(":style(") || selector.contains(":remove(") {
            return self.report.skip("procedural operators (:style, :remove …)");
        }
        let domains = Domains::parse(domains);
        if separator == "#@#" {
            self.report.exceptions += 1;
            if domains.is_generic() {
                generic_exceptions.push(selector.to_string());
            } else {
                self.exceptions.push((selector.to_string(), domains));
            }
            return;
        }
        match selector::parse_list(selector) {
            Ok(list) => {
                for complex in list {
                    self.push(line, selector, domains.clone(), complex);
                }
            }
            Err(reason) => self.report.skip(reason),
        }
    }

    fn push(&mut self, line: &str, selector: &str, domains: Domains, complex: Complex) {
        let ancestors: Vec<(HashedCompound, Combinator)> = complex
            .ancestors
            .iter()
            .map(|(c, comb)| {
                (
                    HashedCompound {
                        tag: c.tag.as_deref().map(hash),
                        id: c.id.as_deref().map(hash),
                        classes: c.classes.iter().map(|s| hash(s)).collect(),
                    },
                    *comb,
                )
            })
            .collect();
        self.needs_ancestors |= !ancestors.is_empty();
        self.rules.push(Rule {
            text: line.to_string(),
            selector_text: selector.to_string(),
            domains,
            subject: complex.subject,
            ancestors,
        });
    }

    fn index(&mut self) {
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.subject.id.is_none() && rule.subject.classes.is_empty() {
                if let Some(attr) = rule.subject.attrs.first() {
                    if !self.attr_name_lengths.contains(&attr.name.len()) {
                        self.attr_name_lengths.push(attr.name.len());
                    }
                    self.attr_names.entry(hash(&attr.name)).or_default();
                }
            }
            if rule.domains.is_generic() {
                self.generic.add(i, &rule.subject);
                continue;
            }
            for domain in rule.domains.included() {
                match domain.strip_suffix(".*") {
                    Some(name) => self.by_wildcard.entry(hash(name)).or_default().push(i),
                    None => self.by_domain.entry(hash(domain)).or_default().push(i),
                }
            }
        }
    }

    /// The site rules that apply on `host`, indexed.
    fn site_rules(&self, host: &str) -> Indexes {
        let mut site = Indexes::default();
        let mut seen: Vec<usize> = Vec::new();
        let suffixes = std::iter::once(host).chain(host.match_indices('.').map(|(i, _)| &host[i + 1..]));
        for suffix in suffixes {
            let first_label = suffix.split('.').next().unwrap_or(suffix);
            let named = self.by_domain.get(&hash(suffix)).into_iter().flatten();
            let wildcard = self.by_wildcard.get(&hash(first_label)).into_iter().flatten();
            for &i in named.chain(wildcard) {
                if !seen.contains(&i) && self.rules[i].domains.applies(Some(host)) {
                    seen.push(i);
                    site.add(i, &self.rules[i].subject);
                }
            }
        }
        site
    }
}

/// Splits `domains##selector` at its separator (`##`, `#@#`, `#?#`, `#$#` …).
fn split_rule(line: &str) -> Option<(&str, &str, &str)> {
    let at = line.find('#')?;
    let rest = &line[at..];
    let separator_len = ["#@?#", "#@$#", "#@%#", "#@#", "#?#", "#$#", "#%#", "##"]
        .iter()
        .find(|s| rest.starts_with(**s))?
        .len();
    // A `#` inside a network rule's domain part (`||a.com/#x`) is not a separator.
    let domains = &line[..at];
    if domains.contains(['/', '|', '$', '^', '*']) && !domains.ends_with(".*") {
        return None;
    }
    Some((domains, &rest[..separator_len], rest[separator_len..].trim()))
}

/// What an element offers to the rules: its tag, id, classes and the attributes a rule tests.
pub(crate) struct ElementFacts<'a> {
    pub tag: &'a str,
    pub id: Option<&'a str>,
    pub class: Option<&'a str>,
    /// Its attributes that some rule is indexed by: (name, value).
    pub indexed_attrs: &'a [(String, String)],
}

/// A filter set applied to one page: the page's host, its site rules, and the open elements
/// above the current one.
#[derive(Debug, Default)]
pub(crate) struct PageFilter {
    host: Option<String>,
    /// The site rules for `host`, gathered when it becomes known.
    site: Option<Indexes>,
    /// Hashes of the open elements: tag, id (0 for none), then classes; `frames` says where each starts.
    hashes: Vec<u64>,
    frames: Vec<(usize, bool)>,
}

impl PageFilter {
    pub fn new(host: Option<String>) -> PageFilter {
        PageFilter {
            host,
            ..PageFilter::default()
        }
    }

    fn site<'a>(&'a mut self, set: &FilterSet) -> Option<&'a Indexes> {
        if self.site.is_none() {
            let host = self.host.as_deref()?;
            self.site = Some(set.site_rules(host));
        }
        self.site.as_ref()
    }

    pub fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    pub fn set_host(&mut self, host: String) {
        self.host = Some(host);
        self.site = None;
    }

    /// Remembers an open element as an ancestor of what follows (`paragraph`: HTML closes it at
    /// the next block).
    pub fn push(&mut self, tag: &str, id: Option<&str>, class: Option<&str>) {
        let start = self.hashes.len();
        self.hashes.push(hash(tag));
        self.hashes.push(id.map_or(0, hash));
        self.hashes
            .extend(class.into_iter().flat_map(str::split_ascii_whitespace).map(hash));
        self.frames.push((start, tag == "p"));
    }

    /// Forgets the innermost open element.
    pub fn pop(&mut self) {
        if let Some((start, _)) = self.frames.pop() {
            self.hashes.truncate(start);
        }
    }

    /// HTML's implied `</p>` before a block.
    pub fn close_paragraph(&mut self) {
        if self.frames.last().is_some_and(|(_, p)| *p) {
            self.pop();
        }
    }

    fn frame(&self, i: usize) -> &[u64] {
        let start = self.frames[i].0;
        let end = self.frames.get(i + 1).map_or(self.hashes.len(), |f| f.0);
        &self.hashes[start..end]
    }

    fn frame_matches(&self, i: usize, c: &HashedCompound) -> bool {
        let f = self.frame(i);
        c.tag.is_none_or(|t| f[0] == t)
            && c.id.is_none_or(|id| f[1] == id)
            && c.classes.iter().all(|class| f[2..].contains(class))
    }

    /// Whether the open elements satisfy `ancestors` (outermost first) for the current element.
    fn ancestors_match(&self, ancestors: &[(HashedCompound, Combinator)]) -> bool {
        let mut below = self.frames.len(); // frames[..below] are candidates
        for (i, (compound, _)) in ancestors.iter().enumerate().rev() {
            // How this compound relates to the one after it.
            let child = ancestors[i].1 == Combinator::Child;
            if child {
                if below == 0 || !self.frame_matches(below - 1, compound) {
                    return false;
                }
                below -= 1;
            } else {
                match (0..below).rev().find(|&f| self.frame_matches(f, compound)) {
                    Some(f) => below = f,
                    None => return false,
                }
            }
        }
        true
    }

    /// The first rule of `set` that hides this element, if any.
    pub fn matching_rule<'s>(
        &mut self,
        set: &'s FilterSet,
        el: &ElementFacts<'_>,
        attr: &dyn Fn(&str) -> Option<String>,
    ) -> Option<&'s str> {
        self.site(set);
        let page = &*self;
        let host = page.host.as_deref();
        let check = |i: usize| -> Option<&'s str> {
            let rule = &set.rules[i];
            let applies = subject_matches(&rule.subject, el, attr)
                && rule.domains.applies(host)
                && (rule.ancestors.is_empty() || page.ancestors_match(&rule.ancestors))
                && !set
                    .exceptions
                    .iter()
                    .any(|(sel, d)| *sel == rule.selector_text && d.applies(host));
            applies.then_some(rule.text.as_str())
        };
        set.generic
            .find(el, check)
            .or_else(|| page.site.as_ref().and_then(|site| site.find(el, check)))
    }
}

impl FilterSet {
    /// Whether rules look at ancestors (the open elements must then be tracked).
    pub(crate) fn needs_ancestors(&self) -> bool {
        self.needs_ancestors
    }

    /// Whether some rule is indexed by an attribute name of this length.
    pub(crate) fn indexes_attr_len(&self, len: usize) -> bool {
        self.attr_name_lengths.contains(&len)
    }

    /// Whether some rule is indexed by this attribute name.
    pub(crate) fn indexes_attr(&self, name: &str) -> bool {
        self.attr_names.contains_key(&hash(name))
    }
}

fn subject_matches(c: &Compound, el: &ElementFacts<'_>, attr: &dyn Fn(&str) -> Option<String>) -> bool {
    c.tag.as_deref().is_none_or(|t| t == el.tag)
        && c.id.as_deref().is_none_or(|id| el.id.map(str::trim) == Some(id))
        && c.classes.iter().all(|class| {
            el.class
                .is_some_and(|cl| cl.split_ascii_whitespace().any(|x| x == class))
        })
        && c.attrs.iter().all(|test| match test.name.as_str() {
            "id" => test.matches(el.id),
            "class" => test.matches(el.class),
            name => match el.indexed_attrs.iter().find(|(n, _)| n == name) {
                Some((_, value)) => test.matches(Some(value)),
                None => test.matches(attr(name).as_deref()),
            },
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "[Adblock Plus 2.0]
! Title: test
##.cookie-banner
###gdpr-wall
##div[id^=\"consent-\"]
example.com,~shop.example.com##.promo
news.*##.newsletter-box
##.wrapper > .sticky-ad
##aside .subscribe
#@#.cookie-banner
example.com#@#.newsletter-box
||ads.example.com^$third-party
example.com##+js(set-constant, x, 1)
##.a:has(.b)
##.c + .d
example.com#?#.e:-abp-has(.f)
";

    fn facts<'a>(tag: &'a str, id: Option<&'a str>, class: Option<&'a str>) -> ElementFacts<'a> {
        ElementFacts {
            tag,
            id,
            class,
            indexed_attrs: &[],
        }
    }

    #[test]
    fn compiles_and_counts() {
        let set = FilterSet::new(&[LIST]);
        let r = set.report();
        assert_eq!(r.rules, 6, "{r:?}");
        assert_eq!(r.exceptions, 2);
        assert_eq!(r.skipped["network rules"], 1);
        assert_eq!(r.skipped["scriptlets and HTML filters (##+js, ##^)"], 1);
        assert_eq!(r.skipped["pseudo-classes (:has, :not, :nth-child …)"], 1);
        assert_eq!(r.skipped["sibling combinators (+, ~)"], 1);
        assert_eq!(r.skipped["extended selectors (#?#)"], 1);
        assert_eq!(r.skipped["switched off by an exception"], 1);
    }

    #[test]
    fn matches_by_id_class_attribute_and_site() {
        let set = FilterSet::new(&[LIST]);
        let none = |_: &str| None;
        let mut page = PageFilter::new(Some("www.example.com".into()));
        assert!(page
            .matching_rule(&set, &facts("div", Some("gdpr-wall"), None), &none)
            .is_some());
        assert!(page
            .matching_rule(&set, &facts("div", None, Some("x promo")), &none)
            .is_some());
        assert!(
            page.matching_rule(&set, &facts("div", None, Some("cookie-banner")), &none)
                .is_none(),
            "switched off"
        );
        let mut shop = PageFilter::new(Some("shop.example.com".into()));
        assert!(shop
            .matching_rule(&set, &facts("div", None, Some("promo")), &none)
            .is_none());
        let mut unknown = PageFilter::new(None);
        assert!(unknown
            .matching_rule(&set, &facts("div", None, Some("promo")), &none)
            .is_none());
        let id_attr = [("id".to_string(), "consent-7".to_string())];
        let consent = ElementFacts {
            indexed_attrs: &id_attr,
            ..facts("div", Some("consent-7"), None)
        };
        assert_eq!(
            page.matching_rule(&set, &consent, &none),
            Some("##div[id^=\"consent-\"]")
        );
        // news.* everywhere, but not where an exception says so.
        let mut news = PageFilter::new(Some("news.co.uk".into()));
        assert!(news
            .matching_rule(&set, &facts("div", None, Some("newsletter-box")), &none)
            .is_some());
        let mut excepted = PageFilter::new(Some("news.example.com".into()));
        assert!(excepted
            .matching_rule(&set, &facts("div", None, Some("newsletter-box")), &none)
            .is_none());
    }

    #[test]
    fn matches_descendant_and_child_selectors() {
        let set = FilterSet::new(&[LIST]);
        let none = |_: &str| None;
        let mut page = PageFilter::new(None);
        let sticky = facts("div", None, Some("sticky-ad"));
        assert!(page.matching_rule(&set, &sticky, &none).is_none());
        page.push("div", None, Some("wrapper"));
        assert!(page.matching_rule(&set, &sticky, &none).is_some());
        page.push("section", None, None);
        assert!(page.matching_rule(&set, &sticky, &none).is_none(), "> needs the parent");
        page.pop();
        page.pop();
        page.push("aside", None, None);
        page.push("div", None, Some("inner"));
        assert!(page
            .matching_rule(&set, &facts("p", None, Some("subscribe")), &none)
            .is_some());
    }
}
