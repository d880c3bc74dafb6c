// The demo page: the npm package's browser entry, run on pasted or opened HTML.
import { init, clean } from '../../js/browser.mjs';

const CATEGORIES = ['paywall', 'consent', 'newsletter', 'navigation', 'sidebar', 'share', 'related', 'comments', 'ads', 'footer', 'hidden', 'non-content'];
const $ = (id) => document.getElementById(id);

for (const category of CATEGORIES) {
  const label = document.createElement('label');
  label.innerHTML = `<input type="checkbox" name="category" value="${category}" checked> ${category}`;
  $('categories').append(label);
}

for (const tab of document.querySelectorAll('[role=tab]')) {
  tab.addEventListener('click', () => show(tab.dataset.tab));
}

function show(name) {
  for (const tab of document.querySelectorAll('[role=tab]')) tab.setAttribute('aria-selected', String(tab.dataset.tab === name));
  for (const panel of document.querySelectorAll('[data-panel]')) panel.hidden = panel.dataset.panel !== name;
}

$('file').addEventListener('change', async () => {
  const file = $('file').files[0];
  if (file) {
    $('input').value = await file.text();
    run();
  }
});
$('clean').addEventListener('click', run);
$('mode').addEventListener('change', run);

const ready = init();

function options(mode) {
  const keep = [...document.querySelectorAll('input[name=category]:not(:checked)')].map((c) => c.value);
  return { mode, keep, explain: true, url: $('url').value.trim() || null };
}

/** A standalone page for the reader view: the title, the byline, the article. */
function readerPage(result) {
  const meta = result.metadata ?? {};
  const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
  const line = [meta.byline, meta.siteName, meta.published].filter(Boolean).map(escape).join(' · ');
  return `<!doctype html><meta charset="utf-8"><style>body{font:18px/1.6 Georgia,serif;max-width:38rem;margin:2rem auto;padding:0 1rem}img{max-width:100%;height:auto}pre{overflow:auto}</style>
<h1>${escape(result.title)}</h1>${line ? `<p><small>${line}</small></p>` : ''}${result.html}`;
}

async function run() {
  await ready;
  const html = $('input').value;
  $('error').hidden = true;
  try {
    const t0 = performance.now();
    const page = clean(html, options('stream'));
    const reader = clean(html, options('reader'));
    const ms = performance.now() - t0;
    const shown = $('mode').value === 'reader' ? reader : page;
    $('time').textContent = `stream + reader: ${ms.toFixed(1)} ms for ${(html.length / 1024).toFixed(0)} KB`;
    $('page').srcdoc = page.html;
    $('reader').srcdoc = readerPage(reader);
    $('text').textContent = shown.text;
    $('markdown').textContent = shown.markdown;
    renderReport(shown.report);
    show($('mode').value === 'reader' ? 'reader' : 'page');
  } catch (error) {
    $('error').textContent = error.message;
    $('error').hidden = false;
  }
}

function renderReport(report) {
  const rows = Object.entries(report.removed).map(([category, t]) => `<tr><td>${category}</td><td>${t.elements}</td><td>${t.bytes}</td></tr>`);
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
