/* Auto-diagnostic, suivi : exports, import d’un résultat précédent (évolution par axe,
   versions du questionnaire) et plan d’action. Chargé par diagnostic.js au premier usage ;
   dépend de suivi-core.js. */
(function () {
  'use strict';
  var S = window.VMISuivi, P = window.VMIDiagPage, VMI = window.VMI, mk = VMI.el, add = VMI.append, NB = '\u00a0', planShown = '', votes, votedOn;

  function $(id) { return document.getElementById(id); }
  function ctx() { return P.get(); }
  // Fichier nommé d’après la date de ce qu’il contient (dernière réponse, dernier vote).
  function download(file, date, text, type) {
    VMI.download(file.replace('@', (date || new Date().toISOString()).slice(0, 10)), text, type);
  }

  function exporter(id) {
    var c = ctx();
    if (id === 'vmi-export-json') download('autodiagnostic-@.json', c.st.date, S.toJSON(c.data, c.st), 'application/json');
    else if (id === 'vmi-export-csv') download('autodiagnostic-@.csv', c.st.date, S.toCSV(c.data, c.st, c.res), 'text/csv;charset=utf-8');
    else if (id === 'vmi-export-plan') download('plan-action-@.csv', c.st.date, S.planCSV(c.data, c.st.plan), 'text/csv;charset=utf-8');
  }

  // Un résultat précédent : comparé au résultat actuel, jamais mêlé aux réponses.
  function imported(text) {
    var data = ctx().data, r, D = window.VMIDiagnostic, changes;
    try { r = S.readExport(data, text); } catch (e) { return P.alertMsg(e.message + P.KEEP); }
    changes = S.describeChanges(data, r.changes);
    P.alertMsg('');
    P.set(null, { st: r.state, res: D.scoreAxes(data, r.state.answers) });
    P.msg('Résultat du ' + D.formatDate(r.state.date) + ' importé' + NB + ': il apparaît en tirets courts sur le graphique, ' +
      'et l’évolution de chaque axe dans le tableau.' + (changes ? ' ' + changes : ''));
  }

  // Réponses enregistrées avec une version précédente du questionnaire.
  function migrate(raw) {
    var data = ctx().data, o = JSON.parse(raw), r;
    o.format = 'vmi-diagnostic';
    try { r = S.readExport(data, JSON.stringify(o)); } catch (e) {
      return P.alertMsg('Vos réponses enregistrées n’ont pas pu être relues' + NB + ': ' + e.message);
    }
    P.set(r.state);
    P.alertMsg(S.describeChanges(data, r.changes).replace('depuis cet export', 'depuis votre dernière visite'));
  }

  // Lien de partage : réponses et niveaux visés dans l’adresse (sans les notes).
  function share() {
    var c = ctx(), inp = $('vmi-lien'), url = location.href.split('#')[0] + '#r=' + S.encodeShare(c.data, c.st);
    inp.value = url;
    $('vmi-lien-zone').hidden = false; inp.focus(); inp.select();
    P.msg('Lien de partage prêt ci-dessous.');
    if (navigator.clipboard) navigator.clipboard.writeText(url).then(function () { P.msg('Lien copié dans le presse-papiers.'); }, function () {});
  }
  function fromHash() {
    var c = ctx(), m = /^#r=(.*)$/.exec(location.hash), s;
    if (!m) return;
    try { s = S.decodeShare(c.data, m[1]); } catch (e) { return P.alertMsg(e.message + P.KEEP); }
    c.st.answers = s.answers; c.st.targets = s.targets;
    P.set(c.st);
    P.msg('Réponses chargées depuis le lien de partage.');
    history.replaceState(null, '', location.href.split('#')[0]);
  }

  function addAction(recoId) {
    var c = ctx(), reco = c.data.recommandations.filter(function (r) { return r.id === recoId; })[0];
    if (!reco) return;
    c.st.plan = S.addAction(c.st.plan, reco);
    P.save(); render();
    P.msg('Action ajoutée au plan d’action (' + c.st.plan.length + ' action' + (c.st.plan.length > 1 ? 's' : '') + ').');
  }

  function render() {
    var c = ctx(), ev = S.evolution(c.data, c.res, c.imp && c.imp.res), plan = c.st.plan = S.cleanPlan(c.st.plan), ids = {};
    c.data.axes.forEach(function (a, i) {
      var card = c.root.querySelector('[data-axe="' + a.id + '"]'), row = $('vmi-tableau-corps').rows[i];
      card.setAttribute('data-evolution', ev[a.id] === null ? '' : ev[a.id]);
      if (c.imp) {
        add(card.querySelector('.vmi-diag__score'), ' · évolution' + NB + ': ' + S.evolutionText(ev[a.id]));
        add(row, mk('td', {}, S.evolutionText(ev[a.id])));
      }
    });
    $('vmi-col-evolution').hidden = !c.imp;
    plan.forEach(function (a) { ids[a.reco] = 1; });
    [].forEach.call(c.root.querySelectorAll('[data-ajouter-au-plan]'), function (b) {
      if (ids[b.getAttribute('data-ajouter-au-plan')]) { b.disabled = true; b.textContent = '✓ Dans le plan d’action'; }
    });
    if (JSON.stringify(plan.map(function (a) { return a.reco; })) !== planShown) drawPlan(c, plan);
  }

  // Le tableau du plan, redessiné seulement quand des actions s’ajoutent ou s’en vont : la
  // saisie dans ses champs n’y perd jamais le curseur.
  function drawPlan(c, plan) {
    var body = $('vmi-plan-corps'), names = {};
    planShown = JSON.stringify(plan.map(function (a) { return a.reco; }));
    c.data.axes.forEach(function (a) { names[a.id] = a.nom; });
    body.textContent = '';
    $('vmi-plan').hidden = !plan.length;
    plan.forEach(function (a, i) {
      var tr = add(body, mk('tr', { 'data-action': a.reco })), n = 'vmi-action-' + i, sel, td, th;
      th = add(tr, mk('th', { scope: 'row', id: n }));
      add(th, mk('span', {}, a.texte));
      add(th, mk('span', { 'class': 'vmi-diag__plan-axe' }, names[a.axe] || a.axe));
      td = add(tr, mk('td'));
      add(td, mk('input', { type: 'text', 'data-champ': 'porteur', 'aria-labelledby': 'vmi-plan-porteur ' + n })).value = a.porteur;
      td = add(tr, mk('td'));
      add(td, mk('input', { type: 'date', 'data-champ': 'echeance', 'aria-labelledby': 'vmi-plan-echeance ' + n })).value = a.echeance;
      sel = add(add(tr, mk('td')), mk('select', { 'data-champ': 'statut', 'aria-labelledby': 'vmi-plan-statut ' + n }));
      S.STATUTS.forEach(function (s) { add(sel, mk('option', { value: s[0] }, s[1])); });
      sel.value = a.statut;
      add(add(tr, mk('td')), mk('button', { type: 'button', 'class': 'md-button', 'data-retirer': a.reco, 'aria-describedby': n }, 'Retirer'));
    });
  }

  function onPlan(ev) {
    var t = ev.target, tr = t.closest('[data-action]'), c = ctx(), k = t.getAttribute('data-champ'), id = t.getAttribute('data-retirer');
    if (ev.type === 'click' && id) {
      c.st.plan = c.st.plan.filter(function (a) { return a.reco !== id; });
      P.save(); P.set(null);
      P.msg('Action retirée du plan.');
      $('vmi-plan-titre').focus();
    } else if (ev.type === 'input' && k && tr) {
      c.st.plan.forEach(function (a) { if (a.reco === tr.getAttribute('data-action')) a[k] = t.value; });
      P.save();
    }
  }

  add(document.head, mk('link', { rel: 'stylesheet', href: document.currentScript.src.replace(/javascripts\/[^/]*$/, 'stylesheets/a-la-demande/diagnostic-suivi.css') }));
  // Vote de la salle (mode projection) : l’animateur saisit, pour chaque question, le nombre de
  // mains levées par réponse ; gardé dans ce navigateur et résumé comme une synthèse d’équipe.
  function roomKey() { return ctx().data.cle + '-salle'; }
  function loadVotes() {
    var data = ctx().data, r;
    try { r = S.readRoom(data, JSON.parse(VMI.local.get(roomKey()))); } catch (e) { return {}; }
    votedOn = r.date;
    return r.votes;
  }
  function saveVotes() {
    votedOn = new Date().toISOString();
    VMI.local.set(roomKey(), S.roomJSON(ctx().data, votes, votedOn));
  }
  function room() {
    var c = ctx();
    if (votes) return;
    votes = loadVotes();
    [].forEach.call(c.root.querySelectorAll('#vmi-diagnostic fieldset'), function (f) {
      var id = f.querySelector('input[type=radio]').name, box = add(f, mk('div', { 'class': 'vmi-diag__salle' }));
      add(box, mk('p', { 'class': 'vmi-diag__salle-titre' }, 'Vote de la salle, nombre de mains levées' + NB + ':'));
      [].forEach.call(f.querySelectorAll('.vmi-diag__choix input'), function (r, i) {
        var k = r.value, lab = add(box, mk('label', {}, k === 'nsp' ? 'Je ne sais pas' : 'Réponse ' + (i + 1))),
          inp = add(lab, mk('input', { type: 'number', min: 0, step: 1, inputmode: 'numeric', 'data-salle': id, 'data-choix': k }));
        inp.value = votes[id] && votes[id][k] || '';
      });
    });
    c.root.addEventListener('input', onVote);
    c.root.addEventListener('click', function (ev) {
      if (ev.target.id === 'vmi-salle-exporter') return download('vote-salle-@.json', votedOn, S.roomJSON(c.data, votes, votedOn), 'application/json');
      if (ev.target.id !== 'vmi-salle-effacer' || !confirm('Effacer le vote de la salle\u202f? Cette action est définitive.')) return;
      votes = {}; saveVotes(); drawRoom();
      [].forEach.call(c.root.querySelectorAll('[data-salle]'), function (e) { e.value = ''; });
      P.msg('Le vote de la salle a été effacé.');
    });
    drawRoom();
    // The vote fields lengthen every question: lay the slides out again at once, on the
    // slide the address names (after a reload, the one the presenter was on).
    if (window.VMIProjection && document.documentElement.getAttribute('data-mode') === 'projection') window.VMIProjection.enter();
  }
  function onVote(ev) {
    var t = ev.target, id = t.getAttribute('data-salle'), x, n = +t.value;
    if (!id) return;
    x = ctx().data.questions.filter(function (q) { return q.id === id; })[0];
    votes[id] = votes[id] || S.emptyCounts(x);
    votes[id][t.getAttribute('data-choix')] = n > 0 && n % 1 === 0 ? n : 0;
    votes = S.cleanVotes(ctx().data, votes);
    saveVotes(); drawRoom();
  }
  function drawRoom() {
    var c = ctx(), sum = S.roomSummary(c.data, votes), box = $('vmi-salle'), ul, p, ids = Object.keys(sum.questions);
    box.textContent = '';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-labelledby', 'vmi-salle-titre');
    // projection.js lays its slides out again on a change: the summary then has its place.
    setTimeout(function () { c.root.dispatchEvent(new Event('change', { bubbles: true })); }, 0);
    add(box, mk('h2', { id: 'vmi-salle-titre' }, 'Synthèse de la salle'));
    if (!ids.length) return add(box, mk('p', {}, 'Aucun vote saisi pour l’instant' + NB + ': en projection, chaque question a sa ligne «' + NB + 'Vote de la salle' + NB + '».'));
    add(box, mk('p', {}, ids.length + ' question' + (ids.length > 1 ? 's' : '') + ' votée' + (ids.length > 1 ? 's' : '') + ' · ' +
      sum.aDiscuter.length + ' à discuter · ' + sum.aVerifier.length + ' à vérifier (plusieurs «' + NB + 'Je ne sais pas' + NB + '»).'));
    p = add(box, mk('p', { 'class': 'vmi-diag__salle-boutons' }));
    add(p, mk('button', { type: 'button', 'class': 'md-button', id: 'vmi-salle-exporter' }, 'Exporter le vote (JSON)'));
    add(p, mk('button', { type: 'button', 'class': 'md-button', id: 'vmi-salle-effacer' }, 'Effacer le vote de la salle'));
    p = add(box, mk('p', {}, 'Le fichier exporté se joint aux exports des membres de l’équipe dans la '));
    add(p, mk('a', { href: $('vmi-lien-equipe').getAttribute('href') }, 'synthèse d’équipe'));
    add(p, '.');
    ul = add(box, mk('ul'));
    c.data.questions.forEach(function (x, i) {
      var o = sum.questions[x.id], parts = [];
      if (!o) return;
      x.points.forEach(function (p, k) { if (o.repartition[k]) parts.push('réponse ' + (k + 1) + NB + '×' + NB + o.repartition[k]); });
      if (o.nsp) parts.push('je ne sais pas' + NB + '×' + NB + o.nsp);
      add(ul, mk('li', { 'data-salle-question': x.id, 'data-repartition': JSON.stringify(o.repartition), 'data-a-discuter': o.aDiscuter ? 'oui' : 'non' },
        'Q' + (i + 1) + ' ' + question(x.id) + ' — ' + parts.join(', ') + (o.aDiscuter ? ' · à discuter' : '') + (o.nsp > 1 ? ' · à vérifier' : '')));
    });
  }
  function question(id) { var l = ctx().root.querySelector('#vmi-diagnostic input[name="' + id + '"]').closest('fieldset').querySelector('legend'); return l.textContent.trim(); }

  window.VMISuiviPage = { room: room, share: share, fromHash: fromHash, render: render, imported: imported, migrate: migrate, add: addAction, exporter: exporter };
  $('vmi-plan').addEventListener('click', onPlan);
  $('vmi-plan').addEventListener('input', onPlan);
  render();
})();
