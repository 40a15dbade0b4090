/* Self-diagnosis: « Vos priorités pour les six mois à venir » and « Ce que la loi demande »
   in the results, drawn by diagnostic-results.js (render) and again when the collectivité
   changes (event « vmi:collectivite »). Loaded with the results; needs diagnostic-core.js and
   priorities-core.js; reads the page's JSON #vmi-priorites-data (obligations, open funding,
   Aides-territoires searches, cases of each recommendation). */
(function () {
  'use strict';
  const VMI = window.VMI;
  const {
    NBSP, el, append, byId: $, clear, quoted, formatNumber: number, priorities: P, diagnostic: Diagnostic,
    diagnosticPage: page
  } = VMI;
  let json = null;
  let last = null;
  const APPLIES = {
    oui: 'S’applique à votre collectivité.', non: 'Ne s’applique pas à votre collectivité à sa taille.',
    'si-50-agents': 'S’applique si votre collectivité compte au moins 50' + NBSP +
      'agents (question laissée sans réponse ou ' + quoted('je ne sais pas') + ').'
  };

  // « 7 juin 2027 » for YYYY-MM-DD (the date part of the diagnostic's own formatting).
  function day(iso) {
    const p = iso.split('-');
    return Diagnostic.formatDate(new Date(+p[0], p[1] - 1, +p[2]).toISOString()).split(' à ')[0];
  }
  function data() {
    const empty = { obligations: [], financements: [], aides_territoires: {}, cas: {}, reco_cas: {} };
    if (!json) {
      try {
        json = Object.assign(empty, JSON.parse($('vmi-priorites-data').textContent));
      } catch (e) { json = empty; }
    }
    return json;
  }
  function axisName(ctx, id) { return Diagnostic.axisName(ctx.data, id); }
  // The question and the answer as the form words them (the page's own labels).
  function answerText(why) {
    const input = document.querySelector('#vmi-diagnostic input[name="' + why.question +
      '"][value="' + why.answer + '"]');
    const fieldset = input && input.closest('fieldset');
    return input ? { question: fieldset.querySelector('legend').textContent,
      answer: input.parentNode.textContent } : null;
  }
  function link(href, text, attributes) {
    attributes = attributes || {};
    attributes.href = href;
    return el('a', attributes, text);
  }

  function followUpDay(ctx) { return P.addMonths(new Date(ctx.state.date), 6); }

  function render(results) {
    const ctx = page.get();
    const d = data();
    const chosen = VMI.collectivite.get();
    const list = clear('vmi-priorites');
    const others = clear('vmi-autres-liste');
    const recommendations = Diagnostic.applicableRecommendations(ctx.data, results);
    const picked = P.priorities(ctx.data, ctx.state, results, recommendations, d.obligations, chosen);
    const deadline = followUpDay(ctx);
    last = results;
    picked.priorities.forEach((p) => {
      priority(append(list, el('li', { 'data-priorite': p.recommendation.id, 'data-axe': p.recommendation.axe,
        'class': 'vmi-priorite' })), p, ctx, chosen, deadline);
    });
    $('vmi-priorites-vide').hidden = picked.priorities.length > 0;
    $('vmi-priorites-cas').textContent = chosen
      ? 'Pour chaque priorité, les démarches viennent des villes les plus proches de ' + chosen.nom +
        ' d’abord' + NBSP +
        ': même taille et même région, puis même taille, puis même région, puis les autres.'
      : 'Choisissez votre collectivité plus haut pour voir d’abord les démarches de villes de même taille ' +
        'et de même région, et les financements auxquels elle peut prétendre.';
    picked.others.forEach((p) => {
      const item = append(others, el('li'));
      append(item, el('strong', {}, axisName(ctx, p.recommendation.axe) + NBSP + ': '));
      append(item, p.recommendation.texte + ' ');
      append(item, el('button', {
        type: 'button', 'class': 'md-button', 'data-ajouter-au-plan': p.recommendation.id,
        'data-echeance': deadline
      }, 'Ajouter au plan d’action'));
    });
    $('vmi-autres').hidden = !picked.others.length;
    $('vmi-autres-nombre').textContent = 'Voir les ' + picked.others.length + ' autre' +
      (picked.others.length > 1 ? 's pistes' : ' piste');
    $('vmi-rappel-date').textContent = day(deadline);
    $('vmi-rappel').hidden = false;
    obligations(ctx, d, chosen);
  }

  function priority(item, p, ctx, chosen, deadline) {
    const d = data();
    const r = p.recommendation;
    const why = p.why && answerText(p.why);
    let best;
    let line;
    // The heading is what to do first (several priorities may share an axis): safe HTML of the build.
    append(item, el('h4', { 'class': 'vmi-priorite__action' }))
      .innerHTML = r.texte_html.replace(/^<p>|<\/p>$/g, '');
    append(item, el('p', { 'class': 'vmi-priorite__axe' },
      'À faire d’abord, sur l’axe ' + quoted(axisName(ctx, r.axe)) + '.'));
    line = append(item, el('p', {}, ''));
    append(line, el('strong', {}, 'Pourquoi' + NBSP + ': '));
    if (p.obligation) append(line, quoted(p.obligation.titre) +
      (p.obligation.statut === 'projet' ? ' (projet de loi, pas encore voté)' : '') +
      ', une obligation légale qui s’applique à votre collectivité' + NBSP + '; ');
    append(line, why
      ? 'vous avez répondu ' + quoted(why.answer) + ' à ' + quoted(why.question)
      : 'le score de cet axe est loin du niveau visé.');
    const cases = P.byLikeness((d.reco_cas[r.id] || []).map((slug) => Object.assign({ slug }, d.cas[slug])),
      chosen, (c) => c);
    if (cases.length) {
      line = append(item, el('p', {}, ''));
      append(line, el('strong', {},
        (cases.length > 1 ? 'Des villes qui l’ont fait' : 'Une ville qui l’a fait') + NBSP + ': '));
      cases.forEach((c, i) => {
        const alike = P.LIKENESS[P.likeness(chosen, c)];
        if (i) append(line, ', ');
        append(line, link(c.href, c.ville, { 'data-cas': c.slug }));
        if (alike) append(line, ' (' + alike + ')');
      });
      best = cases.find((c) => c.document);
      if (best) {
        line = append(item, el('p', {}, ''));
        append(line, el('strong', {}, 'Document public' + NBSP + ': '));
        append(line, link(best.document.href, best.document.titre));
        append(line, ' (' + best.ville + ')');
      }
    }
    const schemes = P.funding(d.financements, r.axe, chosen);
    line = append(item, el('p', {}, ''));
    append(line, el('strong', {}, 'Financer' + NBSP + ': '));
    schemes.forEach((scheme) => {
      const conditions = scheme.eligibilite.some((rule) => rule.type === chosen.type && rule.condition);
      append(line, link(scheme.url, scheme.nom, { 'data-financement': scheme.id }));
      append(line,
        (conditions ? ' (sous conditions)' : '') + (scheme.a_verifier ? ' (à vérifier)' : '') + ', ');
    });
    if (!chosen) {
      append(line, 'choisissez votre collectivité pour voir les dispositifs auxquels elle peut prétendre. ');
    } else if (!schemes.length) {
      append(line, 'aucun dispositif de notre liste pour votre collectivité sur cet axe. ');
    }
    const aides = P.aidesLink(d.aides_territoires, r.axe, chosen);
    if (aides) {
      append(line, link(aides, 'chercher sur Aides-territoires', { 'class': 'vmi-priorite__aides' }));
    }
    append(item, el('button', {
      type: 'button', 'class': 'md-button', 'data-ajouter-au-plan': r.id, 'data-echeance': deadline
    }, 'Ajouter au plan d’action (échéance' + NBSP + ': ' + day(deadline) + ')'));
  }

  // « Ce que la loi demande »: applicable first, with data-applicable; without a collectivité,
  // the thresholds that exist.
  function obligations(ctx, d, chosen) {
    const box = clear('vmi-obligations');
    const seuils = { commune: {}, epci: {}, agents: {} };
    d.obligations.forEach((o) => {
      if (o.concerne !== 'epci' && o.seuil_population) seuils.commune[o.seuil_population] = 1;
      if (o.concerne !== 'commune' && o.seuil_population_epci) seuils.epci[o.seuil_population_epci] = 1;
      if (o.seuil_agents) seuils.agents[o.seuil_agents] = 1;
    });
    function values(map, unit) {
      return Object.keys(map).map(Number).sort((a, b) => a - b)
        .map((n) => number(n) + NBSP + unit).join(', ');
    }
    $('vmi-obligations-intro').textContent = chosen
      ? 'Pour ' + chosen.nom + ' (' + number(chosen.population) + NBSP +
        'habitants), par les seuils de chaque texte' + NBSP + ': celles qui s’appliquent d’abord.'
      : 'Choisissez votre collectivité plus haut pour savoir lesquelles s’appliquent. Les seuils en jeu' +
        NBSP + ': plus de ' + values(seuils.commune, 'habitants') + ' pour les communes' +
        (Object.keys(seuils.epci).length
          ? ', plus de ' + values(seuils.epci, 'habitants') + ' pour les intercommunalités' : '') +
        (Object.keys(seuils.agents).length
          ? '' + NBSP + '; au moins ' + values(seuils.agents, 'agents') + ' pour certaines' : '') + '.';
    P.obligations(d.obligations, chosen).forEach((x) => {
      const o = x.obligation;
      const attributes = { 'class': 'vmi-obligation', 'data-obligation': o.id, 'data-concerne': o.concerne,
        'data-seuil-population': o.seuil_population, 'data-seuil-agents': o.seuil_agents || '',
        'data-statut': o.statut };
      const stand = standing(ctx, o);
      if (x.applicable) attributes['data-applicable'] = x.applicable;
      const card = append(box, el('article', attributes));
      append(card, el('h4', {}, o.titre));
      if (o.statut === 'projet') append(card, el('p', { 'class': 'vmi-obligation__projet' },
        'Projet de loi, pas encore voté' + NBSP + ': ce texte ne s’applique pas encore.'));
      if (x.applicable || stand) append(card, el('p', { 'class': 'vmi-obligation__etat' },
        (x.applicable ? APPLIES[x.applicable] + ' ' : '') + stand));
      append(card, el('p', {}, o.explication));
      if (o.a_verifier) append(card, el('p', {}, 'À vérifier' + NBSP + ': ' + o.a_verifier));
      append(append(card, el('p')), link(o.url, 'En savoir plus sur ' + quoted(o.titre)));
    });
  }
  // How the answers stand on an obligation's questions: « 1 réponse faible sur 2 ».
  function standing(ctx, o) {
    let answered = 0;
    let low = 0;
    ctx.data.questions.forEach((q) => {
      if (!o.questions.includes(q.id) || typeof ctx.state.answers[q.id] !== 'number') return;
      answered++; if (P.isLow(q, ctx.state.answers[q.id])) low++;
    });
    if (!o.questions.length) return '';
    const linked = answered > 1 ? 's' : '';
    return 'Vos réponses' + NBSP + ': ' + (answered
      ? low + ' faible' + (low > 1 ? 's' : '') + ' sur ' + answered + ' question' + linked + ' liée' + linked
      : 'aucune des ' + o.questions.length + ' questions liées n’a de réponse') + '.';
  }

  // The follow-up six months after the diagnostic, as a calendar file made here.
  function reminder() {
    const ctx = page.get();
    const when = followUpDay(ctx);
    const chosen = VMI.collectivite.get();
    VMI.download('point-etape-diagnostic-' + when + '.ics', P.ics({
      uid: 'point-etape-' + when + '-' + Date.now() + '@villes-moyennes-intelligentes',
      now: new Date(), day: when,
      summary: 'Point d’étape de l’auto-diagnostic' + (chosen ? ' (' + chosen.nom + ')' : ''),
      description: 'Six mois après l’auto-diagnostic du ' + day(ctx.state.date.slice(0, 10)) +
        ': refaire le questionnaire et revoir le plan d’action.'
    }), 'text/calendar;charset=utf-8');
  }
  // « Imprimer la synthèse pour le maire »: one A4 page made of the results, printed alone
  // (<html data-impression="synthese"> while printing; diagnostic.css hides the rest).
  // input (the team page's; this page's by default): { data, state: { answers, targets, date,
  // plan, nom }, results, respondents, radar (an <svg>), chosen }.
  function summary(input) {
    const ctx = input || { data: page.get().data, state: page.get().state, results: last ||
      Diagnostic.scoreAxes(page.get().data, page.get().state.answers),
    respondents: 1, radar: document.querySelector('#vmi-radar svg'), chosen: VMI.collectivite.get() };
    const results = ctx.results;
    const chosen = ctx.chosen;
    const d = data();
    const plan = {};
    let box = $('vmi-synthese-maire');
    let part;
    const deadline = followUpDay(ctx);
    const scored = ctx.data.axes.filter((axis) => results[axis.id].status === 'evalue');
    (ctx.state.plan || []).forEach((action) => { plan[action.reco] = action; });
    const picked = P.priorities(ctx.data, ctx.state, results, Diagnostic.applicableRecommendations(ctx.data,
      results), d.obligations, chosen).priorities;
    if (box) box.remove();
    box = append(document.body, el('section', { id: 'vmi-synthese-maire', 'class': 'vmi-synthese-maire',
      'aria-label': 'Synthèse pour le maire' }));
    append(box, el('h1', {}, 'Auto-diagnostic de la ville intelligente' + NBSP + ': synthèse pour le maire'));
    append(box, el('p', {}, (chosen ? chosen.nom + ' · ' : '') + 'état au ' +
      Diagnostic.formatDate(ctx.state.date).split(' à ')[0] + ' · ' + ctx.respondents + NBSP + 'répondant' +
        (ctx.respondents > 1 ? 's (médianes de l’équipe)' : '') +
          (ctx.state.nom ? ' (' + ctx.state.nom + ')' : '')));
    const grid = append(box, el('div', { 'class': 'vmi-synthese-maire__haut' }));
    if (ctx.radar) append(grid, ctx.radar.cloneNode(true)).removeAttribute('aria-labelledby');
    part = append(grid, el('div'));
    const strongest = scored.slice().sort((a, b) => results[b.id].score - results[a.id].score).slice(0, 3);
    [['Trois points forts', strongest.map((a) => a.id)],
      ['Trois écarts à combler', Diagnostic.priorities(results, ctx.data.axes, 3)]].forEach((group) => {
      const list = el('ul');
      append(part, el('h2', {}, group[0]));
      group[1].forEach((id) => {
        append(list, el('li', {}, axisName(ctx, id) + NBSP + ': ' + results[id].score +
          NBSP + '/' + NBSP + '100'));
      });
      append(part, group[1].length ? list : el('p', {}, 'Aucun axe évalué.'));
    });
    append(box, el('h2', {}, 'Six priorités pour les six mois à venir'));
    const table = append(box, el('table'));
    append(append(append(table, el('thead')), el('tr')), el('th', { scope: 'col' }, 'Action'));
    ['Axe', 'Porteur', 'Échéance'].forEach((name) => {
      append(table.tHead.rows[0], el('th', { scope: 'col' }, name));
    });
    const body = append(table, el('tbody'));
    picked.forEach((p) => {
      const row = append(body, el('tr'));
      const action = plan[p.recommendation.id];
      [p.recommendation.texte, axisName(ctx, p.recommendation.axe), action && action.porteur || 'à désigner',
        day(action && action.echeance || deadline)].forEach((text) => { append(row,
        el('td', {}, text)); });
    });
    append(box, el('h2', {}, 'Ce que la loi demande'));
    part = append(box, el('ul', { 'class': 'vmi-synthese-maire__loi' }));
    if (!chosen) append(box, el('p', {}, 'Collectivité non indiquée' + NBSP +
      ': les obligations dépendent de sa population et de ses effectifs.'));
    else P.obligations(d.obligations, chosen).forEach((x) => {
      if (x.applicable === 'non') return;
      append(part, el('li', {}, x.obligation.titre + (x.obligation.statut === 'projet'
        ? ' (projet de loi)' : '') +
        (x.applicable === 'si-50-agents' ? ' (si 50' + NBSP + 'agents ou plus)' : '') + ' · ' +
          (standing(ctx, x.obligation) || 'aucune question liée.')));
    });
    append(box, el('p', { 'class': 'vmi-synthese-maire__suivi' },
      'Point d’étape proposé le ' + day(deadline) + ' (six mois après le diagnostic).'));
    return box;
  }
  function printSummary(input) {
    const html = document.documentElement;
    if (!styled) return sheet.addEventListener('load', () => { printSummary(input); });
    summary(input);
    html.setAttribute('data-impression', 'synthese');
    window.addEventListener('afterprint', function done() {
      html.removeAttribute('data-impression');
      window.removeEventListener('afterprint', done);
    });
    window.print();
  }

  let styled = false;
  const sheetUrl = document.currentScript.src
    .replace(/javascripts\/[^/]*$/, 'stylesheets/a-la-demande/synthese-maire.css');
  const sheet = append(document.head, el('link', { rel: 'stylesheet', href: sheetUrl }));
  sheet.addEventListener('load', () => { styled = true; });
  if ($('vmi-rappel-ics')) $('vmi-rappel-ics').addEventListener('click', reminder);
  document.addEventListener('vmi:collectivite', () => { if (last) render(last); });

  VMI.diagnosticPriorities = { render, summary, printSummary };
})();
