/* Auto-diagnostic « villes moyennes intelligentes » : logique pure, sans DOM.
   Navigateur : window.VMIDiagnostic ; Node : module.exports. */
(function (root) {
  'use strict';
  var FORMAT = 'vmi-diagnostic', V = 1;
  var MSG_SHARE = 'Le lien de partage est incomplet ou abîmé.';
  var MSG_FILE = 'Le fichier importé n’est pas un export de l’auto-diagnostic.';
  var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
  var isObj = function (o) { return !!o && typeof o === 'object' && !Array.isArray(o); };
  var isInt = function (n) { return typeof n === 'number' && n % 1 === 0; };
  function fail(m) { throw new Error(m); }
  function q(s) { return '«\u00a0' + s + '\u00a0»'; }
  function index(list) {
    var m = Object.create(null);
    list.forEach(function (x) { m[x.id] = x; });
    return m;
  }
  function best(points) { return Math.max.apply(null, points); }

  // Niveau le plus élevé dont le seuil est atteint (objet niveau ou null).
  function levelIndex(niveaux, score) {
    var idx = -1;
    if (score === null || score === undefined) return idx;
    niveaux.forEach(function (n, i) { if (n.min <= score && (idx < 0 || n.min >= niveaux[idx].min)) idx = i; });
    return idx;
  }
  function levelFor(niveaux, score) {
    var i = levelIndex(niveaux, score);
    return i < 0 ? null : niveaux[i];
  }

  // Arrondi de 100 × num / den au plus proche, moitiés vers le haut, en entiers.
  function percent(num, den) {
    if (den <= 0) return 0;
    var n = 200 * num + den, d = 2 * den;
    return Math.floor(n / d);
  }

  function scoreAxes(data, answers) {
    var res = {};
    answers = answers || {};
    data.axes.forEach(function (a) {
      res[a.id] = { score: null, niveau: null, niveauIndex: -1, answered: 0, nsp: 0, total: 0, status: 'non-evalue', _s: 0, _b: 0 };
    });
    data.questions.forEach(function (qu) {
      var r = res[qu.axe], v = has(answers, qu.id) ? answers[qu.id] : undefined;
      if (!r) return;
      r.total++;
      if (v === 'nsp') r.nsp++;
      else if (isInt(v) && v >= 0 && v < qu.points.length) {
        r.answered++; r._s += qu.points[v]; r._b += best(qu.points);
      }
    });
    Object.keys(res).forEach(function (id) {
      var r = res[id];
      if (r.answered > 0 && r.nsp * 2 <= r.total) {
        r.score = percent(r._s, r._b);
        r.niveauIndex = levelIndex(data.niveaux, r.score);
        r.niveau = r.niveauIndex < 0 ? null : data.niveaux[r.niveauIndex].nom;
        r.status = 'evalue';
      }
      delete r._s; delete r._b;
    });
    return res;
  }

  function priorities(results, axes, n) {
    if (n === undefined) n = 3;
    return axes.map(function (a, i) { return { id: a.id, i: i, r: results[a.id] }; })
      .filter(function (x) { return x.r && x.r.status === 'evalue'; })
      .sort(function (x, y) { return x.r.score - y.r.score || x.i - y.i; })
      .slice(0, n).map(function (x) { return x.id; });
  }
  function weakestAxis(results, axes) { return priorities(results, axes, 1)[0] || null; }

  function applicableRecommendations(data, results) {
    return (data.recommandations || []).filter(function (r) {
      var x = results[r.axe];
      return x && x.status === 'evalue' && x.score <= r.jusqu_a;
    });
  }

  // Vérifie et nettoie un état (localStorage, import, lien).
  function validateState(data, obj) {
    if (!isObj(obj)) fail('Les données ne sont pas un état de l’auto-diagnostic.');
    if (obj.v !== V) fail('Version de données non prise en charge (' + q(String(obj.v)) + ').');
    var qs = index(data.questions), ax = index(data.axes);
    var st = { v: V, answers: {}, targets: {}, notes: {}, date: typeof obj.date === 'string' ? obj.date : new Date().toISOString() };
    ['answers', 'targets', 'notes'].forEach(function (k) {
      if (obj[k] !== undefined && !isObj(obj[k])) fail('La rubrique ' + q(k) + ' est mal formée.');
    });
    var a = obj.answers || {}, t = obj.targets || {}, n = obj.notes || {};
    Object.keys(a).forEach(function (id) {
      var qu = qs[id], v = a[id];
      if (!qu) fail('Question inconnue\u00a0: ' + q(id) + '.');
      if (v !== 'nsp' && !(isInt(v) && v >= 0 && v < qu.points.length)) fail('Réponse invalide pour la question ' + q(id) + '.');
      st.answers[id] = v;
    });
    Object.keys(t).forEach(function (id) {
      var v = t[id];
      if (!ax[id]) fail('Axe inconnu\u00a0: ' + q(id) + '.');
      if (!(isInt(v) && v >= 0 && v < data.niveaux.length)) fail('Niveau visé invalide pour l’axe ' + q(id) + '.');
      st.targets[id] = v;
    });
    Object.keys(n).forEach(function (id) {
      if (!ax[id]) fail('Axe inconnu\u00a0: ' + q(id) + '.');
      if (typeof n[id] !== 'string') fail('Note invalide pour l’axe ' + q(id) + '.');
      if (n[id]) st.notes[id] = n[id];
    });
    return st;
  }

  // Lien de partage : "1" + un caractère par question + "." + un par axe.
  function encodeShare(data, state) {
    var a = state.answers || {}, t = state.targets || {};
    return V + data.questions.map(function (qu) {
      var v = a[qu.id];
      return v === 'nsp' ? 'n' : isInt(v) ? String(v) : '-';
    }).join('') + '.' + data.axes.map(function (ax) {
      return isInt(t[ax.id]) ? String(t[ax.id]) : '-';
    }).join('');
  }
  function decodeShare(data, code) {
    code = String(code || '');
    var m = /^1([-n0-9]*)\.([-0-9]*)$/.exec(code);
    if (!m || m[1].length !== data.questions.length || m[2].length !== data.axes.length) fail(MSG_SHARE);
    var st = { v: V, answers: {}, targets: {}, notes: {} };
    data.questions.forEach(function (qu, i) {
      var c = m[1].charAt(i);
      if (c !== '-') st.answers[qu.id] = c === 'n' ? 'nsp' : +c;
    });
    data.axes.forEach(function (ax, i) {
      var c = m[2].charAt(i);
      if (c !== '-') st.targets[ax.id] = +c;
    });
    try { return validateState(data, st); } catch (e) { fail(MSG_SHARE); }
  }

  function toJSON(data, state) {
    var res = scoreAxes(data, state.answers), scores = {};
    data.axes.forEach(function (a) { scores[a.id] = { score: res[a.id].score, niveau: res[a.id].niveau }; });
    return JSON.stringify({ format: FORMAT, v: V, date: state.date || new Date().toISOString(),
      answers: state.answers || {}, targets: state.targets || {}, notes: state.notes || {}, scores: scores }, null, 2);
  }
  function fromJSON(data, text) {
    var o;
    try { o = JSON.parse(text); } catch (e) { fail(MSG_FILE + ' (JSON illisible)'); }
    if (!isObj(o) || o.format !== FORMAT) fail(MSG_FILE);
    try { return validateState(data, o); } catch (e) { fail(MSG_FILE + ' ' + e.message); }
  }

  function csvField(s) {
    s = s === null || s === undefined ? '' : String(s);
    if (/^[=+\-@\t\r]/.test(s)) s = '\'' + s; // neutralise les formules du tableur
    return /[;"\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCSV(data, state, results) {
    results = results || scoreAxes(data, state.answers);
    var t = state.targets || {}, n = state.notes || {};
    var rows = [['axe', 'score', 'niveau', 'cible', 'points à vérifier', 'note']];
    data.axes.forEach(function (a) {
      var r = results[a.id], c = data.niveaux[t[a.id]];
      rows.push([a.nom, r.score === null ? '' : r.score, r.niveau || 'non évalué', c ? c.nom : '', r.nsp, n[a.id] || '']);
    });
    return '\ufeff' + rows.map(function (r) { return r.map(csvField).join(';'); }).join('\r\n') + '\r\n';
  }

  var api = {
    scoreAxes: scoreAxes, levelFor: levelFor, levelIndex: levelIndex, weakestAxis: weakestAxis,
    priorities: priorities, applicableRecommendations: applicableRecommendations,
    validateState: validateState, encodeShare: encodeShare, decodeShare: decodeShare,
    toJSON: toJSON, fromJSON: fromJSON, toCSV: toCSV
  };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  else root.VMIDiagnostic = api;
})(this);
