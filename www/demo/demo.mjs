// The demo page: the npm package's browser entry, run on pasted, opened or dropped HTML. Every
// change (the input, the mode, a category, the page URL) cleans the page again and renders every
// view, whichever tab is showing.
import { init, clean } from '../../js/browser.mjs';

const CATEGORIES = ['paywall', 'consent', 'newsletter', 'navigation', 'sidebar', 'share', 'related', 'comments', 'ads', 'footer', 'hidden', 'non-content'];
const ENCODING_FROM = { bom: 'from its byte order mark', caller: 'as declared', meta: 'from its <meta>', detected: 'guessed', text: 'text' };
const $ = (id) => document.getElementById(id);
const tabs = [...document.querySelectorAll('[role=tab]')];

for (const category of CATEGORIES) {
  const label = document.createElement('label');
  label.innerHTML = `<input type="checkbox" name="category" value="${category}" checked> ${category}`;
  $('categories').append(label);
}

// Tabs: click, or the arrow keys, Home and End on the tab list.
for (const tab of tabs) {
  tab.addEventListener('click', () => show(tab.dataset.tab));
  tab.addEventListener('keydown', (event) => {
    const i = tabs.indexOf(tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    show(target.dataset.tab);
    target.focus();
  });
}

function show(name) {
  for (const tab of tabs) {
    tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
    tab.tabIndex = tab.dataset.tab === name ? 0 : -1;
  }
  for (const panel of document.querySelectorAll('[data-panel]')) panel.hidden = panel.dataset.panel !== name;
}

const showing = () => tabs.find((tab) => tab.getAttribute('aria-selected') === 'true').dataset.tab;

// The input: the textarea's text, or the bytes of an opened or dropped file (so that clean()
// finds the page's charset) until the text is edited.
let file = null;
let typing;

$('input').addEventListener('input', () => {
  file = null;
  clearTimeout(typing);
  typing = setTimeout(run, 150);
});
$('file').addEventListener('change', () => {
  if ($('file').files[0]) open($('file').files[0]);
});
$('clean').addEventListener('click', run);
$('categories').addEventListener('change', run);
$('url').addEventListener('change', run);
$('mode').addEventListener('change', () => {
  // The page and reader tabs follow the mode; the others show the mode's own output.
  if (showing() === 'page' || showing() === 'reader') show($('mode').value === 'reader' ? 'reader' : 'page');
  run();
});

async function open(picked) {
  try {
    file = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()), text: undefined };
  } catch (error) {
    fail(`${picked.name}: ${error.message}`);
    return;
  }
  await run();
}

// Drag and drop of a file anywhere on the page; #dropzone shows while a file is dragged over it.
let drags = 0;
const carriesFiles = (event) => event.dataTransfer?.types.includes('Files');
const isHtml = (f) => /\.(x?html?|xht)$/i.test(f.name) || /html/.test(f.type);

function dropping(on) {
  drags = on ? drags + 1 : 0;
  document.body.classList.toggle('dropping', on);
}

addEventListener('dragenter', (event) => {
  if (carriesFiles(event)) dropping(true);
});
addEventListener('dragleave', (event) => {
  if (carriesFiles(event) && --drags <= 0) dropping(false);
});
addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
});
addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  dropping(false);
  const dropped = event.dataTransfer.files[0];
  if (!dropped) return;
  if (isHtml(dropped)) open(dropped);
  else fail(`${dropped.name} is not an .html file`);
});

const ready = init();

function options(mode) {
  const keep = [...document.querySelectorAll('input[name=category]:not(:checked)')].map((c) => c.value);
  return { mode, keep, explain: true, url: $('url').value.trim() || null };
}

const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);

/** A standalone page for the reader view: the title, the byline, the article. */
function readerPage(result) {
  const meta = result.metadata ?? {};
  const line = [meta.byline, meta.siteName, meta.published].filter(Boolean).map(escape).join(' · ');
  return `<!doctype html><meta charset="utf-8"><style>body{font:18px/1.6 Georgia,serif;max-width:38rem;margin:2rem auto;padding:0 1rem}img{max-width:100%;height:auto}pre{overflow:auto}</style>
<h1>${escape(result.title)}</h1>${line ? `<p><small>${line}</small></p>` : ''}${result.html}`;
}

/** The file's text, decoded as clean() decoded it (for the textarea and the "before" view). */
function decode(bytes, encoding) {
  try {
    return new TextDecoder(encoding || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder().decode(bytes);
  }
}

/** Loads a document in an iframe, unless it shows that one already (no reload, no flicker). */
function load(frame, html) {
  if (frame.srcdoc !== html) frame.srcdoc = html;
}

function fail(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

async function run() {
  clearTimeout(typing);
  await ready;
  const input = file ? file.bytes : $('input').value;
  $('error').hidden = true;
  try {
    const t0 = performance.now();
    const page = clean(input, options('stream'));
    const reader = clean(input, options('reader'));
    const ms = performance.now() - t0;
    const inReader = $('mode').value === 'reader';
    const current = inReader ? reader : page;
    const { encoding, encodingFrom, bytesIn } = page.report;
    if (file && file.text === undefined) {
      file.text = decode(file.bytes, encoding);
      $('input').value = file.text;
    }
    $('source').textContent = file ? `${file.name}: ${encoding}, ${ENCODING_FROM[encodingFrom] ?? encodingFrom}.` : '';
    $('time').textContent = `stream + reader: ${ms.toFixed(1)} ms for ${(bytesIn / 1024).toFixed(0)} KB`;
    const readerHtml = readerPage(reader);
    load($('page'), page.html);
    load($('reader'), readerHtml);
    load($('before'), file ? file.text : input);
    load($('after'), inReader ? readerHtml : page.html);
    $('after-caption').textContent = inReader ? 'After: the reader view' : 'After: the cleaned page';
    $('after').title = $('after-caption').textContent;
    $('text').textContent = current.text;
    $('markdown').textContent = current.markdown;
    renderReport(current.report);
  } catch (error) {
    fail(error.message);
  }
}

function renderReport(report) {
  const rows = Object.entries(report.removed).map(([category, t]) => `<tr><td>${escape(category)}</td><td>${t.elements}</td><td>${t.bytes}</td></tr>`);
  $('tally').tBodies[0].innerHTML = rows.join('') || '<tr><td colspan="3">nothing removed</td></tr>';
  $('removals').replaceChildren(
    ...report.removals.map((r) => {
      const li = document.createElement('li');
      li.innerHTML = '<b></b> &lt;<span></span>&gt; <code></code>: <q></q>';
      const [b, tag, code, q] = li.children;
      b.textContent = r.category;
      tag.textContent = r.tag;
      code.textContent = r.reason;
      q.textContent = r.snippet;
      return li;
    }),
  );
  $('warnings').replaceChildren(
    ...report.warnings.map((w) => {
      const li = document.createElement('li');
      li.textContent = `warning: ${w}`;
      return li;
    }),
  );
}

// A reload keeps the textarea's text: show it cleaned.
if ($('input').value) run();
