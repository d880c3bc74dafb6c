#!/usr/bin/env node
// Builds the browser extension: www/extension plus the package's browser entry and WebAssembly
// module -> dist/extension/ (load it unpacked) and dist/stripwall-extension.zip (for the stores).
// Needs `npm run build` first (the module in pkg/).
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/extension');
const wasm = join(root, 'pkg/stripwall_bg.wasm');
if (!existsSync(wasm)) {
  console.error('build:extension: pkg/stripwall_bg.wasm is missing; run `npm run build` first');
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
cpSync(join(root, 'www/extension'), out, { recursive: true });
// The package's browser entry keeps its layout: lib/js/*.mjs import ../pkg/stripwall.js.
mkdirSync(join(out, 'lib/js'), { recursive: true });
mkdirSync(join(out, 'lib/pkg'), { recursive: true });
for (const file of ['browser.mjs', 'api.mjs']) cpSync(join(root, 'js', file), join(out, 'lib/js', file));
for (const file of ['stripwall.js', 'stripwall_bg.wasm']) cpSync(join(root, 'pkg', file), join(out, 'lib/pkg', file));
cpSync(join(root, 'LICENSE'), join(out, 'LICENSE'));
// The "reader available" check in every tab is Readability's isProbablyReaderable (Apache-2.0), a
// plain script the content script calls: a walk over the page's paragraphs, no WebAssembly.
const readability = join(root, 'node_modules/@mozilla/readability');
cpSync(join(readability, 'Readability-readerable.js'), join(out, 'lib/Readability-readerable.js'));
cpSync(join(readability, 'LICENSE.md'), join(out, 'lib/Readability-LICENSE.md'));

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const entries = Object.fromEntries(files(out).map((path) => [relative(out, path), readFileSync(path)]));
const zip = zipSync(entries, { level: 9 });
writeFileSync(join(root, 'dist/stripwall-extension.zip'), zip);
console.log(`dist/extension/ (${Object.keys(entries).length} files) and dist/stripwall-extension.zip (${(zip.length / 1024).toFixed(0)} KB)`);
