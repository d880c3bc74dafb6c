"""A real DataTrove pipeline: WarcReader on a WARC written here → Stripwall() → JsonlWriter."""

import gzip
import io
import json
import os

import pytest

warcio = pytest.importorskip("warcio")
pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import WarcReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from stripwall.datatrove import Stripwall  # noqa: E402


def page(title, body, author):
    return f"""<html><head><title>{title} | Example News</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",
 "datePublished": "2026-05-0{len(title) % 9 + 1}T10:00:00Z", "author": {{"@type": "Person", "name": "{author}"}}}}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p>{body}</p><p>{body} It was confirmed by officials on the same day.</p>
<ul><li>First point of the story</li><li>Second point of the story</li></ul></article>
<div class="newsletter-signup"><p>Sign up for our newsletter</p></div>
<footer>© 2026 Example News. All rights reserved.</footer></body></html>"""


PAGES = [
    ("Bridge reopens", "The harbour bridge reopened after two years of repairs.", "Ana Costa"),
    ("Library saved", "The council voted to keep the old library open.", "Ben Okafor"),
    ("Ferry goes electric", "The new ferry crosses the bay on batteries alone.", "Chen Wei"),
]


def write_warc(path):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (title, body, author) in enumerate(PAGES):
            html = page(title, body, author).encode()
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example/{i}", "response", payload=io.BytesIO(html), http_headers=headers
            )
            record.rec_headers.add_header("WARC-Identified-Payload-Type", "text/html")
            writer.write_record(record)
        # A record that is not a page: the reader leaves it out.
        writer.write_record(writer.create_warc_record("https://news.example/robots", "metadata", payload=io.BytesIO(b"x: y\r\n")))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_a_local_pipeline_extracts_each_page_with_its_metadata(tmp_path, fmt):
    warcs = tmp_path / "warcs"
    warcs.mkdir()
    write_warc(warcs / "crawl.warc.gz")
    out = tmp_path / "out"
    LocalPipelineExecutor(
        pipeline=[
            WarcReader(str(warcs), glob_pattern="*.warc.gz"),
            Stripwall(mode="reader", format=fmt),
            JsonlWriter(str(out), compression=None),
        ],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    docs = [json.loads(line) for f in sorted(os.listdir(out)) for line in open(out / f)]
    assert len(docs) == len(PAGES)
    by_title = {d["metadata"]["title"]: d for d in docs}
    for title, body, author in PAGES:
        doc = by_title[title]
        assert body in doc["text"]
        for gone in ("Home", "newsletter", "All rights reserved"):
            assert gone not in doc["text"]
        assert doc["metadata"]["author"] == author
        assert doc["metadata"]["published"].startswith("2026-05-0")
        assert doc["metadata"]["page_kind"] == "article"
        assert doc["metadata"]["url"].startswith("https://news.example/")
        marker = "- First point of the story"
        assert (marker in doc["text"]) == (fmt == "markdown"), doc["text"]


def test_bad_options_fail_when_the_pipeline_is_built():
    with pytest.raises(TypeError, match="unknown option"):
        Stripwall(kepp=["comments"])
    with pytest.raises(ValueError, match="format"):
        Stripwall(format="html")


def test_the_extractor_alone_extracts_a_page():
    text = Stripwall().extract(page(*PAGES[0]))
    assert "The harbour bridge reopened" in text and "Home" not in text
