/* Auto-diagnostic : contrôleur de page (DOM). Dépend de diagnostic-core.js. */
(function () {
  'use strict';
  var NB = '\u00a0', FB = '\u202f', SVGNS = 'http://www.w3.org/2000/svg';
  var D, data, root, state, res, imported, storageOk, KEY;
  var NOSTORE = 'L’enregistrement automatique est indisponible dans ce navigateur (navigation privée ou fichier local)' + NB + ': pensez à exporter vos réponses avant de fermer la page.';
  var KEEP = ' Vos réponses actuelles sont conservées.';

  function $(id) { return document.getElementById(id); }
  function mk(tag, attrs, text, ns) {
    var e = ns ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function s(tag, attrs, text) { return mk(tag, attrs, text, 1); }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
  function empty() { return { v: 1, answers: {}, targets: {}, notes: {}, date: new Date().toISOString() }; }
  function alertMsg(t) { $('vmi-alerte').textContent = t; $('vmi-alerte-fermer').hidden = !t; }
  function msg(t) { $('vmi-message').textContent = t; }
  function axis(id) { for (var i = 0; i < data.axes.length; i++) if (data.axes[i].id === id) return data.axes[i]; }
  function plural(n, w) { return n + ' ' + w + (n > 1 ? 's' : ''); }
  function fmtDate(iso) {
    var d = new Date(iso);
    return isNaN(d) ? String(iso) : d.toLocaleString('fr-FR', { dateStyle: 'long', timeStyle: 'short' });
  }
  function scoreText(r) {
    return r.status === 'evalue' ? r.score + NB + '/' + NB + '100, niveau «' + NB + r.niveau + NB + '»' : 'non évalué';
  }

  function save() {
    state.date = new Date().toISOString();
    if (!storageOk) return;
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { storageOk = false; alertMsg(NOSTORE); }
  }
  function load() {
    var raw;
    try { raw = window.localStorage.getItem(KEY); storageOk = true; } catch (e) { storageOk = false; alertMsg(NOSTORE); return; }
    if (raw === null) return;
    try { state = D.validateState(data, JSON.parse(raw)); } catch (e) {
      alertMsg('Vos réponses enregistrées n’ont pas pu être relues' + NB + ': le questionnaire repart de zéro. L’ancien enregistrement sera remplacé à votre prochaine modification.');
    }
  }
  function fromHash() {
    var m = /^#r=(.*)$/.exec(location.hash);
    if (!m) return;
    try {
      var st = D.decodeShare(data, m[1]);
      state.answers = st.answers; state.targets = st.targets;
      save(); fillForm(); render();
      msg('Réponses chargées depuis le lien de partage.');
      history.replaceState(null, '', location.href.split('#')[0]);
    } catch (e) { alertMsg(e.message + KEEP); }
  }

  function fillForm() {
    var inputs = root.querySelectorAll('input[type=radio], [data-cible], [data-note]');
    for (var i = 0; i < inputs.length; i++) {
      var e = inputs[i], c = e.getAttribute('data-cible'), n = e.getAttribute('data-note');
      if (c) e.value = c in state.targets ? String(state.targets[c]) : '';
      else if (n) e.value = state.notes[n] || '';
      else e.checked = e.value === String(state.answers[e.name]);
    }
  }

  function onChange(ev) {
    var t = ev.target, c = t.getAttribute('data-cible'), a;
    if (t.id === 'vmi-import') return onImport(t);
    if (t.type === 'radio') {
      state.answers[t.name] = t.value === 'nsp' ? 'nsp' : +t.value;
      for (var i = 0; i < data.questions.length; i++) if (data.questions[i].id === t.name) a = data.questions[i].axe;
    } else if (c) {
      if (t.value === '') delete state.targets[c]; else state.targets[c] = +t.value;
    } else return;
    alertMsg('');
    save(); render(a || null);
  }
  function onInput(ev) {
    var n = ev.target.getAttribute('data-note');
    if (!n) return;
    if (ev.target.value) state.notes[n] = ev.target.value; else delete state.notes[n];
    save(); render(null);
  }

  function download(name, text, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type })), a = mk('a', { href: url, download: name });
    document.body.appendChild(a); a.click(); a.parentNode.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
  }
  function stamp() { return 'autodiagnostic-' + state.date.slice(0, 10); }

  function onImport(input) {
    var f = input.files && input.files[0];
    if (!f) return;
    var r = new FileReader();
    r.onload = function () {
      try {
        var st = D.fromJSON(data, String(r.result));
        imported = { state: st, res: D.scoreAxes(data, st.answers) };
        $('vmi-import-actions').hidden = false;
        alertMsg('');
        msg('Résultat du ' + fmtDate(st.date) + ' importé' + NB + ': il apparaît en tirets courts sur le graphique.');
        render(null);
      } catch (e) { alertMsg(e.message + KEEP); }
      input.value = '';
    };
    r.onerror = function () { alertMsg('Le fichier n’a pas pu être lu.' + KEEP); };
    if (f.size > 1e6) alertMsg('Le fichier importé est trop volumineux.' + KEEP); else r.readAsText(f, 'utf-8');
  }

  function share() {
    var url = location.href.split('#')[0] + '#r=' + D.encodeShare(data, state), inp = $('vmi-lien');
    inp.value = url; $('vmi-lien-zone').hidden = false; inp.focus(); inp.select();
    function fallback() {
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { /* rien */ }
      msg(ok ? 'Lien copié dans le presse-papiers.' : 'Copiez le lien ci-dessous pour le transmettre.');
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () { msg('Lien copié dans le presse-papiers.'); }, fallback);
    } else fallback();
  }

  function onClick(ev) {
    var id = ev.target.id;
    if (id === 'vmi-effacer') {
      if (!window.confirm('Effacer toutes vos réponses, niveaux visés et notes' + FB + '? Cette action est définitive.')) return;
      state = empty();
      try { if (storageOk) localStorage.removeItem(KEY); } catch (e) { /* rien */ }
      fillForm(); render(); msg('Vos réponses ont été effacées.');
    } else if (id === 'vmi-export-json') download(stamp() + '.json', D.toJSON(data, state), 'application/json');
    else if (id === 'vmi-export-csv') download(stamp() + '.csv', D.toCSV(data, state, res), 'text/csv;charset=utf-8');
    else if (id === 'vmi-partager') share();
    else if (id === 'vmi-imprimer') window.print();
    else if (id === 'vmi-alerte-fermer') { alertMsg(''); $('vmi-progression-texte').focus(); }
    else if (id === 'vmi-import-retirer' || id === 'vmi-import-reprendre') {
      if (id === 'vmi-import-reprendre') {
        if (!window.confirm('Remplacer vos réponses actuelles par celles du résultat importé' + FB + '?')) return;
        state = imported.state; save(); fillForm();
      }
      imported = null; $('vmi-import-actions').hidden = true; render(); msg('');
    }
  }

  /* ---------- Rendu ---------- */
  function render(changed) {
    res = D.scoreAxes(data, state.answers);
    var total = data.questions.length, done = 0;
    data.questions.forEach(function (q) { if (state.answers[q.id] !== undefined) done++; });
    $('vmi-progression').value = done;
    if (changed !== null) {
      $('vmi-progression-texte').textContent = plural(done, 'question') + ' répondue' + (done > 1 ? 's' : '') + ' sur ' + total +
        (changed ? ' · ' + axis(changed).nom + NB + ': ' + scoreText(res[changed]) : '');
    }
    $('vmi-date').textContent = fmtDate(state.date);
    var body = clear($('vmi-tableau').tBodies[0]);
    data.axes.forEach(function (a) {
      var r = res[a.id], card = root.querySelector('.vmi-diag__res[data-axe="' + a.id + '"]'), t = data.niveaux[state.targets[a.id]];
      var info = r.status === 'evalue' ? 'Score' + NB + ': ' + scoreText(r) : (r.answered ? 'Non évalué (trop de «' + NB + 'Je ne sais pas' + NB + '»)' : 'Non évalué');
      info += '. ' + plural(r.answered + r.nsp, 'réponse') + ' sur ' + r.total + ', ' + plural(r.nsp, 'point') + ' à vérifier.';
      if (t && r.status === 'evalue') info += r.score >= t.min ? ' Niveau visé atteint.' : ' Encore ' + plural(t.min - r.score, 'point') + ' pour atteindre «' + NB + t.nom + NB + '».';
      if (card) {
        card.setAttribute('data-score', r.score === null ? '' : String(r.score));
        card.setAttribute('data-niveau', r.niveau || '');
        card.querySelector('.vmi-diag__score').textContent = info;
        card.querySelector('.vmi-diag__barre span').style.width = (r.score || 0) + '%';
      }
      var tr = mk('tr');
      tr.appendChild(mk('th', { scope: 'row' }, a.nom));
      [r.score === null ? 'non évalué' : String(r.score), r.niveau || '—', t ? t.nom : '—', String(r.nsp), state.notes[a.id] || ''].forEach(function (v) { tr.appendChild(mk('td', {}, v)); });
      body.appendChild(tr);
    });
    var prio = D.priorities(res, data.axes, 3), w = prio[0], link = function (id) {
      return mk('a', { href: '#axe-' + id }, axis(id).nom);
    };
    var faible = clear($('vmi-faible'));
    if (w) { faible.appendChild(link(w)); faible.appendChild(document.createTextNode(NB + ': ' + scoreText(res[w]) + '.')); }
    else faible.textContent = 'Aucun axe n’est encore évalué.';
    var ol = clear($('vmi-priorites'));
    prio.forEach(function (id) {
      var li = mk('li'); li.appendChild(link(id)); li.appendChild(document.createTextNode(' (' + scoreText(res[id]) + ')')); ol.appendChild(li);
    });
    recos(D.priorities(res, data.axes, data.axes.length));
    radar();
  }

  function recos(order) {
    var box = clear($('vmi-recommandations')), list = D.applicableRecommendations(data, res), ul = mk('ul');
    list.sort(function (x, y) { return order.indexOf(x.axe) - order.indexOf(y.axe); });
    if (!list.length) return box.appendChild(mk('p', {}, 'Aucune recommandation pour l’instant.'));
    list.forEach(function (r) {
      var li = mk('li'), p = mk('div');
      li.appendChild(mk('strong', {}, axis(r.axe).nom + NB + ': '));
      p.innerHTML = r.texte_html; // HTML sûr produit par le site (jamais issu de l’utilisateur)
      li.appendChild(p);
      if (r.liens && r.liens.length) {
        var l = mk('ul', { 'class': 'vmi-diag__liens' });
        r.liens.forEach(function (x) { var i = mk('li'); i.appendChild(mk('a', { href: x.href }, x.titre)); l.appendChild(i); });
        li.appendChild(l);
      }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  var SERIES = [
    ['actuel', 'Vos réponses actuelles (trait plein, points ronds)'],
    ['cible', 'Niveaux visés (tirets longs, carrés)'],
    ['import', 'Résultat importé (tirets courts, losanges)']
  ];
  function radar() {
    var axes = data.axes, n = axes.length, R = 100, box = clear($('vmi-radar'));
    var pt = function (i, v) {
      var t = 2 * Math.PI * i / n - Math.PI / 2;
      return [R * v / 100 * Math.cos(t), R * v / 100 * Math.sin(t)];
    };
    var poly = function (vals) { return vals.map(function (v, i) { return pt(i, v).map(function (x) { return x.toFixed(1); }).join(','); }).join(' '); };
    var g = s('svg', { viewBox: '-235 -165 470 330', role: 'img', 'aria-labelledby': 'vmi-radar-titre', 'aria-describedby': 'vmi-radar-desc', 'class': 'vmi-radar' });
    g.appendChild(s('title', { id: 'vmi-radar-titre' }, 'Graphique radar des scores par axe, sur 100'));
    var desc = axes.map(function (a) { return a.nom + NB + ': ' + scoreText(res[a.id]); }).join(FB + '; ');
    g.appendChild(s('desc', { id: 'vmi-radar-desc' }, desc + '. Le détail figure dans le tableau des résultats.'));
    var rings = data.niveaux.map(function (l) { return l.min; }).filter(function (m) { return m > 0 && m < 100; }).concat(100);
    rings.forEach(function (m) {
      g.appendChild(s('polygon', { points: poly(axes.map(function () { return m; })), 'class': 'vmi-radar__grille' }));
      g.appendChild(s('text', { x: 3, y: -m + 4, 'class': 'vmi-radar__echelle' }, String(m)));
    });
    axes.forEach(function (a, i) {
      var p = pt(i, 100), q = pt(i, 112), r = res[a.id], c = p[0] / R, dy = p[1] / R;
      g.appendChild(s('line', { x1: 0, y1: 0, x2: p[0].toFixed(1), y2: p[1].toFixed(1), 'class': 'vmi-radar__grille' }));
      var lines = wrap(a.nom, 18).concat(r.status === 'evalue' ? r.score + NB + '/' + NB + '100' : 'non évalué');
      var y0 = q[1] + (dy < -0.3 ? -(lines.length - 1) * 13 : dy > 0.3 ? 8 : 4 - (lines.length - 1) * 6.5);
      var t = s('text', { 'text-anchor': c > 0.3 ? 'start' : c < -0.3 ? 'end' : 'middle', 'class': 'vmi-radar__axe' });
      lines.forEach(function (l, k) { t.appendChild(s('tspan', { x: q[0].toFixed(1), y: (y0 + 13 * k).toFixed(1), 'class': k === lines.length - 1 ? 'vmi-radar__val' : '' }, l)); });
      g.appendChild(t);
    });
    var series = [], targets = state.targets, hasT = Object.keys(targets).length;
    if (imported) series.push([2, imported.res]);
    if (hasT) series.push([1, null]);
    series.push([0, res]);
    series.forEach(function (se) {
      var k = SERIES[se[0]][0], vals = axes.map(function (a) {
        if (!se[1]) return a.id in targets ? data.niveaux[targets[a.id]].min : null;
        return se[1][a.id].score;
      });
      if (vals.every(function (v) { return v === null; })) return;
      g.appendChild(s('polygon', { points: poly(vals.map(function (v) { return v || 0; })), 'class': 'vmi-radar__' + k }));
      vals.forEach(function (v, i) { if (v !== null) g.appendChild(marker(se[0], pt(i, v))); });
    });
    var fig = mk('figure', { 'class': 'vmi-diag__figure' }), leg = mk('ul', { 'class': 'vmi-radar__legende' });
    fig.appendChild(g);
    SERIES.forEach(function (x, i) {
      if ((i === 1 && !hasT) || (i === 2 && !imported)) return;
      var li = mk('li'), sw = s('svg', { width: 36, height: 12, viewBox: '0 0 36 12', 'aria-hidden': 'true', 'class': 'vmi-radar' });
      sw.appendChild(s('line', { x1: 2, y1: 6, x2: 34, y2: 6, 'class': 'vmi-radar__' + x[0] }));
      sw.appendChild(marker(i, [18, 6]));
      li.appendChild(sw);
      li.appendChild(document.createTextNode(i === 2 ? 'Résultat importé (' + fmtDate(imported.state.date) + '), tirets courts, losanges' : x[1]));
      leg.appendChild(li);
    });
    fig.appendChild(mk('figcaption')).appendChild(leg);
    box.appendChild(fig);
  }
  function marker(kind, p) {
    var x = p[0], y = p[1], k = 'vmi-radar__m vmi-radar__' + SERIES[kind][0];
    if (kind === 0) return s('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5, 'class': k });
    if (kind === 1) return s('rect', { x: (x - 3.5).toFixed(1), y: (y - 3.5).toFixed(1), width: 7, height: 7, 'class': k });
    return s('polygon', { points: [x, y - 4.5, x + 4.5, y, x, y + 4.5, x - 4.5, y].map(function (v) { return v.toFixed(1); }).join(' '), 'class': k });
  }
  function wrap(text, max) {
    var out = [], cur = '';
    text.split(' ').forEach(function (w) {
      if (cur && (cur + ' ' + w).length > max) { out.push(cur); cur = w; } else cur = cur ? cur + ' ' + w : w;
    });
    out.push(cur);
    return out;
  }

  /* ---------- Initialisation ---------- */
  function init() {
    var r = $('vmi-diag'), src;
    if (!r || r.hasAttribute('data-vmi-init') || !window.VMIDiagnostic) return;
    r.setAttribute('data-vmi-init', '');
    root = r; D = window.VMIDiagnostic; imported = null; state = empty();
    src = $('vmi-diagnostic-data') || r.querySelector('script:not([src])');
    try { data = JSON.parse(src.textContent); } catch (e) { return alertMsg('Les données du diagnostic sont illisibles.'); }
    KEY = data.cle || 'vmi-diagnostic';
    load(); fillForm(); render(); fromHash();
    r.addEventListener('change', onChange);
    r.addEventListener('input', onInput);
    r.addEventListener('click', onClick);
  }
  var opened;
  window.addEventListener('beforeprint', function () {
    var d = $('vmi-donnees');
    if (d) { opened = d.open; d.open = true; }
  });
  window.addEventListener('afterprint', function () { var d = $('vmi-donnees'); if (d) d.open = opened; });
  window.addEventListener('hashchange', function () { if (root && document.body.contains(root)) fromHash(); });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
  if (window.document$) window.document$.subscribe(init);
})();
