'use strict';
// « Votre collectivité »: folding, the suggestions, the snapshot saved with the answers, the share
// link and the team page's messages. Expected figures are read from the official list itself
// (territory-list.js, written by `make territoires`), never typed here.
const test = require('node:test');
const assert = require('node:assert/strict');
const Territories = require('../../overrides/assets/javascripts/territory-core.js');
const list = require('../../overrides/assets/javascripts/territory-list.js');
const Diagnostic = require('../../overrides/assets/javascripts/diagnostic-core.js');
const FollowUp = require('../../overrides/assets/javascripts/followup-core.js');
const Synthesis = require('../../overrides/assets/javascripts/synthesis-core.js');

const index = Territories.build(list);
const rows = list.communes.split('\n').filter(Boolean).map((line) => line.split('|'));
const byName = (name) => index.entries.filter((entry) => entry.nom === name);
const DATA = { axes: [{ id: 'a', nom: 'Données' }], niveaux: [{ min: 0, nom: 'Début' }],
  questions: [{ id: 'q', axe: 'a', points: [0, 2] }], recommandations: [] };

test('folding sets aside accents, case, hyphens and apostrophes; « st » reads « saint »', () => {
  assert.equal(Territories.fold('Saint-Dié-des-Vosges'), 'saint die des vosges');
  assert.equal(Territories.fold('  ST-DIÉ '), 'saint die');
  assert.equal(Territories.fold('L’Haÿ-les-Roses'), 'l hay les roses');
  assert.equal(Territories.fold('Œuilly'), 'oeuilly');
  assert.equal(Territories.fold('Sainte-Foy'), Territories.fold('ste foy'));
  assert.equal(Territories.fold('--'), '');
});

test('« saint die » finds Saint-Dié-des-Vosges first, then its intercommunality', () => {
  const found = Territories.search(index, 'saint die');
  const [town] = byName('Saint-Dié-des-Vosges');
  assert.equal(found[0], town);
  assert.ok(found.some((entry) => entry.type === 'epci' && entry.code === town.epci.code));
  assert.deepEqual(Territories.search(index, 'SAINT-DIÉ'), found);
  assert.deepEqual(Territories.search(index, 'st die'), found);
});

test('every word typed must begin a word of the name, in any order', () => {
  for (const entry of Territories.search(index, 'vosges die')) {
    assert.ok(entry.words.some((w) => w.startsWith('vosges')) &&
      entry.words.some((w) => w.startsWith('die')));
  }
  assert.deepEqual(Territories.search(index, 'zzzz qqq'), []);
  assert.deepEqual(Territories.search(index, '   '), []);
});

test('names shared by several communes come with their departments', () => {
  const counts = {};
  index.entries.forEach((entry) => { counts[entry.nom] = (counts[entry.nom] || 0) + 1; });
  const shared = Object.keys(counts).find((name) => counts[name] > 1 &&
    byName(name).every((e) => e.type === 'commune'));
  assert.ok(shared, 'a name shared by communes of at least 3,500 inhabitants');
  const found = Territories.search(index, shared, 50).filter((entry) => entry.nom === shared);
  assert.equal(found.length, counts[shared]);
  assert.equal(new Set(found.map((entry) => entry.departementCode)).size, found.length);
});

test('a postcode, or its beginning, gives the communes it serves', () => {
  const [town] = byName('Saint-Dié-des-Vosges');
  const postcode = town.codesPostaux[0];
  assert.ok(Territories.search(index, postcode).includes(town));
  for (const entry of Territories.search(index, postcode.slice(0, 3))) {
    assert.ok(entry.codesPostaux.some((code) => code.startsWith(postcode.slice(0, 3))));
  }
  assert.deepEqual(Territories.search(index, town.code), [town]);
  assert.deepEqual(Territories.search(index, town.epci.code).map((e) => e.code), [town.epci.code]);
});

test('entries carry the list’s figures and the band make territoires gave them', () => {
  for (const row of rows.filter((_, i) => i % 97 === 0)) {
    const entry = index.byCode[row[0]];
    assert.equal(entry.nom, row[1]);
    assert.equal(entry.population, +row[3]);
    assert.equal(entry.taille, list.tailles[+row[4]][0]);
    assert.equal(entry.departement, list.departements[row[2] || row[0].slice(0, 2)][0]);
  }
  assert.equal(index.entries.length, rows.length + list.epci.split('\n').filter(Boolean).length);
});

test('the snapshot is what the diagnostic saves and exports, read back the same', () => {
  const [town] = byName('Saint-Dié-des-Vosges');
  const saved = Territories.snapshot(index, town, 'oui');
  assert.equal(saved.annee, list.edition);
  assert.equal(saved.source, list.source);
  const state = Diagnostic.validateState(DATA, { v: 1, answers: { q: 1 }, collectivite: saved });
  assert.deepEqual(state.collectivite, saved);
  const exported = JSON.parse(FollowUp.toJSON(DATA, state));
  assert.deepEqual([exported.collectivite.code, exported.collectivite.nom, exported.collectivite.type],
    [town.code, town.nom, 'commune']);
  assert.deepEqual(FollowUp.fromJSON(DATA, JSON.stringify(exported)).collectivite, saved);
});

test('the share link carries the code and the agents answer; an unknown code keeps the answers', () => {
  const [town] = byName('Saint-Dié-des-Vosges');
  const state = Diagnostic.validateState(DATA, { v: 1, answers: { q: 1 },
    collectivite: Territories.snapshot(index, town, 'nsp') });
  const link = FollowUp.encodeShare(DATA, state);
  assert.match(link, new RegExp('&c=' + town.code + '&a=nsp$'));
  const read = FollowUp.decodeShare(DATA, link);
  assert.deepEqual([read.collectivite.code, read.collectivite.type, read.collectivite.agents],
    [town.code, 'commune', 'nsp']);
  const unknown = FollowUp.decodeShare(DATA, link.replace(town.code, '00000'));
  assert.deepEqual(unknown.answers, { q: 1 });
  assert.equal(index.byCode[unknown.collectivite.code], undefined);
  assert.equal(FollowUp.decodeShare(DATA, link.split('&')[0]).collectivite, undefined);
});

test('team page: exports naming different collectivités get one warning naming the files', () => {
  const [first, second] = [byName('Saint-Dié-des-Vosges')[0], index.entries.find((e) => e.type === 'epci')];
  const respondent = (label, entry) => ({ label, state: { collectivite: entry &&
    Territories.snapshot(index, entry) } });
  const nameOf = (code) => (index.byCode[code] ? index.byCode[code].nom : null);
  const same = [respondent('a.json', first), respondent('b.json', first), respondent('c.json')];
  assert.deepEqual(Synthesis.territoryMessages(same, nameOf), []);
  const mixed = Synthesis.territoryMessages([...same, respondent('d.json', second)], nameOf);
  assert.equal(mixed.length, 1);
  for (const name of ['a.json', 'b.json', 'd.json', first.nom,
    second.nom]) assert.ok(mixed[0].text.includes(name), name);
  assert.ok(!mixed[0].text.includes('c.json'));
  const unknown = Synthesis.territoryMessages([{ label: 'e.json',
    state: { collectivite: { code: '00000', nom: 'Exempleville' } } }], nameOf);
  assert.match(unknown[0].text, /e\.json.*00000.*inconnue des données officielles/);
});
