// Node.js and Deno: the module is read from disk and instantiated on import; no init needed.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/stripwall.js';
import { markReady } from './api.mjs';

initSync({ module: readFileSync(new URL('../pkg/stripwall_bg.wasm', import.meta.url)) });
markReady();

/** Already loaded on this platform; kept so that code written for browsers runs unchanged. */
export async function init() {}

export { clean, toText, toMarkdown, isProbablyReaderable, Cleaner, CleanStream, cleanerStream } from './api.mjs';
