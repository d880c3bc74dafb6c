// Options: filter lists for the reader view, and the sites where it is switched off.
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);

async function load() {
  const { filterLists = [], disabledSites = [] } = await api.storage.local.get(['filterLists', 'disabledSites']);
  $('lists').value = filterLists.join('\n');
  $('sites').replaceChildren(
    ...disabledSites.map((host) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.textContent = 'switch on';
      button.addEventListener('click', async () => {
        await api.storage.local.set({ disabledSites: disabledSites.filter((h) => h !== host) });
        load();
      });
      li.append(`${host} `, button);
      return li;
    }),
  );
}

$('files').addEventListener('change', async () => {
  const texts = await Promise.all([...$('files').files].map((f) => f.text()));
  $('lists').value = [$('lists').value, ...texts].filter(Boolean).join('\n');
});

$('save').addEventListener('click', async () => {
  const text = $('lists').value.trim();
  await api.storage.local.set({ filterLists: text ? [text] : [] });
  $('saved').textContent = 'Saved.';
});

load();
