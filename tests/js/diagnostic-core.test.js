'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const D = require('../../overrides/assets/javascripts/diagnostic-core.js');

const { data, frenchError } = require('./donnees.js');

test('score : toutes les questions répondues', () => {
  const r = D.scoreAxes(data, { g1: 3, g2: 2, g3: 3, g4: 3, d1: 8, d2: 2, m1: 1 });
  assert.deepEqual(r.gouv, { score: 100, niveau: 'Maîtrise', niveauIndex: 3, answered: 4, nsp: 0, total: 4, status: 'evalue' });
  assert.equal(r.data.score, 100);
  assert.equal(r.mob.score, 0);
  assert.equal(r.mob.niveau, 'Découverte');
});

test('score : « je ne sais pas » exclu des deux sommes', () => {
  // g1 = 3/3, g2 nsp, g3 = 0/3 → 3/6 = 50
  const r = D.scoreAxes(data, { g1: 3, g2: 'nsp', g3: 0 }).gouv;
  assert.equal(r.score, 50);
  assert.equal(r.nsp, 1);
  assert.equal(r.answered, 2);
  assert.equal(r.status, 'evalue');
});

test('score : plus de la moitié de nsp → non évalué ; exactement la moitié → évalué', () => {
  const plus = D.scoreAxes(data, { g1: 3, g2: 'nsp', g3: 'nsp', g4: 'nsp' }).gouv;
  assert.equal(plus.status, 'non-evalue');
  assert.equal(plus.score, null);
  assert.equal(plus.niveau, null);
  assert.equal(plus.nsp, 3);
  const moitie = D.scoreAxes(data, { g1: 3, g2: 'nsp', g3: 'nsp' }).gouv;
  assert.equal(moitie.status, 'evalue');
  assert.equal(moitie.score, 100);
});

test('score : aucune réponse → non évalué', () => {
  const r = D.scoreAxes(data, {});
  assert.equal(r.gouv.status, 'non-evalue');
  assert.equal(r.gouv.score, null);
  assert.equal(r.gouv.total, 4);
  const seulNsp = D.scoreAxes(data, { m1: 'nsp' }).mob;
  assert.equal(seulNsp.status, 'non-evalue');
});

test('score : arrondi au plus proche, moitiés vers le haut', () => {
  assert.equal(D.scoreAxes(data, { d1: 5 }).data.score, 63); // 5/8 = 62,5
  assert.equal(D.scoreAxes(data, { d1: 1 }).data.score, 13); // 1/8 = 12,5
  assert.equal(D.scoreAxes(data, { d1: 3 }).data.score, 38); // 3/8 = 37,5
  assert.equal(D.scoreAxes(data, { d2: 1, g1: 0 }).data.score, 50);
  assert.equal(D.scoreAxes(data, { g1: 2 }).gouv.score, 67); // 2/3
  assert.equal(D.scoreAxes(data, { g1: 1 }).gouv.score, 33); // 1/3
});

test('score : maximum nul → 0', () => {
  const d = { axes: [{ id: 'a', nom: 'A' }], niveaux: data.niveaux, questions: [{ id: 'q', axe: 'a', points: [0, 0] }] };
  assert.equal(D.scoreAxes(d, { q: 1 }).a.score, 0);
});

test('niveaux : bornes', () => {
  const n = [{ min: 0, nom: 'A' }, { min: 20, nom: 'B' }, { min: 40, nom: 'C' }, { min: 60, nom: 'D' }, { min: 80, nom: 'E' }];
  assert.equal(D.levelFor(n, 0).nom, 'A');
  assert.equal(D.levelFor(n, 19).nom, 'A');
  assert.equal(D.levelFor(n, 20).nom, 'B');
  assert.equal(D.levelFor(n, 79).nom, 'D');
  assert.equal(D.levelFor(n, 100).nom, 'E');
  assert.equal(D.levelFor(n, null), null);
  assert.equal(D.levelIndex(n, 40), 2);
});

test('axe le plus faible et priorités (égalités → ordre des axes)', () => {
  const r = { gouv: { status: 'evalue', score: 40 }, data: { status: 'evalue', score: 40 }, mob: { status: 'evalue', score: 10 } };
  assert.equal(D.weakestAxis(r, data.axes), 'mob');
  assert.deepEqual(D.priorities(r, data.axes), ['mob', 'gouv', 'data']);
  assert.deepEqual(D.priorities(r, data.axes, 2), ['mob', 'gouv']);
  const r2 = { gouv: { status: 'evalue', score: 70 }, data: { status: 'evalue', score: 70 }, mob: { status: 'non-evalue', score: null } };
  assert.equal(D.weakestAxis(r2, data.axes), 'gouv');
  assert.deepEqual(D.priorities(r2, data.axes), ['gouv', 'data']);
  assert.equal(D.weakestAxis(D.scoreAxes(data, {}), data.axes), null);
  assert.deepEqual(D.priorities(D.scoreAxes(data, {}), data.axes), []);
});

test('recommandations applicables : score ≤ jusqu_a, jamais pour un axe non évalué', () => {
  const texts = (answers) => D.applicableRecommendations(data, D.scoreAxes(data, answers)).map((r) => r.texte_html);
  assert.deepEqual(texts({}), []);
  assert.deepEqual(texts({ d2: 0 }), ['Inventorier les données']); // 0 ≤ 19
  assert.deepEqual(texts({ d1: 1, d2: 0 }), ['Inventorier les données']); // 1/10 = 10
  assert.deepEqual(texts({ d1: 2 }), []); // 25 > 19
  assert.deepEqual(texts({ g1: 3, g3: 0, m1: 0 }), ['Toujours']); // gouv = 50 > 49
  assert.deepEqual(texts({ g1: 1, g2: 2, g3: 0, g4: 0, m1: 'nsp' }), ['Nommer un référent']); // 6/14 = 43 ; mob non évalué
  const borne = { ...data, recommandations: [{ axe: 'data', jusqu_a: 63, texte_html: 'Borne', liens: [] }] };
  assert.equal(D.applicableRecommendations(borne, D.scoreAxes(data, { d1: 5 })).length, 1); // 63 ≤ 63
  assert.equal(D.applicableRecommendations(borne, D.scoreAxes(data, { d1: 6 })).length, 0); // 75
});

test('validateState : garde le nom, le rôle et le plan', () => {
  const s = D.validateState(data, { v: 1, nom: 'Camille', role: 'numérique', plan: [{ reco: 'r1' }], answers: {} });
  assert.equal(s.nom, 'Camille');
  assert.equal(s.role, 'numérique');
  assert.deepEqual(s.plan, [{ reco: 'r1' }]);
  const t = D.validateState(data, { v: 1, nom: 3, role: '', plan: 'x' });
  assert.deepEqual([t.nom, t.role, t.plan], [undefined, undefined, undefined]);
});

test('validateState : nettoie et complète', () => {
  const s = D.validateState(data, { v: 1, answers: { g1: 0 }, notes: { gouv: '' } });
  assert.deepEqual(s.answers, { g1: 0 });
  assert.deepEqual(s.targets, {});
  assert.deepEqual(s.notes, {});
  assert.equal(typeof s.date, 'string');
  assert.throws(() => D.validateState(data, 'x'), frenchError(/n’est pas un état|ne sont pas/));
});

test('formatDate : date française en heure locale, sans Intl', () => {
  const d = new Date(2026, 2, 1, 9, 5);
  assert.equal(D.formatDate(d.toISOString()), '1er\u00a0mars 2026 à 09:05');
  assert.equal(D.formatDate(new Date(2024, 11, 24, 18, 30).toISOString()), '24\u00a0décembre 2024 à 18:30');
  assert.equal(D.formatDate('pas une date'), 'pas une date');
  assert.equal(D.formatDate(undefined), '—');
});
