/** The web app's pure helpers, table-driven: text segmentation, query-term highlighting, URL state, palette contrast. */
import { describe, it } from 'node:test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { paragraphRanges, segmentText } from '../../web/lib/segments.js';
import { findTermHits, highlightTerms } from '../../web/lib/query-terms.js';
import { readSearchState, searchRequest, searchUrl, withFilter } from '../../web/lib/search-url.js';
import { namesByScript, scriptLabel } from '../../web/lib/scripts.js';
import { firstHitSpan } from '../../web/components/result-list.js';
import { ENTITY_STYLES } from '../../web/theme/entity-colors.js';

describe('paragraphRanges', () => {
  const cases: [string, [number, number][]][] = [
    ['One\ntwo\n\n  Three', [[0, 7], [11, 16]]],
    ['\n\n\nOnly\n\n\n', [[3, 7]]],
    ['One\nTwo\n  Three', [[0, 3], [4, 7], [10, 15]]], // no blank line anywhere: one paragraph per line
    ['', []],
    ['a\r\n\r\nb', [[0, 1], [5, 6]]],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(paragraphRanges(text).map((r) => [r.start, r.end]), expected);
    });
  }
});

describe('segmentText', () => {
  it('cuts runs where marks begin and end, nesting hits in mentions', () => {
    const text = 'Gen. Qassem Soleimani met them.';
    const [paragraph] = segmentText(text, [
      { start: 5, end: 21, kind: 'mention', type: 'PERSON', title: 'Person: Qassem Soleimani' },
      { start: 12, end: 21, kind: 'hit' },
    ]);
    assert.deepEqual(paragraph?.segments.map((s) => [s.text, s.hit, s.mention?.type ?? null]), [
      ['Gen. ', false, null],
      ['Qassem ', false, 'PERSON'],
      ['Soleimani', true, 'PERSON'],
      [' met them.', false, null],
    ]);
  });

  it('splits a mark that crosses a paragraph break and drops the whitespace between', () => {
    const paragraphs = segmentText('ab\n\ncd', [{ start: 1, end: 5, kind: 'target' }]);
    assert.deepEqual(paragraphs.map((p) => p.segments.map((s) => [s.text, s.target])), [[['a', false], ['b', true]], [['c', true], ['d', false]]]);
  });

  it('clips marks outside the text', () => {
    const [paragraph] = segmentText('abc', [{ start: -5, end: 1, kind: 'hit' }, { start: 2, end: 99, kind: 'hit' }]);
    assert.deepEqual(paragraph?.segments.map((s) => [s.text, s.hit]), [['a', true], ['b', false], ['c', true]]);
  });

  it('marks a table laid out with spaces or tabs (two rows with cell gaps), not prose with a double space', () => {
    const text = 'Officials present.\n\nName           Post\nAdel Mansouri  Commander    Zulfiqar\nOmar\tGovernor\n\nOne.  Two.\nThree.';
    assert.deepEqual(segmentText(text, []).map((p) => Boolean(p.table)), [false, true, false]);
  });
});

describe('highlightTerms', () => {
  const cases: [string, string[]][] = [
    ['Soleimani', ['soleimani']],
    ['Soleimani -Trump "Quds Force" Iraq* NOT Iran', ['soleimani', 'quds force', 'iraq*']],
    ['iraq OR syria AND (baghdad)', ['iraq', 'syria', 'baghdad']],
    ['NEAR(soleimani baghdad, 5)', ['soleimani', 'baghdad']],
    ['soleimani NEAR/3 baghdad', ['soleimani', 'baghdad']],
    ['al-Haq', ['al haq']],
    ['"Quds Force', ['quds force']],
  ];
  for (const [query, expected] of cases) {
    it(query, () => {
      assert.deepEqual(highlightTerms(query).map((t) => t.words.join(' ') + (t.prefix ? '*' : '')), expected);
    });
  }
});

describe('findTermHits', () => {
  const cases: [string, string, string[]][] = [
    ['Soleimani and SOLEIMANI’s visit', 'soleimani', ['Soleimani', 'SOLEIMANI']],
    ['The Quds Force, the Quds\nForce', '"quds force"', ['Quds Force', 'Quds\nForce']],
    ['ministry ministers minister', 'minist*', ['ministry', 'ministers', 'minister']],
    ['Qāsem Soleimani', 'qasem', ['Qāsem']],
    ['سردار قاسم سليماني', 'سلیمانی', ['سليماني']], // Arabic yeh in the text, Persian yeh in the query
    ['Iraqi Iraq', 'iraq', ['Iraq']],
  ];
  for (const [text, query, expected] of cases) {
    it(`${query} in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(findTermHits(text, query).map((h) => text.slice(h.start, h.end)), expected);
    });
  }
});

describe('search URL state', () => {
  it('round-trips and leaves out defaults', () => {
    const state = readSearchState(new URLSearchParams('q=Soleimani&page=2&language=fa&year=2019'));
    assert.deepEqual(state, { q: 'Soleimani', page: 2, filters: { language: 'fa', year: '2019' }, crossScript: true });
    assert.equal(searchUrl(state), '/search?q=Soleimani&page=2&language=fa&year=2019');
    assert.equal(searchUrl(withFilter(state, 'language', undefined)), '/search?q=Soleimani&year=2019');
  });

  it('turns junk pages into page 1 and a year into a date range', () => {
    const state = readSearchState(new URLSearchParams('q=x&page=-4&year=2019'));
    assert.equal(state.page, 1);
    assert.deepEqual(searchRequest(state), { q: 'x', limit: 20, offset: 0, from: '2019', to: '2019' });
  });

  it('keeps the cross-script switch only when it is off', () => {
    const off = readSearchState(new URLSearchParams('q=Soleimani&scripts=off'));
    assert.equal(off.crossScript, false);
    assert.equal(searchUrl(off), '/search?q=Soleimani&scripts=off');
    assert.equal(searchRequest(off).crossScript, 'false');
    assert.equal(searchUrl({ ...off, crossScript: true }), '/search?q=Soleimani');
    assert.equal(searchRequest({ ...off, crossScript: true }).crossScript, undefined);
  });
});

describe('spans from snippets', () => {
  it('counts a hit\'s offset through the exact slices before it', () => {
    const text = 'Gen.  Qassem Soleimani met them.';
    const snippet = { start: 5, parts: [{ text: ' Qassem ', hit: false }, { text: 'Soleimani', hit: true }, { text: ' met', hit: false }] };
    const span = firstHitSpan(snippet);
    assert.deepEqual(span, { start: 13, end: 22 });
    assert.equal(text.slice(span?.start, span?.end), 'Soleimani');
    assert.equal(firstHitSpan({ ...snippet, parts: [{ text: 'nothing', hit: false }] }), null);
  });
});

describe('entity palette', () => {
  const luminance = (hex: string): number => {
    const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (channels[0] ?? 0) + 0.7152 * (channels[1] ?? 0) + 0.0722 * (channels[2] ?? 0);
  };
  const contrast = (a: string, b: string): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  for (const [type, style] of Object.entries(ENTITY_STYLES)) {
    it(`${type} passes WCAG AA`, () => {
      assert.ok(contrast(style.color, '#ffffff') >= 4.5, 'colour as text on white');
      assert.ok(contrast('#1f2328', style.tint) >= 4.5, 'body text on the tint');
      assert.ok(contrast(style.color, style.tint) >= 3, 'underline against its tint');
    });
  }
  it('gives every type its own colour', () => {
    const colours = Object.values(ENTITY_STYLES).map((s) => s.color);
    assert.equal(new Set(colours).size, colours.length);
  });
});

describe('document text is never HTML', () => {
  it('no web source renders markup from strings', () => {
    const root = join(import.meta.dirname, '..', '..', 'web');
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === 'dist' || name === 'node_modules') continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(tsx?|html)$/.test(name) && /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    walk(root);
    assert.deepEqual(offenders, []);
  });
});

describe('names by script', () => {
  it('tells Persian from Arabic by the letters only one uses and groups the names', () => {
    assert.deepEqual(['قاسم سلیمانی', 'قاسم سليماني', 'بغداد', 'Qassem Soleimani', 'Касем'].map(scriptLabel), ['Persian', 'Arabic', 'Arabic script', 'Latin', 'Cyrillic']);
    assert.deepEqual(namesByScript(['Qassem Soleimani', 'قاسم سلیمانی', 'Qasem Soleimani', 'قاسم سلیمانی']), [
      { script: 'Latin', names: ['Qassem Soleimani', 'Qasem Soleimani'] },
      { script: 'Persian', names: ['قاسم سلیمانی'] },
    ]);
  });
});
