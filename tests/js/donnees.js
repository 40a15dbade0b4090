'use strict';
// Test questionnaire shared by the JavaScript tests.
// Minimal data set: 3 axes, 4 levels.
const data = {
  cle: 'vmi-diagnostic',
  questionnaire: { id: 'test', version: 'a1b2c3d4' },
  axes: [{ id: 'gouv', nom: 'Gouvernance' }, { id: 'data', nom: 'Données' }, { id: 'mob', nom: 'Mobilité' }],
  niveaux: [{ min: 0, nom: 'Découverte' }, { min: 20, nom: 'Initiation' }, { min: 50, nom: 'Structuration' },
    { min: 80, nom: 'Maîtrise' }],
  questions: [
    { id: 'g1', axe: 'gouv', points: [0, 1, 2, 3], h: 'h-g1' },
    { id: 'g2', axe: 'gouv', points: [0, 2, 5], h: 'h-g2' },
    { id: 'g3', axe: 'gouv', points: [0, 1, 2, 3], h: 'h-g3' },
    { id: 'g4', axe: 'gouv', points: [0, 1, 2, 3], h: 'h-g4' },
    { id: 'd1', axe: 'data', points: [0, 1, 2, 3, 4, 5, 6, 7, 8], h: 'h-d1' },
    { id: 'd2', axe: 'data', points: [0, 1, 2], h: 'h-d2' },
    { id: 'm1', axe: 'mob', points: [3, 0], h: 'h-m1' }
  ],
  recommandations: [
    { id: 'r1', axe: 'gouv', jusqu_a: 49, texte: 'Nommer un référent',
      texte_html: 'Nommer un référent', liens: [] },
    { id: 'r2', axe: 'data', jusqu_a: 19, texte: 'Inventorier les données',
      texte_html: 'Inventorier les données', liens: [{ titre: 'Cas', href: '../cas/' }] },
    { id: 'r3', axe: 'mob', jusqu_a: 100, texte: 'Toujours', texte_html: 'Toujours', liens: [] }
  ]
};
const frenchError = (re) => (err) => err instanceof Error && re.test(err.message);
module.exports = { data, frenchError };
