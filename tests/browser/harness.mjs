// What the browser tests share: where things are, how Chromium runs on this closed network, and
// the test's copy of the built extension.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const artifacts = join(root, 'test-artifacts');
export const extension = join(root, 'dist/extension');

/** Chromium's flags here: no sandbox in the container, and no calls to Google's hosts. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The built extension as a test loads it, copied to `dir`. The toolbar click grants `activeTab`
 * and no driver can click browser chrome, so the copy also gets host access to the local test
 * server, plus what `extra` adds to the manifest; everything else is the shipped extension.
 */
export function extensionForTest(dir, extra = {}) {
  cpSync(extension, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  Object.assign(manifest, { host_permissions: ['http://127.0.0.1/*'] }, extra);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
