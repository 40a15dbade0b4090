/* Names that Decap CMS leaves out or writes in English (axe: button-name, aria-command-name,
   aria-input-field-name, frame-title,
     one main landmark). React redraws the editor at will: a MutationObserver
   names each new control as it appears. */
(function () {
  "use strict";

  const ENGLISH = { Collapse: "Replier", Expand: "Déplier", Strikethrough: "Barré" };

  function name(node, label) {
    if (node.getAttribute("aria-label") !== label) node.setAttribute("aria-label", label);
  }

  function fieldLabel(node) {
    const box = node.closest("[class*='ControlContainer']");
    const label = box && box.querySelector("label");
    return label ? label.textContent.trim() : "Texte";
  }

  function listControls(bar) {
    const buttons = bar.querySelectorAll(":scope > button");
    if (buttons.length > 0 && !buttons[0].textContent.trim()) name(buttons[0],
      "Replier ou déplier cet élément");
    if (buttons.length > 1 && !buttons[buttons.length - 1].textContent.trim()) {
      name(buttons[buttons.length - 1], "Supprimer cet élément");
    }
    bar.querySelectorAll("[aria-roledescription='sortable']").forEach((handle) => {
      name(handle, "Déplacer cet élément (glisser, ou Espace puis flèches)");
    });
  }

  function landmark() {
    const frame = document.getElementById("vmi-cadre");
    if (!frame) return;
    if (frame.querySelector("#nc-root main")) frame.removeAttribute("role");
    else if (frame.getAttribute("role") !== "main") frame.setAttribute("role", "main");
    const own = frame.querySelector(":scope > h1");
    const other = document.querySelector("#nc-root h1");
    if (own && own.hidden !== Boolean(other)) own.hidden = Boolean(other);  // one h1
  }

  function fix(root) {
    landmark();
    root.querySelectorAll("[class*='StyledListItemTopBar']").forEach(listControls);
    root.querySelectorAll("[data-slate-editor]").forEach((editor) => {
      name(editor, fieldLabel(editor) + " (Markdown)");
    });
    root.querySelectorAll("[aria-label]").forEach((node) => {
      const french = ENGLISH[node.getAttribute("aria-label")];
      if (french) node.setAttribute("aria-label", french);
    });
    root.querySelectorAll("[title]").forEach((node) => {
      const french = ENGLISH[node.getAttribute("title")];
      if (french) node.setAttribute("title", french);
    });
    document.querySelectorAll("body > canvas:not([aria-hidden])").forEach((bar) => {
      bar.setAttribute("aria-hidden", "true");  // Decap's loading bar, drawn over the page
    });
    root.querySelectorAll("iframe:not([title])").forEach((frame) => {
      frame.setAttribute("title", "Aperçu de la page");
    });
  }

  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(() => {
      pending = false;
      fix(document.body);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, attributes: true,
    attributeFilter: ["aria-label", "title"] });
})();
