// The package as users get it: `npm pack`, installed into an empty project, imported by name;
// and the browser entry, which needs `init()`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMOKE_EXPECTED } from './smoke.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

function node(cwd, source) {
  const file = join(cwd, 'check.mjs');
  writeFileSync(file, source);
  return execFileSync(process.execPath, [file], { cwd, encoding: 'utf8' });
}

// The package by name, running the shared checks.
const USE_BY_NAME = `
  import { clean, cleanerStream } from 'stripwall';
  import { smoke } from ${JSON.stringify(new URL('./smoke.mjs', import.meta.url).href)};
  console.log(JSON.stringify(await smoke({ clean, cleanerStream })));
`;

test('npm pack gives a tarball that installs and works in an empty project, in Node and Deno', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stripwall-pack-'));
  try {
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
    const files = packed[0].files.map((f) => f.path).sort();
    for (const needed of ['js/node.mjs', 'js/browser.mjs', 'js/worker.mjs', 'js/api.mjs', 'js/index.d.ts', 'pkg/stripwall.js', 'pkg/stripwall_bg.wasm', 'package.json', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} missing from the tarball: ${files.join(', ')}`);
    }
    assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('target/')), files.join(', '));

    const project = join(dir, 'app');
    execFileSync('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--offline', join(dir, packed[0].filename)], { cwd: project, stdio: 'ignore' });
    writeFileSync(join(project, 'check.mjs'), USE_BY_NAME);
    const out = execFileSync(process.execPath, ['check.mjs'], { cwd: project, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), SMOKE_EXPECTED);
    // Deno, from the same install: its `deno` export condition, bare specifiers through node_modules.
    const deno = execFileSync(join(root, 'node_modules/.bin/deno'), ['run', '--allow-read', 'check.mjs'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    assert.deepEqual(JSON.parse(deno), SMOKE_EXPECTED, 'Deno');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the browser entry needs init(), says so, and works after it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stripwall-browser-'));
  try {
    const out = node(dir, `
      import { readFileSync } from 'node:fs';
      import { init, clean } from ${JSON.stringify(`${root}js/browser.mjs`)};
      let before;
      try { clean('<p>x</p>'); } catch (e) { before = e.message; }
      await init(readFileSync(${JSON.stringify(`${root}pkg/stripwall_bg.wasm`)}));
      await init(); // a second call waits for the first and does nothing more
      console.log(JSON.stringify([before, clean('<nav>n</nav><p>x</p>').html]));
    `);
    const [before, html] = JSON.parse(out);
    assert.match(before, /call `await init\(\)` first/);
    assert.equal(html, '<p>x</p>');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the type definitions cover the API', () => {
  const types = readFileSync(`${root}js/index.d.ts`, 'utf8');
  for (const name of ['export function clean', 'export function init', 'export function toMarkdown', 'export function isProbablyReaderable', 'export interface Metadata', 'export interface FilterReport', 'export class Cleaner', 'export class CleanStream', 'export function cleanerStream', 'export interface Options', 'export interface Report', 'export type Category']) {
    assert.ok(types.includes(name), `index.d.ts lacks ${name}`);
  }
  assert.ok(!/:\s*any\b|<any>|\bany\[\]/.test(types), 'index.d.ts uses `any`');
});
