// The reader view: the page's HTML (from the background script, via session storage) cleaned by
// the WebAssembly module in reader mode, shown with the reader's settings. Also here: narration
// with the Web Speech API, and keeping what was read as Markdown or text.
import { init, clean } from './lib/js/browser.mjs';

const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const defaults = { theme: 'light', font: 'serif', size: 20, width: 38, rate: 1 };
const kinds = { forum: 'Thread', product: 'Product', listing: 'Listing', documentation: 'Documentation' };
/** Words a minute, for the reading time. */
const WORDS_PER_MINUTE = 230;

/** What is shown: the cleaned result and the page it came from. */
let shown = null;

async function settings() {
  const { reader = {} } = await api.storage.local.get('reader');
  return { ...defaults, ...reader };
}

async function save(change) {
  const reader = { ...(await settings()), ...change };
  await api.storage.local.set({ reader });
  apply(reader);
}

function apply({ theme, font, size, width, rate }) {
  document.body.className = `${theme} ${font}`;
  document.documentElement.style.setProperty('--size', `${size}px`);
  document.documentElement.style.setProperty('--width', `${width}rem`);
  for (const button of document.querySelectorAll('[data-theme]')) {
    button.setAttribute('aria-pressed', String(button.dataset.theme === theme));
  }
  $('rate').value = String(rate);
}

/**
 * Cleans the live DOM and, when the background script could fetch it, the page as served; shows
 * the served one when it holds clearly more text (a script cut the live article short).
 */
function pick(page, options) {
  const live = clean(page.html, options);
  const chars = (result) => result.report.reader?.textChars ?? result.text.length;
  if (page.served) {
    const served = clean(page.served, options);
    if (chars(served) > chars(live) * 1.2 + 200) {
      return { result: served, source: 'served', liveChars: chars(live), chars: chars(served) };
    }
  }
  return { result: live, source: 'live', chars: chars(live) };
}

function formatDate(iso, lang) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(lang || undefined, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toLocaleDateString();
  }
}

function wordCount(text) {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The article's HTML as nodes: parsed inert by DOMParser (reader output has no script anyway). */
function nodes(html) {
  return [...new DOMParser().parseFromString(html, 'text/html').body.childNodes];
}

function render(page, { result, source, liveChars, chars }, ms) {
  const meta = result.metadata ?? {};
  const host = new URL(page.url).hostname;
  const title = result.title ?? page.title;
  document.title = title;
  $('title').textContent = title;
  $('site-name').textContent = meta.siteName ?? host;
  $('view').className = result.report.pageKind;
  const kind = kinds[result.report.pageKind];
  $('kind').hidden = !kind;
  $('kind').textContent = kind ?? '';
  $('byline').textContent = [meta.byline, meta.published && formatDate(meta.published, meta.lang)].filter(Boolean).join(' · ');
  const words = wordCount(result.text);
  const minutes = Math.max(1, Math.round(words / WORDS_PER_MINUTE));
  $('facts').textContent = `${minutes} min read · ${words.toLocaleString()} words`;
  if (meta.lang) document.documentElement.lang = meta.lang;
  if (meta.dir) document.documentElement.dir = meta.dir;
  $('article').replaceChildren(...nodes(result.html));
  // The lead image, unless the article shows it already.
  const image = meta.image && new URL(meta.image, page.url).href;
  const inArticle = image && [...$('article').querySelectorAll('img')].some((img) => img.src === image);
  if (image && !inArticle) {
    $('lead-image').src = image;
    $('lead').hidden = false;
  }
  const whole = result.report.reader?.outcome === 'whole-page';
  const from =
    source === 'served'
      ? `From the page as its server sent it: the page on screen showed ${liveChars.toLocaleString()} of its ${chars.toLocaleString()} characters.`
      : 'From the page as shown.';
  $('status').textContent = whole
    ? `No one article on this page: this is the whole page without its clutter (${ms} ms). ${from}`
    : `Cleaned in ${ms} ms. ${from}`;
  $('status').dataset.source = source;
}

// Narration: each block of the article read in turn, the one being read highlighted.
const narration = { blocks: [], index: 0, state: 'idle', token: 0 };

function speakable() {
  const blocks = [$('title'), ...$('article').querySelectorAll('h2, h3, h4, h5, h6, p, li, blockquote, td, dd, figcaption')];
  return blocks.filter((el) => el.textContent.trim() && !el.querySelector('p, li, blockquote'));
}

function highlight(index) {
  for (const el of document.querySelectorAll('.speaking')) el.classList.remove('speaking');
  const block = narration.blocks[index];
  if (block) {
    block.classList.add('speaking');
    block.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }
}

async function speak(index) {
  const synth = globalThis.speechSynthesis;
  if (index >= narration.blocks.length) return stop();
  const token = ++narration.token;
  narration.index = index;
  highlight(index);
  const utterance = new SpeechSynthesisUtterance(narration.blocks[index].textContent.trim());
  utterance.rate = (await settings()).rate;
  utterance.lang = document.documentElement.lang || '';
  utterance.onend = () => {
    if (narration.token === token && narration.state === 'playing') speak(index + 1);
  };
  synth.speak(utterance);
}

function stop() {
  narration.token++;
  narration.state = 'idle';
  globalThis.speechSynthesis?.cancel();
  highlight(-1);
  $('listen').textContent = '▶ Listen';
  $('stop').disabled = true;
}

function listen() {
  const synth = globalThis.speechSynthesis;
  if (!synth) {
    $('status').textContent = 'This browser cannot read aloud (no Web Speech API).';
    return;
  }
  if (narration.state === 'playing') {
    synth.pause();
    narration.state = 'paused';
    $('listen').textContent = '▶ Resume';
  } else if (narration.state === 'paused') {
    synth.resume();
    narration.state = 'playing';
    $('listen').textContent = '❚❚ Pause';
  } else {
    narration.blocks = speakable();
    narration.state = 'playing';
    $('listen').textContent = '❚❚ Pause';
    $('stop').disabled = false;
    synth.cancel();
    speak(0);
  }
}

// Keeping what was read.
function note() {
  const { result, title } = shown;
  const body = result.markdown.trimStart().startsWith('# ') ? result.markdown : `# ${title}\n\n${result.markdown}`;
  return `${result.frontMatter}${body}`;
}

function fileName(title) {
  const name = title.replace(/[\\/:*?"<>|#^[\]]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
  return `${name || 'article'}.md`;
}

async function copy(text, what) {
  await navigator.clipboard.writeText(text);
  $('status').textContent = `${what} copied.`;
}

function saveNote() {
  const url = URL.createObjectURL(new Blob([note()], { type: 'text/markdown;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName(shown.title);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
  const picked = pick(page, { mode: 'reader', url: page.url, filterLists });
  render(page, picked, (performance.now() - t0).toFixed(1));
  shown = { ...picked, title: picked.result.title ?? page.title };
}

for (const button of document.querySelectorAll('[data-theme]')) {
  button.addEventListener('click', () => save({ theme: button.dataset.theme }));
}
$('font').addEventListener('click', async () => save({ font: (await settings()).font === 'serif' ? 'sans' : 'serif' }));
$('smaller').addEventListener('click', async () => save({ size: Math.max(14, (await settings()).size - 2) }));
$('larger').addEventListener('click', async () => save({ size: Math.min(32, (await settings()).size + 2) }));
$('width').addEventListener('click', async () => save({ width: (await settings()).width === 38 ? 52 : 38 }));
$('rate').addEventListener('change', async () => {
  await save({ rate: Number($('rate').value) });
  if (narration.state === 'playing') {
    globalThis.speechSynthesis.cancel();
    speak(narration.index);
  }
});
$('listen').addEventListener('click', listen);
$('stop').addEventListener('click', stop);
$('copy-md').addEventListener('click', () => shown && copy(note(), 'Markdown'));
$('copy-text').addEventListener('click', () => shown && copy(`${shown.title}\n\n${shown.result.text}`, 'Text'));
$('save-md').addEventListener('click', () => shown && saveNote());
addEventListener('pagehide', () => globalThis.speechSynthesis?.cancel());

main().catch((error) => {
  $('status').textContent = `stripwall could not read this page: ${error.message}`;
});
