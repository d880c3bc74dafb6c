//! The Python bindings (the wheel's native module `stripwall._stripwall`): options, inputs,
//! results and errors cross the boundary here; every rule lives in the core crate. The Python
//! package around it (`python/stripwall/`) adds the DataTrove extractor and the type stubs.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyList, PyString};
use serde_json::Value;
use stripwall::{Options, PageSource, Report};

/// The options Python passes, as keyword arguments: their names in Python and in the core's
/// serde form, and what each takes.
const OPTIONS: &[(&str, &str, Kind)] = &[
    ("mode", "mode", Kind::Str),
    ("preset", "preset", Kind::Str),
    ("keep", "keep", Kind::StrList),
    ("keep_attributes", "keepAttributes", Kind::StrList),
    ("remove_selectors", "removeSelectors", Kind::StrList),
    ("keep_selectors", "keepSelectors", Kind::StrList),
    ("explain", "explain", Kind::Bool),
    ("url", "url", Kind::OptStr),
    ("charset", "charset", Kind::OptStr),
    ("filter_lists", "filterLists", Kind::StrList),
    ("memory_limit", "memoryLimit", Kind::Int),
    ("on_memory_limit", "onMemoryLimit", Kind::Str),
];

#[derive(Clone, Copy)]
enum Kind {
    Str,
    OptStr,
    StrList,
    Bool,
    Int,
}

impl Kind {
    fn expected(self) -> &'static str {
        match self {
            Kind::Str => "a str",
            Kind::OptStr => "a str or None",
            Kind::StrList => "a list or tuple of str",
            Kind::Bool => "a bool",
            Kind::Int => "an int",
        }
    }
}

/// Options from keyword arguments: an unknown name is a `TypeError` naming it, a value of the
/// wrong type a `TypeError`, a value the option does not take a `ValueError`.
fn options_from(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Options> {
    let mut object = serde_json::Map::new();
    let Some(kwargs) = kwargs else {
        return Ok(Options::default());
    };
    let mut unknown = Vec::new();
    for (key, value) in kwargs.iter() {
        let key: String = key.extract()?;
        let Some(&(_, serde_name, kind)) = OPTIONS.iter().find(|(name, _, _)| *name == key) else {
            unknown.push(key);
            continue;
        };
        let json = to_json(&value, kind)
            .ok_or_else(|| PyTypeError::new_err(format!("option `{key}` must be {}", kind.expected())))?;
        // One key at a time, so that a bad value is named.
        let single = Value::Object([(serde_name.to_string(), json.clone())].into_iter().collect());
        serde_json::from_value::<Options>(single)
            .map_err(|e| PyValueError::new_err(format!("invalid option `{key}`: {e}")))?;
        object.insert(serde_name.to_string(), json);
    }
    if !unknown.is_empty() {
        let known: Vec<&str> = OPTIONS.iter().map(|(name, _, _)| *name).collect();
        return Err(PyTypeError::new_err(format!(
            "unknown option{} {} (expected one of: {})",
            if unknown.len() > 1 { "s" } else { "" },
            unknown.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "),
            known.join(", ")
        )));
    }
    serde_json::from_value(Value::Object(object)).map_err(|e| PyValueError::new_err(format!("invalid options: {e}")))
}

/// A Python value as the JSON the option takes, or `None` for the wrong type.
fn to_json(value: &Bound<'_, PyAny>, kind: Kind) -> Option<Value> {
    match kind {
        Kind::Str => value.extract::<String>().ok().map(Value::String),
        Kind::OptStr if value.is_none() => Some(Value::Null),
        Kind::OptStr => value.extract::<String>().ok().map(Value::String),
        Kind::Bool => value.cast::<PyBool>().ok().map(|b| Value::Bool(b.is_true())),
        Kind::Int if value.is_instance_of::<PyBool>() => None,
        Kind::Int => value.extract::<u64>().ok().map(Value::from),
        // A str is a sequence of characters: `keep="comments"` is a mistake, not a list.
        Kind::StrList if value.is_instance_of::<PyString>() => None,
        Kind::StrList => value.extract::<Vec<String>>().ok().map(Value::from),
    }
}

/// HTML from Python: text (`str`, decoded already) or bytes (any encoding, detected as the CLI does).
enum Html {
    Text(String),
    Bytes(Vec<u8>),
}

fn html_from(value: &Bound<'_, PyAny>) -> PyResult<Html> {
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Html::Text(text.to_cow()?.into_owned()));
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(Html::Bytes(bytes.as_bytes().to_vec()));
    }
    if let Ok(bytes) = value.extract::<Vec<u8>>() {
        if !value.is_instance_of::<PyList>() {
            return Ok(Html::Bytes(bytes));
        }
    }
    Err(PyTypeError::new_err(format!(
        "html must be str or bytes, not {}",
        value.get_type().name()?
    )))
}

/// Cleans with `cleaner`, without the GIL: other Python threads run meanwhile.
fn clean_with(
    py: Python<'_>,
    cleaner: &stripwall::Cleaner,
    html: Html,
    url: Option<String>,
    charset: Option<String>,
    text_only: bool,
) -> PyResult<Cleaned> {
    let source = url.clone();
    let result = py.detach(move || {
        let page = PageSource {
            url: url.as_deref(),
            charset: charset.as_deref(),
        };
        match (html, text_only) {
            (Html::Text(text), false) => cleaner
                .clean_str_page(page, &text)
                .map(|c| (Content::Html(c.html), c.report)),
            (Html::Bytes(bytes), false) => cleaner.clean_bytes_page(page, &bytes).map(|(html, report)| {
                let html =
                    String::from_utf8(html).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
                (Content::Html(html), report)
            }),
            (Html::Text(text), true) => cleaner
                .clean_str_to_text(page, &text)
                .map(|(text, report)| (Content::Text(text), report)),
            (Html::Bytes(bytes), true) => cleaner
                .clean_to_text(page, &bytes)
                .map(|(text, report)| (Content::Text(text), report)),
        }
    });
    let (content, report) = result.map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(Cleaned {
        content,
        report,
        url: source.or_else(|| cleaner.options().url.clone()),
    })
}

/// What a page was cleaned into: its HTML, or its text alone (`text_only=True`).
enum Content {
    Html(String),
    Text(String),
}

/// A cleaner, built once from options and used for any number of pages, from any number of
/// threads at once.
#[pyclass(frozen, module = "stripwall")]
struct Cleaner {
    inner: stripwall::Cleaner,
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (**options))]
    fn new(options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let options = options_from(options)?;
        let inner = stripwall::Cleaner::new(options).map_err(|e| PyValueError::new_err(e.to_string()))?;
        Ok(Cleaner { inner })
    }

    /// Cleans one page; `url` and `charset` (the server's declared encoding, for bytes) are
    /// this page's, over the cleaner's options. `text_only=True` keeps the text, title,
    /// metadata and report but no HTML or Markdown, for less work in reader mode (a corpus run).
    #[pyo3(signature = (html, *, url = None, charset = None, text_only = false))]
    fn clean(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<String>,
        charset: Option<String>,
        text_only: bool,
    ) -> PyResult<Cleaned> {
        let html = html_from(html)?;
        clean_with(py, &self.inner, html, url, charset, text_only)
    }

    /// The options that differ from the defaults, as they were given:
    /// `Cleaner(mode="reader", keep=["comments"])`. (Filter lists are counted, not shown.)
    fn __repr__(&self) -> String {
        let given = serde_json::to_value(self.inner.options()).unwrap_or_default();
        let default = serde_json::to_value(Options::default()).unwrap_or_default();
        let shown: Vec<String> = OPTIONS
            .iter()
            .filter_map(|(python, serde, _)| {
                let value = given.get(serde)?;
                if default.get(serde) == Some(value) {
                    return None;
                }
                let shown = match value {
                    serde_json::Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
                    serde_json::Value::Array(items) if *python == "filter_lists" => {
                        format!("[<{} lists>]", items.len())
                    }
                    other => other.to_string(),
                };
                Some(format!("{python}={shown}"))
            })
            .collect();
        format!("Cleaner({})", shown.join(", "))
    }
}

/// Cleans one page with options given as keyword arguments (a `Cleaner` is built for the call:
/// build one yourself to clean many pages).
#[pyfunction]
#[pyo3(signature = (html, **options))]
fn clean(py: Python<'_>, html: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Cleaned> {
    let html = html_from(html)?;
    let cleaner = Cleaner::new(options)?;
    clean_with(py, &cleaner.inner, html, None, None, false)
}

/// The result of cleaning a page.
#[pyclass(frozen, module = "stripwall")]
struct Cleaned {
    content: Content,
    report: Report,
    /// The page's address, as the caller gave it.
    url: Option<String>,
}

#[pymethods]
impl Cleaned {
    /// The cleaned page (stream mode) or article (reader mode), as HTML.
    #[getter]
    fn html(&self) -> PyResult<&str> {
        self.html_or_error("html")
    }

    /// The text: a block per line.
    #[getter]
    fn text(&self, py: Python<'_>) -> String {
        match &self.content {
            Content::Html(html) => py.detach(|| stripwall::to_text(html)),
            Content::Text(text) => text.clone(),
        }
    }

    /// GitHub-flavoured Markdown; in reader mode the article's title comes first, as a heading.
    #[getter]
    fn markdown(&self, py: Python<'_>) -> PyResult<String> {
        let html = self.html_or_error("markdown")?;
        let title = self.report.article_title();
        Ok(py.detach(|| stripwall::to_markdown_with_title(html, title)))
    }

    /// YAML front matter for a Markdown file (title, source, authors, published date,
    /// description), as Obsidian Web Clipper writes it: `cleaned.front_matter + cleaned.markdown`.
    #[getter]
    fn front_matter(&self) -> String {
        stripwall::front_matter(&self.report, self.url.as_deref())
    }

    /// The headline (reader mode), else the page's `<title>`.
    #[getter]
    fn title(&self) -> Option<String> {
        self.report.headline().map(str::to_string)
    }

    /// Reader mode's metadata (title, byline, authors, published, …) as a dict; `None` in stream mode.
    #[getter]
    fn metadata<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.report.metadata).unwrap_or(Value::Null);
        to_python(py, &value)
    }

    /// The kind of page: article, forum, product, listing, documentation or other.
    #[getter]
    fn page_kind(&self) -> String {
        self.report.page_kind.name().to_string()
    }

    /// What was removed and why, as a dict (keys in snake_case).
    #[getter]
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.report).unwrap_or(Value::Null);
        to_python(py, &value)
    }

    /// Warnings: an output without text from a page that had some, a page passed through.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.report.warnings.clone()
    }

    fn __repr__(&self) -> String {
        let (name, kept) = match &self.content {
            Content::Html(html) => ("html", html),
            Content::Text(text) => ("text", text),
        };
        format!(
            "Cleaned(title={}, page_kind={:?}, {name}=<{} chars>)",
            self.title().map_or_else(|| "None".to_string(), |t| format!("{t:?}")),
            self.page_kind(),
            kept.chars().count()
        )
    }
}

impl Cleaned {
    /// The HTML, or a `ValueError` that says why there is none.
    fn html_or_error(&self, asked: &str) -> PyResult<&str> {
        match &self.content {
            Content::Html(html) => Ok(html),
            Content::Text(_) => Err(PyValueError::new_err(format!(
                "no {asked}: the page was cleaned with text_only=True, which keeps its text, title, metadata and report"
            ))),
        }
    }
}

/// JSON as plain Python objects, with keys in snake_case.
fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(0.0).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(snake_case(key), to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// `bytesIn` → `bytes_in`; category names (`non-content`) stay as they are.
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The native module.
#[pymodule]
fn _stripwall(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Cleaner>()?;
    m.add_class::<Cleaned>()?;
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
