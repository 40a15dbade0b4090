/* Self-diagnosis, follow-up: exports, import of an earlier result (change per axis,
   questionnaire versions) and the action plan. Loaded by diagnostic.js at first use;
   needs followup-core.js. */
(function () {
  'use strict';
  const VMI = window.VMI;
  const { followUp: FollowUp, diagnosticPage: page, el, append, byId: $, NBSP, quoted } = VMI;
  let planShown = '';
  let votes;
  let votedOn;

  // Files are named after the date of what they hold (last answer, last vote).
  function download(file, date, text, type) {
    VMI.download(file.replace('@', (date || new Date().toISOString()).slice(0, 10)), text, type);
  }

  function exporter(id) {
    const ctx = page.get();
    const state = ctx.state;
    const csv = 'text/csv;charset=utf-8';
    if (id === 'vmi-export-json') {
      download('autodiagnostic-@.json', state.date, FollowUp.toJSON(ctx.data, state), 'application/json');
    } else if (id === 'vmi-export-csv') {
      download('autodiagnostic-@.csv', state.date, FollowUp.toCSV(ctx.data, state, ctx.results), csv);
    } else if (id === 'vmi-export-plan') {
      download('plan-action-@.csv', state.date, FollowUp.planCSV(ctx.data, state.plan), csv);
    }
  }

  // An earlier result: compared with the current one, never mixed with the answers.
  function imported(text) {
    const data = page.get().data;
    const Diagnostic = VMI.diagnostic;
    let read;
    try {
      read = FollowUp.readExport(data, text);
    } catch (e) { return page.showAlert(e.message + page.ANSWERS_KEPT); }
    const changes = FollowUp.describeChanges(data, read.changes);
    page.showAlert('');
    page.set(null, { state: read.state, results: Diagnostic.scoreAxes(data, read.state.answers) });
    page.showMessage('Résultat du ' + Diagnostic.formatDate(read.state.date) + ' importé' + NBSP +
      ': il apparaît en tirets courts sur le graphique, ' +
      'et l’évolution de chaque axe dans le tableau.' + (changes ? ' ' + changes : ''));
  }

  // Answers saved with an earlier version of the questionnaire.
  function migrate(saved) {
    const data = page.get().data;
    const object = JSON.parse(saved);
    let read;
    object.format = 'vmi-diagnostic';
    try { read = FollowUp.readExport(data, JSON.stringify(object)); } catch (e) {
      return page.showAlert('Vos réponses enregistrées n’ont pas pu être relues' + NBSP + ': ' + e.message);
    }
    page.set(read.state);
    page.showAlert(FollowUp.describeChanges(data, read.changes).replace('depuis cet export',
      'depuis votre dernière visite'));
  }

  // Share link: answers and targets in the address (not the notes).
  function share() {
    const ctx = page.get();
    const field = $('vmi-lien');
    const url = location.href.split('#')[0] + '#r=' + FollowUp.encodeShare(ctx.data, ctx.state);
    field.value = url;
    $('vmi-lien-zone').hidden = false; field.focus(); field.select();
    page.showMessage('Lien de partage prêt ci-dessous.');
    if (navigator.clipboard) navigator.clipboard.writeText(url).then(() => {
      page.showMessage('Lien copié dans le presse-papiers.');
    }, () => {});
  }
  function fromHash() {
    const ctx = page.get();
    const match = /^#r=(.*)$/.exec(location.hash);
    let shared;
    if (!match) return;
    try {
      shared = FollowUp.decodeShare(ctx.data, match[1]);
    } catch (e) { return page.showAlert(e.message + page.ANSWERS_KEPT); }
    ctx.state.answers = shared.answers; ctx.state.targets = shared.targets;
    if (shared.collectivite) ctx.state.collectivite = shared.collectivite; // checked by territory-search.js
    page.set(ctx.state);
    page.showMessage('Réponses chargées depuis le lien de partage.');
    history.replaceState(null, '', location.href.split('#')[0]);
  }

  function addAction(recommendationId, echeance) {
    const ctx = page.get();
    const recommendation = ctx.data.recommandations.find((r) => r.id === recommendationId);
    if (!recommendation) return;
    ctx.state.plan = FollowUp.addAction(ctx.state.plan, recommendation, echeance);
    page.save(); render();
    page.showMessage('Action ajoutée au plan d’action (' + ctx.state.plan.length + ' action' +
      (ctx.state.plan.length > 1 ? 's' : '') + ').');
  }

  function render() {
    const ctx = page.get();
    const previous = ctx.previous;
    const change = FollowUp.evolution(ctx.data, ctx.results, previous && previous.results);
    const plan = ctx.state.plan = FollowUp.cleanPlan(ctx.state.plan);
    const planned = {};
    ctx.data.axes.forEach((axis, i) => {
      const card = ctx.root.querySelector('.vmi-diag__res[data-axe="' + axis.id + '"]');
      const row = $('vmi-tableau-corps').rows[i];
      card.setAttribute('data-evolution', change[axis.id] === null ? '' : change[axis.id]);
      if (previous) {
        append(card.querySelector('.vmi-diag__score'), ' · évolution' + NBSP + ': ' +
          FollowUp.evolutionText(change[axis.id]));
        append(row, el('td', {}, FollowUp.evolutionText(change[axis.id])));
      }
    });
    $('vmi-col-evolution').hidden = !previous;
    plan.forEach((action) => { planned[action.reco] = 1; });
    ctx.root.querySelectorAll('[data-ajouter-au-plan]').forEach((button) => {
      if (planned[button.getAttribute('data-ajouter-au-plan')]) {
        button.disabled = true;
        button.textContent = '✓ Dans le plan d’action';
      }
    });
    if (JSON.stringify(plan.map((action) => action.reco)) !== planShown) drawPlan(ctx, plan);
  }

  // The plan's table, drawn again only when actions come or go: typing in its fields
  // never loses the cursor.
  function drawPlan(ctx, plan) {
    const body = $('vmi-plan-corps');
    const names = {};
    planShown = JSON.stringify(plan.map((action) => action.reco));
    ctx.data.axes.forEach((axis) => { names[axis.id] = axis.nom; });
    body.textContent = '';
    $('vmi-plan').hidden = !plan.length;
    plan.forEach((action, i) => {
      const row = append(body, el('tr', { 'data-action': action.reco }));
      const rowId = 'vmi-action-' + i;
      let cell;
      const heading = append(row, el('th', { scope: 'row', id: rowId }));
      append(heading, el('span', {}, action.texte));
      append(heading, el('span', { 'class': 'vmi-diag__plan-axe' }, names[action.axe] || action.axe));
      cell = append(row, el('td'));
      append(cell, el('input', { type: 'text', 'data-champ': 'porteur',
        'aria-labelledby': 'vmi-plan-porteur ' + rowId })).value = action.porteur;
      cell = append(row, el('td'));
      append(cell, el('input', { type: 'date', 'data-champ': 'echeance',
        'aria-labelledby': 'vmi-plan-echeance ' + rowId })).value = action.echeance;
      const status = append(append(row, el('td')), el('select', { 'data-champ': 'statut',
        'aria-labelledby': 'vmi-plan-statut ' + rowId }));
      FollowUp.STATUSES.forEach((option) => {
        append(status, el('option', { value: option[0] }, option[1]));
      });
      status.value = action.statut;
      append(append(row, el('td')), el('button', { type: 'button', 'class': 'md-button',
        'data-retirer': action.reco, 'aria-describedby': rowId }, 'Retirer'));
    });
  }

  function onPlan(ev) {
    const field = ev.target;
    const row = field.closest('[data-action]');
    const state = page.get().state;
    const key = field.getAttribute('data-champ');
    const removed = field.getAttribute('data-retirer');
    if (ev.type === 'click' && removed) {
      state.plan = state.plan.filter((action) => action.reco !== removed);
      page.save(); page.set(null);
      page.showMessage('Action retirée du plan.');
      $('vmi-plan-titre').focus();
    } else if (ev.type === 'input' && key && row) {
      state.plan.forEach((action) => {
        if (action.reco === row.getAttribute('data-action')) action[key] = field.value;
      });
      page.save();
    }
  }

  append(document.head,
    el('link', { rel: 'stylesheet', href: document.currentScript.src.replace(/javascripts\/[^/]*$/,
      'stylesheets/a-la-demande/diagnostic-suivi.css') }));
  // The room's vote (projection): for each question the presenter types how many hands
  // went up for each answer; kept in this browser and summed up like a team synthesis.
  function roomKey() { return page.get().data.cle + '-salle'; }
  function loadVotes() {
    let read;
    try {
      read = FollowUp.readRoom(page.get().data, JSON.parse(VMI.local.get(roomKey())));
    } catch (e) { return {}; }
    votedOn = read.date;
    return read.votes;
  }
  function saveVotes() {
    votedOn = new Date().toISOString();
    VMI.local.set(roomKey(), FollowUp.roomJSON(page.get().data, votes, votedOn));
  }
  function room() {
    const ctx = page.get();
    if (votes) return;
    votes = loadVotes();
    ctx.root.querySelectorAll('#vmi-diagnostic fieldset').forEach((fieldset) => {
      const id = fieldset.querySelector('input[type=radio]').name;
      const box = append(fieldset, el('div', { 'class': 'vmi-diag__salle' }));
      append(box, el('p', { 'class': 'vmi-diag__salle-titre' },
        'Vote de la salle, nombre de mains levées' + NBSP + ':'));
      fieldset.querySelectorAll('.vmi-diag__choix input').forEach((radio, i) => {
        const choice = radio.value;
        const label = append(box, el('label', {},
          choice === 'nsp' ? 'Je ne sais pas' : 'Réponse ' + (i + 1)));
        const count = append(label, el('input', { type: 'number', min: 0, step: 1, inputmode: 'numeric',
          'data-salle': id, 'data-choix': choice }));
        count.value = votes[id] && votes[id][choice] || '';
      });
    });
    ctx.root.addEventListener('input', onVote);
    ctx.root.addEventListener('click', (ev) => {
      if (ev.target.id === 'vmi-salle-exporter') return download('vote-salle-@.json', votedOn,
        FollowUp.roomJSON(ctx.data, votes, votedOn), 'application/json');
      if (ev.target.id !== 'vmi-salle-effacer' ||
        !confirm('Effacer le vote de la salle' + VMI.NNBSP + '? Cette action est définitive.')) return;
      votes = {}; saveVotes(); drawRoom();
      ctx.root.querySelectorAll('[data-salle]').forEach((field) => { field.value = ''; });
      page.showMessage('Le vote de la salle a été effacé.');
    });
    drawRoom();
    // The vote fields lengthen every question: lay the slides out again at once, on the
    // slide the address names (after a reload, the one the presenter was on).
    if (VMI.projection &&
      document.documentElement.getAttribute('data-mode') === 'projection') VMI.projection.enter();
  }
  function onVote(ev) {
    const field = ev.target;
    const id = field.getAttribute('data-salle');
    const hands = +field.value;
    if (!id) return;
    const question = page.get().data.questions.find((q) => q.id === id);
    votes[id] = votes[id] || FollowUp.emptyCounts(question);
    votes[id][field.getAttribute('data-choix')] = hands > 0 && hands % 1 === 0 ? hands : 0;
    votes = FollowUp.cleanVotes(page.get().data, votes);
    saveVotes(); drawRoom();
  }
  function drawRoom() {
    const ctx = page.get();
    const summary = FollowUp.roomSummary(ctx.data, votes);
    const box = $('vmi-salle');
    let paragraph;
    const voted = Object.keys(summary.questions);
    box.textContent = '';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-labelledby', 'vmi-salle-titre');
    // projection.js lays its slides out again on a change: the summary then has its place.
    setTimeout(() => { ctx.root.dispatchEvent(new Event('change', { bubbles: true })); }, 0);
    append(box, el('h2', { id: 'vmi-salle-titre' }, 'Synthèse de la salle'));
    if (!voted.length) return append(box, el('p', {}, 'Aucun vote saisi pour l’instant' + NBSP +
      ': en projection, chaque question a sa ligne ' + quoted('Vote de la salle') + '.'));
    append(box, el('p', {}, voted.length + ' question' + (voted.length > 1 ? 's' : '') + ' votée' +
      (voted.length > 1 ? 's' : '') + ' · ' +
      summary.aDiscuter.length + ' à discuter · ' + summary.aVerifier.length + ' à vérifier (plusieurs ' +
        quoted('Je ne sais pas') + ').'));
    paragraph = append(box, el('p', { 'class': 'vmi-diag__salle-boutons' }));
    append(paragraph, el('button', { type: 'button', 'class': 'md-button', id: 'vmi-salle-exporter' },
      'Exporter le vote (JSON)'));
    append(paragraph, el('button', { type: 'button', 'class': 'md-button', id: 'vmi-salle-effacer' },
      'Effacer le vote de la salle'));
    paragraph = append(box,
      el('p', {}, 'Le fichier exporté se joint aux exports des membres de l’équipe dans la '));
    append(paragraph, el('a', { href: $('vmi-lien-equipe').getAttribute('href') }, 'synthèse d’équipe'));
    append(paragraph, '.');
    const list = append(box, el('ul'));
    ctx.data.questions.forEach((question, i) => {
      const counts = summary.questions[question.id];
      const parts = [];
      if (!counts) return;
      question.points.forEach((points, k) => {
        if (counts.repartition[k]) {
          parts.push('réponse ' + (k + 1) + NBSP + '×' + NBSP + counts.repartition[k]);
        }
      });
      if (counts.nsp) parts.push('je ne sais pas' + NBSP + '×' + NBSP + counts.nsp);
      append(list, el('li', { 'data-salle-question': question.id,
        'data-repartition': JSON.stringify(counts.repartition),
        'data-a-discuter': counts.aDiscuter ? 'oui' : 'non' },
      'Q' + (i + 1) + ' ' + questionText(question.id) + ' — ' + parts.join(', ') +
        (counts.aDiscuter ? ' · à discuter' : '') + (counts.nsp > 1 ? ' · à vérifier' : '')));
    });
  }
  function questionText(id) {
    const legend = page.get().root.querySelector('#vmi-diagnostic input[name="' + id +
      '"]').closest('fieldset').querySelector('legend');
    return legend.textContent.trim();
  }

  VMI.diagnosticFollowUp = { room, share, fromHash, render, imported,
    migrate, add: addAction, exporter };
  $('vmi-plan').addEventListener('click', onPlan);
  $('vmi-plan').addEventListener('input', onPlan);
  render();
})();
