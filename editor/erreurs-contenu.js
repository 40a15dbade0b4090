/* Content errors over the previewed page (`mkdocs serve` only: hooks/serve_errors.py).
   The errors come in a JSON data block written into the served page; this draws them in
   an alert above the page, closed by its button or Escape. A good rebuild reloads the
   page without the block, and the alert is gone. */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function draw(report) {
    var box = element("div", "vmi-erreurs-contenu");
    box.setAttribute("data-erreurs-contenu", "");
    box.setAttribute("role", "alert");
    var title = element("p", "vmi-erreurs-contenu__titre", report.titre);
    var list = element("ul", "vmi-erreurs-contenu__liste");
    report.erreurs.forEach(function (line) {
      var item = element("li");
      item.appendChild(element("code", "", line));
      list.appendChild(item);
    });
    var close = element("button", "vmi-erreurs-contenu__fermer", "Masquer");
    close.type = "button";
    close.setAttribute("aria-label", "Masquer les erreurs de contenu");
    box.appendChild(title);
    box.appendChild(list);
    box.appendChild(element("p", "", report.explication));
    box.appendChild(close);
    return box;
  }

  function show() {
    var block = document.querySelector("script[data-vmi-erreurs-contenu]");
    if (!block || document.querySelector("[data-erreurs-contenu]")) return;
    var report;
    try {
      report = JSON.parse(block.textContent);
    } catch (error) {
      return;
    }
    var box = draw(report);
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

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
