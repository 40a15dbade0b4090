'use strict';
// Cas fixes du diagnostic trouvés par les tests par propriétés (tests/corpus/navigateur/) :
// chaque dossier tient une entrée (partage.txt, import.json ou etat.json) et expected.txt,
// le message exact, ou « aucune erreur » suivi du code de partage de l'état obtenu, qui doit
// se relire à l'identique une fois exporté. Synthèse d'équipe : equipe.json tient les sources
// déposées sur la page ({ name, text } ou { link }), expected.txt ses messages, un par ligne,
// puis « répondants : N ».
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const D = require('../../overrides/assets/javascripts/diagnostic-core.js');
// Exports, imports and share links live in suivi-core.js (loaded on first use).
const S = require('../../overrides/assets/javascripts/suivi-core.js');
const Y = require('../../overrides/assets/javascripts/synthese-core.js');

const CORPUS = path.join(__dirname, '..', 'corpus', 'navigateur');
const data = JSON.parse(fs.readFileSync(path.join(CORPUS, 'questionnaire.json'), 'utf8'));
const READERS = {
  'partage.txt': (text) => S.decodeShare(data, text),
  'import.json': (text) => S.fromJSON(data, text),
  'etat.json': (text) => D.validateState(data, JSON.parse(text))
};
const cases = fs.readdirSync(CORPUS).filter((name) => fs.existsSync(path.join(CORPUS, name, 'expected.txt')));
const team = (name) => fs.existsSync(path.join(CORPUS, name, 'equipe.json'));
const expectedOf = (name) => fs.readFileSync(path.join(CORPUS, name, 'expected.txt'), 'utf8').trim().split('\n');

test('le corpus du navigateur a ses cas', () => assert.ok(cases.length >= 5));

for (const name of cases.filter((n) => !team(n))) {
  test('corpus navigateur : ' + name, () => {
    const folder = path.join(CORPUS, name);
    const input = Object.keys(READERS).find((file) => fs.existsSync(path.join(folder, file)));
    const expected = expectedOf(name);
    let got;
    try {
      const state = READERS[input](fs.readFileSync(path.join(folder, input), 'utf8'));
      got = ['aucune erreur', S.encodeShare(data, state)];
      assert.deepEqual(S.fromJSON(data, S.toJSON(data, state)), state); // relu tel qu'exporté
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      assert.ok(e instanceof Error, String(e));
      got = [e.message];
    }
    assert.deepEqual(got, expected);
  });
}

for (const name of cases.filter(team)) {
  test('corpus navigateur, synthèse d’équipe : ' + name, () => {
    const sources = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'equipe.json'), 'utf8')), list = [];
    const messages = Y.addSources(data, list, sources).map((m) => m.text);
    assert.deepEqual(messages.concat(['répondants : ' + list.length]), expectedOf(name));
  });
}
