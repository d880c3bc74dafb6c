#!/usr/bin/env node
// The browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core and Debian's
// Firefox ESR (/usr/bin/firefox-esr) with puppeteer-core over WebDriver BiDi. Installs whichever
// is missing with apt-get (never `npx playwright install`: no downloads from elsewhere).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const browsers = { chromium: '/usr/bin/chromium', 'firefox-esr': '/usr/bin/firefox-esr' };
const missing = Object.keys(browsers).filter((name) => !existsSync(browsers[name]));
if (missing.length) {
  console.log(`${missing.join(' and ')} missing: installing Debian's packages (apt-get, a minute or two)`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args) => execFileSync(sudo.length ? 'sudo' : args[0], sudo.length ? args : args.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...missing]);
}
for (const path of Object.values(browsers)) {
  console.log(execFileSync(path, ['--version'], { encoding: 'utf8' }).trim());
}
