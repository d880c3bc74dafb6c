#![no_main]
// Options from JSON (what the npm package and config files give): no panic; valid options
// build a cleaner that cleans, invalid ones give an error.
use stripwall::{Cleaner, Options};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(options) = serde_json::from_slice::<Options>(data) else { return };
    if let Ok(cleaner) = Cleaner::new(options) {
        let _ = cleaner.clean_str("<nav>x</nav><article><p>Story text, long enough to be an article.</p></article>");
    }
});
