/* Self-diagnosis: the results (table, weakest axis, priorities, recommendations, radar),
   loaded by diagnostic.js at the first answer, when the results come near the screen or
   when answers are saved; needs diagnostic-core.js and radar.js. */
(function () {
  'use strict';
  const VMI = window.VMI;
  const NBSP = VMI.NBSP;
  const SERIES = ['actuel', 'cible', 'import'];
  const { diagnostic: Diagnostic, diagnosticPage: page, el, append, byId: $, clear } = VMI;

  function axisName(id) { return Diagnostic.axisName(page.get().data, id); }
  function scoreText(result) {
    return result.score === null ? 'non évalué' : result.score + NBSP + '/' + NBSP + '100, ' + result.niveau;
  }

  // Returns the scores, which diagnostic.js keeps for the exports.
  function render(changedAxis) {
    const ctx = page.get();
    const data = ctx.data;
    const state = ctx.state;
    const root = ctx.root;
    const results = Diagnostic.scoreAxes(data, state.answers);
    const answered = Object.keys(state.answers).length;
    const plural = answered > 1 ? 's' : '';
    const priorities = Diagnostic.priorities(results, data.axes, 99);
    const tableBody = clear('vmi-tableau-corps');
    const weakest = clear('vmi-faible');
    const recommendationsBox = clear('vmi-recommandations');
    const recommendations = el('ul');
    $('vmi-progression').value = answered;
    if (changedAxis !== null) {
      $('vmi-progression-texte').textContent =
        answered + ' question' + plural + ' répondue' + plural + ' sur ' + data.questions.length +
        (changedAxis ? ' · ' + axisName(changedAxis) + NBSP + ': ' + scoreText(results[changedAxis]) : '');
    }
    $('vmi-date').textContent = Diagnostic.formatDate(state.date);
    data.axes.forEach((axis) => {
      const result = results[axis.id];
      const target = data.niveaux[state.targets[axis.id]];
      const card = root.querySelector('.vmi-diag__res[data-axe="' + axis.id + '"]');
      const row = append(tableBody, el('tr'));
      if (card) {
        card.setAttribute('data-score', result.score === null ? '' : result.score);
        card.setAttribute('data-niveau', result.niveau || '');
        card.querySelector('.vmi-diag__score').textContent =
          scoreText(result) + ' · ' + result.nsp + ' point' + (result.nsp > 1 ? 's' : '') + ' à vérifier';
      }
      append(row, el('th', { scope: 'row' }, axis.nom));
      [result.score === null ? 'non évalué' : result.score, result.niveau || '—', target ? target.nom : '—',
        result.nsp, state.notes[axis.id] || '']
        .forEach((value) => { append(row, el('td', {}, value)); });
    });
    function axisLink(parent, id) {
      append(parent, el('a', { href: '#axe-' + id }, axisName(id)));
      append(parent, NBSP + ': ' + scoreText(results[id]));
    }
    if (priorities[0]) axisLink(weakest, priorities[0]);
    else weakest.textContent = 'Aucun axe n’est encore évalué.';
    VMI.diagnosticPriorities.render(results);
    Diagnostic.applicableRecommendations(data, results).forEach((recommendation) => {
      const item = append(recommendations, el('li'));
      const links = el('ul');
      append(item, el('strong', {}, axisName(recommendation.axe) + NBSP + ': '));
      append(item, el('div')).innerHTML = recommendation.texte_html; // safe HTML written by the site's build
      (recommendation.liens || []).forEach((link) => {
        append(append(links, el('li')), el('a', { href: link.href }, link.titre));
      });
      if (links.firstChild) append(item, links);
      append(item, el('button', { type: 'button', 'class': 'md-button',
        'data-ajouter-au-plan': recommendation.id }, 'Ajouter au plan d’action'));
    });
    append(recommendationsBox, recommendations.firstChild ? recommendations
      : el('p', {}, 'Aucune recommandation pour l’instant.'));
    radar(data, state, results, ctx.previous);
    root.setAttribute('data-vmi-resultats', '');
    return results;
  }

  // Three series: the current scores (dots), the targets (squares), an imported result (diamonds).
  function radar(data, state, results, previous) {
    const axes = data.axes;
    const targets = state.targets;
    const hasTargets = Object.keys(targets).length;
    const chart = VMI.radar({
      box: 'vmi-radar', className: 'vmi-radar', prefix: 'vmi-radar', axes,
      title: 'Graphique radar des scores par axe, sur 100 (détail dans le tableau qui suit)',
      scores: axes.map((axis) => results[axis.id].score),
      rings: data.niveaux.map((level) => level.min).filter((min) => min > 0 && min < 100).concat(100)
    });
    const fixed = chart.fixed;
    // Drawn from the back: imported (2), targets (1), current (0) on top.
    [previous && previous.results, hasTargets, results].forEach((source, series) => {
      series = 2 - series;
      if (!source) return;
      const values = axes.map((axis) => series === 1
        ? (axis.id in targets ? data.niveaux[targets[axis.id]].min : null)
        : source[axis.id].score);
      if (values.join('') === '') return;
      chart.polygon(values, 'vmi-radar__' + SERIES[series]);
      values.forEach((value, i) => {
        if (value === null) return;
        const [x, y] = chart.point(i, value);
        const className = 'vmi-radar__m vmi-radar__' + SERIES[series];
        append(chart.svg, series ? el('polygon', {
          'class': className,
          points: (series === 1 ? [x - 4, y - 4, x + 4, y - 4, x + 4, y + 4, x - 4, y + 4]
            : [x, y - 5, x + 5, y, x, y + 5, x - 5, y]).map(fixed).join(' ')
        }) : el('circle', { cx: fixed(x), cy: fixed(y), r: 3.5, 'class': className }));
      });
    });
    $('vmi-leg-cible').hidden = !hasTargets;
    $('vmi-leg-import').hidden = !previous;
    if (previous) $('vmi-leg-date').textContent = Diagnostic.formatDate(previous.state.date);
  }

  VMI.diagnosticResults = { render };
})();
