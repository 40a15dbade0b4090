/* Content errors over the previewed page (`mkdocs serve` only: hooks/serve_errors.py).
   The errors come in a JSON data block written into the served page; this draws them in
   an alert above the page, closed by its button or Escape. A good rebuild reloads the
   page without the block, and the alert is gone. Runs after vmi.js (window.VMI). */
(function () {
  "use strict";
  const VMI = window.VMI;
  const { el, append } = VMI;

  function draw(report) {
    const box = el("div", { "class": "vmi-erreurs-contenu", "data-erreurs-contenu": "", role: "alert" });
    append(box, el("p", { "class": "vmi-erreurs-contenu__titre" }, report.titre));
    const list = append(box, el("ul", { "class": "vmi-erreurs-contenu__liste" }));
    report.erreurs.forEach((line) => {
      append(append(list, el("li")), el("code", {}, line));
    });
    append(box, el("p", {}, report.explication));
    append(box, el("button", { type: "button", "class": "vmi-erreurs-contenu__fermer",
      "aria-label": "Masquer les erreurs de contenu" }, "Masquer"));
    return box;
  }

  function show() {
    const block = document.querySelector("script[data-vmi-erreurs-contenu]");
    if (!block || document.querySelector("[data-erreurs-contenu]")) return;
    let report;
    try {
      report = JSON.parse(block.textContent);
    } catch (error) {
      return;
    }
    const box = draw(report);
    function dismiss() {
      box.remove();
      document.removeEventListener("keydown", onKey, true);
    }
    function onKey(event) {
      if (event.key === "Escape") dismiss();
    }
    box.querySelector("button").addEventListener("click", dismiss);
    document.addEventListener("keydown", onKey, true);
    document.body.insertBefore(box, document.body.firstChild);
  }

  VMI.start(show);
})();
