// The JavaScript API: results, streaming under random splits, TransformStream, errors and misuse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { clean, toText, toMarkdown, isProbablyReaderable, Cleaner, cleanerStream, init } from '../../js/node.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = readdirSync(`${root}tests/fixtures`)
  .filter((f) => f.endsWith('.html'))
  .map((f) => ({ name: f, html: readFileSync(`${root}tests/fixtures/${f}`) }));
const decode = (chunks) => new TextDecoder().decode(Buffer.concat(chunks.map((c) => Buffer.from(c))));

// A small deterministic generator, so that a failing split can be reproduced.
function random(seed) {
  let s = seed >>> 0;
  return (n) => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s % n;
  };
}

test('clean() returns html, text, title and a report', () => {
  const r = clean('<title>T</title><nav>menu</nav><p>Story</p><p>Subscribe now</p>', { explain: true });
  assert.equal(r.html, '<title>T</title><p>Story</p>');
  assert.equal(r.text, 'T\n\nStory\n');
  assert.equal(r.title, 'T');
  assert.deepEqual(r.report.removed, { paywall: { elements: 1, bytes: 20 }, navigation: { elements: 1, bytes: 15 } });
  assert.equal(r.report.removals[1].reason, 'phrase "subscribe now"');
  assert.equal(typeof r.report.bytesIn, 'number');
});

test('init() is a harmless no-op in Node and Uint8Array input works', async () => {
  await init();
  const r = clean(new TextEncoder().encode('<p>caf\u00e9</p><footer>x</footer>'));
  assert.equal(r.html, '<p>caf\u00e9</p>');
  assert.equal(toText('<p>a &amp; b</p>'), 'a & b\n');
});

test('a Cleaner is reused across pages', () => {
  const cleaner = new Cleaner({ keep: ['navigation'], removeSelectors: ['.promo'] });
  for (let i = 0; i < 20; i++) {
    const r = cleaner.clean(`<nav>n${i}</nav><div class="promo">p</div><p>${i}</p>`);
    assert.equal(r.html, `<nav>n${i}</nav><p>${i}</p>`);
  }
  cleaner.free();
});

test('streams give the one-shot output under random chunk splits, UTF-8 sequences split too', () => {
  const next = random(7);
  const cleaner = new Cleaner({ explain: true });
  for (const { name, html } of fixtures) {
    const whole = cleaner.clean(html);
    for (let round = 0; round < 24; round++) {
      const stream = cleaner.stream();
      const out = [];
      let at = 0;
      while (at < html.length) {
        const size = 1 + next(round % 3 === 0 ? 8 : 400);
        out.push(stream.write(html.subarray(at, at + size)));
        at += size;
      }
      out.push(stream.end());
      assert.equal(decode(out), whole.html, `${name}, round ${round}`);
      assert.deepEqual(stream.report, whole.report, `${name}, round ${round}`);
    }
  }
});

test('a string is the same page as its UTF-8 bytes: accents, CJK, emoji and lone surrogates alike', () => {
  // Node.js passes strings to the module as UTF-16 (js/node.mjs); bytes take the UTF-8 path.
  const pieces = ['a', 'word ', '<p>', '</p>', '<b>', 'caf\u00e9', '\u6771\u4eac', '\u{1F600}', '\uD800', '\uDC00', '&amp;', '\n'];
  const next = random(11);
  const cleaner = new Cleaner();
  for (let round = 0; round < 300; round++) {
    let text = '';
    for (let n = next(120); n > 0; n--) text += pieces[next(pieces.length)];
    const page = `<article><h1>T</h1><p>${text}</p></article>`;
    const bytes = new TextEncoder().encode(page);
    assert.equal(cleaner.clean(page).html, cleaner.clean(bytes).html, JSON.stringify(text));
    assert.equal(clean(page).html, clean(bytes).html, JSON.stringify(text));
    assert.equal(toText(page), toText(bytes), JSON.stringify(text));
    const stream = cleaner.stream();
    assert.equal(decode([stream.write(page), stream.end()]), clean(bytes).html, JSON.stringify(text));
  }
});

test('strings can be streamed too', () => {
  const stream = new Cleaner().stream();
  const out = [stream.write('<p>One</p><nav>'), stream.write('x</nav><p>Tw'), stream.write('o</p>'), stream.end()];
  assert.equal(decode(out), '<p>One</p><p>Two</p>');
  assert.equal(stream.report.removed.navigation.elements, 1);
});

test('cleanerStream() is a TransformStream for fetch bodies', async () => {
  const { html } = fixtures.find((f) => f.name === 'paywalled-news.html');
  let report;
  const body = new Response(html).body.pipeThrough(cleanerStream({}, { onReport: (r) => (report = r) }));
  const text = await new Response(body).text();
  assert.equal(text, clean(html).html);
  assert.ok(report.removed.paywall.elements >= 1);
});

test('an aborted TransformStream frees itself and the module goes on', async () => {
  const stream = cleanerStream();
  const reader = stream.readable.getReader();
  const writer = stream.writable.getWriter();
  // Bytes flow once their encoding is known: here the <meta> says so at once.
  const written = writer.write(new TextEncoder().encode('<meta charset="utf-8"><p>partial</p><div>'));
  assert.equal(new TextDecoder().decode((await reader.read()).value), '<meta charset="utf-8"><p>partial</p>');
  await written;
  await writer.abort(new Error('client went away'));
  await assert.rejects(reader.read(), /client went away/);
  assert.equal(clean('<p>still works</p>').html, '<p>still works</p>');
});

test('unknown options and wrong types are TypeErrors naming the key', () => {
  assert.throws(() => clean('<p>x</p>', { kep: ['comments'] }), (e) => e instanceof TypeError && /`kep`/.test(e.message));
  assert.throws(() => clean('<p>x</p>', { explain: 'yes' }), (e) => e instanceof TypeError && /`explain`/.test(e.message));
  assert.throws(() => new Cleaner({ keep: ['everything'] }), (e) => e instanceof TypeError && /`keep`/.test(e.message));
  assert.throws(() => clean('<p>x</p>', 'explain'), TypeError);
  // A list given as a string says what a list is, not how JavaScript failed to read it.
  assert.throws(
    () => clean('<p>x</p>', { keep: 'comments' }),
    (e) => e instanceof TypeError && e.message === 'invalid option `keep`: expected an array of category names',
  );
  assert.throws(
    () => new Cleaner({ removeSelectors: '.promo' }),
    (e) => e instanceof TypeError && /`removeSelectors`: expected an array of strings/.test(e.message),
  );
  assert.throws(() => clean(42), (e) => e instanceof TypeError && /string or a Uint8Array/.test(e.message));
});

test('errors are Error objects and the module keeps working after them', () => {
  assert.throws(() => new Cleaner({ removeSelectors: ['a:hover'] }), (e) => e instanceof Error && /a:hover/.test(e.message));
  const stream = new Cleaner({ memoryLimit: 1024 }).stream();
  assert.throws(() => stream.write(`<div title="${'y'.repeat(10000)}`), (e) => e instanceof Error && /memory limit/.test(e.message));
  assert.throws(() => stream.write('<p>x</p>'), /already ended or failed/);
  const ended = new Cleaner().stream();
  ended.end();
  assert.throws(() => ended.end(), /already ended or failed/);
  assert.equal(clean('<p>fine</p>').html, '<p>fine</p>');
});

test('hostile input does not poison the module, in either mode', () => {
  let x = 0x9e3779b9;
  const junk = new Uint8Array(1 << 20).map(() => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x & 255));
  const inputs = [
    ['binary junk', junk],
    ['100,000-deep nesting', '<div>'.repeat(100_000) + '<p>deep</p>'],
    ['5 MB text node', '<p>' + 'word '.repeat(1_000_000)],
    ['2 MB attribute', `<div title="${'a'.repeat(2 << 20)}">x</div>`],
    ['200,000 elements', '<span>x</span>'.repeat(200_000)],
    ['NUL bytes', 'a\0<p\0>b\0</p>'.repeat(10_000)],
    ['invalid UTF-8', new Uint8Array(100_000).fill(0xff)],
    ['unterminated comment', '<p>x</p><!--' + 'y'.repeat(1 << 20)],
    ['unterminated script', '<p>x</p><script>' + 'y'.repeat(1 << 20)],
    ['empty', ''],
  ];
  for (const mode of ['stream', 'reader']) {
    for (const [name, input] of inputs) {
      try {
        clean(input, { mode });
      } catch (error) {
        // A clear error is allowed; a poisoned module is not (checked below).
        assert.ok(error instanceof Error, `${name}: ${error}`);
      }
      assert.equal(clean('<p>ok</p>').html, '<p>ok</p>', `the module works after ${name} (${mode})`);
    }
  }
});

// The budget is 300 KB (the build prints the size); this fails above 350 KB, as the issue set.
test('the packaged module stays small (gzip -9 at most 350 KB; the budget is 300 KB)', () => {
  const wasm = readFileSync(`${root}pkg/stripwall_bg.wasm`);
  const size = gzipSync(wasm, { level: 9 }).length;
  assert.ok(size <= 350 * 1024, `the module is ${(size / 1024).toFixed(0)} KB gzipped`);
});

const prose = '<p>The council met on Tuesday evening, and after a long debate, it approved the plan for the new bridge, which will cost twelve million.</p>';
const story = `<html lang="en"><head><title>Bridge approved | City News</title>
  <meta property="og:site_name" content="City News"></head><body>
  <nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
  <article><h1>Bridge approved</h1><p class="byline">By Ann Lee</p>${prose.repeat(4)}
  <ul><li>steel</li><li>labour</li></ul></article>
  <div class="cookie-banner">We use cookies <button>Accept</button></div></body></html>`;

test('Cleaner.clean(html, page) takes this page\'s address and charset, and refuses what it does not know', () => {
  const cleaner = new Cleaner({ mode: 'reader' });
  const page = story.replace('<ul>', '<img src="/img/bridge.jpg" alt="The bridge"><ul>');
  const result = cleaner.clean(page, { url: 'https://city.example/news/bridge' });
  assert.match(result.html, /src="https:\/\/city\.example\/img\/bridge\.jpg"/);
  assert.match(result.frontMatter, /source: "https:\/\/city\.example\/news\/bridge"/);
  assert.match(cleaner.clean(page).html, /src="\/img\/bridge\.jpg"/, 'a page is its own: the last address does not stay');
  // The server's charset is over the page's own <meta>, as in browsers.
  const cp1251 = new Uint8Array([...new TextEncoder().encode('<meta charset="windows-1252"><p>'), 0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
  assert.equal(new Cleaner().clean(cp1251, { charset: 'windows-1251' }).text, 'Привет\n');
  assert.equal(new Cleaner().clean(cp1251).text, 'Ïðèâåò\n');
  assert.throws(() => cleaner.clean(page, { URL: 'https://x.example/' }), { name: 'TypeError', message: /unknown page field `URL`/ });
  assert.throws(() => cleaner.clean(page, { url: 5 }), { name: 'TypeError', message: /`url` must be a string/ });
  assert.throws(() => cleaner.clean(page, 'https://x.example/'), TypeError);
});

test("clean(html, { mode: 'reader' }) gives the article, its metadata and Markdown", () => {
  const result = clean(story, { mode: 'reader', url: 'https://city.example/news/bridge' });
  assert.equal(result.title, 'Bridge approved');
  assert.equal(result.metadata.byline, 'Ann Lee');
  assert.match(result.frontMatter, /^---\ntitle: "Bridge approved"\n/);
  assert.match(result.frontMatter, /author:\n {2}- "Ann Lee"\n/);
  assert.ok(result.frontMatter.endsWith('---\n\n'));
  assert.equal(result.metadata.siteName, 'City News');
  assert.equal(result.metadata.lang, 'en');
  assert.equal(result.report.reader.outcome, 'article');
  assert.match(result.text, /^The council met/);
  assert.doesNotMatch(result.text, /Home|cookies|Bridge approved/);
  assert.match(result.markdown, /- steel\n- labour/);
  // Reader mode's Markdown starts with the article's title; the text does not.
  assert.match(result.markdown, /^# Bridge approved\n\nThe council met/);
  assert.equal(result.markdown, toMarkdown(result.html, result.title));
  assert.match(toMarkdown(result.html), /^The council met/);
  assert.throws(() => toMarkdown(result.html, { title: 'x' }), { name: 'TypeError', message: /title must be a string/ });
  assert.throws(() => toMarkdown(result.html, 5), TypeError);
  const streamed = clean(story);
  assert.equal(streamed.markdown, toMarkdown(streamed.html), 'stream mode keeps the page as it is');
  // Stream mode has no metadata.
  assert.equal(clean(story).metadata, null);
});

test('reader mode streams too: the article comes with end()', async () => {
  const body = new Blob([story]).stream().pipeThrough(cleanerStream({ mode: 'reader' }));
  const html = await new Response(body).text();
  assert.equal(html, clean(story, { mode: 'reader' }).html);
});

test('isProbablyReaderable() tells an article from a list of links', () => {
  const long = prose.replace('</p>', ' The work starts in spring and should take three years, the mayor said.</p>');
  assert.equal(isProbablyReaderable(story.replace(prose.repeat(4), long.repeat(6))), true);
  assert.equal(isProbablyReaderable('<ul><li><a href="/a">A</a></li></ul>'), false);
});

test('reader options are checked like the others', () => {
  assert.throws(() => clean(story, { mode: 'reader', preset: 'maximal' }), (e) => e instanceof TypeError && /preset/.test(e.message));
  assert.throws(() => clean(story, { keepAttributes: 'class' }), (e) => e instanceof TypeError && /keepAttributes/.test(e.message));
  assert.match(clean(story, { mode: 'reader', keepAttributes: ['class'] }).html, /class="byline"|<p>/);
});

test('filterLists: cosmetic rules remove elements, compiled once per Cleaner', () => {
  const cleaner = new Cleaner({ filterLists: ['##.zz-float\n||ads.example^\nexample.org##.zz-site'], url: 'https://example.org/a', explain: true });
  assert.equal(cleaner.filterReport.rules, 2);
  assert.equal(cleaner.filterReport.skipped['network rules'], 1);
  const result = cleaner.clean('<p>Story.</p><div class="zz-float">Float</div><div class="zz-site">Site</div>');
  assert.equal(result.html, '<p>Story.</p>');
  assert.equal(result.report.removed['filter-list'].elements, 2);
  assert.ok(result.report.removals.some((r) => r.reason === '##.zz-float'));
  assert.equal(new Cleaner().filterReport, undefined);
  assert.throws(() => new Cleaner({ filterLists: '##.x' }), (e) => e instanceof TypeError && /filterLists/.test(e.message));
});
