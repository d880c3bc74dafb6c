#!/usr/bin/env node
// Per-page median time of clean() (stream and reader mode, the npm package in Node) against Readability.js
// on jsdom (what Firefox Reader View runs), on the same pages in the same process.
//
// Pages: the scrapinghub evaluation set in ../shared/eval/scrapinghub/html, or a directory of
// .html/.html.gz files named by STRIPWALL_BENCH_PAGES. Without them the benchmark says so and
// exits 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { clean, Cleaner } from '../js/node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.env.STRIPWALL_BENCH_PAGES ?? join(root, '../shared/eval/scrapinghub/html');
if (!existsSync(dir)) {
  console.log(`bench: no pages at ${dir} (set STRIPWALL_BENCH_PAGES to a directory of .html or .html.gz files); skipped`);
  process.exit(0);
}
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.html') || f.endsWith('.html.gz'))
  .sort()
  .map((f) => {
    const bytes = readFileSync(join(dir, f));
    return new TextDecoder().decode(f.endsWith('.gz') ? gunzipSync(bytes) : bytes);
  });
const limit = Number(process.env.STRIPWALL_BENCH_LIMIT ?? pages.length);
const set = pages.slice(0, limit);

const { JSDOM, VirtualConsole } = await import('jsdom');
const { Readability } = await import('@mozilla/readability');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Per page, the best of `rounds` timings of `f(page)`, in ms. */
function perPage(f, rounds) {
  return set.map((page) => {
    let best = Infinity;
    for (let i = 0; i < rounds; i++) {
      const t = performance.now();
      f(page);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  });
}

const quiet = new VirtualConsole();
const readability = (page) => {
  const dom = new JSDOM(page, { url: 'https://example.com/article', virtualConsole: quiet });
  new Readability(dom.window.document).parse();
  dom.window.close();
};
const cleaner = new Cleaner();

// Warm up both, then measure.
for (const page of set.slice(0, 5)) {
  clean(page);
  readability(page);
}
const oneShot = perPage((page) => clean(page), 5);
const reused = perPage((page) => cleaner.clean(page), 5);
// Reader mode with what a reader view shows: the article's HTML and its metadata.
const readerMode = perPage((page) => clean(page, { mode: 'reader' }), 5);
const reader = perPage(readability, 1);

const [a, b, m, r] = [median(oneShot), median(reused), median(readerMode), median(reader)];
const mb = set.reduce((n, p) => n + p.length, 0) / 1e6;
// Both sides slow down when the machine is shared, Readability.js the more: the load says how
// busy it was.
const load = loadavg().map((l) => l.toFixed(2)).join(', ');
console.log(`${set.length} pages (${mb.toFixed(1)} MB), load average ${load} on ${cpus().length} cores, per-page median:`);
console.log(`  stripwall clean() (stream mode, wasm):   ${a.toFixed(3)} ms`);
console.log(`  stripwall Cleaner.clean() (reused):      ${b.toFixed(3)} ms`);
console.log(`  stripwall clean() (reader mode, wasm):   ${m.toFixed(3)} ms`);
console.log(`  Readability.js on jsdom:                 ${r.toFixed(3)} ms`);
console.log(`stream mode is ${(r / a).toFixed(0)}x faster than Readability.js (${(r / b).toFixed(0)}x with a reused Cleaner)`);
console.log(`reader mode is ${(r / m).toFixed(0)}x faster than Readability.js`);
