// The JavaScript API over the wasm-bindgen glue: the same for every platform, which differ only
// in how the module is loaded (node.mjs, browser.mjs, worker.mjs). No rule lives here.
import * as wasm from '../pkg/stripwall.js';

let ready = false;

/** How a string crosses into the module: as it is (the glue encodes it as UTF-8), unless the platform has a faster way. */
let toModule = (html) => html;

/**
 * Called by the platform entry once the module is instantiated. `stringToUtf16`, where given,
 * turns a string into its UTF-16 code units, which the module reads as the same text: on Node.js
 * that is a copy, where UTF-8 encoding goes a character at a time.
 */
export function markReady({ stringToUtf16 } = {}) {
  ready = true;
  if (stringToUtf16) toModule = (html) => (typeof html === 'string' ? stringToUtf16(html) : html);
}

/**
 * Adds `text` and `markdown` to a result, each computed from its HTML once, when first read.
 * Reader mode's Markdown starts with the article's title.
 */
function withText(result) {
  let text;
  let markdown;
  Object.defineProperty(result, 'text', {
    enumerable: true,
    get() {
      text ??= wasm.toText(toModule(result.html));
      return text;
    },
  });
  Object.defineProperty(result, 'markdown', {
    enumerable: true,
    get() {
      markdown ??= wasm.toMarkdown(toModule(result.html), result.report?.metadata?.title);
      return markdown;
    },
  });
  return result;
}

function assertReady() {
  if (!ready) {
    throw new Error('stripwall: the WebAssembly module is not loaded yet; call `await init()` first');
  }
}

/** The cleaner of `clean()` without options, compiled on first use and kept. */
let defaultCleaner;

/**
 * Cleans a page in one call.
 * @param {string | Uint8Array} html
 * @param {import('./index.d.ts').Options} [options]
 * @returns {import('./index.d.ts').Cleaned}
 */
export function clean(html, options) {
  assertReady();
  if (options === undefined) {
    defaultCleaner ??= new wasm.Cleaner();
    return withText(defaultCleaner.clean(toModule(html)));
  }
  return withText(wasm.clean(toModule(html), options));
}

/** Plain text of HTML: the title, then a block per line. */
export function toText(html) {
  assertReady();
  return wasm.toText(toModule(html));
}

/** GitHub-flavoured Markdown of HTML; given an article's title, the title first as a heading. */
export function toMarkdown(html, title) {
  assertReady();
  return wasm.toMarkdown(toModule(html), title);
}

/** Whether a page probably has an article for reader mode (a quick scan, no cleaning). */
export function isProbablyReaderable(html) {
  assertReady();
  return wasm.isProbablyReaderable(toModule(html));
}

/** A cleaner built once from options (validated here) and reused for any number of pages. */
export class Cleaner {
  #inner;

  constructor(options) {
    assertReady();
    this.#inner = new wasm.Cleaner(options);
  }

  /**
   * Cleans a page: `{ html, text, title, report }`. `page` says what is known of this page:
   * `{ url, charset }` (its address, and the charset its server declared), over the options.
   */
  clean(html, page) {
    return withText(this.#inner.clean(toModule(html), page));
  }

  /** What compiling `filterLists` kept and skipped; `undefined` without lists. */
  get filterReport() {
    return this.#inner.filterReport;
  }

  /** Starts a stream of chunks. */
  stream() {
    return new CleanStream(this.#inner.stream());
  }

  /** Frees the module memory now (otherwise the garbage collector does it). */
  free() {
    this.#inner.free();
  }
}

/** A streaming run: `write(chunk)` and `end()` return the cleaned bytes produced so far. */
export class CleanStream {
  #inner;
  #report;

  constructor(inner) {
    this.#inner = inner;
  }

  /** @param {string | Uint8Array} chunk */
  write(chunk) {
    const inner = this.#live();
    try {
      return inner.write(toModule(chunk));
    } catch (error) {
      if (!(error instanceof TypeError)) this.#release();
      throw error;
    }
  }

  /** Ends the document; afterwards `report` holds what was removed. */
  end() {
    const inner = this.#live();
    try {
      const last = inner.end();
      this.#report = inner.report;
      return last;
    } finally {
      this.#release();
    }
  }

  /** Abandons the stream and frees its memory. */
  abort() {
    if (this.#inner) this.#release();
  }

  /** The report, once the stream has ended. */
  get report() {
    return this.#report;
  }

  #live() {
    if (!this.#inner) throw new Error('stripwall: the stream has already ended or failed; start a new one');
    return this.#inner;
  }

  #release() {
    this.#inner.free();
    this.#inner = undefined;
  }
}

/**
 * A `TransformStream` of bytes: `response.body.pipeThrough(cleanerStream())`.
 * Strings written to it are accepted too. The report is passed to `onReport` at the end.
 */
export function cleanerStream(options, { onReport } = {}) {
  const cleaner = new Cleaner(options);
  const stream = cleaner.stream();
  cleaner.free(); // the stream keeps what it needs
  return new TransformStream({
    transform(chunk, controller) {
      try {
        const out = stream.write(chunk);
        if (out.length) controller.enqueue(out);
      } catch (error) {
        stream.abort();
        throw error;
      }
    },
    flush(controller) {
      const out = stream.end();
      if (out.length) controller.enqueue(out);
      onReport?.(stream.report);
    },
    cancel() {
      stream.abort();
    },
  });
}
