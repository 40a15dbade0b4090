/* Auto-diagnostic : logique pure, sans DOM (window.VMIDiagnostic ou module Node) */
(function (root) {
  'use strict';
  var V = 1, NB = '\u00a0';
  function isObj(o) { return !!o && typeof o === 'object' && !Array.isArray(o); }
  function isIdx(v, len) { return typeof v === 'number' && v % 1 === 0 && v >= 0 && v < len; }
  function fail(m) { throw new Error(m); }
  function q(s) { return '«' + NB + s + NB + '»'; }
  var MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
    'novembre', 'décembre'];

  // « 1er mars 2026 à 09:05 », heure locale. Écrit à la main : le premier appel à Intl
  // (toLocaleString) charge les données de langue et coûte plus que tout le reste du script.
  function formatDate(iso) {
    var d = new Date(iso), day;
    if (typeof iso !== 'string') return '—';
    if (isNaN(d)) return iso;
    day = d.getDate() === 1 ? '1er' : String(d.getDate());
    return day + NB + MONTHS[d.getMonth()] + ' ' + d.getFullYear() + ' à ' +
      ('0' + d.getHours()).slice(-2) + ':' + ('0' + d.getMinutes()).slice(-2);
  }
  function byId(list) { var m = Object.create(null); list.forEach(function (x) { m[x.id] = x; }); return m; }

  // Indice du niveau le plus élevé dont le seuil est atteint (niveaux croissants), -1 sinon.
  function levelIndex(niveaux, score) {
    var idx = -1;
    if (score != null) niveaux.forEach(function (n, i) { if (n.min <= score) idx = i; });
    return idx;
  }
  function levelFor(niveaux, score) { return niveaux[levelIndex(niveaux, score)] || null; }

  function scoreAxes(data, answers) {
    var res = {}, sum = {}, max = {};
    answers = answers || {};
    data.axes.forEach(function (a) {
      res[a.id] = { score: null, niveau: null, niveauIndex: -1, answered: 0, nsp: 0, total: 0, status: 'non-evalue' };
      sum[a.id] = max[a.id] = 0;
    });
    data.questions.forEach(function (x) {
      var r = res[x.axe], v = Object.prototype.hasOwnProperty.call(answers, x.id) ? answers[x.id] : null;
      if (!r) return;
      r.total++;
      if (v === 'nsp') r.nsp++;
      else if (isIdx(v, x.points.length)) {
        r.answered++; sum[x.axe] += x.points[v]; max[x.axe] += Math.max.apply(null, x.points);
      }
    });
    data.axes.forEach(function (a) {
      var r = res[a.id], b = max[a.id];
      if (!r.answered || r.nsp * 2 > r.total) return;
      // 100 × somme / maximum, arrondi au plus proche (moitiés vers le haut), en entiers exacts.
      r.score = b > 0 ? Math.floor((200 * sum[a.id] + b) / (2 * b)) : 0;
      r.niveauIndex = levelIndex(data.niveaux, r.score);
      r.niveau = r.niveauIndex < 0 ? null : data.niveaux[r.niveauIndex].nom;
      r.status = 'evalue';
    });
    return res;
  }

  function priorities(results, axes, n) {
    return axes.map(function (a, i) { return { id: a.id, i: i, r: results[a.id] }; })
      .filter(function (x) { return x.r && x.r.status === 'evalue'; })
      .sort(function (x, y) { return x.r.score - y.r.score || x.i - y.i; })
      .slice(0, n === undefined ? 3 : n).map(function (x) { return x.id; });
  }
  function weakestAxis(results, axes) { return priorities(results, axes, 1)[0] || null; }
  function applicableRecommendations(data, results) {
    return (data.recommandations || []).filter(function (r) {
      var x = results[r.axe];
      return x && x.status === 'evalue' && x.score <= r.jusqu_a;
    });
  }

  // État nettoyé {v, answers, targets, notes, date, nom?, role?, plan?}, ou Error au message en
  // français. Le plan est gardé tel quel : suivi-core.js le nettoie quand il le lit.
  function validateState(data, o) {
    if (!isObj(o)) fail('Les données ne sont pas un état de l’auto-diagnostic.');
    if (o.v !== V) fail('Version de données non prise en charge.');
    var qs = byId(data.questions), ax = byId(data.axes), st = { v: V, date: typeof o.date === 'string' && o.date ? o.date : new Date().toISOString() };
    [['answers', qs, 'Question inconnue', 'Réponse invalide pour la question ', function (v, id) {
      return v === 'nsp' || isIdx(v, qs[id].points.length);
    }], ['targets', ax, 'Axe inconnu', 'Niveau visé invalide pour l’axe ', function (v) {
      return isIdx(v, data.niveaux.length);
    }], ['notes', ax, 'Axe inconnu', 'Note invalide pour l’axe ', function (v) { return typeof v === 'string'; }]].forEach(function (k) {
      var src = o[k[0]] === undefined ? {} : o[k[0]], out = st[k[0]] = {};
      if (!isObj(src)) fail('La rubrique ' + q(k[0]) + ' est mal formée.');
      Object.keys(src).forEach(function (id) {
        if (!k[1][id]) fail(k[2] + NB + ': ' + q(id) + '.');
        if (!k[4](src[id], id)) fail(k[3] + q(id) + '.');
        if (src[id] !== '') out[id] = src[id] === 0 ? 0 : src[id]; // -0 (JSON « -0 ») → 0
      });
    });
    ['nom', 'role'].forEach(function (k) { if (typeof o[k] === 'string' && o[k]) st[k] = o[k]; });
    if (Array.isArray(o.plan) && o.plan.length) st.plan = o.plan;
    return st;
  }

  var api = {
    scoreAxes: scoreAxes, levelFor: levelFor, levelIndex: levelIndex, weakestAxis: weakestAxis, priorities: priorities,
    applicableRecommendations: applicableRecommendations, validateState: validateState, formatDate: formatDate
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = api; else root.VMIDiagnostic = api;
})(this);
