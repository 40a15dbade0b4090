/* Team synthesis: the page's controller. Files are read in the browser (FileReader):
   nothing is sent. The computing scripts (diagnostic-core.js, suivi-core.js,
   synthese-core.js) load at the first import only: a first visit does not pay for them. */
(function () {
  'use strict';
  var NB = '\u00a0', VMI = window.VMI, mk = VMI.el, add = VMI.append, Y, data, list = [], agg, root;

  function $(id) { return document.getElementById(id); }
  function clear(id) { var e = $(id); e.textContent = ''; return e; }
  function val(v) { return v === null ? '' : String(v); }
  function qText(id) { return $('vmi-syn-q-' + id).textContent.trim(); }

  // The computing scripts, loaded at the first import.
  function need(fn) {
    VMI.load(['diagnostic-core.js', 'suivi-core.js', 'synthese-core.js'], function () { Y = window.VMISynthese; fn(); });
  }

  // Sources read (files, then links), added in order, then drawn once.
  function take(sources) {
    if (!Y) return need(function () { take(sources); });
    var msgs = Y.addSources(data, list, sources), box = clear('vmi-syn-alertes'), n = Y.persons(list).length, v = list.length - n;
    msgs.forEach(function (m) { add(box, mk('p', { 'class': 'vmi-syn__msg vmi-syn__msg--' + m.kind }, m.text)); });
    $('vmi-syn-etat').textContent = !list.length ? 'Aucun répondant pour l’instant.' : (n ? n + ' répondant' + (n > 1 ? 's' : '') : 'Aucun répondant') +
      (v ? (v > 1 ? ' et ' + v + ' votes' : ' et un vote') + ' de la salle' : '') + ' dans la synthèse.';
    drawPeople();
    render();
  }
  function readFiles(files) {
    var out = [], left = files.length;
    [].forEach.call(files, function (f, i) {
      var r = new FileReader();
      r.onload = r.onerror = function () {
        out[i] = { name: f.name, text: r.error ? '' : String(r.result) };
        if (!--left) take(out);
      };
      r.readAsText(f);
    });
  }

  // A row per source; a room's vote has no name or role, but its number of votes.
  function drawPeople() {
    var body = clear('vmi-syn-repondants-corps'), k = 0;
    list.forEach(function (r, i) {
      var tr = add(body, mk('tr')), id = 'vmi-syn-r' + i, inp, sel, n;
      if (r.salle) {
        n = Object.keys(r.votes).length;
        add(tr, mk('th', { scope: 'row', id: id }, 'Vote de la salle'));
        add(tr, mk('td', { colspan: 2 }, n + ' question' + (n > 1 ? 's' : '') + ' votée' + (n > 1 ? 's' : '') + ', ' + Y.roomSize(r.votes) + ' mains levées au plus'));
      } else {
        add(tr, mk('th', { scope: 'row', id: id }, 'Répondant' + NB + (++k)));
        inp = add(add(tr, mk('td')), mk('input', { type: 'text', 'data-nom': i, 'aria-labelledby': 'vmi-syn-col-nom ' + id }));
        inp.value = r.nom;
        inp.size = Math.max(6, r.nom.length); // printed at the width of the name
        sel = add(add(tr, mk('td')), mk('select', { 'data-role': i, 'aria-labelledby': 'vmi-syn-col-role ' + id }));
        [''].concat(data.roles).forEach(function (x) { add(sel, mk('option', { value: x }, x || 'Non précisé')); });
        sel.value = r.role;
      }
      add(tr, mk('td', {}, r.label));
      add(add(tr, mk('td')), mk('button', { type: 'button', 'class': 'md-button', 'data-retirer': i, 'aria-describedby': id }, 'Retirer'));
    });
  }

  function render() {
    var names = Y.persons(list).map(Y.displayName), head = $('vmi-syn-axes-tete');
    agg = Y.aggregate(data, list);
    root.setAttribute('data-repondants', names.length);
    root.setAttribute('data-votes-salle', list.length - names.length);
    while (head.cells.length > 5) head.deleteCell(5);
    names.forEach(function (n) { add(head, mk('th', { scope: 'col' }, n)); });
    data.axes.forEach(function (a) {
      var x = agg.axes[a.id], tr = root.querySelector('[data-synthese-axe="' + a.id + '"]');
      tr.setAttribute('data-mediane', val(x.mediane));
      tr.setAttribute('data-min', val(x.min));
      tr.setAttribute('data-max', val(x.max));
      tr.setAttribute('data-repondants', x.repondants);
      while (tr.cells.length > 1) tr.deleteCell(1);
      [x.mediane, x.min, x.max].map(function (v) { return v === null ? 'non évalué' : v; }).concat(x.repondants)
        .concat(x.scores.map(function (v) { return v === null ? 'non évalué' : v; }))
        .forEach(function (v) { add(tr, mk('td', {}, String(v))); });
    });
    data.questions.forEach(function (x) {
      var o = agg.questions[x.id], el = root.querySelector('[data-synthese-question="' + x.id + '"]');
      el.setAttribute('data-repartition', JSON.stringify(o.repartition));
      el.setAttribute('data-a-discuter', o.aDiscuter ? 'oui' : 'non');
      el.querySelector('.vmi-syn__badge').textContent = o.aDiscuter ? '(à discuter)' : '';
      [].forEach.call(el.querySelectorAll('[data-choix]'), function (td) { td.textContent = o.repartition[td.getAttribute('data-choix')]; });
    });
    lists();
    radar();
  }

  // The agenda (to discuss) and the points to check, axis by axis; notes per axis.
  function lists() {
    var box = clear('vmi-syn-discuter'), check = clear('vmi-syn-verifier'), notes = clear('vmi-syn-notes'), ul;
    function group(p, a, ids, text) {
      ids = ids.filter(function (id) { return data.questions.some(function (x) { return x.id === id && x.axe === a.id; }); });
      if (!ids.length) return;
      add(p, mk('h4', {}, a.nom));
      ul = add(p, mk('ul'));
      ids.forEach(function (id) { add(ul, mk('li', {}, qText(id) + text(id))); });
    }
    data.axes.forEach(function (a) {
      group(box, a, agg.aDiscuter, spread);
      group(check, a, agg.aVerifier, function (id) { return ' (' + agg.questions[id].nsp + NB + '«' + NB + 'Je ne sais pas' + NB + '»)'; });
      if (agg.notes[a.id].length) {
        add(notes, mk('h4', {}, a.nom));
        ul = add(notes, mk('ul'));
        agg.notes[a.id].forEach(function (n) {
          var li = add(ul, mk('li'));
          add(li, mk('strong', {}, n.nom + (n.role ? ' (' + n.role + ')' : '') + NB + ':'));
          add(li, ' ' + n.texte);
        });
      }
    });
    if (!box.firstChild) add(box, mk('p', {}, 'Aucune question ne partage l’équipe.'));
    if (!notes.firstChild) add(notes, mk('p', {}, 'Aucune note.'));
    if (!check.firstChild) add(check, mk('p', {}, 'Aucun.'));
  }
  function spread(id) {
    var x = data.questions.filter(function (q) { return q.id === id; })[0], r = agg.questions[id].repartition, given = [];
    x.points.forEach(function (p, i) { if (r[i]) given.push(p); });
    return ' — de ' + Math.min.apply(null, given) + ' à ' + Math.max.apply(null, given) + ' points sur ' + Math.max.apply(null, x.points);
  }

  function radar() {
    var axes = data.axes, n = axes.length, g = add(clear('vmi-syn-radar'), mk('svg', {
      viewBox: '-230 -178 460 356', role: 'img', 'aria-labelledby': 'vmi-syn-radar-titre', 'class': 'vmi-syn__radar'
    }));
    function pt(i, v) { var a = 2 * Math.PI * i / n - Math.PI / 2; return (v * Math.cos(a)).toFixed(1) + ',' + (v * Math.sin(a)).toFixed(1); }
    function ring(k) { return axes.map(function (a, i) { return pt(i, agg.axes[a.id][k] || 0); }).join(' '); }
    add(g, mk('title', { id: 'vmi-syn-radar-titre' }, 'Graphique radar de l’équipe : médiane et écart des scores par axe, sur 100 (détail dans le tableau qui suit)'));
    [20, 40, 60, 80, 100].forEach(function (m) { add(g, mk('polygon', { points: axes.map(function (a, i) { return pt(i, m); }).join(' '), 'class': 'vmi-syn__grille' })); });
    add(g, mk('path', { d: 'M' + ring('max') + 'Z M' + ring('min') + 'Z', 'class': 'vmi-syn__bande', 'fill-rule': 'evenodd' }));
    add(g, mk('polygon', { points: ring('mediane'), 'class': 'vmi-syn__mediane' }));
    axes.forEach(function (a, i) {
      var p = pt(i, 112).split(','), x = +p[0], y = +p[1], m = agg.axes[a.id].mediane,
        lines = a.nom.match(/\S.{0,14}(?=\s|$)|\S+/g).concat(m === null ? 'non évalué' : m + NB + '/' + NB + '100'),
        t = add(g, mk('text', { 'text-anchor': x > 30 ? 'start' : x < -30 ? 'end' : 'middle' }));
      add(g, mk('line', { x2: pt(i, 100).split(',')[0], y2: pt(i, 100).split(',')[1], 'class': 'vmi-syn__grille' }));
      y += y < -30 ? -16 * (lines.length - 1) : y > 30 ? 12 : 5 - 8 * (lines.length - 1);
      lines.forEach(function (l, j) {
        add(t, mk('tspan', { x: p[0], y: (y + 16 * j).toFixed(1), 'class': j === lines.length - 1 ? 'vmi-syn__val' : '' }, l.trim()));
      });
    });
  }

  function download(ext, text, type) { VMI.download('synthese-equipe-' + new Date().toISOString().slice(0, 10) + ext, text, type); }
  function onClick(ev) {
    var id = ev.target.id, rm = ev.target.getAttribute('data-retirer'), lines;
    if (id === 'vmi-syn-ajouter-liens') {
      lines = $('vmi-syn-liens').value.split(/\r?\n/).filter(function (l) { return l.trim(); });
      $('vmi-syn-liens').value = '';
      take(lines.map(function (l) { return { link: l }; }));
    } else if (rm !== null) {
      list.splice(+rm, 1);
      take([]);
      $('vmi-syn-import-titre').focus();
    } else if (id === 'vmi-syn-export-json') download('.json', Y.toJSON(data, list, agg), 'application/json');
    else if (id === 'vmi-syn-export-csv') download('.csv', Y.toCSV(data, list, agg), 'text/csv;charset=utf-8');
    else if (id === 'vmi-syn-imprimer') print();
  }
  function onInput(ev) {
    var t = ev.target, i = t.getAttribute('data-nom') || t.getAttribute('data-role');
    if (i === null) return;
    list[+i][t.hasAttribute('data-nom') ? 'nom' : 'role'] = t.value.trim();
    if (t.hasAttribute('data-nom')) t.size = Math.max(6, t.value.length);
    render();
  }

  function init() {
    var r = $('vmi-syn'), zone;
    if (!r) return;
    r.setAttribute('data-vmi-init', ''); // ready (tests wait for it)
    root = r;
    try { data = JSON.parse($('vmi-diagnostic-data').textContent); } catch (e) { return; }
    $('vmi-syn-import-titre').tabIndex = -1;
    $('vmi-syn-fichiers').addEventListener('change', function () { if (this.files.length) readFiles(this.files); this.value = ''; });
    zone = $('vmi-syn-depot');
    zone.addEventListener('dragover', function (ev) { ev.preventDefault(); zone.classList.add('vmi-syn__depot--actif'); });
    zone.addEventListener('dragleave', function () { zone.classList.remove('vmi-syn__depot--actif'); });
    zone.addEventListener('drop', function (ev) {
      ev.preventDefault(); zone.classList.remove('vmi-syn__depot--actif');
      if (ev.dataTransfer.files.length) readFiles(ev.dataTransfer.files);
    });
    r.addEventListener('click', onClick);
    r.addEventListener('input', onInput);
  }
  // A task of its own, after the theme's start-up.
  VMI.start(function () { setTimeout(init, 0); });
})();
