/* Team synthesis: several self-diagnosis exports brought together without a server. Pure
   logic without the DOM (VMI.synthesis, or a Node module); needs diagnostic-core.js and
   followup-core.js. */
(function (VMI) {
  'use strict';
  const Diagnostic = VMI.diagnostic || require('./diagnostic-core.js');
  const FollowUp = VMI.followUp || require('./followup-core.js');
  const { NBSP, quoted } = VMI;

  // Median of integers; for an even count, the mean of the middle two, halves rounded up.
  function median(values) {
    const sorted = values.slice().sort((a, b) => a - b);
    const count = sorted.length;
    const middle = count >> 1;
    if (!count) return null;
    return count % 2 ? sorted[middle] : Math.floor((sorted[middle - 1] + sorted[middle] + 1) / 2);
  }

  // What makes a respondent a duplicate: the same export, or the same link.
  function keyOf(state) {
    return JSON.stringify([state.date, state.answers, state.targets, state.notes, state.nom || '']);
  }

  // A file or a link → a respondent { label, nom, role, state, key, changes }, or an Error in
  // French (kind « etranger » or « autre »). An export of another version carries its changes.
  // A room's vote (projection) becomes a source { salle: true, votes }: its raised hands count
  // in each question's answers, not in the scores per axis.
  function fromFile(data, name, text) {
    let parsed;
    try { parsed = JSON.parse(text); } catch (e) { parsed = null; }
    if (parsed && parsed.format === 'vmi-salle') return fromRoom(data, name, parsed);
    const read = FollowUp.readExport(data, text); const state = read.state;
    return { label: name, nom: state.nom || '', role: state.role || '', state, key: keyOf(state),
      changes: read.changes && !read.changes.same ? read.changes : null };
  }
  function fromRoom(data, name, parsed) {
    const room = FollowUp.readRoom(data, parsed);
    let error;
    if (!Object.keys(room.votes).length) {
      error = new Error('Ce vote de la salle ne contient aucun vote.'); error.kind = 'vide'; throw error;
    }
    return { label: name, salle: true, nom: '', role: '', votes: room.votes, state: { date: room.date },
      key: 'salle:' + JSON.stringify([room.date, room.votes]),
      changes: room.changes.same ? null : room.changes };
  }
  function fromLink(data, line) {
    const code = line.trim().replace(/^[^#]*#r=/, '');
    const state = FollowUp.decodeShare(data, code);
    return { label: 'lien ' + code.slice(0, 12) + '…', nom: '', role: '', state,
      key: 'r=' + code, changes: null };
  }

  // Adds sources { name, text } or { link } to the list; returns the messages (one per source
  // left out or worth a word), each naming its file.
  function addSources(data, list, sources) {
    const messages = [];
    sources.forEach((source) => {
      let entry;
      const name = source.link !== undefined ? source.link : source.name;
      try {
        entry = source.link !== undefined ? fromLink(data, source.link)
          : fromFile(data, source.name, source.text);
      } catch (e) {
        messages.push({ kind: e.kind || 'etranger',
          text: quoted(name) + NBSP + ': ' + e.message + ' Il n’est pas compté.' });
        return;
      }
      const duplicate = list.find((other) => other.key === entry.key);
      if (duplicate) {
        messages.push({ kind: 'doublon', text: quoted(name) + ' est le même export que ' +
          quoted(duplicate.label) + NBSP + ': il n’est compté qu’une fois.' });
        return;
      }
      if (entry.changes) messages.push({ kind: 'version', text: quoted(name) + NBSP + ': ' +
        FollowUp.describeChanges(data, entry.changes) });
      list.push(entry);
    });
    return messages;
  }

  function displayName(respondent, i) { return respondent.nom || 'Répondant' + NBSP + (i + 1); }
  // The respondents (exports and links), then the rooms' votes.
  function persons(list) { return list.filter((entry) => !entry.salle); }
  function rooms(list) { return list.filter((entry) => entry.salle); }

  function aggregate(data, list) {
    const respondents = persons(list);
    const roomVotes = rooms(list);
    const results = respondents.map((respondent) => Diagnostic.scoreAxes(data, respondent.state.answers));
    const axes = {};
    const questions = {};
    const toDiscuss = [];
    const toCheck = [];
    const notes = {};
    data.axes.forEach((axis) => {
      const scores = results.map((result) => result[axis.id].score);
      const scored = scores.filter((score) => score !== null);
      axes[axis.id] = { mediane: median(scored), min: scored.length ? Math.min.apply(null, scored) : null,
        max: scored.length ? Math.max.apply(null, scored) : null, repondants: scored.length, scores };
      notes[axis.id] = [];
      respondents.forEach((respondent, i) => {
        const text = respondent.state.notes[axis.id];
        if (text) notes[axis.id].push({ nom: displayName(respondent, i),
          role: respondent.role, texte: text });
      });
    });
    data.questions.forEach((question) => {
      const counts = FollowUp.emptyCounts(question);
      respondents.forEach((respondent) => {
        const answer = respondent.state.answers[question.id];
        if (answer != null) counts[answer]++;
      });
      roomVotes.forEach((room) => {
        const votes = room.votes[question.id] || {};
        Object.keys(counts).forEach((choice) => { counts[choice] += votes[choice] || 0; });
      });
      const verdict = questions[question.id] = FollowUp.verdict(question, counts);
      if (verdict.aDiscuter) toDiscuss.push(question.id);
      if (verdict.nsp > 1) toCheck.push(question.id);
    });
    return { axes, questions, aDiscuter: toDiscuss, aVerifier: toCheck,
      notes, scores: results };
  }

  // The respondents as the JSON export lists them.
  function respondentRecords(list) {
    return persons(list).map((respondent, i) => ({
      nom: displayName(respondent, i), role: respondent.role, fichier: respondent.label,
      date: respondent.state.date
    }));
  }
  function toJSON(data, list, synthesis) {
    const axes = {};
    const questions = {};
    data.axes.forEach((axis) => {
      const figures = synthesis.axes[axis.id];
      axes[axis.id] = { nom: axis.nom, mediane: figures.mediane, min: figures.min, max: figures.max,
        repondants: figures.repondants, scores: figures.scores, notes: synthesis.notes[axis.id] };
    });
    data.questions.forEach((question) => {
      const verdict = synthesis.questions[question.id];
      questions[question.id] = { axe: question.axe, repartition: verdict.repartition,
        a_discuter: verdict.aDiscuter };
    });
    return JSON.stringify({ format: 'vmi-synthese', v: 1, questionnaire: FollowUp.identity(data),
      date: new Date().toISOString(),
      repondants: respondentRecords(list),
      salle: rooms(list).map((room) => ({ fichier: room.label, date: room.state.date, votes: room.votes })),
      axes, questions }, null, 2);
  }
  function toCSV(data, list, synthesis) {
    const names = respondentRecords(list).map((record) => record.nom);
    const rows = [['axe', 'médiane', 'min', 'max', 'répondants comptés'].concat(names)];
    data.axes.forEach((axis) => {
      const figures = synthesis.axes[axis.id];
      rows.push([axis.nom, figures.mediane, figures.min, figures.max,
        figures.repondants].concat(figures.scores));
    });
    rows.push([]);
    rows.push(['question', 'axe', 'à discuter', 'je ne sais pas',
      'réponses (nombre par réponse, dans l’ordre)']);
    data.questions.forEach((question) => {
      const verdict = synthesis.questions[question.id];
      rows.push([question.id, question.axe, verdict.aDiscuter ? 'oui' : 'non', verdict.nsp,
        question.points.map((points, i) => verdict.repartition[i]).join(' / ')]);
    });
    return FollowUp.csvText(rows);
  }

  // « Votre collectivité » of the respondents: one warning naming the files when they name
  // different collectivités, and one per file whose code the official list does not know.
  // nameOf(code): its official name, or null when unknown (read from the list, territory-core.js).
  function territoryMessages(list, nameOf) {
    const byCode = {};
    const messages = [];
    persons(list).forEach((respondent) => {
      const territory = respondent.state.collectivite;
      if (!territory) return;
      const name = nameOf(territory.code);
      if (name === null) {
        messages.push({ kind: 'collectivite', text: quoted(respondent.label) + NBSP + ': la collectivité ' +
          quoted(territory.code) +
          ' est inconnue des données officielles' + NBSP + '; ses réponses sont comptées.' });
      }
      (byCode[territory.code] = byCode[territory.code] || []).push(quoted(respondent.label) + ' (' +
        (name || territory.nom || territory.code) + ')');
    });
    const codes = Object.keys(byCode);
    if (codes.length > 1) {
      messages.unshift({ kind: 'collectivite',
        text: 'Ces exports ne nomment pas la même collectivité' + NBSP + ': ' +
        codes.map((code) => byCode[code].join(', ')).join(NBSP + '; ') +
        '. Ils sont tous comptés dans la synthèse' + NBSP +
          ': vérifiez qu’ils viennent bien de la même équipe.' });
    }
    return messages;
  }
  function namesTerritory(list) {
    return persons(list).some((respondent) => !!respondent.state.collectivite);
  }

  const api = { median, fromFile, fromLink,
    addSources, aggregate, territoryMessages, namesTerritory, displayName, persons, rooms,
    roomSize: FollowUp.roomSize,
    toJSON, toCSV };
  VMI.synthesis = api;
  if (typeof module === 'object') module.exports = api;
})(typeof module === 'object' ? require('./vmi.js')({}) : window.VMI);
