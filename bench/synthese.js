'use strict';
// Synthèse d’équipe : temps de calcul pour 30 répondants (lecture des 30 exports JSON, doublons,
// agrégation), sur un questionnaire de la taille du nôtre (7 axes, 34 questions, 5 réponses).
// Usage : node bench/synthese.js [répondants] ; objectif : moins de 50 ms pour 30.
const S = require('../overrides/assets/javascripts/suivi-core.js');
const Y = require('../overrides/assets/javascripts/synthese-core.js');

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
  return { name: `repondant-${p}.json`, text: S.toJSON(data, { date: new Date(2026, 0, 1 + p).toISOString(), answers,
    notes: { a0: 'Note ' + p }, nom: 'Personne ' + p }) };
});

function once() {
  const start = process.hrtime.bigint(), list = [];
  Y.addSources(data, list, files);
  const agg = Y.aggregate(data, list);
  Y.toCSV(data, list, agg);
  return [Number(process.hrtime.bigint() - start) / 1e6, list.length];
}
once(); // first run compiles the code
const times = Array.from({ length: 20 }, () => once()[0]).sort((a, b) => a - b);
console.log(`Synthèse de ${people} répondants (${QUESTIONS} questions, ${AXES} axes) : ` +
  `médiane ${times[10].toFixed(2)} ms, pire ${times[19].toFixed(2)} ms sur 20 passages ` +
  `(premier passage, code non compilé, exclu) ; objectif < 50 ms.`);
