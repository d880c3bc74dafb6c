// What a user does first in any runtime, shared by the Node, Deno and workerd tests: a one-shot
// clean(), a stream through fetch's Response, and Shift_JIS bytes (日本), which the module
// decodes with the runtime's TextDecoder. No imports: each runtime passes its own entry's API.

/** Runs the checks with `api` (the package's exports in that runtime); JSON-ready results. */
export async function smoke({ clean, cleanerStream }) {
  const page = clean('<title>T</title><div class="cookie-banner">We use cookies</div><p>Story</p>');
  const body = await new Response(new Response('<nav>x</nav><p>B</p>').body.pipeThrough(cleanerStream())).text();
  const ascii = (text) => new TextEncoder().encode(text);
  const sjis = new Uint8Array([...ascii('<meta charset=shift_jis><p>'), 0x93, 0xfa, 0x96, 0x7b, ...ascii('</p>')]);
  return [page.html, page.report.removed, body, clean(sjis).html];
}

/** What `smoke` gives. */
export const SMOKE_EXPECTED = [
  '<title>T</title><p>Story</p>',
  { consent: { elements: 1, bytes: 47 } },
  '<p>B</p>',
  '<meta charset="utf-8"><p>日本</p>',
];
