import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { candidateKeyNorm, formatCandidateKey, parseCandidateKey } from '../../src/model/index.js';
import { candidateKey } from '../../src/resolve/candidates.js';

describe('candidate keys', () => {
  it('round-trip through format and parse, colons and hashes inside the name included', () => {
    for (const [doc, type, norm] of [['1fd7a0', 'PERSON', 'abu mahdi al-muhandis'], ['d2', 'ORG', 'unit 8200: signals'], ['d3', 'LOC', 'a#b']]) {
      const key = formatCandidateKey(doc!, type!, norm!);
      assert.deepEqual(parseCandidateKey(key), { documentId: doc, type, norm });
      assert.equal(candidateKeyNorm(key), norm);
    }
  });

  it('reads a plain name (a member given by hand) as all name', () => {
    assert.deepEqual(parseCandidateKey('qassem soleimani'), { documentId: '', type: '', norm: 'qassem soleimani' });
  });

  it('is what resolution files a document cluster under', () => {
    const key = candidateKey('doc1', { type: 'ORG', canonical: 'The Quds Force' });
    const parts = parseCandidateKey(key);
    assert.equal(parts.documentId, 'doc1');
    assert.equal(parts.type, 'ORG');
    assert.notEqual(parts.norm, '');
  });
});
