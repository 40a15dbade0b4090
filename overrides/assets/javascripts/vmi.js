/* Small site-wide behaviours: quiz feedback, glossary terms on focus.
   Plain script (works over file://); runs again on Material's instant navigation. */
(function () {
  "use strict";

  function initQuiz(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
      var isRight = function (input) { return input.dataset.correct === "oui"; };
      var chosen = inputs.filter(function (input) { return input.checked; });
      var allRight = inputs.every(function (input) { return input.checked === isRight(input); });
      inputs.forEach(function (input) {
        var note = input.parentNode.querySelector(".vmi-quiz__explication");
        note.hidden = !chosen.length || !(input.checked || isRight(input));
      });
      form.querySelector(".vmi-quiz__resultat").textContent = !chosen.length
        ? "Choisissez au moins une réponse."
        : allRight ? "Bonne réponse\u00a0!" : "Pas tout à fait\u00a0: lisez les explications.";
    });
  }

  /* Glossary terms (explained on first use only, see hooks/vmi/glossary.py) take focus,
     so keyboard users can read their definition too: Material shows it on focus. */
  function initGlossary(root) {
    root.querySelectorAll("abbr[data-vmi-titre]").forEach(function (abbr) {
      abbr.tabIndex = 0;
    });
  }

  function init() {
    if (document.body.dataset.vmiInit === location.href) return;
    document.body.dataset.vmiInit = location.href;
    document.querySelectorAll("form[data-quiz]").forEach(initQuiz);
    var article = document.querySelector(".md-content");
    if (article) initGlossary(article);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
