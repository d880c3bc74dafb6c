// Pages in the Chinese, Japanese and Korean legacy encodings, as bytes. The WebAssembly module
// leaves out encoding_rs's tables for them and decodes them with the host's TextDecoder
// (src/decode/host_decoder.rs): the result must be what the native build gives, whole or streamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { clean, Cleaner } from '../../js/node.mjs';
import { nativeJson } from './native-cli.mjs';

const japanese = '市議会は月曜日、学校と道路への支出をめぐる長い議論の末、来年度の予算を承認した。';
const chinese = '市议会周一在就学校和道路支出进行长时间辩论后批准了明年的预算。';
const traditional = '市議會週一在就學校和道路支出進行長時間辯論後批准了明年的預算。';
const korean = '시의회는 월요일 학교와 도로 지출을 둘러싼 긴 토론 끝에 내년 예산을 승인했다.';

/** A page declaring `label`, with `text` as its article, and a consent banner to remove. */
const page = (label, text) =>
  `<html><head><meta charset="${label}"><title>T</title></head><body>` +
  `<div class="cookie-banner">We use cookies</div><article><h1>H</h1>` +
  `<p>${text}</p><p>${text}</p></article></body></html>`;

/** The page with each U+0000 written as "日本" in ISO-2022-JP (JIS X 0208 0x467C 0x4B5C). */
function iso2022jp(html) {
  const nihon = Buffer.from([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42]);
  const parts = html.split('\u0000').map((part) => Buffer.from(part));
  return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [nihon, part])));
}

// Encoded by iconv-lite; ISO-2022-JP (which it lacks) by hand: "日本" is JIS X 0208 0x467C 0x4B5C.
const pages = [
  ['Shift_JIS', iconv.encode(page('shift_jis', japanese), 'shift_jis'), japanese],
  ['EUC-JP', iconv.encode(page('euc-jp', japanese), 'euc-jp'), japanese],
  ['GBK', iconv.encode(page('gbk', chinese), 'gbk'), chinese],
  ['gb18030', iconv.encode(page('gb18030', chinese), 'gb18030'), chinese],
  ['Big5', iconv.encode(page('big5', traditional), 'big5'), traditional],
  ['EUC-KR', iconv.encode(page('euc-kr', korean), 'euc-kr'), korean],
  ['ISO-2022-JP', iso2022jp(page('iso-2022-jp', '\u0000')), '日本'],
];

const dir = mkdtempSync(join(tmpdir(), 'stripwall-encodings-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

for (const [encoding, bytes, text] of pages) {
  test(`${encoding} bytes: decoded, cleaned, and the same as the native build`, () => {
    const result = clean(bytes);
    assert.equal(result.report.encoding, encoding);
    assert.ok(result.text.includes(text), `${encoding}: the article's text is there`);
    assert.ok(!result.html.includes('cookies'), `${encoding}: the banner is gone`);
    const file = join(dir, `${encoding}.html`);
    writeFileSync(file, bytes);
    const native = nativeJson([file]);
    assert.equal(result.html, native.html);
    assert.equal(result.report.encoding, native.report.encoding);
  });
}

test('streamed in pieces of 1 to 7 bytes, multi-byte characters split, the output is the same', () => {
  for (const [encoding, bytes] of pages) {
    const whole = clean(bytes).html;
    for (let seed = 1; seed <= 5; seed++) {
      const stream = new Cleaner().stream();
      const out = [];
      for (let at = 0, size; at < bytes.length; at += size) {
        size = 1 + ((at * 7 + seed * 13) % 7);
        out.push(stream.write(bytes.subarray(at, at + size)));
      }
      out.push(stream.end());
      assert.equal(new TextDecoder().decode(Buffer.concat(out.map((c) => Buffer.from(c)))), whole, `${encoding}, seed ${seed}`);
    }
  }
});

test('a declared charset given as an option decodes undeclared bytes', () => {
  const bytes = iconv.encode(`<p>${japanese}</p>`, 'shift_jis');
  assert.equal(clean(bytes, { charset: 'shift_jis' }).html, `<p>${japanese}</p>`);
});

test('a host whose TextDecoder lacks the encoding gives a clear Error, and the module goes on', () => {
  const HostDecoder = globalThis.TextDecoder;
  // Node built with small ICU knows UTF-8, UTF-16 and latin1 only.
  globalThis.TextDecoder = class extends HostDecoder {
    constructor(label, options) {
      if (!/^(utf-?8|utf-16(le)?|latin1)$/i.test(label ?? 'utf-8')) {
        throw new RangeError(`The "${label}" encoding is not supported`);
      }
      super(label, options);
    }
  };
  try {
    const [, bytes] = pages[0];
    assert.throws(
      () => clean(bytes),
      (e) => e instanceof Error && /cannot decode the page from Shift_JIS: The "Shift_JIS" encoding is not supported/.test(e.message),
    );
    const stream = new Cleaner().stream();
    assert.throws(() => stream.write(bytes), /Shift_JIS/);
    assert.throws(() => stream.write(bytes), /already ended or failed/);
  } finally {
    globalThis.TextDecoder = HostDecoder;
  }
  assert.equal(clean(pages[0][1]).report.encoding, 'Shift_JIS');
});
