"""The DataTrove benchmark of the Python package (issue 19), all in one process and one run:

1. the same pipeline — WarcReader → extractor → JsonlWriter — over a Common-Crawl-shaped WARC of
   the scrapinghub pages ×REPEAT, once with DataTrove's own Trafilatura() and once with
   stripwall's Stripwall(mode="reader"): documents per second of each and their ratio;
2. the extracted text of the 181 distinct pages of each run, scored with ../shared/eval/score.py;
3. threads: one Cleaner shared by 2 threads against 1 thread over the same pages.

usage: python bench_datatrove.py WARC_DIR SHARED_EVAL_DIR OUT_DIR DOCUMENTS_IN

Speed is documents in (the archive's HTML responses) per second of the whole pipeline: an
extractor may drop some (Trafilatura() deduplicates the repeated pages), which still cost it.
"""

import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

import stripwall
from stripwall.datatrove import Stripwall

warc_dir, shared, out_dir = sys.argv[1:4]
documents_in = int(sys.argv[4])


def pipeline(name, extractor):
    out = os.path.join(out_dir, name)
    start = time.perf_counter()
    LocalPipelineExecutor(
        pipeline=[WarcReader(warc_dir, glob_pattern="*.warc.gz"), extractor, JsonlWriter(out, compression=None)],
        tasks=1,
        workers=1,
        logging_dir=os.path.join(out_dir, name + "-logs"),
        skip_completed=False,
    ).run()
    seconds = time.perf_counter() - start
    docs = [json.loads(line) for f in sorted(os.listdir(out)) for line in open(os.path.join(out, f))]
    return docs, seconds


def score(name, docs):
    manifest = [json.loads(l) for l in open(os.path.join(shared, "scrapinghub", "manifest.jsonl"))]
    by_url = {m["url"]: m["id"] for m in manifest}
    pred = {by_url[d["metadata"]["url"]]: d["text"] for d in docs if d["metadata"]["url"] in by_url}
    path = os.path.join(out_dir, name + "-pred.json")
    json.dump(pred, open(path, "w"))
    result = subprocess.run(
        [sys.executable, os.path.join(shared, "score.py"), "--set", os.path.join(shared, "scrapinghub"), "--pred", path],
        capture_output=True, text=True, check=True,
    )
    return len(pred), result.stdout.strip().splitlines()[-1]


runs = {}
for name, extractor in (("stripwall", Stripwall(mode="reader")), ("trafilatura", Trafilatura())):
    docs, seconds = pipeline(name, extractor)
    runs[name] = (docs, seconds)
    print(f"{name}: {documents_in} documents in, {len(docs)} out, in {seconds:.1f} s: {documents_in / seconds:.1f} documents/s")
s_sec, t_sec = runs["stripwall"][1], runs["trafilatura"][1]
print(f"documents/s, Stripwall(mode='reader') against Trafilatura(): {t_sec / s_sec:.1f}x")
for name, (docs, _) in runs.items():
    pages, line = score(name, docs)
    print(f"{name}, {pages} distinct pages: {line}")

# Threads: one Cleaner shared, the GIL released while cleaning.
html = []
for m in (json.loads(l) for l in open(os.path.join(shared, "scrapinghub", "manifest.jsonl"))):
    import gzip

    path = os.path.join(shared, "scrapinghub", m["html"])
    html.append((gzip.open if path.endswith(".gz") else open)(path, "rb").read())
pages = html * 8
cleaner = stripwall.Cleaner(mode="reader")


def clean_all(threads):
    start = time.perf_counter()
    if threads == 1:
        for page in pages:
            cleaner.clean(page)
    else:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(cleaner.clean, pages, chunksize=16))
    return time.perf_counter() - start


best = {1: float("inf"), 2: float("inf")}
for _ in range(3):
    for threads in (1, 2):
        best[threads] = min(best[threads], clean_all(threads))
print(
    f"threads: {len(pages)} pages, 1 thread {best[1]:.2f} s, 2 threads {best[2]:.2f} s "
    f"(best of 3 each): {best[1] / best[2]:.2f}x"
)
