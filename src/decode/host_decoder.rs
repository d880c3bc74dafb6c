//! The host's `TextDecoder` (browsers, Node, Deno, Workers), for the multi-byte legacy encodings
//! of Chinese, Japanese and Korean pages.
//!
//! The npm package's module is built without encoding_rs's tables for these encodings
//! (`scripts/slim-encoding-rs.mjs`, whose codec list must match [`decodes`]; they were 114 KB of
//! its 389 KB gzipped), so a page in one of them is decoded by the JavaScript host, which carries
//! the same WHATWG decoders.

use encoding_rs::{Encoding, BIG5, EUC_JP, EUC_KR, GB18030, GBK, ISO_2022_JP, SHIFT_JIS};
use wasm_bindgen::{prelude::*, JsCast};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = TextDecoder)]
    type JsTextDecoder;

    #[wasm_bindgen(constructor, js_class = "TextDecoder", catch)]
    fn new(label: &str) -> Result<JsTextDecoder, JsValue>;

    #[wasm_bindgen(method, js_class = "TextDecoder", js_name = decode, catch)]
    fn decode_with(this: &JsTextDecoder, input: &[u8], options: &JsValue) -> Result<String, JsValue>;
}

/// Whether pages in `encoding` are decoded by the host in the WebAssembly module.
pub(crate) fn decodes(encoding: &'static Encoding) -> bool {
    [GBK, GB18030, BIG5, EUC_JP, ISO_2022_JP, SHIFT_JIS, EUC_KR].contains(&encoding)
}

/// A streaming decoder of the host.
pub(crate) struct HostDecoder {
    decoder: JsTextDecoder,
    streaming: JsValue,
}

impl HostDecoder {
    /// The host's decoder for `encoding`, or why the host has none (Node built without full ICU).
    pub fn new(encoding: &'static Encoding) -> Result<HostDecoder, String> {
        let decoder = JsTextDecoder::new(encoding.name()).map_err(|e| describe(&e))?;
        let streaming = js_sys::Object::new();
        js_sys::Reflect::set(&streaming, &"stream".into(), &JsValue::TRUE).map_err(|e| describe(&e))?;
        Ok(HostDecoder {
            decoder,
            streaming: streaming.into(),
        })
    }

    /// Decodes the next bytes (a sequence cut at the end is kept for the next call unless
    /// `last`); malformed bytes become U+FFFD, as with encoding_rs.
    pub fn decode(&mut self, input: &[u8], last: bool) -> Result<String, String> {
        let options = if last {
            JsValue::UNDEFINED
        } else {
            self.streaming.clone()
        };
        self.decoder.decode_with(input, &options).map_err(|e| describe(&e))
    }
}

fn describe(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => error
            .as_string()
            .unwrap_or_else(|| "the host's TextDecoder failed".into()),
    }
}
