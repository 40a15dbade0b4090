/* Self-diagnosis: the scoring, pure logic without the DOM (VMI.diagnostic, or a Node module).
   Like every *-core.js: in the browser it joins the namespace of vmi.js; in Node (tests/js/,
   bench/) it exports itself, over a namespace of its own built by vmi.js over no window. */
(function (VMI) {
  'use strict';
  const STATE_VERSION = 1;
  const { NBSP, isObject, quoted } = VMI;
  function isIndex(v, length) { return typeof v === 'number' && v % 1 === 0 && v >= 0 && v < length; }
  function fail(message) { throw new Error(message); }
  const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
    'octobre', 'novembre', 'décembre'];

  // « 1er mars 2026 à 09:05 », local time. By hand: the first call to Intl
  // (toLocaleString) loads the language data and costs more than the rest of the script.
  function formatDate(iso) {
    const date = new Date(iso);
    if (typeof iso !== 'string') return '—';
    if (isNaN(date)) return iso;
    const day = date.getDate() === 1 ? '1er' : String(date.getDate());
    return day + NBSP + MONTHS[date.getMonth()] + ' ' + date.getFullYear() + ' à ' +
      String(date.getHours()).padStart(2, '0') + ':' + String(date.getMinutes()).padStart(2, '0');
  }
  function byId(list) {
    const map = Object.create(null);
    list.forEach((item) => { map[item.id] = item; });
    return map;
  }

  // Index of the highest level whose threshold the score reaches (levels in rising order), else -1.
  function levelIndex(levels, score) {
    let found = -1;
    if (score != null) levels.forEach((level, i) => { if (level.min <= score) found = i; });
    return found;
  }
  function axisName(data, id) { return data.axes.find((axis) => axis.id === id).nom; }
  function levelFor(levels, score) { return levels[levelIndex(levels, score)] || null; }

  function scoreAxes(data, answers) {
    const results = {};
    const sums = {};
    const maxima = {};
    answers = answers || {};
    data.axes.forEach((axis) => {
      results[axis.id] = { score: null, niveau: null, niveauIndex: -1, answered: 0, nsp: 0,
        total: 0, status: 'non-evalue' };
      sums[axis.id] = maxima[axis.id] = 0;
    });
    data.questions.forEach((question) => {
      const result = results[question.axe];
      const answer = Object.prototype.hasOwnProperty.call(answers, question.id) ? answers[question.id] : null;
      if (!result) return;
      result.total++;
      if (answer === 'nsp') result.nsp++;
      else if (isIndex(answer, question.points.length)) {
        result.answered++;
        sums[question.axe] += question.points[answer];
        maxima[question.axe] += Math.max.apply(null, question.points);
      }
    });
    data.axes.forEach((axis) => {
      const result = results[axis.id];
      const maximum = maxima[axis.id];
      if (!result.answered || result.nsp * 2 > result.total) return;
      // 100 × sum / maximum, rounded to the nearest (halves up), in exact integers.
      result.score = maximum > 0 ? Math.floor((200 * sums[axis.id] + maximum) / (2 * maximum)) : 0;
      result.niveauIndex = levelIndex(data.niveaux, result.score);
      result.niveau = result.niveauIndex < 0 ? null : data.niveaux[result.niveauIndex].nom;
      result.status = 'evalue';
    });
    return results;
  }

  // The ids of the n (3) lowest scored axes, the first axes first on a tie.
  function priorities(results, axes, n) {
    return axes.map((axis, i) => ({ id: axis.id, i, result: results[axis.id] }))
      .filter((x) => x.result && x.result.status === 'evalue')
      .sort((x, y) => x.result.score - y.result.score || x.i - y.i)
      .slice(0, n === undefined ? 3 : n).map((x) => x.id);
  }
  function weakestAxis(results, axes) { return priorities(results, axes, 1)[0] || null; }
  function applicableRecommendations(data, results) {
    return (data.recommandations || []).filter((recommendation) => {
      const result = results[recommendation.axe];
      return result && result.status === 'evalue' && result.score <= recommendation.jusqu_a;
    });
  }

  // A clean state {v, answers, targets, notes, date, nom?, role?, plan?}, or an Error with a
  // French message. The plan is kept as it is: followup-core.js cleans it when it reads it.
  function validateState(data, o) {
    if (!isObject(o)) fail('Les données ne sont pas un état de l’auto-diagnostic.');
    if (o.v !== STATE_VERSION) fail('Version de données non prise en charge.');
    const questions = byId(data.questions);
    const axes = byId(data.axes);
    const state = { v: STATE_VERSION, date: typeof o.date === 'string' && o.date ? o.date
      : new Date().toISOString() };
    // [part, known ids, unknown id message, invalid value message, value check]
    [['answers', questions, 'Question inconnue', 'Réponse invalide pour la question ', function (value, id) {
      return value === 'nsp' || isIndex(value, questions[id].points.length);
    }], ['targets', axes, 'Axe inconnu', 'Niveau visé invalide pour l’axe ', function (value) {
      return isIndex(value, data.niveaux.length);
    }], ['notes', axes, 'Axe inconnu', 'Note invalide pour l’axe ',
      function (value) { return typeof value === 'string'; }]].forEach((rule) => {
      const part = rule[0];
      const known = rule[1];
      const source = o[part] === undefined ? {} : o[part];
      const clean = state[part] = {};
      if (!isObject(source)) fail('La rubrique ' + quoted(part) + ' est mal formée.');
      Object.keys(source).forEach((id) => {
        if (!known[id]) fail(rule[2] + NBSP + ': ' + quoted(id) + '.');
        if (!rule[4](source[id], id)) fail(rule[3] + quoted(id) + '.');
        if (source[id] !== '') clean[id] = source[id] === 0 ? 0 : source[id]; // -0 (JSON « -0 ») → 0
      });
    });
    ['nom', 'role'].forEach((key) => {
      if (typeof o[key] === 'string' && o[key]) state[key] = o[key];
    });
    if (Array.isArray(o.plan) && o.plan.length) state.plan = o.plan;
    if (o.collectivite != null) state.collectivite = cleanTerritory(o.collectivite);
    return state;
  }
  // « Votre collectivité » as saved or exported (see VMI.collectivite in vmi.js): a code is needed
  // (a share link gives no name: the page looks the code up); other fields are kept when well
  // typed. Whether the code is a real one is the page's to say, with the official list: an
  // unknown code keeps the answers.
  const TERRITORY_TEXTS = ['nom', 'taille', 'tailleNom', 'departement', 'departementCode', 'region',
    'regionCode', 'typeEpci', 'source'];
  function cleanTerritory(o) {
    if (!isObject(o) || !/^[0-9A-Za-z]{1,20}$/.test(o.code)) {
      fail('La rubrique ' + quoted('collectivite') + ' est mal formée.');
    }
    const type = /^(commune|epci)$/.test(o.type) ? o.type : /^[0-9]{9}$/.test(o.code) ? 'epci' : 'commune';
    const clean = { code: o.code, type, nom: typeof o.nom === 'string' ? o.nom : '' };
    TERRITORY_TEXTS.forEach((key) => {
      if (key !== 'nom' && typeof o[key] === 'string') clean[key] = o[key];
    });
    ['population', 'annee'].forEach((key) => { if (isIndex(o[key], Infinity)) clean[key] = o[key]; });
    if (/^(oui|non|nsp)$/.test(o.agents)) clean.agents = o.agents;
    clean.epci = cleanGroup(o.epci);
    return clean;
  }
  // A commune's intercommunality as saved: { code, nom, type, population }, or null.
  function cleanGroup(group) {
    if (!isObject(group) || typeof group.code !== 'string' || typeof group.nom !== 'string') return null;
    return { code: group.code, nom: group.nom, type: typeof group.type === 'string' ? group.type : '',
      population: isIndex(group.population, Infinity) ? group.population : null };
  }

  const api = {
    scoreAxes, levelFor, levelIndex, weakestAxis, priorities, applicableRecommendations, axisName,
    validateState, formatDate
  };
  VMI.diagnostic = api;
  if (typeof module === 'object') module.exports = api;
})(typeof module === 'object' ? require('./vmi.js')({}) : window.VMI);
