// scripts/slim-encoding-rs.mjs edits a copy of encoding_rs for the WebAssembly build: it must
// take out exactly the multi-byte codecs, and stop the build when encoding_rs changes shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockedSource, slimVariants } from '../../scripts/slim-encoding-rs.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const variant = readFileSync(join(lockedSource(root).dir, 'src', 'variant.rs'), 'utf8');

test('the multi-byte codecs leave variant.rs; the others stay', () => {
  const slim = slimVariants(variant);
  for (const codec of ['Big5', 'ShiftJis', 'EucJp', 'EucKr', 'Gb18030', 'Iso2022Jp']) {
    assert.ok(!slim.includes(`${codec}Decoder`), `${codec}Decoder is gone`);
    assert.ok(!slim.includes(`${codec}Encoder`), `${codec}Encoder is gone`);
    assert.ok(!slim.includes(`VariantDecoder::${codec}(`), `no ${codec} decoder arm is left`);
  }
  for (const kept of ['SingleByteDecoder', 'Utf8Decoder', 'Utf16Decoder', 'UserDefinedDecoder', 'ReplacementDecoder']) {
    assert.ok(slim.includes(kept), `${kept} stays`);
  }
});

test('a variant.rs of another shape stops the build with a message', () => {
  const changed = variant.replace('    Big5(Big5Decoder),\n', '    Big5(Big5Decoder, bool),\n');
  assert.notEqual(changed, variant);
  assert.throws(() => slimVariants(changed), /variant.rs changed shape \(variants: 11 edits, expected 12\)/);
});
