#![no_main]
// Stream mode on any bytes: no panic, the same output in any chunking, no script in the output.
#[path = "common.rs"]
mod common;
libfuzzer_sys::fuzz_target!(|data: &[u8]| common::run(stripwall::Mode::Stream, data));
