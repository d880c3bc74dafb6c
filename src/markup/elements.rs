//! What HTML's parsing rules say about element names, for the passes that follow the tree
//! without building it.

/// Start tags that close an open `<p>` (HTML's "close a p element" rule).
pub(crate) fn closes_paragraph(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "aside"
            | "nav"
            | "header"
            | "footer"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "li"
            | "dd"
            | "dt"
            | "pre"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "table"
            | "form"
            | "fieldset"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "menu"
            | "center"
            | "hgroup"
            | "listing"
            | "xmp"
            | "plaintext"
            | "dialog"
            | "search"
    )
}

/// Elements that may stand in the `<head>`: any other start tag ends the head, as HTML's "in
/// head" insertion mode does, whether or not `</head>` and `<body>` were written.
pub(crate) fn stays_in_head(tag: &str) -> bool {
    matches!(
        tag,
        "head"
            | "title"
            | "meta"
            | "link"
            | "base"
            | "basefont"
            | "bgsound"
            | "style"
            | "script"
            | "noscript"
            | "template"
            | "noframes"
    )
}

/// Whether the parser is in the `<head>`: from `<head>` to `</head>`, or to the first start tag or
/// text that cannot stand in it (both `</head>` and `<body>` may be left out). The text and
/// Markdown writers skip what is in it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct HeadScope {
    inside: bool,
}

impl HeadScope {
    /// A start tag: `<head>` opens the head, a tag that cannot stand in it closes it.
    pub fn start_tag(&mut self, tag: &str) {
        if tag == "head" {
            self.inside = true;
        } else if self.inside && !stays_in_head(tag) {
            self.inside = false;
        }
    }

    /// `</head>`.
    pub fn end(&mut self) {
        self.inside = false;
    }

    /// Whether `text` is in the head (whitespace there is); any other text starts the body.
    pub fn holds_text(&mut self, text: &str) -> bool {
        if self.inside && text.trim().is_empty() {
            return true;
        }
        self.inside = false;
        false
    }
}
