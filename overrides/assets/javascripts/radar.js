/* The radar frame of the self-diagnosis (diagnostic-results.js) and of the team synthesis
   (synthesis.js), drawn the same way on both: rings, a spoke per axis, and at its end the
   axis's name on short lines with its score below. The series are the caller's, drawn
   with the returned polygon(values, className) and point(i, value) over the frame, or
   put under its spokes and labels with under(node). Loaded with either. */
(function () {
  'use strict';
  const VMI = window.VMI;
  const { el, append, clear, NBSP } = VMI;
  const LINE = 15; // px between the lines of a label (text at 13 px)

  function fixed(n) { return n.toFixed(1); }
  // An axis name on lines of about 13 characters; a short word (« et », « à », « de ») starts
  // a line with the word it introduces rather than ending the line before.
  function wrap(text) {
    const words = [];
    let pending = '';
    text.split(' ').forEach((word) => {
      if (/^[a-zà-ÿ]{1,2}$/.test(word)) pending += word + ' ';
      else { words.push(pending + word); pending = ''; }
    });
    if (pending) words.push(pending.trim());
    const lines = [''];
    words.forEach((word) => {
      const last = lines.length - 1;
      if (lines[last] && (lines[last] + ' ' + word).length > 13) lines.push(word);
      else lines[last] += (lines[last] ? ' ' : '') + word;
    });
    return lines;
  }

  /* o: { box (the id of the element it replaces the content of), className (the <svg>'s),
     prefix (of the grid's and the scores' classes: prefix__grille, prefix__val), title,
     axes, scores (by axis: a score out of 100, or null), rings (radii of the grid) }. */
  function radar(o) {
    const count = o.axes.length;
    const titleId = o.box + '-titre';
    const svg = append(clear(o.box), el('svg', {
      viewBox: '-230 -178 460 366', role: 'img', 'aria-labelledby': titleId, 'class': o.className
    }));
    function point(i, value) {
      const angle = 2 * Math.PI * i / count - Math.PI / 2;
      return [value * Math.cos(angle), value * Math.sin(angle)];
    }
    function polygon(values, className) {
      return append(svg, el('polygon', {
        points: values.map((value, i) => point(i, value || 0).map(fixed)).join(' '), 'class': className
      }));
    }
    append(svg, el('title', { id: titleId }, o.title));
    o.rings.forEach((radius) => { polygon(o.axes.map(() => radius), o.prefix + '__grille'); });
    let firstSpoke = null;
    o.axes.forEach((axis, i) => {
      const score = o.scores[i];
      const edge = point(i, 100);
      const spoke = append(svg, el('line', {
        x2: fixed(edge[0]), y2: fixed(edge[1]), 'class': o.prefix + '__grille'
      }));
      firstSpoke = firstSpoke || spoke;
      label(axis.nom, score === null ? 'non évalué' : score + NBSP + '/' + NBSP + '100', edge, point(i, 112));
    });
    function label(name, value, edge, at) {
      const lines = wrap(name).concat(value);
      const last = lines.length - 1;
      // labels near the bottom go lower, clear of their neighbours' last lines
      const y = at[1] + (edge[1] < -30 ? -LINE * last
        : edge[1] > 30 ? (Math.abs(edge[0]) < 40 ? 22 : 10) : 4 - LINE / 2 * last);
      // Only a label right above or below the centre is centred: with an odd number of axes,
      // the two nearest the bottom would overlap.
      const text = el('text', { 'text-anchor': edge[0] > 10 ? 'start' : edge[0] < -10 ? 'end' : 'middle' });
      lines.forEach((line, j) => {
        append(text, el('tspan', {
          x: fixed(at[0]), y: fixed(y + LINE * j), 'class': j === last ? o.prefix + '__val' : ''
        }, line));
      });
      append(svg, text);
    }
    // Above the rings, below the spokes and labels (a band the spokes cross).
    function under(node) { return svg.insertBefore(node, firstSpoke); }
    return { svg, point, polygon, under, fixed };
  }

  VMI.radar = radar;
})();
