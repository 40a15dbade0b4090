/* Filter forms of list pages (cases, library): plain script, works over file://.
   Without it every item stays listed and the form is hidden (filtres.css). The form says what it
   filters: data-filtres-items (items' selector), data-filtres-attribut (prefix of their
   attributes: a select with data-critere="taille" reads data-<prefix>taille, a
   space-separated list), data-filtres-noms (« démarche affichée|démarches affichées|Aucune démarche »)
   and, optionally, data-filtres-groupes (sections hidden when none of their items shows).
   Filters can come from the address (?pilier=sante&taille=20000-50000). */
(function () {
  "use strict";

  function matches(item, selects, prefix) {
    return selects.every(function (select) {
      if (!select.value) return true;
      var values = (item.getAttribute(prefix + select.dataset.critere) || "").split(" ");
      return values.indexOf(select.value) >= 0;
    });
  }

  function countText(shown, total, nouns) {
    var noun = function (n) { return n > 1 ? nouns[1] : nouns[0]; };
    if (!shown) return (nouns[2] || "Aucun résultat") + " ne correspond à ces filtres\u00a0: modifiez-les ou effacez-les.";
    if (shown === total) return total + " " + noun(total);
    return shown + " " + noun(shown) + " sur " + total;
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

  function initForm(form) {
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-critere]"));
    var itemSelector = form.dataset.filtresItems;
    var items = Array.prototype.slice.call(document.querySelectorAll(itemSelector));
    var groups = form.dataset.filtresGroupes ? document.querySelectorAll(form.dataset.filtresGroupes) : [];
    var prefix = form.dataset.filtresAttribut || "data-";
    var nouns = (form.dataset.filtresNoms || "résultat|résultats").split("|");
    var count = form.querySelector("[role=status]");

    function apply(remember) {
      var shown = 0;
      items.forEach(function (item) {
        var match = matches(item, selects, prefix);
        item.hidden = !match;
        if (match) shown += 1;
      });
      Array.prototype.forEach.call(groups, function (group) {
        group.hidden = !group.querySelector(itemSelector + ":not([hidden])");
      });
      count.textContent = countText(shown, items.length, nouns);
      if (remember) writeAddress(selects);
    }

    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(true);
    });
    form.addEventListener("reset", function (event) {
      /* Cleared here rather than by the browser (which clears after this event): the
         list is whole again as soon as the button is pressed. */
      event.preventDefault();
      selects.forEach(function (select) { select.value = ""; });
      apply(true);
    });
    readAddress(selects);
    apply(false);
  }

  window.VMI.start(function () {
    document.querySelectorAll("form[data-filtres]").forEach(initForm);
  });
})();
