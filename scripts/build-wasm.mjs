#!/usr/bin/env node
// Builds the npm package's WebAssembly module into pkg/:
//   cargo (wasm32, `wasm` profile, encoding_rs without its CJK codecs) -> wasm-bindgen (pinned, --target web) -> wasm-opt -O3 (npm binaryen).
// Installs the wasm32 target and the pinned wasm-bindgen-cli when they are missing (wasm-pack
// cannot be used here: it downloads prebuilt binaries). Prints the module's gzip -9 size.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slimEncodingRs } from './slim-encoding-rs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cargoToml = readFileSync(join(root, 'Cargo.toml'), 'utf8');
const pinned = cargoToml.match(/wasm-bindgen = \{ version = "=([0-9.]+)"/)?.[1];
if (!pinned) throw new Error('Cargo.toml must pin wasm-bindgen with "=x.y.z"');

function run(cmd, args, options = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
}

function output(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout : null;
}

// 1. Toolchain: the wasm32 target and the wasm-bindgen CLI of the pinned version.
if (!(output('rustup', ['target', 'list', '--installed']) ?? '').includes('wasm32-unknown-unknown')) {
  run('rustup', ['target', 'add', 'wasm32-unknown-unknown']);
}
const installed = output('wasm-bindgen', ['--version'])?.trim().split(' ')[1];
if (installed !== pinned) {
  console.log(`wasm-bindgen-cli ${installed ?? 'missing'}, need ${pinned}: installing (a few minutes, once)`);
  run('cargo', ['install', 'wasm-bindgen-cli', '--version', pinned, '--force']);
}

// 2. Compile, with encoding_rs slimmed (scripts/slim-encoding-rs.mjs). The patch makes cargo
// rewrite Cargo.lock's entry for encoding_rs: the lock file is put back as it was.
const slim = slimEncodingRs(root);
const lockFile = join(root, 'Cargo.lock');
const lock = readFileSync(lockFile);
try {
  run('cargo', ['build', '--lib', '--target', 'wasm32-unknown-unknown', '--profile', 'wasm', '--no-default-features',
    '--features', 'wasm', '--config', `patch.crates-io.encoding_rs.path=${JSON.stringify(slim)}`]);
} finally {
  writeFileSync(lockFile, lock);
}

// 3. Bindings: ES module glue with an explicit init, wrapped by js/*.mjs per platform.
const pkg = join(root, 'pkg');
mkdirSync(pkg, { recursive: true });
run('wasm-bindgen', ['--target', 'web', '--weak-refs', '--no-typescript', '--out-dir', pkg, '--out-name', 'stripwall',
  join(root, 'target/wasm32-unknown-unknown/wasm/stripwall.wasm')]);

// 4. Optimise with binaryen's wasm-opt (npm package `binaryen`): -O3, speed first (-Oz saved under 1%).
const wasm = join(pkg, 'stripwall_bg.wasm');
const wasmOpt = join(root, 'node_modules/.bin/wasm-opt');
run(wasmOpt, ['-O3', '--enable-simd', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--strip-debug', '--strip-producers', wasm, '-o', wasm]);

const bytes = readFileSync(wasm);
const gz = gzipSync(bytes, { level: 9 }).length;
const summary = { wasm: bytes.length, gzip9: gz };
writeFileSync(join(pkg, 'size.json'), JSON.stringify(summary) + '\n');
console.log(`pkg/stripwall_bg.wasm: ${(bytes.length / 1024).toFixed(0)} KB, gzip -9: ${(gz / 1024).toFixed(0)} KB`);
