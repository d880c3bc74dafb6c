// The demo page and the browser entry in Debian's Chromium, driven by playwright-core (the
// extension: extension.test.mjs).
// Screenshots go to test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import iconv from 'iconv-lite';
import { serve } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = join(root, 'test-artifacts');
const extension = join(root, 'dist/extension');
// What this machine's closed network needs (Chromium otherwise keeps trying Google's hosts).
const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
let server;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  assert.ok(existsSync(join(extension, 'manifest.json')), 'run `npm run build:extension` first');
  server = await serve(0);
});

after(async () => {
  await server?.close();
});

test('the demo page cleans a fixture and shows the report', async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/www/demo/`);
    await page.fill('#input', readFileSync(join(root, 'tests/fixtures/paywalled-news.html'), 'utf8'));
    await page.click('#clean');
    await page.waitForSelector('#time:not(:empty)');
    const cleaned = await page.$eval('#page', (f) => f.srcdoc);
    assert.match(cleaned, /The leader has ordered the dispatch/);
    assert.doesNotMatch(cleaned, /Try unlimited access|All rights reserved/);
    await page.click('[data-tab=report]');
    const categories = await page.$$eval('#tally tbody td:first-child', (tds) => tds.map((td) => td.textContent));
    assert.ok(categories.includes('paywall') && categories.includes('navigation'), categories.join());
    const removals = await page.$$eval('#removals li', (lis) => lis.map((li) => li.textContent));
    assert.ok(removals.some((r) => /paywall/.test(r) && /unlimited access/i.test(r)), removals.join('\n'));
    // The reader view tab.
    await page.selectOption('#mode', 'reader');
    await page.waitForFunction(() => document.querySelector('#reader').srcdoc.includes('dispatch'));
    const reader = await page.$eval('#reader', (f) => f.srcdoc);
    assert.doesNotMatch(reader, /COPY LINK|Skip to content/);
    await page.click('[data-tab=report]');
    await page.screenshot({ path: join(artifacts, 'demo.png'), fullPage: true });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('in the browser, Shift_JIS and Big5 bytes are decoded by its TextDecoder, whole and streamed', async () => {
  const japanese = '市議会は月曜日、学校と道路への支出をめぐる長い議論の末、来年度の予算を承認した。';
  const chinese = '市議會週一在就學校和道路支出進行長時間辯論後批准了明年的預算。';
  const page = (label, text) => `<meta charset="${label}"><nav><a href="/">Home</a></nav><p>${text}</p>`;
  const pages = [
    ['Shift_JIS', [...iconv.encode(page('shift_jis', japanese), 'shift_jis')], japanese],
    ['Big5', [...iconv.encode(page('big5', chinese), 'big5')], chinese],
  ];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/www/demo/`);
    const results = await tab.evaluate(async (pages) => {
      const { init, clean, cleanerStream } = await import('/js/browser.mjs');
      await init();
      const out = [];
      for (const [, bytes] of pages) {
        const whole = clean(new Uint8Array(bytes));
        const streamed = await new Response(new Response(new Uint8Array(bytes)).body.pipeThrough(cleanerStream())).text();
        out.push({ encoding: whole.report.encoding, html: whole.html, streamed });
      }
      return out;
    }, pages);
    pages.forEach(([encoding, , text], i) => {
      assert.equal(results[i].encoding, encoding);
      assert.equal(results[i].html, `<meta charset="utf-8"><p>${text}</p>`);
      assert.equal(results[i].streamed, results[i].html);
    });
  } finally {
    await browser.close();
  }
});
