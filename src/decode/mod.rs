//! Stage 1, **decode**: bytes to characters.
//!
//! Takes the page's bytes (and the encoding a server declared, if any); gives UTF-8 to the
//! stages after it. [`charset`] finds the encoding as browsers do (byte order mark, the caller's
//! label, the `<meta>` prescan, a guess) and decodes; `host_decoder` borrows the host's
//! `TextDecoder` in WebAssembly for the East Asian encodings; `utf16` turns a JavaScript
//! string's code units into UTF-8. [`entities`] decodes character references in text, and
//! [`tag_attributes`] reads the attributes of markup that arrives as bytes rather than through
//! the parser (the `<meta>` prescan, `<noscript>` fallbacks). Nothing here knows about
//! boilerplate.

pub(crate) mod charset;
pub(crate) mod entities;
#[cfg(feature = "wasm")]
pub(crate) mod host_decoder;
pub(crate) mod tag_attributes;
#[cfg(any(feature = "wasm", test))]
pub(crate) mod utf16;
