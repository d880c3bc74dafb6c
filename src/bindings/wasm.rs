//! WebAssembly bindings for the npm package: options, inputs, results and errors cross the
//! boundary here; every rule lives in the core. The JavaScript wrapper in `js/` adds loading,
//! the `TransformStream` and the TypeScript types.

use crate::{CleanStream, Cleaner, Error, Options, Report};
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;

/// Panics are bugs; if one happens anyway, its message reaches the console.
fn init_panic_hook() {
    console_error_panic_hook::set_once();
}

/// Options from JavaScript: `undefined`/`null` mean the defaults; an unknown key or a wrong
/// type is a `TypeError` that names it.
fn options_from(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() {
        return Err(js_sys::TypeError::new("options must be an object").into());
    }
    // Reading a struct from a JS object only looks up the known keys, so unknown ones are
    // found here; the known ones are those serde writes for the defaults (no list to keep).
    let known = js_sys::Object::keys(&js_sys::Object::from(to_js(&Options::default())?));
    let known: Vec<String> = known.iter().filter_map(|k| k.as_string()).collect();
    for key in js_sys::Object::keys(&js_sys::Object::from(value.clone())).iter() {
        let key = key.as_string().unwrap_or_default();
        if !known.contains(&key) {
            let message = format!("unknown option `{key}` (expected one of: {})", known.join(", "));
            return Err(js_sys::TypeError::new(&message).into());
        }
    }
    let invalid = |key: &str, e: serde_wasm_bindgen::Error| -> JsValue {
        let message = e.to_string();
        let message = message.strip_prefix("Error: ").unwrap_or(&message);
        js_sys::TypeError::new(&format!("invalid option `{key}`: {message}")).into()
    };
    // Lists must be arrays: a string (`keep: 'comments'`) would be read as something else.
    const LISTS: [&str; 5] = [
        "keep",
        "keepAttributes",
        "removeSelectors",
        "keepSelectors",
        "filterLists",
    ];
    // One key at a time first, so that an error names the key it is about.
    let object = js_sys::Object::from(value.clone());
    for key in &known {
        let Ok(field) = js_sys::Reflect::get(&object, &JsValue::from_str(key)) else {
            continue;
        };
        if field.is_undefined() {
            continue;
        }
        if LISTS.contains(&key.as_str()) && !js_sys::Array::is_array(&field) {
            let what = if key == "keep" { "category names" } else { "strings" };
            let message = format!("invalid option `{key}`: expected an array of {what}");
            return Err(js_sys::TypeError::new(&message).into());
        }
        let single = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&single, &JsValue::from_str(key), &field);
        serde_wasm_bindgen::from_value::<Options>(single.into()).map_err(|e| invalid(key, e))?;
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| invalid("options", e))
}

/// HTML from JavaScript: text (a string, decoded already) or bytes (a Uint8Array, any encoding).
enum Input {
    /// A string, as UTF-8.
    Text(Vec<u8>),
    Bytes(Vec<u8>),
}

impl Input {
    fn from(value: &JsValue, what: &str) -> Result<Input, JsValue> {
        if let Some(s) = value.as_string() {
            return Ok(Input::Text(s.into_bytes()));
        }
        if value.is_instance_of::<js_sys::Uint8Array>() {
            return Ok(Input::Bytes(js_sys::Uint8Array::from(value.clone()).to_vec()));
        }
        if let Some(text) = Utf16Text::try_from_js_value_ref(value) {
            return Ok(Input::Text(crate::decode::utf16::utf16_to_utf8(text.units())));
        }
        Err(js_sys::TypeError::new(&format!("{what} must be a string or a Uint8Array")).into())
    }

    /// The bytes, whichever kind.
    fn into_bytes(self) -> Vec<u8> {
        match self {
            Input::Text(bytes) | Input::Bytes(bytes) => bytes,
        }
    }
}

fn bytes_from(value: &JsValue, what: &str) -> Result<Vec<u8>, JsValue> {
    Input::from(value, what).map(Input::into_bytes)
}

fn error(e: Error) -> JsValue {
    js_sys::Error::new(&e.to_string()).into()
}

/// Plain objects, not `Map`s, so results read like JSON.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// What `clean()` returns; the JavaScript wrapper adds `text` and `markdown`, computed when first read.
#[derive(Serialize)]
struct Outcome<'a> {
    html: &'a str,
    title: Option<&'a str>,
    metadata: Option<&'a crate::Metadata>,
    report: &'a Report,
    /// YAML front matter for a Markdown file (title, source, authors, date, description).
    #[serde(rename = "frontMatter")]
    front_matter: String,
}

fn clean_with(cleaner: &Cleaner, html: &JsValue, page: &Page) -> Result<JsValue, JsValue> {
    let source = crate::PageSource {
        url: page.url.as_deref(),
        charset: page.charset.as_deref(),
    };
    let (html, report) = match Input::from(html, "html")? {
        Input::Text(text) => {
            let cleaned = cleaner.clean_text_page(source, text).map_err(error)?;
            (cleaned.html, cleaned.report)
        }
        Input::Bytes(bytes) => {
            let (out, report) = cleaner.clean_bytes_page(source, &bytes).map_err(error)?;
            (crate::markup::strings::into_string_lossy(out), report)
        }
    };
    let url = page.url.as_deref().or(cleaner.options().url.as_deref());
    to_js(&Outcome {
        html: &html,
        title: report.headline(),
        metadata: report.metadata.as_ref(),
        front_matter: crate::front_matter(&report, url),
        report: &report,
    })
}

/// What one page's caller knows of it: its address and the charset its server declared.
#[derive(Default)]
struct Page {
    url: Option<String>,
    charset: Option<String>,
}

impl Page {
    /// `{ url, charset }` from JavaScript (`undefined`/`null`: nothing known); another key or a
    /// value that is not a string is a `TypeError` that names it.
    fn from(value: &JsValue) -> Result<Page, JsValue> {
        if value.is_undefined() || value.is_null() {
            return Ok(Page::default());
        }
        if !value.is_object() {
            return Err(js_sys::TypeError::new("page must be an object: { url, charset }").into());
        }
        let object = js_sys::Object::from(value.clone());
        let mut page = Page::default();
        for key in js_sys::Object::keys(&object).iter() {
            let key = key.as_string().unwrap_or_default();
            let field = js_sys::Reflect::get(&object, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
            let slot = match key.as_str() {
                "url" => &mut page.url,
                "charset" => &mut page.charset,
                _ => {
                    let message = format!("unknown page field `{key}` (expected url, charset)");
                    return Err(js_sys::TypeError::new(&message).into());
                }
            };
            *slot = match field.as_string() {
                Some(value) => Some(value),
                None if field.is_undefined() || field.is_null() => None,
                None => return Err(js_sys::TypeError::new(&format!("page field `{key}` must be a string")).into()),
            };
        }
        Ok(page)
    }
}

/// Cleans a page in one call: `{ html, title, report }`.
#[wasm_bindgen]
pub fn clean(html: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    init_panic_hook();
    let cleaner = Cleaner::new(options_from(options)?).map_err(error)?;
    clean_with(&cleaner, &html, &Page::default())
}

/// Plain text of HTML: the title, then a block per line.
#[wasm_bindgen(js_name = toText)]
pub fn to_text(html: JsValue) -> Result<String, JsValue> {
    init_panic_hook();
    let bytes = bytes_from(&html, "html")?;
    Ok(crate::to_text(&String::from_utf8_lossy(&bytes)))
}

/// GitHub-flavoured Markdown of HTML; with a title, an article's (see `to_markdown_with_title`).
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(html: JsValue, title: JsValue) -> Result<String, JsValue> {
    init_panic_hook();
    let bytes = bytes_from(&html, "html")?;
    let title = match title.as_string() {
        Some(title) => Some(title),
        None if title.is_undefined() || title.is_null() => None,
        None => return Err(js_sys::TypeError::new("title must be a string").into()),
    };
    Ok(crate::to_markdown_with_title(
        &String::from_utf8_lossy(&bytes),
        title.as_deref(),
    ))
}

/// Whether a page probably has an article for reader mode.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: JsValue) -> Result<bool, JsValue> {
    init_panic_hook();
    let bytes = bytes_from(&html, "html")?;
    Ok(crate::is_probably_readerable(&String::from_utf8_lossy(&bytes)))
}

/// A cleaner built once from options and reused.
#[wasm_bindgen(js_name = Cleaner)]
pub struct WasmCleaner {
    inner: Rc<Cleaner>,
}

#[wasm_bindgen(js_class = Cleaner)]
impl WasmCleaner {
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<WasmCleaner, JsValue> {
        init_panic_hook();
        let cleaner = Cleaner::new(options_from(options)?).map_err(error)?;
        Ok(WasmCleaner {
            inner: Rc::new(cleaner),
        })
    }

    /// Cleans a page: `{ html, title, report }`; `page` (`{ url, charset }`) is this page's,
    /// over the cleaner's options.
    pub fn clean(&self, html: JsValue, page: JsValue) -> Result<JsValue, JsValue> {
        clean_with(&self.inner, &html, &Page::from(&page)?)
    }

    /// What compiling `filterLists` kept and skipped (`undefined` without lists).
    #[wasm_bindgen(getter, js_name = filterReport)]
    pub fn filter_report(&self) -> Result<JsValue, JsValue> {
        match self.inner.filter_report() {
            Some(report) => to_js(report),
            None => Ok(JsValue::UNDEFINED),
        }
    }

    /// Starts a stream: `write(chunk)` and `end()` return the output produced so far.
    pub fn stream(&self) -> WasmStream {
        let output = Rc::new(RefCell::new(Vec::new()));
        let sink = output.clone();
        let stream = self
            .inner
            .stream(move |bytes: &[u8]| sink.borrow_mut().extend_from_slice(bytes));
        WasmStream {
            inner: Some(stream),
            output,
            report: None,
            _cleaner: self.inner.clone(),
        }
    }
}

/// A streaming run.
#[wasm_bindgen(js_name = CleanStream)]
pub struct WasmStream {
    inner: Option<CleanStream<'static>>,
    output: Rc<RefCell<Vec<u8>>>,
    report: Option<Report>,
    /// Keeps the cleaner alive for as long as the stream (JavaScript may free it first).
    _cleaner: Rc<Cleaner>,
}

#[wasm_bindgen(js_class = CleanStream)]
impl WasmStream {
    /// Feeds a chunk (string or `Uint8Array`); returns the cleaned bytes produced by it.
    pub fn write(&mut self, chunk: JsValue) -> Result<Vec<u8>, JsValue> {
        let input = Input::from(&chunk, "chunk")?;
        let stream = self.inner.as_mut().ok_or_else(|| error(Error::StreamFinished))?;
        let written = match input {
            Input::Text(text) => stream.write_text_owned(text),
            Input::Bytes(bytes) => stream.write(&bytes),
        };
        if let Err(e) = written {
            self.inner = None;
            return Err(error(e));
        }
        Ok(std::mem::take(&mut *self.output.borrow_mut()))
    }

    /// Ends the document; returns the last cleaned bytes. The report is then in `report`.
    pub fn end(&mut self) -> Result<Vec<u8>, JsValue> {
        let stream = self.inner.take().ok_or_else(|| error(Error::StreamFinished))?;
        self.report = Some(stream.end().map_err(error)?);
        Ok(std::mem::take(&mut *self.output.borrow_mut()))
    }

    /// The report, once the stream has ended (`undefined` before).
    #[wasm_bindgen(getter)]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        match &self.report {
            Some(report) => to_js(report),
            None => Ok(JsValue::UNDEFINED),
        }
    }
}

/// A string's UTF-16 code units, which the JavaScript wrapper writes straight into the module's
/// memory where that is faster than the glue's UTF-8 encoding (`js/node.mjs`). Any function that
/// takes a string takes this instead, and frees it.
#[wasm_bindgen]
pub struct Utf16Text {
    /// At least `length` units; those past it are left from an earlier text.
    buffer: Vec<u16>,
    length: usize,
}

thread_local! {
    /// The buffer of the last text, for the next: its units are written over it rather than
    /// into memory zeroed for the purpose.
    static SPARE_BUFFER: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

/// A buffer is kept for the next text up to this many units (16 MB).
const SPARE_LIMIT: usize = 8 << 20;

#[wasm_bindgen]
impl Utf16Text {
    /// Room for `length` code units.
    #[wasm_bindgen(constructor)]
    pub fn new(length: usize) -> Utf16Text {
        let mut buffer = SPARE_BUFFER.with(|spare| std::mem::take(&mut *spare.borrow_mut()));
        if buffer.len() < length {
            buffer = vec![0; length];
        }
        Utf16Text { buffer, length }
    }

    /// Where the units start in the module's memory (a byte offset).
    #[wasm_bindgen(getter)]
    pub fn offset(&self) -> usize {
        self.buffer.as_ptr() as usize
    }
}

impl Utf16Text {
    fn units(&self) -> &[u16] {
        &self.buffer[..self.length]
    }
}

impl Drop for Utf16Text {
    fn drop(&mut self) {
        if self.buffer.len() <= SPARE_LIMIT {
            let buffer = std::mem::take(&mut self.buffer);
            SPARE_BUFFER.with(|spare| *spare.borrow_mut() = buffer);
        }
    }
}
