// Compiled by `tsc --strict --noEmit` in tests/js/types.test.mjs: every option, result field and
// call a user of the package writes, typed as js/index.d.ts declares them. A field missing from
// the declarations, or one typed wrongly, fails the test.
import {
  init,
  clean,
  toText,
  toMarkdown,
  isProbablyReaderable,
  Cleaner,
  cleanerStream,
  type Category,
  type Cleaned,
  type Metadata,
  type Options,
  type PageKind,
  type Report,
} from 'stripwall';

export async function everything(html: string, bytes: Uint8Array): Promise<string[]> {
  await init();
  await init(new URL('https://example.org/stripwall_bg.wasm'));
  const keep: Category[] = ['comments', 'share'];
  const options: Options = {
    mode: 'reader',
    preset: 'recall',
    keepAttributes: ['data-id'],
    filterLists: ['##.ad'],
    keep,
    removeSelectors: ['.promo'],
    keepSelectors: ['.keep'],
    explain: true,
    url: 'https://example.org/a',
    charset: 'windows-1251',
    memoryLimit: 1 << 20,
    onMemoryLimit: 'pass-through',
  };
  const cleaned: Cleaned = clean(bytes, options);
  const report: Report = cleaned.report;
  const kind: PageKind = report.pageKind;
  const metadata: Metadata | null = cleaned.metadata;
  const out: string[] = [
    cleaned.html,
    cleaned.text,
    cleaned.markdown,
    cleaned.frontMatter,
    cleaned.title ?? '',
    kind,
    metadata?.byline ?? '',
    metadata?.authors.join(', ') ?? '',
    metadata?.published ?? '',
    metadata?.modified ?? '',
    metadata?.siteName ?? '',
    metadata?.lang ?? '',
    metadata?.dir ?? '',
    metadata?.excerpt ?? '',
    metadata?.canonicalUrl ?? '',
    metadata?.image ?? '',
    report.encoding ?? '',
    report.encodingFrom ?? '',
    String(report.bytesIn + report.bytesOut),
    report.warnings.join('\n'),
    report.reader?.outcome ?? '',
    String(report.reader?.textChars ?? 0),
    String(report.removed.paywall?.elements ?? 0),
    ...report.removals.map((r) => `${r.category} ${r.tag} ${r.reason} ${r.snippet}`),
    toText(html),
    toMarkdown(bytes),
    String(isProbablyReaderable(html)),
  ];
  const cleaner = new Cleaner({ filterLists: ['##.ad'] });
  out.push(cleaner.clean(html).html, String(cleaner.filterReport?.rules ?? 0));
  const stream = cleaner.stream();
  const chunks: Uint8Array[] = [stream.write(html), stream.write(bytes), stream.end()];
  out.push(String(chunks.length), stream.report?.title ?? '');
  cleaner.free();
  const transform: TransformStream<Uint8Array | string, Uint8Array> = cleanerStream(
    { mode: 'stream' },
    { onReport: (r: Report) => out.push(r.pageKind) },
  );
  out.push(String(transform.readable.locked));
  return out;
}

// What the declarations must refuse: each line is an error tsc reports, or the test fails.
// @ts-expect-error `keep` is a list of categories, not one string.
clean('<p>x</p>', { keep: 'comments' });
// @ts-expect-error an unknown category.
clean('<p>x</p>', { keep: ['cookies'] });
// @ts-expect-error an unknown mode.
clean('<p>x</p>', { mode: 'article' });
// @ts-expect-error an unknown option.
clean('<p>x</p>', { format: 'markdown' });
