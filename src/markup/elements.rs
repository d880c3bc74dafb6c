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
