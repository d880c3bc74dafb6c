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
    let report = set.report();
    assert!(report.rules <= list.lines().count().max(1) * 64);
    let cleaner = Cleaner::with_filters(Options::default(), set).unwrap();
    let _ = cleaner.clean_str(PAGE).unwrap();
});
