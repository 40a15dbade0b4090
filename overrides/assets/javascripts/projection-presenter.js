/* Projection, presenter window: presentateur.html (run by presenter-window.js) asks the
 * projected page for its slide every second and sends the clicker's keys back, both by
 * postMessage, which works between a script-opened window and its opener over http://
 * and file:// alike. VMI.projectionParts.presenter(deck) gives open() and tell(); the deck
 * (projection.js) says what is on screen and moves.
 * Loaded before projection.js.
 */
(function () {
  'use strict';
  const VMI = window.VMI;

  function notesFor(id) {
    const data = document.getElementById('vmi-notes');
    if (!data) return '';
    try { return (JSON.parse(data.textContent)[id] || []).join(''); } catch (e) { return ''; }
  }

  /* deck: isOn(), slides(), current(), copyShown(drop), nextPageTitle(), parcours(), go(step). */
  function presenter(deck) {
    const link = { window: null }; // the presenter window, once it opened or called

    function state() {
      const slides = deck.slides();
      const s = slides[deck.current()];
      const next = slides[deck.current() + 1];
      return {
        vmi: 'etat', page: document.title, numero: deck.current() + 1, total: slides.length, titre: s.title,
        diapo: deck.copyShown('script').innerHTML, notes: s.sections.map(notesFor).join(''),
        suivante: next ? next.title : deck.nextPageTitle(),
        parcours: deck.parcours() ? deck.parcours().info() : null
      };
    }
    function tell() {
      const win = link.window;
      if (win && !win.closed && deck.isOn() && deck.slides().length) {
        try { win.postMessage(state(), '*'); } catch (e) { link.window = null; }
      }
    }
    function open() {
      link.window = window.open(VMI.siteUrl('presentateur.html'), 'vmi-presentateur',
        'popup,width=1000,height=700') || link.window;
    }
    /* A message from another window; over http(s), only from our own presenter page. */
    function isOurs(ev) {
      const data = ev.data;
      if (!data || typeof data !== 'object' || !ev.source || ev.source === window) return false;
      return location.protocol === 'file:' || ev.origin === location.origin;
    }
    /* The presenter window calls every second: it gets the slide on screen. */
    function called(source) {
      link.window = source;
      if (deck.isOn()) tell();
      else source.postMessage({ vmi: 'hors-projection', page: document.title }, '*');
    }
    function heard(ev) {
      const data = ev.data;
      if (!isOurs(ev)) return;
      if (data.vmi === 'presentateur') called(ev.source);
      else if (data.vmi === 'aller' && ev.source === link.window) moved(data.pas);
    }
    /* The presenter's clicker or buttons: one slide on or back. */
    function moved(step) {
      if (deck.isOn() && (step === 1 || step === -1)) deck.go(step);
    }
    window.addEventListener('message', heard);
    return { open, tell };
  }

  VMI.projectionParts = VMI.projectionParts || {};
  VMI.projectionParts.presenter = presenter;
})();
