/* The colour switch of the header (automatic, light, dark), in place of Material's.
 *
 * Material internals: window.__md_get / __md_set (its storage helpers) and the key
 * "__palette", which its inline script in <head> reads to restore the colours before the
 * first paint; the body's data-md-color-* attributes that its stylesheets read. Guarded by
 * tests/build/test_theme_contract.py (test_palette_switch_is_ours_with_the_theme_s_saved_choice)
 * and tests/browser/test_palette.py.
 *
 * Material's switch is a form of radio buttons that restyles the page as soon as one is
 * chosen (WCAG 3.2.2, On Input), and its start-up restyles the whole page three times.
 * Here partials/palette.html writes one button per option, the visible one naming what it
 * does (« Passer en mode sombre »); pressing it moves to the next option and keeps focus
 * on the switch. The page is restyled only when the colours really change; the browser's
 * colour metas are set after the first frame.
 */
(function () {
  "use strict";
  const box = document.querySelector("[data-vmi-palette]");
  if (!box || !window.__md_get) return;
  const buttons = Array.from(box.querySelectorAll("button"));
  if (!buttons.length) return;
  const light = matchMedia("(prefers-color-scheme: light)");
  const AUTO = "(prefers-color-scheme)";
  let current = -1;

  function colours(button) {
    const color = {};
    ["media", "scheme", "primary", "accent"].forEach((key) => {
      color[key] = button.getAttribute("data-md-color-" + key);
    });
    if (color.media === AUTO) {  // the automatic option borrows the light or dark one's colours
      const twin = box.querySelector("[data-md-color-media='(prefers-color-scheme: " +
        (light.matches ? "light" : "dark") + ")']");
      if (twin) ["scheme", "primary", "accent"].forEach((key) => {
        color[key] = twin.getAttribute("data-md-color-" + key);
      });
    }
    return color;
  }

  function apply(index) {
    const color = colours(buttons[index]);
    current = index;
    Object.keys(color).forEach((key) => {
      if (document.body.getAttribute("data-md-color-" + key) !== color[key]) {
        document.body.setAttribute("data-md-color-" + key, color[key]);
      }
    });
    buttons.forEach((button, i) => { button.hidden = i !== index; });
    window.__md_set("__palette", { index, color });
    requestAnimationFrame(() => { setTimeout(browserColours, 0); });
  }

  /* Address bar colour (mobile browsers) and scheme of the page's own scrollbar. */
  function browserColours() {
    const style = getComputedStyle(document.querySelector(".md-header") || document.body);
    meta("theme-color").content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
      .map((c) => ("0" + (+c).toString(16)).slice(-2)).join("");
    meta("color-scheme").content = style.colorScheme;
  }

  function meta(name) {
    let element = document.head.querySelector("meta[name='" + name + "'][data-vmi]");
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      element.setAttribute("data-vmi", "");
      document.head.appendChild(element);
    }
    return element;
  }

  const saved = window.__md_get("__palette");
  const start = saved && typeof saved.index === "number" ? saved.index : buttons.findIndex(
    (button) => matchMedia(button.getAttribute("data-md-color-media")).matches);
  /* This script is deferred: the page may already be painted in the light colours. Its
     links and buttons would then fade for 125 ms from dark text on the new dark background
     (contrast under 4.5:1 while it lasts); at start-up the colours change at once. */
  const root = document.documentElement;
  root.setAttribute("data-vmi-sans-transition", "");
  apply(Math.max(0, Math.min(start, buttons.length - 1)));
  getComputedStyle(document.body).color;  // the new colours are computed without transitions
  requestAnimationFrame(() => { root.removeAttribute("data-vmi-sans-transition"); });

  box.addEventListener("click", (event) => {
    const index = buttons.indexOf(event.target.closest("button"));
    if (index < 0) return;
    apply((index + 1) % buttons.length);
    buttons[current].focus();  // the pressed button is hidden now: focus stays on the switch
  });
  function followDevice() {
    if (buttons[current].getAttribute("data-md-color-media") === AUTO) apply(current);
  }
  if (light.addEventListener) light.addEventListener("change", followDevice);
  else if (light.addListener) light.addListener(followDevice);  // Safari before 14
})();
