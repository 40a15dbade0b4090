'use strict';
// The decision part of the results (priorities-core.js): which obligations apply, the six
// priorities, look-alike cases, eligible funding and the follow-up calendar file.
const test = require('node:test');
const assert = require('node:assert/strict');
const P = require('../../overrides/assets/javascripts/priorities-core.js');
const Diagnostic = require('../../overrides/assets/javascripts/diagnostic-core.js');
const { data } = require('./donnees.js');

const town = (population, extra) => Object.assign({ code: '99001', nom: 'Exempleville',
  type: 'commune', population,
  taille: population < 20000 ? '10000-20000' : '20000-50000', region: 'Grand Est' }, extra);
const obligation = (extra) => Object.assign({ id: 'o', concerne: 'les-deux', seuil_population: 0,
  seuil_population_epci: 0,
  seuil_agents: null, statut: 'en-vigueur', axe: 'data', questions: ['d1'] }, extra);

test('applicability: population thresholds apply above them, the agents one from it', () => {
  const o = obligation({ seuil_population: 3500, seuil_agents: 50 });
  assert.equal(P.applies(o, town(3500, { agents: 'oui' })), 'non');
  assert.equal(P.applies(o, town(3501, { agents: 'oui' })), 'oui');
  assert.equal(P.applies(o, town(25000, { agents: 'non' })), 'non');
  for (const agents of [undefined, 'nsp']) assert.equal(P.applies(o,
    town(25000, { agents })), 'si-50-agents');
  assert.equal(P.applies(obligation({ seuil_population: 50000 }), town(50000)), 'non');
  assert.equal(P.applies(obligation({ seuil_population: 50000 }), town(50001)), 'oui');
});

test('applicability: who it concerns, the intercommunality threshold, a bill like a law', () => {
  const epci = { code: '200000001', type: 'epci', population: 40000 };
  assert.equal(P.applies(obligation({ concerne: 'commune' }), epci), 'non');
  assert.equal(P.applies(obligation({ concerne: 'epci' }), town(90000)), 'non');
  assert.equal(P.applies(obligation({ seuil_population: 3500, seuil_population_epci: 0 }),
    Object.assign({}, epci, { population: 1000 })), 'oui');
  assert.equal(P.applies(obligation({ seuil_population: 0, seuil_population_epci: 50000 }), epci), 'non');
  assert.equal(P.applies(obligation({ statut: 'projet' }), town(12000)), 'oui');
});

test('obligations list: those that apply first, then « si 50 agents », then the others, else the file order',
  () => {
    const list = [obligation({ id: 'a', seuil_population: 50000 }), obligation({ id: 'b', seuil_agents: 50 }),
      obligation({ id: 'c' })];
    assert.deepEqual(P.obligations(list, town(25000)).map((x) => [x.obligation.id, x.applicable]),
      [['c', 'oui'], ['b', 'si-50-agents'], ['a', 'non']]);
    assert.deepEqual(P.obligations(list, null).map((x) => x.obligation.id), ['a', 'b', 'c']);
  });

// A questionnaire with ten recommendations over three axes, to see the rule pick six.
const big = Object.assign({}, data, {
  recommandations: ['gouv', 'gouv', 'gouv', 'data', 'data', 'data', 'mob', 'mob',
    'mob', 'gouv'].map((axe, i) =>
    ({ id: 'r' + i, axe, jusqu_a: 100, texte: 'Action ' + i, liens: [] }))
});
function rule(answers, targets, obligations, collectivite) {
  const state = { answers, targets: targets || {} };
  const results = Diagnostic.scoreAxes(big, answers);
  return P.priorities(big, state, results, Diagnostic.applicableRecommendations(big, results),
    obligations || [], collectivite);
}

test('priorities: at most six, the rest kept as other leads', () => {
  const out = rule({ g1: 0, g2: 0, d1: 0, d2: 0, m1: 1 });
  assert.equal(out.priorities.length, 6);
  assert.equal(out.others.length, 4);
});

test('priorities: an applicable obligation answered low first, then the largest gap, ' +
  'then the questionnaire order', () => {
  // gouv 0, data 50, mob 100 (no target: the highest level, 80, is the target)
  const answers = { g1: 0, g2: 0, g3: 0, g4: 0, d1: 8, d2: 0, m1: 0 };
  const plain = rule(answers).priorities.map((p) => p.recommendation.id);
  assert.deepEqual(plain, ['r0', 'r1', 'r2', 'r9', 'r3', 'r4']);
  // The data obligation applies to a town above 3 500 inhabitants and d2 was answered low.
  const o = obligation({ seuil_population: 3500, questions: ['d2'] });
  const withLaw = rule(answers, {}, [o], town(25000)).priorities;
  assert.deepEqual(withLaw.map((p) => p.recommendation.id), ['r3', 'r4', 'r5', 'r0', 'r1', 'r2']);
  assert.equal(withLaw[0].obligation.id, 'o');
  assert.deepEqual(withLaw[0].why, { question: 'd2', answer: 0 });
  // Not for a town below the threshold, nor when the obligation's questions were answered well.
  assert.deepEqual(rule(answers, {}, [o], town(3000)).priorities.map((p) => p.recommendation.id), plain);
  assert.deepEqual(rule(Object.assign({}, answers, { d2: 2 }), {}, [o],
    town(25000)).priorities[0].obligation, null);
  // Data at 40 and the gouv target lowered to « Initiation » (20): the data gap (80 − 40) leads.
  const targeted = rule(Object.assign({}, answers, { d1: 4 }),
    { gouv: 1 }).priorities.map((p) => p.recommendation.id);
  assert.deepEqual(targeted.slice(0, 3), ['r3', 'r4', 'r5']);
});

test('priorities: the answer that triggered each one is the weakest answered question of its axis', () => {
  const p = rule({ g1: 3, g2: 0, g3: 2 }).priorities[0];
  assert.deepEqual(p.why, { question: 'g2', answer: 0 });
});

test('likeness: same band and region, then same band, then same region, then any', () => {
  const me = town(25000, { region: 'Hauts-de-France' });
  const cases = [
    { slug: 'a', taille: '50000-100000', region: 'Bretagne' },
    { slug: 'b', taille: '50000-100000', region: 'Hauts-de-France' },
    { slug: 'c', taille: '20000-50000', region: 'Bretagne' },
    { slug: 'd', taille: '20000-50000', region: 'hauts de france' },
    { slug: 'e', taille: '', region: '' }
  ];
  assert.deepEqual(P.byLikeness(cases, me, (c) => c).map((c) => c.slug), ['d', 'c', 'b', 'a', 'e']);
  assert.deepEqual(cases.map((c) => P.LIKENESS[P.likeness(me, c)]),
    ['', 'même région', 'même taille', 'même taille et même région', '']);
  assert.deepEqual(P.byLikeness(cases, null, (c) => c).map((c) => c.slug), ['a', 'b', 'c', 'd', 'e']);
});

test('likeness: the collectivité\'s own case first, named as its own, not as alike to itself', () => {
  const me = town(25000, { region: 'Hauts-de-France' }); // code 99001
  const cases = [
    { slug: 'voisine', code: '99002', taille: '20000-50000', region: 'Hauts-de-France' },
    { slug: 'elle-meme', code: '99001', taille: '20000-50000', region: 'Hauts-de-France' }
  ];
  assert.deepEqual(P.byLikeness(cases, me, (c) => c).map((c) => c.slug), ['elle-meme', 'voisine']);
  assert.deepEqual(cases.map((c) => P.LIKENESS[P.likeness(me, c)]),
    ['même taille et même région', 'votre collectivité']);
});

test('funding: by type, population (inclusive bounds) and axis; nothing without a collectivité', () => {
  const schemes = [
    { id: 'detr', axes: ['data'], eligibilite: [{ type: 'commune', population_min: null,
      population_max: 20000 }, { type: 'epci', population_max: 75000 }] },
    { id: 'dsil', axes: ['data', 'gouv'], eligibilite: [{ type: 'commune' }, { type: 'epci' }] },
    { id: 'gros', axes: ['data'], eligibilite: [{ type: 'commune', population_min: 50000 }] }
  ];
  const ids = (axis, c) => P.funding(schemes, axis, c).map((s) => s.id);
  assert.deepEqual(ids('data', town(20000)), ['detr', 'dsil']);
  assert.deepEqual(ids('data', town(20001)), ['dsil']);
  assert.deepEqual(ids('data', town(60000)), ['dsil', 'gros']);
  assert.deepEqual(ids('gouv', town(12000)), ['dsil']);
  assert.deepEqual(ids('data', { type: 'epci', population: 80000 }), ['dsil']);
  assert.deepEqual(ids('data', null), []);
});

test('Aides-territoires: the search for the collectivité’s kind, commune by default', () => {
  const searches = { data: { commune: 'https://a/?c', epci: 'https://a/?e' } };
  assert.equal(P.aidesLink(searches, 'data', { type: 'epci' }), 'https://a/?e');
  assert.equal(P.aidesLink(searches, 'data', null), 'https://a/?c');
  assert.equal(P.aidesLink(searches, 'gouv', null), null);
});

test('six months on: the same day, or the month’s last when it has none', () => {
  assert.equal(P.addMonths(new Date(2026, 11, 7), 6), '2027-06-07');
  assert.equal(P.addMonths(new Date(2026, 7, 31), 6), '2027-02-28');
  assert.equal(P.addMonths(new Date(2027, 7, 31), 6), '2028-02-29');
  assert.equal(P.addMonths(new Date(2026, 0, 15), 6), '2026-07-15');
});

test('ics: RFC 5545 calendar, CRLF, one all-day event, lines folded at 75 octets', () => {
  const text = P.ics({ uid: 'suivi-1@exempleville', now: new Date(Date.UTC(2026, 11, 7, 12,
    45, 3)), day: '2027-06-07',
  summary: 'Point d’étape, auto-diagnostic; six mois', description: 'é'.repeat(120) });
  assert.ok(text.endsWith('\r\n'));
  assert.equal(text.replace(/\r\n/g, '').indexOf('\n'), -1);
  const lines = text.split('\r\n').slice(0, -1);
  assert.deepEqual(lines.slice(0, 3), ['BEGIN:VCALENDAR', 'VERSION:2.0',
    'PRODID:-//villes-moyennes-intelligentes//auto-diagnostic//FR']);
  for (const line of lines) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
  const unfolded = text.replace(/\r\n /g, '').split('\r\n');
  assert.ok(unfolded.includes('DTSTART;VALUE=DATE:20270607'));
  assert.ok(unfolded.includes('DTSTAMP:20261207T124503Z'));
  assert.ok(unfolded.includes('UID:suivi-1@exempleville'));
  assert.ok(unfolded.includes('SUMMARY:Point d’étape\\, auto-diagnostic\\; six mois'));
  assert.ok(unfolded.includes('DESCRIPTION:' + 'é'.repeat(120)));
  assert.deepEqual(unfolded.filter((l) => /^(BEGIN|END):VEVENT$/.test(l)), ['BEGIN:VEVENT', 'END:VEVENT']);
});
