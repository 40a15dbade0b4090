'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const FollowUp = require('../../overrides/assets/javascripts/followup-core.js');
const Synthesis = require('../../overrides/assets/javascripts/synthesis-core.js');
const { data, frenchError } = require('./donnees.js');

const exportText = (answers, extra = {}) => FollowUp.toJSON(data,
  { date: '2026-03-0' + (extra.jour || 1) + 'T10:00:00.000Z', answers, ...extra });

test('median: odd, even (mean of the middle two, half up), empty', () => {
  assert.equal(Synthesis.median([40, 10, 30]), 30);
  assert.equal(Synthesis.median([10, 40, 20, 30]), 25);
  assert.equal(Synthesis.median([10, 41]), 26); // 25.5 → 26
  assert.equal(Synthesis.median([0, 1]), 1); // 0.5 → 1
  assert.equal(Synthesis.median([7]), 7);
  assert.equal(Synthesis.median([]), null);
});

// Three respondents: gouv scores 100, 0, 50; data 63, not assessed (nsp), 13; mob never answered.
function team() {
  const list = [];
  const msgs = Synthesis.addSources(data, list, [
    { name: 'a.json', text: exportText({ g1: 3, g2: 2, d1: 5 },
      { nom: 'Alix', role: 'élu·e', notes: { gouv: 'Voir le bureau' } }) },
    { name: 'b.json', text: exportText({ g1: 0, g2: 0, d1: 'nsp', d2: 'nsp' },
      { jour: 2, notes: { gouv: 'Pas de référent' } }) },
    { name: 'c.json', text: exportText({ g1: 3, g3: 0, d1: 1, d2: 'nsp' }, { jour: 3, nom: 'Chris' }) }
  ]);
  return { list, msgs };
}

test('aggregation by axis: median, min, max, number of respondents counted, each one’s score', () => {
  const { list, msgs } = team();
  assert.deepEqual(msgs, []);
  const agg = Synthesis.aggregate(data, list);
  assert.deepEqual(agg.axes.gouv, { mediane: 50, min: 0, max: 100, repondants: 3, scores: [100, 0, 50] });
  // (63+13)/2
  assert.deepEqual(agg.axes.data, { mediane: 38, min: 13, max: 63, repondants: 2, scores: [63, null, 13] });
  assert.deepEqual(agg.axes.mob, { mediane: null, min: null, max: null, repondants: 0,
    scores: [null, null, null] });
});

test('aggregation by question: counts, « je ne sais pas », to discuss', () => {
  const agg = Synthesis.aggregate(data, team().list);
  assert.deepEqual(agg.questions.g1.repartition, { 0: 1, 1: 0, 2: 0, 3: 2, nsp: 0 });
  assert.equal(agg.questions.g1.aDiscuter, true); // 3 − 0 ≥ 3/2
  assert.deepEqual(agg.questions.d1.repartition, { 0: 0, 1: 1, 2: 0, 3: 0, 4: 0, 5: 1,
    6: 0, 7: 0, 8: 0, nsp: 1 });
  assert.equal(agg.questions.d1.aDiscuter, true); // 5 − 1 = 4 ≥ 8/2: exactly half
  assert.equal(agg.questions.d2.nsp, 2);
  assert.equal(agg.questions.d2.aDiscuter, false); // nobody answered
  assert.equal(agg.questions.g3.aDiscuter, false); // a single respondent
  assert.deepEqual(agg.aDiscuter, ['g1', 'g2', 'd1']);
  assert.deepEqual(agg.aVerifier, ['d2']); // at least two « je ne sais pas »
});

test('to discuss: just under half the top points → no', () => {
  const list = [];
  Synthesis.addSources(data, list, [{ name: 'a', text: exportText({ d1: 4 }) },
    { name: 'b', text: exportText({ d1: 7 }, { jour: 2 }) }]);
  assert.equal(Synthesis.aggregate(data, list).questions.d1.aDiscuter, false); // 3 < 4
});

test('notes gathered by axis, with the names', () => {
  const agg = Synthesis.aggregate(data, team().list);
  assert.deepEqual(agg.notes.gouv, [{ nom: 'Alix', role: 'élu·e', texte: 'Voir le bureau' },
    { nom: 'Répondant\u00a02', role: '', texte: 'Pas de référent' }]);
  assert.deepEqual(agg.notes.data, []);
});

test('files: duplicate, foreign file, other questionnaire → a message naming the file', () => {
  const { list } = team();
  const other = JSON.stringify({ format: 'vmi-diagnostic', v: 1,
    questionnaire: { id: 'ailleurs', version: '1', questions: {} }, answers: {} });
  const msgs = Synthesis.addSources(data, list, [
    { name: 'a-copie.json', text: exportText({ g1: 3, g2: 2, d1: 5 },
      { nom: 'Alix', role: 'élu·e', notes: { gouv: 'Voir le bureau' } }) },
    { name: 'photo.json', text: '\u0089PNG' },
    { name: 'ailleurs.json', text: other }
  ]);
  assert.equal(list.length, 3);
  assert.deepEqual(msgs.map((m) => m.kind), ['doublon', 'etranger', 'autre']);
  assert.match(msgs[0].text, /^«\u00a0a-copie\.json\u00a0» est le même export que «\u00a0a\.json\u00a0»/);
  assert.match(msgs[1].text, /^«\u00a0photo\.json\u00a0»\u00a0: Le fichier importé n’est pas un export/);
  assert.match(msgs[2].text, /^«\u00a0ailleurs\.json\u00a0»\u00a0: .*autre questionnaire/);
});

test('share links pasted one a line; the same link twice counts once', () => {
  const code = FollowUp.encodeShare(data, { answers: { g1: 2, m1: 0 }, targets: {} });
  const list = [];
  const msgs = Synthesis.addSources(data, list, [{ link: 'https://exemple.org/diagnostic/#r=' + code },
    { link: '  ' + code + ' ' }, { link: 'https://x/#r=abc' }]);
  assert.equal(list.length, 1);
  assert.deepEqual(list[0].state.answers, { g1: 2, m1: 0 });
  assert.deepEqual(msgs.map((m) => m.kind), ['doublon', 'etranger']);
  assert.match(msgs[1].text, /lien de partage est incomplet/);
});

test('an export of another version counts on what matches, with a message', () => {
  const list = [];
  const old = JSON.parse(exportText({ g1: 3, g2: 2 }));
  old.questionnaire.version = 'vieux';
  old.questionnaire.questions.g2 = 'h-g2-avant';
  const msgs = Synthesis.addSources(data, list, [{ name: 'ancien.json', text: JSON.stringify(old) }]);
  assert.deepEqual(list[0].state.answers, { g1: 3 });
  assert.equal(msgs[0].kind, 'version');
  assert.match(msgs[0].text, /«\u00a0ancien\.json\u00a0»\u00a0: Le questionnaire a changé.*Q2 \(g2\)/);
});

test('synthesis exports: JSON and CSV', () => {
  const { list } = team();
  const agg = Synthesis.aggregate(data, list);
  const o = JSON.parse(Synthesis.toJSON(data, list, agg));
  assert.equal(o.format, 'vmi-synthese');
  assert.deepEqual(o.repondants.map((r) => r.nom), ['Alix', 'Répondant\u00a02', 'Chris']);
  assert.deepEqual(o.axes.data, { nom: 'Données', mediane: 38, min: 13, max: 63, repondants: 2,
    scores: [63, null, 13], notes: [] });
  assert.deepEqual(o.questions.g1, { axe: 'gouv', repartition: { 0: 1, 1: 0, 2: 0, 3: 2,
    nsp: 0 }, a_discuter: true });
  const lines = Synthesis.toCSV(data, list, agg).slice(1).split('\r\n');
  assert.equal(lines[0], 'axe;médiane;min;max;répondants comptés;Alix;Répondant\u00a02;Chris');
  assert.equal(lines[1], 'Gouvernance;50;0;100;3;100;0;50');
  assert.equal(lines[3], 'Mobilité;;;;0;;;');
  assert.equal(lines[5],
    'question;axe;à discuter;je ne sais pas;réponses (nombre par réponse, dans l’ordre)');
  assert.equal(lines[6], 'g1;gouv;oui;0;1 / 0 / 0 / 2');
});

// A room vote exported from the projection, as the file is written.
const room = (votes, date = '2026-03-05T18:00:00.000Z') => FollowUp.roomJSON(data, votes, date);

test('room vote: its raised hands add to each question’s answers, not to the scores', () => {
  const { list } = team();
  const msgs = Synthesis.addSources(data, list, [{ name: 'salle.json',
    text: room({ g1: { 1: 2, nsp: 1 }, g3: { 0: 1, 3: 1 }, d2: { nsp: 2 } }) }]);
  assert.deepEqual(msgs, []);
  assert.equal(list.length, 4);
  const agg = Synthesis.aggregate(data, list);
  // 1, 0, 0, 2 from the exports + the room
  assert.deepEqual(agg.questions.g1.repartition, { 0: 1, 1: 2, 2: 0, 3: 2, nsp: 1 });
  assert.equal(agg.questions.g3.aDiscuter, true); // a single respondent, but the room gave 0 and 3
  assert.equal(agg.questions.d2.nsp, 4);
  // unchanged
  assert.deepEqual(agg.axes.gouv, { mediane: 50, min: 0, max: 100, repondants: 3, scores: [100, 0, 50] });
  assert.deepEqual(agg.notes.gouv.map((n) => n.nom), ['Alix', 'Répondant\u00a02']);
  const o = JSON.parse(Synthesis.toJSON(data, list, agg));
  assert.deepEqual(o.repondants.map((r) => r.nom), ['Alix', 'Répondant\u00a02', 'Chris']);
  assert.deepEqual(o.salle, [{ fichier: 'salle.json', date: '2026-03-05T18:00:00.000Z',
    votes: FollowUp.cleanVotes(data, { g1: { 1: 2, nsp: 1 }, g3: { 0: 1, 3: 1 }, d2: { nsp: 2 } }) }]);
  assert.equal(Synthesis.toCSV(data, list, agg).slice(1).split('\r\n')[0],
    'axe;médiane;min;max;répondants comptés;Alix;Répondant\u00a02;Chris');
});

test('room vote: alone, twice, empty, of another version or another questionnaire', () => {
  const list = [];
  const votes = { g1: { 0: 3, 3: 3 }, g2: { 1: 4 } };
  const old = JSON.parse(room(votes));
  const other = JSON.parse(room(votes));
  old.questionnaire.version = 'vieux';
  old.questionnaire.questions.g2 = 'h-g2-avant';
  old.date = '2026-02-01T18:00:00.000Z';
  other.questionnaire.id = 'ailleurs';
  const msgs = Synthesis.addSources(data, list, [{ name: 'salle.json', text: room(votes) },
    { name: 'copie.json', text: room(votes) },
    { name: 'vide.json', text: room({}) }, { name: 'ancien.json', text: JSON.stringify(old) },
    { name: 'autre.json', text: JSON.stringify(other) }]);
  assert.deepEqual(msgs.map((m) => m.kind), ['doublon', 'vide', 'version', 'autre']);
  assert.match(msgs[1].text, /^«\u00a0vide\.json\u00a0»\u00a0: Ce vote de la salle ne contient aucun vote\./);
  assert.match(msgs[2].text, /Q2 \(g2\)/);
  assert.equal(list.length, 2);
  assert.deepEqual(Object.keys(list[1].votes), ['g1']); // g2 changed since this vote: left out
  const agg = Synthesis.aggregate(data, list);
  assert.deepEqual(agg.questions.g1.repartition, { 0: 6, 1: 0, 2: 0, 3: 6, nsp: 0 });
  assert.equal(agg.axes.gouv.repondants, 0);
  assert.equal(FollowUp.roomSize(list[0].votes), 6);
});

test('room vote imported as a previous result: refused, saying where it goes', () => {
  assert.throws(() => FollowUp.readExport(data, room({ g1: { 0: 1 } })),
    frenchError(/vote de la salle.*synthèse d’équipe/));
});
