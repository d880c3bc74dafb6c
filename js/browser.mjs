// Browsers: `await init()` loads the .wasm that sits next to this package (or the URL, Response,
// bytes or WebAssembly.Module given).
import initWasm from '../pkg/stripwall.js';
import { markReady } from './api.mjs';

let loading;

/** Loads the WebAssembly module; call once (later calls wait for the first). */
export function init(input) {
  loading ??= initWasm({ module_or_path: input ?? new URL('../pkg/stripwall_bg.wasm', import.meta.url) }).then(
    () => markReady(),
    (error) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export { clean, toText, toMarkdown, isProbablyReaderable, Cleaner, CleanStream, cleanerStream } from './api.mjs';
