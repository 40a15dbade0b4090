'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const S = require('../../overrides/assets/javascripts/suivi-core.js');
const Y = require('../../overrides/assets/javascripts/synthese-core.js');
const { data, frenchError } = require('./donnees.js');

const exp = (answers, extra = {}) => S.toJSON(data, { date: '2026-03-0' + (extra.jour || 1) + 'T10:00:00.000Z', answers, ...extra });

test('médiane : impair, pair (moyenne des deux du milieu, moitié vers le haut), vide', () => {
  assert.equal(Y.median([40, 10, 30]), 30);
  assert.equal(Y.median([10, 40, 20, 30]), 25);
  assert.equal(Y.median([10, 41]), 26); // 25,5 → 26
  assert.equal(Y.median([0, 1]), 1); // 0,5 → 1
  assert.equal(Y.median([7]), 7);
  assert.equal(Y.median([]), null);
});

// Trois répondants : scores gouv 100, 0, 50 ; data 63, non évalué (nsp), 13 ; mob jamais répondu.
function team() {
  const list = [];
  const msgs = Y.addSources(data, list, [
    { name: 'a.json', text: exp({ g1: 3, g2: 2, d1: 5 }, { nom: 'Alix', role: 'élu·e', notes: { gouv: 'Voir le bureau' } }) },
    { name: 'b.json', text: exp({ g1: 0, g2: 0, d1: 'nsp', d2: 'nsp' }, { jour: 2, notes: { gouv: 'Pas de référent' } }) },
    { name: 'c.json', text: exp({ g1: 3, g3: 0, d1: 1, d2: 'nsp' }, { jour: 3, nom: 'Chris' }) }
  ]);
  return { list, msgs };
}

test('agrégation par axe : médiane, min, max, nombre de répondants comptés, score de chacun', () => {
  const { list, msgs } = team();
  assert.deepEqual(msgs, []);
  const agg = Y.aggregate(data, list);
  assert.deepEqual(agg.axes.gouv, { mediane: 50, min: 0, max: 100, repondants: 3, scores: [100, 0, 50] });
  assert.deepEqual(agg.axes.data, { mediane: 38, min: 13, max: 63, repondants: 2, scores: [63, null, 13] }); // (63+13)/2
  assert.deepEqual(agg.axes.mob, { mediane: null, min: null, max: null, repondants: 0, scores: [null, null, null] });
});

test('agrégation par question : répartition, « je ne sais pas », à discuter', () => {
  const agg = Y.aggregate(data, team().list);
  assert.deepEqual(agg.questions.g1.repartition, { 0: 1, 1: 0, 2: 0, 3: 2, nsp: 0 });
  assert.equal(agg.questions.g1.aDiscuter, true); // 3 − 0 ≥ 3/2
  assert.deepEqual(agg.questions.d1.repartition, { 0: 0, 1: 1, 2: 0, 3: 0, 4: 0, 5: 1, 6: 0, 7: 0, 8: 0, nsp: 1 });
  assert.equal(agg.questions.d1.aDiscuter, true); // 5 − 1 = 4 ≥ 8/2 : pile la moitié
  assert.equal(agg.questions.d2.nsp, 2);
  assert.equal(agg.questions.d2.aDiscuter, false); // personne n’a répondu
  assert.equal(agg.questions.g3.aDiscuter, false); // un seul répondant
  assert.deepEqual(agg.aDiscuter, ['g1', 'g2', 'd1']);
  assert.deepEqual(agg.aVerifier, ['d2']); // au moins deux « je ne sais pas »
});

test('à discuter : juste sous la moitié des meilleurs points → non', () => {
  const list = [];
  Y.addSources(data, list, [{ name: 'a', text: exp({ d1: 4 }) }, { name: 'b', text: exp({ d1: 7 }, { jour: 2 }) }]);
  assert.equal(Y.aggregate(data, list).questions.d1.aDiscuter, false); // 3 < 4
});

test('notes rassemblées par axe, avec les noms', () => {
  const agg = Y.aggregate(data, team().list);
  assert.deepEqual(agg.notes.gouv, [{ nom: 'Alix', role: 'élu·e', texte: 'Voir le bureau' },
    { nom: 'Répondant\u00a02', role: '', texte: 'Pas de référent' }]);
  assert.deepEqual(agg.notes.data, []);
});

test('fichiers : doublon, fichier étranger, autre questionnaire → message nommant le fichier', () => {
  const { list } = team();
  const other = JSON.stringify({ format: 'vmi-diagnostic', v: 1, questionnaire: { id: 'ailleurs', version: '1', questions: {} }, answers: {} });
  const msgs = Y.addSources(data, list, [
    { name: 'a-copie.json', text: exp({ g1: 3, g2: 2, d1: 5 }, { nom: 'Alix', role: 'élu·e', notes: { gouv: 'Voir le bureau' } }) },
    { name: 'photo.json', text: '\u0089PNG' },
    { name: 'ailleurs.json', text: other }
  ]);
  assert.equal(list.length, 3);
  assert.deepEqual(msgs.map((m) => m.kind), ['doublon', 'etranger', 'autre']);
  assert.match(msgs[0].text, /^«\u00a0a-copie\.json\u00a0» est le même export que «\u00a0a\.json\u00a0»/);
  assert.match(msgs[1].text, /^«\u00a0photo\.json\u00a0»\u00a0: Le fichier importé n’est pas un export/);
  assert.match(msgs[2].text, /^«\u00a0ailleurs\.json\u00a0»\u00a0: .*autre questionnaire/);
});

test('liens de partage collés, un par ligne ; le même lien deux fois compte une fois', () => {
  const code = S.encodeShare(data, { answers: { g1: 2, m1: 0 }, targets: {} }), list = [];
  const msgs = Y.addSources(data, list, [{ link: 'https://exemple.org/diagnostic/#r=' + code }, { link: '  ' + code + ' ' }, { link: 'https://x/#r=abc' }]);
  assert.equal(list.length, 1);
  assert.deepEqual(list[0].state.answers, { g1: 2, m1: 0 });
  assert.deepEqual(msgs.map((m) => m.kind), ['doublon', 'etranger']);
  assert.match(msgs[1].text, /lien de partage est incomplet/);
});

test('un export d’une autre version est compté sur ce qui correspond, avec un message', () => {
  const list = [];
  const old = JSON.parse(exp({ g1: 3, g2: 2 }));
  old.questionnaire.version = 'vieux';
  old.questionnaire.questions.g2 = 'h-g2-avant';
  const msgs = Y.addSources(data, list, [{ name: 'ancien.json', text: JSON.stringify(old) }]);
  assert.deepEqual(list[0].state.answers, { g1: 3 });
  assert.equal(msgs[0].kind, 'version');
  assert.match(msgs[0].text, /«\u00a0ancien\.json\u00a0»\u00a0: Le questionnaire a changé.*Q2 \(g2\)/);
});

test('exports de la synthèse : JSON et CSV', () => {
  const { list } = team(), agg = Y.aggregate(data, list);
  const o = JSON.parse(Y.toJSON(data, list, agg));
  assert.equal(o.format, 'vmi-synthese');
  assert.deepEqual(o.repondants.map((r) => r.nom), ['Alix', 'Répondant\u00a02', 'Chris']);
  assert.deepEqual(o.axes.data, { nom: 'Données', mediane: 38, min: 13, max: 63, repondants: 2, scores: [63, null, 13], notes: [] });
  assert.deepEqual(o.questions.g1, { axe: 'gouv', repartition: { 0: 1, 1: 0, 2: 0, 3: 2, nsp: 0 }, a_discuter: true });
  const lines = Y.toCSV(data, list, agg).slice(1).split('\r\n');
  assert.equal(lines[0], 'axe;médiane;min;max;répondants comptés;Alix;Répondant\u00a02;Chris');
  assert.equal(lines[1], 'Gouvernance;50;0;100;3;100;0;50');
  assert.equal(lines[3], 'Mobilité;;;;0;;;');
  assert.equal(lines[5], 'question;axe;à discuter;je ne sais pas;réponses (nombre par réponse, dans l’ordre)');
  assert.equal(lines[6], 'g1;gouv;oui;0;1 / 0 / 0 / 2');
});

// Un vote de la salle exporté depuis la projection, tel que le fichier est écrit.
const room = (votes, date = '2026-03-05T18:00:00.000Z') => S.roomJSON(data, votes, date);

test('vote de la salle : ses mains levées s’ajoutent aux réponses de chaque question, pas aux scores', () => {
  const { list } = team();
  const msgs = Y.addSources(data, list, [{ name: 'salle.json', text: room({ g1: { 1: 2, nsp: 1 }, g3: { 0: 1, 3: 1 }, d2: { nsp: 2 } }) }]);
  assert.deepEqual(msgs, []);
  assert.equal(list.length, 4);
  const agg = Y.aggregate(data, list);
  assert.deepEqual(agg.questions.g1.repartition, { 0: 1, 1: 2, 2: 0, 3: 2, nsp: 1 }); // 1, 0, 0, 2 des exports + la salle
  assert.equal(agg.questions.g3.aDiscuter, true); // un seul répondant, mais la salle a donné 0 et 3
  assert.equal(agg.questions.d2.nsp, 4);
  assert.deepEqual(agg.axes.gouv, { mediane: 50, min: 0, max: 100, repondants: 3, scores: [100, 0, 50] }); // inchangé
  assert.deepEqual(agg.notes.gouv.map((n) => n.nom), ['Alix', 'Répondant\u00a02']);
  const o = JSON.parse(Y.toJSON(data, list, agg));
  assert.deepEqual(o.repondants.map((r) => r.nom), ['Alix', 'Répondant\u00a02', 'Chris']);
  assert.deepEqual(o.salle, [{ fichier: 'salle.json', date: '2026-03-05T18:00:00.000Z', votes: S.cleanVotes(data, { g1: { 1: 2, nsp: 1 }, g3: { 0: 1, 3: 1 }, d2: { nsp: 2 } }) }]);
  assert.equal(Y.toCSV(data, list, agg).slice(1).split('\r\n')[0], 'axe;médiane;min;max;répondants comptés;Alix;Répondant\u00a02;Chris');
});

test('vote de la salle : seul, en double, vide, d’une autre version ou d’un autre questionnaire', () => {
  const list = [], votes = { g1: { 0: 3, 3: 3 }, g2: { 1: 4 } }, old = JSON.parse(room(votes)), other = JSON.parse(room(votes));
  old.questionnaire.version = 'vieux'; old.questionnaire.questions.g2 = 'h-g2-avant'; old.date = '2026-02-01T18:00:00.000Z';
  other.questionnaire.id = 'ailleurs';
  const msgs = Y.addSources(data, list, [{ name: 'salle.json', text: room(votes) }, { name: 'copie.json', text: room(votes) },
    { name: 'vide.json', text: room({}) }, { name: 'ancien.json', text: JSON.stringify(old) }, { name: 'autre.json', text: JSON.stringify(other) }]);
  assert.deepEqual(msgs.map((m) => m.kind), ['doublon', 'vide', 'version', 'autre']);
  assert.match(msgs[1].text, /^«\u00a0vide\.json\u00a0»\u00a0: Ce vote de la salle ne contient aucun vote\./);
  assert.match(msgs[2].text, /Q2 \(g2\)/);
  assert.equal(list.length, 2);
  assert.deepEqual(Object.keys(list[1].votes), ['g1']); // g2 a changé depuis ce vote : écarté
  const agg = Y.aggregate(data, list);
  assert.deepEqual(agg.questions.g1.repartition, { 0: 6, 1: 0, 2: 0, 3: 6, nsp: 0 });
  assert.equal(agg.axes.gouv.repondants, 0);
  assert.equal(S.roomSize(list[0].votes), 6);
});

test('vote de la salle importé comme résultat précédent : refusé en disant où il va', () => {
  assert.throws(() => S.readExport(data, room({ g1: { 0: 1 } })), frenchError(/vote de la salle.*synthèse d’équipe/));
});
