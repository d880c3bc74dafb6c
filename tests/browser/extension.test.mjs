// The browser extension in Debian's Chromium, driven by playwright-core: the "reader available"
// badge, the reader view on an article, a thread, a product and a paywalled page whose live DOM
// a script cut short, themes and type, narration, keeping as Markdown, the per-site switch, and
// what opening the view costs on a 1 MB page. Screenshots go to test-artifacts/. Also
// `web-ext lint` (Firefox's linter) over the built extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { root, artifacts, extension, chromiumArgs as args, extensionForTest } from './harness.mjs';

let server;
let context;
let worker;
let profile;
let unpacked;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  assert.ok(existsSync(join(extension, 'manifest.json')), 'run `npm run build:extension` first');
  server = await serve(0);
  profile = mkdtempSync(join(tmpdir(), 'stripwall-profile-'));
  unpacked = extensionForTest(mkdtempSync(join(tmpdir(), 'stripwall-extension-')));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...args, `--disable-extensions-except=${unpacked}`, `--load-extension=${unpacked}`],
    viewport: { width: 1000, height: 900 },
    acceptDownloads: true,
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
});

after(async () => {
  await context?.close();
  await server?.close();
  for (const dir of [profile, unpacked]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens `path` in a tab, then the reader view for it as the toolbar button does. */
async function openReader(path) {
  const url = `${server.url}/${path}`;
  const page = await context.newPage();
  await page.goto(url);
  const t0 = Date.now();
  const [reader] = await Promise.all([
    context.waitForEvent('page'),
    worker.evaluate(async (pageUrl) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      await globalThis.openReader(tab);
    }, url),
  ]);
  await reader.waitForFunction(() => /^(Cleaned|No one article)/.test(document.querySelector('#status').textContent), null, {
    timeout: 30000,
  });
  return { page, reader, url, ms: Date.now() - t0 };
}

async function badge(url) {
  return worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return { text: await chrome.action.getBadgeText({ tabId: tab.id }), title: await chrome.action.getTitle({ tabId: tab.id }) };
  }, url);
}

async function theme(reader, name) {
  await reader.click(`[data-theme=${name}]`);
  await reader.waitForFunction((n) => document.body.classList.contains(n), name);
}

async function shots(reader, name) {
  await theme(reader, 'light');
  await reader.screenshot({ path: join(artifacts, `extension-${name}-light.png`), fullPage: true });
  await theme(reader, 'dark');
  await reader.screenshot({ path: join(artifacts, `extension-${name}-dark.png`), fullPage: true });
  await theme(reader, 'light');
}

test('the toolbar button says "reader available" on a page with an article, and not on one without', async () => {
  const article = await context.newPage();
  const articleUrl = `${server.url}/tests/browser/fixtures/news-article.html`;
  await article.goto(articleUrl);
  const short = await context.newPage();
  const shortUrl = `${server.url}/tests/browser/fixtures/short-page.html`;
  await short.goto(shortUrl);
  await article.waitForTimeout(300);
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 50 && (await badge(articleUrl)).text !== 'R'; i++) await article.waitForTimeout(100);
  });
  const yes = await badge(articleUrl);
  assert.equal(yes.text, 'R');
  assert.match(yes.title, /Reader view available/);
  const no = await badge(shortUrl);
  assert.equal(no.text, '');
  assert.doesNotMatch(no.title, /available/);
  await article.close();
  await short.close();
});

test('an article: header with site, byline, date and reading time; themes, type and the per-site switch', async () => {
  const { page, reader, url } = await openReader('tests/browser/fixtures/news-article.html');
  const text = await reader.$eval('#view', (v) => v.innerText);
  assert.match(text, /Harbour reopens after storm repairs/);
  assert.match(text, /Engineers rebuilt forty metres of the wall/);
  for (const gone of ['Subscribe to keep reading', 'We use cookies', 'Accept all', 'Politics', 'All rights reserved']) {
    assert.ok(!text.includes(gone), `${gone} should not be in the reader view:\n${text}`);
  }
  assert.equal(await reader.$eval('#site-name', (e) => e.textContent), 'Coast Gazette');
  assert.match(await reader.$eval('#byline', (e) => e.textContent), /Maren Holt/);
  assert.match(await reader.$eval('#facts', (e) => e.textContent), /^1 min read · \d+ words$/);
  assert.equal(await reader.$eval('#kind', (e) => e.hidden), true);
  // No page script ran in the reader view.
  assert.equal(await reader.evaluate(() => globalThis.pageScriptRan), undefined);
  assert.equal(await reader.$$eval('#article script, #article [onclick]', (n) => n.length), 0);
  // Themes, serif or sans, size: applied at once and remembered.
  await theme(reader, 'sepia');
  const sepia = await reader.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(sepia, 'rgb(244, 236, 216)');
  await reader.click('#font');
  await reader.waitForFunction(() => document.body.classList.contains('sans'));
  await reader.click('#larger');
  await reader.waitForFunction(() => document.documentElement.style.getPropertyValue('--size') === '22px');
  const stored = await reader.evaluate(async () => (await chrome.storage.local.get('reader')).reader);
  assert.deepEqual({ theme: stored.theme, font: stored.font, size: stored.size }, { theme: 'sepia', font: 'sans', size: 22 });
  await reader.screenshot({ path: join(artifacts, 'extension-article-sepia-sans.png'), fullPage: true });
  await reader.click('#font');
  await reader.click('#smaller');
  await shots(reader, 'article');
  // The per-site switch: off, and the button leaves the site alone.
  await reader.uncheck('#site');
  await reader.waitForTimeout(100);
  const opened = await worker.evaluate(async (pageUrl) => {
    const [tab] = await chrome.tabs.query({ url: pageUrl });
    return (await globalThis.openReader(tab)) !== null;
  }, url);
  assert.equal(opened, false);
  await reader.check('#site');
  await reader.waitForTimeout(100);
  await reader.close();
  await page.close();
});

test('narration reads the article block by block, highlights the block being read, pauses and changes speed', async () => {
  const { page, reader } = await openReader('tests/browser/fixtures/news-article.html');
  // A recording speech engine in place of the system's (headless Chromium has no voices).
  await reader.evaluate(() => {
    const spoken = [];
    globalThis.spoken = spoken;
    const engine = {
      speaking: false,
      paused: false,
      speak(u) {
        spoken.push({ text: u.text, rate: u.rate, utterance: u });
      },
      pause() {
        this.paused = true;
      },
      resume() {
        this.paused = false;
      },
      cancel() {},
    };
    Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
    globalThis.finishUtterance = () => spoken.at(-1).utterance.onend?.();
  });
  await reader.click('#listen');
  assert.equal(await reader.evaluate(() => spoken.length), 1);
  assert.equal(await reader.evaluate(() => spoken[0].text), 'Harbour reopens after storm repairs');
  assert.equal(await reader.$eval('.speaking', (e) => e.id), 'title');
  await reader.evaluate(() => finishUtterance());
  await reader.waitForFunction(() => spoken.length === 2);
  const second = await reader.evaluate(() => spoken[1].text);
  assert.match(second, /Maren Holt|The harbour reopened/);
  assert.equal(await reader.$eval('.speaking', (e) => e.textContent.trim()), second);
  await reader.click('#listen');
  assert.equal(await reader.evaluate(() => speechSynthesis.paused), true);
  assert.match(await reader.$eval('#listen', (e) => e.textContent), /Resume/);
  await reader.click('#listen');
  assert.equal(await reader.evaluate(() => speechSynthesis.paused), false);
  await reader.selectOption('#rate', '1.5');
  await reader.waitForFunction(() => spoken.at(-1).rate === 1.5);
  assert.equal(await reader.evaluate(() => spoken.at(-1).text), second, 'the block being read starts again at the new speed');
  await reader.click('#stop');
  assert.equal(await reader.$$eval('.speaking', (n) => n.length), 0);
  await reader.selectOption('#rate', '1');
  await reader.close();
  await page.close();
});

test('keep it: Save .md downloads a Markdown note with front matter; Copy Markdown and Copy text fill the clipboard', async () => {
  const { page, reader, url } = await openReader('tests/browser/fixtures/news-article.html');
  const [download] = await Promise.all([reader.waitForEvent('download'), reader.click('#save-md')]);
  assert.equal(download.suggestedFilename(), 'Harbour reopens after storm repairs.md');
  const note = readFileSync(await download.path(), 'utf8');
  assert.match(note, /^---\n/);
  assert.match(note, /\ntitle: "?Harbour reopens after storm repairs"?\n/);
  assert.ok(note.includes(`source: "${url}"`) || note.includes(`source: ${url}`), note);
  assert.match(note, /\n---\n\n?# Harbour reopens after storm repairs\n/);
  assert.match(note, /Engineers rebuilt forty metres of the wall/);
  assert.doesNotMatch(note, /Subscribe to keep reading|We use cookies/);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await reader.bringToFront();
  await reader.click('#copy-md');
  await reader.waitForFunction(() => /Markdown copied/.test(document.querySelector('#status').textContent));
  assert.equal(await reader.evaluate(() => navigator.clipboard.readText()), note);
  await reader.click('#copy-text');
  await reader.waitForFunction(() => /Text copied/.test(document.querySelector('#status').textContent));
  const copied = await reader.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Harbour reopens after storm repairs\n\n/);
  assert.match(copied, /The repairs cost 2\.1 million/);
  await reader.close();
  await page.close();
});

test('a paywalled page whose script cut the live article short: the view shows the page as served, and says so', async () => {
  const { page, reader } = await openReader('tests/browser/fixtures/truncated-article.html');
  // The live page really was cut short.
  assert.equal(await page.$$eval('.article-body p', (p) => p.length), 2);
  const text = await reader.$eval('#view', (v) => v.innerText);
  assert.match(text, /For now the tide decides/);
  assert.doesNotMatch(text, /You have reached your limit/);
  assert.equal(await reader.$eval('#status', (e) => e.dataset.source), 'served');
  assert.match(await reader.$eval('#status', (e) => e.textContent), /as its server sent it/);
  assert.match(await reader.$eval('#byline', (e) => e.textContent), /^Ines Varga · /);
  await shots(reader, 'paywalled-truncated');
  await reader.close();
  await page.close();
});

test('a thread and a product are labelled by their kind and keep their posts and sections', async () => {
  const thread = await openReader('tests/fixtures/forum-thread.html');
  assert.equal(await thread.reader.$eval('#kind', (e) => (e.hidden ? '' : e.textContent)), 'Thread');
  const posts = await thread.reader.$eval('#article', (a) => a.innerText);
  for (const post of ['My starter is two weeks old', 'That smell means it is hungry', 'Two days of twice-daily feeds']) {
    assert.ok(posts.includes(post), `${post} is missing:\n${posts}`);
  }
  // Each post with who wrote it and when, in order.
  const heads = await thread.reader.$$eval('#article article', (posts) =>
    posts.map((p) => [p.querySelector('div')?.textContent.trim(), p.querySelector('time')?.textContent.trim()].join(' ')),
  );
  assert.deepEqual(heads, ['ryebread 2 March', 'crumbshot 2 March', 'ryebread 4 March']);
  await shots(thread.reader, 'thread');
  const product = await openReader('tests/fixtures/product-panels.html');
  assert.equal(await product.reader.$eval('#kind', (e) => (e.hidden ? '' : e.textContent)), 'Product');
  const sections = await product.reader.$eval('#view', (a) => a.innerText);
  for (const part of ['Trail Runner 3', 'A light trail shoe with a waterproof membrane', '6 mm from heel to toe']) {
    assert.ok(sections.includes(part), `${part} is missing:\n${sections}`);
  }
  assert.doesNotMatch(sections, /Sign up for our newsletter|You may also like/);
  await shots(product.reader, 'product');
  for (const { page, reader } of [thread, product]) {
    await reader.close();
    await page.close();
  }
});

test('opening the reader view on a 1 MB page', async (t) => {
  const paragraphs = readFileSync(join(root, 'tests/browser/fixtures/news-article.html'), 'utf8').match(/<p>[^<]+<\/p>/g);
  const body = [];
  for (let i = 0; body.join('').length < 1_000_000; i++) {
    body.push(`<section><h2>Part ${i + 1}</h2>${paragraphs.join('')}<div class="share-bar"><a href="#">Share</a></div></section>`);
  }
  const big = `<!doctype html><html><head><meta charset="utf-8"><title>A long read | Coast Gazette</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>A long read</h1>${body.join('\n')}</article></main></body></html>`;
  mkdirSync(join(root, 'target/browser-test'), { recursive: true });
  writeFileSync(join(root, 'target/browser-test/one-megabyte.html'), big);
  const { page, reader, ms } = await openReader('target/browser-test/one-megabyte.html');
  const cleanMs = Number((await reader.$eval('#status', (e) => e.textContent)).match(/Cleaned in ([\d.]+) ms/)[1]);
  t.diagnostic(`1 MB page (${big.length} bytes): reader view open in ${ms} ms, of which cleaning (live DOM and page as served) ${cleanMs} ms`);
  assert.ok((await reader.$eval('#article', (a) => a.innerText)).includes(`Part ${body.length}`));
  await reader.close();
  await page.close();
});

test('web-ext lint: the extension has no errors for Firefox', () => {
  const lint = spawnSync(process.execPath, ['node_modules/web-ext/bin/web-ext.js', 'lint', '--source-dir', extension, '--output', 'json'], {
    cwd: root,
    encoding: 'utf8',
  });
  const report = JSON.parse(lint.stdout);
  const messages = [...report.errors, ...report.warnings].map((m) => `${m.code}: ${m.message}`);
  console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings\n  ${messages.join('\n  ')}`);
  assert.equal(report.summary.errors, 0, messages.join('\n'));
  // The one warning a manifest for both browsers carries: Chromium needs background.service_worker.
  assert.deepEqual(
    report.warnings.map((m) => m.code),
    ['BACKGROUND_SERVICE_WORKER_IGNORED'],
  );
});
