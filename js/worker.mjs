// Cloudflare Workers and other runtimes that import .wasm files as compiled modules.
import wasmModule from '../pkg/stripwall_bg.wasm';
import { initSync } from '../pkg/stripwall.js';
import { markReady } from './api.mjs';

initSync({ module: wasmModule });
markReady();

/** Already loaded on this platform. */
export async function init() {}

export { clean, toText, toMarkdown, isProbablyReaderable, Cleaner, CleanStream, cleanerStream } from './api.mjs';
