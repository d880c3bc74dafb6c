// The reader view: the page's HTML (from the background script, via session storage) cleaned by
// the WebAssembly module in reader mode, shown with the reader's typography settings.
import { init, clean } from './lib/js/browser.mjs';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const defaults = { theme: 'light', size: 20, width: 38 };

async function settings() {
  const { reader = {} } = await api.storage.local.get('reader');
  return { ...defaults, ...reader };
}

async function save(change) {
  const reader = { ...(await settings()), ...change };
  await api.storage.local.set({ reader });
  apply(reader);
}

function apply({ theme, size, width }) {
  document.body.className = theme;
  document.documentElement.style.setProperty('--size', `${size}px`);
  document.documentElement.style.setProperty('--width', `${width}rem`);
}

async function main() {
  apply(await settings());
  const id = location.hash.slice(1);
  const stored = await api.storage.session.get(id);
  const page = stored[id];
  if (!page) {
    $('status').textContent = 'Nothing to show: open a page and press the stripwall button.';
    return;
  }
  await api.storage.session.remove(id);
  const host = new URL(page.url).hostname;
  $('host').textContent = host;
  $('original').href = page.url;
  const { disabledSites = [], filterLists = [] } = await api.storage.local.get(['disabledSites', 'filterLists']);
  $('site').checked = !disabledSites.includes(host);
  $('site').addEventListener('change', async () => {
    const { disabledSites: list = [] } = await api.storage.local.get('disabledSites');
    const next = $('site').checked ? list.filter((h) => h !== host) : [...new Set([...list, host])];
    await api.storage.local.set({ disabledSites: next });
  });

  await init(new URL('./lib/pkg/stripwall_bg.wasm', import.meta.url));
  const t0 = performance.now();
  const result = clean(page.html, { mode: 'reader', url: page.url, filterLists });
  const meta = result.metadata ?? {};
  document.title = result.title ?? page.title;
  $('title').textContent = result.title ?? page.title;
  $('site-name').textContent = meta.siteName ?? host;
  $('byline').textContent = [meta.byline, meta.published && new Date(meta.published).toLocaleDateString()].filter(Boolean).join(' · ');
  if (meta.lang) document.documentElement.lang = meta.lang;
  if (meta.dir) document.documentElement.dir = meta.dir;
  // The article is reader mode's output: no script, no event handler, no form; this page's CSP
  // (script-src 'self') would refuse them anyway.
  $('article').innerHTML = result.html;
  const ms = (performance.now() - t0).toFixed(1);
  $('status').textContent = result.report.reader?.outcome === 'whole-page'
    ? `No article found: this is the whole page without its clutter (${ms} ms).`
    : `Cleaned in ${ms} ms.`;
}

$('theme').addEventListener('click', async () => save({ theme: (await settings()).theme === 'light' ? 'dark' : 'light' }));
$('smaller').addEventListener('click', async () => save({ size: Math.max(14, (await settings()).size - 2) }));
$('larger').addEventListener('click', async () => save({ size: Math.min(32, (await settings()).size + 2) }));
$('width').addEventListener('click', async () => save({ width: (await settings()).width === 38 ? 52 : 38 }));

main().catch((error) => {
  $('status').textContent = `stripwall could not read this page: ${error.message}`;
});
