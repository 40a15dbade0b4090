/* Projection, fitting: which elements of the article make each slide. A slide is an h2
 * section (on /diagnostic/: a question); a section too tall for the screen is split into
 * continuation slides (« suite ») at block boundaries: between paragraphs, list items,
 * table rows (the header repeats)... Text first shrinks a little, never below 2.2 % of
 * the screen height (vmi.css). Every guess is measured on the screen itself: the article
 * is laid out as a slide by hiding what is not on it.
 * VMI.projectionParts.fitter(article, options) gives layOut (the slides), display (show one)
 * and fits.
 * Loaded before projection.js, which runs the mode.
 */
(function () {
  'use strict';
  const VMI = window.VMI;
  const HIDE = 'vmi-hors-diapo';
  const UNSEEN = 'vmi-titre-cache';
  const HIDDEN = '.' + HIDE + ', .' + UNSEEN; // what display() hides
  const SCALES = [1, 0.92, 0.84]; // a whole section may shrink this far before it is split
  const SMALLEST = [0.76, 0.68, 0.6, 0.52, 0.44]; // a single block that cannot be split
  const root = document.documentElement;

  function title(el) { return el ? el.textContent.replace(/\s+/g, ' ').replace(/¶$/, '').trim() : ''; }

  /* ---- Sections: what belongs together before fitting ---------------------------- */

  function isHeading(el) {
    return !!el && /^(H[1-6]|LEGEND|CAPTION)$/.test(el.tagName) || !!el &&
      el.classList.contains('admonition-title');
  }
  function isTitle(u) { return u.length === 1 && /^H[1-6]$/.test(u[0].tagName); }
  function section(id, heading, blocks, name) {
    return { id, heading, blocks, name };
  }
  function isScript(el) { return /^(SCRIPT|NOSCRIPT)$/.test(el.tagName); }

  /* /diagnostic/: the introduction, then each axis and each of its questions (with its
     help), then the results; the tools of a lone visitor are hidden by vmi.css. */
  function diagnosticSections(article, form) {
    const intro = [];
    let el;
    for (el = form.parentElement.firstElementChild; el && el !== form; el = el.nextElementSibling) {
      // « Votre collectivité » (vmi-hors-diapo) is not for a room.
      if (!isScript(el) && !el.classList.contains('vmi-diag__progression') &&
        !el.classList.contains('vmi-hors-diapo')) intro.push(el);
    }
    let list = [section('', article.querySelector('h1'), intro)];
    VMI.each(form.querySelectorAll('section'), (axis) => { list = list.concat(axisSections(axis)); });
    for (el = form.nextElementSibling; el; el = el.nextElementSibling) {
      if (!isScript(el)) list.push(section(el.id, null, [el], title(el.querySelector('h2')) || 'Résultats'));
    }
    return list;
  }
  function axisSections(axis) {
    const heading = axis.querySelector('h2');
    const about = section(heading ? heading.id : '', heading, []);
    const list = [about];
    let question = null;
    VMI.each(axis.children, (child) => {
      if (child === heading) return;
      if (child.tagName !== 'FIELDSET') { (question || about).blocks.push(child); return; }
      const input = child.querySelector('input[name]');
      if (!child.id && input) child.id = 'vmi-q-' + input.name;
      question = section(child.id, heading, [child], title(child.querySelector('legend')));
      question.shrink = true; // one question, one slide: smaller type before a split
      list.push(question);
    });
    return list;
  }

  function pageSections(article) {
    let group = section('', null, []);
    const list = [group];
    VMI.each(article.children, (el) => {
      if (el.classList.contains('vmi-forum')) return;
      const first = el.firstElementChild;
      if (el.tagName === 'H1' && !group.heading) { group.heading = el; return; }
      if (el.tagName === 'H2') {
        group = section(el.id, el, []);
        group.joins = true;
        list.push(group);
        return;
      }
      if (el.tagName === 'SECTION' && first && first.tagName === 'H2') {
        list.push(section(first.id, first, [el]));
        list[list.length - 1].joins = true;
        group = section('', null, []); // blocks after the section: their own slide
        list.push(group);
        return;
      }
      group.blocks.push(el);
    });
    return list.filter((s) => s.heading || s.blocks.length);
  }

  /* ---- Pieces: where a block too tall for one slide may be cut ------------------- */

  const WHOLE = /^(P|H[1-6]|IMG|PRE|SVG|FIGURE|LABEL|BUTTON|INPUT|SELECT|TEXTAREA|TR|DT|DD|SUMMARY|LEGEND)$/i;

  /* Pieces of a block, each an array of elements; `also` are shown with every piece (the
     table header, a box's title). Null when the block stays whole. */
  function pieces(el) {
    const tag = el.tagName;
    if (WHOLE.test(tag)) return null;
    if (tag === 'FORM' && el.hasAttribute('data-quiz')) return null; // a quiz and its button stay together
    if (tag === 'TABLE') return tableRows(el);
    // what is not drawn (an empty note, a noscript) would make a piece of its own: a title alone
    const kids = Array.from(el.children).filter(isDrawn);
    if (kids.length === 1 && kids[0].tagName !== 'P') return pieces(kids[0]); // wrappers
    if (tag === 'DL') return termGroups(kids);
    return kids.length < 2 ? null : childPieces(tag, kids);
  }
  /* One piece per child. A first heading titles every piece, unless it is one of several (a
     heading per group), as does the summary of a <details>. */
  function childPieces(tag, kids) {
    const first = kids[0];
    let also = isHeading(first) && !kids.slice(1).some((k) => k.tagName === first.tagName)
      ? [kids.shift()] : [];
    if (tag === 'DETAILS' && kids[0] && kids[0].tagName === 'SUMMARY') also = [kids.shift()];
    if (kids.length > 1) return { also, parts: kids.map((k) => [k]) };
    // a titled box around one list (a case's facts)
    const inner = also.length && kids.length ? pieces(kids[0]) : null;
    return inner ? { also: also.concat(inner.also), parts: inner.parts } : null;
  }
  /* A box of its own on screen, or the list of a grid of cards (`display: contents`). */
  function isDrawn(el) {
    return el.getClientRects().length > 0 || getComputedStyle(el).display === 'contents';
  }
  function tableRows(table) {
    const head = table.tHead ? [table.tHead] : [];
    const rows = [];
    VMI.each(table.tBodies, (b) => { VMI.each(b.rows, (r) => { rows.push([r]); }); });
    return rows.length > 1 ? { also: head.concat(table.caption ? [table.caption] : []), parts: rows } : null;
  }
  /* A term and its definitions stay together. */
  function termGroups(kids) {
    const groups = [];
    kids.forEach((k) => {
      let last = groups[groups.length - 1];
      if (!last || (k.tagName === 'DT' && last.some((g) => g.tagName === 'DD'))) groups.push(last = []);
      last.push(k);
    });
    return groups.length > 1 ? { also: [], parts: groups } : null;
  }

  /* A unit: the elements of one block or piece; `also` (a table header...) come with it. */
  function box(els) {
    let top = Infinity;
    let bottom = -Infinity;
    els.forEach((el) => {
      const r = el.getBoundingClientRect();
      top = Math.min(top, r.top);
      bottom = Math.max(bottom, r.bottom);
    });
    return { top, bottom };
  }
  function unit(els, also) { const u = els.slice(); u.also = also || []; u.box = box(els); return u; }
  function splitUnit(u) {
    const split = u.length === 1 ? pieces(u[0]) : null;
    return split ? split.parts.map((p) => unit(p, u.also.concat(split.also))) : null;
  }
  function sameBlock(a, b) {
    return a.also.length > 0 && a.also[a.also.length - 1] === b.also[b.also.length - 1];
  }

  /* What a piece brings along (a table's header, a box's title), each counted once for
     its own height: they sit far apart on the page, so the span of their box would count
     everything between them. The section's heading is already out of the room. */
  function alsoHeight(sec, u) {
    const seen = [];
    return u.also.reduce((sum, el) => {
      if (el === sec.heading || seen.includes(el)) return sum;
      seen.push(el);
      return sum + el.getBoundingClientRect().height;
    }, 0);
  }

  /* First guess from one layout of the whole page: every block's height at full size.
     Sections that fit whole stay one slide; others are packed greedily, a block too tall
     for what is left being split into its pieces (lists, rows...). */
  function estimate(sec, room) {
    const all = unit(sec.blocks);
    if (!sec.blocks.length || all.box.bottom - all.box.top <= room) return [[all]];
    let queue = sec.blocks.map((b) => unit([b]));
    const out = [];
    let cur = [];
    while (queue.length) {
      const u = queue.shift();
      const height = u.box.bottom - (cur.length ? cur[0].box.top : u.box.top) + alsoHeight(sec, u);
      if (height <= room) { cur.push(u); continue; }
      const parts = piecesToFit(cur, u, room);
      if (parts) { queue = parts.concat(queue); continue; }
      // a heading goes with what follows
      const next = cur.length > 1 && isTitle(cur[cur.length - 1]) ? [cur.pop()] : [];
      if (cur.length) out.push(cur);
      cur = next.concat([u]);
    }
    if (cur.length) out.push(cur);
    return out;
  }

  /* The pieces of a block that does not fit under the slide's `cur`, or null when it moves
     whole to the next slide: it is split when taller than a slide, or to fill the slide. */
  function piecesToFit(cur, u, room) {
    const tall = u.box.bottom - u.box.top;
    return (tall > room || (fillsBetter(cur, u, room) && !isCard(u))) && splitUnit(u);
  }

  /* A big block (a third of the screen) that does not fit under what the slide already
     has is split to fill it while the slide is less than half full; otherwise it opens
     the next slide whole (a table stays in one piece when it can). */
  function fillsBetter(cur, u, room) {
    const used = cur.length ? u.box.top - cur[0].box.top : 0;
    return u.box.bottom - u.box.top > window.innerHeight / 3 && used < room / 2;
  }

  /* An item of a grid or a flex row (a case's card) moves whole to the next slide rather
     than be split, unless it is taller than a slide. */
  function isCard(u) {
    let parent = u.length === 1 ? u[0].parentElement : null;
    while (parent && getComputedStyle(parent).display === 'contents') parent = parent.parentElement;
    return !!parent && /grid|flex/.test(getComputedStyle(parent).display);
  }

  /* What a slide shows: the section's heading, then each unit and what it brings along. */
  function keepOf(sec, units) {
    const keep = sec.heading ? [sec.heading] : [];
    units.forEach((u) => {
      (u.also || []).concat(u).forEach((el) => { if (!keep.includes(el)) keep.push(el); });
    });
    return keep;
  }

  /* ---- The fitter of one article: shows candidate slides and measures them -------- */

  /* options.apart: sections never share a slide. */
  function fitter(article, options) {
    function unhide() {
      VMI.each(article.querySelectorAll(HIDDEN), (el) => {
        el.classList.remove(HIDE, UNSEEN);
      });
    }

    /* Show exactly `keep` (and what they contain): every other branch of the article is
       hidden. Only what changes from the slide before is touched: each class changed
       makes the browser restyle that element before the next measure. */
    function display(keep, scale, continued, heading) {
      const kept = new Set(keep);
      const path = new Set();
      keep.forEach((el) => {
        for (let p = el.parentElement; p && p !== article; p = p.parentElement) path.add(p);
      });
      const hide = new Map();
      (function walk(node) {
        VMI.each(node.children, (child) => {
          if (kept.has(child) || child.classList.contains('vmi-forum')) return;
          if (path.has(child)) walk(child);
          // the page keeps its title for screen readers
          else hide.set(child, child.tagName === 'H1' ? UNSEEN : HIDE);
        });
      })(article);
      VMI.each(article.querySelectorAll(HIDDEN), (el) => {
        if (el.classList.contains(hide.get(el))) hide.delete(el);
        else el.classList.remove(HIDE, UNSEEN);
      });
      hide.forEach((name, el) => { el.classList.add(name); });
      if (root.style.getPropertyValue('--vmi-echelle') !== String(scale)) {
        root.style.setProperty('--vmi-echelle', String(scale));
      }
      VMI.each(article.querySelectorAll('.vmi-suite'), (h) => {
        if (h !== heading || !continued) h.classList.remove('vmi-suite');
      });
      if (continued && heading) heading.classList.add('vmi-suite');
    }

    /* Where `el` ends on the page, not on the screen: a reader may press « p » far down a
       page, and an overflowing slide scrolled to its end would seem to fit the screen. */
    function bottomOf(el) { return el.getBoundingClientRect().bottom + window.scrollY; }
    function tooTall() { return bottomOf(article) > window.innerHeight + 0.5; }
    function tooWide() {
      const wide = article.querySelectorAll('.md-typeset__scrollwrap, pre');
      for (let i = 0; i < wide.length; i++) {
        if (wide[i].offsetParent && wide[i].scrollWidth > wide[i].clientWidth + 1) return true;
      }
      return false;
    }
    function fits() { return !tooTall() && !tooWide(); }
    /* What is shown ends above the middle of the screen. */
    function halfEmpty(keep) {
      return keep.every((el) => bottomOf(el) < window.innerHeight / 2);
    }
    function tryShow(sec, units, scale, continued) {
      display(keepOf(sec, units), scale, continued, sec.heading);
      return fits();
    }

    /* The first scale of `scales` at which `units` fit on one slide, or 0. */
    function scaleThatFits(sec, units, scales, continued) {
      for (let i = 0; i < scales.length; i++) if (tryShow(sec, units, scales[i], continued)) return scales[i];
      return 0;
    }

    /* Each guessed slide is then shown and measured: a unit that does not fit moves to the
       next slide; a single unit too tall is split, or shrinks if it cannot be. A section
       that only just overflows may rather shrink a little than be split. */
    function fitSection(sec, guess) {
      const scales = sec.shrink ? SCALES.concat(SMALLEST.slice(0, 3)) : SCALES;
      if (guess.length === 2 || (sec.shrink && guess.length > 1)) {
        const whole = scaleThatFits(sec, [sec.blocks], scales.slice(1), false);
        if (whole) return [{ units: [sec.blocks], scale: whole }];
      }
      const list = guess.map((g) => g.slice());
      const out = [];
      for (let n = 0; n < list.length; n++) {
        if (sec.shrink && list.length === 1 && !tryShow(sec, list[n], 1, false)) {
          const shrunk = scaleThatFits(sec, list[n], scales.slice(1), false);
          if (shrunk) return [{ units: list[n], scale: shrunk }];
        }
        const slide = fitSlide(sec, list, n);
        if (slide.units.length) out.push(slide);
      }
      return out;
    }

    /* Slide n of the section: what does not fit is deferred to slide n + 1. */
    function fitSlide(sec, list, n) {
      const continued = n > 0;
      const defer = function () { if (!list[n + 1]) list.push([]); list[n + 1].unshift(list[n].pop()); };
      keepWhatFits(sec, list, n, defer);
      const scale = scaleOf(sec, list, n, defer);
      fill(sec, list, n, scale, continued);
      // a heading opens the next slide rather than closing this one alone
      const more = list.slice(n + 1).some((g) => g.length > 0);
      while (more && list[n].length > 1 && isTitle(list[n][list[n].length - 1])) defer();
      return { units: list[n], scale };
    }

    /* At full size, units move on to the next slide, or the last one left is split, until
       slide n fits (or only its width overflows). */
    function keepWhatFits(sec, list, n, defer) {
      while (!tryShow(sec, list[n], 1, n > 0)) {
        const units = list[n];
        if (tooWide()) { // fewer rows would not make a table narrower: smaller type below,
          if (units.length > 1 && !sameBlock(units[0], units[units.length - 1])) { defer(); continue; }
          break; // for that table alone
        }
        if (units.length > 1) { defer(); continue; }
        const parts = splitUnit(units[0]);
        if (!parts) break;
        list[n] = parts;
      }
    }
    /* Slide n's scale, on screen: 1 when it fits, else the largest smaller one that does. */
    function scaleOf(sec, list, n, defer) {
      const continued = n > 0;
      let scale = fits() ? 1 : scaleThatFits(sec, list[n], SMALLEST, continued);
      if (!scale) { // fits at no size (a wide table scrolls sideways): what is too tall moves on
        scale = SMALLEST[SMALLEST.length - 1];
        while (list[n].length > 1 && (tryShow(sec, list[n], scale, continued), tooTall())) defer();
      }
      return scale;
    }

    /* The guesses may leave room: what comes next in the section joins slide n while it
       still fits (a table already too wide at every size only has to fit in height). On a
       slide in smaller type, only more of the same block (rows of its table) joins. */
    function fill(sec, list, n, scale, continued) {
      const units = list[n];
      if (n + 1 >= list.length) return; // most sections are one slide: no layout for nothing
      const wideAnyway = (tryShow(sec, units, scale, continued), tooWide());
      let split = null; // where a block was split to fill this slide, and into how many parts
      for (let k = n + 1; k < list.length; k++) {
        const next = list[k];
        while (next.length && (scale === 1 || sameBlock(units[units.length - 1], next[0]))) {
          units.push(next.shift());
          tryShow(sec, units, scale, continued);
          if (!tooTall() && (wideAnyway || !tooWide())) continue;
          split = overflow(sec, units, next, split, scale, continued);
          if (!split) return;
        }
        if (next.length) return;
      }
    }
    /* The unit that made the slide `units` overflow: split while the slide is less than half
       full, a part of it joining (the new split: where, into how many parts), else moved back
       to `next` (null: the slide is full). */
    function overflow(sec, units, next, split, scale, continued) {
      const last = units.pop();
      const parts = splitUnit(last); // while it is on screen: pieces of what is hidden are not drawn
      tryShow(sec, units, scale, continued);
      if (!parts || !halfEmpty(keepOf(sec, units))) {
        next.unshift(last);
        // no lone first row
        if (split && split.parts > 2 && units.length - split.at === 1) next.unshift(units.pop());
        return null;
      }
      next.unshift.apply(next, parts); // a slide less than half full takes a part of it
      return { at: units.length, parts: parts.length };
    }

    /* A short section joins the slide before it when both fit there whole, in type a
       little smaller at most (to three quarters): a slide uses its screen. Only a page's
       h2 sections join (not its opening, nor the axes and questions of /diagnostic/).
       The scale of the joined slide, or 0. */
    function joinScale(prev, sec, fitted) {
      if (!prev || !prev.joins || !sec.joins || fitted.length !== 1 || (options && options.apart)) return 0;
      const keep = prev.keep.concat(keepOf(sec, fitted[0].units));
      const scales = SCALES.concat(SMALLEST[0]).filter((s) => s <= Math.min(prev.scale, fitted[0].scale));
      for (let i = 0; i < scales.length; i++) {
        display(keep, scales[i], false, null);
        if (fits()) return scales[i];
      }
      return 0;
    }

    /* Every slide of the article: {id, sections, keep, scale, suite, heading, title}. */
    function layOut() {
      const form = article.querySelector('#vmi-diagnostic');
      const list = form ? diagnosticSections(article, form) : pageSections(article);
      /* The whole page laid out once, as on a slide (same column, same type). */
      unhide();
      root.style.setProperty('--vmi-echelle', '1');
      const style = getComputedStyle(article);
      const pads = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
      const guesses = list.map((sec) => {
        const head = sec.heading ? sec.heading.getBoundingClientRect().height +
          parseFloat(getComputedStyle(sec.heading).marginBottom) : 0;
        return estimate(sec, window.innerHeight - pads - head);
      });
      const slides = [];
      list.forEach((sec, k) => {
        const fitted = fitSection(sec, guesses[k]);
        const prev = slides[slides.length - 1];
        const scale = joinScale(prev, sec, fitted);
        if (scale) join(prev, sec, fitted[0], scale);
        else fitted.forEach((fit, n) => { slides.push(slideOf(sec, fit, n)); });
      });
      return slides;
    }
    function nameOf(sec) { return sec.name || title(sec.heading) || document.title.split(' - ')[0]; }
    function slideOf(sec, fit, n) {
      const base = sec.id;
      return {
        id: n ? (base ? base + '--' : '') + 'suite-' + (n + 1) : base,
        sections: [base], keep: keepOf(sec, fit.units), scale: fit.scale, suite: n > 0,
        heading: sec.heading, joins: !!sec.joins,
        title: nameOf(sec) + (n ? ' (suite)' : '')
      };
    }
    function join(slide, sec, fit, scale) {
      slide.scale = scale;
      slide.sections.push(sec.id);
      slide.keep = slide.keep.concat(keepOf(sec, fit.units));
      slide.title += ' · ' + nameOf(sec);
    }

    /* A copy of the slide on screen, without what it hides nor the forum's tools. */
    function copyShown(drop) {
      const copy = article.cloneNode(true);
      VMI.each(copy.querySelectorAll(HIDDEN + ', .vmi-forum, .headerlink' +
        (drop ? ', ' + drop : '')), (el) => {
        el.remove();
      });
      return copy;
    }

    return {
      article, layOut, fits, unhide, copyShown,
      display(slide) { display(slide.keep, slide.scale, slide.suite, slide.heading); }
    };
  }

  VMI.projectionParts = VMI.projectionParts || {};
  VMI.projectionParts.fitter = fitter;
})();
