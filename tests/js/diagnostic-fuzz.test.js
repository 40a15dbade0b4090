'use strict';
// Propriétés de diagnostic-core.js : toute entrée (lien de partage, fichier importé, état
// enregistré) donne soit un état valide, soit une erreur en français ; jamais une exception
// d'un autre type, jamais un état dont le score diffère de ce qu'il dit.
const test = require('node:test');
const assert = require('node:assert/strict');
const D = require('../../overrides/assets/javascripts/diagnostic-core.js');
// Exports, imports and share links live in suivi-core.js (loaded on first use).
const S = require('../../overrides/assets/javascripts/suivi-core.js');
const F = require('./fuzzing.js');
const { fc } = F;

const SHARE = 'Le lien de partage est incomplet ou abîmé.';
// A link that names a version this questionnaire does not have (a mutated or older one).
const OTHER_VERSION = 'Ce lien de partage a été créé avec une autre version du questionnaire\u00a0: ses réponses ne peuvent pas être relues.';
const FRENCH = /^(Le |La |Les |Ce |Cette |Version |Question |Réponse |Axe |Niveau |Note )/;
const LEAK = /undefined|\bnull\b|NaN|\[object|TypeError|Cannot|Unexpected|is not/;

// Le résultat d'un appel : { state } ou { error }, en laissant passer toute exception qui
// n'est pas une Error au message français.
function outcome(call) {
  try {
    return { state: call() };
  } catch (e) {
    if (!(e instanceof Error) || typeof e.message !== 'string' || !FRENCH.test(e.message) || LEAK.test(e.message)) {
      throw new Error('exception qui s’échappe : ' + (e && e.stack || e), { cause: e });
    }
    return { error: e.message };
  }
}

// Un état valide : seulement des questions et axes connus, des valeurs dans leurs bornes,
// relu à l'identique, et des scores entiers de 0 à 100 dont le niveau est celui du barème.
function isValid(data, s) {
  const qs = new Map(data.questions.map((x) => [x.id, x]));
  const axes = new Set(data.axes.map((a) => a.id));
  for (const [id, v] of Object.entries(s.answers)) {
    if (!qs.has(id) || !(v === 'nsp' || (Number.isInteger(v) && v >= 0 && v < qs.get(id).points.length))) return false;
  }
  for (const [id, v] of Object.entries(s.targets)) {
    if (!axes.has(id) || !(Number.isInteger(v) && v >= 0 && v < data.niveaux.length)) return false;
  }
  for (const [id, v] of Object.entries(s.notes || {})) if (!axes.has(id) || typeof v !== 'string') return false;
  const again = D.validateState(data, JSON.parse(JSON.stringify(s)));
  assert.deepEqual(again, s);
  const res = D.scoreAxes(data, s.answers);
  for (const a of data.axes) {
    const r = res[a.id];
    if (r.score !== null && !(Number.isInteger(r.score) && r.score >= 0 && r.score <= 100)) return false;
    const level = D.levelFor(data.niveaux, r.score);
    if (r.niveau !== (r.score === null ? null : level && level.nom)) return false;
  }
  return true;
}

function shareCodes(data) {
  const n = data.questions.length, m = data.axes.length;
  return fc.oneof(
    fc.string(),
    fc.array(fc.nat(0xffff), { maxLength: 40 }).map((codes) => String.fromCharCode(...codes)), // surrogates seuls compris
    fc.stringMatching(new RegExp('^1[-n0-9]{' + n + '}\\.[-0-9]{' + m + '}$')),
    F.validState(data).map((s) => S.encodeShare(data, s)).chain(F.textMutation),
    fc.constantFrom('', '1', '1.', '.', null, undefined, 42, {}, '1'.repeat(100000)));
}

function importTexts(data) {
  const exported = F.validState(data).map((s) => JSON.parse(S.toJSON(data, s)));
  return fc.oneof(
    fc.string(),
    fc.json(),
    F.anyObject.map((o) => JSON.stringify(Object.assign({ format: 'vmi-diagnostic', v: 1 }, o))),
    exported.map((o) => JSON.stringify(o)).chain(F.textMutation),
    exported.chain(F.mutated).map((o) => JSON.stringify(o)),
    exported.chain((o) => fc.constantFrom('answers', 'targets', 'notes', 'scores').chain((k) =>
      F.mutated(o[k]).map((v) => JSON.stringify(Object.assign({}, o, { [k]: v }))))),
    exported.chain((o) => fc.constantFrom(...Object.keys(o.scores)).chain((id) =>
      F.mutated(o.scores[id]).map((v) => JSON.stringify(Object.assign({}, o,
        { scores: Object.assign({}, o.scores, { [id]: v }) }))))));
}

function holds(name, arbitrary, predicate) {
  const out = F.check(name, arbitrary, predicate);
  assert.ok(!out.failed, fc.defaultReportMessage(out));
}

test('lien de partage : tout code donne un état valide, ré-encodé à l’identique, ou l’erreur en français', () => {
  holds('partage', F.questionnaire.chain((data) => fc.tuple(fc.constant(data), shareCodes(data))), ([data, code]) => {
    const r = outcome(() => S.decodeShare(data, code));
    if (r.error) return r.error === SHARE || r.error === OTHER_VERSION;
    return isValid(data, r.state) && S.encodeShare(data, r.state) === code;
  });
});

test('fichier importé : état valide dont les scores sont ceux du fichier, ou erreur en français', () => {
  holds('import', F.questionnaire.chain((data) => fc.tuple(fc.constant(data), importTexts(data))), ([data, text]) => {
    const r = outcome(() => S.fromJSON(data, text));
    if (r.error) return true;
    if (!isValid(data, r.state)) return false;
    const said = JSON.parse(text).scores, res = D.scoreAxes(data, r.state.answers);
    for (const a of data.axes) {
      if (said && said[a.id] !== undefined &&
        (said[a.id].score !== res[a.id].score || said[a.id].niveau !== res[a.id].niveau)) return false;
    }
    assert.deepEqual(S.fromJSON(data, S.toJSON(data, r.state)), r.state);
    return true;
  });
});

test('état enregistré : tout objet relu donne un état valide ou une erreur en français', () => {
  const saved = (data) => fc.oneof(F.anyValue, F.anyObject, F.validState(data).chain(F.mutated),
    F.validState(data).chain((s) => fc.constantFrom('answers', 'targets', 'notes').chain((k) =>
      F.mutated(s[k]).map((v) => Object.assign({}, s, { [k]: v })))));
  holds('état', F.questionnaire.chain((data) => fc.tuple(fc.constant(data), saved(data))), ([data, o]) => {
    const r = outcome(() => D.validateState(data, o));
    return r.error !== undefined || isValid(data, r.state);
  });
});

test('un export retouché dont les scores ne suivent plus les réponses est refusé', () => {
  const data = { axes: [{ id: 'a', nom: 'Données' }], niveaux: [{ min: 0, nom: 'Début' }, { min: 50, nom: 'Suite' }],
    questions: [{ id: 'q', axe: 'a', points: [0, 4] }], recommandations: [] };
  const text = S.toJSON(data, { answers: { q: 0 }, targets: {}, notes: {} });
  const edited = JSON.parse(text);
  edited.scores.a = { score: 100, niveau: 'Suite' };
  assert.throws(() => S.fromJSON(data, JSON.stringify(edited)),
    /ne correspondent pas à ses réponses \(axe «\u00a0Données\u00a0»\)/);
  assert.deepEqual(S.fromJSON(data, text).answers, { q: 0 });
});

test.after(() => {
  if (F.PROFILE === 'fuzz') {
    console.log('Diagnostic : ' + F.tally.runs + ' entrées générées, ' + F.tally.failed + ' en échec (graine ' + F.SEED + ').');
  }
});
