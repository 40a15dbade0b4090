'use strict';
// Fixed self-diagnosis cases found by the property tests (tests/corpus/navigateur/): each
// folder holds one input (partage.txt, import.json or etat.json) and expected.txt, the exact
// message, or « aucune erreur » followed by the share code of the state read, which must read
// back the same once exported. Team synthesis: equipe.json holds the sources dropped on the
// page ({ name, text } or { link }), expected.txt their messages, one a line, then
// « répondants : N ».
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Diagnostic = require('../../overrides/assets/javascripts/diagnostic-core.js');
// Exports, imports and share links live in followup-core.js (loaded on first use).
const FollowUp = require('../../overrides/assets/javascripts/followup-core.js');
const Synthesis = require('../../overrides/assets/javascripts/synthesis-core.js');

const CORPUS = path.join(__dirname, '..', 'corpus', 'navigateur');
const data = JSON.parse(fs.readFileSync(path.join(CORPUS, 'questionnaire.json'), 'utf8'));
const READERS = {
  'partage.txt': (text) => FollowUp.decodeShare(data, text),
  'import.json': (text) => FollowUp.fromJSON(data, text),
  'etat.json': (text) => Diagnostic.validateState(data, JSON.parse(text))
};
const cases = fs.readdirSync(CORPUS).filter((name) => fs.existsSync(path.join(CORPUS, name, 'expected.txt')));
const team = (name) => fs.existsSync(path.join(CORPUS, name, 'equipe.json'));
const expectedOf = (name) => fs.readFileSync(path.join(CORPUS, name, 'expected.txt'),
  'utf8').trim().split('\n');

test('browser corpus: has its cases', () => assert.ok(cases.length >= 5));

for (const name of cases.filter((n) => !team(n))) {
  test('browser corpus: ' + name, () => {
    const folder = path.join(CORPUS, name);
    const input = Object.keys(READERS).find((file) => fs.existsSync(path.join(folder, file)));
    const expected = expectedOf(name);
    let got;
    try {
      const state = READERS[input](fs.readFileSync(path.join(folder, input), 'utf8'));
      got = ['aucune erreur', FollowUp.encodeShare(data, state)];
      assert.deepEqual(FollowUp.fromJSON(data, FollowUp.toJSON(data, state)), state); // read back as exported
    } catch (e) {
      if (e instanceof assert.AssertionError) throw e;
      assert.ok(e instanceof Error, String(e));
      got = [e.message];
    }
    assert.deepEqual(got, expected);
  });
}

for (const name of cases.filter(team)) {
  test('browser corpus, team synthesis: ' + name, () => {
    const sources = JSON.parse(fs.readFileSync(path.join(CORPUS, name, 'equipe.json'), 'utf8'));
    const list = [];
    const messages = Synthesis.addSources(data, list, sources).map((m) => m.text);
    assert.deepEqual(messages.concat(['répondants : ' + list.length]), expectedOf(name));
  });
}
