//! The domain part of a filter rule: `a.com,b.org##…`, `~a.com` negation, `example.*` for
//! every top-level domain.

/// Where a rule applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Domains {
    include: Vec<String>,
    exclude: Vec<String>,
}

impl Domains {
    /// Parses `a.com,~b.a.com,example.*` (empty: everywhere).
    pub fn parse(list: &str) -> Domains {
        let mut domains = Domains::default();
        for item in list.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            match item.strip_prefix('~') {
                Some(d) => domains.exclude.push(d.to_ascii_lowercase()),
                None => domains.include.push(item.to_ascii_lowercase()),
            }
        }
        domains
    }

    /// The sites it names (`a.com`, `example.*`).
    pub fn included(&self) -> impl Iterator<Item = &str> {
        self.include.iter().map(String::as_str)
    }

    /// Whether the rule names no site to apply to (it applies everywhere but its exclusions).
    pub fn is_generic(&self) -> bool {
        self.include.is_empty()
    }

    /// Whether a rule with these domains applies on `host` (`None`: the page's address is
    /// unknown, so only generic rules apply).
    pub fn applies(&self, host: Option<&str>) -> bool {
        let Some(host) = host else { return self.is_generic() };
        if self.exclude.iter().any(|d| covers(d, host)) {
            return false;
        }
        self.is_generic() || self.include.iter().any(|d| covers(d, host))
    }
}

/// Whether `domain` (`a.com`, `example.*`) covers `host` or one of its parents.
fn covers(domain: &str, host: &str) -> bool {
    let host = host.trim_end_matches('.');
    if let Some(name) = domain.strip_suffix(".*") {
        // example.* : example.com, example.co.uk, www.example.de …
        return labels_from(host).any(|suffix| {
            suffix
                .strip_prefix(name)
                .is_some_and(|rest| rest.starts_with('.') && rest.len() > 1)
        });
    }
    host == domain || host.strip_suffix(domain).is_some_and(|rest| rest.ends_with('.'))
}

/// `a.b.c`, `b.c`, `c`.
fn labels_from(host: &str) -> impl Iterator<Item = &str> {
    std::iter::once(host).chain(host.match_indices('.').map(move |(i, _)| &host[i + 1..]))
}

/// The host of an absolute URL, lower-cased, without port and credentials.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.trim().split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_rules_apply_to_their_sites_and_subdomains() {
        let d = Domains::parse("example.com,news.org,~shop.example.com");
        assert!(d.applies(Some("example.com")) && d.applies(Some("www.example.com")));
        assert!(d.applies(Some("news.org")) && !d.applies(Some("othernews.org")));
        assert!(!d.applies(Some("shop.example.com")) && !d.applies(Some("a.shop.example.com")));
        assert!(!d.applies(None));
    }

    #[test]
    fn negations_alone_mean_everywhere_else() {
        let d = Domains::parse("~example.com");
        assert!(d.applies(Some("other.org")) && d.applies(None) && !d.applies(Some("example.com")));
    }

    #[test]
    fn wildcard_top_level_domains() {
        let d = Domains::parse("example.*");
        assert!(d.applies(Some("example.com")) && d.applies(Some("www.example.co.uk")));
        assert!(!d.applies(Some("example")) && !d.applies(Some("myexample.com")));
    }

    #[test]
    fn hosts_of_urls() {
        assert_eq!(
            host_of("https://user@WWW.Example.com:8080/a?b").as_deref(),
            Some("www.example.com")
        );
        assert_eq!(host_of("/relative"), None);
    }
}
