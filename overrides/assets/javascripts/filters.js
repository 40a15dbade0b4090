/* Filter forms of list pages (cases, library): plain script, works over file://.
   Without it every item stays listed and the form is hidden (filtres.css). The form says what it
   filters: data-filtres-items (items' selector), data-filtres-attribut (prefix of their
   attributes: a select with data-critere="taille" reads data-<prefix>taille, a
   space-separated list), data-filtres-noms (« démarche affichée|démarches affichées|Aucune démarche »)
   and, optionally, data-filtres-groupes (sections hidden when none of their items shows).
   A checkbox with data-critere keeps the items whose attribute holds its value. On a phone
   the fields fold behind a [data-filtres-pli] button, which says how many filters are on.
   Filters can come from the address (?pilier=sante&taille=20000-50000&couts=couts). */
(function () {
  "use strict";
  const VMI = window.VMI;

  /* What a control asks for: a select's choice, a checked box's value, or "" (anything). */
  function wanted(control) {
    if (control.type === "checkbox") return control.checked ? control.value : "";
    return control.value;
  }

  function matches(item, selects, prefix) {
    return selects.every((select) => {
      const value = wanted(select);
      if (!value) return true;
      const values = (item.getAttribute(prefix + select.dataset.critere) || "").split(" ");
      return values.includes(value);
    });
  }

  function foldText(active) {
    if (!active) return "(aucun filtre actif)";
    return "(" + active + (active > 1 ? " filtres actifs)" : " filtre actif)");
  }

  function countText(shown, total, nouns) {
    const noun = function (n) { return n > 1 ? nouns[1] : nouns[0]; };
    if (!shown) return (nouns[2] || "Aucun résultat") + " ne correspond à ces filtres" + VMI.NBSP +
      ": modifiez-les ou effacez-les.";
    if (shown === total) return total + " " + noun(total);
    return shown + " " + noun(shown) + " sur " + total;
  }

  function readAddress(selects) {
    let params;
    try {
      params = new URLSearchParams(location.search);
    } catch (error) {
      return;
    }
    selects.forEach((select) => {
      const asked = params.get(select.name);
      if (select.type === "checkbox") {
        select.checked = asked === select.value;
        return;
      }
      const known = Array.from(select.options).some((option) => option.value === asked);
      if (asked && known) select.value = asked;
    });
  }

  function writeAddress(selects) {
    const params = [];
    selects.forEach((select) => {
      const value = wanted(select);
      if (value) params.push(select.name + "=" + encodeURIComponent(value));
    });
    VMI.setAddress(params.length ? "?" + params.join("&") : "", location.hash);
  }

  function initForm(form) {
    const criteria = "select[data-critere], input[type=checkbox][data-critere]";
    const selects = Array.from(form.querySelectorAll(criteria));
    const fold = form.querySelector("[data-filtres-pli]");
    const active = fold && fold.querySelector("[data-filtres-actifs]");
    const itemSelector = form.dataset.filtresItems;
    const items = Array.from(document.querySelectorAll(itemSelector));
    const groups = form.dataset.filtresGroupes ? document.querySelectorAll(form.dataset.filtresGroupes) : [];
    const prefix = form.dataset.filtresAttribut || "data-";
    const nouns = (form.dataset.filtresNoms || "résultat|résultats").split("|");
    const count = form.querySelector("[role=status]");

    function apply(remember) {
      let shown = 0;
      items.forEach((item) => {
        const match = matches(item, selects, prefix);
        item.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach((group) => {
        group.hidden = !group.querySelector(itemSelector + ":not([hidden])");
      });
      count.textContent = countText(shown, items.length, nouns);
      if (active) {
        const on = selects.filter(wanted).length;
        active.setAttribute("data-filtres-actifs", String(on));
        active.textContent = foldText(on);
      }
      if (remember) writeAddress(selects);
    }

    form.addEventListener("change", () => { apply(true); });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      apply(true);
    });
    form.addEventListener("reset", (event) => {
      /* Cleared here rather than by the browser (which clears after this event): the
         list is whole again as soon as the button is pressed. */
      event.preventDefault();
      selects.forEach((select) => {
        if (select.type === "checkbox") select.checked = false;
        else select.value = "";
      });
      apply(true);
    });
    if (fold) {
      fold.addEventListener("click", () => {
        const open = fold.getAttribute("aria-expanded") !== "true";
        fold.setAttribute("aria-expanded", String(open));
        form.classList.toggle("vmi-filtres--ouvert", open);
      });
    }
    readAddress(selects);
    apply(false);
  }

  /* With a collectivité chosen on /diagnostic/ (VMI.collectivite), a list whose form has
     data-filtres-ressemblance (/cas/) is sorted by likeness, selecting nothing: same size band
     and region first, then same band, then same region (priorities-core.js, loaded only
     then); its [data-ressemblance] note says so and each item says how it is alike. */
  function sortByLikeness(form) {
    const chosen = VMI.collectivite.get();
    const note = document.querySelector("[data-ressemblance]");
    if (!chosen || !note) return;
    VMI.load(["priorities-core.js"], () => {
      const P = VMI.priorities;
      const items = Array.from(document.querySelectorAll(form.dataset.filtresItems));
      function place(item) {
        return { code: item.getAttribute("data-code"), taille: item.getAttribute("data-taille"),
          region: item.getAttribute("data-region") };
      }
      P.byLikeness(items, chosen, place).forEach((item) => {
        const rank = P.likeness(chosen, place(item));
        const alike = !rank ? "Démarche de votre collectivité"
          : P.LIKENESS[rank] && P.LIKENESS[rank] + " que " + chosen.nom;
        const label = item.querySelector(".vmi-cas-liste__ressemblance");
        if (label) label.remove();
        if (alike) item.querySelector("h2").insertAdjacentElement("afterend",
          VMI.el("p", { "class": "vmi-cas-liste__ressemblance" },
            alike.charAt(0).toUpperCase() + alike.slice(1)));
        item.parentNode.appendChild(item);
      });
      note.textContent = "Démarches rangées par ressemblance avec " + chosen.nom +
        " (choisie dans l’auto-diagnostic)" + VMI.NBSP + ": " +
        "sa propre démarche d’abord s’il y en a une, puis même taille et même région, puis même taille, " +
        "puis même région, puis les autres. " +
        "Aucun filtre n’est appliqué.";
      note.hidden = false;
      form.setAttribute("data-tri", "ressemblance");
    });
  }

  VMI.start(() => {
    document.querySelectorAll("form[data-filtres]").forEach(initForm);
    document.querySelectorAll("form[data-filtres-ressemblance]").forEach(sortByLikeness);
  });
})();
