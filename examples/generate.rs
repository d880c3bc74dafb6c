//! Writes article-like HTML of a given size to standard output, for memory and speed checks of
//! the streaming cleaner on inputs larger than any real page.
//!
//! ```sh
//! cargo run --release --example generate -- 256 | /usr/bin/time -v target/release/stripwall > /dev/null
//! ```
//!
//! The argument is the size in MB (default 16). The document is one page that never ends: a head,
//! then the same kinds of blocks a news page has (navigation, article text, share bars, paywall
//! prompts, related rails, comments), repeated with varying text until the size is reached.

use std::io::{self, Write};

fn main() -> io::Result<()> {
    let megabytes: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(16);
    let target = megabytes * 1024 * 1024;
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut written = 0u64;
    let mut emit = |s: &str, written: &mut u64| -> io::Result<()> {
        *written += s.len() as u64;
        out.write_all(s.as_bytes())
    };
    emit(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Generated article</title>\
         <style>body{font-family:serif}</style></head><body>\n",
        &mut written,
    )?;
    let mut n = 0u64;
    while written < target {
        n += 1;
        let block = format!(
            "<nav class=\"site-nav\"><ul><li><a href=\"/a{n}\">World</a></li><li><a href=\"/b{n}\">Business</a></li></ul></nav>\n\
             <article class=\"post\"><h2>Section {n}</h2>\n\
             <div class=\"share-bar\"><a href=\"#\">Share</a><a href=\"#\">Tweet</a></div>\n\
             <p>Paragraph {n} of the story, with facts, figures ({n} in all) and quotes from people who were there, \
             written long enough to read like real article text rather than a caption or a label.</p>\n\
             <p>A second paragraph continues the account, adding context about what happened next and why it matters \
             to the people affected by the decision, number {n}.</p>\n\
             <figure><img src=\"/img/{n}.jpg\" alt=\"Photo {n}\"><figcaption>Photo {n}: a scene from the day.</figcaption></figure>\n\
             <div><h3>Try unlimited access</h3><p>Subscribe now: only $1 for four weeks, cancel any time.</p></div>\n\
             <div class=\"related-articles\"><h3>Related</h3><ul><li><a href=\"/r{n}\">Another story {n}</a></li></ul></div>\n\
             <section id=\"comments-{n}\" class=\"comments\"><p>A reader's comment on part {n}.</p></section>\n\
             <p>© 2026 Example Media. All rights reserved.</p></article>\n"
        );
        emit(&block, &mut written)?;
    }
    emit("</body></html>\n", &mut written)?;
    out.flush()
}
