/* Auto-diagnostic, échanges et suivi : export et import (JSON, CSV), versions du
   questionnaire, évolution depuis un résultat précédent, plan d’action. Logique pure,
   sans DOM (window.VMISuivi ou module Node) ; dépend de diagnostic-core.js.
   Chargé seulement quand il sert : à la première exportation, importation ou action. */
(function (root) {
  'use strict';
  var D = root.VMIDiagnostic || (typeof require === 'function' && require('./diagnostic-core.js')),
    FORMAT = 'vmi-diagnostic', ROOM = 'vmi-salle', NB = '\u00a0', FILE = 'Le fichier importé n’est pas un export de l’auto-diagnostic.',
    SHARE = 'Le lien de partage est incomplet ou abîmé.', STATUTS = [['a-faire', 'À faire'], ['en-cours', 'En cours'], ['fait', 'Fait']];
  function isObj(o) { return !!o && typeof o === 'object' && !Array.isArray(o); }
  function q(s) { return '«' + NB + s + NB + '»'; }
  function fail(m, kind) { var e = new Error(m); e.kind = kind || 'etranger'; throw e; }
  function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

  // L’identité du questionnaire telle qu’un export la porte : id, version, empreinte de chaque question.
  function identity(data) {
    var h = {};
    if (!data.questionnaire) return undefined; // a questionnaire without identity (tests)
    data.questions.forEach(function (x) { h[x.id] = x.h; });
    return { id: data.questionnaire.id, version: data.questionnaire.version, questions: h };
  }

  // Compare la version d’un export à celle du site : questions modifiées, apparues, disparues.
  function compareVersions(data, exported) {
    var old = isObj(exported.questions) ? exported.questions : {}, now = {}, out = { same: true, changed: [], appeared: [], gone: [] };
    if (exported.version === data.questionnaire.version) return out;
    data.questions.forEach(function (x) {
      now[x.id] = 1;
      if (!own(old, x.id)) out.appeared.push(x.id); else if (old[x.id] !== x.h) out.changed.push(x.id);
    });
    Object.keys(old).forEach(function (id) { if (!now[id]) out.gone.push(id); });
    out.same = !(out.changed.length || out.appeared.length || out.gone.length);
    return out;
  }

  // Un export (texte JSON) → { state, changes } ; changes vaut null pour un export sans version
  // (antérieur aux versions), relu strictement. D’une autre version, seules les réponses aux
  // questions dont l’empreinte est restée la même sont gardées : aucune n’est comptée avec le
  // sens d’une autre question.
  function readExport(data, text) {
    var o, qn, changes = null, st;
    try { o = JSON.parse(text); } catch (e) { fail(FILE + ' (JSON illisible)'); }
    if (isObj(o) && o.format === ROOM) fail('Ce fichier est un vote de la salle' + NB + ': il se joint aux exports de l’équipe dans la synthèse d’équipe.', 'salle');
    if (!isObj(o) || o.format !== FORMAT) fail(FILE);
    qn = o.questionnaire;
    if (qn !== undefined) {
      changes = sameQuestionnaire(data, qn);
      if (!changes.same && isObj(o.answers)) o.answers = matching(data, qn, o.answers);
    }
    try { st = D.validateState(data, o); } catch (e) { fail(FILE + ' ' + e.message); }
    // Only the plan's well-formed actions are kept, as an export would write them: a file
    // read back then gives the same state as its export.
    if (st.plan) { st.plan = cleanPlan(st.plan); if (!st.plan.length) delete st.plan; }
    // Same version (or none said): the scores it states must follow from its answers.
    if ((!changes || changes.same) && o.scores !== undefined) sameScores(data, st, o.scores);
    return { state: st, changes: changes };
  }
  // L’identité d’un fichier : celle de ce questionnaire (sinon une erreur qui le nomme) ; ses changements.
  function sameQuestionnaire(data, qn) {
    if (!isObj(qn) || typeof qn.id !== 'string') fail(FILE + ' (questionnaire non identifié)');
    if (qn.id !== data.questionnaire.id) fail('Ce fichier est l’export d’un autre questionnaire (' + q(qn.id) + ').', 'autre');
    return compareVersions(data, qn);
  }
  // Les valeurs d’un fichier d’une autre version, gardées pour les seules questions inchangées.
  function matching(data, qn, values) {
    var kept = {};
    data.questions.forEach(function (x) {
      if (own(values, x.id) && isObj(qn.questions) && qn.questions[x.id] === x.h) kept[x.id] = values[x.id];
    });
    return kept;
  }

  // Un export dit ses scores : ils doivent être ceux que donnent ses réponses, sinon le
  // fichier a été retouché ou le questionnaire a changé depuis (points, niveaux, axes).
  function sameScores(data, st, scores) {
    var res = D.scoreAxes(data, st.answers), ax = {};
    data.axes.forEach(function (a) { ax[a.id] = 1; });
    if (!isObj(scores)) fail(FILE + ' La rubrique ' + q('scores') + ' est mal formée.');
    Object.keys(scores).forEach(function (id) { if (!own(ax, id)) fail(FILE + ' Axe inconnu' + NB + ': ' + q(id) + '.'); });
    data.axes.forEach(function (a) {
      var f = scores[a.id], r = res[a.id];
      if (f === undefined) return;
      if (!isObj(f) || f.score !== r.score || f.niveau !== r.niveau) {
        fail('Les scores enregistrés dans ce fichier ne correspondent pas à ses réponses (axe ' + q(a.nom) + ')' + NB +
          ': le fichier a été modifié, ou le questionnaire a changé depuis l’export.');
      }
    });
  }

  // Phrase qui dit ce qui a changé entre deux versions ; '' si rien.
  function describeChanges(data, c) {
    var parts = [], names = {};
    if (!c || c.same) return '';
    data.questions.forEach(function (x, i) { names[x.id] = 'Q' + (i + 1); });
    function list(ids, label) {
      if (ids.length) parts.push(ids.length + ' ' + label + NB + ': ' + ids.map(function (id) { return names[id] ? names[id] + ' (' + id + ')' : id; }).join(', '));
    }
    list(c.changed, c.changed.length > 1 ? 'questions modifiées' : 'question modifiée');
    list(c.appeared, c.appeared.length > 1 ? 'questions nouvelles' : 'question nouvelle');
    list(c.gone, c.gone.length > 1 ? 'questions supprimées' : 'question supprimée');
    return 'Le questionnaire a changé depuis cet export' + NB + ': ' + parts.join(NB + '; ') +
      '. Seules les réponses aux questions inchangées sont comptées.';
  }

  // Lien : "1", un caractère par question (- sans réponse, n « je ne sais pas », 0-9), ".", un par axe
  // (- ou 0-9), puis "." et la version du questionnaire : les réponses sont rangées dans l’ordre
  // des questions, un lien d’une autre version ne peut pas être relu.
  function version(data) { return data.questionnaire ? '.' + data.questionnaire.version : ''; }
  function encodeShare(data, state) {
    var a = state.answers || {}, t = state.targets || {};
    return '1' + data.questions.map(function (x) { var v = a[x.id]; return v === 'nsp' ? 'n' : v == null ? '-' : v; }).join('') +
      '.' + data.axes.map(function (x) { return t[x.id] == null ? '-' : t[x.id]; }).join('') + version(data);
  }
  function decodeShare(data, code) {
    var m = /^1([-n0-9]*)\.([-0-9]*)(\.[0-9a-f]+)?$/.exec(code), st = { v: 1, answers: {}, targets: {} };
    if (m && m[3] && m[3] !== version(data)) fail('Ce lien de partage a été créé avec une autre version du questionnaire' + NB + ': ses réponses ne peuvent pas être relues.');
    if (!m || m[1].length !== data.questions.length || m[2].length !== data.axes.length) fail(SHARE);
    data.questions.forEach(function (x, i) { var c = m[1][i]; if (c !== '-') st.answers[x.id] = c === 'n' ? 'nsp' : +c; });
    data.axes.forEach(function (x, i) { var c = m[2][i]; if (c !== '-') st.targets[x.id] = +c; });
    try { return D.validateState(data, st); } catch (e) { fail(SHARE); }
  }

  function toJSON(data, state) {
    var res = D.scoreAxes(data, state.answers), scores = {}, o;
    data.axes.forEach(function (a) { scores[a.id] = { score: res[a.id].score, niveau: res[a.id].niveau }; });
    o = { format: FORMAT, v: 1, questionnaire: identity(data), date: state.date || new Date().toISOString() };
    ['nom', 'role'].forEach(function (k) { if (state[k]) o[k] = state[k]; });
    o.answers = state.answers || {}; o.targets = state.targets || {}; o.notes = state.notes || {};
    o.plan = cleanPlan(state.plan); o.scores = scores;
    return JSON.stringify(o, null, 2);
  }
  function fromJSON(data, text) { return readExport(data, text).state; }

  function cell(s) {
    s = s == null ? '' : String(s);
    if (/^[=+\-@\t\r]/.test(s)) s = '\'' + s; // neutralise les formules du tableur
    return /[;"\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  // Lignes → CSV pour un tableur français : BOM, point-virgule, CRLF.
  function csvText(rows) { return '\ufeff' + rows.map(function (r) { return r.map(cell).join(';'); }).join('\r\n') + '\r\n'; }

  function toCSV(data, state, results) {
    var t = state.targets || {}, n = state.notes || {}, rows = [['axe', 'score', 'niveau', 'cible', 'points à vérifier', 'note']];
    results = results || D.scoreAxes(data, state.answers);
    data.axes.forEach(function (a) {
      var r = results[a.id], c = data.niveaux[t[a.id]];
      rows.push([a.nom, r.score, r.niveau || 'non évalué', c && c.nom, r.nsp, n[a.id]]);
    });
    return csvText(rows);
  }

  // Score actuel moins score importé, par axe ; null quand l’un des deux manque.
  function evolution(data, current, imported) {
    var out = {};
    data.axes.forEach(function (a) {
      var c = current[a.id] && current[a.id].score, i = imported && imported[a.id] && imported[a.id].score;
      out[a.id] = c == null || i == null ? null : c - i;
    });
    return out;
  }
  function evolutionText(d) { return d == null ? '—' : d > 0 ? '▲ +' + d : d < 0 ? '▼ −' + -d : '='; }

  // Plan d’action : liste d’actions { reco, axe, texte, porteur, echeance, statut }.
  function cleanPlan(plan) {
    var seen = {};
    return (Array.isArray(plan) ? plan : []).filter(function (a) {
      var ok = isObj(a) && typeof a.reco === 'string' && !seen[a.reco] && typeof a.texte === 'string';
      if (ok) seen[a.reco] = 1;
      return ok;
    }).map(function (a) {
      return { reco: a.reco, axe: typeof a.axe === 'string' ? a.axe : '', texte: a.texte,
        porteur: typeof a.porteur === 'string' ? a.porteur : '',
        echeance: /^\d{4}-\d{2}-\d{2}$/.test(a.echeance) ? a.echeance : '',
        statut: STATUTS.some(function (s) { return s[0] === a.statut; }) ? a.statut : STATUTS[0][0] };
    });
  }
  function addAction(plan, reco) {
    plan = cleanPlan(plan);
    if (!plan.some(function (a) { return a.reco === reco.id; })) {
      plan.push({ reco: reco.id, axe: reco.axe, texte: reco.texte, porteur: '', echeance: '', statut: STATUTS[0][0] });
    }
    return plan;
  }
  function statutName(id) { return STATUTS.filter(function (s) { return s[0] === id; })[0][1]; }
  function planCSV(data, plan) {
    var names = {};
    data.axes.forEach(function (a) { names[a.id] = a.nom; });
    return csvText([['action', 'axe', 'porteur', 'échéance', 'statut']].concat(cleanPlan(plan).map(function (a) {
      return [a.texte, names[a.axe] || a.axe, a.porteur, a.echeance, statutName(a.statut)];
    })));
  }

  // Répartition vide d’une question : { 0: 0, 1: 0, …, nsp: 0 }.
  function emptyCounts(x) { var r = {}; x.points.forEach(function (p, i) { r[i] = 0; }); r.nsp = 0; return r; }
  // Ce qu’une répartition dit d’une question (équipe ou vote de la salle) : à discuter quand les
  // points donnés diffèrent d’au moins la moitié des meilleurs points de la question.
  function verdict(x, rep) {
    var given = x.points.filter(function (p, i) { return rep[i] > 0; }), best = Math.max.apply(null, x.points), n = 0;
    x.points.forEach(function (p, i) { n += rep[i]; });
    return { repartition: rep, nsp: rep.nsp, reponses: n,
      aDiscuter: n > 1 && best > 0 && 2 * (Math.max.apply(null, given) - Math.min.apply(null, given)) >= best };
  }
  // Vote de la salle : { question: répartition } nettoyé (entiers positifs, réponses connues).
  function cleanVotes(data, votes) {
    var out = {};
    if (!isObj(votes)) return out;
    data.questions.forEach(function (x) {
      var v = votes[x.id], r = emptyCounts(x), any = false;
      if (!isObj(v)) return;
      Object.keys(r).forEach(function (k) {
        var n = v[k];
        if (typeof n === 'number' && n % 1 === 0 && n > 0) { r[k] = n; any = true; }
      });
      if (any) out[x.id] = r;
    });
    return out;
  }
  function roomSummary(data, votes) {
    var out = { questions: {}, aDiscuter: [], aVerifier: [] };
    votes = cleanVotes(data, votes);
    data.questions.forEach(function (x) {
      if (!votes[x.id]) return;
      var o = out.questions[x.id] = verdict(x, votes[x.id]);
      if (o.aDiscuter) out.aDiscuter.push(x.id);
      if (o.nsp > 1) out.aVerifier.push(x.id);
    });
    return out;
  }

  // Vote de la salle enregistré ou exporté : { format: 'vmi-salle', v, questionnaire, date, votes }.
  function roomJSON(data, votes, date) {
    return JSON.stringify({ format: ROOM, v: 1, questionnaire: identity(data), date: date || new Date().toISOString(),
      votes: cleanVotes(data, votes) }, null, 2);
  }
  // Un vote de la salle (objet relu) → { votes, date, changes } ; d’une autre version, seuls
  // les votes des questions inchangées sont gardés, comme pour les réponses d’un export.
  function readRoom(data, o) {
    var changes;
    if (!isObj(o) || o.format !== ROOM) fail(FILE);
    changes = sameQuestionnaire(data, o.questionnaire);
    return { votes: cleanVotes(data, changes.same ? o.votes : matching(data, o.questionnaire, isObj(o.votes) ? o.votes : {})),
      date: typeof o.date === 'string' && !isNaN(Date.parse(o.date)) ? o.date : '', changes: changes };
  }
  // Mains levées au plus sur une question : l’ordre de grandeur de la salle.
  function roomSize(votes) {
    return Object.keys(votes).reduce(function (m, id) {
      var n = 0;
      Object.keys(votes[id]).forEach(function (k) { n += votes[id][k]; });
      return Math.max(m, n);
    }, 0);
  }

  var api = {
    encodeShare: encodeShare, decodeShare: decodeShare, identity: identity, compareVersions: compareVersions, readExport: readExport, describeChanges: describeChanges,
    toJSON: toJSON, fromJSON: fromJSON, toCSV: toCSV, csvText: csvText, evolution: evolution, evolutionText: evolutionText,
    emptyCounts: emptyCounts, verdict: verdict, cleanVotes: cleanVotes, roomSummary: roomSummary,
    roomJSON: roomJSON, readRoom: readRoom, roomSize: roomSize,
    cleanPlan: cleanPlan, addAction: addAction, planCSV: planCSV, statutName: statutName, STATUTS: STATUTS
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = api; else root.VMISuivi = api;
})(this);
