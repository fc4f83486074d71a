/** Nationality adjectives the model missed become MISC mentions; nothing inside a name or a word is touched. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDemonyms } from '../../src/extract/stages/demonyms.js';

describe('addDemonyms', () => {
  const person = (text: string, name: string) => ({ start: text.indexOf(name), end: text.indexOf(name) + name.length, type: 'PERSON' as const, text: name });
  it('adds "Iraqi" before a title', () => {
    const text = 'Iraqi Prime Minister Adel Abdul-Mahdi met Iranian officials.';
    const out = addDemonyms(text, [person(text, 'Adel Abdul-Mahdi')], (s) => s);
    assert.deepEqual(out.map((s) => `${s.type}:${s.text}`), ['MISC:Iraqi', 'PERSON:Adel Abdul-Mahdi', 'MISC:Iranian']);
  });
  it('leaves adjectives inside names and words alone', () => {
    const text = 'The Iraqi Army and Iran-backed groups; Iraqi-born Ali.';
    const out = addDemonyms(text, [{ start: 4, end: 14, type: 'ORG' as const, text: 'Iraqi Army' }], (s) => s);
    assert.deepEqual(out.map((s) => s.text), ['Iraqi Army']);
  });
});
