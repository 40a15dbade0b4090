/* Web workers over file:// (offline copy), within the site's Content-Security-Policy.
 * Material internals: its offline plugin skips its own shim when a polyfill path holds
 * "iframe-worker" (hooks/offline_site.py lists this file), and its search worker looks for
 * window.IFrameWorker. Guarded by tests/browser/test_offline.py (search over file://).
 *
 * Chromium refuses `new Worker()` for a file:// page, so Material's search worker runs
 * in a hidden frame instead: the idea of iframe-worker (squidfunk, MIT), rewritten so
 * that the frame holds no inline script, which the policy (inherited by the frame)
 * would block. The frame loads iframe-worker-frame.js, then the worker script. Only
 * over file://; online, real workers are used. The offline plugin sees "iframe-worker"
 * in this file's name and leaves out its own copy from a CDN.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  const FRAME_SCRIPT = document.currentScript.src.replace(/[^/]*$/, "iframe-worker-frame.js");

  function attribute(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  function FrameWorker(url) {
    const target = document.createElement("div");  // an EventTarget of our own
    const worker = this;
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    document.body.appendChild(frame);
    const inner = frame.contentWindow;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
    window.addEventListener("message", (event) => {
      if (event.source !== inner) return;
      const message = new MessageEvent("message", { data: event.data });
      worker.dispatchEvent(message);
      if (typeof worker.onmessage === "function") worker.onmessage(message);
    });
    this.postMessage = function (data) {
      ready.then(() => {
        inner.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    };
    this.terminate = function () { frame.remove(); };
    inner.document.open();
    inner.document.write("<!doctype html><html><head><script src=\"" + attribute(FRAME_SCRIPT) +
      "\"></script><script src=\"" + attribute(url) + "\"></script></head><body></body></html>");
    inner.document.close();
    // document.open() drops the listeners of the frame's window: listen from here on.
    const ready = new Promise((resolve) => { inner.addEventListener("load", resolve); });
    inner.addEventListener("error", (event) => {
      const error = new ErrorEvent("error", { message: event.message, error: event.error });
      worker.dispatchEvent(error);
      if (typeof worker.onerror === "function") worker.onerror(error);
    });
  }

  // Material's search worker looks for this name to find its files from the frame.
  window.IFrameWorker = window.Worker = FrameWorker;
})();
