/* The base of our scripts, the first of them on every page (extra_javascript in
 * mkdocs.yml; theme/lazy-search.js and theme/palette.js run before the theme's bundle and need none of
 * it). window.VMI: start-up, storage that fails silently, "is the user typing", the
 * single-key shortcut setting (RGAA 12.10, WCAG 2.1.4), downloads, element building and
 * loading more of our scripts. Instant navigation is off (mkdocs.yml): a page starts once.
 * Then what every page does: single keys stopped when the visitor turned them off, that
 * switch (accessibility page), quiz feedback, glossary terms on focus.
 * For Node (tests/js/), module.exports builds the namespace over a given window.
 */
(function () {
  'use strict';
  const SVG = /^(svg|title|polygon|path|line|text|tspan|circle|rect)$/;
  const SHORTCUTS_OFF = 'vmi-shortcuts-off';
  const NBSP = '\u00a0';
  const NNBSP = '\u202f'; // narrow: before ? ! ; and between thousands

  /* Small helpers of every script (and of the *-core.js files in Node): French quotes with
     their no-break spaces, thousands grouped by a narrow no-break space. */
  function quoted(text) { return '«' + NBSP + text + NBSP + '»'; }
  function formatNumber(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP); }
  function isObject(o) { return !!o && typeof o === 'object' && !Array.isArray(o); }
  /* Where a clicker's key moves a projection (the page's and the presenter window's):
     1, -1, or 0 for a key that is not a move. */
  const FORWARD = { PageDown: 1, ArrowRight: 1, ArrowDown: 1, ' ': 1 };
  const BACKWARD = { PageUp: 1, ArrowLeft: 1, ArrowUp: 1 };
  function clickerStep(ev) {
    if (ev.key === ' ' && ev.shiftKey) return -1;
    return FORWARD[ev.key] ? 1 : BACKWARD[ev.key] ? -1 : 0;
  }

  function base(win) {
    const doc = win.document || {};
    const here = doc.currentScript ? doc.currentScript.src.replace(/[^/]*$/, '') : '';
    let started = doc.readyState === 'complete';
    const scripts = {}; // our scripts loaded by load(): true once run, or the callbacks waiting
    let offHere = null; // the shortcut setting for this page when storage refuses it
    if (!started && doc.addEventListener) doc.addEventListener('DOMContentLoaded', () => {
      started = true;
    });

    /* fn runs once the page is parsed and the theme has started (it does so on
       DOMContentLoaded, which follows every deferred script); at once after that. */
    function start(fn) {
      if (started) fn(); else doc.addEventListener('DOMContentLoaded', fn);
    }

    /* Reading win.localStorage itself throws when the browser blocks storage. */
    function storage(name) {
      return {
        get(key) { try { return win[name].getItem(key); } catch (e) { return null; } },
        // false when refused (blocked, full); null removes the key
        set(key, value) {
          try {
            if (value === null) win[name].removeItem(key); else win[name].setItem(key, value);
            return true;
          } catch (e) { return false; }
        },
        usable() { try { return !!win[name]; } catch (e) { return false; } }
      };
    }
    const local = storage('localStorage');

    /* A letter typed here is text, not a shortcut (radio buttons and checkboxes take none). */
    function isTyping(node) {
      if (!node || !node.tagName) return false;
      if (node.isContentEditable || /^(TEXTAREA|SELECT)$/.test(node.tagName)) return true;
      return node.tagName === 'INPUT' &&
        !/^(radio|checkbox|button|submit|reset|range|color|file)$/.test(node.type);
    }

    function shortcutsOn() { return !(offHere === null ? local.get(SHORTCUTS_OFF) === '1' : offHere); }
    function setShortcutsOn(on) {
      offHere = null;
      local.set(SHORTCUTS_OFF, on ? null : '1');
      if (shortcutsOn() !== on) offHere = !on; // storage refused: for this page only
    }

    function el(tag, attributes, text) {
      const node = SVG.test(tag) ? doc.createElementNS('http://www.w3.org/2000/svg', tag)
        : doc.createElement(tag);
      for (const name in attributes) node.setAttribute(name, attributes[name]);
      if (text != null) node.textContent = text;
      return node;
    }
    function append(parent, child) {
      parent.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
      return child;
    }

    function download(name, text, type) {
      const url = win.URL.createObjectURL(new win.Blob([text], { type }));
      const link = append(doc.body, el('a', { href: url, download: name }));
      link.click();
      link.remove();
      win.setTimeout(() => { win.URL.revokeObjectURL(url); }, 2000);
    }

    /* Our scripts (files beside this one), each loaded once and run in the given order;
       fn then runs (at once when they already have). */
    function load(files, fn) {
      let left = files.length;
      function one() { if (--left === 0 && fn) fn(); }
      files.forEach((file) => {
        const state = scripts[file];
        if (state === true) return one();
        if (state) return state.push(one);
        scripts[file] = [one];
        const script = el('script', { src: here + file });
        script.async = false; // in order
        script.onload = function () {
          const waiting = scripts[file];
          scripts[file] = true;
          waiting.forEach((callback) => { callback(); });
        };
        doc.head.appendChild(script);
      });
    }

    function searchOpen() { const box = doc.getElementById('__search'); return !!(box && box.checked); }
    function byId(id) { return doc.getElementById(id); }
    function find(selector) { return doc.querySelector(selector); }
    /* forEach over a NodeList or an HTMLCollection (children, rows: no forEach of their own). */
    function each(list, fn) { Array.prototype.forEach.call(list, fn); }
    /* The address bar shows this page with another query and fragment (no new history entry);
       some browsers refuse it over file://, where the page works the same without it. */
    function setAddress(search, hash) {
      try {
        win.history.replaceState(win.history.state, '', win.location.pathname + search + hash);
      } catch (e) { /* file:// may refuse */ }
    }
    /* The element of that id, emptied. */
    function clear(id) { const node = byId(id); node.textContent = ''; return node; }
    /* The address of a page of the site (path from its root), from any page: Material writes
       the site's root, relative to the page, in the JSON of #__config. */
    function siteUrl(path) {
      const config = byId('__config');
      const root = config ? JSON.parse(config.textContent).base || '.' : '.';
      return new win.URL(root + '/' + path, win.location.href).href;
    }

    /* VMI.collectivite — the collectivité chosen on /diagnostic/ (« Votre collectivité »), for
       every page. get() returns null or { code (INSEE code of a commune, SIREN of an EPCI), nom,
       type ('commune'|'epci'), population (municipal, official), taille (the band id of /cas/,
       as territories.size_band gave it), tailleNom, departement, departementCode, region,
       regionCode (names and codes), epci (a commune's: { code, nom, type, population }, or null),
       typeEpci (an EPCI's type), agents ('oui'|'non'|'nsp', or absent: « au moins 50 agents ? »),
       annee, source (of the population) }: a copy, from this page's value when the diagnostic has
       set one, else from the diagnostic's saved answers (localStorage « vmi-diagnostic », the
       page's data.cle, key « collectivite »). The event « vmi:collectivite » on document
       (detail: the same value) says it changed on this page. set() is the diagnostic's. */
    let chosen; // undefined: not set on this page
    const collectivite = {
      get() {
        let value = chosen;
        if (value === undefined) {
          try { value = JSON.parse(local.get('vmi-diagnostic')).collectivite; } catch (e) { value = null; }
        }
        return value && typeof value === 'object' && typeof value.code === 'string' && value.nom
          ? JSON.parse(JSON.stringify(value)) : null;
      },
      set(value) {
        const before = JSON.stringify(collectivite.get());
        // a copy: later edits of value are a change
        chosen = value ? JSON.parse(JSON.stringify(value)) : null;
        if (JSON.stringify(collectivite.get()) !== before && win.CustomEvent) {
          doc.dispatchEvent(new win.CustomEvent('vmi:collectivite', { detail: collectivite.get() }));
        }
      }
    };

    return {
      start, local, session: storage('sessionStorage'), isTyping, shortcutsOn, setShortcutsOn, searchOpen, el,
      append, download, load, collectivite, byId, find, clear, each, siteUrl, setAddress, NBSP, NNBSP, quoted,
      formatNumber, isObject, clickerStep
    };
  }

  if (typeof module === 'object') { module.exports = base; return; }
  const VMI = window.VMI = base(window);

  /* Material and the projection bind single keys (s, f, n, p, /…). Turned off, they are
     stopped in the capture phase on window, before any listener of the page; typing in
     fields and the browser's own key actions are untouched. */
  window.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || !ev.key || ev.key.length !== 1 || ev.key === ' ') return;
    if (!VMI.shortcutsOn() && !VMI.isTyping(ev.target)) ev.stopImmediatePropagation();
  }, true);

  /* The switch on the accessibility page, hidden until it works. */
  function shortcutSwitch(box) {
    const wrapper = box.closest('[hidden]');
    box.checked = !VMI.shortcutsOn();
    box.addEventListener('change', () => { VMI.setShortcutsOn(!box.checked); });
    if (wrapper) wrapper.hidden = false;
  }

  function quiz(form) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const inputs = Array.from(form.querySelectorAll('input'));
      const isRight = function (input) { return input.dataset.correct === 'oui'; };
      const chosen = inputs.filter((input) => input.checked);
      const allRight = inputs.every((input) => input.checked === isRight(input));
      inputs.forEach((input) => {
        const note = input.parentNode.querySelector('.vmi-quiz__explication');
        note.hidden = !chosen.length || !(input.checked || isRight(input));
      });
      form.querySelector('.vmi-quiz__resultat').textContent = !chosen.length
        ? 'Choisissez au moins une réponse.'
        : allRight ? 'Bonne réponse' + NBSP + '!' : 'Pas tout à fait' + NBSP + ': lisez les explications.';
    });
  }

  VMI.start(() => {
    const box = document.getElementById('vmi-raccourcis');
    if (box) shortcutSwitch(box);
    document.querySelectorAll('form[data-quiz]').forEach(quiz);
    /* Glossary terms (explained on first use only, hooks/vmi/site/glossary.py) take focus, so
       keyboard users read their definition too: Material shows it on focus. */
    document.querySelectorAll('.md-content abbr[data-vmi-titre]').forEach((abbr) => {
      abbr.tabIndex = 0;
    });
  });
})();
