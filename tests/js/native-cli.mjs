// The native CLI, for tests that compare the package with it: built once per test file (cargo
// is needed anyway to build the package), then run with `--format json`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
let built = false;

/** The CLI's JSON result for `args` (which name the input file), stderr discarded. */
export function nativeJson(args) {
  if (!built) {
    execFileSync('cargo', ['build', '--quiet', '--bin', 'stripwall'], { cwd: root, stdio: 'inherit' });
    built = true;
  }
  const out = execFileSync(`${root}target/debug/stripwall`, ['--format', 'json', ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out);
}
