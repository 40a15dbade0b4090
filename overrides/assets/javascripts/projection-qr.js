/* Projection, QR code: the code of the page's public address (data-qr, written by the
 * build: the online address, even in the offline copy) drawn as SVG when projection
 * loads, so that the room can open the page on their phones. Drawn by the vendored
 * vendor/qrcodegen.js (loaded just before, by forum.js) at error level M, raised when the
 * same size allows (a slightly blurred projection still reads), with a fixed mask: choosing
 * the best of eight costs time and any mask reads. Four modules of quiet zone; one path, a
 * rectangle per run of dark modules; it scales with the CSS (viewBox, no fixed size).
 * tests/browser/test_qr_drawn.py decodes it.
 */
(function () {
  'use strict';
  const VMI = window.VMI;
  const QUIET = 4;

  function runs(code) {
    let path = '';
    for (let y = 0; y < code.size; y++) {
      for (let x = 0; x < code.size; x++) {
        if (!code.getModule(x, y)) continue;
        const start = x;
        while (x + 1 < code.size && code.getModule(x + 1, y)) x++;
        const run = x + 1 - start;
        path += 'M' + (start + QUIET) + ' ' + (y + QUIET) + 'h' + run + 'v1h-' + run + 'z';
      }
    }
    return path;
  }

  function draw(figure) {
    const box = figure.querySelector('.vmi-qr__image');
    if (!box || box.querySelector('svg')) return;
    const qr = window.qrcodegen;
    const code = qr.QrCode.encodeSegments(qr.QrSegment.makeSegments(figure.getAttribute('data-qr')),
      qr.QrCode.Ecc.MEDIUM, 1, 40, 0, true);
    const side = code.size + 2 * QUIET;
    const svg = VMI.el('svg', { 'class': 'vmi-qr__code', viewBox: '0 0 ' + side + ' ' + side,
      'shape-rendering': 'crispEdges', 'aria-hidden': 'true' });
    VMI.append(svg, VMI.el('rect', { width: side, height: side, fill: '#fff' }));
    VMI.append(svg, VMI.el('path', { d: runs(code), fill: '#000' }));
    VMI.append(box, svg);
  }

  document.querySelectorAll('.vmi-qr[data-qr]').forEach(draw);
})();
