/* Auto-diagnostic : contrôleur de page. Le calcul et l’affichage des résultats
   (diagnostic-core.js, diagnostic-resultats.js) se chargent à la première réponse, quand les
   résultats approchent de l’écran ou quand des réponses sont enregistrées ; exports, imports et
   plan d’action (diagnostic-suivi.js, avec suivi-core.js) au premier usage : la première visite
   n’en paie pas le poids. */
(function () {
  'use strict';
  var NB = '\u00a0', KEEP = ' Vos réponses actuelles sont conservées.', VMI = window.VMI, data, root, st, res, imp, canStore, KEY, Q,
    viewAsked = false;

  function $(id) { return document.getElementById(id); }
  function empty() { return { v: 1, answers: {}, targets: {}, notes: {}, date: new Date().toISOString() }; }
  function alertMsg(t) { $('vmi-alerte').textContent = t; }
  function msg(t) { $('vmi-message').textContent = t; }

  // Le calcul et les résultats ; dessinés dès leur arrivée.
  function view(fn) {
    if (!viewAsked) VMI.load(['diagnostic-core.js', 'diagnostic-resultats.js'], function () { render(); });
    viewAsked = true;
    VMI.load(['diagnostic-core.js', 'diagnostic-resultats.js'], fn);
  }
  // Puis le suivi : fn(module) dès qu’il est là.
  function more(fn) {
    view(function () { VMI.load(['suivi-core.js', 'diagnostic-suivi.js'], function () { fn(window.VMISuiviPage); }); });
  }
  function save() {
    st.date = new Date().toISOString();
    st.questionnaire = Q;
    if (canStore && !VMI.local.set(KEY, JSON.stringify(st))) noStore();
  }
  function noStore() {
    canStore = false;
    alertMsg('L’enregistrement automatique est indisponible dans ce navigateur' + NB + ': pensez à exporter vos réponses.');
  }
  // Les réponses enregistrées, relues avec le calcul (chargé pour elles), puis done().
  function load(done) {
    var raw = VMI.local.get(KEY);
    if (!VMI.local.usable()) { noStore(); return done(); }
    canStore = true;
    if (raw === null) return done();
    view(function () {
      try {
        st = JSON.parse(raw);
        if (st.questionnaire && st.questionnaire.version !== Q.version) {
          st = empty(); more(function (S) { S.migrate(raw); });
        } else st = window.VMIDiagnostic.validateState(data, st);
        if (st.plan) more(function () {});
      } catch (e) {
        st = empty();
        alertMsg('Vos réponses enregistrées n’ont pas pu être relues' + NB + ': le questionnaire repart de zéro. L’ancien enregistrement sera remplacé à votre prochaine modification.');
      }
      done();
    });
  }
  function proj() { if (document.documentElement.getAttribute('data-mode') === 'projection') more(function (S) { S.room(); }); }
  function fromHash() { if (/^#r=/.test(location.hash)) more(function (S) { S.fromHash(); }); }
  function fill() {
    [].forEach.call(root.querySelectorAll('input[type=radio], [data-cible], [data-note], [data-profil]'), function (e) {
      var c = e.getAttribute('data-cible'), n = e.getAttribute('data-note'), p = e.getAttribute('data-profil');
      if (c) e.value = c in st.targets ? st.targets[c] : '';
      else if (n || p) e.value = (n ? st.notes[n] : st[p]) || '';
      else e.checked = e.value === String(st.answers[e.name]);
    });
  }

  function onInput(ev) {
    var t = ev.target, c = t.getAttribute('data-cible'), n = t.getAttribute('data-note'), p = t.getAttribute('data-profil'),
      o = c ? st.targets : n ? st.notes : st, ax = null;
    if (t.type === 'radio') {
      st.answers[t.name] = t.value === 'nsp' ? 'nsp' : +t.value;
      data.questions.forEach(function (q) { if (q.id === t.name) ax = q.axe; });
    } else if (c || n || p) {
      if (t.value) o[c || n || p] = c ? +t.value : t.value; else delete o[c || n || p];
    } else return;
    alertMsg(''); save(); render(ax);
  }
  function onImport() {
    var input = this, r = new FileReader();
    r.onload = function () { more(function (S) { S.imported(String(r.result)); }); input.value = ''; };
    r.onerror = function () { alertMsg('Le fichier n’a pas pu être lu.' + KEEP); };
    if (input.files[0]) r.readAsText(input.files[0]);
  }
  function onClick(ev) {
    var t = ev.target, id = t.id, reco = t.getAttribute('data-ajouter-au-plan');
    if (id === 'vmi-effacer') {
      if (!confirm('Effacer toutes vos réponses, niveaux visés et notes\u202f? Cette action est définitive.')) return;
      st = empty(); fill(); render(); msg('Vos réponses ont été effacées.');
      VMI.local.set(KEY, null);
    } else if (/^vmi-export-/.test(id)) more(function (S) { S.exporter(id); });
    else if (reco) more(function (S) { S.add(reco); });
    else if (id === 'vmi-imprimer') view(print);
    else if (id === 'vmi-partager') more(function (S) { S.share(); });
  }

  function render(changed) {
    if (!window.VMIDiagResultats) return view(function () { render(changed); });
    res = window.VMIDiagResultats.render(changed);
    if (window.VMISuiviPage) window.VMISuiviPage.render();
  }

  function init() {
    var r = $('vmi-diag'), src;
    if (!r) return;
    root = r; imp = null; st = empty(); res = null;
    src = $('vmi-diagnostic-data') || r.querySelector('script');
    try { data = JSON.parse(src.textContent); } catch (e) { return alertMsg('Les données du diagnostic sont illisibles.'); }
    KEY = data.cle || 'vmi-diagnostic';
    Q = { id: data.questionnaire.id, version: data.questionnaire.version, questions: {} };
    data.questions.forEach(function (x) { Q.questions[x.id] = x.h; });
    load(function () {
      fill();
      if (window.VMIDiagResultats) render();
      fromHash();
      // Projection (projection.js sets <html data-mode>): the room's show of hands.
      new MutationObserver(proj).observe(document.documentElement, { attributes: true, attributeFilter: ['data-mode'] });
      proj();
      if (window.IntersectionObserver) {
        new IntersectionObserver(function (en, o) { if (en[0].isIntersecting) { o.disconnect(); view(); } },
          { rootMargin: '0px 0px 100% 0px' }).observe($('vmi-resultats'));
      } else view();
      r.addEventListener('input', onInput);
      r.addEventListener('click', onClick);
      $('vmi-import').addEventListener('change', onImport);
      r.setAttribute('data-vmi-init', '');
    });
  }
  // What diagnostic-suivi.js needs of this page.
  window.VMIDiagPage = {
    get: function () { return { data: data, st: st, res: res, imp: imp, root: root }; },
    set: function (s, i) { if (s) { st = s; fill(); save(); } if (i !== undefined) imp = i; render(null); },
    save: save,
    msg: msg, alertMsg: alertMsg, KEEP: KEEP
  };
  addEventListener('beforeprint', function () { if (root) view(); });
  addEventListener('hashchange', function () { if (root) fromHash(); });
  // A task of its own, once the theme has set the page up: the theme's start-up then
  // does not lay out our results too, and neither task keeps the phone busy for long.
  VMI.start(function () { setTimeout(init, 0); });
})();
