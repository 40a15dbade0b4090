/* Auto-diagnostic : résultats (tableau, axe le plus faible, priorités, recommandations, radar),
   chargés par diagnostic.js à la première réponse, quand les résultats approchent de l’écran ou
   quand des réponses sont enregistrées ; dépend de diagnostic-core.js. */
(function () {
  'use strict';
  var NB = '\u00a0', K = ['actuel', 'cible', 'import'], D = window.VMIDiagnostic, P = window.VMIDiagPage, mk = window.VMI.el, add = window.VMI.append;

  function $(id) { return document.getElementById(id); }
  function clear(id) { var e = $(id); e.textContent = ''; return e; }
  function f(n) { return n.toFixed(1); }
  function nom(id) { return P.get().data.axes.filter(function (a) { return a.id === id; })[0].nom; }
  function sc(r) { return r.score === null ? 'non évalué' : r.score + NB + '/' + NB + '100, ' + r.niveau; }

  function render(changed) {
    var c = P.get(), data = c.data, st = c.st, root = c.root, res = D.scoreAxes(data, st.answers),
      n = Object.keys(st.answers).length, s = n > 1 ? 's' : '', prio = D.priorities(res, data.axes, 99),
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
    radar(data, st, res, c.imp);
    root.setAttribute('data-vmi-resultats', '');
    return res;
  }

  function radar(data, st, res, imp) {
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

  window.VMIDiagResultats = { render: render };
})();
