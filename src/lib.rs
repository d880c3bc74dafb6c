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

// The public API: the cleaner that runs the stages, and the vocabulary every stage shares
// (options in, a report and errors out), which depends on no stage above decoding.
mod cleaner;
mod error;
mod options;
mod report;

// The stages, in the order data flows (each folder's mod.rs says what it takes and gives).
mod decode; // 1. bytes to characters
mod filters; // 2. filter lists (EasyList cosmetic rules), beside the built-in rules
mod markup; // the toolkit every pass reads HTML with
mod output;
mod reader; // 4. reader mode: the article and its metadata
mod rules; // 2. what an element is: boilerplate, content, unsafe
mod stream; // 3. the one-pass engine: rules applied as the page streams, with bounded hold-back // 5. text and Markdown writers

// Translations for other hosts (the CLI is its own binary, src/cli/).
mod bindings;

pub use cleaner::{CleanStream, Cleaned, Cleaner, PageSource};
pub use decode::charset::EncodingSource;
pub use error::{Error, Result};
pub use filters::{FilterReport, FilterSet};
pub use options::{Category, Mode, OnMemoryLimit, Options, Preset, DEFAULT_MEMORY_LIMIT};
pub use output::front_matter::front_matter;
pub use output::markdown::{to_markdown, to_markdown_with_title};
pub use output::text::{to_text, TextStream};
pub use reader::is_probably_readerable;
pub use report::{Metadata, ReaderOutcome, ReaderSummary, Removal, Report, Tally};
pub use rules::page_kind::PageKind;

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
