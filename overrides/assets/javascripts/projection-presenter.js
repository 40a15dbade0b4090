/* Projection, presenter window: presentateur.html (run by presenter-window.js) asks the
 * projected page for its slide every second and sends the clicker's keys back, both by
 * postMessage, which works between a script-opened window and its opener over http://
 * and file:// alike. VMI.projectionParts.presenter(deck) gives open() and tell(); the deck
 * (projection.js) says what is on screen and moves.
 * Loaded before projection.js.
 */
(function () {
  'use strict';
  var VMI = window.VMI;

  function notesFor(id) {
    var data = document.getElementById('vmi-notes');
    if (!data) return '';
    try { return (JSON.parse(data.textContent)[id] || []).join(''); } catch (e) { return ''; }
  }

  /* deck: isOn(), slides(), current(), copyShown(drop), nextPageTitle(), parcours(), go(step). */
  function presenter(deck) {
    var link = { window: null }; // the presenter window, once it opened or called

    function state() {
      var slides = deck.slides();
      var s = slides[deck.current()];
      var next = slides[deck.current() + 1];
      return {
        vmi: 'etat', page: document.title, numero: deck.current() + 1, total: slides.length, titre: s.title,
        diapo: deck.copyShown('script').innerHTML, notes: s.sections.map(notesFor).join(''),
        suivante: next ? next.title : deck.nextPageTitle(),
        parcours: deck.parcours() ? deck.parcours().info() : null
      };
    }
    function tell() {
      var win = link.window;
      if (win && !win.closed && deck.isOn() && deck.slides().length) {
        try { win.postMessage(state(), '*'); } catch (e) { link.window = null; }
      }
    }
    function open() {
      link.window = window.open(VMI.siteUrl('presentateur.html'), 'vmi-presentateur', 'popup,width=1000,height=700') || link.window;
    }
    function heard(ev) {
      var data = ev.data;
      if (!data || typeof data !== 'object' || !ev.source || ev.source === window) return;
      if (location.protocol !== 'file:' && ev.origin !== location.origin) return; // only our own presenter page
      if (data.vmi === 'presentateur') {
        link.window = ev.source;
        if (deck.isOn()) tell(); else link.window.postMessage({ vmi: 'hors-projection', page: document.title }, '*');
      } else if (data.vmi === 'aller' && ev.source === link.window && deck.isOn() && (data.pas === 1 || data.pas === -1)) {
        deck.go(data.pas);
      }
    }
    window.addEventListener('message', heard);
    return { open: open, tell: tell };
  }

  VMI.projectionParts = VMI.projectionParts || {};
  VMI.projectionParts.presenter = presenter;
})();
