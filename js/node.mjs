// Node.js and Deno: the module is read from disk and instantiated on import; no init needed.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { initSync, Utf16Text } from '../pkg/stripwall.js';
import { markReady } from './api.mjs';

const instance = initSync({ module: readFileSync(new URL('../pkg/stripwall_bg.wasm', import.meta.url)) });

/**
 * A string's UTF-16 code units, written straight into the module's memory. Node.js copies them
 * (`utf16le` is the layout of its two-byte strings) several times faster than `TextEncoder`
 * encodes UTF-8. The units are read in the host's byte order, hence little-endian hosts only.
 */
function stringToUtf16(text) {
  const units = new Utf16Text(text.length);
  Buffer.from(instance.memory.buffer, units.offset, text.length * 2).write(text, 'utf16le');
  return units;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
// Deno also loads this entry; there Buffer's UTF-16 write is the slower one (6x TextEncoder's).
const isNode = typeof globalThis.Deno === 'undefined';
markReady(littleEndian && isNode ? { stringToUtf16 } : {});

/** Already loaded on this platform; kept so that code written for browsers runs unchanged. */
export async function init() {}

export { clean, toText, toMarkdown, isProbablyReaderable, Cleaner, CleanStream, cleanerStream } from './api.mjs';
