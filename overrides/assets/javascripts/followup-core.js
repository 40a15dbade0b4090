/* Self-diagnosis, exchanges and follow-up: export and import (JSON, CSV), questionnaire
   versions, the change since a previous result, the action plan. Pure logic without the DOM
   (VMI.followUp, or a Node module); needs diagnostic-core.js.
   Loaded only when needed: at the first export, import or action. */
(function (VMI) {
  'use strict';
  const Diagnostic = VMI.diagnostic || require('./diagnostic-core.js');
  const EXPORT_FORMAT = 'vmi-diagnostic';
  const ROOM_FORMAT = 'vmi-salle';
  const { NBSP, isObject, quoted } = VMI;
  const NOT_AN_EXPORT = 'Le fichier importé n’est pas un export de l’auto-diagnostic.';
  const BAD_LINK = 'Le lien de partage est incomplet ou abîmé.';
  // An action's statuses: [id, label], the first one for a new action.
  const STATUSES = [['a-faire', 'À faire'], ['en-cours', 'En cours'], ['fait', 'Fait']];
  // Errors carry a kind the team synthesis sorts its messages by.
  function fail(message, kind) {
    const error = new Error(message);
    error.kind = kind || 'etranger';
    throw error;
  }
  function hasOwn(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // The questionnaire's identity as an export carries it: id, version, each question's fingerprint.
  function identity(data) {
    const fingerprints = {};
    if (!data.questionnaire) return undefined; // a questionnaire without identity (tests)
    data.questions.forEach((question) => { fingerprints[question.id] = question.h; });
    return { id: data.questionnaire.id, version: data.questionnaire.version, questions: fingerprints };
  }

  // Compares an export's version with the site's: questions changed, appeared, gone.
  function compareVersions(data, exported) {
    const old = isObject(exported.questions) ? exported.questions : {};
    const current = {};
    const out = { same: true, changed: [], appeared: [], gone: [] };
    if (exported.version === data.questionnaire.version) return out;
    data.questions.forEach((question) => {
      current[question.id] = 1;
      if (!hasOwn(old, question.id)) out.appeared.push(question.id);
      else if (old[question.id] !== question.h) out.changed.push(question.id);
    });
    Object.keys(old).forEach((id) => { if (!current[id]) out.gone.push(id); });
    out.same = !(out.changed.length || out.appeared.length || out.gone.length);
    return out;
  }

  // An export (JSON text) → { state, changes }; changes is null for an export without a
  // version (older than versions), read strictly. From another version, only the answers to
  // questions whose fingerprint stayed the same are kept: none is counted with the meaning
  // of another question.
  function readExport(data, text) {
    const parsed = parseExport(text);
    const questionnaire = parsed.questionnaire;
    let changes = null;
    let state;
    if (questionnaire !== undefined) {
      changes = sameQuestionnaire(data, questionnaire);
      if (!changes.same && isObject(parsed.answers)) {
        parsed.answers = unchangedOnly(data, questionnaire, parsed.answers);
      }
    }
    try {
      state = Diagnostic.validateState(data, parsed);
    } catch (e) {
      fail(NOT_AN_EXPORT + ' ' + e.message);
    }
    // Only the plan's well-formed actions are kept, as an export would write them: a file
    // read back then gives the same state as its export.
    if (state.plan) { state.plan = cleanPlan(state.plan); if (!state.plan.length) delete state.plan; }
    // Same version (or none said): the scores it states must follow from its answers.
    if ((!changes || changes.same) && parsed.scores !== undefined) checkScores(data, state, parsed.scores);
    return { state, changes };
  }
  // An export's JSON text, parsed, or an error saying what the file is not.
  function parseExport(text) {
    let parsed;
    try { parsed = JSON.parse(text); } catch (e) { fail(NOT_AN_EXPORT + ' (JSON illisible)'); }
    if (isObject(parsed) && parsed.format === ROOM_FORMAT) {
      fail('Ce fichier est un vote de la salle' + NBSP +
        ': il se joint aux exports de l’équipe dans la synthèse d’équipe.', 'salle');
    }
    if (!isObject(parsed) || parsed.format !== EXPORT_FORMAT) fail(NOT_AN_EXPORT);
    return parsed;
  }
  // A file's identity must be this questionnaire's (else an error naming the other); returns its changes.
  function sameQuestionnaire(data, questionnaire) {
    if (!isObject(questionnaire) || typeof questionnaire.id !== 'string') {
      fail(NOT_AN_EXPORT + ' (questionnaire non identifié)');
    }
    if (questionnaire.id !== data.questionnaire.id) {
      fail('Ce fichier est l’export d’un autre questionnaire (' + quoted(questionnaire.id) + ').', 'autre');
    }
    return compareVersions(data, questionnaire);
  }
  // The values of a file from another version, kept for the unchanged questions only.
  function unchangedOnly(data, questionnaire, values) {
    const kept = {};
    data.questions.forEach((question) => {
      if (hasOwn(values, question.id) && isObject(questionnaire.questions) &&
        questionnaire.questions[question.id] === question.h) kept[question.id] = values[question.id];
    });
    return kept;
  }

  // An export states its scores: they must be those its answers give, else the file was
  // edited or the questionnaire changed since (points, levels, axes).
  function checkScores(data, state, scores) {
    const results = Diagnostic.scoreAxes(data, state.answers);
    const axisIds = {};
    data.axes.forEach((axis) => { axisIds[axis.id] = 1; });
    if (!isObject(scores)) fail(NOT_AN_EXPORT + ' La rubrique ' + quoted('scores') + ' est mal formée.');
    Object.keys(scores).forEach((id) => {
      if (!hasOwn(axisIds, id)) fail(NOT_AN_EXPORT + ' Axe inconnu' + NBSP + ': ' + quoted(id) + '.');
    });
    data.axes.forEach((axis) => {
      const stated = scores[axis.id];
      const result = results[axis.id];
      if (stated === undefined) return;
      if (!isObject(stated) || stated.score !== result.score || stated.niveau !== result.niveau) {
        fail('Les scores enregistrés dans ce fichier ne correspondent pas à ses réponses (axe ' +
          quoted(axis.nom) + ')' + NBSP +
          ': le fichier a été modifié, ou le questionnaire a changé depuis l’export.');
      }
    });
  }

  // A sentence saying what changed between two versions; '' when nothing did.
  function describeChanges(data, changes) {
    const parts = [];
    const labels = {};
    if (!changes || changes.same) return '';
    data.questions.forEach((question, i) => { labels[question.id] = 'Q' + (i + 1); });
    function listPart(ids, label) {
      if (ids.length) {
        parts.push(ids.length + ' ' + label + NBSP + ': ' +
          ids.map((id) => labels[id] ? labels[id] + ' (' + id + ')' : id).join(', '));
      }
    }
    listPart(changes.changed, changes.changed.length > 1 ? 'questions modifiées' : 'question modifiée');
    listPart(changes.appeared, changes.appeared.length > 1 ? 'questions nouvelles' : 'question nouvelle');
    listPart(changes.gone, changes.gone.length > 1 ? 'questions supprimées' : 'question supprimée');
    return 'Le questionnaire a changé depuis cet export' + NBSP + ': ' + parts.join(NBSP + '; ') +
      '. Seules les réponses aux questions inchangées sont comptées.';
  }

  // Share link: "1", one character per question (- unanswered, n "don't know", 0-9), ".", one
  // per axis target (- or 0-9), then "." and the questionnaire's version. Answers are placed
  // in the questions' order, so a link from another version cannot be read back. Then, when a
  // collectivité is chosen, "&c=" and its code and "&a=" and the agents answer: the page that
  // reads the link finds its name in the official list.
  function versionSuffix(data) { return data.questionnaire ? '.' + data.questionnaire.version : ''; }
  function encodeShare(data, state) {
    const answers = state.answers || {};
    const targets = state.targets || {};
    const territory = state.collectivite;
    return '1' + data.questions.map((question) => {
      const answer = answers[question.id];
      return answer === 'nsp' ? 'n' : answer == null ? '-' : answer;
    }).join('') +
      '.' + data.axes.map((axis) => targets[axis.id] == null ? '-' : targets[axis.id]).join('') +
      versionSuffix(data) +
      (territory ? '&c=' + territory.code + (territory.agents ? '&a=' + territory.agents : '') : '');
  }
  function decodeShare(data, link) {
    const parts = /^([^&]*)(?:&c=([0-9A-Za-z]{1,20})(?:&a=(oui|non|nsp))?)?$/.exec(link);
    const code = parts ? parts[1] : '';
    const match = /^1([-n0-9]*)\.([-0-9]*)(\.[0-9a-f]+)?$/.exec(code);
    const state = { v: 1, answers: {}, targets: {} };
    if (match && match[3] && match[3] !== versionSuffix(data)) {
      fail('Ce lien de partage a été créé avec une autre version du questionnaire' + NBSP +
        ': ses réponses ne peuvent pas être relues.');
    }
    if (!match || match[1].length !== data.questions.length ||
      match[2].length !== data.axes.length) fail(BAD_LINK);
    data.questions.forEach((question, i) => {
      const c = match[1][i];
      if (c !== '-') state.answers[question.id] = c === 'n' ? 'nsp' : +c;
    });
    data.axes.forEach((axis, i) => {
      const c = match[2][i];
      if (c !== '-') state.targets[axis.id] = +c;
    });
    // Whether the code is a collectivité's is for the page to say (an unknown one keeps the answers).
    if (parts[2]) state.collectivite = { code: parts[2], agents: parts[3] };
    try { return Diagnostic.validateState(data, state); } catch (e) { fail(BAD_LINK); }
  }

  function toJSON(data, state) {
    const results = Diagnostic.scoreAxes(data, state.answers);
    const scores = {};
    data.axes.forEach((axis) => {
      scores[axis.id] = { score: results[axis.id].score, niveau: results[axis.id].niveau };
    });
    const out = { format: EXPORT_FORMAT, v: 1, questionnaire: identity(data),
      date: state.date || new Date().toISOString() };
    ['nom', 'role', 'collectivite'].forEach((key) => { if (state[key]) out[key] = state[key]; });
    out.answers = state.answers || {}; out.targets = state.targets || {}; out.notes = state.notes || {};
    out.plan = cleanPlan(state.plan); out.scores = scores;
    return JSON.stringify(out, null, 2);
  }
  function fromJSON(data, text) { return readExport(data, text).state; }

  function csvCell(value) {
    value = value == null ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(value)) value = '\'' + value; // a spreadsheet would run it as a formula
    return /[;"\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }
  // Rows → CSV for a French spreadsheet: BOM, semicolons, CRLF.
  function csvText(rows) {
    return '\ufeff' + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
  }

  function toCSV(data, state, results) {
    const targets = state.targets || {};
    const notes = state.notes || {};
    const rows = [['axe', 'score', 'niveau', 'cible', 'points à vérifier', 'note']];
    results = results || Diagnostic.scoreAxes(data, state.answers);
    data.axes.forEach((axis) => {
      const result = results[axis.id];
      const target = data.niveaux[targets[axis.id]];
      rows.push([axis.nom, result.score, result.niveau || 'non évalué', target && target.nom,
        result.nsp, notes[axis.id]]);
    });
    return csvText(rows);
  }

  // Current score minus imported score, per axis; null when either is missing.
  function evolution(data, current, imported) {
    const out = {};
    data.axes.forEach((axis) => {
      const now = current[axis.id] && current[axis.id].score;
      const before = imported && imported[axis.id] && imported[axis.id].score;
      out[axis.id] = now == null || before == null ? null : now - before;
    });
    return out;
  }
  function evolutionText(change) {
    return change == null ? '—' : change > 0 ? '▲ +' + change : change < 0 ? '▼ −' + -change : '=';
  }

  // Action plan: a list of actions { reco, axe, texte, porteur, echeance, statut }, one per recommendation.
  function cleanPlan(plan) {
    const seen = {};
    return (Array.isArray(plan) ? plan : []).filter((action) => {
      const ok = isObject(action) && typeof action.reco === 'string' && !seen[action.reco] &&
        typeof action.texte === 'string';
      if (ok) seen[action.reco] = 1;
      return ok;
    }).map((action) => ({
      reco: action.reco, axe: typeof action.axe === 'string' ? action.axe : '', texte: action.texte,
      porteur: typeof action.porteur === 'string' ? action.porteur : '',
      echeance: /^\d{4}-\d{2}-\d{2}$/.test(action.echeance) ? action.echeance : '',
      statut: STATUSES.some((status) => status[0] === action.statut) ? action.statut : STATUSES[0][0]
    }));
  }
  // echeance (optional, YYYY-MM-DD): a priority comes with its deadline six months ahead.
  function addAction(plan, recommendation, echeance) {
    plan = cleanPlan(plan);
    if (!plan.some((action) => action.reco === recommendation.id)) {
      plan.push({ reco: recommendation.id, axe: recommendation.axe, texte: recommendation.texte, porteur: '',
        echeance: /^\d{4}-\d{2}-\d{2}$/.test(echeance) ? echeance : '',
        statut: STATUSES[0][0] });
    }
    return plan;
  }
  function statusLabel(id) { return STATUSES.find((status) => status[0] === id)[1]; }
  function planCSV(data, plan) {
    const axisNames = {};
    data.axes.forEach((axis) => { axisNames[axis.id] = axis.nom; });
    const rows = cleanPlan(plan).map((action) => [action.texte, axisNames[action.axe] || action.axe,
      action.porteur, action.echeance, statusLabel(action.statut)]);
    return csvText([['action', 'axe', 'porteur', 'échéance', 'statut']].concat(rows));
  }

  // A question's empty count of answers: { 0: 0, 1: 0, …, nsp: 0 }.
  function emptyCounts(question) {
    const counts = {};
    question.points.forEach((points, i) => { counts[i] = 0; });
    counts.nsp = 0;
    return counts;
  }
  // What a count of answers says about a question (team or room): to discuss when the points
  // given differ by at least half the question's best points.
  function verdict(question, counts) {
    const given = question.points.filter((points, i) => counts[i] > 0);
    const best = Math.max.apply(null, question.points);
    let answers = 0;
    question.points.forEach((points, i) => { answers += counts[i]; });
    return { repartition: counts, nsp: counts.nsp, reponses: answers,
      aDiscuter: answers > 1 && best > 0 && 2 * (Math.max.apply(null, given) -
        Math.min.apply(null, given)) >= best };
  }
  // A room's vote: { question: counts }, cleaned (positive integers, known answers only).
  function cleanVotes(data, votes) {
    const out = {};
    if (!isObject(votes)) return out;
    data.questions.forEach((question) => {
      const raw = votes[question.id];
      const counts = emptyCounts(question);
      let any = false;
      if (!isObject(raw)) return;
      Object.keys(counts).forEach((choice) => {
        const hands = raw[choice];
        if (typeof hands === 'number' && hands % 1 === 0 && hands > 0) { counts[choice] = hands; any = true; }
      });
      if (any) out[question.id] = counts;
    });
    return out;
  }
  function roomSummary(data, votes) {
    const out = { questions: {}, aDiscuter: [], aVerifier: [] };
    votes = cleanVotes(data, votes);
    data.questions.forEach((question) => {
      if (!votes[question.id]) return;
      const result = out.questions[question.id] = verdict(question, votes[question.id]);
      if (result.aDiscuter) out.aDiscuter.push(question.id);
      if (result.nsp > 1) out.aVerifier.push(question.id);
    });
    return out;
  }

  // A room's vote, saved or exported: { format: 'vmi-salle', v, questionnaire, date, votes }.
  function roomJSON(data, votes, date) {
    return JSON.stringify({ format: ROOM_FORMAT, v: 1, questionnaire: identity(data),
      date: date || new Date().toISOString(),
    votes: cleanVotes(data, votes) }, null, 2);
  }
  // A room's vote (parsed object) → { votes, date, changes }; from another version, only the
  // votes on unchanged questions are kept, as for an export's answers.
  function readRoom(data, parsed) {
    if (!isObject(parsed) || parsed.format !== ROOM_FORMAT) fail(NOT_AN_EXPORT);
    const changes = sameQuestionnaire(data, parsed.questionnaire);
    return {
      votes: cleanVotes(data, changes.same ? parsed.votes
      : unchangedOnly(data, parsed.questionnaire, isObject(parsed.votes) ? parsed.votes : {})),
      date: typeof parsed.date === 'string' && !isNaN(Date.parse(parsed.date))
        ? parsed.date : '', changes
    };
  }
  // The most hands raised on one question: the size of the room, roughly.
  function roomSize(votes) {
    return Object.keys(votes).reduce((most, id) => {
      let hands = 0;
      Object.keys(votes[id]).forEach((choice) => { hands += votes[id][choice]; });
      return Math.max(most, hands);
    }, 0);
  }

  const api = {
    encodeShare, decodeShare, identity, compareVersions, readExport, describeChanges, toJSON, fromJSON, toCSV,
    csvText, evolution, evolutionText, emptyCounts, verdict, cleanVotes, roomSummary, roomJSON, readRoom,
    roomSize, cleanPlan, addAction, planCSV, statusLabel, STATUSES
  };
  VMI.followUp = api;
  if (typeof module === 'object') module.exports = api;
})(typeof module === 'object' ? require('./vmi.js')({}) : window.VMI);
