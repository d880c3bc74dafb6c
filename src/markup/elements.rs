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
