//! Stage 5, **output**: writers that turn cleaned HTML into the other formats.
//!
//! Takes HTML (stream mode's page or reader mode's article); gives plain text ([`text`]: the
//! title, then a line a block) or GitHub-flavoured Markdown ([`markdown`]), each in one lol_html
//! pass, and YAML front matter for Markdown files ([`front_matter`]). Safe HTML is made earlier, by the [`safety`](crate::rules::safety) rules that both modes
//! apply as they write.

pub(crate) mod front_matter;
pub(crate) mod markdown;
pub(crate) mod text;
