/* Projection, print: in projection, one slide per page. Each slide is copied into a box
 * the size of the screen, zoomed to an A4 landscape page (vmi.css, named page `diapo`):
 * the printout is what the room saw, slide by slide. VMI.projection.printer(deck) listens
 * to the browser's print events; the deck (projection.js) shows the slides one by one.
 * Loaded before projection.js.
 */
(function () {
  'use strict';
  var VMI = window.VMI;
  var root = document.documentElement;
  var A4 = { width: 1122, height: 793 }; // CSS pixels of a landscape A4 page

  /* deck: isOn(), slides(), current(), show(index), copyShown(). */
  function printer(deck) {
    function sheet(slide, number, total, qr) {
      var page = VMI.el('div', { 'class': 'vmi-impression__diapo' });
      page.style.width = window.innerWidth + 'px';
      page.style.height = window.innerHeight + 'px';
      page.style.zoom = String(Math.min(A4.width / window.innerWidth, A4.height / window.innerHeight));
      page.style.setProperty('--vmi-echelle', String(slide.scale));
      var copy = deck.copyShown();
      Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (el) { el.removeAttribute('id'); });
      VMI.append(VMI.append(page, VMI.el('div', { 'class': 'md-content' })), copy);
      if (qr) page.appendChild(qr.cloneNode(true));
      VMI.append(page, VMI.el('p', { 'class': 'vmi-impression__numero' }, 'Diapositive ' + number + ' sur ' + total));
      return page;
    }

    function printSlides() {
      var keep = deck.current();
      var slides = deck.slides();
      var book = VMI.el('div', { 'class': 'vmi-impression' });
      var qr = document.querySelector('.vmi-qr');
      root.style.fontSize = getComputedStyle(root).fontSize;
      if (qr) root.style.setProperty('--vmi-qr', qr.getBoundingClientRect().width + 'px');
      root.style.setProperty('--vmi-plancher', (0.022 * window.innerHeight) + 'px');
      slides.forEach(function (s, i) {
        deck.show(i);
        book.appendChild(sheet(s, i + 1, slides.length, qr));
      });
      deck.show(keep);
      document.body.appendChild(book);
      root.setAttribute('data-vmi-impression', '');
    }
    function unprint() {
      Array.prototype.forEach.call(document.querySelectorAll('.vmi-impression'), function (el) { el.remove(); });
      root.removeAttribute('data-vmi-impression');
      ['font-size', '--vmi-qr', '--vmi-plancher'].forEach(function (p) { root.style.removeProperty(p); });
    }

    window.addEventListener('beforeprint', function () { // after forum.js has written the links' addresses
      unprint();
      if (deck.isOn() && deck.slides().length) printSlides();
    });
    window.addEventListener('afterprint', unprint);
  }

  VMI.projection = VMI.projection || {};
  VMI.projection.printer = printer;
})();
