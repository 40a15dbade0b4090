'use strict';
// The base of the site's scripts (vmi.js): storage that fails silently, "is the user
// typing", the single-key shortcut setting, start-up.
const test = require('node:test');
const assert = require('node:assert/strict');
const base = require('../../overrides/assets/javascripts/vmi.js');

function memoryStorage() {
  const items = new Map();
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => { items.set(key, String(value)); },
    removeItem: (key) => { items.delete(key); },
    items,
  };
}
function refuse() { throw new Error('SecurityError'); }
// Storage blocked by the browser: reading window.localStorage itself throws.
function blockedWindow() {
  const win = {};
  Object.defineProperty(win, 'localStorage', { get: refuse });
  Object.defineProperty(win, 'sessionStorage', { get: refuse });
  return win;
}
// Storage readable but full or read-only (writing throws).
function fullStorage() { return { getItem: () => null, setItem: refuse, removeItem: refuse }; }

test('storage: read, write, remove', () => {
  const local = memoryStorage();
  const VMI = base({ localStorage: local, sessionStorage: memoryStorage() });
  assert.equal(VMI.local.usable(), true);
  assert.equal(VMI.local.get('k'), null);
  assert.equal(VMI.local.set('k', 'v'), true);
  assert.equal(VMI.local.get('k'), 'v');
  assert.equal(VMI.session.get('k'), null); // two separate areas
  assert.equal(VMI.local.set('k', null), true);
  assert.equal(local.items.has('k'), false);
});

test('blocked storage: nothing throws, a write reports its failure', () => {
  const VMI = base(blockedWindow());
  assert.equal(VMI.local.usable(), false);
  assert.equal(VMI.session.usable(), false);
  assert.equal(VMI.local.get('k'), null);
  assert.equal(VMI.local.set('k', 'v'), false);
  assert.equal(VMI.session.set('k', null), false);
});

test('full storage: a write reports its failure', () => {
  const VMI = base({ localStorage: fullStorage() });
  assert.equal(VMI.local.usable(), true);
  assert.equal(VMI.local.set('k', 'v'), false);
});

test('shortcuts: on by default, setting saved under vmi-shortcuts-off', () => {
  const local = memoryStorage();
  const VMI = base({ localStorage: local });
  assert.equal(VMI.shortcutsOn(), true);
  VMI.setShortcutsOn(false);
  assert.equal(local.getItem('vmi-shortcuts-off'), '1');
  assert.equal(VMI.shortcutsOn(), false);
  assert.equal(base({ localStorage: local }).shortcutsOn(), false); // the next page reads it
  VMI.setShortcutsOn(true);
  assert.equal(local.getItem('vmi-shortcuts-off'), null);
  assert.equal(VMI.shortcutsOn(), true);
});

test('shortcuts without storage: the setting holds for the page', () => {
  for (const win of [blockedWindow(), { localStorage: fullStorage() }]) {
    const VMI = base(win);
    VMI.setShortcutsOn(false);
    assert.equal(VMI.shortcutsOn(), false);
    VMI.setShortcutsOn(true);
    assert.equal(VMI.shortcutsOn(), true);
  }
});

test('typing: text fields yes, boxes and buttons no', () => {
  const { isTyping } = base({});
  const input = (type) => ({ tagName: 'INPUT', type });
  for (const type of ['text', 'search', 'number', 'date',
    'email']) assert.equal(isTyping(input(type)), true, type);
  for (const type of ['radio', 'checkbox', 'button', 'submit', 'reset', 'range', 'color', 'file']) {
    assert.equal(isTyping(input(type)), false, type);
  }
  assert.equal(isTyping({ tagName: 'TEXTAREA' }), true);
  assert.equal(isTyping({ tagName: 'SELECT' }), true);
  assert.equal(isTyping({ tagName: 'DIV', isContentEditable: true }), true);
  assert.equal(isTyping({ tagName: 'BUTTON' }), false);
  assert.equal(isTyping({ tagName: 'BODY' }), false);
  assert.equal(isTyping(null), false);
  assert.equal(isTyping({}), false); // the document, a text node
});

test('start-up: after DOMContentLoaded, at once afterwards', () => {
  const listeners = [];
  const document = { readyState: 'interactive', addEventListener: (type, fn) => listeners.push([type, fn]) };
  const VMI = base({ document });
  const ran = [];
  VMI.start(() => ran.push('first'));
  assert.deepEqual(ran, []); // deferred scripts run before the theme starts
  listeners.forEach(([type, fn]) => { if (type === 'DOMContentLoaded') fn(); });
  assert.deepEqual(ran, ['first']);
  VMI.start(() => ran.push('later'));
  assert.deepEqual(ran, ['first', 'later']);
  const loaded = base({ document: { readyState: 'complete' } });
  loaded.start(() => ran.push('complete'));
  assert.deepEqual(ran, ['first', 'later', 'complete']);
});

test('VMI.collectivite: the diagnostic’s saved choice on any page, this page’s once set, an event on change',
  () => {
    const local = memoryStorage();
    const events = [];
    const doc = { dispatchEvent: (event) => events.push(event) };
    class CustomEvent { constructor(type, init) { this.type = type; this.detail = init.detail; } }
    const VMI = base({ localStorage: local, sessionStorage: memoryStorage(), document: doc, CustomEvent });
    assert.equal(VMI.collectivite.get(), null);
    local.setItem('vmi-diagnostic', '{not json');
    assert.equal(VMI.collectivite.get(), null);
    const saved = { code: '00001', nom: 'Exempleville', type: 'commune', taille: '10000-20000',
      agents: 'oui' };
    local.setItem('vmi-diagnostic', JSON.stringify({ v: 1, answers: {}, collectivite: saved }));
    assert.deepEqual(VMI.collectivite.get(), saved);
    VMI.collectivite.get().nom = 'changed'; // a copy
    assert.equal(VMI.collectivite.get().nom, 'Exempleville');
    VMI.collectivite.set(saved); // the same: no event
    assert.equal(events.length, 0);
    VMI.collectivite.set(null);
    assert.equal(VMI.collectivite.get(), null);
    assert.deepEqual(events.map((e) => [e.type, e.detail]), [['vmi:collectivite', null]]);
    VMI.collectivite.set({ code: '00002', nom: '', type: 'commune' }); // not resolved yet: none
    assert.equal(VMI.collectivite.get(), null);
    const page = Object.assign({}, saved);
    VMI.collectivite.set(page);
    page.agents = 'non'; // the diagnostic edits its state, then says so
    VMI.collectivite.set(page);
    assert.deepEqual(events.slice(-2).map((e) => e.detail.agents), ['oui', 'non']);
  });
