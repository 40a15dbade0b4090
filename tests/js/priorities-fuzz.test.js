'use strict';
// Properties of the decision part of the results (priorities-core.js) over any questionnaire,
// any saved state and any collectivité: never more than six priorities, nothing lost or
// repeated, an applicability among the three values, an .ics whose lines all fit 75 octets.
const test = require('node:test');
const P = require('../../overrides/assets/javascripts/priorities-core.js');
const Diagnostic = require('../../overrides/assets/javascripts/diagnostic-core.js');
const Fuzzing = require('./fuzzing.js');
const { fc } = Fuzzing;

const collectivite = fc.option(fc.record({
  type: fc.constantFrom('commune', 'epci'), population: fc.oneof(fc.nat(),
    fc.constantFrom(3500, 3501, 20000, 50000)),
  agents: fc.constantFrom(undefined, 'oui', 'non', 'nsp'), taille: fc.string(), region: fc.string()
}), { nil: null });
const obligation = (questions, axes) => fc.record({
  concerne: fc.constantFrom('commune', 'epci', 'les-deux'), seuil_population: fc.nat(),
  seuil_population_epci: fc.nat(),
  seuil_agents: fc.constantFrom(null, 50), axe: fc.constantFrom(...axes), questions: fc.subarray(questions)
});

test('property: at most six priorities, the others kept, each applicable recommendation once', () => {
  const input = Fuzzing.questionnaire.chain((data) => fc.tuple(fc.constant(data), Fuzzing.validState(data),
    fc.array(obligation(data.questions.map((q) => q.id), data.axes.map((a) => a.id)),
      { maxLength: 4 }), collectivite));
  Fuzzing.holds('priorités', input, ([data, state, obligations, place]) => {
    data = Object.assign({}, data, { recommandations: data.recommandations.map((r,
      i) => Object.assign({ id: 'r' + i }, r)) });
    const results = Diagnostic.scoreAxes(data, state.answers);
    const applicable = Diagnostic.applicableRecommendations(data, results);
    const got = P.priorities(data, state, results, applicable, obligations, place);
    const ids = got.priorities.concat(got.others).map((p) => p.recommendation.id).sort();
    return got.priorities.length <= 6 &&
      JSON.stringify(ids) === JSON.stringify(applicable.map((r) => r.id).sort()) &&
      obligations.every((o) => !place || ['oui', 'non', 'si-50-agents'].includes(P.applies(o, place)));
  });
});

test('property: any summary and date give an .ics of CRLF lines of at most 75 octets', () => {
  const input = fc.tuple(fc.string({ unit: 'grapheme' }), fc.string(),
    fc.date({ min: new Date(2000, 0, 1), max: new Date(2200, 0, 1), noInvalidDate: true }));
  Fuzzing.holds('ics', input, ([summary, description, date]) => {
    const text = P.ics({ uid: 'x@y', now: date, day: P.addMonths(date, 6), summary, description });
    return text.endsWith('\r\n') &&
      text.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75) &&
      /^\d{4}-\d{2}-\d{2}$/.test(P.addMonths(date, 6));
  });
});
