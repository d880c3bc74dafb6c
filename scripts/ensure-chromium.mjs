#!/usr/bin/env node
// The browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core. Installs it
// with apt-get when it is missing (never `npx playwright install`: no downloads from elsewhere).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log('chromium is missing: installing Debian\'s package (apt-get, a minute or two)');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => execFileSync(sudo.length ? 'sudo' : args[0], sudo.length ? args : args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
}
console.log(execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim());
