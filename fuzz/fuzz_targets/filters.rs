#![no_main]
// The filter-list parser on any text, then the compiled list on a page: no panic.
use std::sync::Arc;
use stripwall::{Cleaner, FilterSet, Options};

const PAGE: &str = r#"<html><head><link rel="canonical" href="https://www.example.com/a"></head><body>
<div id="a" class="b c"><p class="d" data-x="1">Text <a href="/x" title="t">link</a></p><span id="e">x</span></div>
<section><aside class="f"><div class="g">y</div></aside></section></body></html>"#;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let list = String::from_utf8_lossy(data);
    let set = Arc::new(FilterSet::new(&[list.as_ref()]));
    // Compiling is deterministic, and the same list split in two compiles to the same rules.
    let (head, tail) = list.split_at(list.find('\n').map_or(list.len(), |i| i + 1));
    assert_eq!(FilterSet::new(&[head, tail]).report(), set.report());
    let cleaner = Cleaner::with_filters(Options::default(), set).unwrap();
    let _ = cleaner.clean_str(PAGE).unwrap();
});
