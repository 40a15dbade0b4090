/* The colour palette switch of the header (automatic, light, dark), in place of Material's.
 *
 * Material's palette component restyles the whole page three times as it starts (it
 * re-applies the colours and appends a <meta name="color-scheme">): on a mid-range phone
 * that is the longest task of the page. main.html renames the switch's form
 * (data-vmi-palette instead of data-md-component="palette"), so Material does not mount it,
 * and this script keeps its behaviour: the same radio buttons and labels, the same saved
 * choice (localStorage "__palette", read by Material's inline script before the first
 * paint), Enter to go to the next option. The page is restyled only when the colours really
 * change; the browser's colour metas are set after the first frame.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-vmi-palette]");
  if (!form || !window.__md_get) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[name=__palette]"));
  var light = matchMedia("(prefers-color-scheme: light)");
  var AUTO = "(prefers-color-scheme)";
  var current = -1;

  function colours(input) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
    if (color.media === AUTO) {  // the automatic option borrows the light or dark one's colours
      var twin = form.querySelector("[data-md-color-media='(prefers-color-scheme: " +
        (light.matches ? "light" : "dark") + ")']");
      if (twin) ["scheme", "primary", "accent"].forEach(function (key) {
        color[key] = twin.getAttribute("data-md-color-" + key);
      });
    }
    return color;
  }

  function apply(index) {
    var color = colours(inputs[index]);
    current = index;
    inputs[index].checked = true;
    Object.keys(color).forEach(function (key) {
      if (document.body.getAttribute("data-md-color-" + key) !== color[key]) {
        document.body.setAttribute("data-md-color-" + key, color[key]);
      }
    });
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
    window.__md_set("__palette", { index: index, color: color });
    requestAnimationFrame(function () { setTimeout(browserColours, 0); });
  }

  /* Address bar colour (mobile browsers) and scheme of the page's own scrollbar. */
  function browserColours() {
    var style = getComputedStyle(document.querySelector(".md-header") || document.body);
    meta("theme-color").content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3)
      .map(function (c) { return ("0" + (+c).toString(16)).slice(-2); }).join("");
    meta("color-scheme").content = style.colorScheme;
  }

  function meta(name) {
    var element = document.head.querySelector("meta[name='" + name + "'][data-vmi]");
    if (!element) {
      element = document.createElement("meta");
      element.name = name;
      element.setAttribute("data-vmi", "");
      document.head.appendChild(element);
    }
    return element;
  }

  var saved = window.__md_get("__palette");
  var start = saved && typeof saved.index === "number" ? saved.index : inputs.findIndex(
    function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; });
  apply(Math.max(0, Math.min(start, inputs.length - 1)));

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index >= 0) apply(index);
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || inputs.indexOf(event.target) < 0) return;
    event.preventDefault();
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
  function followDevice() {
    if (inputs[current].getAttribute("data-md-color-media") === AUTO) apply(current);
  }
  if (light.addEventListener) light.addEventListener("change", followDevice);
  else if (light.addListener) light.addListener(followDevice);  // Safari before 14
})();
