/** A kind of boilerplate; every removal is reported under one. */
export type Category =
  | 'paywall'
  | 'consent'
  | 'newsletter'
  | 'navigation'
  | 'sidebar'
  | 'share'
  | 'related'
  | 'comments'
  | 'ads'
  | 'footer'
  | 'hidden'
  | 'non-content'
  | 'custom'
  | 'filter-list';

/** Options of a cleaner. Unknown keys and wrong types throw a `TypeError` naming them. */
export interface Options {
  /**
   * Cleaning mode. Default `'stream'`: the page, without boilerplate, streamed.
   * `'reader'`: only the article, with `metadata`; output comes at the end of the input.
   */
  mode?: 'stream' | 'reader';
  /** Reader mode: trade completeness for purity. Default `'balanced'`. */
  preset?: 'precision' | 'balanced' | 'recall';
  /** Reader mode: attributes kept on the article's elements beyond href, src, alt and the like. */
  keepAttributes?: string[];
  /**
   * Filter lists in Adblock Plus / uBlock Origin syntax (the text of each, e.g. EasyList's):
   * their element-hiding rules also remove elements, reported as `filter-list`. Compiled once
   * per `Cleaner`; site rules use `url` or the page's canonical URL.
   */
  filterLists?: string[];
  /** Categories to keep instead of removing. */
  keep?: Category[];
  /** CSS selectors of extra elements to remove (reported as `custom`). */
  removeSelectors?: string[];
  /** CSS selectors of elements always kept, with their content. */
  keepSelectors?: string[];
  /** Record each removal with its category, reason and a snippet. Default `false`. */
  explain?: boolean;
  /** The page's address. */
  url?: string | null;
  /**
   * For bytes (a `Uint8Array`): the encoding the server declared (the HTTP `Content-Type`
   * charset, e.g. `'windows-1251'`). A byte order mark still wins; without either, the page's
   * `<meta>` is read, else the encoding is guessed. Strings are text already.
   */
  charset?: string | null;
  /** Bytes the rewriter may use for a single tag, comment or attribute. Default 16 MiB. A
   * reader-mode stream also keeps up to half of it of input, to read a page whole. */
  memoryLimit?: number;
  /** On reaching the memory limit: throw (default) or pass the rest through untouched. */
  onMemoryLimit?: 'error' | 'pass-through';
}

/** Elements and input bytes one category removed. */
export interface Tally {
  elements: number;
  bytes: number;
}

/** One removal (with `explain`). */
export interface Removal {
  category: Category;
  tag: string;
  /** The rule or phrase that decided, e.g. `class word "newsletter"`. */
  reason: string;
  /** The start of the element's text, or its start tag. */
  snippet: string;
}

/** What reader mode found about the article. */
export interface Metadata {
  title: string | null;
  byline: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  siteName: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  canonicalUrl: string | null;
  image: string | null;
}

/** What compiling filter lists kept and skipped. */
export interface FilterReport {
  /** Element-hiding rules applied. */
  rules: number;
  /** `#@#` exceptions read. */
  exceptions: number;
  /** Rules not applied, by reason (network rules, scriptlets, `:has()` …). */
  skipped: Record<string, number>;
}

/** Reader mode's outcome: an article, or the whole cleaned page when no one article holds the page's content. */
export interface ReaderSummary {
  outcome: 'article' | 'whole-page';
  textChars: number;
  blocks: number;
}

/** What a run removed, and why. */
/** The kind of page, from what it says of itself (schema.org types, og:type). */
export type PageKind = 'article' | 'forum' | 'product' | 'listing' | 'documentation' | 'other';

export interface Report {
  title: string | null;
  /** What kind of page this is; on a forum thread or Q&A page the posts are content. */
  pageKind: PageKind;
  removed: Partial<Record<Category, Tally>>;
  removals: Removal[];
  /** Things to know, e.g. that the output has no text although the page had some. */
  warnings: string[];
  bytesIn: number;
  bytesOut: number;
  /** The input's encoding (WHATWG name, e.g. `'windows-1251'`); output is always UTF-8. */
  encoding?: string;
  /** How the encoding was found. */
  encodingFrom?: 'bom' | 'caller' | 'meta' | 'detected' | 'text';
  /** Reader mode only. */
  metadata?: Metadata;
  /** Reader mode only. */
  reader?: ReaderSummary;
}

/** A cleaned page. */
export interface Cleaned {
  html: string;
  /** Plain text: the title (stream mode), then a block per line; figure captions left out. */
  text: string;
  /** GitHub-flavoured Markdown of `html`; in reader mode the article's title comes first, as a heading. */
  markdown: string;
  /**
   * YAML front matter for a Markdown file, as Obsidian Web Clipper writes it: title, source
   * (the `url` option, else the canonical URL), authors, published date, description. Save
   * `frontMatter + markdown` as a `.md` note.
   */
  frontMatter: string;
  /** Reader mode: the article's title; stream mode: the page's `<title>`. */
  title: string | null;
  /** Reader mode only: title, byline, dates, site, language, excerpt, canonical URL, image. */
  metadata: Metadata | null;
  report: Report;
}

/**
 * Loads the WebAssembly module. Needed in browsers (it fetches the `.wasm` next to the package,
 * or `input`); a no-op in Node.js, Deno and Workers, where importing the package loads it.
 */
export function init(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;

/** Cleans a page in one call. */
export function clean(html: string | Uint8Array, options?: Options): Cleaned;

/** Plain text of HTML: the title, then a block per line. */
export function toText(html: string | Uint8Array): string;

/**
 * GitHub-flavoured Markdown of HTML. Given an article's `title`, it comes first as a heading,
 * unless the article starts with a headline of its own.
 */
export function toMarkdown(html: string | Uint8Array, title?: string): string;

/** Whether a page probably has an article for reader mode (a quick scan, no cleaning). */
export function isProbablyReaderable(html: string | Uint8Array): boolean;

/** A cleaner built once (options validated here) and reused for any number of pages. */
export class Cleaner {
  constructor(options?: Options);
  /**
   * Cleans a page. `page` is what is known of this one, over the options: its address (for
   * site rules, absolute links and front matter) and the charset its server declared (bytes).
   */
  clean(html: string | Uint8Array, page?: { url?: string; charset?: string }): Cleaned;
  stream(): CleanStream;
  /** What compiling `filterLists` kept and skipped; `undefined` without lists. */
  readonly filterReport: FilterReport | undefined;
  /** Frees its memory now instead of when it is garbage-collected. */
  free(): void;
}

/** A streaming run; frees itself on `end()`, on an error, or on `abort()`. */
export class CleanStream {
  /** Feeds a chunk; returns the cleaned bytes it produced (often empty). */
  write(chunk: string | Uint8Array): Uint8Array;
  /** Ends the document; returns the last cleaned bytes. */
  end(): Uint8Array;
  /** Abandons the stream. */
  abort(): void;
  /** The report, once the stream has ended. */
  readonly report: Report | undefined;
}

/** A byte `TransformStream`: `response.body.pipeThrough(cleanerStream())`. */
export function cleanerStream(
  options?: Options,
  handlers?: { onReport?: (report: Report) => void },
): TransformStream<Uint8Array | string, Uint8Array>;
