/* Auto-diagnostic : contrôleur de page, dépend de diagnostic-core.js. Exports, imports et plan
   d’action sont dans diagnostic-suivi.js (avec suivi-core.js), chargés au premier usage : la
   première visite n’en paie pas le poids. */
(function () {
  'use strict';
  var NB = '\u00a0', K = ['actuel', 'cible', 'import'], KEEP = ' Vos réponses actuelles sont conservées.', D, data, root, st, res, imp, canStore, KEY, Q,
    BASE = document.currentScript.src.replace(/[^/]*$/, ''), later = [];

  function $(id) { return document.getElementById(id); }
  function mk(tag, at, txt) {
    var e = /^(svg|title|polygon|line|text|tspan|circle)$/.test(tag) ?
      document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
    for (var k in at) e.setAttribute(k, at[k]);
    if (txt != null) e.textContent = txt;
    return e;
  }
  function add(p, c) { p.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); return c; }
  function clear(id) { var e = $(id); e.textContent = ''; return e; }
  function f(n) { return n.toFixed(1); }
  function empty() { return { v: 1, answers: {}, targets: {}, notes: {}, date: new Date().toISOString() }; }
  function alertMsg(t) { $('vmi-alerte').textContent = t; }
  function msg(t) { $('vmi-message').textContent = t; }
  function nom(id) { return data.axes.filter(function (a) { return a.id === id; })[0].nom; }
  function sc(r) { return r.score === null ? 'non évalué' : r.score + NB + '/' + NB + '100, ' + r.niveau; }

  // Charge suivi-core.js puis diagnostic-suivi.js une fois, et appelle fn(module) dès qu’il est là.
  function more(fn) {
    if (window.VMISuiviPage) return fn(window.VMISuiviPage);
    if (later.push(fn) > 1) return;
    ['suivi-core.js', 'diagnostic-suivi.js'].forEach(function (f, i) {
      var e = mk('script', { src: BASE + f });
      e.async = false;
      if (i) e.onload = function () { later.splice(0).forEach(function (g) { g(window.VMISuiviPage); }); };
      add(document.head, e);
    });
  }
  function save() {
    st.date = new Date().toISOString();
    st.questionnaire = Q;
    if (canStore) try { localStorage.setItem(KEY, JSON.stringify(st)); } catch (e) { noStore(); }
  }
  function noStore() {
    canStore = false;
    alertMsg('L’enregistrement automatique est indisponible dans ce navigateur' + NB + ': pensez à exporter vos réponses.');
  }
  function load() {
    var raw;
    try { raw = localStorage.getItem(KEY); canStore = true; } catch (e) { return noStore(); }
    if (raw !== null) try {
      st = JSON.parse(raw);
      if (st.questionnaire && st.questionnaire.version !== Q.version) {
        st = empty(); more(function (S) { S.migrate(raw); });
      } else st = D.validateState(data, st);
      if (st.plan) more(function () {});
    } catch (e) {
      st = empty();
      alertMsg('Vos réponses enregistrées n’ont pas pu être relues' + NB + ': le questionnaire repart de zéro. L’ancien enregistrement sera remplacé à votre prochaine modification.');
    }
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
      try { localStorage.removeItem(KEY); } catch (e) { /* stockage indisponible */ }
    } else if (/^vmi-export-/.test(id)) more(function (S) { S.exporter(id); });
    else if (reco) more(function (S) { S.add(reco); });
    else if (id === 'vmi-imprimer') print();
    else if (id === 'vmi-partager') more(function (S) { S.share(); });
  }

  function render(changed) {
    res = D.scoreAxes(data, st.answers);
    var n = Object.keys(st.answers).length, s = n > 1 ? 's' : '', prio = D.priorities(res, data.axes, 99),
      body = clear('vmi-tableau-corps'), w = clear('vmi-faible'), ol = clear('vmi-priorites'), box = clear('vmi-recommandations'), ul = mk('ul');
    $('vmi-progression').value = n;
    if (changed !== null) {
      $('vmi-progression-texte').textContent = n + ' question' + s + ' répondue' + s + ' sur ' + data.questions.length +
        (changed ? ' · ' + nom(changed) + NB + ': ' + sc(res[changed]) : '');
    }
    $('vmi-date').textContent = D.formatDate(st.date);
    data.axes.forEach(function (a) {
      var r = res[a.id], t = data.niveaux[st.targets[a.id]], card = root.querySelector('[data-axe="' + a.id + '"]'), tr = add(body, mk('tr'));
      if (card) {
        card.setAttribute('data-score', r.score === null ? '' : r.score);
        card.setAttribute('data-niveau', r.niveau || '');
        card.querySelector('.vmi-diag__score').textContent = sc(r) + ' · ' + r.nsp + ' point' + (r.nsp > 1 ? 's' : '') + ' à vérifier';
      }
      add(tr, mk('th', { scope: 'row' }, a.nom));
      [r.score === null ? 'non évalué' : r.score, r.niveau || '—', t ? t.nom : '—', r.nsp, st.notes[a.id] || ''].forEach(function (v) { add(tr, mk('td', {}, v)); });
    });
    function link(p, id) { add(p, mk('a', { href: '#axe-' + id }, nom(id))); add(p, NB + ': ' + sc(res[id])); }
    if (prio[0]) link(w, prio[0]); else w.textContent = 'Aucun axe n’est encore évalué.';
    prio.slice(0, 3).forEach(function (id) { link(add(ol, mk('li')), id); });
    D.applicableRecommendations(data, res).forEach(function (r) {
      var li = add(ul, mk('li')), l = mk('ul');
      add(li, mk('strong', {}, nom(r.axe) + NB + ': '));
      add(li, mk('div')).innerHTML = r.texte_html; // HTML sûr produit par le site
      (r.liens || []).forEach(function (x) { add(add(l, mk('li')), mk('a', { href: x.href }, x.titre)); });
      if (l.firstChild) add(li, l);
      add(li, mk('button', { type: 'button', 'class': 'md-button', 'data-ajouter-au-plan': r.id }, 'Ajouter au plan d’action'));
    });
    add(box, ul.firstChild ? ul : mk('p', {}, 'Aucune recommandation pour l’instant.'));
    radar();
    if (window.VMISuiviPage) VMISuiviPage.render();
  }

  function radar() {
    var axes = data.axes, n = axes.length, tg = st.targets, hasT = Object.keys(tg).length, g = add(clear('vmi-radar'), mk('svg', {
      viewBox: '-230 -178 460 356', role: 'img', 'aria-labelledby': 'vmi-radar-titre', 'class': 'vmi-radar'
    }));
    function pt(i, v) { var a = 2 * Math.PI * i / n - Math.PI / 2; return [v * Math.cos(a), v * Math.sin(a)]; }
    function poly(vals, cls) {
      add(g, mk('polygon', { points: vals.map(function (v, i) { return pt(i, v || 0).map(f); }).join(' '), 'class': cls }));
    }
    add(g, mk('title', { id: 'vmi-radar-titre' }, 'Graphique radar des scores par axe, sur 100 (détail dans le tableau qui suit)'));
    data.niveaux.map(function (l) { return l.min; }).filter(function (m) { return m > 0 && m < 100; }).concat(100).forEach(function (m) {
      poly(axes.map(function () { return m; }), 'vmi-radar__grille');
    });
    axes.forEach(function (a, i) {
      var p = pt(i, 100), q = pt(i, 112), r = res[a.id], lines = wrap(a.nom).concat(r.score === null ? 'non évalué' : r.score + NB + '/' + NB + '100'),
        k = lines.length - 1, y = q[1] + (p[1] < -30 ? -15 * k : p[1] > 30 ? 10 : 4 - 7.5 * k),
        t = mk('text', { 'text-anchor': p[0] > 30 ? 'start' : p[0] < -30 ? 'end' : 'middle' });
      add(g, mk('line', { x2: f(p[0]), y2: f(p[1]), 'class': 'vmi-radar__grille' }));
      lines.forEach(function (l, j) { add(t, mk('tspan', { x: f(q[0]), y: f(y + 15 * j), 'class': j === k ? 'vmi-radar__val' : '' }, l)); });
      add(g, t);
    });
    [imp && imp.res, hasT, res].forEach(function (src, s) {
      s = 2 - s;
      if (!src) return;
      var vals = axes.map(function (a) { return s === 1 ? (a.id in tg ? data.niveaux[tg[a.id]].min : null) : src[a.id].score; });
      if (vals.join('') === '') return;
      poly(vals, 'vmi-radar__' + K[s]);
      vals.forEach(function (v, i) {
        if (v === null) return;
        var x = pt(i, v)[0], y = pt(i, v)[1], c = 'vmi-radar__m vmi-radar__' + K[s];
        add(g, s ? mk('polygon', { 'class': c, points: (s === 1 ? [x - 4, y - 4, x + 4, y - 4, x + 4, y + 4, x - 4, y + 4] : [x, y - 5, x + 5, y, x, y + 5, x - 5, y]).map(f).join(' ') }) :
          mk('circle', { cx: f(x), cy: f(y), r: 3.5, 'class': c }));
      });
    });
    $('vmi-leg-cible').hidden = !hasT;
    $('vmi-leg-import').hidden = !imp;
    if (imp) $('vmi-leg-date').textContent = D.formatDate(imp.st.date);
  }
  function wrap(text) {
    var out = [''];
    text.split(' ').forEach(function (w) {
      var l = out.length - 1;
      if (out[l] && (out[l] + ' ' + w).length > 13) out.push(w); else out[l] += (out[l] ? ' ' : '') + w;
    });
    return out;
  }

  // Idempotent : DOMContentLoaded puis chaque page de la navigation instantanée de Material.
  function init() {
    var r = $('vmi-diag'), src;
    if (!r || r.hasAttribute('data-vmi-init') || !(D = window.VMIDiagnostic)) return;
    r.setAttribute('data-vmi-init', '');
    root = r; imp = null; st = empty();
    src = $('vmi-diagnostic-data') || r.querySelector('script');
    try { data = JSON.parse(src.textContent); } catch (e) { return alertMsg('Les données du diagnostic sont illisibles.'); }
    KEY = data.cle || 'vmi-diagnostic';
    Q = { id: data.questionnaire.id, version: data.questionnaire.version, questions: {} };
    data.questions.forEach(function (x) { Q.questions[x.id] = x.h; });
    load(); fill(); render(); fromHash();
    // Projection (projection.js sets <html data-mode>): the room's show of hands.
    new MutationObserver(proj).observe(document.documentElement, { attributes: true, attributeFilter: ['data-mode'] });
    proj();
    r.addEventListener('input', onInput);
    r.addEventListener('click', onClick);
    $('vmi-import').addEventListener('change', onImport);
  }
  // What diagnostic-suivi.js needs of this page.
  window.VMIDiagPage = {
    get: function () { return { data: data, st: st, res: res, imp: imp, root: root }; },
    set: function (s, i) { if (s) { st = s; fill(); save(); } if (i !== undefined) imp = i; render(null); },
    save: save,
    msg: msg, alertMsg: alertMsg, mk: mk, add: add, KEEP: KEEP
  };
  addEventListener('hashchange', function () { if (root && root.isConnected) fromHash(); });
  // A task of its own, once the theme has set the page up: the theme's start-up then
  // does not lay out our results too, and neither task keeps the phone busy for long.
  function soon() { setTimeout(init, 0); }
  if (window.document$) window.document$.subscribe(soon);
  else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', soon);
  else soon();
})();
