// The toolbar button and its shortcut (Alt+Shift+R): take the tab's live DOM and open it in the
// reader view. The page's HTML goes to session storage under a fresh id; reader.html reads it.
const api = globalThis.browser ?? globalThis.chrome;

/** Whether the reader is switched off for a host (the per-site switch). */
async function isDisabled(host) {
  const { disabledSites = [] } = await api.storage.local.get('disabledSites');
  return disabledSites.includes(host);
}

/** Opens the reader view for `tab`. Exposed for tests as `globalThis.openReader`. */
export async function openReader(tab) {
  const host = new URL(tab.url).hostname;
  if (await isDisabled(host)) {
    await api.action.setBadgeText({ tabId: tab.id, text: 'off' });
    return null;
  }
  const [{ result: page }] = await api.scripting.executeScript({
    target: { tabId: tab.id },
    func: () => ({ html: document.documentElement.outerHTML, url: location.href, title: document.title }),
  });
  const id = crypto.randomUUID();
  await api.storage.session.set({ [id]: page });
  return api.tabs.create({ url: api.runtime.getURL(`reader.html#${id}`), index: tab.index + 1, openerTabId: tab.id });
}

api.action.onClicked.addListener((tab) => {
  openReader(tab).catch((error) => console.error('stripwall:', error));
});

globalThis.openReader = openReader;
