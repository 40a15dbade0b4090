/* Synthèse d’équipe : plusieurs exports de l’auto-diagnostic réunis sans serveur. Logique
   pure, sans DOM (window.VMISynthese ou module Node) ; dépend de diagnostic-core.js et
   suivi-core.js. */
(function (root) {
  'use strict';
  var D = root.VMIDiagnostic || (typeof require === 'function' && require('./diagnostic-core.js')),
    S = root.VMISuivi || (typeof require === 'function' && require('./suivi-core.js')),
    NB = '\u00a0';
  function q(s) { return '«' + NB + s + NB + '»'; }

  // Médiane d’entiers ; nombre pair : moyenne des deux du milieu, moitié arrondie au-dessus.
  function median(values) {
    var v = values.slice().sort(function (a, b) { return a - b; }), n = v.length, m = n >> 1;
    if (!n) return null;
    return n % 2 ? v[m] : Math.floor((v[m - 1] + v[m] + 1) / 2);
  }

  // Ce qui fait d’un répondant un doublon : le même export, ou le même lien.
  function keyOf(st) { return JSON.stringify([st.date, st.answers, st.targets, st.notes, st.nom || '']); }

  // Un fichier ou un lien → répondant { label, nom, role, state, key }, ou Error en français
  // (kind : « etranger » ou « autre »). Un export d’une autre version porte ses changements.
  // Un vote de la salle (projection) devient une source { salle: true, votes } : ses mains
  // levées comptent dans les réponses de chaque question, pas dans les scores par axe.
  function fromFile(data, name, text) {
    var o, r, st;
    try { o = JSON.parse(text); } catch (e) { o = null; }
    if (o && o.format === 'vmi-salle') return fromRoom(data, name, o);
    r = S.readExport(data, text); st = r.state;
    return { label: name, nom: st.nom || '', role: st.role || '', state: st, key: keyOf(st),
      changes: r.changes && !r.changes.same ? r.changes : null };
  }
  function fromRoom(data, name, o) {
    var r = S.readRoom(data, o), e;
    if (!Object.keys(r.votes).length) { e = new Error('Ce vote de la salle ne contient aucun vote.'); e.kind = 'vide'; throw e; }
    return { label: name, salle: true, nom: '', role: '', votes: r.votes, state: { date: r.date },
      key: 'salle:' + JSON.stringify([r.date, r.votes]), changes: r.changes.same ? null : r.changes };
  }
  function fromLink(data, line) {
    var code = line.trim().replace(/^[^#]*#r=/, ''), st = S.decodeShare(data, code);
    return { label: 'lien ' + code.slice(0, 12) + '…', nom: '', role: '', state: st, key: 'r=' + code, changes: null };
  }

  // Ajoute des sources { name, text } ou { link } aux répondants ; renvoie les messages (un par
  // source écartée ou à signaler), chacun nommant le fichier.
  function addSources(data, list, sources) {
    var messages = [];
    sources.forEach(function (src) {
      var r, name = src.link !== undefined ? src.link : src.name, dup;
      try { r = src.link !== undefined ? fromLink(data, src.link) : fromFile(data, src.name, src.text); } catch (e) {
        messages.push({ kind: e.kind || 'etranger', text: q(name) + NB + ': ' + e.message + ' Il n’est pas compté.' });
        return;
      }
      dup = list.filter(function (x) { return x.key === r.key; })[0];
      if (dup) {
        messages.push({ kind: 'doublon', text: q(name) + ' est le même export que ' + q(dup.label) + NB + ': il n’est compté qu’une fois.' });
        return;
      }
      if (r.changes) messages.push({ kind: 'version', text: q(name) + NB + ': ' + S.describeChanges(data, r.changes) });
      list.push(r);
    });
    return messages;
  }

  function displayName(r, i) { return r.nom || 'Répondant' + NB + (i + 1); }
  // Les répondants (exports et liens), puis les votes de la salle.
  function persons(list) { return list.filter(function (r) { return !r.salle; }); }
  function rooms(list) { return list.filter(function (r) { return r.salle; }); }

  function aggregate(data, list) {
    var who = persons(list), halls = rooms(list), res = who.map(function (r) { return D.scoreAxes(data, r.state.answers); }),
      axes = {}, questions = {}, discuss = [], check = [], notes = {};
    data.axes.forEach(function (a) {
      var scores = res.map(function (x) { return x[a.id].score; }), v = scores.filter(function (s) { return s !== null; });
      axes[a.id] = { mediane: median(v), min: v.length ? Math.min.apply(null, v) : null,
        max: v.length ? Math.max.apply(null, v) : null, repondants: v.length, scores: scores };
      notes[a.id] = [];
      who.forEach(function (r, i) {
        var t = r.state.notes[a.id];
        if (t) notes[a.id].push({ nom: displayName(r, i), role: r.role, texte: t });
      });
    });
    data.questions.forEach(function (x) {
      var rep = S.emptyCounts(x), o;
      who.forEach(function (r) { var v = r.state.answers[x.id]; if (v != null) rep[v]++; });
      halls.forEach(function (r) { var v = r.votes[x.id] || {}; Object.keys(rep).forEach(function (k) { rep[k] += v[k] || 0; }); });
      o = questions[x.id] = S.verdict(x, rep);
      if (o.aDiscuter) discuss.push(x.id);
      if (o.nsp > 1) check.push(x.id);
    });
    return { axes: axes, questions: questions, aDiscuter: discuss, aVerifier: check, notes: notes, scores: res };
  }

  function people(list) {
    return persons(list).map(function (r, i) { return { nom: displayName(r, i), role: r.role, fichier: r.label, date: r.state.date }; });
  }
  function toJSON(data, list, agg) {
    var axes = {}, questions = {};
    data.axes.forEach(function (a) {
      var x = agg.axes[a.id];
      axes[a.id] = { nom: a.nom, mediane: x.mediane, min: x.min, max: x.max, repondants: x.repondants, scores: x.scores, notes: agg.notes[a.id] };
    });
    data.questions.forEach(function (x) {
      var o = agg.questions[x.id];
      questions[x.id] = { axe: x.axe, repartition: o.repartition, a_discuter: o.aDiscuter };
    });
    return JSON.stringify({ format: 'vmi-synthese', v: 1, questionnaire: S.identity(data), date: new Date().toISOString(),
      repondants: people(list), salle: rooms(list).map(function (r) { return { fichier: r.label, date: r.state.date, votes: r.votes }; }),
      axes: axes, questions: questions }, null, 2);
  }
  function toCSV(data, list, agg) {
    var names = people(list).map(function (p) { return p.nom; }),
      rows = [['axe', 'médiane', 'min', 'max', 'répondants comptés'].concat(names)];
    data.axes.forEach(function (a) {
      var x = agg.axes[a.id];
      rows.push([a.nom, x.mediane, x.min, x.max, x.repondants].concat(x.scores));
    });
    rows.push([]);
    rows.push(['question', 'axe', 'à discuter', 'je ne sais pas', 'réponses (nombre par réponse, dans l’ordre)']);
    data.questions.forEach(function (x) {
      var o = agg.questions[x.id];
      rows.push([x.id, x.axe, o.aDiscuter ? 'oui' : 'non', o.nsp, x.points.map(function (p, i) { return o.repartition[i]; }).join(' / ')]);
    });
    return S.csvText(rows);
  }

  var api = { median: median, fromFile: fromFile, fromLink: fromLink, addSources: addSources, aggregate: aggregate,
    displayName: displayName, persons: persons, rooms: rooms, roomSize: S.roomSize, toJSON: toJSON, toCSV: toCSV };
  if (typeof module !== 'undefined' && module.exports) module.exports = api; else root.VMISynthese = api;
})(this);
