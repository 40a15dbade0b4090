'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const S = require('../../overrides/assets/javascripts/suivi-core.js');
const { data, frenchError } = require('./donnees.js');

// Le même questionnaire dans une version suivante : g2 modifiée, d2 supprimée, d3 ajoutée.
const next = {
  ...data,
  questionnaire: { id: 'test', version: 'b2c3d4e5' },
  questions: [
    ...data.questions.filter((x) => !['g2', 'd2'].includes(x.id)),
    { id: 'g2', axe: 'gouv', points: [0, 1, 5], h: 'h-g2-bis' },
    { id: 'd3', axe: 'data', points: [0, 1], h: 'h-d3' }
  ]
};

test('lien de partage : aller-retour', () => {
  const state = { v: 1, answers: { g1: 3, g2: 'nsp', d1: 8, m1: 0 }, targets: { gouv: 2, mob: 0 }, notes: { gouv: 'x' }, date: '2024-01-01T00:00:00.000Z' };
  const code = S.encodeShare(data, state);
  assert.equal(code, '13n--8-0.2-0.a1b2c3d4');
  const back = S.decodeShare(data, code);
  assert.deepEqual(back.answers, state.answers);
  assert.deepEqual(back.targets, state.targets);
  assert.deepEqual(back.notes, {});
  assert.equal(S.encodeShare(data, { answers: {}, targets: {} }), '1-------.---.a1b2c3d4');
  assert.deepEqual(S.decodeShare(data, '13n--8-0.2-0').answers, state.answers); // liens d’avant les versions
});

test('lien de partage : une autre version du questionnaire est refusée, jamais mal relue', () => {
  assert.throws(() => S.decodeShare(data, '13n--8-0.2-0.ffff0000'), frenchError(/autre version du questionnaire/));
});

test('lien de partage : codes abîmés → erreur en français', () => {
  const bad = ['', '2-------.---', '1------.---', '1--------.---', '1-------.--', '1-------', '1---x---.---',
    '1-------.-9-', '19------.---', '1------- .---', '1-------.---.', '1-------.---.a1b2c3d4x', null];
  for (const c of bad) {
    assert.throws(() => S.decodeShare(data, c), frenchError(/lien de partage est incomplet ou abîmé/), String(c));
  }
});

test('export/import JSON : aller-retour', () => {
  const state = { v: 1, answers: { g1: 1, g2: 'nsp', d1: 5 }, targets: { data: 3 }, notes: { gouv: 'Réunion « élus » ; à suivre' }, date: '2024-05-02T10:00:00.000Z' };
  const text = S.toJSON(data, state);
  const o = JSON.parse(text);
  assert.equal(o.format, 'vmi-diagnostic');
  assert.equal(o.v, 1);
  assert.deepEqual(o.scores.data, { score: 63, niveau: 'Structuration' });
  assert.deepEqual(o.scores.mob, { score: null, niveau: null });
  assert.match(text, /\n {2}"format"/);
  assert.deepEqual(S.fromJSON(data, text), state);
});

test('import JSON : fichiers mal formés → erreur en français', () => {
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
  for (const [text, re] of cases) assert.throws(() => S.fromJSON(data, text), frenchError(re), text);
});

test('CSV : BOM, point-virgule, guillemets et retour à la ligne', () => {
  const state = { v: 1, answers: { d1: 5, g1: 'nsp' }, targets: { data: 3 }, notes: { data: 'a; b "c"\nd' } };
  const csv = S.toCSV(data, state);
  assert.equal(csv.charCodeAt(0), 0xfeff);
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'axe;score;niveau;cible;points à vérifier;note');
  assert.equal(lines[1], 'Gouvernance;;non évalué;;1;');
  assert.equal(lines[2], 'Données;63;Structuration;Maîtrise;0;"a; b ""c""\nd"');
  assert.equal(lines[3], 'Mobilité;;non évalué;;0;');
  assert.equal(lines[4], '');
  const formula = S.toCSV(data, { answers: {}, notes: { gouv: '=1+1' } });
  assert.match(formula, /;'=1\+1\r\n/);
});

test('export : identité et version du questionnaire, empreinte de chaque question', () => {
  const o = JSON.parse(S.toJSON(data, { answers: { g1: 1 }, nom: 'Camille', role: 'numérique' }));
  assert.deepEqual(o.questionnaire, { id: 'test', version: 'a1b2c3d4',
    questions: { g1: 'h-g1', g2: 'h-g2', g3: 'h-g3', g4: 'h-g4', d1: 'h-d1', d2: 'h-d2', m1: 'h-m1' } });
  assert.equal(o.nom, 'Camille');
  assert.equal(o.role, 'numérique');
  assert.deepEqual(o.plan, []);
});

test('versions : même version → rien de changé', () => {
  assert.deepEqual(S.compareVersions(data, S.identity(data)), { same: true, changed: [], appeared: [], gone: [] });
});

test('versions : questions modifiées, apparues, disparues, par identifiant', () => {
  const c = S.compareVersions(next, S.identity(data));
  assert.deepEqual(c, { same: false, changed: ['g2'], appeared: ['d3'], gone: ['d2'] });
  const text = S.describeChanges(next, c);
  assert.match(text, /1 question modifiée\u00a0: Q6 \(g2\)/);
  assert.match(text, /1 question nouvelle\u00a0: Q7 \(d3\)/);
  assert.match(text, /1 question supprimée\u00a0: d2/);
  assert.match(text, /Seules les réponses aux questions inchangées sont comptées\./);
  assert.equal(S.describeChanges(next, null), '');
});

test('versions : un export ancien n’est compté que sur les questions inchangées', () => {
  const old = S.toJSON(data, { answers: { g1: 3, g2: 2, d1: 8, d2: 0, m1: 0 }, date: '2025-01-01T00:00:00.000Z' });
  const r = S.readExport(next, old);
  assert.deepEqual(r.state.answers, { g1: 3, d1: 8, m1: 0 }); // g2 (modifiée) et d2 (supprimée) écartées
  const odd = JSON.parse(old);
  odd.answers.d3 = 1; // une réponse à une question que sa version n’avait pas : écartée aussi
  assert.deepEqual(S.readExport(next, JSON.stringify(odd)).state.answers, { g1: 3, d1: 8, m1: 0 });
  assert.deepEqual(r.changes.changed, ['g2']);
  // g2 = 2 voulait dire 5 points sur 5 ; dans la nouvelle version 5 sur 5 aussi, mais jamais comptée
  const D = require('../../overrides/assets/javascripts/diagnostic-core.js');
  assert.equal(D.scoreAxes(next, r.state.answers).gouv.score, 100); // 3/3 sur g1 seule
  assert.equal(D.scoreAxes(next, r.state.answers).data.score, 100); // d1 seule
});

test('versions : un autre questionnaire est refusé en le nommant', () => {
  const other = JSON.stringify({ format: 'vmi-diagnostic', v: 1, questionnaire: { id: 'autre-chose', version: 'x', questions: {} }, answers: {} });
  assert.throws(() => S.readExport(data, other), (e) => e.kind === 'autre' && /autre questionnaire \(«\u00a0autre-chose\u00a0»\)/.test(e.message));
  assert.throws(() => S.readExport(data, '{"format":"vmi-diagnostic","v":1,"questionnaire":3}'), frenchError(/questionnaire non identifié/));
  assert.throws(() => S.readExport(data, '{"format":"x"}'), (e) => e.kind === 'etranger');
});

test('versions : un export sans version (plus ancien) est relu strictement', () => {
  const r = S.readExport(data, JSON.stringify({ format: 'vmi-diagnostic', v: 1, answers: { g1: 1 } }));
  assert.equal(r.changes, null);
  assert.deepEqual(r.state.answers, { g1: 1 });
});

test('évolution : score actuel moins score importé, vide quand l’un manque', () => {
  const D = require('../../overrides/assets/javascripts/diagnostic-core.js');
  const now = D.scoreAxes(data, { g1: 3, d1: 4 }), before = D.scoreAxes(data, { g1: 1, d1: 8, m1: 0 });
  assert.deepEqual(S.evolution(data, now, before), { gouv: 67, data: -50, mob: null });
  assert.deepEqual(S.evolution(data, now, null), { gouv: null, data: null, mob: null });
  assert.deepEqual(S.evolution(data, now, now), { gouv: 0, data: 0, mob: null });
  assert.deepEqual([67, -5, 0, null].map(S.evolutionText), ['▲ +67', '▼ −5', '=', '—']);
});

test('plan : ajouter une recommandation une seule fois, nettoyer ce qui est relu', () => {
  let plan = S.addAction(undefined, data.recommandations[0]);
  plan = S.addAction(plan, data.recommandations[0]);
  plan = S.addAction(plan, data.recommandations[1]);
  assert.deepEqual(plan.map((a) => [a.reco, a.axe, a.texte, a.statut]),
    [['r1', 'gouv', 'Nommer un référent', 'a-faire'], ['r2', 'data', 'Inventorier les données', 'a-faire']]);
  const dirty = [{ ...plan[0], porteur: 'DGS', echeance: '2026-06-30', statut: 'en-cours' },
    { ...plan[1], echeance: '30/06/2026', statut: 'peut-être' }, { reco: 'r1', texte: 'double' }, { texte: 'sans reco' }, 'x'];
  const clean = S.cleanPlan(dirty);
  assert.equal(clean.length, 2);
  assert.deepEqual([clean[0].porteur, clean[0].echeance, clean[0].statut], ['DGS', '2026-06-30', 'en-cours']);
  assert.deepEqual([clean[1].echeance, clean[1].statut], ['', 'a-faire']);
});

test('plan : enregistré avec les réponses, exporté en JSON et en CSV', () => {
  const plan = [{ reco: 'r1', axe: 'gouv', texte: 'Nommer un référent', porteur: '=DGS; adjointe', echeance: '2026-06-30', statut: 'fait' }];
  const text = S.toJSON(data, { answers: {}, plan });
  assert.deepEqual(JSON.parse(text).plan, plan);
  assert.deepEqual(S.fromJSON(data, text).plan, plan);
  const lines = S.planCSV(data, plan).slice(1).split('\r\n');
  assert.equal(lines[0], 'action;axe;porteur;échéance;statut');
  assert.equal(lines[1], 'Nommer un référent;Gouvernance;"\'=DGS; adjointe";2026-06-30;Fait');
});

test('vote de la salle : répartition nettoyée, à discuter et points à vérifier comme pour l’équipe', () => {
  const votes = { g1: { 0: 4, 3: 6, nsp: 2 }, g2: { 1: 5, 2: 0, nsp: 1 }, d1: { 4: 2, 7: 3 }, m1: { 0: -1, 1: 1.5, x: 3 }, zz: { 0: 1 } };
  const clean = S.cleanVotes(data, votes);
  assert.deepEqual(Object.keys(clean), ['g1', 'g2', 'd1']); // m1 sans nombre valable, zz inconnue
  assert.deepEqual(clean.g1, { 0: 4, 1: 0, 2: 0, 3: 6, nsp: 2 });
  const r = S.roomSummary(data, votes);
  assert.equal(r.questions.g1.aDiscuter, true); // 0 et 3 points sur 3
  assert.equal(r.questions.g2.aDiscuter, false); // une seule réponse choisie
  assert.equal(r.questions.d1.aDiscuter, false); // 4 et 7 sur 8 : 3 < 4
  assert.deepEqual(r.aDiscuter, ['g1']);
  assert.deepEqual(r.aVerifier, ['g1']); // deux « je ne sais pas » ou plus
  assert.equal(r.questions.g1.reponses, 10);
});
