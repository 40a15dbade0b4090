'use strict';
/* Profiles and generators of the browser property tests, shared by `make test` (60 inputs
 * a property, fixed seed) and `make fuzz` (3 400 a property): VMI_FUZZ_PROFILE=fuzz,
 * VMI_FUZZ_RUNS (inputs a property), VMI_FUZZ_SEED. */
const assert = require('node:assert/strict');
const fc = require('fast-check');

const PROFILE = process.env.VMI_FUZZ_PROFILE || 'test';
const RUNS = Number(process.env.VMI_FUZZ_RUNS) || (PROFILE === 'fuzz' ? 3400 : 60);
const SEED = Number(process.env.VMI_FUZZ_SEED || 17);

const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);

// A questionnaire as content/diagnostic.yml gives it (models of hooks/vmi/model/models.py): levels
// rising from 0, 2 to 6 answers of 0 to 4 points a question.
const questionnaire = fc.uniqueArray(slug, { minLength: 1, maxLength: 5 }).chain((axes) => fc.record({
  axes: fc.constant(axes.map((id) => ({ id, nom: 'Axe ' + id }))),
  niveaux: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { maxLength: 4 }).map((mins) =>
    [0].concat(mins.sort((a, b) => a - b)).map((min, i) => ({ min, nom: 'Niveau ' + i }))),
  questions: fc.uniqueArray(slug, { minLength: 1, maxLength: 12 }).chain((ids) => fc.tuple(
    ...ids.map((id) => fc.record({
      id: fc.constant('q-' + id), axe: fc.constantFrom(...axes),
      points: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 6 })
    })))),
  recommandations: fc.array(fc.record({ axe: fc.constantFrom(...axes),
    jusqu_a: fc.integer({ min: 0, max: 100 }),
    texte_html: fc.constant('Agir'), liens: fc.constant([]) }), { maxLength: 3 })
}));

// The same, with the identity the site gives it (hooks/vmi/diagnostic/version.py): an id, a
// version and each question's hash, which exports and share links carry.
const hex = fc.stringMatching(/^[0-9a-f]{8}$/);
const versioned = questionnaire.chain((data) => fc.tuple(hex, fc.array(hex, {
  minLength: data.questions.length, maxLength: data.questions.length
})).map(([version, hashes]) => Object.assign({}, data, {
  questionnaire: { id: 'diagnostic', version },
  questions: data.questions.map((x, i) => Object.assign({}, x, { h: hashes[i] }))
})));

// A valid state for a given questionnaire.
function validState(data) {
  const answers = fc.record(Object.fromEntries(data.questions.map((q) => [q.id,
    fc.oneof(fc.constant('nsp'), fc.integer({ min: 0, max: q.points.length - 1 }))])), { requiredKeys: [] });
  const targets = fc.record(Object.fromEntries(data.axes.map((a) => [a.id,
    fc.integer({ min: 0, max: data.niveaux.length - 1 })])), { requiredKeys: [] });
  const notes = fc.record(Object.fromEntries(data.axes.map((a) => [a.id, fc.string({ minLength: 1 })])),
    { requiredKeys: [] });
  return fc.record({ v: fc.constant(1), answers, targets, notes,
    date: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    collectivite: fc.option(territory, { nil: undefined }) }).map((s) => {
    if (s.collectivite === undefined) delete s.collectivite;
    return s;
  });
}

// « Votre collectivité » as the page saves it (diagnostic-core.js keeps what is well typed).
const territory = fc.record({
  code: fc.stringMatching(/^[0-9A-Za-z]{1,20}$/), type: fc.constantFrom('commune', 'epci'), nom: fc.string(),
  population: fc.nat(), agents: fc.constantFrom('oui', 'non', 'nsp'), departement: fc.string(),
  epci: fc.option(fc.record({ code: fc.string(), nom: fc.string(), type: fc.string(),
    population: fc.nat() }), { nil: null })
}, { requiredKeys: ['code', 'type', 'nom', 'epci'] });

// Keys and values that broke parsers elsewhere.
const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'hasOwnProperty',
  'toString', '', ' ', 'nsp');
const nastyValue = fc.constantFrom(-0, NaN, Infinity, -1, 1.5, 1e21, 2 ** 53, '0', 'nsp',
  null, true, [], {}, [0], '');
const anyValue = fc.oneof(fc.jsonValue(), nastyValue);
const anyObject = fc.dictionary(fc.oneof(nastyKey, fc.string()), anyValue);

// A change to a valid object: one key replaced, added or removed, at one level.
function mutated(object) {
  const keys = Object.keys(object);
  return fc.oneof(
    fc.tuple(keys.length ? fc.constantFrom(...keys) : fc.constant('v'), anyValue)
      .map(([k, v]) => Object.assign({}, object, { [k]: v })),
    fc.tuple(fc.oneof(nastyKey, fc.string()), anyValue).map(([k, v]) => {
      const o = Object.assign({}, object); Object.defineProperty(o, k,
        { value: v, enumerable: true, writable: true });
      return o;
    }),
    keys.length ? fc.constantFrom(...keys).map((k) => { const o = Object.assign({},
      object); delete o[k]; return o; })
    : fc.constant(object));
}

// A change to a text: a character inserted, removed or changed, the text cut short.
function textMutation(text) {
  return fc.oneof(
    fc.tuple(fc.nat(text.length), fc.string({ maxLength: 3 })).map(([i, s]) => text.slice(0,
      i) + s + text.slice(i)),
    fc.nat(Math.max(text.length - 1, 0)).map((i) => text.slice(0, i) + text.slice(i + 1)),
    fc.tuple(fc.nat(Math.max(text.length - 1, 0)), fc.constantFrom('-', 'n', '.', '0', '9', '5',
      'x', ' ', '%', '\u0000'))
      .map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
    fc.nat(text.length).map((i) => text.slice(0, i)));
}

// Counts what ran: `make fuzz` prints the total.
const tally = { runs: 0, failed: 0 };
function check(name, arbitrary, predicate) {
  const out = fc.check(fc.property(arbitrary, predicate), { numRuns: RUNS, seed: SEED,
    endOnFailure: PROFILE !== 'fuzz', includeErrorInReport: true });
  tally.runs += out.numRuns;
  if (out.failed) tally.failed += 1;
  return out;
}

// A property the test asserts: fast-check's report (counterexample, seed) when it fails.
function holds(name, arbitrary, predicate) {
  const out = check(name, arbitrary, predicate);
  assert.ok(!out.failed, fc.defaultReportMessage(out));
}

module.exports = { fc, PROFILE, RUNS, SEED, questionnaire, versioned, validState,
  anyValue, anyObject, nastyKey,
  mutated, textMutation, check, holds, tally };
