// The README's esbuild recipe: the .wasm is imported as a file (esbuild copies it next to the
// bundle and gives its URL) and handed to init().
import { init, clean } from 'stripwall';
import wasmUrl from 'stripwall/stripwall_bg.wasm';

await init(new URL(wasmUrl, import.meta.url));
const { text, report } = clean(document.querySelector('#page').value, { mode: 'reader' });
document.body.dataset.result = JSON.stringify({ text, outcome: report.reader?.outcome });
