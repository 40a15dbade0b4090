/* From diagnosis to decision: which obligations apply to the chosen collectivité, the six
   priorities for six months, look-alike cases, eligible funding, the follow-up .ics. Pure
   logic without the DOM (VMI.priorities, or a Node module); loaded with the results, never
   on a first visit. Size bands come from the collectivité (VMI.collectivite) and from the
   build (each case's band): nothing here computes one. */
(function (VMI) {
  'use strict';
  const MAX = 6;
  const AGENTS = 'si-50-agents';

  // 'oui' | 'non' | 'si-50-agents': by the thresholds alone, whatever the status (a bill too).
  // Population thresholds apply ABOVE them (« plus de 3 500 habitants »), an agent threshold
  // FROM it (« au moins 50 agents »); unknown agents (missing, « nsp ») leave it open.
  function applies(obligation, collectivite) {
    const epci = collectivite.type === 'epci';
    const threshold = epci ? obligation.seuil_population_epci : obligation.seuil_population;
    if (obligation.concerne === (epci ? 'commune' : 'epci')) return 'non';
    if (threshold && !(collectivite.population > threshold)) return 'non';
    if (obligation.seuil_agents) {
      if (collectivite.agents === 'oui') return 'oui';
      return collectivite.agents === 'non' ? 'non' : AGENTS;
    }
    return 'oui';
  }
  // Obligations with their applicability: those that apply first, then « si 50 agents », then
  // the others, each group in the file's order. Without a collectivité, the file's order.
  function obligations(list, collectivite) {
    const rank = { oui: 0 }; rank[AGENTS] = 1; rank.non = 2;
    const applicable = (o) => (collectivite ? applies(o, collectivite) : null);
    return list.map((o, i) => ({ obligation: o, applicable: applicable(o), i }))
      .sort((a, b) => (a.applicable ? rank[a.applicable] - rank[b.applicable] : 0) || a.i - b.i);
  }

  // Answers below half of the question's best points are « low » (not « je ne sais pas »).
  function isLow(question, answer) {
    return typeof answer === 'number' && question.points[answer] * 2 < Math.max.apply(null, question.points);
  }
  // The answer that makes a recommendation a priority: among `questions` (ids), the answered one
  // with the smallest share of its best points (first in the questionnaire on a tie), or null.
  function trigger(data, answers, ids) {
    let best = null;
    data.questions.forEach((question) => {
      const answer = answers[question.id];
      if (!ids.includes(question.id) || typeof answer !== 'number') return;
      const share = question.points[answer] / (Math.max.apply(null, question.points) || 1);
      if (!best || share < best.share) best = { question: question.id, answer, share };
    });
    return best && { question: best.question, answer: best.answer };
  }

  // The rule the page states: recommendations tied to an obligation that applies (or may, with
  // 50 agents) and whose questions were answered low come first; then the largest gap between
  // the target level (the highest when none is set) and the current score; then the
  // questionnaire's order. At most six; `others` are the remaining applicable ones.
  // recommendations: the applicable ones (diagnostic-core.js), in the questionnaire's order.
  function priorities(data, state, results, recommendations, obligationList, collectivite) {
    const answers = state.answers || {};
    const targets = state.targets || {};
    const levels = data.niveaux;
    const ranked = recommendations.map((recommendation, i) => {
      const axis = recommendation.axe;
      let obligation = null;
      (obligationList || []).forEach((o) => {
        if (obligation || o.axe !== axis || !collectivite || applies(o, collectivite) === 'non') return;
        const low = (q) => o.questions.includes(q.id) && isLow(q, answers[q.id]);
        if (data.questions.some(low)) obligation = o;
      });
      const target = axis in targets ? levels[targets[axis]].min : levels[levels.length - 1].min;
      const gap = target - (results[axis] ? results[axis].score : 0);
      const axisQuestions = data.questions.filter((q) => q.axe === axis).map((q) => q.id);
      const why = trigger(data, answers, obligation ? obligation.questions : axisQuestions);
      return { recommendation, obligation, gap, why, i };
    }).sort((a, b) => (!a.obligation - !b.obligation) || b.gap - a.gap || a.i - b.i);
    return { priorities: ranked.slice(0, MAX), others: ranked.slice(MAX) };
  }

  // Names compared without case, accents or punctuation (regions are names on both sides).
  function key(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g,
      '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  }
  // 0: the collectivité's own case (place.code: the code of whoever carries it), 1: same band
  // and region, 2: same band, 3: same region, 4: neither (or no collectivité).
  function likeness(collectivite, place) {
    if (!collectivite || !place) return 4;
    if (place.code && place.code === collectivite.code) return 0;
    const band = !!place.taille && place.taille === collectivite.taille;
    const region = !!place.region && key(place.region) === key(collectivite.region);
    return band && region ? 1 : band ? 2 : region ? 3 : 4;
  }
  const LIKENESS = ['votre collectivité', 'même taille et même région', 'même taille', 'même région', ''];
  // items sorted by likeness, ties in their given order; place(item) → { taille, region }.
  function byLikeness(items, collectivite, place) {
    return items.map((item, i) => ({ item, rank: likeness(collectivite, place(item)), i }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((x) => x.item);
  }

  // Open schemes (the build leaves closed ones out) for this axis that the collectivité may ask
  // for: one eligibility line of its type whose population bounds hold (both inclusive).
  function funding(schemes, axis, collectivite) {
    if (!collectivite) return [];
    const n = collectivite.population;
    const eligible = (rule) => rule.type === collectivite.type &&
      (rule.population_min == null || n >= rule.population_min) &&
      (rule.population_max == null || n <= rule.population_max);
    return schemes.filter((scheme) => scheme.axes.includes(axis) && scheme.eligibilite.some(eligible));
  }
  // The Aides-territoires search the build wrote for this axis and kind of collectivité.
  function aidesLink(searches, axis, collectivite) {
    const links = searches[axis];
    return links ? links[collectivite && collectivite.type === 'epci' ? 'epci' : 'commune'] : null;
  }

  // The date `months` after `date` (a Date), as YYYY-MM-DD in local time; the 31st of August
  // plus six months is the last day of February.
  function addMonths(date, months) {
    let year = date.getFullYear();
    let month = date.getMonth() + months;
    const day = date.getDate();
    year += Math.floor(month / 12); month = ((month % 12) + 12) % 12;
    const last = new Date(year, month + 1, 0).getDate();
    return [year, month + 1, Math.min(day, last)].map((n) => String(n).padStart(2, '0')).join('-');
  }

  // An RFC 5545 calendar with one all-day event: CRLF line ends, lines folded at 75 octets
  // (UTF-8, never inside a character), text escaped. day: YYYY-MM-DD; now: a Date (DTSTAMP, UTC).
  function ics(options) {
    const stamp = options.now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    const day = options.day.replace(/-/g, '');
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0',
      'PRODID:-//villes-moyennes-intelligentes//auto-diagnostic//FR', 'CALSCALE:GREGORIAN',
      'BEGIN:VEVENT', 'UID:' + options.uid, 'DTSTAMP:' + stamp, 'DTSTART;VALUE=DATE:' + day,
      'SUMMARY:' + escapeText(options.summary)];
    if (options.description) lines.push('DESCRIPTION:' + escapeText(options.description));
    lines.push('END:VEVENT', 'END:VCALENDAR');
    return lines.map(fold).join('\r\n') + '\r\n';
  }
  function escapeText(text) {
    return String(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,')
      .replace(/\r?\n/g, '\\n');
  }
  function octets(ch) {
    const c = ch.codePointAt(0);
    return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  function fold(line) {
    let out = '';
    let size = 0;
    let limit = 75;
    Array.from(line).forEach((ch) => {
      if (size + octets(ch) > limit) { out += '\r\n '; size = 1; limit = 75; }
      out += ch; size += octets(ch);
    });
    return out;
  }

  const api = { applies, obligations, isLow, priorities,
    likeness, LIKENESS, byLikeness, funding, aidesLink,
    addMonths, ics, MAX };
  VMI.priorities = api;
  if (typeof module === 'object') module.exports = api;
})(typeof module === 'object' ? require('./vmi.js')({}) : window.VMI);
