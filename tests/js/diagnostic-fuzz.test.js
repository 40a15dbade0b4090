'use strict';
// Properties of diagnostic-core.js: any input (share link, imported file, saved state) gives
// either a valid state or an error in French; never an exception of another kind, never a
// state whose score differs from what it says.
const test = require('node:test');
const assert = require('node:assert/strict');
const Diagnostic = require('../../overrides/assets/javascripts/diagnostic-core.js');
// Exports, imports and share links live in followup-core.js (loaded on first use).
const FollowUp = require('../../overrides/assets/javascripts/followup-core.js');
const Fuzzing = require('./fuzzing.js');
const { fc, holds } = Fuzzing;

const SHARE = 'Le lien de partage est incomplet ou abîmé.';
// A link that names a version this questionnaire does not have (a mutated or older one).
const OTHER_VERSION = 'Ce lien de partage a été créé avec une autre version du questionnaire\u00a0: ' +
  'ses réponses ne peuvent pas être relues.';
const FRENCH = /^(Le |La |Les |Ce |Cette |Version |Question |Réponse |Axe |Niveau |Note )/;
const LEAK = /undefined|\bnull\b|NaN|\[object|TypeError|Cannot|Unexpected|is not/;

// The outcome of a call: { state } or { error }, letting through any exception that is not
// an Error with a French message.
function outcome(call) {
  try {
    return { state: call() };
  } catch (e) {
    if (!(e instanceof Error) || typeof e.message !== 'string' || !FRENCH.test(e.message) ||
      LEAK.test(e.message)) {
      throw new Error('escaping exception: ' + (e && e.stack || e), { cause: e });
    }
    return { error: e.message };
  }
}

// A valid state: only known questions and axes, values within their bounds, read back the
// same, and whole scores from 0 to 100 whose level is the one the scale gives.
function isValid(data, s) {
  if (!partsValid(data, s)) return false;
  const again = Diagnostic.validateState(data, JSON.parse(JSON.stringify(s)));
  assert.deepEqual(again, s);
  return scoresValid(data, s);
}
const isIndex = (v, length) => Number.isInteger(v) && v >= 0 && v < length;
function partsValid(data, s) {
  const qs = new Map(data.questions.map((x) => [x.id, x]));
  const axes = new Set(data.axes.map((a) => a.id));
  const answerValid = ([id, v]) => qs.has(id) && (v === 'nsp' || isIndex(v, qs.get(id).points.length));
  return Object.entries(s.answers).every(answerValid)
    && Object.entries(s.targets).every(([id, v]) => axes.has(id) && isIndex(v, data.niveaux.length))
    && Object.entries(s.notes || {}).every(([id, v]) => axes.has(id) && typeof v === 'string');
}
function scoresValid(data, s) {
  const res = Diagnostic.scoreAxes(data, s.answers);
  return data.axes.every((a) => {
    const r = res[a.id];
    if (r.score !== null && !(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100)) return false;
    const level = Diagnostic.levelFor(data.niveaux, r.score);
    return r.niveau === (r.score === null ? null : level && level.nom);
  });
}

function shareCodes(data) {
  const n = data.questions.length;
  const m = data.axes.length;
  return fc.oneof(
    fc.string(),
    // lone surrogates included
    fc.array(fc.nat(0xffff), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes)),
    fc.stringMatching(new RegExp('^1[-n0-9]{' + n + '}\\.[-0-9]{' + m + '}$')),
    Fuzzing.validState(data).map((s) => FollowUp.encodeShare(data, s)).chain(Fuzzing.textMutation),
    fc.constantFrom('', '1', '1.', '.', null, undefined, 42, {}, '1'.repeat(100000)));
}

function importTexts(data) {
  const exported = Fuzzing.validState(data).map((s) => JSON.parse(FollowUp.toJSON(data, s)));
  return fc.oneof(
    fc.string(),
    fc.json(),
    Fuzzing.anyObject.map((o) => JSON.stringify(Object.assign({ format: 'vmi-diagnostic', v: 1 }, o))),
    exported.map((o) => JSON.stringify(o)).chain(Fuzzing.textMutation),
    exported.chain(Fuzzing.mutated).map((o) => JSON.stringify(o)),
    exported.chain((o) => fc.constantFrom('answers', 'targets', 'notes', 'scores').chain((k) =>
      Fuzzing.mutated(o[k]).map((v) => JSON.stringify(Object.assign({}, o, { [k]: v }))))),
    exported.chain((o) => fc.constantFrom(...Object.keys(o.scores)).chain((id) =>
      Fuzzing.mutated(o.scores[id]).map((v) => JSON.stringify(Object.assign({}, o,
        { scores: Object.assign({}, o.scores, { [id]: v }) }))))));
}

test('share link: any code gives a valid state that encodes back the same, or the French error', () => {
  holds('partage', Fuzzing.questionnaire.chain((data) => fc.tuple(fc.constant(data),
    shareCodes(data))), ([data, code]) => {
    const r = outcome(() => FollowUp.decodeShare(data, code));
    if (r.error) return r.error === SHARE || r.error === OTHER_VERSION;
    return isValid(data, r.state) && FollowUp.encodeShare(data, r.state) === code;
  });
});

test('imported file: a valid state whose scores are the file’s, or a French error', () => {
  holds('import', Fuzzing.questionnaire.chain((data) => fc.tuple(fc.constant(data),
    importTexts(data))), ([data, text]) => {
    const r = outcome(() => FollowUp.fromJSON(data, text));
    if (r.error) return true;
    if (!isValid(data, r.state)) return false;
    const said = JSON.parse(text).scores;
    const res = Diagnostic.scoreAxes(data, r.state.answers);
    for (const a of data.axes) {
      if (said && said[a.id] !== undefined &&
        (said[a.id].score !== res[a.id].score || said[a.id].niveau !== res[a.id].niveau)) return false;
    }
    assert.deepEqual(FollowUp.fromJSON(data, FollowUp.toJSON(data, r.state)), r.state);
    return true;
  });
});

test('saved state: any object read gives a valid state or a French error', () => {
  const saved = (data) => fc.oneof(Fuzzing.anyValue, Fuzzing.anyObject,
    Fuzzing.validState(data).chain(Fuzzing.mutated),
    Fuzzing.validState(data).chain((s) => fc.constantFrom('answers', 'targets', 'notes').chain((k) =>
      Fuzzing.mutated(s[k]).map((v) => Object.assign({}, s, { [k]: v })))));
  holds('état', Fuzzing.questionnaire.chain((data) => fc.tuple(fc.constant(data),
    saved(data))), ([data, o]) => {
    const r = outcome(() => Diagnostic.validateState(data, o));
    return r.error !== undefined || isValid(data, r.state);
  });
});

test('an edited export whose scores no longer follow its answers is refused', () => {
  const data = { axes: [{ id: 'a', nom: 'Données' }], niveaux: [{ min: 0, nom: 'Début' },
    { min: 50, nom: 'Suite' }],
  questions: [{ id: 'q', axe: 'a', points: [0, 4] }], recommandations: [] };
  const text = FollowUp.toJSON(data, { answers: { q: 0 }, targets: {}, notes: {} });
  const edited = JSON.parse(text);
  edited.scores.a = { score: 100, niveau: 'Suite' };
  assert.throws(() => FollowUp.fromJSON(data, JSON.stringify(edited)),
    /ne correspondent pas à ses réponses \(axe «\u00a0Données\u00a0»\)/);
  assert.deepEqual(FollowUp.fromJSON(data, text).answers, { q: 0 });
});

test.after(() => {
  if (Fuzzing.PROFILE === 'fuzz') {
    console.log('Diagnostic : ' + Fuzzing.tally.runs + ' entrées générées, ' + Fuzzing.tally.failed +
      ' en échec (graine ' + Fuzzing.SEED + ').');
  }
});
