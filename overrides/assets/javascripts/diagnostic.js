/* Self-diagnosis: the page's controller. Scoring and the results view (diagnostic-core.js,
   diagnostic-results.js) load at the first answer, when the results come near the screen
   or when answers are saved; exports, imports and the action plan (diagnostic-followup.js,
   with followup-core.js) at their first use: a first visit does not pay for them. */
(function () {
  'use strict';
  const VMI = window.VMI;
  const { NBSP, byId: $ } = VMI;
  const ANSWERS_KEPT = ' Vos réponses actuelles sont conservées.';
  let data;
  let root;
  let state;
  let results;
  let previous;
  let canSave;
  let storageKey;
  let questionnaire;
  let resultsAsked = false;

  function emptyState() {
    return { v: 1, answers: {}, targets: {}, notes: {}, date: new Date().toISOString() };
  }
  function showAlert(text) { $('vmi-alerte').textContent = text; }
  function showMessage(text) { $('vmi-message').textContent = text; }

  // Scoring and the results view (with the six priorities); the results are drawn as soon as they arrive.
  const RESULTS = ['diagnostic-core.js', 'priorities-core.js', 'diagnostic-priorities.js', 'radar.js',
    'diagnostic-results.js'];
  function withResults(fn) {
    if (!resultsAsked) VMI.load(RESULTS, () => { render(); });
    resultsAsked = true;
    VMI.load(RESULTS, fn);
  }
  // Then the follow-up tools: fn(followUp) once they are there.
  function withFollowUp(fn) {
    withResults(() => {
      VMI.load(['followup-core.js', 'diagnostic-followup.js'], () => { fn(VMI.diagnosticFollowUp); });
    });
  }
  function save() {
    state.date = new Date().toISOString();
    state.questionnaire = questionnaire;
    if (canSave && !VMI.local.set(storageKey, JSON.stringify(state))) cannotSave();
  }
  function cannotSave() {
    canSave = false;
    showAlert('L’enregistrement automatique est indisponible dans ce navigateur' + NBSP +
      ': pensez à exporter vos réponses.');
  }
  // The saved answers, read again with the scoring (loaded for them), then done().
  function loadSaved(done) {
    const saved = VMI.local.get(storageKey);
    if (!VMI.local.usable()) { cannotSave(); return done(); }
    canSave = true;
    if (saved === null) return done();
    withResults(() => {
      try {
        state = JSON.parse(saved);
        if (state.questionnaire && state.questionnaire.version !== questionnaire.version) {
          state = emptyState(); withFollowUp((followUp) => { followUp.migrate(saved); });
        } else state = VMI.diagnostic.validateState(data, state);
        if (state.plan) withFollowUp(() => {});
      } catch (e) {
        state = emptyState();
        showAlert('Vos réponses enregistrées n’ont pas pu être relues' + NBSP + ': le questionnaire repart ' +
          'de zéro. L’ancien enregistrement sera remplacé à votre prochaine modification.');
      }
      done();
    });
  }
  function whenProjected() {
    if (document.documentElement.getAttribute('data-mode') !== 'projection') return;
    withFollowUp((followUp) => { followUp.room(); });
  }
  function fromHash() {
    if (/^#r=/.test(location.hash)) withFollowUp((followUp) => { followUp.fromHash(); });
  }
  // « Votre collectivité » (territory-core.js, territory-search.js): loaded when its field is
  // first used, or to show a saved choice.
  function withTerritory(fn) { VMI.load(['territory-core.js', 'territory-search.js'], fn); }
  function showTerritory() {
    VMI.collectivite.set(state.collectivite && state.collectivite.nom ? state.collectivite : null);
    if (state.collectivite || VMI.territorySearch) withTerritory(() => {
      VMI.territorySearch.update();
    });
  }
  function fillForm() {
    showTerritory();
    const fields = '#vmi-diagnostic input[type=radio], [data-cible], [data-note], [data-profil]';
    root.querySelectorAll(fields).forEach((field) => {
      const axisTarget = field.getAttribute('data-cible');
      const axisNote = field.getAttribute('data-note');
      const profile = field.getAttribute('data-profil');
      if (axisTarget) field.value = axisTarget in state.targets ? state.targets[axisTarget] : '';
      else if (axisNote || profile) field.value = (axisNote ? state.notes[axisNote] : state[profile]) || '';
      else field.checked = field.value === String(state.answers[field.name]);
    });
  }

  function onInput(ev) {
    const field = ev.target;
    const axisTarget = field.getAttribute('data-cible');
    const axisNote = field.getAttribute('data-note');
    const profile = field.getAttribute('data-profil');
    const key = axisTarget || axisNote || profile;
    const into = axisTarget ? state.targets : axisNote ? state.notes : state;
    let changedAxis = null;
    if (field.type === 'radio') {
      state.answers[field.name] = field.value === 'nsp' ? 'nsp' : +field.value;
      data.questions.forEach((question) => {
        if (question.id === field.name) changedAxis = question.axe;
      });
    } else if (key) {
      if (field.value) into[key] = axisTarget ? +field.value : field.value; else delete into[key];
    } else return;
    showAlert(''); save(); render(changedAxis);
  }
  function onImport() {
    const input = this;
    const reader = new FileReader();
    reader.onload = function () {
      withFollowUp((followUp) => { followUp.imported(String(reader.result)); });
      input.value = '';
    };
    reader.onerror = function () { showAlert('Le fichier n’a pas pu être lu.' + ANSWERS_KEPT); };
    if (input.files[0]) reader.readAsText(input.files[0]);
  }
  function onClick(ev) {
    const id = ev.target.id;
    const recommendation = ev.target.getAttribute('data-ajouter-au-plan');
    if (id === 'vmi-effacer') {
      const question = 'Effacer toutes vos réponses, niveaux visés et notes' + VMI.NNBSP + '?';
      if (!confirm(question + ' Cette action est définitive.')) return;
      state = emptyState(); fillForm(); render(); showMessage('Vos réponses ont été effacées.');
      VMI.local.set(storageKey, null);
    } else if (/^vmi-export-/.test(id)) withFollowUp((followUp) => { followUp.exporter(id); });
    else if (recommendation) withFollowUp((followUp) => {
      followUp.add(recommendation, ev.target.getAttribute('data-echeance'));
    });
    else if (id === 'vmi-imprimer') withResults(print);
    else if (ev.target.hasAttribute('data-imprimer-synthese')) withResults(() => {
      VMI.diagnosticPriorities.printSummary();
    });
    else if (id === 'vmi-partager') withFollowUp((followUp) => { followUp.share(); });
  }

  // changedAxis: named in the progress line; null: the progress line is left as it is.
  function render(changedAxis) {
    if (!VMI.diagnosticResults) return withResults(() => { render(changedAxis); });
    results = VMI.diagnosticResults.render(changedAxis);
    if (VMI.diagnosticFollowUp) VMI.diagnosticFollowUp.render();
  }

  function init() {
    root = $('vmi-diag');
    if (!root) return;
    previous = null; state = emptyState(); results = null;
    const source = $('vmi-diagnostic-data') || root.querySelector('script');
    try {
      data = JSON.parse(source.textContent);
    } catch (e) { return showAlert('Les données du diagnostic sont illisibles.'); }
    storageKey = data.cle || 'vmi-diagnostic';
    questionnaire = { id: data.questionnaire.id, version: data.questionnaire.version, questions: {} };
    data.questions.forEach((question) => { questionnaire.questions[question.id] = question.h; });
    loadSaved(() => {
      fillForm();
      if (VMI.diagnosticResults) render();
      fromHash();
      // Projection (projection.js sets <html data-mode>): the room's show of hands.
      new MutationObserver(whenProjected).observe(document.documentElement,
        { attributes: true, attributeFilter: ['data-mode'] });
      whenProjected();
      if (window.IntersectionObserver) {
        new IntersectionObserver((entries, observer) => {
          if (entries[0].isIntersecting) { observer.disconnect(); withResults(); }
        }, { rootMargin: '0px 0px 100% 0px' }).observe($('vmi-resultats'));
      } else withResults();
      root.addEventListener('input', onInput);
      root.addEventListener('click', onClick);
      $('vmi-coll-recherche').addEventListener('focus', () => { withTerritory(); });
      $('vmi-import').addEventListener('change', onImport);
      root.setAttribute('data-vmi-init', ''); // ready (tests wait for it)
    });
  }
  // What diagnostic-results.js and diagnostic-followup.js need of this page. previous: an
  // earlier result imported for comparison, { state, results }, never mixed with the answers.
  VMI.diagnosticPage = {
    get() {
      return { data, state, results, previous, root };
    },
    set(newState, newPrevious) {
      if (newState) { state = newState; fillForm(); save(); }
      if (newPrevious !== undefined) previous = newPrevious;
      render(null);
    },
    save, showMessage, showAlert, ANSWERS_KEPT
  };
  addEventListener('beforeprint', () => { if (root) withResults(); });
  addEventListener('hashchange', () => { if (root) fromHash(); });
  // A task of its own, once the theme has set the page up: the theme's start-up then
  // does not lay out our results too, and neither task keeps the phone busy for long.
  VMI.start(() => { setTimeout(init, 0); });
})();
