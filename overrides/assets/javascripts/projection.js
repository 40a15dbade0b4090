/* Forum mode: project a page to a room. On: the button, `p` or `?projection`; off:
 * Escape, `p` or the button. <html data-mode="projection"> drives the forum rules of
 * vmi.css. A slide is an h2 section (on /diagnostic/: a question); a section too tall for
 * the screen is split into continuation slides (« suite ») at block boundaries: between
 * paragraphs, list items, table rows (the header repeats)... Text first shrinks a little,
 * never below 2.2 % of the screen height (vmi.css). Clicker keys move slides, then pages;
 * the slide's name goes into the fragment (`#section--suite-2` for a continuation). `n`
 * opens the presenter window (presentateur.js, talking by postMessage), `o` the overview.
 * Lasts for the tab. Loaded by forum.js on first use; single keys obey the shortcut
 * switch (RGAA 12.10, VMI.shortcutsOn in vmi.js).
 */
(function () {
  'use strict';
  var root = document.documentElement;
  var HIDE = 'vmi-hors-diapo';
  var UNSEEN = 'vmi-titre-cache';
  var NEXT = { PageDown: 1, ArrowRight: 1, ArrowDown: 1, ' ': 1 };
  var PREV = { PageUp: 1, ArrowLeft: 1, ArrowUp: 1 };
  var SCALES = [1, 0.92, 0.84]; // a whole section may shrink this far before it is split
  var SMALLEST = [0.76, 0.68, 0.6, 0.52, 0.44]; // a single block that cannot be split
  var slides = [];
  var current = 0;
  var article = null;
  var presenter = null;
  var refitTimer = 0;
  var lost = ''; // the fragment's slide, not drawn yet when the page was projected
  var VMI = window.VMI;
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function isOn() { return root.getAttribute('data-mode') === 'projection'; }
  function $(selector) { return document.querySelector(selector); }

  function setUrl(search, hash) {
    try { history.replaceState(history.state, '', location.pathname + search + hash); } catch (e) { /* file:// may refuse */ }
  }
  function setParam(on) {
    var rest = location.search.replace(/^\?/, '').split('&').filter(function (p) { return p && !/^projection(=|$)/.test(p); });
    if (on) rest.push('projection');
    setUrl(rest.length ? '?' + rest.join('&') : '', location.hash);
  }

  /* ---- Sections: what belongs together before fitting ---------------------------- */

  function isHeading(el) { return !!el && /^(H[1-6]|LEGEND|CAPTION)$/.test(el.tagName) || !!el && el.classList.contains('admonition-title'); }
  function isTitle(u) { return u.length === 1 && /^H[1-6]$/.test(u[0].tagName); }
  function section(id, heading, blocks, name) { return { id: id, heading: heading, blocks: blocks, name: name }; }

  /* /diagnostic/: the introduction, then each axis and each of its questions (with its
     help), then the results; the tools of a lone visitor are hidden by vmi.css. */
  function diagnosticSections(form) {
    var diag = form.parentElement;
    var intro = [];
    for (var el = diag.firstElementChild; el && el !== form; el = el.nextElementSibling) {
      if (!/^(SCRIPT|NOSCRIPT)$/.test(el.tagName) && !el.classList.contains('vmi-diag__progression')) intro.push(el);
    }
    var list = [section('', article.querySelector('h1'), intro)];
    each(form.querySelectorAll('section'), function (axis) {
      var heading = axis.querySelector('h2');
      var about = section(heading ? heading.id : '', heading, []);
      list.push(about);
      var question = null;
      each(axis.children, function (child) {
        if (child === heading) return;
        if (child.tagName === 'FIELDSET') {
          var input = child.querySelector('input[name]');
          if (!child.id && input) child.id = 'vmi-q-' + input.name;
          question = section(child.id, heading, [child], title(child.querySelector('legend')));
          question.shrink = true; // one question, one slide: smaller type before a split
          list.push(question);
        } else (question || about).blocks.push(child);
      });
    });
    for (el = form.nextElementSibling; el; el = el.nextElementSibling) {
      var head = el.querySelector('h2');
      if (!/^(SCRIPT|NOSCRIPT)$/.test(el.tagName)) list.push(section(el.id, null, [el], title(head) || 'Résultats'));
    }
    return list;
  }

  function pageSections() {
    var group = section('', null, []);
    var list = [group];
    each(article.children, function (el) {
      if (el.classList.contains('vmi-forum')) return;
      var first = el.firstElementChild;
      if (el.tagName === 'H1' && !group.heading) { group.heading = el; return; }
      if (el.tagName === 'H2') { group = section(el.id, el, []); list.push(group); return; }
      if (el.tagName === 'SECTION' && first && first.tagName === 'H2') {
        list.push(section(first.id, first, [el]));
        group = section('', null, []); // blocks after the section: their own slide
        list.push(group);
        return;
      }
      group.blocks.push(el);
    });
    return list.filter(function (s) { return s.heading || s.blocks.length; });
  }

  /* ---- Fitting: measure each candidate slide on the screen ------------------------ */

  /* Pieces of a block too tall for one slide, each an array of elements; `also` are shown
     with every piece (the table header, a box's title). */
  function pieces(el) {
    var tag = el.tagName;
    // what is not drawn (an empty note, a noscript) would make a piece of its own: a title alone
    var kids = Array.prototype.filter.call(el.children, function (k) { return k.getClientRects().length > 0; });
    if (/^(P|H[1-6]|IMG|PRE|SVG|svg|FIGURE|LABEL|BUTTON|INPUT|SELECT|TEXTAREA|TR|DT|DD|SUMMARY|LEGEND)$/.test(tag)) return null;
    if (tag === 'FORM' && el.hasAttribute('data-quiz')) return null; // a quiz and its button stay together
    var table = tag === 'TABLE' ? el : null;
    if (!table && kids.length === 1 && kids[0].tagName !== 'P') return pieces(kids[0]); // wrappers
    if (table) {
      var head = table.tHead ? [table.tHead] : [];
      var rows = [];
      each(table.tBodies, function (b) { each(b.rows, function (r) { rows.push([r]); }); });
      return rows.length > 1 ? { also: head.concat(table.caption ? [table.caption] : []), parts: rows } : null;
    }
    if (tag === 'DL') {
      var groups = [];
      kids.forEach(function (k) {
        if (k.tagName === 'DT' && (!groups.length || groups[groups.length - 1].some(function (g) { return g.tagName === 'DD'; }))) groups.push([]);
        if (!groups.length) groups.push([]);
        groups[groups.length - 1].push(k);
      });
      return groups.length > 1 ? { also: [], parts: groups } : null;
    }
    if (kids.length < 2) return null;
    // A first heading titles every piece, unless it is one of several (a heading per group).
    var also = isHeading(kids[0]) && !kids.slice(1).some(function (k) { return k.tagName === kids[0].tagName; }) ? [kids.shift()] : [];
    if (tag === 'DETAILS' && kids[0] && kids[0].tagName === 'SUMMARY') also = [kids.shift()];
    if (kids.length > 1) return { also: also, parts: kids.map(function (k) { return [k]; }) };
    var inner = also.length && kids.length ? pieces(kids[0]) : null; // a titled box around one list (a case's facts)
    return inner ? { also: also.concat(inner.also), parts: inner.parts } : null;
  }

  function unhide() { if (article) each(article.querySelectorAll('.' + HIDE + ', .' + UNSEEN), function (el) { el.classList.remove(HIDE, UNSEEN); }); }

  /* Show exactly `keep` (and what they contain): every other branch of the article is hidden. */
  function display(keep, scale, continued, heading) {
    var path = [];
    keep.forEach(function (el) { for (var p = el.parentElement; p && p !== article; p = p.parentElement) path.push(p); });
    unhide();
    (function walk(node) {
      each(node.children, function (child) {
        if (keep.indexOf(child) >= 0 || child.classList.contains('vmi-forum')) return;
        if (path.indexOf(child) >= 0) walk(child);
        else child.classList.add(child.tagName === 'H1' ? UNSEEN : HIDE); // the page keeps its title for screen readers
      });
    })(article);
    root.style.setProperty('--vmi-echelle', String(scale));
    each(article.querySelectorAll('.vmi-suite'), function (h) { h.classList.remove('vmi-suite'); });
    if (continued && heading) heading.classList.add('vmi-suite');
  }

  function fits() { return !tooTall() && !tooWide(); }
  function tooTall() { return article.getBoundingClientRect().bottom > window.innerHeight + 0.5; }
  function tooWide() {
    var wide = article.querySelectorAll('.md-typeset__scrollwrap, pre');
    for (var i = 0; i < wide.length; i++) {
      if (wide[i].offsetParent && wide[i].scrollWidth > wide[i].clientWidth + 1) return true;
    }
    return false;
  }

  function keepOf(sec, units) {
    var keep = sec.heading ? [sec.heading] : [];
    units.forEach(function (u) { (u.also || []).concat(u).forEach(function (el) { if (keep.indexOf(el) < 0) keep.push(el); }); });
    return keep;
  }
  function tryShow(sec, units, scale, continued) { display(keepOf(sec, units), scale, continued, sec.heading); return fits(); }

  /* A unit: the elements of one block or piece; `also` (a table header...) come with it. */
  function box(els) {
    var top = Infinity, bottom = -Infinity;
    els.forEach(function (el) { var r = el.getBoundingClientRect(); top = Math.min(top, r.top); bottom = Math.max(bottom, r.bottom); });
    return { top: top, bottom: bottom };
  }
  function unit(els, also) { var u = els.slice(); u.also = also || []; u.box = box(els); return u; }
  function splitUnit(u) {
    var split = u.length === 1 ? pieces(u[0]) : null;
    return split ? split.parts.map(function (p) { return unit(p, u.also.concat(split.also)); }) : null;
  }

  /* First guess from one layout of the whole page: every block's height at full size.
     Sections that fit whole stay one slide; others are packed greedily, a block too tall
     for what is left being split into its pieces (lists, rows...). */
  function estimate(sec, room) {
    var all = unit(sec.blocks);
    if (!sec.blocks.length || all.box.bottom - all.box.top <= room) return [[all]];
    var queue = sec.blocks.map(function (b) { return unit([b]); });
    var out = [];
    var cur = [];
    while (queue.length) {
      var u = queue.shift();
      var height = u.box.bottom - (cur.length ? cur[0].box.top : u.box.top) + alsoHeight(sec, u);
      if (height <= room) { cur.push(u); continue; }
      var parts = (u.box.bottom - u.box.top > room || u.box.bottom - u.box.top > window.innerHeight / 3) && splitUnit(u);
      if (parts) { queue = parts.concat(queue); continue; }
      var next = cur.length > 1 && isTitle(cur[cur.length - 1]) ? [cur.pop()] : []; // a heading goes with what follows
      if (cur.length) out.push(cur);
      cur = next.concat([u]);
    }
    if (cur.length) out.push(cur);
    return out;
  }
  /* What a piece brings along (a table's header, a box's title), each counted once for
     its own height: they sit far apart on the page, so the span of their box would count
     everything between them. The section's heading is already out of the room. */
  function alsoHeight(sec, u) {
    var seen = [];
    return u.also.reduce(function (sum, el) {
      if (el === sec.heading || seen.indexOf(el) >= 0) return sum;
      seen.push(el);
      return sum + el.getBoundingClientRect().height;
    }, 0);
  }

  /* Each guessed slide is then shown and measured: a unit that does not fit moves to the
     next slide; a single unit too tall is split, or shrinks if it cannot be. A section
     that only just overflows may rather shrink a little than be split. */
  function fitSection(sec, guess) {
    var out = [];
    var i;
    var scales = sec.shrink ? SCALES.concat(SMALLEST.slice(0, 3)) : SCALES;
    if (guess.length === 2 || (sec.shrink && guess.length > 1)) {
      for (i = 1; i < scales.length; i++) if (tryShow(sec, [sec.blocks], scales[i], false)) return [{ units: [sec.blocks], scale: scales[i] }];
    }
    var list = guess.map(function (g) { return g.slice(); });
    for (var n = 0; n < list.length; n++) {
      var units = list[n];
      if (sec.shrink && list.length === 1 && !tryShow(sec, units, 1, false)) {
        for (i = 1; i < scales.length; i++) if (tryShow(sec, units, scales[i], false)) return [{ units: units, scale: scales[i] }];
      }
      var defer = function () { if (!list[n + 1]) list.push([]); list[n + 1].unshift(units.pop()); };
      while (!tryShow(sec, units, 1, n > 0)) {
        if (tooWide()) { // fewer rows would not make a table narrower: smaller type below,
          if (units.length > 1 && !sameBlock(units[0], units[units.length - 1])) { defer(); continue; }
          break; // for that table alone
        }
        if (units.length > 1) { defer(); continue; }
        var parts = splitUnit(units[0]);
        if (parts) { units = list[n] = parts; continue; }
        break;
      }
      var scale = 1;
      if (!fits()) {
        scale = 0;
        for (i = 0; i < SMALLEST.length; i++) if (tryShow(sec, units, SMALLEST[i], n > 0)) { scale = SMALLEST[i]; break; }
        if (!scale) { // fits at no size (a wide table scrolls sideways): what is too tall moves on
          scale = SMALLEST[SMALLEST.length - 1];
          while (units.length > 1 && (tryShow(sec, units, scale, n > 0), tooTall())) defer();
        }
      }
      fill(sec, units, list[n + 1], scale, n > 0);
      // a heading opens the next slide rather than closing this one alone
      while (units.length > 1 && isTitle(units[units.length - 1]) && list[n + 1] && list[n + 1].length) defer();
      if (units.length) out.push({ units: units, scale: scale });
    }
    return out;
  }

  /* The guess may leave room: what comes next in the section joins this slide while it
     still fits (a table already too wide at every size only has to fit in height). On a
     slide in smaller type, only more of the same block (rows of its table) joins. */
  function fill(sec, units, next, scale, continued) {
    if (!next || !next.length) return; // most sections are one slide: no layout for nothing
    var wideAnyway = (tryShow(sec, units, scale, continued), tooWide());
    while (next.length && (scale === 1 || sameBlock(units[units.length - 1], next[0]))) {
      units.push(next.shift());
      tryShow(sec, units, scale, continued);
      if (!tooTall() && (wideAnyway || !tooWide())) continue;
      next.unshift(units.pop());
      return;
    }
  }

  function sameBlock(a, b) { return a.also.length > 0 && a.also[a.also.length - 1] === b.also[b.also.length - 1]; }

  function title(el) { return el ? el.textContent.replace(/\s+/g, ' ').replace(/¶$/, '').trim() : ''; }

  function buildSlides() {
    article = $('article.md-content__inner');
    var keepAt = slides[current] && slides[current].keep[slides[current].keep.length - 1];
    slides = [];
    if (!article) return -1;
    var form = article.querySelector('#vmi-diagnostic');
    var list = form ? diagnosticSections(form) : pageSections();
    /* The whole page laid out once, as on a slide (same column, same type). */
    unhide();
    root.style.setProperty('--vmi-echelle', '1');
    var style = getComputedStyle(article);
    var pads = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
    var guesses = list.map(function (sec) {
      var head = sec.heading ? sec.heading.getBoundingClientRect().height + parseFloat(getComputedStyle(sec.heading).marginBottom) : 0;
      return estimate(sec, window.innerHeight - pads - head);
    });
    list.forEach(function (sec, k) {
      fitSection(sec, guesses[k]).forEach(function (fit, n) {
        var base = sec.id;
        var name = sec.name || title(sec.heading) || document.title.split(' - ')[0];
        slides.push({
          id: n ? (base ? base + '--' : '') + 'suite-' + (n + 1) : base,
          section: base, keep: keepOf(sec, fit.units), scale: fit.scale, suite: n > 0, heading: sec.heading,
          title: name + (n ? ' (suite)' : '')
        });
      });
    });
    for (var i = 0; keepAt && i < slides.length; i++) if (slides[i].keep.indexOf(keepAt) >= 0) return i;
    return -1;
  }

  /* ---- Showing slides and moving between them ------------------------------------ */

  function hashId() { try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ''; } }
  function slideOf(id) {
    var i;
    for (i = 0; id && i < slides.length; i++) if (slides[i].id === id) return i;
    var target = id && document.getElementById(id);
    for (i = 0; target && i < slides.length; i++) {
      if (slides[i].keep.some(function (el) { return el.contains(target) || target.contains(el); })) return i;
    }
    return -1;
  }

  function show(index, updateUrl) {
    if (!slides.length) return;
    current = Math.max(0, Math.min(index, slides.length - 1));
    var s = slides[current];
    display(s.keep, s.scale, s.suite, s.heading);
    s.fitted = fits();
    var counter = $('.vmi-forum__diapo');
    if (counter) counter.textContent = 'Diapositive ' + (current + 1) + ' sur ' + slides.length;
    if (updateUrl) setUrl(location.search, s.id ? '#' + s.id : '');
    window.scrollTo(0, 0);
    tellPresenter();
  }

  function render() {
    var button = $('.vmi-forum__bouton');
    var counter = $('.vmi-forum__diapo');
    var notes = $('.vmi-forum__presentateur');
    if (button) button.textContent = isOn() ? 'Quitter la projection' : 'Projeter cette page';
    if (counter) counter.hidden = !isOn();
    if (notes) notes.hidden = !isOn();
  }

  function enter(atEnd) {
    root.setAttribute('data-mode', 'projection');
    VMI.session.set('vmi-projection', '1');
    setParam(true);
    slides = [];
    buildSlides();
    var named = slideOf(hashId());
    lost = named < 0 && !atEnd ? hashId() : ''; // a slide drawn later (the room's summary)
    show(atEnd ? slides.length - 1 : Math.max(named, 0), atEnd);
    render();
  }

  function leave() {
    var shown = slides[current] && slides[current].keep[0];
    closeOverview();
    root.removeAttribute('data-mode');
    root.style.removeProperty('--vmi-echelle');
    VMI.session.set('vmi-projection', null);
    setParam(false);
    unhide();
    each(document.querySelectorAll('.vmi-suite'), function (h) { h.classList.remove('vmi-suite'); });
    render();
    if (shown && current > 0) shown.scrollIntoView();
  }

  /* The screen changed size, or the slide grew (quiz answered, results drawn): fit again. */
  function fitAgain() {
    clearTimeout(refitTimer);
    refitTimer = 0;
    if (!isOn() || overviewOpen()) return;
    var at = buildSlides();
    var named = lost ? slideOf(lost) : -1;
    if (named >= 0) lost = '';
    show(named >= 0 ? named : at >= 0 ? at : current, true);
  }
  function refit() { clearTimeout(refitTimer); refitTimer = setTimeout(fitAgain, 120); }

  /* Content drawn while projecting (the diagnostic's show of hands and its stylesheet,
     loaded on entering): out of sight at once unless it belongs to the slide on screen;
     if that slide no longer fits, all are fitted again before the room sees it spill. */
  function changed() {
    if (!isOn() || !slides.length || overviewOpen()) return;
    var s = slides[current];
    display(s.keep, s.scale, s.suite, s.heading);
    if (s.fitted && !fits()) fitAgain(); else refit();
  }
  function grew(records) {
    var drawn = false;
    records.forEach(function (r) {
      each(r.addedNodes, function (n) {
        if (n.nodeType !== 1) return;
        if (n.tagName === 'LINK') n.addEventListener('load', changed); // a stylesheet for what comes
        else if (r.target !== document.head && !r.target.closest('.vmi-forum') && !/(^|\s)md-tooltip/.test(n.getAttribute('class') || '')) drawn = true;
      });
    });
    if (drawn) changed();
  }

  /* Beyond the slides: the next or previous page, projected (from its end going back). */
  function go(step) {
    lost = ''; // the room has moved on
    if (refitTimer) fitAgain(); // the next slide may have grown too: never show it spilling
    var target = current + step;
    if (target >= 0 && target < slides.length) { show(target, true); return; }
    var link = document.querySelector(step > 0 ? 'link[rel=next]' : 'link[rel=prev]');
    if (!link) return;
    var url = new URL(link.href);
    url.search = step > 0 ? '?projection' : '?projection=fin';
    url.hash = '';
    location.assign(url.href);
  }

  /* ---- Presenter window: presentateur.html, in step by postMessage ---------------- */

  function notesFor(id) {
    var data = document.getElementById('vmi-notes');
    if (!data) return '';
    try { return (JSON.parse(data.textContent)[id] || []).join(''); } catch (e) { return ''; }
  }
  function slideHtml() {
    var copy = article.cloneNode(true);
    each(copy.querySelectorAll('.' + HIDE + ', .' + UNSEEN + ', .vmi-forum, .headerlink, script'), function (el) { el.remove(); });
    return copy.innerHTML;
  }
  function state() {
    var s = slides[current];
    var next = slides[current + 1];
    var link = document.querySelector('link[rel=next]');
    return {
      vmi: 'etat', page: document.title, numero: current + 1, total: slides.length, titre: s.title,
      diapo: slideHtml(), notes: notesFor(s.section),
      suivante: next ? next.title : link ? 'Page suivante du site' : 'Fin de la présentation'
    };
  }
  function tellPresenter() {
    if (presenter && !presenter.closed && isOn() && slides.length) {
      try { presenter.postMessage(state(), '*'); } catch (e) { presenter = null; }
    }
  }
  function openPresenter() {
    var config = document.getElementById('__config');
    var base = config ? JSON.parse(config.textContent).base || '.' : '.';
    var url = new URL(base + '/presentateur.html', location.href).href;
    presenter = window.open(url, 'vmi-presentateur', 'popup,width=1000,height=700') || presenter;
  }
  window.addEventListener('message', function (ev) {
    var data = ev.data;
    if (!data || typeof data !== 'object' || !ev.source || ev.source === window) return;
    if (location.protocol !== 'file:' && ev.origin !== location.origin) return; // only our own presenter page
    if (data.vmi === 'presentateur') { presenter = ev.source; if (isOn()) tellPresenter(); else presenter.postMessage({ vmi: 'hors-projection', page: document.title }, '*'); }
    else if (data.vmi === 'aller' && ev.source === presenter && isOn() && (data.pas === 1 || data.pas === -1)) go(data.pas);
  });

  /* ---- Overview: every slide of the page, Enter jumps, Escape returns ------------- */

  function overviewOpen() { return !!document.getElementById('vmi-vue'); }
  function closeOverview() {
    var view = document.getElementById('vmi-vue');
    if (view) view.remove();
  }
  function openOverview() {
    var view = VMI.el('nav', { id: 'vmi-vue', 'class': 'vmi-vue', 'aria-label': 'Vue d’ensemble des diapositives' });
    var list = VMI.append(view, VMI.el('ol'));
    slides.forEach(function (s, i) {
      var button = VMI.el('button', { type: 'button' }, (i + 1) + '. ' + s.title);
      if (i === current) button.setAttribute('aria-current', 'step');
      button.addEventListener('click', function () { closeOverview(); show(i, true); });
      VMI.append(VMI.append(list, VMI.el('li')), button);
    });
    $('.vmi-forum').appendChild(view);
    list.children[current].firstChild.focus();
  }
  function moveInOverview(step) {
    var buttons = Array.prototype.slice.call(document.querySelectorAll('#vmi-vue button'));
    var at = buttons.indexOf(document.activeElement);
    var to = buttons[Math.max(0, Math.min(buttons.length - 1, (at < 0 ? current : at) + step))];
    if (to) to.focus();
  }

  /* ---- Keys ------------------------------------------------------------------------ */

  function isControl(el) { return !!(el && el.closest && el.closest('input, button, select, textarea, summary, a[href], [contenteditable]')); }

  window.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || VMI.searchOpen()) return;
    var el = document.activeElement;
    var single = VMI.shortcutsOn() && !VMI.isTyping(el);
    if (ev.key === 'p' && single) {
      ev.preventDefault();
      ev.stopImmediatePropagation(); // Material's own `p` would open the previous page
      if (isOn()) leave(); else enter(false);
      return;
    }
    if (!isOn()) return;
    var step = NEXT[ev.key] ? 1 : PREV[ev.key] ? -1 : 0;
    if (ev.key === ' ' && ev.shiftKey) step = -1;
    if (overviewOpen()) {
      if (ev.key === 'Escape' || (ev.key === 'o' && single)) { ev.preventDefault(); closeOverview(); show(current, false); return; }
      if (step && ev.key !== ' ') { ev.preventDefault(); ev.stopImmediatePropagation(); moveInOverview(step); }
      return;
    }
    if (ev.key === 'Escape') { leave(); return; }
    if ((ev.key === 'n' || ev.key === 'o') && single) {
      ev.preventDefault();
      ev.stopImmediatePropagation(); // Material's `n` would open the next page
      if (ev.key === 'n') openPresenter(); else openOverview();
      return;
    }
    if (!step || VMI.isTyping(el) || (isControl(el) && !/^Page/.test(ev.key))) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    go(step);
  }, true);
  /* An in-page link opens the slide holding its target. */
  window.addEventListener('hashchange', function () {
    var index = isOn() ? slideOf(hashId()) : -1;
    if (index >= 0) show(index, false);
  });
  window.addEventListener('resize', function () { if (isOn()) refit(); });

  /* ---- Print: in projection, one slide per page ----------------------------------- */

  /* Each slide copied into a box the size of the screen, zoomed to an A4 landscape page
     (vmi.css, named page `diapo`): the printout is what the room saw, slide by slide. */
  function printSlides() {
    var keep = current;
    var width = window.innerWidth;
    var height = window.innerHeight;
    var zoom = Math.min(1122 / width, 793 / height);
    var book = VMI.el('div', { 'class': 'vmi-impression' });
    root.style.fontSize = getComputedStyle(root).fontSize;
    var qr = $('.vmi-qr');
    if (qr) root.style.setProperty('--vmi-qr', qr.getBoundingClientRect().width + 'px');
    root.style.setProperty('--vmi-plancher', (0.022 * height) + 'px');
    slides.forEach(function (s, i) {
      show(i, false);
      var page = VMI.el('div', { 'class': 'vmi-impression__diapo' });
      page.style.width = width + 'px';
      page.style.height = height + 'px';
      page.style.zoom = String(zoom);
      page.style.setProperty('--vmi-echelle', String(s.scale));
      var content = VMI.el('div', { 'class': 'md-content' });
      var copy = article.cloneNode(true);
      each(copy.querySelectorAll('.' + HIDE + ', .' + UNSEEN + ', .vmi-forum, .headerlink'), function (el) { el.remove(); });
      each(copy.querySelectorAll('[id]'), function (el) { el.removeAttribute('id'); });
      content.appendChild(copy);
      page.appendChild(content);
      if (qr) page.appendChild(qr.cloneNode(true));
      VMI.append(page, VMI.el('p', { 'class': 'vmi-impression__numero' }, 'Diapositive ' + (i + 1) + ' sur ' + slides.length));
      book.appendChild(page);
    });
    show(keep, false);
    document.body.appendChild(book);
    root.setAttribute('data-vmi-impression', '');
  }
  function unprint() {
    each(document.querySelectorAll('.vmi-impression'), function (el) { el.remove(); });
    root.removeAttribute('data-vmi-impression');
    ['font-size', '--vmi-qr', '--vmi-plancher'].forEach(function (p) { root.style.removeProperty(p); });
  }

  window.addEventListener('beforeprint', function () { // after forum.js has written the links' addresses
    unprint();
    if (isOn() && slides.length) printSlides();
  });
  window.addEventListener('afterprint', unprint);

  window.VMIProjection = {
    enter: function () { enter(false); },
    leave: leave,
    next: function () { go(1); },
    previous: function () { go(-1); },
    slides: function () { return slides.map(function (s) { return { id: s.id, titre: s.title, suite: s.suite }; }); },
    current: function () { return current; }
  };

  VMI.start(function () {
    var button = $('.vmi-forum__bouton');
    var notes = $('.vmi-forum__presentateur');
    var main = $('article.md-content__inner');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', function () { if (isOn()) leave(); else enter(false); });
    }
    if (notes) notes.addEventListener('click', openPresenter);
    if (main) {
      ['change', 'submit', 'toggle'].forEach(function (type) { main.addEventListener(type, function () { if (isOn()) refit(); }, true); });
      if (window.MutationObserver) {
        var watch = new MutationObserver(grew);
        watch.observe(main, { childList: true, subtree: true });
        watch.observe(document.head, { childList: true });
      }
    }
    var param = /(?:^|[?&])projection(=[^&]*)?(?:&|$)/.exec(location.search);
    if (param || VMI.session.get('vmi-projection') === '1') enter(!!param && param[1] === '=fin');
    else render();
  });
})();
