//! Bindings: translations of the public API for other hosts, with no rule of their own.
//!
//! Takes a host's values (JavaScript strings, bytes and option objects); gives them to a
//! [`Cleaner`](crate::Cleaner) and hands its results and errors back in the host's types. The
//! WebAssembly binding (`wasm`) serves the npm package; the CLI is its own binary
//! (`src/cli/`).

#[cfg(feature = "wasm")]
pub(crate) mod wasm;
