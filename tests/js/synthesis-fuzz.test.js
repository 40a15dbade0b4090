'use strict';
// Properties of the team synthesis (synthesis-core.js) and of matching questionnaire versions
// (followup-core.js): any list of files and pasted links gives, for each, a counted respondent
// or a French message naming it; never an exception, never a synthesis whose figures do not
// follow counted answers.
const test = require('node:test');
const assert = require('node:assert/strict');
const Diagnostic = require('../../overrides/assets/javascripts/diagnostic-core.js');
const FollowUp = require('../../overrides/assets/javascripts/followup-core.js');
const Synthesis = require('../../overrides/assets/javascripts/synthesis-core.js');
const Fuzzing = require('./fuzzing.js');
const { fc, holds } = Fuzzing;

const NB = '\u00a0';
const q = (s) => '«' + NB + s + NB + '»';
const LEAK = /undefined|\bnull\b|NaN|\[object|TypeError|Cannot|Unexpected|is not|Error/;
const FRENCH = /^(Le |La |Les |Ce |Cette )/;
const TIME = 2000; // ms for one whole synthesis, on a loaded machine

// What a message says, without the quoted texts (file names, ids from the file).
const unquoted = (text) => text.replace(/«\u00a0[\s\S]*?\u00a0»/g, '«»');

// Another version of the questionnaire: each question kept, changed or absent, and questions
// removed since.
const otherHex = fc.stringMatching(/^[0-9a-f]{8}$/);
const goneIds = fc.uniqueArray(fc.stringMatching(/^ancienne-[a-z0-9]{1,6}$/), { maxLength: 3 });
function otherVersion(data) {
  return fc.tuple(fc.oneof(fc.constant(data.questionnaire.version), otherHex),
    fc.array(fc.constantFrom('same', 'changed', 'absent'), { minLength: data.questions.length,
      maxLength: data.questions.length }),
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
  const o = JSON.parse(FollowUp.toJSON(data, state));
  if (identity) o.questionnaire = identity;
  return o;
}

// The text of a file dropped on the page: an export (intact, edited, cut short, of another
// version or another questionnaire), an exported synthesis, or anything.
function fileText(data) {
  const state = Fuzzing.validState(data).chain((s) => fc.record({ nom: fc.oneof(fc.constant(''), fc.string()),
    role: fc.oneof(fc.constant(''), fc.string()) }).map((who) => Object.assign({}, s, who)));
  const exported = state.map((s) => exportOf(data, s));
  return fc.oneof(
    exported.map((o) => JSON.stringify(o)),
    exported.map((o) => JSON.stringify(o)).chain(Fuzzing.textMutation),
    exported.chain(Fuzzing.mutated).map((o) => JSON.stringify(o)),
    exported.chain((o) => fc.constantFrom('answers', 'targets', 'notes', 'scores',
      'questionnaire').chain((k) =>
      Fuzzing.mutated(o[k] || {}).map((v) => JSON.stringify(Object.assign({}, o, { [k]: v }))))),
    fc.tuple(state, otherVersion(data)).map(([s, id]) => JSON.stringify(exportOf(data, s, id))),
    fc.tuple(state, fc.string()).map(([s, id]) => JSON.stringify(exportOf(data, s,
      Object.assign({}, FollowUp.identity(data), { id })))),
    state.map((s) => {
      const list = [];
      Synthesis.addSources(data, list, [{ name: 'a.json', text: FollowUp.toJSON(data, s) }]);
      return Synthesis.toJSON(data, list, Synthesis.aggregate(data, list));
    }),
    fc.string(), fc.json(), fc.constantFrom('', '{}', 'null', '[]', '"vmi-diagnostic"',
      '\ufeff{"format":"vmi-diagnostic","v":1}'));
}

// A line pasted in the links box: a share code, alone or in its address, edited, of another
// version, or anything.
function linkLine(data) {
  const code = Fuzzing.validState(data).map((s) => FollowUp.encodeShare(data, s));
  return fc.oneof(
    code,
    code.map((c) => 'https://exempleville.fr/diagnostic/#r=' + c),
    code.chain(Fuzzing.textMutation),
    code.map((c) => c.replace(/\.[0-9a-f]+$/, '.00000000')),
    fc.string(), fc.constantFrom('', '#r=', 'https://exempleville.fr/diagnostic/'));
}

function sources(data) {
  const name = fc.oneof(fc.string(), fc.constantFrom('alix.json', '', '__proto__', 'constructor'));
  const one = fc.oneof(fc.record({ name, text: fileText(data) }), fc.record({ link: linkLine(data) }));
  return fc.array(one, { maxLength: 6 }).chain((list) => (list.length
    ? fc.tuple(fc.nat(list.length - 1), fc.boolean()).map(([i, again]) => (again
      ? list.concat([list[i]]) : list))
    : fc.constant(list)));
}

// Adds a source as the page does (addSources) and checks what it says of it: at most one
// message, naming it, in French; one more respondent unless it is left out.
function addOne(data, list, src) {
  const before = list.length;
  const msgs = Synthesis.addSources(data, list, [src]);
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

// A counted respondent: a state the self-diagnosis reads back the same; from a file of the
// same version that states its scores, they are those of its answers.
function checkRespondent(data, r, src) {
  assert.deepEqual(Diagnostic.validateState(data, JSON.parse(JSON.stringify(r.state))), r.state);
  assert.equal(typeof r.label, 'string');
  if (src.text === undefined || r.changes) return;
  const said = JSON.parse(src.text).scores;
  const res = Diagnostic.scoreAxes(data, r.state.answers);
  for (const a of data.axes) {
    if (said && said[a.id] !== undefined) {
      assert.equal(said[a.id].score, res[a.id].score);
      assert.equal(said[a.id].niveau, res[a.id].niveau);
    }
  }
}

// The synthesis: by axis, each one's score, the number of scores, min, max and a median
// between them; by question, counts that count each answer once.
function checkSynthesis(data, list) {
  const agg = Synthesis.aggregate(data, list);
  const res = list.map((r) => Diagnostic.scoreAxes(data, r.state.answers));
  for (const a of data.axes) {
    const x = agg.axes[a.id];
    const scores = res.map((r) => r[a.id].score);
    const v = scores.filter((s) => s !== null);
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
    const o = agg.questions[x.id];
    const answered = list.filter((r) => r.state.answers[x.id] != null).length;
    const counted = x.points.reduce((n, p, i) => n + o.repartition[i], o.repartition.nsp);
    assert.equal(counted, answered);
    assert.equal(agg.aDiscuter.includes(x.id), o.aDiscuter === true);
  }
  const exported = JSON.parse(Synthesis.toJSON(data, list, agg));
  assert.equal(exported.format, 'vmi-synthese');
  assert.equal(exported.repondants.length, list.length);
  assert.deepEqual(Object.keys(exported.axes), data.axes.map((a) => a.id));
  const csv = Synthesis.toCSV(data, list, agg);
  assert.ok(csv.startsWith('\ufeff') && csv.endsWith('\r\n'));
}

test('team synthesis: any list of files and links gives valid respondents or French messages', () => {
  holds('synthèse', Fuzzing.versioned.chain((data) => fc.tuple(fc.constant(data),
    sources(data))), ([data, srcs]) => {
    const started = Date.now();
    const list = [];
    srcs.forEach((src) => {
      const before = list.length;
      addOne(data, list, src);
      if (list.length > before) checkRespondent(data, list[list.length - 1], src);
    });
    checkSynthesis(data, list);
    return Date.now() - started < TIME;
  });
});

test('versions: only answers to unchanged questions are read, and the changes are stated', () => {
  const arbitrary = Fuzzing.versioned.chain((data) => fc.tuple(fc.constant(data),
    Fuzzing.validState(data), otherVersion(data)));
  holds('versions', arbitrary, ([data, state, old]) => {
    const text = JSON.stringify(exportOf(data, state, old));
    const r = FollowUp.readExport(data, text);
    const same = old.version === data.questionnaire.version;
    const changed = data.questions.filter((x) => old.questions[x.id] !== undefined &&
      old.questions[x.id] !== x.h);
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
    const said = FollowUp.describeChanges(data, r.changes);
    assert.ok(moved ? said.startsWith('Le questionnaire a changé depuis cet export') &&
      !LEAK.test(unquoted(said)) : said === '');
    return true;
  });
});

test('a file of another version edited to look current is refused if it lies about its scores', () => {
  const data = { questionnaire: { id: 'diagnostic', version: 'aaaa0000' },
    axes: [{ id: 'a', nom: 'Données' }],
    niveaux: [{ min: 0, nom: 'Début' }, { min: 50, nom: 'Suite' }],
    questions: [{ id: 'q', axe: 'a', points: [0, 4], h: 'h1' }], recommandations: [] };
  const o = exportOf(data, { answers: { q: 0 }, targets: {}, notes: {} });
  o.scores.a = { score: 100, niveau: 'Suite' };
  const list = [];
  const msgs = Synthesis.addSources(data, list, [{ name: 'alix.json', text: JSON.stringify(o) }]);
  assert.equal(list.length, 0);
  assert.match(msgs[0].text,
    /^«\u00a0alix\.json\u00a0»\u00a0: Les scores enregistrés dans ce fichier ne correspondent pas/);
});

test.after(() => {
  if (Fuzzing.PROFILE === 'fuzz') {
    console.log('Synthèse d’équipe : ' + Fuzzing.tally.runs + ' entrées générées, ' + Fuzzing.tally.failed +
      ' en échec (graine ' + Fuzzing.SEED + ').');
  }
});
