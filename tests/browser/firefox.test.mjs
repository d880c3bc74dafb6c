// The browser extension in Debian's Firefox ESR, driven by puppeteer-core over WebDriver BiDi,
// which installs the built extension as a temporary add-on: the "reader available" badge, the
// reader view on an article and on a paywalled page whose live DOM a script cut short, themes.
// Screenshots go to test-artifacts/.
//
// What BiDi cannot do here, and how the test gets round it: it cannot press the toolbar button
// or a browser shortcut (keys go to the page), nor navigate to a moz-extension:// address. The
// test's copy of the extension makes reader.html reachable from the test server's pages, and
// from that page (an extension page) calls the background script's openReader(tab), which is
// what the button does. Everything else is the shipped extension, unchanged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serve } from '../../scripts/serve.mjs';
import { root, artifacts, extension, extensionForTest } from './harness.mjs';

const firefox = '/usr/bin/firefox-esr';
/** The extension's internal address, fixed by a preference so the test can recognise its pages. */
const uuid = '5f1d2c3b-7a8e-4b9c-9d0e-1f2a3b4c5d6e';
let server;
let browser;
let unpacked;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  assert.ok(existsSync(join(extension, 'manifest.json')), 'run `npm run build:extension` first');
  assert.ok(existsSync(firefox), 'Firefox ESR is missing: `node scripts/ensure-browsers.mjs` installs it');
  server = await serve(0);
  // reader.html reachable from the test server's pages: BiDi cannot open moz-extension:// itself.
  unpacked = extensionForTest(mkdtempSync(join(tmpdir(), 'stripwall-firefox-extension-')), {
    web_accessible_resources: [{ resources: ['reader.html'], matches: ['http://127.0.0.1/*'] }],
  });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefox,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'reader@stripwall': uuid }) },
  });
  const id = await browser.installExtension(unpacked);
  assert.equal(id, 'reader@stripwall');
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (unpacked) rmSync(unpacked, { recursive: true, force: true });
});

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An extension page to call the extension's APIs from (reader.html with nothing to show). */
async function controlPage() {
  const page = await browser.newPage();
  await page.goto(`${server.url}/tests/browser/fixtures/short-page.html`);
  await page.evaluate((address) => {
    location.href = address;
  }, `moz-extension://${uuid}/reader.html`);
  for (let i = 0; i < 50; i++) {
    const here = await page.evaluate(() => location.href).catch(() => '');
    if (here.startsWith('moz-extension:')) return page;
    await pause(100);
  }
  throw new Error('the extension page did not open');
}

/** The tab showing `url`, and its toolbar badge (waiting for the content script's word). */
async function badge(control, url, expected) {
  let seen;
  for (let i = 0; i < 50; i++) {
    seen = await control.evaluate(async (u) => {
      const tab = (await browser.tabs.query({})).find((t) => t.url === u);
      return tab && { text: await browser.action.getBadgeText({ tabId: tab.id }), title: await browser.action.getTitle({ tabId: tab.id }) };
    }, url);
    if (seen?.text === expected) break;
    await pause(100);
  }
  return seen;
}

/** Opens `path`, then the reader view for it as the toolbar button does; returns the reader page. */
async function openReader(control, path) {
  const url = `${server.url}/${path}`;
  const page = await browser.newPage();
  await page.goto(url);
  await control.evaluate(async (u) => {
    const tab = (await browser.tabs.query({})).find((t) => t.url === u);
    const background = await browser.runtime.getBackgroundPage();
    await background.openReader(tab);
  }, url);
  for (let i = 0; i < 100; i++) {
    for (const candidate of await browser.pages()) {
      const here = await candidate.evaluate(() => location.href).catch(() => '');
      // A page still loading may fail to answer (Firefox's BiDi then reports a protocol error): asked again.
      const done =
        here.includes('/reader.html#') &&
        (await candidate
          .evaluate(() => /^(Cleaned|No one article)/.test(document.querySelector('#status')?.textContent ?? ''))
          .catch(() => false));
      if (done) return { page, reader: candidate };
    }
    await pause(100);
  }
  throw new Error('the reader view did not open');
}

test('Firefox ESR: the badge says "reader available" on an article and not on a page without one', async () => {
  const control = await controlPage();
  const article = await browser.newPage();
  const articleUrl = `${server.url}/tests/browser/fixtures/news-article.html`;
  await article.goto(articleUrl);
  const yes = await badge(control, articleUrl, 'R');
  assert.equal(yes?.text, 'R');
  assert.match(yes.title, /Reader view available/);
  const short = await browser.newPage();
  const shortUrl = `${server.url}/tests/browser/fixtures/short-page.html`;
  await short.goto(shortUrl);
  await pause(500);
  const no = await badge(control, shortUrl, '');
  assert.equal(no?.text, '');
  for (const page of [control, article, short]) await page.close();
});

test('Firefox ESR: the reader view of an article, in two themes', async () => {
  const control = await controlPage();
  const { page, reader } = await openReader(control, 'tests/browser/fixtures/news-article.html');
  const text = await reader.evaluate(() => document.querySelector('#view').innerText);
  assert.match(text, /Harbour reopens after storm repairs/);
  assert.match(text, /Engineers rebuilt forty metres of the wall/);
  assert.match(text, /Maren Holt/);
  for (const gone of ['Subscribe to keep reading', 'We use cookies', 'Politics', 'All rights reserved']) {
    assert.ok(!text.includes(gone), `${gone} should not be in the reader view:\n${text}`);
  }
  await reader.setViewport({ width: 1000, height: 900 });
  await reader.screenshot({ path: join(artifacts, 'firefox-article-light.png'), fullPage: true });
  await reader.click('[data-theme=sepia]');
  await reader.waitForFunction(() => document.body.classList.contains('sepia'));
  assert.equal(await reader.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(244, 236, 216)');
  await reader.screenshot({ path: join(artifacts, 'firefox-article-sepia.png'), fullPage: true });
  await reader.click('[data-theme=light]');
  await reader.waitForFunction(() => document.body.classList.contains('light'));
  for (const p of [control, page, reader]) await p.close();
});

test('Firefox ESR: a paywalled page whose script cut the live article short shows the page as served', async () => {
  const control = await controlPage();
  const { page, reader } = await openReader(control, 'tests/browser/fixtures/truncated-article.html');
  assert.equal(await page.evaluate(() => document.querySelectorAll('.article-body p').length), 2);
  const text = await reader.evaluate(() => document.querySelector('#view').innerText);
  assert.match(text, /For now the tide decides/);
  assert.doesNotMatch(text, /You have reached your limit/);
  assert.equal(await reader.evaluate(() => document.querySelector('#status').dataset.source), 'served');
  await reader.setViewport({ width: 1000, height: 900 });
  await reader.click('[data-theme=dark]');
  await reader.waitForFunction(() => document.body.classList.contains('dark'));
  await reader.screenshot({ path: join(artifacts, 'firefox-paywalled-truncated-dark.png'), fullPage: true });
  await reader.click('[data-theme=light]');
  for (const p of [control, page, reader]) await p.close();
});
