'use strict';
// Property of the « Votre collectivité » field (territory-core.js): whatever is typed (any
// Unicode, names mutated a character at a time), the search gives at most eight suggestions,
// each one matching what was typed, and never throws.
const test = require('node:test');
const Territories = require('../../overrides/assets/javascripts/territory-core.js');
const list = require('../../overrides/assets/javascripts/territory-list.js');
const Fuzzing = require('./fuzzing.js');
const { fc } = Fuzzing;

const index = Territories.build(list);
const names = index.entries.slice(0, 300).map((entry) => entry.nom);

test('property: any text typed gives at most eight suggestions, each matching it', () => {
  const typed = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }),
    fc.constantFrom('', ' ', '-', '88', '2A', 'é', '\u0301'),
    fc.constantFrom(...names).chain(Fuzzing.textMutation));
  Fuzzing.holds('collectivité', typed, (text) => {
    const found = Territories.search(index, text);
    const query = Territories.fold(text);
    if (found.length > Territories.LIMIT) return false;
    return found.every((entry) => entry.key.startsWith(query) ||
      entry.compact.startsWith(query.replace(/ /g, '')) ||
      entry.codesPostaux.some((code) => code.startsWith(query.replace(/ /g, ''))) ||
        entry.code === text.trim().toUpperCase() ||
      query.split(' ').every((word) => entry.words.some((w) => w.startsWith(word))));
  });
});
