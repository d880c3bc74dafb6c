//! Resolving a page's relative links against its address (RFC 3986, section 5.2).

/// An absolute hierarchical URL to resolve references against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BaseUrl {
    /// `https:`
    scheme: String,
    /// `//example.com:8080`
    authority: String,
    /// `/a/b.html` (always starts with `/`)
    path: String,
    /// `?q=1` or empty
    query: String,
}

fn scheme_len(s: &str) -> Option<usize> {
    let colon = s.find(':')?;
    let scheme = &s[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then_some(colon)
}

/// Splits `path?query#fragment` into its path and the rest.
fn split_path(s: &str) -> (&str, &str) {
    let at = s.find(['?', '#']).unwrap_or(s.len());
    s.split_at(at)
}

impl BaseUrl {
    /// Parses an absolute `scheme://authority/path` URL; `None` for anything else.
    pub fn parse(url: &str) -> Option<BaseUrl> {
        let url = url.trim();
        let colon = scheme_len(url)?;
        let rest = url[colon + 1..].strip_prefix("//")?;
        let rest = rest.split('#').next().unwrap_or("");
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(authority_end);
        if authority.is_empty() || authority.contains(char::is_whitespace) {
            return None;
        }
        let (path, query) = split_path(rest);
        Some(BaseUrl {
            scheme: url[..=colon].to_ascii_lowercase(),
            authority: format!("//{authority}"),
            path: if path.is_empty() { "/".into() } else { path.into() },
            query: query.into(),
        })
    }

    /// The absolute form of `reference` (returned unchanged when already absolute or in-page).
    ///
    /// ```text
    /// https://a.org/x/y.html + ../z.png  → https://a.org/z.png
    /// ```
    pub fn resolve(&self, reference: &str) -> String {
        let r = reference.trim();
        if r.is_empty() || r.starts_with('#') || scheme_len(r).is_some_and(|n| !r[..n].contains(['/', '?'])) {
            return r.to_string();
        }
        if let Some(rest) = r.strip_prefix("//") {
            return format!("{}//{rest}", self.scheme);
        }
        let origin = format!("{}{}", self.scheme, self.authority);
        if r.starts_with('/') {
            let (path, tail) = split_path(r);
            return format!("{origin}{}{tail}", remove_dot_segments(path));
        }
        if r.starts_with('?') {
            return format!("{origin}{}{r}", self.path);
        }
        let directory = &self.path[..self.path.rfind('/').map_or(0, |i| i + 1)];
        let (path, tail) = split_path(r);
        format!("{origin}{}{tail}", remove_dot_segments(&format!("{directory}{path}")))
    }

    /// The URL as text.
    pub fn as_string(&self) -> String {
        format!("{}{}{}{}", self.scheme, self.authority, self.path, self.query)
    }
}

/// Removes `.` and `..` segments of an absolute path.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_the_rfc_examples() {
        let base = BaseUrl::parse("http://a/b/c/d;p?q").unwrap();
        for (reference, expected) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("https://x.org/y", "https://x.org/y"),
            ("mailto:a@b.c", "mailto:a@b.c"),
        ] {
            assert_eq!(base.resolve(reference), expected, "{reference}");
        }
    }

    #[test]
    fn rejects_what_is_not_an_absolute_url() {
        assert!(BaseUrl::parse("/relative/path").is_none());
        assert!(BaseUrl::parse("mailto:x@y.z").is_none());
        assert!(BaseUrl::parse("https://").is_none());
        assert_eq!(BaseUrl::parse("HTTPS://a.org").unwrap().as_string(), "https://a.org/");
    }
}
