//! Reading markup that arrives as plain bytes or text rather than through the parser: the
//! `<meta>` prescan of the encoding sniffer, the raw content of `<noscript>` fallbacks.

/// `name="value"`, `name='value'` and `name=value` pairs of a start tag's inside (names lower-cased,
/// values with entities decoded).
pub(crate) fn tag_attributes(tag: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let name_len = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if name_len == 0 {
            return attrs;
        }
        let name = rest[..name_len].to_ascii_lowercase();
        rest = rest[name_len..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    after.split_at(end)
                }
            };
            value = crate::decode::entities::decode(v).into_owned();
            rest = tail;
        }
        attrs.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::tag_attributes;

    #[test]
    fn reads_quoted_unquoted_and_bare_attributes() {
        assert_eq!(
            tag_attributes(
                r#" Charset=UTF-8 http-equiv='Content-Type' content="text/html; charset=&quot;x&quot;" hidden /"#
            ),
            [
                ("charset".to_string(), "UTF-8".to_string()),
                ("http-equiv".to_string(), "Content-Type".to_string()),
                ("content".to_string(), "text/html; charset=\"x\"".to_string()),
                ("hidden".to_string(), String::new()),
            ]
        );
    }
}
