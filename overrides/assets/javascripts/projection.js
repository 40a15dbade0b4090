/* Forum mode: project a page to a room, one slide per h2 section (on /diagnostic/: one
 * per question, then the results). On: the button, `p` or `?projection`; off: Escape,
 * `p` or the button. <html data-mode="projection"> drives the forum rules of vmi.css. Clicker keys move
 * slides, then pages; the slide's id goes into the fragment. Lasts for the tab.
 * `p` obeys the single-key shortcut switch (RGAA 12.10) shared with shortcuts.js:
 * localStorage "vmi-shortcuts-off" = "1", or window.VMIProjection.setShortcuts(false).
 */
(function () {
  'use strict';
  var root = document.documentElement;
  var HIDE = 'vmi-hors-diapo';
  var NEXT = { PageDown: 1, ArrowRight: 1, ArrowDown: 1, ' ': 1 };
  var PREV = { PageUp: 1, ArrowLeft: 1, ArrowUp: 1 };
  var slides = [];
  var current = 0;
  var article = null;

  function read(name, key) { try { return window[name].getItem(key); } catch (e) { return null; } }
  function write(name, key, value) {
    try { if (value === null) window[name].removeItem(key); else window[name].setItem(key, value); } catch (e) { /* refused */ }
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function isOn() { return root.getAttribute('data-mode') === 'projection'; }
  function shortcutsOn() { return read('localStorage', 'vmi-shortcuts-off') !== '1'; }

  function setUrl(search, hash) {
    try { history.replaceState(history.state, '', location.pathname + search + hash); } catch (e) { /* file:// may refuse */ }
  }
  function setParam(on) {
    var rest = location.search.replace(/^\?/, '').split('&').filter(function (p) { return p && !/^projection(=|$)/.test(p); });
    if (on) rest.push('projection');
    setUrl(rest.length ? '?' + rest.join('&') : '', location.hash);
  }

  /* A slide: elements shown together; the rest of the article is hidden. */
  function buildSlides() {
    article = document.querySelector('article.md-content__inner');
    slides = [];
    if (!article) return;
    var form = article.querySelector('#vmi-diagnostic');
    if (form) {
      var intro = [article.querySelector('h1'), article.querySelector('.vmi-diag__intro')];
      slides.push({ id: '', els: intro.filter(Boolean) });
      each(form.querySelectorAll('fieldset'), function (f) {
        var input = f.querySelector('input[name]');
        if (!f.id && input) f.id = 'vmi-q-' + input.name;
        var axis = f.closest('section');
        var heading = axis && axis.querySelector('h2');
        slides.push({ id: f.id, els: heading ? [heading, f] : [f] });
      });
      var results = document.getElementById('vmi-resultats');
      if (results) slides.push({ id: results.id, els: [results] });
      return;
    }
    var group = { id: '', els: [] };
    slides.push(group);
    each(article.children, function (el) {
      if (el.classList.contains('vmi-forum')) return;
      if (el.tagName === 'H2') { group = { id: el.id, els: [] }; slides.push(group); }
      group.els.push(el);
    });
  }

  function hashId() { try { return decodeURIComponent(location.hash.slice(1)); } catch (e) { return ''; } }
  function slideOf(id) {
    var target = id && document.getElementById(id);
    for (var i = 0; target && i < slides.length; i++) {
      if (slides[i].els.some(function (el) { return el.contains(target); })) return i;
    }
    return -1;
  }

  function unhide() { if (article) each(article.querySelectorAll('.' + HIDE), function (el) { el.classList.remove(HIDE); }); }

  function show(index, updateUrl) {
    if (!slides.length) return;
    current = Math.max(0, Math.min(index, slides.length - 1));
    var keep = slides[current].els;
    var path = [];
    keep.forEach(function (el) { for (var p = el.parentElement; p && p !== article; p = p.parentElement) path.push(p); });
    unhide();
    (function walk(node) {
      each(node.children, function (child) {
        if (keep.indexOf(child) >= 0 || child.classList.contains('vmi-forum')) return;
        if (path.indexOf(child) >= 0) walk(child); else child.classList.add(HIDE);
      });
    })(article);
    var counter = document.querySelector('.vmi-forum__diapo');
    if (counter) counter.textContent = 'Diapositive ' + (current + 1) + ' sur ' + slides.length;
    if (updateUrl) setUrl(location.search, slides[current].id ? '#' + slides[current].id : '');
    window.scrollTo(0, 0);
  }

  function render() {
    var button = document.querySelector('.vmi-forum__bouton');
    var counter = document.querySelector('.vmi-forum__diapo');
    if (button) button.textContent = isOn() ? 'Quitter la projection' : 'Projeter cette page';
    if (counter) counter.hidden = !isOn();
  }

  function enter(atEnd) {
    root.setAttribute('data-mode', 'projection');
    write('sessionStorage', 'vmi-projection', '1');
    setParam(true);
    buildSlides();
    show(atEnd ? slides.length - 1 : Math.max(slideOf(hashId()), 0), atEnd);
    render();
  }

  function leave() {
    var shown = slides[current] && slides[current].els[0];
    root.removeAttribute('data-mode');
    write('sessionStorage', 'vmi-projection', null);
    setParam(false);
    unhide();
    render();
    if (shown && current > 0) shown.scrollIntoView();
  }

  /* Beyond the slides: next/previous page, by a clicked link (for instant navigation). */
  function go(step) {
    var target = current + step;
    if (target >= 0 && target < slides.length) { show(target, true); return; }
    var link = document.querySelector(step > 0 ? 'link[rel=next]' : 'link[rel=prev]');
    if (!link) return;
    var url = new URL(link.href);
    url.search = step > 0 ? '?projection' : '?projection=fin';
    url.hash = '';
    var a = document.createElement('a');
    a.href = url.href;
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function isTyping(el) {
    if (!el || !el.tagName) return false;
    if (el.isContentEditable || /^(TEXTAREA|SELECT)$/.test(el.tagName)) return true;
    return el.tagName === 'INPUT' && !/^(radio|checkbox|button|submit|reset|range|color|file)$/.test(el.type);
  }
  function isControl(el) { return !!(el && el.closest && el.closest('input, button, select, textarea, summary, a[href], [contenteditable]')); }
  function searchOpen() { var s = document.getElementById('__search'); return !!(s && s.checked); }

  window.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey || searchOpen()) return;
    var el = document.activeElement;
    if (ev.key === 'p' && shortcutsOn() && !isTyping(el)) {
      ev.preventDefault();
      ev.stopImmediatePropagation(); // Material's own `p` would open the previous page
      if (isOn()) leave(); else enter(false);
      return;
    }
    if (!isOn()) return;
    if (ev.key === 'Escape') { leave(); return; }
    var step = NEXT[ev.key] ? 1 : PREV[ev.key] ? -1 : 0;
    if (ev.key === ' ' && ev.shiftKey) step = -1;
    if (!step || isTyping(el) || (isControl(el) && !/^Page/.test(ev.key))) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    go(step);
  }, true);
  /* An in-page link opens the slide holding its target. */
  window.addEventListener('hashchange', function () {
    var index = isOn() ? slideOf(hashId()) : -1;
    if (index >= 0) show(index, false);
  });

  /* Print: content links followed by their address (vmi.css); offline, the online one. */
  function onlineUrl(href) {
    var qr = document.querySelector('[data-qr]');
    var config = document.getElementById('__config');
    if (location.protocol !== 'file:' || !qr || !config) return href;
    var base = new URL((JSON.parse(config.textContent).base || '.') + '/', location.href).href;
    var path = function (u) { return u.split(/[?#]/)[0].slice(base.length).replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/'); };
    if (href.indexOf(base) !== 0) return href;
    var here = path(location.href);
    var site = qr.getAttribute('data-qr').slice(0, -here.length || undefined);
    return site + path(href) + (href.indexOf('#') >= 0 ? href.slice(href.indexOf('#')) : '');
  }
  window.addEventListener('beforeprint', function () {
    each(document.querySelectorAll('article a[href]'), function (a) {
      var href = a.getAttribute('href');
      if (href.charAt(0) === '#' || a.closest('.vmi-forum, .headerlink, .md-content__button')) return;
      a.setAttribute('data-vmi-url', onlineUrl(a.href));
    });
  });

  function init() {
    var button = document.querySelector('.vmi-forum__bouton');
    if (button && !button.vmiReady) {
      button.vmiReady = true;
      button.hidden = false;
      button.addEventListener('click', function () { if (isOn()) leave(); else enter(false); });
    }
    var param = /(?:^|[?&])projection(=[^&]*)?(?:&|$)/.exec(location.search);
    if (param || read('sessionStorage', 'vmi-projection') === '1') enter(!!param && param[1] === '=fin');
    else render();
  }

  window.VMIProjection = {
    enter: function () { enter(false); },
    leave: leave,
    next: function () { go(1); },
    previous: function () { go(-1); },
    setShortcuts: function (on) { write('localStorage', 'vmi-shortcuts-off', on ? null : '1'); },
    shortcutsEnabled: shortcutsOn
  };

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
