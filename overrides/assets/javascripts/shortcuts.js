/* Let visitors turn off single-key keyboard shortcuts (RGAA 12.10, WCAG 2.1.4).
 *
 * Material binds letters (s, f, n, p, /…) and the projection mode binds one too. When
 * the setting is on (stored in localStorage), single-character keydown events outside
 * form fields are stopped in the capture phase on window, before any page script sees
 * them; typing in fields and default key actions are untouched. The switch itself is a
 * checkbox on the accessibility page (#vmi-raccourcis).
 */
(function () {
  "use strict";
  var KEY = "vmi-shortcuts-off";

  function isOff() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }

  function setOff(off) {
    try {
      if (off) window.localStorage.setItem(KEY, "1"); else window.localStorage.removeItem(KEY);
    } catch (e) { /* storage refused: the setting lasts for this page only */ }
  }

  function isField(el) {
    if (!el || !el.tagName) return false;
    if (el.isContentEditable) return true;
    return /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }

  var sessionOff = null; // used when localStorage is unavailable
  window.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || !ev.key || ev.key.length !== 1 || ev.key === " ") return;
    if (!(sessionOff === null ? isOff() : sessionOff) || isField(ev.target)) return;
    ev.stopImmediatePropagation();
  }, true);

  function init() {
    var box = document.getElementById("vmi-raccourcis");
    if (!box || box.dataset.vmiReady) return;
    box.dataset.vmiReady = "1";
    box.checked = isOff();
    box.addEventListener("change", function () {
      setOff(box.checked);
      sessionOff = isOff() === box.checked ? null : box.checked;
    });
    var wrapper = box.closest("[hidden]");
    if (wrapper) wrapper.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
})();
