"""The Python binding as a library user meets it: both modes, str and bytes, options, errors,
and threads sharing one Cleaner."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import stripwall

PAGE = """<html><head><title>Port reopens | Harbour News</title>
<meta name="author" content="Ana Costa">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Port reopens",
 "datePublished": "2026-03-02T08:00:00Z", "author": {"@type": "Person", "name": "Ana Costa"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="cookie-banner"><p>We use cookies. <button>Accept</button></p></div>
<article><h1>Port reopens</h1>
<p>The port reopened on Friday after two years of repairs to the harbour wall and the quays.</p>
<p>Ferries to the islands will run twice a day from Monday, the harbour master said.</p>
<section class="comments"><h2>Comments</h2><p>Great news for the island!</p></section>
</article>
<footer>© 2026 Harbour News. All rights reserved.</footer>
</body></html>"""


def test_stream_mode_keeps_the_page_without_its_boilerplate():
    cleaned = stripwall.clean(PAGE)
    assert "The port reopened on Friday" in cleaned.text
    assert "<article>" in cleaned.html
    for gone in ("Home", "We use cookies", "All rights reserved", "Great news for the island"):
        assert gone not in cleaned.text
    assert cleaned.metadata is None
    assert cleaned.page_kind == "article"
    removed = cleaned.report["removed"]
    assert removed["consent"]["elements"] == 1 and "navigation" in removed
    assert cleaned.report["bytes_in"] == len(PAGE.encode())


def test_reader_mode_gives_the_article_and_its_metadata():
    cleaned = stripwall.Cleaner(mode="reader").clean(PAGE, url="https://news.example/port")
    assert cleaned.title == "Port reopens"
    assert cleaned.metadata["authors"] == ["Ana Costa"]
    assert cleaned.metadata["published"].startswith("2026-03-02")
    assert "Ferries to the islands" in cleaned.text
    assert "Ferries to the islands" in cleaned.markdown
    # The Markdown starts with the article's title; the text is the article alone.
    assert cleaned.markdown.startswith("# Port reopens\n\n")
    assert not cleaned.text.startswith("Port reopens")
    assert "Home" not in cleaned.text


@pytest.mark.parametrize("mode", ["stream", "reader"])
@pytest.mark.parametrize("page", [PAGE, PAGE.encode()])
def test_text_only_gives_the_same_text_and_metadata_without_html(mode, page):
    cleaner = stripwall.Cleaner(mode=mode)
    full = cleaner.clean(page, url="https://news.example/port")
    lean = cleaner.clean(page, url="https://news.example/port", text_only=True)
    assert lean.text == full.text and "Ferries to the islands" in lean.text
    assert (lean.title, lean.metadata, lean.page_kind) == (full.title, full.metadata, full.page_kind)
    for missing in ("html", "markdown"):
        with pytest.raises(ValueError, match="text_only=True"):
            getattr(lean, missing)
    assert "text=<" in repr(lean)


def test_front_matter_heads_a_markdown_file():
    cleaned = stripwall.Cleaner(mode="reader").clean(PAGE, url="https://news.example/port")
    yaml = cleaned.front_matter
    assert yaml.startswith('---\ntitle: "Port reopens"\nsource: "https://news.example/port"\n')
    assert '  - "Ana Costa"' in yaml and 'published: "2026-03-02"' in yaml
    assert yaml.endswith("---\n\n")


def test_bytes_are_decoded_as_declared_or_detected():
    latin1 = PAGE.replace("repairs", "réparations").encode("latin-1")
    assert "réparations" in stripwall.clean(latin1, charset="iso-8859-1").text
    cleaner = stripwall.Cleaner()
    assert "réparations" in cleaner.clean(latin1, charset="windows-1252").text
    # Without a declaration the encoding is detected.
    detected = cleaner.clean(latin1)
    assert "réparations" in detected.text
    assert detected.report["encoding"] == "windows-1252"
    assert stripwall.clean(PAGE.encode()).text == stripwall.clean(PAGE).text


def test_options_change_what_is_kept():
    kept = stripwall.clean(PAGE, keep=["comments"], remove_selectors=["h1"])
    assert "Great news for the island" in kept.text
    assert "<h1>" not in kept.html
    explained = stripwall.clean(PAGE, explain=True)
    assert any(r["category"] == "consent" for r in explained.report["removals"])


def test_unknown_options_are_type_errors_that_name_them():
    with pytest.raises(TypeError, match="unknown option `kep`"):
        stripwall.clean(PAGE, kep=["comments"])
    with pytest.raises(TypeError, match="unknown options `a`, `b`"):
        stripwall.Cleaner(a=1, b=2)
    with pytest.raises(TypeError, match="option `keep` must be a list or tuple of str"):
        stripwall.clean(PAGE, keep="comments")
    with pytest.raises(TypeError, match="option `memory_limit` must be an int"):
        stripwall.Cleaner(memory_limit="big")
    with pytest.raises(TypeError, match="html must be str or bytes, not int"):
        stripwall.clean(42)


def test_bad_values_are_value_errors():
    with pytest.raises(ValueError, match="invalid option `mode`"):
        stripwall.Cleaner(mode="fast")
    with pytest.raises(ValueError, match="invalid option `keep`"):
        stripwall.Cleaner(keep=["everything"])
    with pytest.raises(ValueError, match="charset"):
        stripwall.Cleaner(charset="no-such-encoding")
    with pytest.raises(ValueError, match="selector"):
        stripwall.Cleaner(remove_selectors=["p[["])


def test_an_empty_result_from_a_page_with_text_warns():
    cleaned = stripwall.clean("<nav><a href='/'>Home</a> <a href='/a'>About us</a></nav>")
    assert cleaned.text.strip() == ""
    assert any("no text" in w for w in cleaned.warnings)


def test_threads_sharing_a_cleaner_give_what_one_thread_gives():
    cleaner = stripwall.Cleaner(mode="reader")
    pages = [PAGE.replace("Friday", f"day {i}") * (1 + i % 3) for i in range(64)]
    alone = [cleaner.clean(p).text for p in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda p: cleaner.clean(p).text, pages))
    assert together == alone


def test_the_gil_is_released_while_cleaning():
    # Another Python thread runs while a large page is being cleaned: it records times that
    # fall well inside the call. (Were the GIL held, it could only run before or after.)
    import time

    big = PAGE.replace("<p>The port", "<p>Filler sentence of the article body.</p>" * 200000 + "<p>The port")
    times = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            times.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    time.sleep(0.01)
    start = time.perf_counter()
    stripwall.clean(big)
    end = time.perf_counter()
    done.set()
    ticker.join()
    margin = (end - start) / 4
    inside = [t for t in times if start + margin < t < end - margin]
    assert end - start > 0.02, "the page is too small to tell"
    assert len(inside) >= 3, (len(inside), end - start)


def test_the_readme_spark_function_skips_missing_pages():
    """The README's Spark `pandas_udf`, run on a pandas Series as Spark hands it over: a
    missing page is None or NaN (pandas 3), and gives None, not an error."""
    import pathlib
    import re
    import types

    pd = pytest.importorskip("pandas")
    readme = (pathlib.Path(__file__).parents[2] / "README.md").read_text()
    code = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "pandas_udf" in b)
    code = code.replace("from pyspark.sql.functions import pandas_udf", "")
    code = "\n".join(line for line in code.splitlines() if not line.startswith("df."))
    scope = {"pandas_udf": lambda _type: lambda f: f, "types": types}
    exec(code, scope)
    pages = pd.Series([PAGE, None, float("nan"), PAGE.encode()])
    texts = scope["main_text"](pages)
    assert "Ferries to the islands" in texts[0] and "Ferries to the islands" in texts[3]
    assert pd.isna(texts[1]) and pd.isna(texts[2])


def test_reprs_say_what_was_given():
    assert repr(stripwall.Cleaner()) == "Cleaner()"
    assert repr(stripwall.Cleaner(mode="reader", keep=["comments"])) == 'Cleaner(mode="reader", keep=["comments"])'
    assert repr(stripwall.clean("<p>No title here.</p>")).startswith("Cleaned(title=None, ")
    assert repr(stripwall.clean(PAGE)).startswith('Cleaned(title="Port reopens | Harbour News", ')
