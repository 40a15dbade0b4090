'use strict';
/* Profils et générateurs des tests par propriétés du navigateur, partagés par `make test`
 * (60 entrées par propriété, graine fixe) et `make fuzz` (3 400 par propriété) :
 * VMI_FUZZ_PROFILE=fuzz, VMI_FUZZ_RUNS (entrées par propriété), VMI_FUZZ_SEED. */
const fc = require('fast-check');

const PROFILE = process.env.VMI_FUZZ_PROFILE || 'test';
const RUNS = Number(process.env.VMI_FUZZ_RUNS) || (PROFILE === 'fuzz' ? 3400 : 60);
const SEED = Number(process.env.VMI_FUZZ_SEED || 17);

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

// Un questionnaire comme le produit content/diagnostic.yml (modèles de hooks/vmi/models.py) :
// niveaux croissants depuis 0, de 2 à 6 réponses de 0 à 4 points par question.
const questionnaire = fc.uniqueArray(slug, { minLength: 1, maxLength: 5 }).chain((axes) => fc.record({
  axes: fc.constant(axes.map((id) => ({ id, nom: 'Axe ' + id }))),
  niveaux: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 4 }).map((mins) =>
    [0].concat(mins.sort((a, b) => a - b)).map((min, i) => ({ min, nom: 'Niveau ' + i }))),
  questions: fc.uniqueArray(slug, { minLength: 1, maxLength: 12 }).chain((ids) => fc.tuple(
    ...ids.map((id) => fc.record({
      id: fc.constant('q-' + id), axe: fc.constantFrom(...axes),
      points: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 6 })
    })))),
  recommandations: fc.array(fc.record({ axe: fc.constantFrom(...axes), jusqu_a: fc.integer({ min: 0, max: 100 }),
    texte_html: fc.constant('Agir'), liens: fc.constant([]) }), { maxLength: 3 })
}));

// Le même, avec l’identité que le site lui donne (hooks/vmi/diagnostic_version.py) : un id, une
// version et l’empreinte de chaque question, que portent les exports et les liens de partage.
const hex = fc.stringMatching(/^[0-9a-f]{8}$/);
const versioned = questionnaire.chain((data) => fc.tuple(hex, fc.array(hex, {
  minLength: data.questions.length, maxLength: data.questions.length
})).map(([version, hashes]) => Object.assign({}, data, {
  questionnaire: { id: 'diagnostic', version },
  questions: data.questions.map((x, i) => Object.assign({}, x, { h: hashes[i] }))
})));

// Un état valide pour un questionnaire donné.
function validState(data) {
  const answers = fc.record(Object.fromEntries(data.questions.map((q) => [q.id,
    fc.oneof(fc.constant('nsp'), fc.integer({ min: 0, max: q.points.length - 1 }))])), { requiredKeys: [] });
  const targets = fc.record(Object.fromEntries(data.axes.map((a) => [a.id,
    fc.integer({ min: 0, max: data.niveaux.length - 1 })])), { requiredKeys: [] });
  const notes = fc.record(Object.fromEntries(data.axes.map((a) => [a.id, fc.string({ minLength: 1 })])),
    { requiredKeys: [] });
  return fc.record({ v: fc.constant(1), answers, targets, notes,
    date: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) });
}

// Clés et valeurs qui ont cassé des analyseurs ailleurs.
const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '', ' ', 'nsp');
const nastyValue = fc.constantFrom(-0, NaN, Infinity, -1, 1.5, 1e21, 2 ** 53, '0', 'nsp', null, true, [], {}, [0], '');
const anyValue = fc.oneof(fc.jsonValue(), nastyValue);
const anyObject = fc.dictionary(fc.oneof(nastyKey, fc.string()), anyValue);

// Une modification d'un objet valide : une clé remplacée, ajoutée ou retirée, à un niveau.
function mutated(object) {
  const keys = Object.keys(object);
  return fc.oneof(
    fc.tuple(keys.length ? fc.constantFrom(...keys) : fc.constant('v'), anyValue)
      .map(([k, v]) => Object.assign({}, object, { [k]: v })),
    fc.tuple(fc.oneof(nastyKey, fc.string()), anyValue).map(([k, v]) => {
      const o = Object.assign({}, object); Object.defineProperty(o, k, { value: v, enumerable: true, writable: true });
      return o;
    }),
    keys.length ? fc.constantFrom(...keys).map((k) => { const o = Object.assign({}, object); delete o[k]; return o; })
      : fc.constant(object));
}

// Une modification d'un texte : caractère inséré, supprimé ou changé, texte coupé.
function textMutation(text) {
  return fc.oneof(
    fc.tuple(fc.nat(text.length), fc.string({ maxLength: 3 })).map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
    fc.nat(Math.max(text.length - 1, 0)).map((i) => text.slice(0, i) + text.slice(i + 1)),
    fc.tuple(fc.nat(Math.max(text.length - 1, 0)), fc.constantFrom('-', 'n', '.', '0', '9', '5', 'x', ' ', '%', '\u0000'))
      .map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
    fc.nat(text.length).map((i) => text.slice(0, i)));
}

// Compte ce qui a tourné : `make fuzz` affiche le total.
const tally = { runs: 0, failed: 0 };
function check(name, arbitrary, predicate) {
  const out = fc.check(fc.property(arbitrary, predicate), { numRuns: RUNS, seed: SEED, endOnFailure: PROFILE !== 'fuzz', includeErrorInReport: true });
  tally.runs += out.numRuns;
  if (out.failed) tally.failed += 1;
  return out;
}

module.exports = { fc, PROFILE, RUNS, SEED, questionnaire, versioned, validState, anyValue, anyObject, nastyKey,
  mutated, textMutation, check, tally };
