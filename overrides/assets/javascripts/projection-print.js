/* Projection, print: in projection, one slide per page. Each slide is copied into a box
 * the size of the screen, zoomed to an A4 landscape page (vmi.css, named page `diapo`):
 * the printout is what the room saw, slide by slide. VMI.projectionParts.printer(deck) listens
 * to the browser's print events; the deck (projection.js) shows the slides one by one.
 * In a parcours, the deck may hand over the sheets of every step instead (deck.sheets(),
 * gathered by projection-parcours.js), numbered here over the whole talk; sheets() gives
 * this page's sheets as HTML for that gathering. Loaded before projection.js.
 */
(function () {
  'use strict';
  const VMI = window.VMI;
  const root = document.documentElement;
  const A4 = { width: 1122, height: 793 }; // CSS pixels of a landscape A4 page

  /* deck: isOn(), slides(), current(), show(index), copyShown(), sheets(). */
  function printer(deck) {
    function sheet(slide, number, total, qr) {
      const page = VMI.el('div', { 'class': 'vmi-impression__diapo' });
      page.style.width = window.innerWidth + 'px';
      page.style.height = window.innerHeight + 'px';
      page.style.zoom = String(Math.min(A4.width / window.innerWidth, A4.height / window.innerHeight));
      page.style.setProperty('--vmi-echelle', String(slide.scale));
      const copy = deck.copyShown();
      copy.querySelectorAll('[id]').forEach((el) => {
        el.removeAttribute('id');
      });
      VMI.append(VMI.append(page, VMI.el('div', { 'class': 'md-content' })), copy);
      if (qr) page.appendChild(qr.cloneNode(true));
      VMI.append(page, VMI.el('p', { 'class': 'vmi-impression__numero' },
        'Diapositive ' + number + ' sur ' + total));
      return page;
    }

    /* A length in vh (vmi.css) as the pixels it measures on the screen. */
    function inPixels(name) {
      const value = getComputedStyle(root).getPropertyValue(name);
      root.style.setProperty(name, (parseFloat(value) * window.innerHeight / 100) + 'px');
    }

    /* This page's sheets, in a book not yet in the page. */
    function book() {
      const keep = deck.current();
      const slides = deck.slides();
      const pages = VMI.el('div', { 'class': 'vmi-impression' });
      const qr = document.querySelector('.vmi-qr');
      slides.forEach((s, i) => {
        deck.show(i);
        pages.appendChild(sheet(s, i + 1, slides.length, qr));
      });
      deck.show(keep);
      return pages;
    }
    function printSlides() {
      const qr = document.querySelector('.vmi-qr');
      root.style.fontSize = getComputedStyle(root).fontSize;
      if (qr) root.style.setProperty('--vmi-qr', qr.getBoundingClientRect().width + 'px');
      ['--vmi-plancher', '--vmi-texte'].forEach(inPixels); // shares of the screen, not of the sheet
      const whole = deck.sheets && deck.sheets();
      const pages = whole ? VMI.el('div', { 'class': 'vmi-impression' }) : book();
      if (whole) {
        pages.innerHTML = whole.join('');
        // set by script: allowed by the policy
        pages.querySelectorAll('[data-vmi-style]').forEach((el) => {
          el.style.cssText = el.getAttribute('data-vmi-style');
          el.removeAttribute('data-vmi-style');
        });
        const numbers = pages.querySelectorAll('.vmi-impression__numero');
        numbers.forEach((p, i) => {
          p.textContent = 'Diapositive ' + (i + 1) + ' sur ' + numbers.length;
        });
      }
      document.body.appendChild(pages);
      root.setAttribute('data-vmi-impression', '');
    }
    /* This page's sheets as HTML for another page of the site: images at their full
       address; styles as data, since the policy refuses style attributes in parsed HTML. */
    function sheets() {
      const pages = book();
      pages.querySelectorAll('img[src]').forEach((img) => {
        img.setAttribute('src', img.src);
      });
      pages.querySelectorAll('[style]').forEach((el) => {
        el.setAttribute('data-vmi-style', el.getAttribute('style'));
        el.removeAttribute('style');
      });
      return pages.innerHTML;
    }
    function unprint() {
      document.querySelectorAll('.vmi-impression').forEach((el) => {
        el.remove();
      });
      root.removeAttribute('data-vmi-impression');
      ['font-size', '--vmi-qr', '--vmi-plancher', '--vmi-texte'].forEach((p) => {
        root.style.removeProperty(p);
      });
    }

    window.addEventListener('beforeprint', () => { // after forum.js has written the links' addresses
      unprint();
      if (deck.isOn() && deck.slides().length) printSlides();
    });
    window.addEventListener('afterprint', unprint);
    return { sheets };
  }

  VMI.projectionParts = VMI.projectionParts || {};
  VMI.projectionParts.printer = printer;
})();
