/** Snippets: hits are exact slices of the stored text, found through folding, phrases and prefixes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeSnippet, findHits } from '../../src/store/snippet.js';
import { parseQuery, highlightTerms } from '../../src/store/query.js';

const hitsOf = (text: string, q: string): string[] => findHits(text, highlightTerms(parseQuery(q))).map((h) => text.slice(h.start, h.end));

describe('snippets', () => {
  const cases: [string, string, string[]][] = [
    ['Gen. Qassem Soleimani met Soleimani’s aides.', 'soleimani', ['Soleimani', 'Soleimani']],
    ['The Quds Force and the Quds\nForce again; not Qudsforce.', '"quds force"', ['Quds Force', 'Quds\nForce']],
    ['Kataeb Hezbollah, Kataib Hizbollah.', 'Kata*', ['Kataeb', 'Kataib']],
    ['Asaib Ahl al-Haq fought.', 'al-Haq', ['al-Haq']],
    ['A trip to Séville and SEVILLE.', 'seville', ['Séville', 'SEVILLE']],
    ['قاسم سليماني و قَاسِم', 'قاسم', ['قاسم', 'قَاسِم']],
    ['كتائب حزب الله', 'کتائب', ['كتائب']],
    ['Iranian Iran Iran-backed', 'Iran', ['Iran', 'Iran']],
    ['Soleimani Abadi', 'Soleimani -Abadi', ['Soleimani']],
  ];
  for (const [text, q, expected] of cases) {
    it(`${q} in ${JSON.stringify(text)}`, () => assert.deepEqual(hitsOf(text, q), expected));
  }

  it('shows overlapping hits once: a name and the phrase holding it', () => {
    const text = 'التقى قاسم سليماني برئيس الوزراء.';
    const s = makeSnippet(text, highlightTerms(parseQuery('"قاسم سليماني" OR سليماني')));
    assert.equal(s.parts.map((p) => p.text).join(''), text.slice(s.start, s.start + s.parts.map((p) => p.text).join('').length));
    assert.deepEqual(s.parts.filter((p) => p.hit).map((p) => p.text), ['قاسم سليماني']);
  });

  it('centres the snippet on the densest cluster of hits', () => {
    const text = `${'filler words here. '.repeat(40)}Soleimani and Abadi met; Soleimani left. ${'more filler text. '.repeat(40)}`;
    const s = makeSnippet(text, highlightTerms(parseQuery('Soleimani OR Abadi')));
    assert.deepEqual(s.parts.filter((p) => p.hit).map((p) => p.text), ['Soleimani', 'Abadi', 'Soleimani']);
    assert.ok(s.start > 500 && s.start < text.indexOf('Soleimani'));
  });

  it('falls back to the opening text when nothing matches', () => {
    const s = makeSnippet('Nothing to see here.', highlightTerms(parseQuery('absent')));
    assert.deepEqual(s, { start: 0, parts: [{ text: 'Nothing to see here.', hit: false }] });
  });
});
