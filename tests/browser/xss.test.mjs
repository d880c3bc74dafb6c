// Safe output: every XSS vector in xss-vectors.mjs, cleaned in both modes by the npm package,
// is rendered in Chromium with scripts on. Counted: alert/confirm/prompt/print and console
// calls made by page script, script/fetch/XHR/WebSocket requests and javascript:/data:
// navigations, and what could still run later (script elements, on* attributes, script URLs).
// All must be zero.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { clean } from '../../js/node.mjs';
import { vectors } from './xss-vectors.mjs';

const prose =
  '<p>The council met on Tuesday evening and, after a long debate about costs, approved the plan for the new bridge across the river, which will open in three years.</p>';
const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Installed before any page script: records what script manages to call.
const hooks = () => {
  window.__calls = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...a) => window.__calls.push(`${name}(${a.join(',')})`);
  }
  for (const name of ['log', 'info', 'warn', 'error', 'debug']) {
    console[name] = (...a) => window.__calls.push(`console.${name}(${a.join(',')})`);
  }
};

// After load: poke what a reader might poke, then look for anything that could still run.
const probe = async () => {
  for (const el of document.querySelectorAll('*')) {
    el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    if (typeof el.focus === 'function') el.focus();
  }
  await new Promise((r) => setTimeout(r, 50));
  const remnants = [];
  for (const el of document.querySelectorAll('*')) {
    if (el.localName === 'script') remnants.push('<script>');
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) remnants.push(`${el.localName}[${attr.name}]`);
      if (/^\s*(javascript|vbscript|data:text|data:image\/svg)/i.test(attr.value.replace(/[\s\u0000-\u001f]/g, ''))) {
        remnants.push(`${el.localName}[${attr.name}=${attr.value.slice(0, 30)}]`);
      }
    }
    for (const prop of ['href', 'src', 'action', 'formAction']) {
      const v = el[prop];
      if (typeof v === 'string' && /^(javascript|vbscript):/i.test(v)) remnants.push(`${el.localName}.${prop}`);
    }
  }
  return { calls: window.__calls, remnants };
};

test(`${vectors.length} XSS vectors, both modes: no script runs, nothing that could run remains`, async () => {
  assert.ok(vectors.length >= 100, `only ${vectors.length} vectors`);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const failures = [];
  let rendered = 0;
  try {
    const context = await browser.newContext({ javaScriptEnabled: true });
    await context.addInitScript(hooks);
    const page = await context.newPage();
    page.on('dialog', (d) => d.dismiss().catch(() => {}));
    let requests = [];
    page.on('request', (r) => {
      const type = r.resourceType();
      const url = r.url();
      if (['script', 'fetch', 'xhr', 'websocket', 'eventsource'].includes(type) || /^(javascript|vbscript|data:text)/i.test(url)) {
        requests.push(`${type} ${url.slice(0, 60)}`);
      }
    });
    // No network: whatever is asked for fails fast (and is counted above).
    await context.route('**/*', (route) => route.abort());
    for (const mode of ['stream', 'reader']) {
      for (const vector of vectors) {
        const input = `<html><head><title>Bridge</title></head><body><article>${prose}${vector}${prose}${prose}</article></body></html>`;
        const { html } = clean(input, { mode });
        requests = [];
        await page.setContent(html, { waitUntil: 'load', timeout: 10_000 }).catch(() => {});
        const { calls, remnants } = await page.evaluate(probe).catch((e) => ({ calls: [`navigation: ${e.message.slice(0, 60)}`], remnants: [] }));
        rendered++;
        if (calls.length || remnants.length || requests.length) {
          failures.push({ mode, vector, calls, remnants, requests, html: html.slice(0, 300) });
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`xss: ${vectors.length} vectors x 2 modes = ${rendered} renderings, ${failures.length} with script activity or remnants`);
  assert.deepEqual(failures, []);
});
