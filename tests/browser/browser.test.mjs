// The demo page and the browser entry in Debian's Chromium, driven by playwright-core (the
// extension: extension.test.mjs).
// Screenshots go to test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import iconv from 'iconv-lite';
import { serve } from '../../scripts/serve.mjs';
import { root, artifacts, chromiumArgs as args } from './harness.mjs';

let server;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  server = await serve(0);
});

after(async () => {
  await server?.close();
});

/** Opens the demo page in a new Chromium, runs `fn(page)`, then checks that no script error happened. */
async function withDemo(fn) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/www/demo/`);
    await fn(page);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
}

/**
 * How many pixels of an element, as the screen shows it, differ from the colour of its top left
 * corner (inside the border): 0 for a blank iframe. An iframe's DOM can hold the page while
 * Chromium paints nothing; this is what the user sees.
 */
async function ink(page, selector) {
  const png = await page.locator(selector).screenshot();
  return page.evaluate(async (base64) => {
    const image = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const context = new OffscreenCanvas(image.width, image.height).getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(3, 3, image.width - 6, image.height - 6);
    let pixels = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 96) pixels++;
    }
    return pixels;
  }, png.toString('base64'));
}

/** Asserts that an element shows something within 2 s (a blank iframe stays blank). */
async function assertPainted(page, selector) {
  let pixels = 0;
  for (let i = 0; i < 20 && pixels < 1000; i++) {
    if (i) await page.waitForTimeout(100);
    pixels = await ink(page, selector);
  }
  assert.ok(pixels >= 1000, `${selector} is blank (${pixels} pixels drawn)`);
}

/** The text an iframe's document shows, once it matches `expected` (or after 5 s). */
async function frameText(page, selector, expected) {
  const frame = await (await page.$(selector)).contentFrame();
  let text = '';
  for (let i = 0; i < 50; i++) {
    text = await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (expected.test(text)) break;
    await page.waitForTimeout(100);
  }
  return text;
}

const selectedTab = (page) => page.$eval('[role=tab][aria-selected=true]', (tab) => tab.dataset.tab);
const shownPanels = (page) => page.$$eval('[data-panel]:not([hidden])', (panels) => panels.map((p) => p.id));
const paywalled = readFileSync(join(root, 'tests/fixtures/paywalled-news.html'), 'utf8');

test('the demo page cleans a fixture and shows the report', async () => {
  await withDemo(async (page) => {
    await page.fill('#input', paywalled);
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
  });
});

test('the demo page: every view follows the mode and the categories at once, whichever tab shows', async () => {
  await withDemo(async (page) => {
    // What each view must hold, from the package itself.
    const expected = await page.evaluate(async (html) => {
      const { init, clean } = await import('/js/browser.mjs');
      await init();
      const views = (mode) => {
        const { text, markdown } = clean(html, { mode });
        return { text, markdown };
      };
      return { stream: views('stream'), reader: views('reader') };
    }, paywalled);
    assert.notEqual(expected.stream.text, expected.reader.text);

    // Typing (here: pasting) cleans the page: no button.
    await page.fill('#input', paywalled);
    await page.waitForFunction(() => document.querySelector('#page').srcdoc.includes('dispatch'));
    assert.equal(await selectedTab(page), 'page');
    await assertPainted(page, '#page');

    // Mode reader: the Reader view tab shows, painted, with no other tab clicked.
    await page.selectOption('#mode', 'reader');
    assert.equal(await selectedTab(page), 'reader');
    assert.deepEqual(await shownPanels(page), ['reader']);
    assert.match(await frameText(page, '#reader', /dispatch/), /The leader has ordered the dispatch/);
    await assertPainted(page, '#reader');
    await page.selectOption('#mode', 'stream');
    assert.equal(await selectedTab(page), 'page');
    await assertPainted(page, '#page');

    // The text edited and the mode switched at once (before the edit is cleaned): the reader view
    // loads the new article as its tab shows, and is painted (in Chromium an iframe hidden with
    // display: none that loads a page as it is shown stays blank).
    await page.fill('#input', paywalled.replace('The leader has ordered', 'The council has ordered'));
    await page.selectOption('#mode', 'reader');
    assert.equal(await selectedTab(page), 'reader');
    assert.match(await frameText(page, '#reader', /council/), /The council has ordered the dispatch/);
    await assertPainted(page, '#reader');
    await page.fill('#input', paywalled);
    await page.selectOption('#mode', 'stream');
    assert.match(await frameText(page, '#page', /leader has/), /The leader has ordered the dispatch/);
    await assertPainted(page, '#page');

    // On the Text tab, a change of mode changes the text and the Markdown in place.
    await page.click('[data-tab=text]');
    assert.equal(await page.textContent('#text'), expected.stream.text);
    await page.selectOption('#mode', 'reader');
    assert.equal(await selectedTab(page), 'text');
    assert.equal(await page.textContent('#text'), expected.reader.text);
    assert.equal(await page.textContent('#markdown'), expected.reader.markdown);
    await page.selectOption('#mode', 'stream');
    assert.equal(await page.textContent('#text'), expected.stream.text);

    // Keeping 'paywall' (unticking it) puts the pitch back at once, on the report and in the
    // cleaned page (hidden meanwhile), with no button pressed.
    await page.click('[data-tab=report]');
    await page.uncheck('#categories input[value=paywall]');
    assert.match(await page.$eval('#page', (f) => f.srcdoc), /Try unlimited access/);
    const categories = await page.$$eval('#tally tbody td:first-child', (tds) => tds.map((td) => td.textContent));
    assert.ok(!categories.includes('paywall') && categories.includes('navigation'), categories.join());
    assert.equal(await selectedTab(page), 'report');
    await page.click('[data-tab=page]');
    assert.match(await frameText(page, '#page', /unlimited access/), /Try unlimited access/);
    await assertPainted(page, '#page');
    await page.check('#categories input[value=paywall]');
    assert.doesNotMatch(await page.$eval('#page', (f) => f.srcdoc), /Try unlimited access/);
    assert.doesNotMatch(await frameText(page, '#page', /^(?![\s\S]*unlimited access)[\s\S]*dispatch/), /Try unlimited access/);

    // The tabs work from the keyboard.
    await page.focus('[data-tab=page]');
    await page.keyboard.press('ArrowRight');
    assert.equal(await selectedTab(page), 'reader');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.tab), 'reader');
    await page.keyboard.press('End');
    assert.equal(await selectedTab(page), 'report');
  });
});

test('the demo page opens files as bytes: a UTF-8 fixture and a windows-1251 page', async () => {
  const russian = 'Городской совет в понедельник утвердил бюджет на следующий год после долгих споров о расходах на школы и дороги.';
  const page1251 = `<!doctype html><html lang="ru"><head><meta charset="windows-1251"><title>Совет утвердил бюджет</title></head>
<body><nav><a href="/">Главная</a> <a href="/news">Новости</a></nav><article><h1>Совет утвердил бюджет</h1><p>${russian}</p></article></body></html>`;
  await withDemo(async (page) => {
    await page.setInputFiles('#file', join(root, 'tests/fixtures/paywalled-news.html'));
    await page.waitForFunction(() => document.querySelector('#source').textContent.includes('paywalled-news.html'));
    assert.match(await page.textContent('#source'), /UTF-8, from its <meta>/);
    const cleaned = await page.$eval('#page', (f) => f.srcdoc);
    assert.match(cleaned, /The leader has ordered the dispatch/);
    assert.doesNotMatch(cleaned, /Try unlimited access/);
    assert.equal(await page.inputValue('#input'), paywalled);

    // Bytes that are not UTF-8: decoded as the page's <meta> says, which file.text() would not do.
    const bytes = iconv.encode(page1251, 'windows-1251');
    assert.ok(!bytes.toString('utf8').includes('Городской'));
    await page.setInputFiles('#file', { name: 'novosti.html', mimeType: 'text/html', buffer: bytes });
    await page.waitForFunction(() => document.querySelector('#source').textContent.includes('novosti.html'));
    assert.match(await page.textContent('#source'), /windows-1251, from its <meta>/);
    const russianPage = await page.$eval('#page', (f) => f.srcdoc);
    assert.ok(russianPage.includes(russian), russianPage);
    assert.doesNotMatch(russianPage, /Главная/);
    assert.equal(await page.inputValue('#input'), page1251);
    assert.ok((await page.$eval('#before', (f) => f.srcdoc)).includes(russian));
    assert.match(await frameText(page, '#page', /Городской/), /Городской совет/);
    await assertPainted(page, '#page');

    // Editing the text afterwards cleans the text.
    await page.fill('#input', page1251.replace('Городской совет', 'Сельский совет'));
    await page.waitForFunction(() => document.querySelector('#page').srcdoc.includes('Сельский совет'));
    assert.equal(await page.textContent('#source'), '');
  });
});

test('the demo page cleans an .html file dropped on it, and shows where to drop', async () => {
  const consent = readFileSync(join(root, 'tests/fixtures/consent-and-prompts.html'), 'utf8');
  await withDemo(async (page) => {
    const drag = (type, target, name, content, mime) =>
      page.evaluate(
        ([type, target, name, content, mime]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([content], name, { type: mime }));
          const event = new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer });
          document.querySelector(target).dispatchEvent(event);
          return event.defaultPrevented;
        },
        [type, target, name, content, mime],
      );
    assert.equal(await page.isVisible('#dropzone'), false);
    await drag('dragenter', '#input', 'consent.html', consent, 'text/html');
    assert.equal(await page.isVisible('#dropzone'), true);
    // dragover must be cancelled, or the browser would not let the file drop on the page.
    assert.equal(await drag('dragover', '#dropzone', 'consent.html', consent, 'text/html'), true);
    assert.equal(await drag('drop', '#dropzone', 'consent.html', consent, 'text/html'), true);
    assert.equal(await page.isVisible('#dropzone'), false);
    await page.waitForFunction(() => document.querySelector('#source').textContent.includes('consent.html'));
    const cleaned = await page.$eval('#page', (f) => f.srcdoc);
    assert.match(cleaned, /Der Stadtrat hat am Dienstag mit großer Mehrheit/);
    assert.doesNotMatch(cleaned, /We use cookies|Wir verwenden Cookies/);
    assert.equal(await page.inputValue('#input'), consent);
    assert.match(await frameText(page, '#page', /Stadtrat/), /Der Stadtrat hat am Dienstag/);
    await assertPainted(page, '#page');

    // Dragging a file out again hides the drop zone; a file that is not HTML is refused.
    await drag('dragenter', '#input', 'cat.gif', 'GIF89a', 'image/gif');
    assert.equal(await page.isVisible('#dropzone'), true);
    await drag('dragleave', '#dropzone', 'cat.gif', 'GIF89a', 'image/gif');
    assert.equal(await page.isVisible('#dropzone'), false);
    await drag('drop', '#input', 'cat.gif', 'GIF89a', 'image/gif');
    assert.equal(await page.textContent('#error'), 'cat.gif is not an .html file');
    assert.match(await page.textContent('#source'), /consent\.html/);
  });
});

test('the demo page shows the original beside the cleaned page, the original with its scripts off', async () => {
  // The fixture, with a script and an event handler that would mark the page and message the demo.
  const mark = (what) => `document.body.insertAdjacentHTML('beforeend', '<p>${what} RAN</p>'); parent.postMessage('${what} ran', '*');`;
  const scripted = paywalled.replace(
    '</body>',
    `<script>${mark('SCRIPT')}</script><img src="data:," alt="" onerror="${mark('HANDLER')}"></body>`,
  );
  await withDemo(async (page) => {
    await page.evaluate(() => {
      window.messages = [];
      addEventListener('message', (event) => window.messages.push(String(event.data)));
    });
    await page.fill('#input', scripted);
    await page.click('#clean');
    await page.click('[data-tab=compare]');
    assert.deepEqual(await shownPanels(page), ['compare']);
    for (const id of ['before', 'after']) {
      assert.equal(await page.getAttribute(`#${id}`, 'sandbox'), '', `#${id} is sandboxed with no permission`);
      assert.ok(await page.isVisible(`#${id}`), `#${id} shows`);
    }
    // Side by side: the original on the left, the cleaned page on its right, as tall.
    const before = await page.locator('#before').boundingBox();
    const after = await page.locator('#after').boundingBox();
    assert.ok(before.x + before.width <= after.x && Math.abs(before.y - after.y) < 2 && before.width > 300, JSON.stringify({ before, after }));
    assert.ok(Math.abs(before.height - after.height) < 2 && before.height > 300, JSON.stringify({ before, after }));
    assert.equal(await page.$eval('#before', (f) => f.srcdoc), scripted);

    const original = await frameText(page, '#before', /unlimited access/);
    assert.match(original, /The leader has ordered the dispatch/);
    assert.match(original, /Try unlimited access/);
    const cleaned = await frameText(page, '#after', /dispatch/);
    assert.match(cleaned, /The leader has ordered the dispatch/);
    assert.doesNotMatch(cleaned, /Try unlimited access|All rights reserved/);
    assert.match(await page.textContent('#compare'), /After: the cleaned page/);
    await assertPainted(page, '#before');
    await assertPainted(page, '#after');

    // The original's script and handler did not run: the page is unmarked, nothing was posted.
    await page.waitForTimeout(300);
    assert.doesNotMatch(await frameText(page, '#before', /dispatch/), /RAN/);
    assert.deepEqual(await page.evaluate(() => window.messages), []);
    // The screenshot shows the original scrolled to its paywall pitch, which the cleaned page lacks.
    const beforeFrame = await (await page.$('#before')).contentFrame();
    await beforeFrame.evaluate(() => [...document.querySelectorAll('h3')].find((h) => /unlimited access/.test(h.textContent)).scrollIntoView());
    await page.screenshot({ path: join(artifacts, 'demo-before-after.png'), fullPage: true });

    // In reader mode, the right-hand side is the reader view.
    await page.selectOption('#mode', 'reader');
    assert.equal(await selectedTab(page), 'compare');
    assert.match(await page.textContent('#compare'), /After: the reader view/);
    assert.doesNotMatch(await frameText(page, '#after', /^(?![\s\S]*COPY LINK)[\s\S]*dispatch/), /COPY LINK|Try unlimited access/);
    await assertPainted(page, '#after');
  });
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
