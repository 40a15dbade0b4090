/* Presenter window (presentateur.html), opened by projection.js. It asks the projected
 * page for the slide on screen every second (the page may have changed: the next page of
 * the site is a new document in the same window), shows it with its notes, the next
 * slide and the time (in a parcours: the plan, the step under way, the time spent
 * against the time planned), and sends clicker keys and button presses back.
 * postMessage works between a script-opened window and its opener over http:// and
 * file:// alike. Runs after vmi.js (its shared helpers: NBSP, quoted, clickerStep).
 */
(function () {
  'use strict';
  const VMI = window.VMI;
  const NBSP = VMI.NBSP;
  const UNSAFE = new RegExp('^(on.*|id|for|form|href|xlink:href|src|srcset|action|formaction|style|' +
    'tabindex|data-.*|aria-(describedby|labelledby|controls|owns|activedescendant))$', 'i');
  const started = Date.now();
  let shown = '';

  const find = VMI.find;
  function pad(n) { return String(n).padStart(2, '0'); }
  function post(message) {
    const opener = window.opener;
    if (opener && !opener.closed) opener.postMessage(message, '*');
  }
  /* Over http(s) only our own site may drive this window; file:// pages have no origin to tell. */
  function trusted(ev) {
    if (ev.source !== window.opener) return false;
    return ev.origin === location.origin || location.protocol === 'file:';
  }

  function tick() {
    const s = Math.floor((Date.now() - started) / 1000);
    const now = new Date();
    find('[data-ecoule]').textContent = (s >= 3600 ? Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60)
      : Math.floor(s / 60)) + ':' + pad(s % 60);
    find('[data-heure]').textContent = now.getHours() + ' h ' + pad(now.getMinutes());
    if (!window.opener || window.opener.closed) {
      find('[data-numero]').textContent =
        'La page projetée est fermée' + NBSP + ': ouvrez cette vue depuis la projection (touche n).';
    }
    post({ vmi: 'presentateur' });
    timing();
  }

  /* The slide's copy is shown, not used: no ids, links, controls or scripts in it. */
  function preview(html) {
    const box = document.createElement('template');
    box.innerHTML = html;
    const active = 'script, style, iframe, object, embed, input, button, select, textarea, img, video, audio';
    box.content.querySelectorAll(active).forEach((el) => {
      el.replaceWith(el.tagName === 'IMG' && el.alt ? '[' + el.alt + ']' : '');
    });
    box.content.querySelectorAll('*').forEach((el) => {
      Array.from(el.attributes).forEach((a) => {
        if (UNSAFE.test(a.name)) el.removeAttribute(a.name);
      });
    });
    return box.content;
  }
  function notes(html) {
    const box = find('[data-notes]');
    box.textContent = '';
    if (html) box.appendChild(preview(html));
    else box.innerHTML = '<p>Pas de note pour cette diapositive.</p>';
  }

  /* ---- Parcours: the plan, the step under way, time spent against time planned ---- */

  let talk = null; // {slug, started, step, stepStarted, plan}

  function clock(seconds) { // « 4 min 30 », « 1 h 05 », as the plan writes durations
    const s = Math.max(0, Math.round(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor(s / 60) % 60;
    const rest = s % 60;
    if (h) return h + NBSP + 'h' + NBSP + pad(m);
    if (m) return m + NBSP + 'min' + (rest ? NBSP + pad(rest) : '');
    return rest + NBSP + 's';
  }
  function planned(plan, upto) {
    let sum = 0;
    for (let i = 0; i < upto; i++) sum += plan.etapes[i].duree;
    return sum;
  }
  function timing() {
    const box = find('[data-temps-parcours]');
    if (!talk || !box) return;
    const plan = talk.plan;
    const step = plan.etapes[talk.step];
    const now = Date.now();
    const spent = (now - talk.started) / 1000;
    const start = planned(plan, talk.step);
    const end = start + step.duree;
    const gap = spent < start ? ['avance', 'en avance de ' + clock(start - spent)]
      : spent > end ? ['retard', 'en retard de ' + clock(spent - end)] : ['a-l-heure', 'dans les temps'];
    box.textContent = 'Étape ' + (talk.step + 1) + ' sur ' + plan.etapes.length + NBSP + ': ' +
      clock((now - talk.stepStarted) / 1000) +
      ' sur ' + step.duree_fr + ' prévues. Intervention' + NBSP + ': ' + clock(spent) + ' sur ' +
        clock(plan.duree) + ', ';
    box.appendChild(document.createElement('strong')).textContent = gap[1];
    box.lastChild.setAttribute('data-ecart', gap[0]);
    box.appendChild(document.createTextNode('.'));
  }
  function showPlan(info) {
    const box = find('[data-parcours-vue]');
    if (!info) { talk = null; box.hidden = true; return; }
    const now = Date.now();
    // Opened mid-talk: the talk is taken as on time where it stands.
    if (!talk || talk.slug !== info.slug) talk = { slug: info.slug, started: now -
      1000 * planned(info, info.etape), step: -1, stepStarted: now };
    const drawn = talk.step === info.etape && talk.plan;
    if (talk.step !== info.etape) { talk.step = info.etape; talk.stepStarted = now; }
    talk.plan = info;
    timing();
    if (drawn) return; // the same step: only the time moves
    box.hidden = false;
    find('#vmi-p-parcours').textContent = 'Plan' + NBSP + ': ' + info.titre;
    const list = find('[data-plan]');
    list.textContent = '';
    info.etapes.forEach((step, i) => {
      const item = list.appendChild(document.createElement('li'));
      item.setAttribute('data-etape', '');
      item.setAttribute('data-etat', i < info.etape ? 'passee' : i === info.etape ? 'en-cours' : 'a-venir');
      if (i === info.etape) item.setAttribute('aria-current', 'step');
      item.textContent = step.titre + (step.section ? ', ' + VMI.quoted(step.section) : '') +
        ' · ' + step.duree_fr;
    });
    const notesBox = find('[data-notes-etape]');
    notesBox.textContent = '';
    if (info.notes) {
      notesBox.appendChild(document.createElement('h3')).textContent = 'Notes de l’étape';
      notesBox.appendChild(preview(String(info.notes)));
    }
  }

  function show(state) {
    showPlan(state.parcours && typeof state.parcours === 'object' && Array.isArray(state.parcours.etapes)
      ? state.parcours : null);
    document.title = 'Vue de l’animateur' + NBSP + ': ' + state.titre;
    find('[data-numero]').textContent = 'Diapositive ' + state.numero + ' sur ' +
      state.total + NBSP + ': ' + state.titre;
    find('[data-suivante]').textContent = state.suivante;
    const key = state.page + '\n' + state.numero + '\n' + state.diapo + '\n' + state.notes;
    if (key === shown) return;
    shown = key;
    const slide = find('[data-diapo]');
    slide.textContent = '';
    slide.appendChild(preview(String(state.diapo || '')));
    notes(String(state.notes || ''));
  }

  window.addEventListener('message', (ev) => {
    const data = ev.data;
    if (!data || typeof data !== 'object' || !trusted(ev)) return;
    if (data.vmi === 'etat') show(data);
    else if (data.vmi === 'hors-projection') {
      find('[data-numero]').textContent = 'La page ' + VMI.quoted(data.page) + ' n’est pas projetée.';
    }
  });
  window.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const step = VMI.clickerStep(ev);
    if (!step || (ev.target.closest && ev.target.closest('button') && ev.key === ' ')) return;
    ev.preventDefault();
    post({ vmi: 'aller', pas: step });
  });
  document.querySelectorAll('[data-pas]').forEach((button) => {
    button.addEventListener('click', () => {
      post({ vmi: 'aller', pas: Number(button.getAttribute('data-pas')) });
    });
  });
  tick();
  setInterval(tick, 1000);
})();
