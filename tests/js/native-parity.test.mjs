// The npm package must give exactly what the native build gives, on every Rust fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clean } from '../../js/node.mjs';
import { nativeJson } from './native-cli.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = readdirSync(`${root}tests/fixtures`).filter((f) => f.endsWith('.html'));

test('there are fixtures to compare', () => {
  assert.ok(fixtures.length >= 8, `only ${fixtures.length} fixtures`);
});

for (const mode of ['stream', 'reader']) {
  for (const name of fixtures) {
    test(`${name}, ${mode} mode: same html, text, markdown, title, metadata and report as the native build`, () => {
      const path = `${root}tests/fixtures/${name}`;
      const native = nativeJson(['--mode', mode, '--explain', path]);
      // Bytes, as the CLI reads them: the same encoding sniffing on both sides.
      const wasm = clean(readFileSync(path), { mode, explain: true });
      assert.equal(wasm.html, native.html);
      assert.equal(wasm.text, native.text);
      assert.equal(wasm.markdown, native.markdown);
      assert.equal(wasm.title, native.title);
      assert.deepEqual(wasm.metadata, native.metadata);
      assert.deepEqual(wasm.report, native.report);
      // A page declared an article gives its article, unless its fixture expects the warning
      // that none does (a page of cards that calls itself an article). Elsewhere (a thread, a
      // listing, a service page) reader mode gives the whole cleaned page when no one block
      // holds most of its text, and says so.
      const expect = readFileSync(path.replace(/\.html$/, '.expect'), 'utf8');
      const noArticle = /^reader-warning no one article/m.test(expect);
      if (mode === 'reader' && native.report.pageKind === 'article' && !noArticle) {
        assert.equal(wasm.report.reader.outcome, 'article', `${name}: an article is found`);
      }
    });
  }
}
