//! The errors a cleaner can return.

use thiserror::Error as ThisError;

/// Everything that can go wrong while building a [`Cleaner`](crate::Cleaner) or cleaning a page.
///
/// ```
/// use stripwall::{Cleaner, Error, Options};
/// let options = Options { remove_selectors: vec!["div[".into()], ..Options::default() };
/// match Cleaner::new(options) {
///     Err(Error::InvalidSelector { selector, .. }) => assert_eq!(selector, "div["),
///     other => panic!("expected an invalid selector error, got {other:?}"),
/// }
/// ```
#[derive(Debug, ThisError)]
#[non_exhaustive]
pub enum Error {
    /// A selector in the options could not be parsed.
    #[error("invalid CSS selector `{selector}`: {reason}")]
    InvalidSelector {
        /// The selector as given.
        selector: String,
        /// Why it was rejected.
        reason: String,
    },
    /// An option has a value that cannot work.
    #[error("invalid option `{option}`: {reason}")]
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// The rewriter needed more memory than [`Options::memory_limit`](crate::Options::memory_limit)
    /// allows (a gigantic tag, attribute or comment).
    #[error("the page needs more than the memory limit of {limit} bytes (a gigantic tag, attribute or comment); raise the limit or pass the rest through")]
    MemoryLimit {
        /// The limit in force.
        limit: usize,
    },
    /// The HTML rewriter failed for another reason.
    #[error("HTML rewriting failed: {0}")]
    Rewrite(String),
    /// The page is in an encoding this build cannot decode: in the WebAssembly module, a
    /// Chinese, Japanese or Korean legacy encoding on a host whose `TextDecoder` lacks it (Node
    /// built without full ICU).
    #[error("cannot decode the page from {encoding}: {reason}; decode it first and pass the text")]
    UnsupportedEncoding {
        /// The encoding's name.
        encoding: &'static str,
        /// What the host said.
        reason: String,
    },
    /// A stream was used after it ended or failed.
    #[error("the stream has already ended or failed; start a new one")]
    StreamFinished,
    /// Reading the input or writing the output failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Shorthand for `Result<T, stripwall::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
