/** Near-duplicate grouping: a re-report of an article groups with it; unrelated articles stay apart. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minhashSignature, estimateJaccard, groupNearDuplicates } from '../../src/nlp/minhash.js';
import { SAMPLE_CORPUS } from '../helpers.js';

const texts = readdirSync(SAMPLE_CORPUS).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SAMPLE_CORPUS, f), 'utf8'));

describe('MinHash near-duplicates', () => {
  it('is deterministic', () => {
    assert.deepEqual(minhashSignature(texts[0]!), minhashSignature(texts[0]!));
  });

  it('groups a lightly edited re-report with its original and keeps different articles apart', () => {
    const original = texts[2]!;
    // A syndicated copy: new headline and boilerplate, one paragraph dropped, the rest verbatim.
    const paragraphs = original.split('\n');
    const copy = ['Iran’s spy agencies at odds in Iraq (republished)', ...paragraphs.slice(0, 5), ...paragraphs.slice(6), 'Read more on our site.'].join('\n');
    const sigs = new Map([['a', minhashSignature(texts[0]!)], ['b', minhashSignature(texts[1]!)], ['c', minhashSignature(original)], ['d', minhashSignature(copy)]]);
    assert.ok(estimateJaccard(sigs.get('c')!, sigs.get('d')!) > 0.7);
    assert.ok(estimateJaccard(sigs.get('a')!, sigs.get('b')!) < 0.1);
    const groups = groupNearDuplicates(sigs);
    assert.equal(groups.get('d'), groups.get('c'));
    assert.equal(new Set(groups.values()).size, 3);
  });
});
