/* Load the search index and the search worker only once the visitor opens search.
 *
 * Material internals: the URLs of its index (search/search_index.json, fetched with
 * XMLHttpRequest) and of its worker (workers/search.*.js); XMLHttpRequest.open and Worker
 * are wrapped page-wide for those two. Guarded by tests/build/test_theme_contract.py
 * (test_lazy_search_matches_the_theme_s_index_and_worker) and tests/browser/test_lazy_search.py.
 *
 * Material fetches search/search_index.json and starts its worker on every page view,
 * which is most of a first visit's weight. Loaded before Material's bundle, this script
 * holds back that one request and that one worker until the search field gets focus
 * (or the search toggle opens, or the URL asks for highlighting with ?h=). Any other
 * request or worker goes through untouched; over file:// nothing is changed.
 */
(function () {
  "use strict";
  if (location.protocol === "file:" || !window.XMLHttpRequest || !window.Worker) return;

  const INDEX = /\/search\/search_index\.json(\?|#|$)/;
  const WORKER = /\/workers\/search\.[^/]*\.js(\?|#|$)/;
  let started = false;
  let waiting = [];

  function start() {
    if (started) return;
    started = true;
    const queue = waiting;
    waiting = [];
    queue.forEach((run) => { run(); });
  }

  function whenStarted(run) {
    if (started) run(); else waiting.push(run);
  }

  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.vmiLazyIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    const xhr = this;
    const args = arguments;
    if (!xhr.vmiLazyIndex) return send.apply(xhr, args);
    whenStarted(() => { send.apply(xhr, args); });
  };

  const RealWorker = window.Worker;
  /* A stand-in with the Worker methods Material uses; the real worker is created at
   * the first message, which Material sends only after the index has arrived. */
  function LazyWorker(url, options) {
    if (!WORKER.test(String(url))) return new RealWorker(url, options);
    let real = null;
    let listeners = [];
    function create() {
      if (real) return real;
      real = new RealWorker(url, options);
      listeners.forEach((l) => { real.addEventListener(l[0], l[1], l[2]); });
      return real;
    }
    return {
      postMessage() { const w = create(); w.postMessage.apply(w, arguments); },
      addEventListener(type, fn, opts) {
        if (real) real.addEventListener(type, fn, opts); else listeners.push([type, fn, opts]);
      },
      removeEventListener(type, fn, opts) {
        if (real) real.removeEventListener(type, fn, opts);
        listeners = listeners.filter((l) => l[0] !== type || l[1] !== fn);
      },
      terminate() { if (real) real.terminate(); }
    };
  }
  window.Worker = LazyWorker;

  function isSearch(el) {
    return el && el.closest && el.closest(".md-search, label[for='__search'], #__search");
  }
  document.addEventListener("focusin", (ev) => { if (isSearch(ev.target)) start(); }, true);
  document.addEventListener("pointerdown", (ev) => { if (isSearch(ev.target)) start(); }, true);
  document.addEventListener("mouseover", (ev) => { if (isSearch(ev.target)) start(); }, true);
  document.addEventListener("change", (ev) => { if (isSearch(ev.target)) start(); }, true);
  if (/[?&]h=/.test(location.search)) start();
})();
