//! Small string helpers every stage uses: whitespace collapsed, a capped append that is the same
//! however the text was split into chunks, bytes read as UTF-8 without a copy.

/// `s` with every run of whitespace made one space, trimmed.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text taken from markup as a person reads it: character references decoded, whitespace
/// collapsed.
pub(crate) fn readable(raw: &str) -> String {
    collapse(&crate::decode::entities::decode(raw))
}

/// Appends `text` to `buffer` while at least 4 bytes (the longest character) of `cap` remain.
/// The rule looks at the length alone, so the kept prefix is the same however the text was
/// split into chunks (found by fuzzing: cutting each chunk at the cap let a later, shorter
/// character in).
pub(crate) fn push_capped(buffer: &mut String, text: &str, cap: usize) {
    if cap.saturating_sub(buffer.len()) >= text.len() + 4 {
        buffer.push_str(text);
        return;
    }
    for c in text.chars() {
        if cap.saturating_sub(buffer.len()) < 4 {
            return;
        }
        buffer.push(c);
    }
}

/// `bytes` as a string, without a copy when they are UTF-8 (else with U+FFFD for bad bytes).
pub(crate) fn into_string_lossy(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
