'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const Diagnostic = require('../../overrides/assets/javascripts/diagnostic-core.js');

const { data, frenchError } = require('./donnees.js');

test('score: every question answered', () => {
  const r = Diagnostic.scoreAxes(data, { g1: 3, g2: 2, g3: 3, g4: 3, d1: 8, d2: 2, m1: 1 });
  assert.deepEqual(r.gouv, { score: 100, niveau: 'Maîtrise', niveauIndex: 3, answered: 4, nsp: 0,
    total: 4, status: 'evalue' });
  assert.equal(r.data.score, 100);
  assert.equal(r.mob.score, 0);
  assert.equal(r.mob.niveau, 'Découverte');
});

test('score: « je ne sais pas » left out of both sums', () => {
  // g1 = 3/3, g2 nsp, g3 = 0/3 → 3/6 = 50
  const r = Diagnostic.scoreAxes(data, { g1: 3, g2: 'nsp', g3: 0 }).gouv;
  assert.equal(r.score, 50);
  assert.equal(r.nsp, 1);
  assert.equal(r.answered, 2);
  assert.equal(r.status, 'evalue');
});

test('score: more than half nsp → not assessed; exactly half → assessed', () => {
  const overHalf = Diagnostic.scoreAxes(data, { g1: 3, g2: 'nsp', g3: 'nsp', g4: 'nsp' }).gouv;
  assert.equal(overHalf.status, 'non-evalue');
  assert.equal(overHalf.score, null);
  assert.equal(overHalf.niveau, null);
  assert.equal(overHalf.nsp, 3);
  const half = Diagnostic.scoreAxes(data, { g1: 3, g2: 'nsp', g3: 'nsp' }).gouv;
  assert.equal(half.status, 'evalue');
  assert.equal(half.score, 100);
});

test('score: no answer → not assessed', () => {
  const r = Diagnostic.scoreAxes(data, {});
  assert.equal(r.gouv.status, 'non-evalue');
  assert.equal(r.gouv.score, null);
  assert.equal(r.gouv.total, 4);
  const onlyNsp = Diagnostic.scoreAxes(data, { m1: 'nsp' }).mob;
  assert.equal(onlyNsp.status, 'non-evalue');
});

test('score: rounded to nearest, halves up', () => {
  assert.equal(Diagnostic.scoreAxes(data, { d1: 5 }).data.score, 63); // 5/8 = 62.5
  assert.equal(Diagnostic.scoreAxes(data, { d1: 1 }).data.score, 13); // 1/8 = 12.5
  assert.equal(Diagnostic.scoreAxes(data, { d1: 3 }).data.score, 38); // 3/8 = 37.5
  assert.equal(Diagnostic.scoreAxes(data, { d2: 1, g1: 0 }).data.score, 50);
  assert.equal(Diagnostic.scoreAxes(data, { g1: 2 }).gouv.score, 67); // 2/3
  assert.equal(Diagnostic.scoreAxes(data, { g1: 1 }).gouv.score, 33); // 1/3
});

test('score: zero maximum → 0', () => {
  const d = { axes: [{ id: 'a', nom: 'A' }], niveaux: data.niveaux,
    questions: [{ id: 'q', axe: 'a', points: [0, 0] }] };
  assert.equal(Diagnostic.scoreAxes(d, { q: 1 }).a.score, 0);
});

test('levels: bounds', () => {
  const n = [{ min: 0, nom: 'A' }, { min: 20, nom: 'B' }, { min: 40, nom: 'C' },
    { min: 60, nom: 'D' }, { min: 80, nom: 'E' }];
  assert.equal(Diagnostic.levelFor(n, 0).nom, 'A');
  assert.equal(Diagnostic.levelFor(n, 19).nom, 'A');
  assert.equal(Diagnostic.levelFor(n, 20).nom, 'B');
  assert.equal(Diagnostic.levelFor(n, 79).nom, 'D');
  assert.equal(Diagnostic.levelFor(n, 100).nom, 'E');
  assert.equal(Diagnostic.levelFor(n, null), null);
  assert.equal(Diagnostic.levelIndex(n, 40), 2);
});

test('weakest axis and priorities (ties → axis order)', () => {
  const r = { gouv: { status: 'evalue', score: 40 }, data: { status: 'evalue', score: 40 },
    mob: { status: 'evalue', score: 10 } };
  assert.equal(Diagnostic.weakestAxis(r, data.axes), 'mob');
  assert.deepEqual(Diagnostic.priorities(r, data.axes), ['mob', 'gouv', 'data']);
  assert.deepEqual(Diagnostic.priorities(r, data.axes, 2), ['mob', 'gouv']);
  const r2 = { gouv: { status: 'evalue', score: 70 }, data: { status: 'evalue', score: 70 },
    mob: { status: 'non-evalue', score: null } };
  assert.equal(Diagnostic.weakestAxis(r2, data.axes), 'gouv');
  assert.deepEqual(Diagnostic.priorities(r2, data.axes), ['gouv', 'data']);
  assert.equal(Diagnostic.weakestAxis(Diagnostic.scoreAxes(data, {}), data.axes), null);
  assert.deepEqual(Diagnostic.priorities(Diagnostic.scoreAxes(data, {}), data.axes), []);
});

test('applicable recommendations: score ≤ jusqu_a, never for an axis not assessed', () => {
  const texts = (answers) => Diagnostic.applicableRecommendations(data,
    Diagnostic.scoreAxes(data, answers)).map((r) => r.texte_html);
  assert.deepEqual(texts({}), []);
  assert.deepEqual(texts({ d2: 0 }), ['Inventorier les données']); // 0 ≤ 19
  assert.deepEqual(texts({ d1: 1, d2: 0 }), ['Inventorier les données']); // 1/10 = 10
  assert.deepEqual(texts({ d1: 2 }), []); // 25 > 19
  assert.deepEqual(texts({ g1: 3, g3: 0, m1: 0 }), ['Toujours']); // gouv = 50 > 49
  // 6/14 = 43; mob not assessed
  assert.deepEqual(texts({ g1: 1, g2: 2, g3: 0, g4: 0, m1: 'nsp' }), ['Nommer un référent']);
  const bound = { ...data, recommandations: [{ axe: 'data', jusqu_a: 63, texte_html: 'Borne', liens: [] }] };
  // 63 ≤ 63
  assert.equal(Diagnostic.applicableRecommendations(bound, Diagnostic.scoreAxes(data, { d1: 5 })).length, 1);
  // 75
  assert.equal(Diagnostic.applicableRecommendations(bound, Diagnostic.scoreAxes(data, { d1: 6 })).length, 0);
});

test('validateState: keeps the name, the role and the plan', () => {
  const s = Diagnostic.validateState(data, { v: 1, nom: 'Camille', role: 'numérique',
    plan: [{ reco: 'r1' }], answers: {} });
  assert.equal(s.nom, 'Camille');
  assert.equal(s.role, 'numérique');
  assert.deepEqual(s.plan, [{ reco: 'r1' }]);
  const t = Diagnostic.validateState(data, { v: 1, nom: 3, role: '', plan: 'x' });
  assert.deepEqual([t.nom, t.role, t.plan], [undefined, undefined, undefined]);
});

test('validateState: cleans and completes', () => {
  const s = Diagnostic.validateState(data, { v: 1, answers: { g1: 0 }, notes: { gouv: '' } });
  assert.deepEqual(s.answers, { g1: 0 });
  assert.deepEqual(s.targets, {});
  assert.deepEqual(s.notes, {});
  assert.equal(typeof s.date, 'string');
  assert.throws(() => Diagnostic.validateState(data, 'x'), frenchError(/n’est pas un état|ne sont pas/));
});

test('formatDate: French date in local time, without Intl', () => {
  const d = new Date(2026, 2, 1, 9, 5);
  assert.equal(Diagnostic.formatDate(d.toISOString()), '1er\u00a0mars 2026 à 09:05');
  assert.equal(Diagnostic.formatDate(new Date(2024, 11, 24, 18, 30).toISOString()),
    '24\u00a0décembre 2024 à 18:30');
  assert.equal(Diagnostic.formatDate('pas une date'), 'pas une date');
  assert.equal(Diagnostic.formatDate(undefined), '—');
});
