/* « Votre collectivité » on /diagnostic/: the combobox (WAI-ARIA 1.2 « list autocomplete »
   pattern: arrows move in the suggestions, Enter chooses, Escape closes; a tap chooses), the box of
   the chosen collectivité and the agents question. Loaded by diagnostic.js when the field is
   first used or a collectivité is saved; the official list (territory-list.js, ~78 KB) loads
   when the field is used, or to check a collectivité that came by a share link. The choice is
   saved with the answers (state.collectivite, agents inside) and published by VMI.collectivite. */
(function () {
  'use strict';
  const VMI = window.VMI;
  const {
    territories: Territories, diagnosticPage: page, el, append, byId: $, NBSP, quoted, formatNumber: number
  } = VMI;
  let index = null;
  const waiting = [];
  let shown = [];
  let active = -1;
  let said;


  // The official list, read once; fn(index) then runs.
  function withList(fn) {
    if (index) return fn(index);
    waiting.push(fn);
    if (waiting.length === 1) {
      VMI.load(['territory-list.js'], () => {
        index = Territories.build(VMI.territoryList);
        waiting.splice(0).forEach((callback) => { callback(index); });
      });
    }
  }

  function describe(entry) {
    return entry.type === 'epci'
      ? entry.typeEpci + ', ' + entry.departement + ' (' + entry.departementCode + ')'
      : entry.departement + ' (' + entry.departementCode + ')' +
        (entry.codesPostaux[0] ? ', ' + entry.codesPostaux[0] : '');
  }

  // Suggestions for what is typed, drawn at each key press.
  function suggest() {
    const typed = field.value;
    if (!index) return withList(suggest);
    shown = typed.trim() ? Territories.search(index, typed) : [];
    active = -1;
    list.textContent = '';
    shown.forEach((entry, i) => {
      const option = append(list, el('li', { id: 'vmi-coll-option-' + i, role: 'option',
        'aria-selected': 'false',
        'data-collectivite-option': entry.code, 'class': 'vmi-coll__option' }));
      append(option, el('span', { 'class': 'vmi-coll__nom' }, entry.nom));
      append(option, el('span', { 'class': 'vmi-coll__lieu' }, describe(entry)));
    });
    open(shown.length > 0);
    // Said once typing pauses: a screen reader is not interrupted at every key.
    clearTimeout(said);
    said = setTimeout(() => {
      status.textContent = !typed.trim() ? '' : shown.length
        ? shown.length + ' suggestion' + (shown.length > 1 ? 's' : '') + NBSP +
          ': flèches haut et bas pour choisir, Entrée pour valider.'
        : 'Aucune commune d’au moins ' + number(3500) + NBSP +
          'habitants ni intercommunalité ne correspond.';
    }, 400);
  }
  function open(on) {
    list.hidden = !on;
    field.setAttribute('aria-expanded', on ? 'true' : 'false');
    if (!on) { field.removeAttribute('aria-activedescendant'); active = -1; }
  }
  function highlight(i) {
    active = i;
    VMI.each(list.children, (option, k) => {
      option.setAttribute('aria-selected', k === i ? 'true' : 'false');
      if (k === i && option.scrollIntoView) option.scrollIntoView({ block: 'nearest' });
    });
    if (i < 0) field.removeAttribute('aria-activedescendant');
    else field.setAttribute('aria-activedescendant', 'vmi-coll-option-' + i);
  }

  function onKey(ev) {
    const count = shown.length;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      move(ev.key === 'ArrowDown' ? 1 : -1);
    } else if (ev.key === 'Enter' && !list.hidden && count) {
      ev.preventDefault();
      choose(shown[active < 0 ? 0 : active]);
    } else if (ev.key === 'Escape' && !list.hidden) {
      ev.preventDefault(); open(false);
    }
  }

  // The arrows open the suggestions, then move in them, round from the last to the first.
  function move(step) {
    const count = shown.length;
    if (list.hidden) { if (count) open(true); return; }
    highlight(step > 0 ? (active + 1) % count : (active <= 0 ? count : active) - 1);
  }

  // A chosen entry (null: none) becomes the page's collectivité, saved with the answers.
  function choose(entry) {
    const state = page.get().state;
    const before = state.collectivite;
    if (entry) {
      state.collectivite = Territories.snapshot(index, entry, before && before.code === entry.code
        ? before.agents : undefined);
      field.value = '';
      status.textContent = entry.nom + ' choisie.';
    } else delete state.collectivite;
    clearTimeout(said);
    open(false);
    page.save();
    VMI.collectivite.set(state.collectivite || null);
    draw();
    if (entry) $('vmi-coll-carte').focus();
  }

  // The box of the chosen collectivité (from the saved snapshot: no list needed), the agents
  // question and the line of the printed report.
  function draw() {
    const chosen = VMI.collectivite.get();
    const box = $('vmi-coll-choix');
    const report = $('vmi-coll-rapport');
    box.textContent = '';
    $('vmi-coll-agents').hidden = !chosen;
    zone.querySelectorAll('input[name="vmi-agents"]').forEach((radio) => {
      radio.checked = !!chosen && radio.value === chosen.agents;
    });
    report.hidden = !chosen;
    if (!chosen) return;
    report.textContent = 'Collectivité' + NBSP + ': ' + chosen.nom + ' (' +
      (chosen.type === 'epci' ? chosen.typeEpci + ', ' : '') +
      chosen.departement + '), ' + number(chosen.population) + NBSP +
        'habitants (populations légales, édition ' + chosen.annee + ')' +
      (chosen.agents ? ', au moins 50' + NBSP + 'agents' + NBSP + ': ' +
        { oui: 'oui', non: 'non', nsp: 'ne sait pas' }[chosen.agents] : '') + '.';
    const card = append(box, el('div', { 'class': 'vmi-coll__carte', id: 'vmi-coll-carte',
      tabindex: '-1', role: 'group',
      'aria-labelledby': 'vmi-coll-nom', 'data-collectivite': '', 'data-code': chosen.code,
      'data-type': chosen.type,
      'data-population': chosen.population, 'data-taille': chosen.taille }));
    append(card, el('p', { 'class': 'vmi-coll__titre', id: 'vmi-coll-nom' }, chosen.nom));
    const facts = append(card, el('dl'));
    function fact(term, value) {
      append(facts, el('dt', {}, term));
      return append(facts, el('dd', {}, value));
    }
    fact('Type', chosen.type === 'epci' ? chosen.typeEpci +
      ' (intercommunalité à fiscalité propre), SIREN ' + chosen.code
      : 'commune, code INSEE ' + chosen.code);
    fact(chosen.type === 'epci' ? 'Département principal' : 'Département',
      chosen.departement + ' (' + chosen.departementCode + ')');
    fact('Région', chosen.region);
    fact('Population municipale', number(chosen.population) + NBSP +
      'habitants (populations légales, édition ' + chosen.annee +
        ')').setAttribute('data-population-texte', '');
    fact('Taille', chosen.tailleNom);
    if (chosen.type === 'commune') {
      fact('Intercommunalité', chosen.epci ? chosen.epci.nom + ' (' + chosen.epci.type + ', ' +
        number(chosen.epci.population) +
        NBSP + 'habitants)' : 'aucune');
    }
    append(card, el('p', { 'class': 'vmi-coll__source' }, 'Source' + NBSP + ': ' + chosen.source + '.'));
    append(card, el('button', { type: 'button', 'class': 'md-button',
      'data-collectivite-retirer': '' }, 'Retirer ce choix'));
  }

  // A collectivité known by its code only (a share link): found in the list, or said unknown.
  function check() {
    const state = page.get().state;
    const pending = state.collectivite;
    if (!pending || pending.nom) return;
    withList(() => {
      const entry = index.byCode[pending.code];
      if (page.get().state.collectivite !== pending) return; // checked already
      if (entry) {
        state.collectivite = Territories.snapshot(index, entry, pending.agents);
      } else {
        delete state.collectivite;
        page.showAlert('La collectivité du lien (code ' + quoted(pending.code) +
          ') est inconnue des données officielles ' +
          '(édition ' + index.edition + ')' + NBSP +
            ': les réponses sont chargées, choisissez votre collectivité dans le champ ' +
          quoted('Votre collectivité') + '.');
      }
      page.save();
      VMI.collectivite.set(state.collectivite || null);
      draw();
    });
  }

  function onChange(ev) {
    const state = page.get().state;
    ev.stopPropagation(); // not an answer of the questionnaire (diagnostic.js)
    if (ev.target.name !== 'vmi-agents' || !state.collectivite) return;
    state.collectivite.agents = ev.target.value;
    page.save();
    VMI.collectivite.set(state.collectivite);
    draw();
  }

  const zone = $('vmi-collectivite');
  const field = $('vmi-coll-recherche');
  const list = $('vmi-coll-suggestions');
  const status = $('vmi-coll-etat');
  field.addEventListener('input', (ev) => { ev.stopPropagation(); suggest(); });
  field.addEventListener('keydown', onKey);
  field.addEventListener('blur', () => {
    setTimeout(() => { if (document.activeElement !== field) open(false); }, 150);
  });
  zone.addEventListener('change', onChange);
  zone.addEventListener('input', (ev) => { ev.stopPropagation(); });
  // mousedown keeps the focus in the field; click (mouse, touch, or a screen reader) chooses.
  list.addEventListener('mousedown', (ev) => { ev.preventDefault(); });
  list.addEventListener('click', (ev) => {
    const option = ev.target.closest('[data-collectivite-option]');
    if (option) choose(index.byCode[option.getAttribute('data-collectivite-option')]);
  });
  zone.addEventListener('click', (ev) => {
    if (!ev.target.hasAttribute('data-collectivite-retirer')) return;
    choose(null);
    status.textContent = 'Choix de collectivité retiré.';
    field.focus();
  });
  document.addEventListener('vmi:collectivite', draw);
  // diagnostic.js calls update() when the answers change as a whole (a share link, « Effacer »).
  VMI.territorySearch = { update () { draw(); check(); } };
  VMI.territorySearch.update();
  if (document.activeElement === field || field.value) withList(suggest);
})();
