/* Auto-diagnostic, suivi : exports, import d’un résultat précédent (évolution par axe,
   versions du questionnaire) et plan d’action. Chargé par diagnostic.js au premier usage ;
   dépend de suivi-core.js. */
(function () {
  'use strict';
  var S = window.VMISuivi, P = window.VMIDiagPage, NB = '\u00a0', planShown = '';

  function $(id) { return document.getElementById(id); }
  function ctx() { return P.get(); }
  function download(ext, text, type) {
    var st = ctx().st, url = URL.createObjectURL(new Blob([text], { type: type })),
      a = P.add(document.body, P.mk('a', { href: url, download: (ext === '-plan.csv' ? 'plan-action-' : 'autodiagnostic-') + st.date.slice(0, 10) + ext.replace('-plan', '') }));
    a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
  }

  function exporter(id) {
    var c = ctx();
    if (id === 'vmi-export-json') download('.json', S.toJSON(c.data, c.st), 'application/json');
    else if (id === 'vmi-export-csv') download('.csv', S.toCSV(c.data, c.st, c.res), 'text/csv;charset=utf-8');
    else if (id === 'vmi-export-plan') download('-plan.csv', S.planCSV(c.data, c.st.plan), 'text/csv;charset=utf-8');
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

  function add(recoId) {
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
        P.add(card.querySelector('.vmi-diag__score'), ' · évolution' + NB + ': ' + S.evolutionText(ev[a.id]));
        P.add(row, P.mk('td', {}, S.evolutionText(ev[a.id])));
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
      var tr = P.add(body, P.mk('tr', { 'data-action': a.reco })), n = 'vmi-action-' + i, sel, td;
      P.add(tr, P.mk('th', { scope: 'row', id: n }, a.texte));
      P.add(tr, P.mk('td', {}, names[a.axe] || a.axe));
      td = P.add(tr, P.mk('td'));
      P.add(td, P.mk('input', { type: 'text', 'data-champ': 'porteur', 'aria-labelledby': 'vmi-plan-porteur ' + n })).value = a.porteur;
      td = P.add(tr, P.mk('td'));
      P.add(td, P.mk('input', { type: 'date', 'data-champ': 'echeance', 'aria-labelledby': 'vmi-plan-echeance ' + n })).value = a.echeance;
      sel = P.add(P.add(tr, P.mk('td')), P.mk('select', { 'data-champ': 'statut', 'aria-labelledby': 'vmi-plan-statut ' + n }));
      S.STATUTS.forEach(function (s) { P.add(sel, P.mk('option', { value: s[0] }, s[1])); });
      sel.value = a.statut;
      P.add(P.add(tr, P.mk('td')), P.mk('button', { type: 'button', 'class': 'md-button', 'data-retirer': a.reco, 'aria-describedby': n }, 'Retirer'));
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

  P.add(document.head, P.mk('link', { rel: 'stylesheet', href: document.currentScript.src.replace(/javascripts\/[^/]*$/, 'stylesheets/a-la-demande/diagnostic-suivi.css') }));
  window.VMISuiviPage = { share: share, fromHash: fromHash, render: render, imported: imported, migrate: migrate, add: add, exporter: exporter };
  $('vmi-plan').addEventListener('click', onPlan);
  $('vmi-plan').addEventListener('input', onPlan);
  render();
})();
