//! Safe output, in both modes and whatever the options keep: no element that runs or embeds
//! code, no event handler, no script URL, no form action, no CSS that runs code.

use crate::decode::entities;
use crate::markup::source::{AttributeView, NameBuffer, Source};
use lol_html::html_content::Element;

/// The namespaces, as lol_html names them.
pub(crate) const HTML: &str = "http://www.w3.org/1999/xhtml";
pub(crate) const SVG: &str = "http://www.w3.org/2000/svg";
pub(crate) const MATHML: &str = "http://www.w3.org/1998/Math/MathML";

/// Elements that run or embed code, or change how the rest of the page is read, by namespace.
pub(crate) fn is_unsafe_element(tag: &str, namespace: &str) -> bool {
    match namespace {
        HTML => matches!(
            tag,
            "script"
                | "style"
                | "noscript"
                | "object"
                | "embed"
                | "applet"
                | "frame"
                | "frameset"
                | "base"
                | "portal"
                | "noembed"
                | "noframes"
        ),
        // SVG's scripts, its event and animation elements (which can set attributes such as
        // `href` to script URLs), and foreign content that switches back to HTML.
        SVG => matches!(
            tag,
            "script"
                | "style"
                | "foreignobject"
                | "animate"
                | "animatemotion"
                | "animatetransform"
                | "set"
                | "handler"
                | "listener"
                | "discard"
        ),
        // MathML: HTML inside annotation-xml is where parser-differential (mutation) attacks live.
        _ => matches!(tag, "annotation-xml" | "maction" | "script"),
    }
}

/// Entities decoded as a browser would, for the checks: the HTML4 table, and the HTML5 names
/// that can spell a scheme (`&Tab;`, `&NewLine;`, `&colon;`).
fn decode(value: &str) -> String {
    let value = if value.contains('&') {
        value
            .replace("&Tab;", "\t")
            .replace("&NewLine;", "\n")
            .replace("&colon;", ":")
    } else {
        value.to_string()
    };
    entities::decode(&value).into_owned()
}

/// Attributes whose value is a URL a browser may navigate to, load or run.
fn is_url_attribute(name: &str) -> bool {
    matches!(
        name,
        "href"
            | "src"
            | "xlink:href"
            | "action"
            | "formaction"
            | "data"
            | "poster"
            | "background"
            | "lowsrc"
            | "dynsrc"
            | "cite"
            | "longdesc"
            | "usemap"
            | "manifest"
            | "ping"
            | "codebase"
            | "archive"
            | "profile"
            | "classid"
            | "itemtype"
            | "to"
            | "from"
            | "values"
            | "by"
    )
}

/// Whether a URL (as written in an attribute: entities, whitespace and control characters
/// included) would run script or render a document: `javascript:`, `vbscript:`, `livescript:`,
/// and `data:` except images.
///
/// ```text
/// " &#106;ava&#x09;script:alert(1)"  → true
/// "data:image/png;base64,…"           → false
/// ```
pub(crate) fn is_script_url(value: &str) -> bool {
    if !may_have_scheme(value) {
        return false;
    }
    script_url_in_full(value)
}

/// Whether a URL may have a scheme: without a colon it has none, and only a numeric reference
/// or `&colon;` spells one (a query string's `&` does not).
fn may_have_scheme(value: &str) -> bool {
    let bytes = value.as_bytes();
    let spells_colon = |at: usize| {
        matches!(
            bytes.get(at + 1..),
            Some([b'#', ..] | [b'c', b'o', b'l', b'o', b'n', ..])
        )
    };
    memchr::memchr(b':', bytes).is_some() || memchr::memchr_iter(b'&', bytes).any(spells_colon)
}

/// [`is_script_url`] read in full.
fn script_url_in_full(value: &str) -> bool {
    if let Some(safe) = plain_scheme_is_safe(value) {
        return !safe;
    }
    let decoded = decode(value);
    let compact: String = decoded
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{feff}')
        .take(32)
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = compact.split(':').next().unwrap_or("");
    if !compact.contains(':') || scheme.contains(['/', '?', '#']) {
        return false;
    }
    match scheme {
        "javascript" | "vbscript" | "livescript" | "mocha" => true,
        // Images are inert, but an SVG image is a document that can hold script.
        "data" => !compact.starts_with("data:image/") || compact.starts_with("data:image/svg"),
        _ => false,
    }
}

/// The common case without allocating: a URL that starts with a plain scheme (letters, digits,
/// `+ - .`, then `:`; no entity, space or control character in the way) is safe unless the
/// scheme is a script one. `None` when the URL needs the full reading (and for `data:`).
fn plain_scheme_is_safe(value: &str) -> Option<bool> {
    let colon = value.find(':')?;
    let scheme = &value[..colon];
    let plain = !scheme.is_empty()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !plain || scheme.eq_ignore_ascii_case("data") {
        return None; // `data:` depends on its type: read in full
    }
    let script = ["javascript", "vbscript", "livescript", "mocha"];
    Some(!script.iter().any(|r| scheme.eq_ignore_ascii_case(r)))
}

/// Whether a `srcset` holds a script URL in any of its candidates.
fn srcset_has_script_url(value: &str) -> bool {
    value
        .split(',')
        .any(|candidate| is_script_url(candidate.split_whitespace().next().unwrap_or("")))
}

/// Whether inline CSS could run code or load a script: `expression()`, script URLs,
/// `-moz-binding`, `behavior:`, `@import` (after entities, CSS escapes and comments).
pub(crate) fn is_unsafe_css(value: &str) -> bool {
    might_run_code(value) && css_runs_code(value)
}

/// [`is_unsafe_css`] read in full.
fn css_runs_code(value: &str) -> bool {
    let decoded = decode(value);
    let mut plain = String::with_capacity(decoded.len());
    let mut chars = decoded.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // CSS escapes: `\65` is `e`, `\:` is `:`.
            '\\' => {
                let mut hex = String::new();
                while hex.len() < 6 && chars.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
                    hex.push(chars.next().unwrap_or('0'));
                }
                if hex.is_empty() {
                    if let Some(next) = chars.next() {
                        plain.push(next);
                    }
                } else if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    plain.push(ch);
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
            }
            c if c.is_whitespace() || c.is_control() => {}
            c => plain.push(c.to_ascii_lowercase()),
        }
    }
    [
        "expression(",
        "javascript:",
        "vbscript:",
        "livescript:",
        "-moz-binding",
        "behavior:",
        "@import",
        "data:text",
    ]
    .iter()
    .any(|bad| plain.contains(bad))
}

/// Whether inline CSS needs the full reading of [`is_unsafe_css`]: it does when it has an
/// entity, an escape, a comment, `@` or a character beyond ASCII, or one of the constructs'
/// distinctive words.
fn might_run_code(value: &str) -> bool {
    let bytes = value.as_bytes();
    if !value.is_ascii()
        || memchr::memchr3(b'&', b'\\', b'@', bytes).is_some()
        || bytes.windows(2).any(|pair| pair == b"/*")
    {
        return true;
    }
    // Letters, digits, `-`, `(` and `:`, lower-cased. The full reading drops only spaces (and
    // comments, which go to it): a construct it finds is here too, its characters still next to
    // one another.
    let kept: Vec<u8> = bytes
        .iter()
        .filter(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'(' | b':'))
        .map(u8::to_ascii_lowercase)
        .collect();
    let construct_ends_at = |(at, &b): (usize, &u8)| {
        let before = &kept[..at];
        match b {
            b'(' => before.ends_with(b"expression"),
            b':' => {
                before.ends_with(b"script")
                    || before.ends_with(b"behavior")
                    || (before.ends_with(b"data") && kept[at + 1..].starts_with(b"text"))
            }
            _ => false,
        }
    };
    kept.iter().enumerate().any(construct_ends_at) || kept.windows(7).any(|w| w == b"binding")
}

/// What the element's attributes say about its safety.
pub(crate) enum Verdict {
    Safe,
    /// The element must go (a refresh, an iframe that is not a video, a script link).
    RemoveElement(&'static str),
}

/// Removes event handlers, script URLs, `srcdoc`, form actions and unsafe styles from `el`;
/// says when the element itself must go. `visit` sees every attribute that stays, with its
/// lower-cased name (one pass over the attributes serves the rules too). Names of one or two
/// letters but `id` are never dangerous and are not read. Names and values are read from
/// `source` where it holds them.
pub(crate) fn sanitize<'s>(
    el: &mut Element,
    tag: &str,
    source: Option<&'s Source<'s>>,
    mut visit: impl FnMut(&str, &AttributeView<'_, 's>),
) -> Verdict {
    let mut unsafe_attributes: Vec<String> = Vec::new();
    let mut verdict = Verdict::Safe;
    let mut buffer = NameBuffer::default();
    for attr in el.attributes() {
        if attr.name_source_location().is_some_and(|l| l.bytes().len() == 1) {
            continue;
        }
        let view = AttributeView { attr, source };
        let name = view.name(&mut buffer);
        let drop = if name.starts_with("on") {
            true
        } else {
            match &*name {
                "srcdoc" | "formaction" | "action" => true,
                "style" => is_unsafe_css(&view.value()),
                "srcset" | "imagesrcset" => srcset_has_script_url(&view.value()),
                "http-equiv" if tag == "meta" && view.value().trim().eq_ignore_ascii_case("refresh") => {
                    verdict = Verdict::RemoveElement("<meta http-equiv=\"refresh\">");
                    false
                }
                "rel" if tag == "link" && view.value().to_ascii_lowercase().contains("import") => {
                    verdict = Verdict::RemoveElement("<link rel=\"import\">");
                    false
                }
                "src" if tag == "iframe" && !is_video_embed(&view.value()) => {
                    verdict = Verdict::RemoveElement("<iframe> that is not a video embed");
                    false
                }
                name if is_url_attribute(name) => is_script_url(&view.value()),
                _ => false,
            }
        };
        if drop {
            unsafe_attributes.push(name.into_owned());
        } else {
            visit(&name, &view);
        }
    }
    if tag == "iframe" && el.get_attribute("src").is_none() {
        verdict = Verdict::RemoveElement("<iframe> that is not a video embed");
    }
    for name in &unsafe_attributes {
        el.remove_attribute(name);
    }
    verdict
}

/// Parses `html` again and applies the same checks: reader mode runs its article through this
/// last, as a second line of defence (raw text of an odd page can become markup when the
/// elements around it are reshaped; found by fuzzing).
pub(crate) fn resanitize(html: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(html.len());
    // Names and values are read from the bytes, not through lol_html's allocating accessors.
    let source = Source::whole(html);
    {
        let settings = lol_html::Settings::new()
            .append_element_content_handler(lol_html::element!("*", |el| {
                let mut name_buffer = NameBuffer::default();
                let tag = crate::markup::source::tag_name(el, Some(&source), &mut name_buffer);
                if is_unsafe_element(&tag, el.namespace_uri()) {
                    el.remove();
                } else if let Verdict::RemoveElement(_) = sanitize(el, &tag, Some(&source), |_, _| {}) {
                    el.remove();
                }
                Ok(())
            }))
            .with_strict(false);
        let mut rewriter = lol_html::HtmlRewriter::new(
            settings,
            crate::markup::rewriter::BoxedSink(Box::new(|b: &[u8]| out.extend_from_slice(b))),
        );
        // No memory limit and no failing handler: a rewrite of bytes in memory cannot fail.
        if rewriter.write(html).is_ok() {
            let _ = rewriter.end();
        }
    }
    out
}

/// Whether an iframe's `src` is a video embed worth keeping.
pub(crate) fn is_video_embed(src: &str) -> bool {
    let rest = src
        .trim()
        .trim_start_matches("https:")
        .trim_start_matches("http:")
        .trim_start_matches("//");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    const HOSTS: [&str; 8] = [
        "youtube.com",
        "youtube-nocookie.com",
        "player.vimeo.com",
        "dailymotion.com",
        "players.brightcove.net",
        "embed.ted.com",
        "player.twitch.tv",
        "w.soundcloud.com",
    ];
    HOSTS.iter().any(|h| host == *h || host.ends_with(&format!(".{h}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_urls_however_written() {
        for url in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "JaVaScRiPt:alert(1)",
            "mocha:x",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;&#x61;vascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "jav&Tab;ascript:alert(1)",
            "javascript&colon;alert(1)",
            "\u{1}javascript:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "data:image/svg+xml,<svg onload=alert(1)>",
            "DATA:application/xhtml+xml,x",
        ] {
            assert!(is_script_url(url), "{url:?}");
        }
        for url in [
            "https://a.org/javascript:x",
            "/path?x=javascript:",
            "#javascript:",
            "data:image/png;base64,AAA",
            "mailto:a@b.c",
            "page.html",
        ] {
            assert!(!is_script_url(url), "{url:?}");
        }
    }

    #[test]
    fn unsafe_css() {
        for css in [
            "width: expression(alert(1))",
            "background:url(javascript:alert(1))",
            "background:url('jav\\61script:alert(1)')",
            "x:ex/**/pression(alert(1))",
            "-moz-binding:url(x.xml#xss)",
            "behavior: url(x.htc)",
            "background:url(&#106;avascript:alert(1))",
        ] {
            assert!(is_unsafe_css(css), "{css:?}");
        }
        assert!(!is_unsafe_css("color: red; background: url(/img/a.png)"));
    }

    proptest::proptest! {
        /// URLs without a colon are passed without the full reading only when no entity in
        /// them can spell one.
        #[test]
        fn urls_without_a_colon_have_no_scheme(
            before in "[a-z&?=/# ]{0,6}",
            colon in proptest::sample::select(vec![":", "&#58;", "&#x3a;", "&#X3A;", "&colon;", "&#058", "&#0000058;", "&#x3A", "&amp;", "&Colon;"]),
            after in "[a-z()&;]{0,6}",
        ) {
            let url = format!("{before}javascript{colon}{after}");
            proptest::prop_assert!(!script_url_in_full(&url) || may_have_scheme(&url), "{}", url);
        }

        /// The quick reading never passes CSS that the full reading finds unsafe: constructs
        /// cut anywhere by comments, spaces, escapes, entities or other characters.
        #[test]
        fn the_quick_css_reading_misses_nothing(
            before in "[a-z:; -]{0,8}",
            construct in proptest::sample::select(vec![
                "expression(", "javascript:", "vbscript:", "livescript:", "-moz-binding", "behavior:",
                "@import", "data:text", "JavaScript:",
            ]),
            cut in 0usize..12,
            filler in proptest::sample::select(vec!["/**/", "/*x*/", " ", "\t", "\\", "&#58;", "'", ";", "/", "*", "é"]),
        ) {
            let cut = cut.min(construct.len());
            let css = format!("{before}{}{filler}{}", &construct[..cut], &construct[cut..]);
            proptest::prop_assert!(!css_runs_code(&css) || might_run_code(&css), "{}", css);
        }
    }

    #[test]
    fn unsafe_elements_by_namespace() {
        assert!(is_unsafe_element("script", HTML) && is_unsafe_element("base", HTML));
        assert!(is_unsafe_element("set", SVG) && is_unsafe_element("foreignobject", SVG));
        assert!(is_unsafe_element("annotation-xml", MATHML));
        assert!(!is_unsafe_element("p", HTML) && !is_unsafe_element("path", SVG));
    }

    #[test]
    fn video_embeds() {
        assert!(is_video_embed("https://www.youtube.com/embed/x"));
        assert!(is_video_embed("//player.vimeo.com/video/1"));
        assert!(!is_video_embed("https://ads.example.com/youtube.com"));
    }
}
