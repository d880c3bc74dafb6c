from typing import Any, Literal, Optional, Sequence, Union

Mode = Literal["stream", "reader"]
Preset = Literal["precision", "balanced", "recall"]
OnMemoryLimit = Literal["error", "pass-through"]
Category = Literal[
    "paywall", "consent", "newsletter", "navigation", "sidebar", "share", "related",
    "comments", "ads", "footer", "hidden", "non-content", "filter-list", "custom",
]
PageKind = Literal["article", "forum", "product", "listing", "documentation", "other"]

__version__: str

class Cleaned:
    """The result of cleaning a page."""
    @property
    def html(self) -> str:
        """Raises ValueError when the page was cleaned with ``text_only=True``."""
    @property
    def text(self) -> str: ...
    @property
    def markdown(self) -> str:
        """Raises ValueError when the page was cleaned with ``text_only=True``."""
    @property
    def front_matter(self) -> str:
        """YAML front matter (title, source, author, published, description) for a Markdown file."""
    @property
    def title(self) -> Optional[str]: ...
    @property
    def metadata(self) -> Optional[dict[str, Any]]:
        """Reader mode: title, byline, authors, published, modified, site_name, lang, dir,
        excerpt, canonical_url, image. None in stream mode."""
    @property
    def page_kind(self) -> PageKind: ...
    @property
    def report(self) -> dict[str, Any]:
        """title, removed ({category: {elements, bytes}}), removals, warnings, bytes_in,
        bytes_out, encoding, encoding_from, page_kind, metadata, reader."""
    @property
    def warnings(self) -> list[str]: ...

class Cleaner:
    """Options built once; safe to share between threads (the GIL is released while cleaning)."""
    def __init__(
        self,
        *,
        mode: Mode = "stream",
        preset: Preset = "balanced",
        keep: Sequence[Category] = (),
        keep_attributes: Sequence[str] = (),
        remove_selectors: Sequence[str] = (),
        keep_selectors: Sequence[str] = (),
        explain: bool = False,
        url: Optional[str] = None,
        charset: Optional[str] = None,
        filter_lists: Sequence[str] = (),
        memory_limit: int = ...,
        on_memory_limit: OnMemoryLimit = "error",
    ) -> None: ...
    def clean(
        self,
        html: Union[str, bytes],
        *,
        url: Optional[str] = None,
        charset: Optional[str] = None,
        text_only: bool = False,
    ) -> Cleaned:
        """Cleans one page. ``text_only=True`` keeps the text, title, metadata and report but no
        HTML or Markdown: less work in reader mode, for corpus runs."""

def clean(
    html: Union[str, bytes],
    *,
    mode: Mode = "stream",
    preset: Preset = "balanced",
    keep: Sequence[Category] = (),
    keep_attributes: Sequence[str] = (),
    remove_selectors: Sequence[str] = (),
    keep_selectors: Sequence[str] = (),
    explain: bool = False,
    url: Optional[str] = None,
    charset: Optional[str] = None,
    filter_lists: Sequence[str] = (),
    memory_limit: int = ...,
    on_memory_limit: OnMemoryLimit = "error",
) -> Cleaned: ...
