/* Forum mode: project a page to a room. On: the button, `p` or `?projection`; off:
 * Escape, `p` or the button. <html data-mode="projection"> drives the forum rules of
 * vmi.css. This file runs the mode: entering and leaving, the slide on screen and the
 * fragment that names it (`#section--suite-2` for a continuation), clicker keys (slides,
 * then pages: pageBeyond), fitting again when the screen or the slide changes, the
 * overview (`o`). Its helpers, loaded just before it by forum.js: projection-fit.js (what
 * each slide holds), projection-presenter.js (`n`, the presenter window),
 * projection-print.js (one slide per printed page). Lasts for the tab. Single keys obey
 * the shortcut switch (RGAA 12.10, VMI.shortcutsOn in vmi.js).
 */
(function () {
  'use strict';
  const VMI = window.VMI;
  const root = document.documentElement;
  /* The projected page: its fitter (projection-fit.js), slides and the one on screen. */
  const deck = {
    talk: VMI.projectionParts.parcours(), // a parcours under way (projection-parcours.js), or null
    fitter: null,
    slides: [],
    current: 0,
    lost: '', // the fragment's slide, not drawn yet when the page was projected
    refitTimer: 0
  };

  function isOn() { return root.getAttribute('data-mode') === 'projection'; }
  const find = VMI.find;

  function setParam(on) {
    const talk = deck.talk;
    const kept = (p) => p && !/^projection(=|$)/.test(p) &&
      !(talk && !on && talk.isParam(p)); // leaving ends the talk
    const rest = location.search.replace(/^\?/, '').split('&').filter(kept);
    if (on) rest.push('projection');
    VMI.setAddress(rest.length ? '?' + rest.join('&') : '', location.hash);
  }

  /* ---- Pages beyond this one -------------------------------------------------------- */

  /* Where the clicker goes past the first or last slide (step -1 or 1): the previous or
     next page of the site's navigation, or null at either end; in a parcours, its
     previous or next step. */
  function pageBeyond(step) {
    if (deck.talk) return deck.talk.beyond(step);
    const link = document.querySelector(step > 0 ? 'link[rel=next]' : 'link[rel=prev]');
    return link ? { url: link.href, title: 'Page suivante du site' } : null;
  }
  /* That page, projected: from its first slide going forward, from its last going back. */
  function openPageBeyond(step) {
    const page = pageBeyond(step);
    if (!page) return;
    const url = new URL(page.url);
    url.search = (step > 0 ? '?projection' : '?projection=fin') + (page.params ? '&' + page.params : '');
    url.hash = '';
    location.assign(url.href);
  }

  /* ---- Slides ----------------------------------------------------------------------- */

  /* Lays the slides out again; the index of the slide now holding what was on screen, or -1. */
  function buildSlides() {
    const at = deck.slides[deck.current];
    const keepAt = at && at.keep[at.keep.length - 1];
    const article = find('article.md-content__inner');
    // a parcours step made of one section shows that section alone: it shares no slide
    const apart = !!(deck.talk && deck.talk.step.section);
    deck.fitter = article ? VMI.projectionParts.fitter(article, { apart }) : null;
    deck.slides = deck.fitter ? deck.fitter.layOut() : [];
    if (deck.talk) deck.slides = deck.talk.only(deck.slides);
    for (let i = 0; keepAt &&
      i < deck.slides.length; i++) if (deck.slides[i].keep.includes(keepAt)) return i;
    return -1;
  }

  function hashId() { try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ''; } }
  function slideOf(id) {
    const slides = deck.slides;
    let i;
    for (i = 0; id && i < slides.length; i++) if (slides[i].id === id) return i;
    const target = id && document.getElementById(id);
    for (i = 0; target && i < slides.length; i++) {
      if (slides[i].keep.some((el) => el.contains(target) || target.contains(el))) return i;
    }
    return -1;
  }

  function show(index, updateUrl) {
    if (!deck.slides.length) return;
    deck.current = Math.max(0, Math.min(index, deck.slides.length - 1));
    const s = deck.slides[deck.current];
    deck.fitter.display(s);
    s.fitted = deck.fitter.fits();
    const counter = find('.vmi-forum__diapo');
    if (counter) counter.textContent = 'Diapositive ' + (deck.current + 1) + ' sur ' + deck.slides.length;
    if (updateUrl) VMI.setAddress(location.search, s.id ? '#' + s.id : '');
    window.scrollTo(0, 0);
    presenter.tell();
  }

  function render() {
    const button = find('.vmi-forum__bouton');
    const counter = find('.vmi-forum__diapo');
    const notes = find('.vmi-forum__presentateur');
    if (button) button.textContent = isOn() ? 'Quitter la projection' : 'Projeter cette page';
    if (counter) counter.hidden = !isOn();
    if (notes) notes.hidden = !isOn();
  }

  function enter(atEnd) {
    root.setAttribute('data-mode', 'projection');
    if (deck.talk) root.setAttribute('data-parcours', deck.talk.slug);
    VMI.session.set('vmi-projection', '1');
    setParam(true);
    deck.slides = [];
    buildSlides();
    const named = slideOf(hashId());
    deck.lost = named < 0 && !atEnd ? hashId() : ''; // a slide drawn later (the room's summary)
    show(atEnd ? deck.slides.length - 1 : Math.max(named, 0), atEnd);
    render();
  }

  function leave() {
    const shown = deck.slides[deck.current] && deck.slides[deck.current].keep[0];
    closeOverview();
    root.removeAttribute('data-mode');
    root.removeAttribute('data-parcours');
    root.style.removeProperty('--vmi-echelle');
    VMI.session.set('vmi-projection', null);
    setQuiet(false);
    setParam(false);
    deck.talk = null;
    if (deck.fitter) deck.fitter.unhide();
    VMI.each(document.querySelectorAll('.vmi-suite'), (h) => { h.classList.remove('vmi-suite'); });
    render();
    if (shown && deck.current > 0) shown.scrollIntoView();
  }

  /* ---- Fitting again ---------------------------------------------------------------- */

  /* The screen changed size, or the slide grew (quiz answered, results drawn): fit again. */
  function fitAgain() {
    clearTimeout(deck.refitTimer);
    deck.refitTimer = 0;
    if (!isOn() || overviewOpen()) return;
    const at = buildSlides();
    const named = deck.lost ? slideOf(deck.lost) : -1;
    if (named >= 0) deck.lost = '';
    show(named >= 0 ? named : at >= 0 ? at : deck.current, true);
  }
  function refit() { clearTimeout(deck.refitTimer); deck.refitTimer = setTimeout(fitAgain, 120); }

  /* Content drawn while projecting (the diagnostic's show of hands and its stylesheet,
     loaded on entering): out of sight at once unless it belongs to the slide on screen;
     if that slide no longer fits, all are fitted again before the room sees it spill. */
  function changed() {
    if (!isOn() || !deck.slides.length || overviewOpen()) return;
    const s = deck.slides[deck.current];
    deck.fitter.display(s);
    if (s.fitted && !deck.fitter.fits()) fitAgain(); else refit();
  }
  function grew(records) {
    let drawn = false;
    records.forEach((r) => {
      VMI.each(r.addedNodes, (n) => {
        if (n.nodeType !== 1) return;
        if (n.tagName === 'LINK') n.addEventListener('load', changed); // a stylesheet for what comes
        else if (r.target !== document.head && !r.target.closest('.vmi-forum') &&
          !/(^|\s)md-tooltip/.test(n.getAttribute('class') || '')) drawn = true;
      });
    });
    if (drawn) changed();
  }

  /* The next or previous slide; past either end, the page beyond. */
  function go(step) {
    deck.lost = ''; // the room has moved on
    if (deck.refitTimer) fitAgain(); // the next slide may have grown too: never show it spilling
    const target = deck.current + step;
    if (target >= 0 && target < deck.slides.length) show(target, true);
    else openPageBeyond(step);
  }

  /* What the presenter window and the printout ask of the deck. */
  const view = {
    isOn,
    slides() { return deck.slides; },
    current() { return deck.current; },
    copyShown(drop) { return deck.fitter.copyShown(drop); },
    nextPageTitle() {
      const page = pageBeyond(1);
      return page ? page.title : 'Fin de la présentation';
    },
    parcours() { return deck.talk; },
    sheets() { return deck.printed || null; },
    show(index) { show(index, false); },
    go(step) { setQuiet(true); go(step); } // the presenter's clicker
  };
  const presenter = VMI.projectionParts.presenter(view);
  const printer = VMI.projectionParts.printer(view);

  /* A parcours prints whole: every step's sheets are gathered first (hidden frames, see
     projection-parcours.js), then the browser's print dialog opens. */
  function printTalk() {
    const counter = find('.vmi-forum__diapo');
    if (counter) counter.textContent = 'Préparation de l’impression de toute l’intervention…';
    root.removeAttribute('data-impression-prete');
    deck.talk.gather((sheets) => {
      deck.printed = sheets;
      root.setAttribute('data-impression-prete', sheets ? 'parcours' : 'page');
      if (counter) counter.textContent = sheets ? 'Impression prête' + VMI.NBSP + ': toute l’intervention.'
        : 'Impression de cette page seulement' + VMI.NBSP + ': une étape n’a pas pu être préparée.';
      window.print();
    });
  }

  /* ---- Overview: every slide of the page, Enter jumps, Escape returns ------------- */

  function overviewOpen() { return !!document.getElementById('vmi-vue'); }
  function closeOverview() {
    const box = document.getElementById('vmi-vue');
    if (box) box.remove();
  }
  function openOverview() {
    const box = VMI.el('nav', { id: 'vmi-vue', 'class': 'vmi-vue',
      'aria-label': 'Vue d’ensemble des diapositives' });
    const list = VMI.append(box, VMI.el('ol'));
    deck.slides.forEach((s, i) => {
      const button = VMI.el('button', { type: 'button' }, (i + 1) + '. ' + s.title);
      if (i === deck.current) button.setAttribute('aria-current', 'step');
      button.addEventListener('click', () => { closeOverview(); show(i, true); });
      VMI.append(VMI.append(list, VMI.el('li')), button);
    });
    find('.vmi-forum').appendChild(box);
    list.children[deck.current].firstChild.focus();
  }
  function moveInOverview(step) {
    const buttons = Array.from(document.querySelectorAll('#vmi-vue button'));
    const at = buttons.indexOf(document.activeElement);
    const to = buttons[Math.max(0, Math.min(buttons.length - 1, (at < 0 ? deck.current : at) + step))];
    if (to) to.focus();
  }

  /* ---- The buttons: out of the way while the presenter talks ------------------------ */

  /* A slide moved by the keyboard or a clicker fades « Quitter la projection » and « Vue
     de l’animateur » (vmi.css); the mouse moving or a focus in the forum's tools brings
     them back. Browsers also send mousemove when the page changes under a still pointer:
     only a new position counts. */
  const pointer = { x: -1, y: -1 };
  function setQuiet(on) {
    if (on) root.setAttribute('data-vmi-discret', ''); else root.removeAttribute('data-vmi-discret');
  }
  function pointerMoved(ev) {
    if (ev.screenX === pointer.x && ev.screenY === pointer.y) return;
    pointer.x = ev.screenX;
    pointer.y = ev.screenY;
    setQuiet(false);
  }
  window.addEventListener('mousemove', pointerMoved, { passive: true });
  document.addEventListener('focusin', (ev) => {
    if (ev.target.closest && ev.target.closest('.vmi-forum')) setQuiet(false);
  });

  /* ---- Keys ------------------------------------------------------------------------ */

  function isControl(el) {
    return !!(el && el.closest &&
      el.closest('input, button, select, textarea, summary, a[href], [contenteditable]'));
  }
  function stop(ev) {
    ev.preventDefault();
    ev.stopImmediatePropagation(); // Material's `n` and `p` would open another page
  }

  function overviewKey(ev, step, single) {
    if (ev.key === 'Escape' || (ev.key === 'o' && single)) {
      ev.preventDefault();
      closeOverview();
      show(deck.current, false);
      return;
    }
    if (step && ev.key !== ' ') { stop(ev); moveInOverview(step); }
  }

  /* Ctrl+P during a parcours prints the whole talk. */
  function printsTalk(ev) {
    const ctrlP = (ev.ctrlKey || ev.metaKey) && !ev.altKey && (ev.key === 'p' || ev.key === 'P');
    return ctrlP && isOn() && !!deck.talk;
  }

  function onKey(ev) {
    if (printsTalk(ev)) { stop(ev); printTalk(); return; }
    if (ev.ctrlKey || ev.metaKey || ev.altKey || VMI.searchOpen()) return;
    const el = document.activeElement;
    const single = VMI.shortcutsOn() && !VMI.isTyping(el); // a single key is a shortcut
    if (ev.key === 'p' && single) { stop(ev); if (isOn()) leave(); else enter(false); return; }
    if (isOn()) projectedKey(ev, el, single);
  }
  /* A key while projecting: the overview's keys, Escape, `n` and `o`, then the clicker's. */
  function projectedKey(ev, el, single) {
    const step = VMI.clickerStep(ev);
    if (overviewOpen()) { overviewKey(ev, step, single); return; }
    if (ev.key === 'Escape') { leave(); return; }
    if ((ev.key === 'n' || ev.key === 'o') && single) {
      stop(ev);
      if (ev.key === 'n') presenter.open(); else openOverview();
      return;
    }
    if (!step || VMI.isTyping(el) || (isControl(el) && !/^Page/.test(ev.key))) return;
    stop(ev);
    setQuiet(true);
    go(step);
  }

  window.addEventListener('keydown', onKey, true);
  /* An in-page link opens the slide holding its target. */
  window.addEventListener('hashchange', () => {
    const index = isOn() ? slideOf(hashId()) : -1;
    if (index >= 0) show(index, false);
  });
  window.addEventListener('resize', () => { if (isOn()) refit(); });

  /* The mode's controls, for other scripts and the tests (set once this file has run). */
  VMI.projection = {
    enter() { enter(false); },
    leave,
    next() { go(1); },
    previous() { go(-1); },
    slides() {
      return deck.slides.map((s) => ({ id: s.id, titre: s.title, suite: s.suite }));
    },
    current() { return deck.current; }
  };

  function watchArticle(main) {
    ['change', 'submit', 'toggle'].forEach((type) => {
      main.addEventListener(type, () => { if (isOn()) refit(); }, true);
    });
    if (!window.MutationObserver) return;
    const watch = new MutationObserver(grew);
    watch.observe(main, { childList: true, subtree: true });
    watch.observe(document.head, { childList: true });
  }

  VMI.start(() => {
    const button = find('.vmi-forum__bouton');
    const notes = find('.vmi-forum__presentateur');
    const main = find('article.md-content__inner');
    if (button) {
      button.hidden = false;
      button.addEventListener('click', () => { if (isOn()) leave(); else enter(false); });
    }
    if (notes) notes.addEventListener('click', presenter.open);
    if (main) watchArticle(main);
    const param = /(?:^|[?&])projection(=[^&]*)?(?:&|$)/.exec(location.search);
    if (param || VMI.session.get('vmi-projection') === '1') enter(!!param && param[1] === '=fin');
    else render();
    if (deck.talk && deck.talk.printing && isOn()) { // a step printed for the whole talk, once settled
      const send = function () {
        setTimeout(() => { if (deck.refitTimer) fitAgain(); deck.talk.send(printer.sheets); }, 600);
      };
      if (document.readyState === 'complete') send(); else window.addEventListener('load', send);
    }
  });
})();
