'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const Diagnostic = require('../../overrides/assets/javascripts/diagnostic-core.js');
const FollowUp = require('../../overrides/assets/javascripts/followup-core.js');
const { data, frenchError } = require('./donnees.js');

// The same questionnaire in a later version: g2 changed, d2 removed, d3 added.
const next = {
  ...data,
  questionnaire: { id: 'test', version: 'b2c3d4e5' },
  questions: [
    ...data.questions.filter((x) => !['g2', 'd2'].includes(x.id)),
    { id: 'g2', axe: 'gouv', points: [0, 1, 5], h: 'h-g2-bis' },
    { id: 'd3', axe: 'data', points: [0, 1], h: 'h-d3' }
  ]
};

test('share link: round trip', () => {
  const state = { v: 1, answers: { g1: 3, g2: 'nsp', d1: 8, m1: 0 }, targets: { gouv: 2, mob: 0 },
    notes: { gouv: 'x' }, date: '2024-01-01T00:00:00.000Z' };
  const code = FollowUp.encodeShare(data, state);
  assert.equal(code, '13n--8-0.2-0.a1b2c3d4');
  const back = FollowUp.decodeShare(data, code);
  assert.deepEqual(back.answers, state.answers);
  assert.deepEqual(back.targets, state.targets);
  assert.deepEqual(back.notes, {});
  assert.equal(FollowUp.encodeShare(data, { answers: {}, targets: {} }), '1-------.---.a1b2c3d4');
  // links from before versions
  assert.deepEqual(FollowUp.decodeShare(data, '13n--8-0.2-0').answers, state.answers);
});

test('share link: another questionnaire version is refused, never misread', () => {
  assert.throws(() => FollowUp.decodeShare(data, '13n--8-0.2-0.ffff0000'),
    frenchError(/autre version du questionnaire/));
});

test('share link: damaged codes → French error', () => {
  const bad = ['', '2-------.---', '1------.---', '1--------.---', '1-------.--', '1-------', '1---x---.---',
    '1-------.-9-', '19------.---', '1------- .---', '1-------.---.', '1-------.---.a1b2c3d4x', null];
  for (const c of bad) {
    assert.throws(() => FollowUp.decodeShare(data, c),
      frenchError(/lien de partage est incomplet ou abîmé/), String(c));
  }
});

test('JSON export/import: round trip', () => {
  const state = { v: 1, answers: { g1: 1, g2: 'nsp', d1: 5 }, targets: { data: 3 },
    notes: { gouv: 'Réunion « élus » ; à suivre' }, date: '2024-05-02T10:00:00.000Z' };
  const text = FollowUp.toJSON(data, state);
  const o = JSON.parse(text);
  assert.equal(o.format, 'vmi-diagnostic');
  assert.equal(o.v, 1);
  assert.deepEqual(o.scores.data, { score: 63, niveau: 'Structuration' });
  assert.deepEqual(o.scores.mob, { score: null, niveau: null });
  assert.match(text, /\n {2}"format"/);
  assert.deepEqual(FollowUp.fromJSON(data, text), state);
});

test('JSON import: malformed files → French error', () => {
  const ok = { format: 'vmi-diagnostic', v: 1, date: 'x', answers: {}, targets: {}, notes: {} };
  const cases = [
    ['pas du json', /n’est pas un export de l’auto-diagnostic/],
    ['[]', /n’est pas un export/],
    ['null', /n’est pas un export/],
    [JSON.stringify({ ...ok, format: 'autre' }), /n’est pas un export/],
    [JSON.stringify({ ...ok, v: 2 }), /Version/],
    [JSON.stringify({ ...ok, answers: { zz: 1 } }), /Question inconnue\u00a0: «\u00a0zz\u00a0»/],
    [JSON.stringify({ ...ok, answers: { g2: 3 } }), /Réponse invalide pour la question «\u00a0g2\u00a0»/],
    [JSON.stringify({ ...ok, answers: { g2: -1 } }), /Réponse invalide/],
    [JSON.stringify({ ...ok, answers: { g2: 1.5 } }), /Réponse invalide/],
    [JSON.stringify({ ...ok, answers: { g2: '1' } }), /Réponse invalide/],
    [JSON.stringify({ ...ok, answers: [] }), /mal formée/],
    [JSON.stringify({ ...ok, targets: { gouv: 4 } }), /Niveau visé invalide/],
    [JSON.stringify({ ...ok, targets: { xx: 1 } }), /Axe inconnu/],
    [JSON.stringify({ ...ok, notes: { gouv: 3 } }), /Note invalide/],
    ['{"format":"vmi-diagnostic","v":1,"answers":{"__proto__":1}}', /Question inconnue/]
  ];
  for (const [text, re] of cases) assert.throws(() => FollowUp.fromJSON(data, text), frenchError(re), text);
});

test('CSV: BOM, semicolon, quotes and line break', () => {
  const state = { v: 1, answers: { d1: 5, g1: 'nsp' }, targets: { data: 3 }, notes: { data: 'a; b "c"\nd' } };
  const csv = FollowUp.toCSV(data, state);
  assert.equal(csv.charCodeAt(0), 0xfeff);
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'axe;score;niveau;cible;points à vérifier;note');
  assert.equal(lines[1], 'Gouvernance;;non évalué;;1;');
  assert.equal(lines[2], 'Données;63;Structuration;Maîtrise;0;"a; b ""c""\nd"');
  assert.equal(lines[3], 'Mobilité;;non évalué;;0;');
  assert.equal(lines[4], '');
  const formula = FollowUp.toCSV(data, { answers: {}, notes: { gouv: '=1+1' } });
  assert.match(formula, /;'=1\+1\r\n/);
});

test('export: questionnaire identity and version, each question’s hash', () => {
  const o = JSON.parse(FollowUp.toJSON(data, { answers: { g1: 1 }, nom: 'Camille', role: 'numérique' }));
  assert.deepEqual(o.questionnaire, { id: 'test', version: 'a1b2c3d4',
    questions: { g1: 'h-g1', g2: 'h-g2', g3: 'h-g3', g4: 'h-g4', d1: 'h-d1', d2: 'h-d2', m1: 'h-m1' } });
  assert.equal(o.nom, 'Camille');
  assert.equal(o.role, 'numérique');
  assert.deepEqual(o.plan, []);
});

test('versions: same version → nothing changed', () => {
  assert.deepEqual(FollowUp.compareVersions(data, FollowUp.identity(data)),
    { same: true, changed: [], appeared: [], gone: [] });
});

test('versions: questions changed, added, removed, by id', () => {
  const c = FollowUp.compareVersions(next, FollowUp.identity(data));
  assert.deepEqual(c, { same: false, changed: ['g2'], appeared: ['d3'], gone: ['d2'] });
  const text = FollowUp.describeChanges(next, c);
  assert.match(text, /1 question modifiée\u00a0: Q6 \(g2\)/);
  assert.match(text, /1 question nouvelle\u00a0: Q7 \(d3\)/);
  assert.match(text, /1 question supprimée\u00a0: d2/);
  assert.match(text, /Seules les réponses aux questions inchangées sont comptées\./);
  assert.equal(FollowUp.describeChanges(next, null), '');
});

test('versions: an old export counts only on unchanged questions', () => {
  const old = FollowUp.toJSON(data, { answers: { g1: 3, g2: 2, d1: 8, d2: 0, m1: 0 },
    date: '2025-01-01T00:00:00.000Z' });
  const r = FollowUp.readExport(next, old);
  assert.deepEqual(r.state.answers, { g1: 3, d1: 8, m1: 0 }); // g2 (changed) and d2 (removed) left out
  const odd = JSON.parse(old);
  odd.answers.d3 = 1; // an answer to a question its version did not have: left out too
  assert.deepEqual(FollowUp.readExport(next, JSON.stringify(odd)).state.answers, { g1: 3, d1: 8, m1: 0 });
  assert.deepEqual(r.changes.changed, ['g2']);
  // g2 = 2 meant 5 points out of 5; in the new version 5 out of 5 too, but never counted
  assert.equal(Diagnostic.scoreAxes(next, r.state.answers).gouv.score, 100); // 3/3 on g1 alone
  assert.equal(Diagnostic.scoreAxes(next, r.state.answers).data.score, 100); // d1 alone
});

test('versions: another questionnaire is refused, named', () => {
  const other = JSON.stringify({ format: 'vmi-diagnostic', v: 1,
    questionnaire: { id: 'autre-chose', version: 'x', questions: {} }, answers: {} });
  assert.throws(() => FollowUp.readExport(data, other), (e) => e.kind === 'autre' &&
    /autre questionnaire \(«\u00a0autre-chose\u00a0»\)/.test(e.message));
  assert.throws(() => FollowUp.readExport(data, '{"format":"vmi-diagnostic","v":1,"questionnaire":3}'),
    frenchError(/questionnaire non identifié/));
  assert.throws(() => FollowUp.readExport(data, '{"format":"x"}'), (e) => e.kind === 'etranger');
});

test('versions: an export without a version (older) is read strictly', () => {
  const r = FollowUp.readExport(data, JSON.stringify({ format: 'vmi-diagnostic', v: 1, answers: { g1: 1 } }));
  assert.equal(r.changes, null);
  assert.deepEqual(r.state.answers, { g1: 1 });
});

test('evolution: current score minus imported score, empty when one is missing', () => {
  const now = Diagnostic.scoreAxes(data, { g1: 3, d1: 4 });
  const before = Diagnostic.scoreAxes(data, { g1: 1, d1: 8, m1: 0 });
  assert.deepEqual(FollowUp.evolution(data, now, before), { gouv: 67, data: -50, mob: null });
  assert.deepEqual(FollowUp.evolution(data, now, null), { gouv: null, data: null, mob: null });
  assert.deepEqual(FollowUp.evolution(data, now, now), { gouv: 0, data: 0, mob: null });
  assert.deepEqual([67, -5, 0, null].map(FollowUp.evolutionText), ['▲ +67', '▼ −5', '=', '—']);
});

test('plan: a recommendation added once only, what is read cleaned', () => {
  let plan = FollowUp.addAction(undefined, data.recommandations[0]);
  plan = FollowUp.addAction(plan, data.recommandations[0]);
  plan = FollowUp.addAction(plan, data.recommandations[1]);
  assert.deepEqual(plan.map((a) => [a.reco, a.axe, a.texte, a.statut]),
    [['r1', 'gouv', 'Nommer un référent', 'a-faire'], ['r2', 'data', 'Inventorier les données', 'a-faire']]);
  const dirty = [{ ...plan[0], porteur: 'DGS', echeance: '2026-06-30', statut: 'en-cours' },
    { ...plan[1], echeance: '30/06/2026', statut: 'peut-être' }, { reco: 'r1', texte: 'double' },
    { texte: 'sans reco' }, 'x'];
  const clean = FollowUp.cleanPlan(dirty);
  assert.equal(clean.length, 2);
  assert.deepEqual([clean[0].porteur, clean[0].echeance, clean[0].statut], ['DGS', '2026-06-30', 'en-cours']);
  assert.deepEqual([clean[1].echeance, clean[1].statut], ['', 'a-faire']);
});

test('plan: saved with the answers, exported as JSON and CSV', () => {
  const plan = [{ reco: 'r1', axe: 'gouv', texte: 'Nommer un référent', porteur: '=DGS; adjointe',
    echeance: '2026-06-30', statut: 'fait' }];
  const text = FollowUp.toJSON(data, { answers: {}, plan });
  assert.deepEqual(JSON.parse(text).plan, plan);
  assert.deepEqual(FollowUp.fromJSON(data, text).plan, plan);
  const lines = FollowUp.planCSV(data, plan).slice(1).split('\r\n');
  assert.equal(lines[0], 'action;axe;porteur;échéance;statut');
  assert.equal(lines[1], 'Nommer un référent;Gouvernance;"\'=DGS; adjointe";2026-06-30;Fait');
});

test('room vote: cleaned counts, to discuss and to check as for the team', () => {
  const votes = { g1: { 0: 4, 3: 6, nsp: 2 }, g2: { 1: 5, 2: 0, nsp: 1 }, d1: { 4: 2, 7: 3 },
    m1: { 0: -1, 1: 1.5, x: 3 }, zz: { 0: 1 } };
  const clean = FollowUp.cleanVotes(data, votes);
  assert.deepEqual(Object.keys(clean), ['g1', 'g2', 'd1']); // m1 without a valid count, zz unknown
  assert.deepEqual(clean.g1, { 0: 4, 1: 0, 2: 0, 3: 6, nsp: 2 });
  const r = FollowUp.roomSummary(data, votes);
  assert.equal(r.questions.g1.aDiscuter, true); // 0 and 3 points out of 3
  assert.equal(r.questions.g2.aDiscuter, false); // a single answer chosen
  assert.equal(r.questions.d1.aDiscuter, false); // 4 and 7 out of 8: 3 < 4
  assert.deepEqual(r.aDiscuter, ['g1']);
  assert.deepEqual(r.aVerifier, ['g1']); // two « je ne sais pas » or more
  assert.equal(r.questions.g1.reponses, 10);
});
