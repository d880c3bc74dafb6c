// Cloudflare Workers: the package's `workerd` entry (js/worker.mjs, which imports the .wasm as a
// compiled module) in workerd, the Workers runtime, serving on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMOKE_EXPECTED } from './smoke.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));

const WORKER = `
import { clean, cleanerStream } from './js/worker.mjs';
import { smoke } from './smoke.mjs';
export default {
  async fetch() {
    return Response.json(await smoke({ clean, cleanerStream }));
  },
};
`;

const config = (port) => `
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "main.mjs", esModule = embed "main.mjs"),
    (name = "smoke.mjs", esModule = embed "smoke.mjs"),
    (name = "js/worker.mjs", esModule = embed "js/worker.mjs"),
    (name = "js/api.mjs", esModule = embed "js/api.mjs"),
    (name = "pkg/stripwall.js", esModule = embed "pkg/stripwall.js"),
    (name = "pkg/stripwall_bg.wasm", wasm = embed "pkg/stripwall_bg.wasm"),
  ],
  compatibilityDate = "2026-11-01",
);
`;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

test('the package exports its Workers entry under the workerd and worker conditions', () => {
  const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(exports['.'].workerd, './js/worker.mjs');
  assert.equal(exports['.'].worker, './js/worker.mjs');
});

test('in workerd: the shared checks (clean(), a TransformStream, Shift_JIS bytes)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stripwall-workerd-'));
  const port = await freePort();
  cpSync(join(root, 'js'), join(dir, 'js'), { recursive: true });
  cpSync(join(root, 'pkg'), join(dir, 'pkg'), { recursive: true });
  cpSync(join(root, 'tests/js/smoke.mjs'), join(dir, 'smoke.mjs'));
  writeFileSync(join(dir, 'main.mjs'), WORKER);
  writeFileSync(join(dir, 'config.capnp'), config(port));
  const workerd = spawn(join(root, 'node_modules/.bin/workerd'), ['serve', 'config.capnp'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  workerd.stderr.on('data', (d) => (stderr += d));
  try {
    let response;
    for (let attempt = 0; attempt < 100 && !response; attempt++) {
      try {
        response = await fetch(`http://127.0.0.1:${port}/`);
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    assert.ok(response, `workerd did not answer: ${stderr}`);
    assert.equal(response.status, 200, `${await response.clone().text()} ${stderr}`);
    assert.deepEqual(await response.json(), SMOKE_EXPECTED);
  } finally {
    workerd.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
