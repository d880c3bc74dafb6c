// js/index.d.ts against a file that uses every option and field of the package, compiled by the
// TypeScript compiler with --strict (tests/types/usage.ts): a declaration missing, or typed so
// that a user's correct code does not compile (or their wrong code does), fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('index.d.ts types a strict TypeScript user of every option and field', () => {
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tests/types/tsconfig.json'], {
    cwd: root,
    encoding: 'utf8',
  });
  assert.equal(tsc.status, 0, `tsc --strict failed:\n${tsc.stdout}${tsc.stderr}`);
});
