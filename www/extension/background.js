// The toolbar button and its shortcut (Alt+Shift+R): take the tab's live DOM, and the page's own
// HTML as the server sent it, and open both in the reader view. The page goes to session storage
// under a fresh id; reader.html reads it. The content script's "readerable" message marks the
// button on pages that have an article.
const api = globalThis.browser ?? globalThis.chrome;

/** Whether the reader is switched off for a host (the per-site switch). */
async function isDisabled(host) {
  const { disabledSites = [] } = await api.storage.local.get('disabledSites');
  return disabledSites.includes(host);
}

/**
 * Runs in the page: its live DOM, and its HTML as served (fetched again from the same origin,
 * usually from the cache). Scripts that cut an article short after load change the first, not
 * the second; the reader view cleans both and says which it showed.
 */
async function capturePage() {
  const page = { html: document.documentElement.outerHTML, served: null, url: location.href, title: document.title };
  try {
    const response = await fetch(location.href, { credentials: 'include', cache: 'force-cache' });
    const type = response.headers.get('content-type') ?? '';
    if (response.ok && /html/i.test(type)) page.served = await response.text();
  } catch {
    // Offline, or the page came from a POST: the live DOM is all there is.
  }
  return page;
}

/** Opens the reader view for `tab`. Exposed for tests as `globalThis.openReader`. */
export async function openReader(tab) {
  const host = new URL(tab.url).hostname;
  if (await isDisabled(host)) {
    await api.action.setBadgeText({ tabId: tab.id, text: 'off' });
    return null;
  }
  const [{ result: page }] = await api.scripting.executeScript({ target: { tabId: tab.id }, func: capturePage });
  const id = crypto.randomUUID();
  await api.storage.session.set({ [id]: page });
  return api.tabs.create({ url: api.runtime.getURL(`reader.html#${id}`), index: tab.index + 1, openerTabId: tab.id });
}

/** Marks the button on a tab whose page has an article ("reader available"), or clears it. */
async function markReaderable(tabId, readerable) {
  await api.action.setBadgeBackgroundColor({ tabId, color: '#2e7d32' });
  await api.action.setBadgeText({ tabId, text: readerable ? 'R' : '' });
  await api.action.setTitle({
    tabId,
    title: readerable ? 'Reader view available: open in stripwall reader (Alt+Shift+R)' : 'Open in stripwall reader (Alt+Shift+R)',
  });
}

api.runtime.onMessage.addListener((message, sender) => {
  if (message?.type === 'readerable' && sender.tab?.id !== undefined) {
    markReaderable(sender.tab.id, message.readerable === true).catch((error) => console.error('stripwall:', error));
  }
});

api.action.onClicked.addListener((tab) => {
  openReader(tab).catch((error) => console.error('stripwall:', error));
});

globalThis.openReader = openReader;
