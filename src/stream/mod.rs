//! Stage 3, **stream**: the one-pass engine.
//!
//! Takes the decoded page as it streams and the [`rules`](crate::rules) and
//! [`filters`](crate::filters) to apply; gives the cleaned page, with its structure, and the
//! [`Report`](crate::Report) of what went and why. [`engine`] sets lol_html's handlers: one `*`
//! handler judges every element at its start tag. Blocks whose fate depends on their content are
//! held back in bounded memory ([`hold`]) and decided at their end; [`ledger`] reports each
//! removal once however holds nest. [`parse_context`] keeps `<svg>` and `<math>` parsed as they
//! were, and [`teaser`] completes a gated article's teaser from its JSON-LD `articleBody`.

pub(crate) mod engine;
pub(crate) mod hold;
pub(crate) mod ledger;
pub(crate) mod parse_context;
pub(crate) mod teaser;
