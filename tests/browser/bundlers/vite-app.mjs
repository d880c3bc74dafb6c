// The README's Vite recipe: nothing to configure. Vite sees the package's
// `new URL('../pkg/stripwall_bg.wasm', import.meta.url)`, copies the .wasm into the build and
// rewrites the address, so init() finds it.
import { init, clean } from 'stripwall';

await init();
const { text, report } = clean(document.querySelector('#page').value, { mode: 'reader' });
document.body.dataset.result = JSON.stringify({ text, outcome: report.reader?.outcome });
