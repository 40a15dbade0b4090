/* Team synthesis: the page's controller. Files are read in the browser (FileReader):
   nothing is sent. The computing scripts (diagnostic-core.js, followup-core.js,
   synthesis-core.js) and the radar's (radar.js) load at the first import only: a first
   visit does not pay for them. */
(function () {
  'use strict';
  const VMI = window.VMI;
  const { NBSP, el, append, byId: $, clear } = VMI;
  let Synthesis; // VMI.synthesis once the computing scripts are loaded
  let data; // the questionnaire, embedded in the page
  const sources = []; // respondents and rooms' votes, in the order added
  let synthesis; // the last aggregate of sources
  let page; // #vmi-syn
  let territories; // the official list of collectivités, once read (territory-core.js)

  function attributeValue(value) { return value === null ? '' : String(value); }
  function shownValue(value) { return value === null ? 'non évalué' : value; }
  function questionText(id) { return $('vmi-syn-q-' + id).textContent.trim(); }

  // The computing scripts, loaded at the first import.
  function withSynthesis(fn) {
    VMI.load(['diagnostic-core.js', 'followup-core.js', 'synthesis-core.js', 'radar.js'], () => {
      Synthesis = VMI.synthesis;
      fn();
    });
  }

  // Sources read (files, then links), added in order, then drawn once.
  function addSources(read) {
    if (!Synthesis) return withSynthesis(() => { addSources(read); });
    const messages = Synthesis.addSources(data, sources, read);
    const alerts = clear('vmi-syn-alertes');
    const people = Synthesis.persons(sources).length;
    const roomVotes = sources.length - people;
    messages.forEach((message) => { showMessage(alerts, message); });
    if (Synthesis.namesTerritory(sources)) territoryAlerts(alerts);
    $('vmi-syn-etat').textContent = !sources.length ? 'Aucun répondant pour l’instant.'
      : (people ? people + ' répondant' + (people > 1 ? 's' : '') : 'Aucun répondant') +
        (roomVotes ? (roomVotes > 1 ? ' et ' + roomVotes + ' votes' : ' et un vote') + ' de la salle' : '') +
        ' dans la synthèse.';
    drawSources();
    render();
  }
  function readFiles(files) {
    const read = [];
    let left = files.length;
    VMI.each(files, (file, i) => {
      const reader = new FileReader();
      reader.onload = reader.onerror = function () {
        read[i] = { name: file.name, text: reader.error ? '' : String(reader.result) };
        if (!--left) addSources(read);
      };
      reader.readAsText(file);
    });
  }

  function showMessage(alerts, message) {
    append(alerts, el('p', { 'class': 'vmi-syn__msg vmi-syn__msg--' + message.kind }, message.text));
  }
  // Respondents naming different collectivités, or an unknown one: checked against the official
  // list (territory-list.js), loaded for that.
  function territoryAlerts(alerts) {
    VMI.load(['territory-core.js', 'territory-list.js'], () => {
      const index = territories = territories || VMI.territories.build(VMI.territoryList);
      Synthesis.territoryMessages(sources, (code) => index.byCode[code] ? index.byCode[code].nom : null)
        .forEach((message) => { showMessage(alerts, message); });
    });
  }

  // A row per source; a room's vote has no name or role, but its number of votes.
  function drawSources() {
    const body = clear('vmi-syn-repondants-corps');
    let respondentNumber = 0;
    sources.forEach((source, i) => {
      const row = append(body, el('tr'));
      const rowId = 'vmi-syn-r' + i;
      let nameInput;
      let roleSelect;
      let questionCount;
      if (source.salle) {
        questionCount = Object.keys(source.votes).length;
        append(row, el('th', { scope: 'row', id: rowId }, 'Vote de la salle'));
        append(row, el('td', { colspan: 2 }, questionCount + ' question' + (questionCount > 1 ? 's' : '') +
          ' votée' + (questionCount > 1 ? 's' : '') + ', ' + Synthesis.roomSize(source.votes) +
          ' mains levées au plus'));
      } else {
        append(row, el('th', { scope: 'row', id: rowId }, 'Répondant' + NBSP + (++respondentNumber)));
        nameInput = append(append(row, el('td')), el('input',
          { type: 'text', 'data-nom': i, 'aria-labelledby': 'vmi-syn-col-nom ' + rowId }));
        nameInput.value = source.nom;
        nameInput.size = Math.max(6, source.nom.length); // printed at the width of the name
        roleSelect = append(append(row, el('td')), el('select',
          { 'data-role': i, 'aria-labelledby': 'vmi-syn-col-role ' + rowId }));
        [''].concat(data.roles).forEach((role) => {
          append(roleSelect, el('option', { value: role }, role || 'Non précisé'));
        });
        roleSelect.value = source.role;
      }
      append(row, el('td', {}, source.label));
      append(append(row, el('td')), el('button', { type: 'button', 'class': 'md-button', 'data-retirer': i,
        'aria-describedby': rowId }, 'Retirer'));
    });
  }

  function render() {
    const names = Synthesis.persons(sources).map(Synthesis.displayName);
    const head = $('vmi-syn-axes-tete');
    synthesis = Synthesis.aggregate(data, sources);
    page.setAttribute('data-repondants', names.length);
    page.setAttribute('data-votes-salle', sources.length - names.length);
    while (head.cells.length > 5) head.deleteCell(5);
    names.forEach((name) => { append(head, el('th', { scope: 'col' }, name)); });
    data.axes.forEach((axis) => {
      const figures = synthesis.axes[axis.id];
      const row = page.querySelector('[data-synthese-axe="' + axis.id + '"]');
      row.setAttribute('data-mediane', attributeValue(figures.mediane));
      row.setAttribute('data-min', attributeValue(figures.min));
      row.setAttribute('data-max', attributeValue(figures.max));
      row.setAttribute('data-repondants', figures.repondants);
      while (row.cells.length > 1) row.deleteCell(1);
      [figures.mediane, figures.min, figures.max].map(shownValue).concat(figures.repondants)
        .concat(figures.scores.map(shownValue))
        .forEach((value) => { append(row, el('td', {}, String(value))); });
    });
    data.questions.forEach((question) => {
      const verdict = synthesis.questions[question.id];
      const block = page.querySelector('[data-synthese-question="' + question.id + '"]');
      block.setAttribute('data-repartition', JSON.stringify(verdict.repartition));
      block.setAttribute('data-a-discuter', verdict.aDiscuter ? 'oui' : 'non');
      block.querySelector('.vmi-syn__badge').textContent = verdict.aDiscuter ? '(à discuter)' : '';
      block.querySelectorAll('[data-choix]').forEach((cell) => {
        cell.textContent = verdict.repartition[cell.getAttribute('data-choix')];
      });
    });
    drawLists();
    drawRadar();
  }

  // The agenda (to discuss) and the points to check, axis by axis; notes per axis.
  function drawLists() {
    const discuss = clear('vmi-syn-discuter');
    const check = clear('vmi-syn-verifier');
    const notes = clear('vmi-syn-notes');
    let list;
    function axisGroup(parent, axis, ids, detail) {
      ids = ids.filter((id) => data.questions.some((q) => q.id === id && q.axe === axis.id));
      if (!ids.length) return;
      append(parent, el('h4', {}, axis.nom));
      list = append(parent, el('ul'));
      ids.forEach((id) => { append(list, el('li', {}, questionText(id) + detail(id))); });
    }
    function dontKnowCount(id) {
      return ' (' + synthesis.questions[id].nsp + NBSP + VMI.quoted('Je ne sais pas') + ')';
    }
    data.axes.forEach((axis) => {
      axisGroup(discuss, axis, synthesis.aDiscuter, spread);
      axisGroup(check, axis, synthesis.aVerifier, dontKnowCount);
      if (synthesis.notes[axis.id].length) {
        append(notes, el('h4', {}, axis.nom));
        list = append(notes, el('ul'));
        synthesis.notes[axis.id].forEach((note) => {
          const item = append(list, el('li'));
          append(item, el('strong', {}, note.nom + (note.role ? ' (' + note.role + ')' : '') + NBSP + ':'));
          append(item, ' ' + note.texte);
        });
      }
    });
    if (!discuss.firstChild) append(discuss, el('p', {}, 'Aucune question ne partage l’équipe.'));
    if (!notes.firstChild) append(notes, el('p', {}, 'Aucune note.'));
    if (!check.firstChild) append(check, el('p', {}, 'Aucun.'));
  }
  // The lowest and highest points given to a question, out of its best.
  function spread(id) {
    const question = data.questions.find((candidate) => candidate.id === id);
    const counts = synthesis.questions[id].repartition;
    const given = [];
    question.points.forEach((points, i) => { if (counts[i]) given.push(points); });
    return ' — de ' + Math.min.apply(null, given) + ' à ' + Math.max.apply(null, given) + ' points sur ' +
      Math.max.apply(null, question.points);
  }

  // Median polygon and min–max band per axis, on rings of 20 points (radius = score).
  function drawRadar() {
    const axes = data.axes;
    const figures = axes.map((axis) => synthesis.axes[axis.id]);
    const chart = VMI.radar({
      box: 'vmi-syn-radar', className: 'vmi-syn__radar', prefix: 'vmi-syn', axes,
      title: 'Graphique radar de l’équipe' + NBSP +
        ': médiane et écart des scores par axe, sur 100 (détail dans le tableau qui suit)',
      scores: figures.map((figure) => figure.mediane), rings: [20, 40, 60, 80, 100]
    });
    function outline(name) {
      return figures.map((figure, i) => chart.point(i, figure[name] || 0).map(chart.fixed)).join(' ');
    }
    // the band, then the median over it, both under the spokes
    chart.under(el('path', { d: 'M' + outline('max') + 'Z M' + outline('min') + 'Z',
      'class': 'vmi-syn__bande', 'fill-rule': 'evenodd' }));
    chart.under(el('polygon', { points: outline('mediane'), 'class': 'vmi-syn__mediane' }));
  }

  function download(extension, text, type) {
    VMI.download('synthese-equipe-' + new Date().toISOString().slice(0, 10) + extension, text, type);
  }
  function onClick(ev) {
    const id = ev.target.id;
    const removed = ev.target.getAttribute('data-retirer');
    let links;
    if (id === 'vmi-syn-ajouter-liens') {
      links = $('vmi-syn-liens').value.split(/\r?\n/).filter((line) => line.trim());
      $('vmi-syn-liens').value = '';
      addSources(links.map((line) => ({ link: line })));
    } else if (removed !== null) {
      sources.splice(+removed, 1);
      addSources([]);
      $('vmi-syn-import-titre').focus();
    } else if (id === 'vmi-syn-export-json') {
      download('.json', Synthesis.toJSON(data, sources, synthesis), 'application/json');
    } else if (id === 'vmi-syn-export-csv') {
      download('.csv', Synthesis.toCSV(data, sources, synthesis), 'text/csv;charset=utf-8');
    }
    else if (id === 'vmi-syn-imprimer') print();
    else if (id === 'vmi-syn-imprimer-synthese') forTheMayor();
  }
  // « Imprimer la synthèse pour le maire » (diagnostic-priorities.js) from the team's medians: the
  // median score of each axis, for each question the median answer by points (the lower of two).
  function forTheMayor() {
    withSynthesis(() => {
      VMI.load(['priorities-core.js', 'diagnostic-priorities.js'], () => {
        const people = Synthesis.persons(sources);
        const results = {};
        const answers = {};
        const named = people.find((p) => p.state.collectivite);
        synthesis = synthesis || Synthesis.aggregate(data, sources);
        data.axes.forEach((axis) => {
          const median = synthesis.axes[axis.id].mediane;
          results[axis.id] = { score: median, status: median === null ? 'non-evalue' : 'evalue' };
        });
        data.questions.forEach((question) => {
          const given = people.map((p) => p.state.answers[question.id]).filter((a) => typeof a === 'number')
            .sort((a, b) => question.points[a] - question.points[b]);
          if (given.length) answers[question.id] = given[Math.floor((given.length - 1) / 2)];
        });
        VMI.diagnosticPriorities.printSummary({ data, results, respondents: people.length,
          state: { answers, targets: {}, date: new Date().toISOString() },
          radar: document.querySelector('#vmi-syn-radar svg'),
          chosen: named ? named.state.collectivite : VMI.collectivite.get() });
      });
    });
  }
  // A respondent's name or role edited in the table.
  function onInput(ev) {
    const field = ev.target;
    const isName = field.hasAttribute('data-nom');
    const index = field.getAttribute('data-nom') || field.getAttribute('data-role');
    if (index === null) return;
    sources[+index][isName ? 'nom' : 'role'] = field.value.trim();
    if (isName) field.size = Math.max(6, field.value.length);
    render();
  }

  function init() {
    const root = $('vmi-syn');
    if (!root) return;
    root.setAttribute('data-vmi-init', ''); // ready (tests wait for it)
    page = root;
    try { data = JSON.parse($('vmi-diagnostic-data').textContent); } catch (e) { return; }
    $('vmi-syn-import-titre').tabIndex = -1;
    $('vmi-syn-fichiers').addEventListener('change', function () {
      if (this.files.length) readFiles(this.files);
      this.value = '';
    });
    const dropZone = $('vmi-syn-depot');
    dropZone.addEventListener('dragover', (ev) => {
      ev.preventDefault();
      dropZone.classList.add('vmi-syn__depot--actif');
    });
    dropZone.addEventListener('dragleave', () => {
      dropZone.classList.remove('vmi-syn__depot--actif');
    });
    dropZone.addEventListener('drop', (ev) => {
      ev.preventDefault(); dropZone.classList.remove('vmi-syn__depot--actif');
      if (ev.dataTransfer.files.length) readFiles(ev.dataTransfer.files);
    });
    root.addEventListener('click', onClick);
    root.addEventListener('input', onInput);
  }
  // A task of its own, after the theme's start-up.
  VMI.start(() => { setTimeout(init, 0); });
})();
