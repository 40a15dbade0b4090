'use strict';
// Team synthesis: computing time for 30 respondents (reading the 30 JSON exports, duplicates,
// aggregation), on a questionnaire the size of ours (7 axes, 34 questions, 5 answers).
// Usage: node bench/synthesis.js [respondents]; target: under 50 ms for 30.
const FollowUp = require('../overrides/assets/javascripts/followup-core.js');
const Synthesis = require('../overrides/assets/javascripts/synthesis-core.js');

const people = Number(process.argv[2] || 30), AXES = 7, QUESTIONS = 34;
const data = {
  questionnaire: { id: 'banc', version: 'abcdef01' },
  axes: Array.from({ length: AXES }, (_, i) => ({ id: 'a' + i, nom: 'Axe ' + i })),
  niveaux: [0, 20, 40, 60, 80].map((min) => ({ min, nom: 'N' + min })),
  questions: Array.from({ length: QUESTIONS }, (_, i) => ({ id: 'q' + i, axe: 'a' + (i % AXES), points: [0, 1, 2, 3, 4], h: 'h' + i }))
};
let seed = 7;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const files = Array.from({ length: people }, (_, p) => {
  const answers = {};
  data.questions.forEach((x) => { const r = rand(7); answers[x.id] = r === 6 ? 'nsp' : r % 5; });
  return { name: `repondant-${p}.json`, text: FollowUp.toJSON(data, { date: new Date(2026, 0, 1 + p).toISOString(), answers,
    notes: { a0: 'Note ' + p }, nom: 'Personne ' + p }) };
});

function once() {
  const start = process.hrtime.bigint(), respondents = [];
  Synthesis.addSources(data, respondents, files);
  const synthesis = Synthesis.aggregate(data, respondents);
  Synthesis.toCSV(data, respondents, synthesis);
  return [Number(process.hrtime.bigint() - start) / 1e6, respondents.length];
}
once(); // first run compiles the code
const times = Array.from({ length: 20 }, () => once()[0]).sort((a, b) => a - b);
console.log(`Synthèse de ${people} répondants (${QUESTIONS} questions, ${AXES} axes) : ` +
  `médiane ${times[10].toFixed(2)} ms, pire ${times[19].toFixed(2)} ms sur 20 passages ` +
  `(premier passage, code non compilé, exclu) ; objectif < 50 ms.`);
