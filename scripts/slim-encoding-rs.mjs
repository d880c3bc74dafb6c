// A copy of encoding_rs without its Chinese, Japanese and Korean codecs, for the WebAssembly
// module only. Their tables are 114 KB of the module gzipped (more than a third); lol_html links
// every codec because the document encoding is a runtime value, although stripwall hands it
// nothing but UTF-8. In the module, pages in these encodings are decoded by the JavaScript host's
// TextDecoder instead (src/decode/host_decoder.rs), which has the same WHATWG decoders.
//
// The copy is made from the locked version in cargo's registry, into target/, and used through
// `--config patch.crates-io.encoding_rs.path=…` for that one build. Each edit checks that it
// applied: when a new encoding_rs changes shape, the build stops and says so.
import { cpSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

const CODECS = ['Gb18030', 'Big5', 'EucJp', 'Iso2022Jp', 'ShiftJis', 'EucKr'];
const MODULES = ['gb18030', 'big5', 'euc_jp', 'iso_2022_jp', 'shift_jis', 'euc_kr'];

/** The source directory and version of the locked encoding_rs. */
export function lockedSource(root) {
  const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--locked',
    '--filter-platform', 'wasm32-unknown-unknown'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }));
  const pkg = metadata.packages.find((p) => p.name === 'encoding_rs' && p.source?.startsWith('registry+'));
  if (!pkg) throw new Error('slim-encoding-rs: encoding_rs is not among the locked registry packages');
  return { dir: dirname(pkg.manifest_path), version: pkg.version };
}

/** Removes the multi-byte codecs from variant.rs: their enum variants, match arms and imports;
 * their constructors give the replacement decoder and the UTF-8 encoder (never reached: the
 * module decodes these encodings with the host's TextDecoder and gives lol_html UTF-8 only). */
export function slimVariants(source) {
  const codec = CODECS.join('|');
  const module = MODULES.join('|');
  const lines = source.split('\n');
  const out = [];
  const counts = { imports: 0, variants: 0, arms: 0, constructors: 0 };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (new RegExp(`^\\s*use (${module})::\\*;$`).test(line)) { counts.imports++; continue; }
    if (new RegExp(`^\\s*(${codec})\\(\\w+(Decoder|Encoder)\\),$`).test(line)) { counts.variants++; continue; }
    const block = line.match(new RegExp(`^(\\s*)Variant(Decoder|Encoder)::(${codec})\\(.*=> \\{$`));
    if (block) {
      const close = block[1] + '}';
      while (i < lines.length && lines[i] !== close) i++;
      counts.arms++;
      continue;
    }
    if (new RegExp(`^\\s*Variant(Decoder|Encoder)::(${codec})\\(.*=> .*,$`).test(line)) { counts.arms++; continue; }
    const replaced = line
      .replace(new RegExp(`=> (${codec})Decoder::new\\(\\),`), '=> ReplacementDecoder::new(),')
      .replace(new RegExp(`=> (${codec})Encoder::new\\(encoding(, (true|false))?\\),`), '=> Utf8Encoder::new(encoding),');
    if (replaced !== line) counts.constructors++;
    out.push(replaced);
  }
  const expected = { imports: 6, variants: 12, arms: 61, constructors: 13 };
  for (const [what, n] of Object.entries(expected)) {
    if (counts[what] !== n) {
      throw new Error(`slim-encoding-rs: variant.rs changed shape (${what}: ${counts[what]} edits, expected ${n}); update scripts/slim-encoding-rs.mjs`);
    }
  }
  return out.join('\n');
}

/** Copies the locked encoding_rs into `target/wasm-slim/` without the multi-byte codecs;
 * returns the copy's directory. */
export function slimEncodingRs(root) {
  const { dir, version } = lockedSource(root);
  const copy = join(root, 'target', 'wasm-slim', `encoding_rs-${version}`);
  const marker = join(copy, '.slimmed');
  const script = readFileSync(new URL(import.meta.url));
  if (existsSync(marker) && readFileSync(marker).equals(script)) return copy;
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  const variant = join(copy, 'src', 'variant.rs');
  writeFileSync(variant, slimVariants(readFileSync(variant, 'utf8')));
  const lib = join(copy, 'src', 'lib.rs');
  const before = readFileSync(lib, 'utf8');
  const after = before.replace(new RegExp(`\\nmod (${MODULES.join('|')});`, 'g'), '');
  if (before.split('\nmod ').length - after.split('\nmod ').length !== MODULES.length) {
    throw new Error('slim-encoding-rs: lib.rs changed shape (codec modules); update scripts/slim-encoding-rs.mjs');
  }
  // The codecs left unused are dead code: their warnings are not this project's to read.
  writeFileSync(lib, `#![allow(warnings)]\n${after}`);
  writeFileSync(marker, script);
  return copy;
}
