// The README's bundler recipes, proved: a page using the package's browser entry is bundled by
// esbuild and by Vite (both from npm, pinned) and run in Debian's Chromium, where it must load
// the WebAssembly module and clean a page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import * as esbuild from 'esbuild';
import { build as viteBuild } from 'vite';
import { serve } from '../../scripts/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = join(root, 'target/bundle-test');
const args = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const article = readFileSync(join(root, 'tests/fixtures/paywalled-news.html'), 'utf8');

/** A project that depends on the package (a link to this checkout, as `npm link` makes). */
function project(name, app) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules/stripwall'), 'dir');
  cpSync(join(root, 'tests/browser/bundlers', app), join(dir, 'app.mjs'));
  const page = article.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>bundled</title><textarea id="page" hidden>${page}</textarea>` +
      `<script type="module" src="./app.mjs"></script>`,
  );
  return dir;
}

/** Serves the built site `dir` at the root of a local server, as it would be deployed. */
async function run(dir) {
  const server = await serve(0, dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.body.dataset.result || null, null, { timeout: 15000 }).catch(() => {});
    assert.deepEqual(errors, []);
    const result = JSON.parse(await page.evaluate(() => document.body.dataset.result));
    assert.match(result.text, /The leader has ordered the dispatch/);
    assert.doesNotMatch(result.text, /Try unlimited access/);
    assert.equal(result.outcome, 'article');
  } finally {
    await browser.close();
    await server.close();
  }
}

test('an esbuild bundle with the .wasm as a file loads the module in Chromium', async () => {
  const dir = project('esbuild', 'esbuild-app.mjs');
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace('./app.mjs', './app.js');
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist/index.html'), html);
  await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ['app.mjs'],
    bundle: true,
    format: 'esm',
    outdir: 'dist',
    loader: { '.wasm': 'file' },
    logLevel: 'silent',
  });
  await run(join(dir, 'dist'));
});

test('a Vite build of a page that calls init() loads the module in Chromium', async () => {
  const dir = project('vite', 'vite-app.mjs');
  await viteBuild({ root: dir, logLevel: 'silent', build: { outDir: 'dist', emptyOutDir: true } });
  await run(join(dir, 'dist'));
});
