'use strict';
// Propriétés de la synthèse d’équipe (synthese-core.js) et du rapprochement des versions du
// questionnaire (suivi-core.js) : toute liste de fichiers et de liens collés donne, pour
// chacun, un répondant compté ou un message en français qui le nomme ; jamais une exception,
// jamais une synthèse dont les chiffres ne suivent pas des réponses comptées.
const test = require('node:test');
const assert = require('node:assert/strict');
const D = require('../../overrides/assets/javascripts/diagnostic-core.js');
const S = require('../../overrides/assets/javascripts/suivi-core.js');
const Y = require('../../overrides/assets/javascripts/synthese-core.js');
const F = require('./fuzzing.js');
const { fc } = F;

const NB = '\u00a0';
const q = (s) => '«' + NB + s + NB + '»';
const LEAK = /undefined|\bnull\b|NaN|\[object|TypeError|Cannot|Unexpected|is not|Error/;
const FRENCH = /^(Le |La |Les |Ce |Cette )/;
const TIME = 2000; // ms for one whole synthesis, on a loaded machine

// Ce que dit un message, sans les textes cités (noms de fichiers, identifiants venus du fichier).
const unquoted = (text) => text.replace(/«\u00a0[\s\S]*?\u00a0»/g, '«»');

// Une autre version du questionnaire : chaque question gardée, modifiée ou absente, et des
// questions disparues depuis.
const otherHex = fc.stringMatching(/^[0-9a-f]{8}$/);
const goneIds = fc.uniqueArray(fc.stringMatching(/^ancienne-[a-z0-9]{1,6}$/), { maxLength: 3 });
function otherVersion(data) {
  return fc.tuple(fc.oneof(fc.constant(data.questionnaire.version), otherHex),
    fc.array(fc.constantFrom('same', 'changed', 'absent'), { minLength: data.questions.length, maxLength: data.questions.length }),
    goneIds)
    .map(([version, fates, gone]) => {
      const questions = {};
      data.questions.forEach((x, i) => {
        if (fates[i] !== 'absent') questions[x.id] = fates[i] === 'same' ? x.h : x.h + '-avant';
      });
      gone.forEach((id) => { questions[id] = 'h-' + id; });
      return { id: data.questionnaire.id, version, questions };
    });
}

function exportOf(data, state, identity) {
  const o = JSON.parse(S.toJSON(data, state));
  if (identity) o.questionnaire = identity;
  return o;
}

// Le texte d’un fichier déposé sur la page : un export (intact, retouché, coupé, d’une autre
// version ou d’un autre questionnaire), une synthèse exportée, ou n’importe quoi.
function fileText(data) {
  const state = F.validState(data).chain((s) => fc.record({ nom: fc.oneof(fc.constant(''), fc.string()),
    role: fc.oneof(fc.constant(''), fc.string()) }).map((who) => Object.assign({}, s, who)));
  const exported = state.map((s) => exportOf(data, s));
  return fc.oneof(
    exported.map((o) => JSON.stringify(o)),
    exported.map((o) => JSON.stringify(o)).chain(F.textMutation),
    exported.chain(F.mutated).map((o) => JSON.stringify(o)),
    exported.chain((o) => fc.constantFrom('answers', 'targets', 'notes', 'scores', 'questionnaire').chain((k) =>
      F.mutated(o[k] || {}).map((v) => JSON.stringify(Object.assign({}, o, { [k]: v }))))),
    fc.tuple(state, otherVersion(data)).map(([s, id]) => JSON.stringify(exportOf(data, s, id))),
    fc.tuple(state, fc.string()).map(([s, id]) => JSON.stringify(exportOf(data, s,
      Object.assign({}, S.identity(data), { id })))),
    state.map((s) => {
      const list = [];
      Y.addSources(data, list, [{ name: 'a.json', text: S.toJSON(data, s) }]);
      return Y.toJSON(data, list, Y.aggregate(data, list));
    }),
    fc.string(), fc.json(), fc.constantFrom('', '{}', 'null', '[]', '"vmi-diagnostic"', '\ufeff{"format":"vmi-diagnostic","v":1}'));
}

// Une ligne collée dans la zone des liens : un code de partage, seul ou dans son adresse,
// retouché, d’une autre version, ou n’importe quoi.
function linkLine(data) {
  const code = F.validState(data).map((s) => S.encodeShare(data, s));
  return fc.oneof(
    code,
    code.map((c) => 'https://exempleville.fr/diagnostic/#r=' + c),
    code.chain(F.textMutation),
    code.map((c) => c.replace(/\.[0-9a-f]+$/, '.00000000')),
    fc.string(), fc.constantFrom('', '#r=', 'https://exempleville.fr/diagnostic/'));
}

function sources(data) {
  const name = fc.oneof(fc.string(), fc.constantFrom('alix.json', '', '__proto__', 'constructor'));
  const one = fc.oneof(fc.record({ name, text: fileText(data) }), fc.record({ link: linkLine(data) }));
  return fc.array(one, { maxLength: 6 }).chain((list) => (list.length
    ? fc.tuple(fc.nat(list.length - 1), fc.boolean()).map(([i, again]) => (again ? list.concat([list[i]]) : list))
    : fc.constant(list)));
}

// Ajoute une source comme la page (addSources) et vérifie ce qu’elle en dit : au plus un
// message, qui la nomme, en français ; un répondant de plus sauf si elle est écartée.
function addOne(data, list, src) {
  const before = list.length, msgs = Y.addSources(data, list, [src]);
  const name = src.name !== undefined ? src.name : src.link;
  assert.ok(msgs.length <= 1, JSON.stringify(msgs));
  const m = msgs[0];
  if (!m) return assert.equal(list.length, before + 1);
  assert.ok(m.text.startsWith(q(name)), m.text);
  const rest = unquoted(m.text.slice(q(name).length));
  assert.ok(!LEAK.test(rest), m.text);
  if (m.kind === 'doublon') {
    assert.equal(list.length, before);
    return assert.match(rest, /^ est le même export que «»\u00a0: il n’est compté qu’une fois\.$/);
  }
  assert.ok(rest.startsWith(NB + ': '), m.text);
  assert.ok(FRENCH.test(rest.slice(3)), m.text);
  if (m.kind === 'version') {
    assert.equal(list.length, before + 1);
    return assert.ok(rest.startsWith(NB + ': Le questionnaire a changé depuis cet export'), m.text);
  }
  assert.ok(m.kind === 'etranger' || m.kind === 'autre', m.kind);
  assert.equal(list.length, before);
  assert.ok(rest.endsWith(' Il n’est pas compté.'), m.text);
}

// Un répondant compté : un état que l’auto-diagnostic relit à l’identique ; d’un fichier de la
// même version qui dit ses scores, ce sont ceux de ses réponses.
function checkRespondent(data, r, src) {
  assert.deepEqual(D.validateState(data, JSON.parse(JSON.stringify(r.state))), r.state);
  assert.equal(typeof r.label, 'string');
  if (src.text === undefined || r.changes) return;
  const said = JSON.parse(src.text).scores, res = D.scoreAxes(data, r.state.answers);
  for (const a of data.axes) {
    if (said && said[a.id] !== undefined) {
      assert.equal(said[a.id].score, res[a.id].score);
      assert.equal(said[a.id].niveau, res[a.id].niveau);
    }
  }
}

// La synthèse : par axe, les scores de chacun, le nombre de scores, min, max et une médiane
// entre les deux ; par question, une répartition qui compte chaque réponse une fois.
function checkSynthesis(data, list) {
  const agg = Y.aggregate(data, list), res = list.map((r) => D.scoreAxes(data, r.state.answers));
  for (const a of data.axes) {
    const x = agg.axes[a.id], scores = res.map((r) => r[a.id].score), v = scores.filter((s) => s !== null);
    assert.deepEqual(x.scores, scores);
    assert.equal(x.repondants, v.length);
    if (!v.length) {
      assert.deepEqual([x.mediane, x.min, x.max], [null, null, null]);
      continue;
    }
    assert.equal(x.min, Math.min(...v));
    assert.equal(x.max, Math.max(...v));
    assert.ok(Number.isInteger(x.mediane) && x.min <= x.mediane && x.mediane <= x.max, JSON.stringify(x));
  }
  for (const x of data.questions) {
    const o = agg.questions[x.id], answered = list.filter((r) => r.state.answers[x.id] != null).length;
    const counted = x.points.reduce((n, p, i) => n + o.repartition[i], o.repartition.nsp);
    assert.equal(counted, answered);
    assert.equal(agg.aDiscuter.includes(x.id), o.aDiscuter === true);
  }
  const exported = JSON.parse(Y.toJSON(data, list, agg));
  assert.equal(exported.format, 'vmi-synthese');
  assert.equal(exported.repondants.length, list.length);
  assert.deepEqual(Object.keys(exported.axes), data.axes.map((a) => a.id));
  const csv = Y.toCSV(data, list, agg);
  assert.ok(csv.startsWith('\ufeff') && csv.endsWith('\r\n'));
}

function holds(name, arbitrary, predicate) {
  const out = F.check(name, arbitrary, predicate);
  assert.ok(!out.failed, fc.defaultReportMessage(out));
}

test('synthèse d’équipe : toute liste de fichiers et de liens donne des répondants valides ou des messages en français', () => {
  holds('synthèse', F.versioned.chain((data) => fc.tuple(fc.constant(data), sources(data))), ([data, srcs]) => {
    const started = Date.now(), list = [];
    srcs.forEach((src) => {
      const before = list.length;
      addOne(data, list, src);
      if (list.length > before) checkRespondent(data, list[list.length - 1], src);
    });
    checkSynthesis(data, list);
    return Date.now() - started < TIME;
  });
});

test('versions : seules les réponses aux questions inchangées sont relues, et les changements sont dits', () => {
  const arbitrary = F.versioned.chain((data) => fc.tuple(fc.constant(data), F.validState(data), otherVersion(data)));
  holds('versions', arbitrary, ([data, state, old]) => {
    const text = JSON.stringify(exportOf(data, state, old)), r = S.readExport(data, text);
    const same = old.version === data.questionnaire.version;
    const changed = data.questions.filter((x) => old.questions[x.id] !== undefined && old.questions[x.id] !== x.h);
    const appeared = data.questions.filter((x) => old.questions[x.id] === undefined);
    const gone = Object.keys(old.questions).filter((id) => !data.questions.some((x) => x.id === id));
    const moved = !same && (changed.length + appeared.length + gone.length) > 0;
    const kept = Object.fromEntries(Object.entries(state.answers).filter(([id]) =>
      !moved || old.questions[id] === data.questions.find((x) => x.id === id).h));
    assert.deepEqual(r.state.answers, kept);
    assert.equal(r.changes.same, !moved);
    if (moved) {
      assert.deepEqual(r.changes.changed, changed.map((x) => x.id));
      assert.deepEqual(r.changes.appeared, appeared.map((x) => x.id));
      assert.deepEqual(r.changes.gone, gone);
    }
    const said = S.describeChanges(data, r.changes);
    assert.ok(moved ? said.startsWith('Le questionnaire a changé depuis cet export') && !LEAK.test(unquoted(said)) : said === '');
    return true;
  });
});

test('un fichier d’une autre version retouché pour paraître à jour est refusé s’il ment sur ses scores', () => {
  const data = { questionnaire: { id: 'diagnostic', version: 'aaaa0000' }, axes: [{ id: 'a', nom: 'Données' }],
    niveaux: [{ min: 0, nom: 'Début' }, { min: 50, nom: 'Suite' }],
    questions: [{ id: 'q', axe: 'a', points: [0, 4], h: 'h1' }], recommandations: [] };
  const o = exportOf(data, { answers: { q: 0 }, targets: {}, notes: {} });
  o.scores.a = { score: 100, niveau: 'Suite' };
  const list = [], msgs = Y.addSources(data, list, [{ name: 'alix.json', text: JSON.stringify(o) }]);
  assert.equal(list.length, 0);
  assert.match(msgs[0].text, /^«\u00a0alix\.json\u00a0»\u00a0: Les scores enregistrés dans ce fichier ne correspondent pas/);
});

test.after(() => {
  if (F.PROFILE === 'fuzz') {
    console.log('Synthèse d’équipe : ' + F.tally.runs + ' entrées générées, ' + F.tally.failed + ' en échec (graine ' + F.SEED + ').');
  }
});
