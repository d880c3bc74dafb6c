//! The toolkit every pass reads HTML with, beside lol_html.
//!
//! Takes what lol_html hands over (elements, text chunks, the source bytes it parses); gives the
//! facts lol_html does not: names and values straight from the source ([`source`]), where the raw
//! text of a `<title>` or `<script>` ends ([`raw_text`]), a tolerant JSON reader for JSON-LD
//! ([`json`]), which start tags close a paragraph ([`elements`]), the one output sink type and the
//! end-tag callback every rewriter shares ([`rewriter`]), small string helpers ([`strings`]), and
//! whether bytes hold any visible text at all ([`visible_text`]), and the calendar dates pages write
//! ([`dates`]: reader mode's metadata, stream mode's dated cards).
//! It decides nothing about what to keep.

pub(crate) mod dates;
pub(crate) mod elements;
pub(crate) mod json;
pub(crate) mod raw_text;
pub(crate) mod rewriter;
pub(crate) mod source;
pub(crate) mod strings;
pub(crate) mod visible_text;
