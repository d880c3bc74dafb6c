"""A DataTrove extractor: ``Stripwall()`` where a pipeline has ``Trafilatura()``.

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.readers import WarcReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from stripwall.datatrove import Stripwall
>>> LocalPipelineExecutor(pipeline=[
...     WarcReader("crawl/", glob_pattern="*.warc.gz"),
...     Stripwall(mode="reader"),                  # or format="markdown", keep=["comments"], …
...     JsonlWriter("out/"),
... ], tasks=4).run()                              # doctest: +SKIP

Each document's text becomes the page's content (reader mode: the main content; stream mode:
the page without its boilerplate), and its metadata gains ``title``, ``author``, ``published``
and ``page_kind`` where the page states them. DataTrove is only needed for this module
(``pip install stripwall[datatrove]``).
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from ._stripwall import Cleaned, Cleaner


class Stripwall(BaseExtractor):
    """Extracts a page's content with stripwall.

    Args:
        mode: ``"reader"`` (the main content, with metadata; the default) or ``"stream"``
            (the whole page without its boilerplate).
        format: ``"text"`` (a block per line) or ``"markdown"``.
        timeout: kept for DataTrove's interface; stripwall runs in the pipeline's own process
            (it neither hangs nor crashes on any input, so no sandbox process is needed).
        **options: any option of ``stripwall.Cleaner`` (``keep``, ``preset``, ``remove_selectors`` …).
    """

    name = "⛏ Stripwall"

    def __init__(
        self,
        mode: Literal["reader", "stream"] = "reader",
        format: Literal["text", "markdown"] = "text",
        timeout: float = 1.0,
        **options: Any,
    ) -> None:
        super().__init__(timeout)
        if format not in ("text", "markdown"):
            raise ValueError(f"format must be 'text' or 'markdown', not {format!r}")
        # Built now so that bad options fail here, and again in each worker: a Cleaner is
        # native and does not travel between processes.
        Cleaner(mode=mode, **options)
        self.mode = mode
        self.format = format
        self.options = options
        self._cleaner: Optional[Cleaner] = None

    def __getstate__(self) -> dict:
        state = self.__dict__.copy()
        state["_cleaner"] = None
        return state

    @property
    def cleaner(self) -> Cleaner:
        if self._cleaner is None:
            self._cleaner = Cleaner(mode=self.mode, **self.options)
        return self._cleaner

    @property
    def _text_only(self) -> bool:
        # Text needs no HTML: the cleaner then skips the work HTML takes.
        return self.format != "markdown"

    def _content(self, cleaned: Cleaned) -> str:
        return cleaned.markdown if self.format == "markdown" else cleaned.text

    def extract(self, text: str) -> str:
        """The content of the page ``text`` (HTML), as text or Markdown."""
        return self._content(self.cleaner.clean(text, text_only=self._text_only))

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        cleaner = self.cleaner
        warned = False
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                try:
                    cleaned = cleaner.clean(doc.text, url=doc.metadata.get("url"), text_only=self._text_only)
                except Exception as error:  # a page that cannot be cleaned is counted and dropped
                    self.stat_update("clean_error")
                    if not warned:
                        logger.warning(f'❌ Error "{error}" while cleaning a document. This message appears once.')
                        warned = True
                    continue
                doc.text = self._content(cleaned)
                add_metadata(doc.metadata, cleaned)
                self.stat_update("extracted")
            if doc.text.strip():
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc
            else:
                self.stat_update(StatHints.dropped)


def add_metadata(metadata: dict, cleaned: Cleaned) -> None:
    """Adds the page's title, author, publication date and kind to a document's metadata."""
    meta = cleaned.metadata or {}
    author = ", ".join(meta.get("authors") or []) or meta.get("byline")
    for key, value in (
        ("title", cleaned.title),
        ("author", author),
        ("published", meta.get("published")),
        ("page_kind", cleaned.page_kind),
    ):
        if value:
            metadata[key] = value
