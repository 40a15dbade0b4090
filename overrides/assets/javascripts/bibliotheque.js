/* Library filters (type, town, pillar): plain script, works over file://.
   Without it every document stays listed and the filter form stays hidden.
   Filters can come from the address (?type=etude&ville=bethune&pilier=sante). */
(function () {
  "use strict";

  /* A document matches when every chosen criterion is among its values. */
  function matches(item, selects) {
    return selects.every(function (select) {
      if (!select.value) return true;
      var values = (item.getAttribute("data-doc-" + select.dataset.critere) || "").split(" ");
      return values.indexOf(select.value) >= 0;
    });
  }

  function countText(shown, total) {
    if (!shown) return "Aucun document ne correspond à ces filtres\u00a0: modifiez-les ou effacez-les.";
    if (shown === total) return total + (total > 1 ? " documents affichés" : " document affiché");
    return shown + (shown > 1 ? " documents affichés" : " document affiché") + " sur " + total;
  }

  function readAddress(selects) {
    var params;
    try {
      params = new URLSearchParams(location.search);
    } catch (error) {
      return;
    }
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      var known = Array.prototype.some.call(select.options, function (option) {
        return option.value === wanted;
      });
      if (wanted && known) select.value = wanted;
    });
  }

  function writeAddress(selects) {
    var params = [];
    selects.forEach(function (select) {
      if (select.value) params.push(select.name + "=" + encodeURIComponent(select.value));
    });
    try {
      history.replaceState(history.state, "", location.pathname + (params.length ? "?" + params.join("&") : "") + location.hash);
    } catch (error) {
      /* Some browsers refuse to change file:// addresses: filtering still works. */
    }
  }

  function initLibrary(form) {
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-critere]"));
    var items = Array.prototype.slice.call(document.querySelectorAll("li[data-doc-type]"));
    var groups = document.querySelectorAll("[data-biblio-groupe]");
    var count = form.querySelector("[role=status]");

    function apply(remember) {
      var shown = 0;
      items.forEach(function (item) {
        var match = matches(item, selects);
        item.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("li[data-doc-type]:not([hidden])");
      });
      count.textContent = countText(shown, items.length);
      if (remember) writeAddress(selects);
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(true);
    });
    form.addEventListener("reset", function () {
      /* The reset event fires before the fields are cleared. */
      setTimeout(function () { apply(true); }, 0);
    });
    readAddress(selects);
    form.hidden = false;
    apply(false);
  }

  function init() {
    var form = document.querySelector("form[data-biblio-filtres]");
    if (!form || form.dataset.biblioInit === "oui") return;
    form.dataset.biblioInit = "oui";
    initLibrary(form);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
