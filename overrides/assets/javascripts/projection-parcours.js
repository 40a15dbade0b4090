/* Projection, parcours: a talk made of the site's pages (content/parcours/, plan page
 * /parcours/<slug>/). The address says where the talk is: `?projection&parcours=<slug>&
 * etape=<n>` (steps from 1), the slide in the fragment as usual, so the clicker, a reload
 * and the back button keep working. The plan is a classic script written by the build
 * (assets/parcours/<slug>.js, setting VMI.parcoursPlans[slug],
   loaded by forum.js just before this file: no fetch, it
 * works over file://). VMI.projectionParts.parcours() gives the talk under way, or null:
 * which slides of this page belong to the step (a section step: only that section's),
 * the page before or after this step, and what the presenter window shows.
 * Loaded before projection.js.
 */
(function () {
  'use strict';
  const VMI = window.VMI;

  function param(name) {
    const found = new RegExp('(?:^|[?&])' + name + '=([^&]*)').exec(location.search);
    try { return found ? decodeURIComponent(found[1]) : ''; } catch (e) { return ''; }
  }
  /* Headings compared as the build compares them (vmi.content.parcours.heading_key). */
  function key(text) {
    return String(text || '').replace(/’/g, "'").replace(/¶/g, '').replace(/œ/g, 'oe').replace(/Œ/g, 'OE')
      .normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
  }

  /* The talk under way, or null outside one (or with an unknown slug or step). */
  function parcours() {
    const slug = param('parcours');
    const plan = slug && VMI.parcoursPlans && VMI.parcoursPlans[slug];
    const index = parseInt(param('etape'), 10) - 1;
    if (!plan || !(index >= 0 && index < plan.etapes.length)) return null;
    const step = plan.etapes[index];

    /* The slides of this step: a section step keeps its section's slides alone. */
    function only(slides) {
      if (!step.section) return slides;
      const wanted = key(step.section);
      const kept = slides.filter((s) => s.heading && s.heading.tagName !== 'H1' &&
        key(s.heading.textContent) === wanted);
      return kept.length ? kept : slides; // the build checked it; a page changed since shows whole
    }
    /* The page of the step before or after (step -1 or 1), or null at either end. */
    function beyond(direction) {
      const other = plan.etapes[index + direction];
      if (!other) return null;
      return { url: VMI.siteUrl(other.page), title: (direction > 0 ? 'Étape suivante' : 'Étape précédente') +
        VMI.NBSP + ': ' + other.titre, params: address(index + direction) };
    }
    function address(at) { return 'parcours=' + encodeURIComponent(slug) + '&etape=' + (at + 1); }
    /* The plan and where the talk is, for the presenter window. */
    function info() {
      return {
        slug, titre: plan.titre, etape: index, duree: plan.duree,
        etapes: plan.etapes.map((e) => ({
          titre: e.titre, section: e.section, duree: e.duree, duree_fr: e.duree_fr
        })),
        notes: step.notes || ''
      };
    }
    /* Printing the whole talk: each step's page, projected in a hidden frame the size of
       this screen, sends its sheets (projection-print.js) back by postMessage, which works
       over file:// too. done(sheets of every step, in order) or done(null) if one fails. */
    function gather(done) {
      const frames = [];
      const got = [];
      let left = plan.etapes.length;
      const timer = setTimeout(() => { finish(null); }, 120000);
      function finish(result) {
        clearTimeout(timer);
        window.removeEventListener('message', heard);
        frames.forEach((f) => { f.remove(); });
        if (done) done(result);
        done = null;
      }
      function heard(ev) {
        const data = ev.data;
        const at = frames.map((f) => f.contentWindow).indexOf(ev.source);
        if (at < 0 || !data || data.vmi !== 'feuilles' ||
          typeof data.html !== 'string' || got[at] !== undefined) return;
        got[at] = data.html;
        if (--left === 0) finish(got);
      }
      window.addEventListener('message', heard);
      plan.etapes.forEach((other, i) => {
        const frame = VMI.el('iframe', { title: 'Préparation de l’impression', 'aria-hidden': 'true',
          tabindex: '-1', 'class': 'vmi-impression-cadre' });
        frame.style.width = window.innerWidth + 'px';
        frame.style.height = window.innerHeight + 'px';
        frame.src = VMI.siteUrl(other.page) + '?projection&' + address(i) + '&impression';
        frames.push(frame);
        document.body.appendChild(frame);
      });
    }
    /* In such a frame: this step's sheets, once the page has settled. */
    const printing = window.parent !== window && /(?:^|[?&])impression(?:&|$)/.test(location.search);
    function send(sheets) {
      window.parent.postMessage({ vmi: 'feuilles', etape: index, html: sheets() }, '*');
    }

    return {
      slug, index, step, plan, only, beyond, info, gather, printing, send,
      params() { return address(index); },
      isParam(p) { return /^(parcours|etape)(=|$)/.test(p); }
    };
  }

  VMI.projectionParts = VMI.projectionParts || {};
  VMI.projectionParts.parcours = parcours;
})();
