/* Presenter window (presentateur.html), opened by projection.js. It asks the projected
 * page for the slide on screen every second (the page may have changed: the next page of
 * the site is a new document in the same window), shows it with its notes, the next
 * slide and the time, and sends clicker keys and button presses back. postMessage works
 * between a script-opened window and its opener over http:// and file:// alike.
 */
(function () {
  'use strict';
  var NEXT = { PageDown: 1, ArrowRight: 1, ArrowDown: 1, ' ': 1 };
  var PREV = { PageUp: 1, ArrowLeft: 1, ArrowUp: 1 };
  var UNSAFE = /^(on.*|id|for|form|href|xlink:href|src|srcset|action|formaction|style|tabindex|data-.*|aria-(describedby|labelledby|controls|owns|activedescendant))$/i;
  var started = Date.now();
  var shown = '';

  function $(selector) { return document.querySelector(selector); }
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function post(message) {
    var opener = window.opener;
    if (opener && !opener.closed) opener.postMessage(message, '*');
  }
  /* Over http(s) only our own site may drive this window; file:// pages have no origin to tell. */
  function trusted(ev) {
    if (ev.source !== window.opener) return false;
    return ev.origin === location.origin || location.protocol === 'file:';
  }

  function tick() {
    var s = Math.floor((Date.now() - started) / 1000);
    var now = new Date();
    $('[data-ecoule]').textContent = (s >= 3600 ? Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) : Math.floor(s / 60)) + ':' + pad(s % 60);
    $('[data-heure]').textContent = now.getHours() + ' h ' + pad(now.getMinutes());
    if (!window.opener || window.opener.closed) $('[data-numero]').textContent = 'La page projetée est fermée : ouvrez cette vue depuis la projection (touche n).';
    post({ vmi: 'presentateur' });
  }

  /* The slide's copy is shown, not used: no ids, links, controls or scripts in it. */
  function preview(html) {
    var box = document.createElement('template');
    box.innerHTML = html;
    Array.prototype.forEach.call(box.content.querySelectorAll('script, style, iframe, object, embed, input, button, select, textarea, img, video, audio'), function (el) {
      el.replaceWith(el.tagName === 'IMG' && el.alt ? '[' + el.alt + ']' : '');
    });
    Array.prototype.forEach.call(box.content.querySelectorAll('*'), function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (a) {
        if (UNSAFE.test(a.name)) el.removeAttribute(a.name);
      });
    });
    return box.content;
  }
  function notes(html) {
    var box = $('[data-notes]');
    box.textContent = '';
    if (html) box.appendChild(preview(html));
    else box.innerHTML = '<p>Pas de note pour cette diapositive.</p>';
  }

  function show(state) {
    document.title = 'Vue de l’animateur : ' + state.titre;
    $('[data-numero]').textContent = 'Diapositive ' + state.numero + ' sur ' + state.total + ' : ' + state.titre;
    $('[data-suivante]').textContent = state.suivante;
    var key = state.page + '\n' + state.numero + '\n' + state.diapo + '\n' + state.notes;
    if (key === shown) return;
    shown = key;
    var slide = $('[data-diapo]');
    slide.textContent = '';
    slide.appendChild(preview(String(state.diapo || '')));
    notes(String(state.notes || ''));
  }

  window.addEventListener('message', function (ev) {
    var data = ev.data;
    if (!data || typeof data !== 'object' || !trusted(ev)) return;
    if (data.vmi === 'etat') show(data);
    else if (data.vmi === 'hors-projection') $('[data-numero]').textContent = 'La page « ' + data.page + ' » n’est pas projetée.';
  });
  window.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var step = NEXT[ev.key] ? 1 : PREV[ev.key] ? -1 : 0;
    if (ev.key === ' ' && ev.shiftKey) step = -1;
    if (!step || (ev.target.closest && ev.target.closest('button') && ev.key === ' ')) return;
    ev.preventDefault();
    post({ vmi: 'aller', pas: step });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-pas]'), function (button) {
    button.addEventListener('click', function () { post({ vmi: 'aller', pas: Number(button.getAttribute('data-pas')) }); });
  });
  tick();
  setInterval(tick, 1000);
})();
