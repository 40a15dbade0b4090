/* « Votre collectivité »: the official list (territory-list.js, written by `make territoires`)
   read into entries, the search behind the suggestions and the snapshot saved with the answers.
   Pure logic without the DOM (VMI.territories, or a Node module). Loaded with the field's script
   when the field is first used. Size bands are never computed here: each row carries the one
   that territories.size_band gave it at `make territoires`. */
(function (VMI) {
  'use strict';
  const LIMIT = 8;
  const WORDS = { st: 'saint', ste: 'sainte' };

  // Lower case, no accents, « œ » → « oe », every run of other characters one space; « st » and
  // « ste » read as « saint » and « sainte ». « Saint-Dié-des-Vosges » and « st die » meet.
  function fold(text) {
    return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/[^a-z0-9]+/g, ' ').trim()
      .split(' ').map((word) => WORDS[word] || word).join(' ');
  }

  // The list → { entries, byCode, edition, source, sources }. Each entry: { code, nom, type
  // ('commune'|'epci'), population, taille, tailleNom, departement, departementCode, region,
  // regionCode, epci (null, or { code, nom, type, population } for a commune), codesPostaux,
  // typeEpci (for an EPCI: its type's label), words, compact }.
  function build(list) {
    const entries = [];
    const byCode = Object.create(null);
    const groups = [];
    function place(entry, departmentCode) {
      const department = list.departements[departmentCode] || ['', ''];
      entry.departementCode = departmentCode; entry.departement = department[0];
      entry.regionCode = department[1]; entry.region = list.regions[department[1]] || '';
      const band = list.tailles[entry.taille];
      entry.taille = band[0]; entry.tailleNom = band[1];
      entry.key = fold(entry.nom);
      entry.words = entry.key.split(' ');
      entry.compact = entry.key.replace(/ /g, '');
      entries.push(entry); byCode[entry.code] = entry;
      return entry;
    }
    rows(list.epci).forEach((row) => {
      groups.push(place({ code: row[0], nom: row[1], type: 'epci', typeEpci: list.types[row[2]] || row[2],
        population: +row[3], taille: +row[4], epci: null, codesPostaux: [] },
      row[5] || row[0].slice(2, 4)));
    });
    rows(list.communes).forEach((row) => {
      const prefix = row[0].slice(0, 2);
      const group = row[5] === '' ? null : groups[+row[5]];
      place({ code: row[0], nom: row[1], type: 'commune', population: +row[3], taille: +row[4],
        epci: group && { code: group.code, nom: group.nom, type: group.typeEpci,
          population: group.population },
        codesPostaux: row[6] ? row[6].split(' ').map((code) => code.length === 5 ? code : prefix + code) : []
      },
      row[2] || prefix);
    });
    return { entries, byCode, edition: list.edition, source: list.source,
      sources: list.sources };
  }
  function rows(table) {
    return table.split('\n').filter(Boolean).map((line) => line.split('|'));
  }

  // How well an entry matches the folded query (lower is better), or -1: every word of the query
  // begins a word of the name (in any order), or the query begins the name written without
  // spaces (« lhay » for L'Haÿ-les-Roses).
  function rank(entry, query, words) {
    if (entry.key.startsWith(query)) return 0;
    if (entry.compact.startsWith(query.replace(/ /g, ''))) return 1;
    const found = words.every((prefix) => entry.words.some((word) => word.startsWith(prefix)));
    if (!found) return -1;
    return entry.words[0].startsWith(words[0]) ? 2 : 3;
  }

  // Suggestions for what was typed: a postcode or its beginning (two digits or more) gives the
  // communes it serves; an INSEE code or a SIREN, that collectivité; else names, best match
  // first, then the most populous. At most `limit` (8).
  function search(index, typed, limit) {
    const query = fold(typed);
    const digits = query.replace(/ /g, '');
    const found = [];
    limit = limit || LIMIT;
    if (!query) return [];
    if (index.byCode[typed.trim().toUpperCase()]) return [index.byCode[typed.trim().toUpperCase()]];
    if (/^[0-9]{2,5}$/.test(digits)) {
      index.entries.forEach((entry) => {
        if (entry.codesPostaux.some((code) => code.startsWith(digits))) found.push({ entry, rank: 0 });
      });
    } else {
      const words = query.split(' ');
      index.entries.forEach((entry) => {
        const r = rank(entry, query, words);
        if (r >= 0) found.push({ entry, rank: r });
      });
    }
    return found.sort((a, b) => a.rank - b.rank || b.entry.population - a.entry.population)
      .slice(0, limit).map((match) => match.entry);
  }

  // What is saved with the answers, exported and read by other pages (VMI.collectivite).
  function snapshot(index, entry, agents) {
    const saved = { code: entry.code, nom: entry.nom, type: entry.type,
      population: entry.population, taille: entry.taille, tailleNom: entry.tailleNom,
      departement: entry.departement, departementCode: entry.departementCode, region: entry.region,
      regionCode: entry.regionCode, epci: entry.epci,
      annee: index.edition, source: index.source };
    if (entry.type === 'epci') saved.typeEpci = entry.typeEpci;
    if (agents) saved.agents = agents;
    return saved;
  }

  const api = { fold, build, search, snapshot, LIMIT };
  VMI.territories = api;
  if (typeof module === 'object') module.exports = api;
})(typeof module === 'object' ? require('./vmi.js')({}) : window.VMI);
