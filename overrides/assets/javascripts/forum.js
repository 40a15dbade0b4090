/* Forum mode's doorway, on every page: the « Projeter cette page » button, the `p` key,
 * `?projection` or a projection still on in this tab load projection.js and its helpers,
 * the QR code's drawing among them (classic scripts of the site: allowed by the policy's
 * 'self', work over file://), and for a parcours (`&parcours=<slug>`) its plan; projection.js enters and
 * does the rest. A page that is never projected does not pay for them. Also on every
 * page: printed links carry their address. Single keys obey the shortcut switch
 * (RGAA 12.10, VMI.shortcutsOn in vmi.js).
 */
(function () {
  'use strict';
  const VMI = window.VMI;

  function loaded() { return !!VMI.projection; }

  /* `enter`: then project this page (projection.js enters by itself for `?projection` or
     a projection still on). */
  function load(enter) {
    // a parcours' plan, before its reader
    const talk = /(?:^|[?&])parcours=([a-z0-9-]+)(?:&|$)/.exec(location.search);
    const plan = talk ? ['../parcours/' + talk[1] + '.js', 'projection-parcours.js']
      : ['projection-parcours.js'];
    const scripts = ['vendor/qrcodegen.js', 'projection-qr.js', 'projection-fit.js',
      'projection-presenter.js', 'projection-print.js'].concat(plan, ['projection.js']);
    VMI.load(scripts, () => {
      const on = document.documentElement.getAttribute('data-mode') === 'projection';
      if (enter && !on) VMI.projection.enter();
    });
  }

  window.addEventListener('keydown', (ev) => {
    if (loaded() || ev.key !== 'p' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (!VMI.shortcutsOn() || VMI.isTyping(document.activeElement) || VMI.searchOpen()) return;
    ev.preventDefault();
    ev.stopImmediatePropagation(); // Material's own `p` would open the previous page
    load(true);
  }, true);

  /* Printed links carry their address: the public one, even from the offline copy
     (file://), read from the page's QR code. */
  function onlineUrl(href) {
    const qr = document.querySelector('[data-qr]');
    if (location.protocol !== 'file:' || !qr) return href;
    const base = VMI.siteUrl('');
    const path = function (u) {
      return u.split(/[?#]/)[0].slice(base.length)
        .replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/');
    };
    if (!href.startsWith(base)) return href;
    const here = path(location.href);
    const site = qr.getAttribute('data-qr').slice(0, -here.length || undefined);
    return site + path(href) + (href.includes('#') ? href.slice(href.indexOf('#')) : '');
  }
  window.addEventListener('beforeprint', () => {
    document.querySelectorAll('article a[href]').forEach((a) => {
      const href = a.getAttribute('href');
      if (href.charAt(0) === '#' || a.closest('.vmi-forum, .headerlink, .md-content__button')) return;
      a.setAttribute('data-vmi-url', onlineUrl(a.href));
    });
  });

  VMI.start(() => {
    const wanted = /(?:^|[?&])projection(?:=[^&]*)?(?:&|$)/.test(location.search.slice(1));
    const button = document.querySelector('.vmi-forum__bouton');
    if (wanted || VMI.session.get('vmi-projection') === '1') load(false);
    if (button) {
      button.hidden = false;
      button.addEventListener('click', () => { if (!loaded()) load(true); });
    }
  });
})();
