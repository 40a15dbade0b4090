/* Forum mode's doorway, on every page: the « Projeter cette page » button, the `p` key,
 * `?projection` or a projection still on in this tab load projection.js (a classic
 * script of the site: allowed by the policy's 'self', works over file://), which enters
 * and does the rest; a page that is never projected does not pay for it. Also on every
 * page: printed links carry their address. Single keys obey the shortcut switch
 * (RGAA 12.10): localStorage "vmi-shortcuts-off" = "1", shared with shortcuts.js.
 */
(function () {
  'use strict';
  var me = document.currentScript;
  var src = me ? me.src.replace(/forum\.js([?#].*)?$/, 'projection.js') : '';
  var asked = false;

  function stored(name, key) { try { return window[name].getItem(key); } catch (e) { return null; } }
  function loaded() { return !!window.VMIProjection; }

  /* Load projection.js once; `enter`: then project this page (projection.js enters by
     itself for `?projection` or a projection still on). */
  function load(enter) {
    if (asked) return;
    asked = true;
    var script = document.createElement('script');
    script.src = src;
    script.onload = function () {
      if (enter && document.documentElement.getAttribute('data-mode') !== 'projection') window.VMIProjection.enter();
    };
    document.head.appendChild(script);
  }

  function isTyping(el) {
    if (!el || !el.tagName) return false;
    if (el.isContentEditable || /^(TEXTAREA|SELECT)$/.test(el.tagName)) return true;
    return el.tagName === 'INPUT' && !/^(radio|checkbox|button|submit|reset|range|color|file)$/.test(el.type);
  }
  function searchOpen() { var s = document.getElementById('__search'); return !!(s && s.checked); }
  function shortcutsOn() { return stored('localStorage', 'vmi-shortcuts-off') !== '1'; }

  window.addEventListener('keydown', function (ev) {
    if (loaded() || ev.key !== 'p' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (!shortcutsOn() || isTyping(document.activeElement) || searchOpen()) return;
    ev.preventDefault();
    ev.stopImmediatePropagation(); // Material's own `p` would open the previous page
    load(true);
  }, true);

  /* Printed links carry their address: the public one, even from the offline copy
     (file://), read from the page's QR code. */
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
    Array.prototype.forEach.call(document.querySelectorAll('article a[href]'), function (a) {
      var href = a.getAttribute('href');
      if (href.charAt(0) === '#' || a.closest('.vmi-forum, .headerlink, .md-content__button')) return;
      a.setAttribute('data-vmi-url', onlineUrl(a.href));
    });
  });

  function init() { // on each page, instant navigation included
    var wanted = /(?:^|[?&])projection(?:=[^&]*)?(?:&|$)/.test(location.search.slice(1));
    if (!loaded() && (wanted || stored('sessionStorage', 'vmi-projection') === '1')) load(false);
    var button = document.querySelector('.vmi-forum__bouton');
    if (button && !button.vmiDoor) {
      button.vmiDoor = true;
      button.hidden = false;
      button.addEventListener('click', function () { if (!loaded()) load(true); });
    }
  }

  window.VMIForum = { isTyping: isTyping, shortcutsOn: shortcutsOn, searchOpen: searchOpen };
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
