// Content script: tells the toolbar button whether this page has an article, with Readability's
// isProbablyReaderable (loaded before this file): a walk over the page's paragraphs, no cleaning
// and no WebAssembly until the reader is asked for.
(() => {
  const api = globalThis.browser ?? globalThis.chrome;
  let readerable = false;
  try {
    readerable = isProbablyReaderable(document);
  } catch {
    // A document Readability cannot walk (an XML page, a frameset): no signal.
  }
  api.runtime.sendMessage({ type: 'readerable', readerable }).catch(() => {});
})();
