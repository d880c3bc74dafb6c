//! # stripwall
//!
//! A streaming HTML cleaner: give it the HTML of an article page, get the article back without
//! its paywall pitch, cookie wall, newsletter prompts, navigation, share bars, related rails,
//! comments, ads and copyright footer. Built on [`lol_html`]: one pass, bounded memory, output
//! before the input ends.
//!
//! ```
//! let page = r#"<html><head><title>Story</title></head><body>
//! <nav><a href="/">Home</a></nav>
//! <article><h1>Story</h1><p>The article text.</p>
//!   <div class="paywall-prompt"><p>Subscribe now</p></div></article>
//! <div id="cookie-consent">We use cookies.</div>
//! </body></html>"#;
//! let html = stripwall::clean(page)?;
//! assert!(html.contains("The article text."));
//! assert!(!html.contains("Subscribe now") && !html.contains("cookies") && !html.contains("Home"));
//! # Ok::<(), stripwall::Error>(())
//! ```
//!
//! For options, reuse across pages and streaming, build a [`Cleaner`]; for plain text, see
//! [`to_text`] and [`Cleaned::text`].

#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

mod block_text;
mod charset;
mod cleaner;
mod engine;
mod entities;
mod error;
mod filters;
mod hold;
#[cfg(feature = "wasm")]
mod host_decoder;
mod json;
mod ledger;
mod markdown;
mod markup;
mod metadata;
mod options;
mod parse_context;
mod paywall;
mod raw_text;
mod reader;
mod report;
mod rules;
mod safety;
mod source;
mod teaser;
mod text;
#[cfg(any(feature = "wasm", test))]
mod utf16;
#[cfg(feature = "wasm")]
mod wasm;

pub use charset::EncodingSource;
pub use cleaner::{CleanStream, Cleaned, Cleaner};
pub use error::{Error, Result};
pub use filters::{FilterReport, FilterSet};
pub use markdown::to_markdown;
pub use metadata::Metadata;
pub use options::{Category, Mode, OnMemoryLimit, Options, Preset, DEFAULT_MEMORY_LIMIT};
pub use reader::is_probably_readerable;
pub use report::{ReaderOutcome, ReaderSummary, Removal, Report, Tally};
pub use text::{to_text, TextStream};

/// Cleans `html` with the default options.
///
/// # Errors
/// Only for a gigantic construct beyond the default memory limit ([`Error::MemoryLimit`]).
pub fn clean(html: &str) -> Result<String> {
    clean_with_report(html).map(|(html, _)| html)
}

/// Cleans `html` with the default options and says what was removed.
///
/// # Errors
/// As for [`clean`].
pub fn clean_with_report(html: &str) -> Result<(String, Report)> {
    let cleaned = Cleaner::new(Options::default())?.clean_str(html)?;
    Ok((cleaned.html, cleaned.report))
}
