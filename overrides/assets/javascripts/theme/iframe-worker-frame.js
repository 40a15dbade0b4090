/* Material internals: the worker globals its search worker uses (see iframe-worker.js).
 *
 * Inside the hidden frame of iframe-worker.js: the worker globals Material's search worker
 * uses. Messages go to the page through the parent window; scripts load one after the
 * other, as importScripts would. The script then leaves the frame: the worker finds its
 * own files from the first script of the frame, which must be the worker itself. */
(function () {
  "use strict";
  document.currentScript.remove();
  window.postMessage = function (data) { parent.postMessage(data, "*"); };
  window.importScripts = function (...urls) {
    const load = (url) => new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return urls.reduce((previous, url) => previous.then(() => load(url)), Promise.resolve());
  };
})();
