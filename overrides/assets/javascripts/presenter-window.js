/* Presenter window (presentateur.html), opened by projection.js. It asks the projected
 * page for the slide on screen every second (the page may have changed: the next page of
 * the site is a new document in the same window), shows it with its notes, the next
 * slide and the time (in a parcours: the plan, the step under way, the time spent
 * against the time planned), and sends clicker keys and button presses back.
 * postMessage works between a script-opened window and its opener over http:// and
 * file:// alike.
 */
(function () {
  'use strict';
  var NEXT = { PageDown: 1, ArrowRight: 1, ArrowDown: 1, ' ': 1 };
  var PREV = { PageUp: 1, ArrowLeft: 1, ArrowUp: 1 };
  var UNSAFE = /^(on.*|id|for|form|href|xlink:href|src|srcset|action|formaction|style|tabindex|data-.*|aria-(describedby|labelledby|controls|owns|activedescendant))$/i;
  var started = Date.now();
  var shown = '';

  function find(selector) { return document.querySelector(selector); }
  function pad(n) { return String(n).padStart(2, '0'); }
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
    find('[data-ecoule]').textContent = (s >= 3600 ? Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) : Math.floor(s / 60)) + ':' + pad(s % 60);
    find('[data-heure]').textContent = now.getHours() + ' h ' + pad(now.getMinutes());
    if (!window.opener || window.opener.closed) find('[data-numero]').textContent = 'La page projetée est fermée : ouvrez cette vue depuis la projection (touche n).';
    post({ vmi: 'presentateur' });
    timing();
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
    var box = find('[data-notes]');
    box.textContent = '';
    if (html) box.appendChild(preview(html));
    else box.innerHTML = '<p>Pas de note pour cette diapositive.</p>';
  }

  /* ---- Parcours: the plan, the step under way, time spent against time planned ---- */

  var talk = null; // {slug, started, step, stepStarted, plan}

  function clock(seconds) { // « 4 min 30 », « 1 h 05 », as the plan writes durations
    var s = Math.max(0, Math.round(seconds));
    var h = Math.floor(s / 3600);
    var m = Math.floor(s / 60) % 60;
    var rest = s % 60;
    if (h) return h + '\u00a0h\u00a0' + pad(m);
    if (m) return m + '\u00a0min' + (rest ? '\u00a0' + pad(rest) : '');
    return rest + '\u00a0s';
  }
  function planned(plan, upto) {
    var sum = 0;
    for (var i = 0; i < upto; i++) sum += plan.etapes[i].duree;
    return sum;
  }
  function timing() {
    var box = find('[data-temps-parcours]');
    if (!talk || !box) return;
    var plan = talk.plan;
    var step = plan.etapes[talk.step];
    var now = Date.now();
    var spent = (now - talk.started) / 1000;
    var start = planned(plan, talk.step);
    var end = start + step.duree;
    var gap = spent < start ? ['avance', 'en avance de ' + clock(start - spent)]
      : spent > end ? ['retard', 'en retard de ' + clock(spent - end)] : ['a-l-heure', 'dans les temps'];
    box.textContent = 'Étape ' + (talk.step + 1) + ' sur ' + plan.etapes.length + '\u00a0: ' + clock((now - talk.stepStarted) / 1000) +
      ' sur ' + step.duree_fr + ' prévues. Intervention\u00a0: ' + clock(spent) + ' sur ' + clock(plan.duree) + ', ';
    box.appendChild(document.createElement('strong')).textContent = gap[1];
    box.lastChild.setAttribute('data-ecart', gap[0]);
    box.appendChild(document.createTextNode('.'));
  }
  function showPlan(info) {
    var box = find('[data-parcours-vue]');
    if (!info) { talk = null; box.hidden = true; return; }
    var now = Date.now();
    // Opened mid-talk: the talk is taken as on time where it stands.
    if (!talk || talk.slug !== info.slug) talk = { slug: info.slug, started: now - 1000 * planned(info, info.etape), step: -1, stepStarted: now };
    var drawn = talk.step === info.etape && talk.plan;
    if (talk.step !== info.etape) { talk.step = info.etape; talk.stepStarted = now; }
    talk.plan = info;
    timing();
    if (drawn) return; // the same step: only the time moves
    box.hidden = false;
    find('#vmi-p-parcours').textContent = 'Plan\u00a0: ' + info.titre;
    var list = find('[data-plan]');
    list.textContent = '';
    info.etapes.forEach(function (step, i) {
      var item = list.appendChild(document.createElement('li'));
      item.setAttribute('data-etape', '');
      item.setAttribute('data-etat', i < info.etape ? 'passee' : i === info.etape ? 'en-cours' : 'a-venir');
      if (i === info.etape) item.setAttribute('aria-current', 'step');
      item.textContent = step.titre + (step.section ? ', «\u00a0' + step.section + '\u00a0»' : '') + ' · ' + step.duree_fr;
    });
    var notesBox = find('[data-notes-etape]');
    notesBox.textContent = '';
    if (info.notes) {
      notesBox.appendChild(document.createElement('h3')).textContent = 'Notes de l’étape';
      notesBox.appendChild(preview(String(info.notes)));
    }
  }

  function show(state) {
    showPlan(state.parcours && typeof state.parcours === 'object' && Array.isArray(state.parcours.etapes) ? state.parcours : null);
    document.title = 'Vue de l’animateur : ' + state.titre;
    find('[data-numero]').textContent = 'Diapositive ' + state.numero + ' sur ' + state.total + ' : ' + state.titre;
    find('[data-suivante]').textContent = state.suivante;
    var key = state.page + '\n' + state.numero + '\n' + state.diapo + '\n' + state.notes;
    if (key === shown) return;
    shown = key;
    var slide = find('[data-diapo]');
    slide.textContent = '';
    slide.appendChild(preview(String(state.diapo || '')));
    notes(String(state.notes || ''));
  }

  window.addEventListener('message', function (ev) {
    var data = ev.data;
    if (!data || typeof data !== 'object' || !trusted(ev)) return;
    if (data.vmi === 'etat') show(data);
    else if (data.vmi === 'hors-projection') find('[data-numero]').textContent = 'La page « ' + data.page + ' » n’est pas projetée.';
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
