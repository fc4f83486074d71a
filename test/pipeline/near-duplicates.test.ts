/**
 * Incremental near-duplicate grouping against the full one, on signatures made to sit around the threshold (variants
 * keeping a share of their base's minima), added in random batches to an in-memory band index: after every batch the
 * groups equal those of groupNearDuplicates over everything added so far.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideGroups } from '../../src/pipeline/near-duplicates.js';
import { BANDS, bandKey, groupNearDuplicates, signatureBytes } from '../../src/nlp/minhash.js';
import type { BandNeighbour, SignedDocument } from '../../src/store/duplicates.js';
import { random } from '../resolve/generated-collection.js';

/** `n` signatures: new bases, and variants keeping 35-80% of an earlier signature's positions (so chains and bridges form). */
function signatures(seed: number, n: number): [string, Uint32Array][] {
  const r = random(seed);
  const out: [string, Uint32Array][] = [];
  for (let i = 0; i < n; i++) {
    const sig = Uint32Array.from({ length: 64 }, () => Math.floor(r() * 2 ** 32));
    if (out.length > 0 && r() < 0.7) {
      const [, base] = out[Math.floor(r() * out.length)]!;
      const keep = 0.35 + r() * 0.45;
      for (let k = 0; k < 64; k++) if (r() < keep) sig[k] = base[k]!;
    }
    // Ids in random order of arrival, so new documents often have smaller ids than the groups they join.
    out.push([Math.floor(r() * 1e9).toString(16).padStart(8, '0') + i, sig]);
  }
  return out;
}

/** A store reduced to what the step reads and writes: signatures, groups, the band index. */
class MemoryIndex {
  readonly groups = new Map<string, string | null>();
  /** Stored groups renamed because a batch joined them to another. */
  renamed = 0;
  private readonly sigs = new Map<string, Uint32Array>();
  private readonly bands = new Map<string, Set<string>>();

  add(batch: [string, Uint32Array][]): void {
    const docs: SignedDocument[] = batch.map(([id, sig]) => ({ id, signature: signatureBytes(sig) }));
    const near = new Set<string>();
    for (const [, sig] of batch) for (let b = 0; b < BANDS; b++) for (const id of this.bands.get(bandKey(sig, b)) ?? []) near.add(id);
    const neighbours: BandNeighbour[] = [...near].map((id) => ({ id, signature: signatureBytes(this.sigs.get(id)!), group: this.groups.get(id)! }));
    const update = decideGroups(docs, neighbours);
    this.renamed += update.relabel.size;
    for (const [id, sig] of batch) {
      this.sigs.set(id, sig);
      this.groups.set(id, update.groups.get(id) ?? null);
      for (let b = 0; b < BANDS; b++) {
        const key = bandKey(sig, b);
        const ids = this.bands.get(key) ?? new Set<string>();
        this.bands.set(key, ids.add(id));
      }
    }
    for (const [id, g] of this.groups) if (g !== null && update.relabel.has(g)) this.groups.set(id, update.relabel.get(g)!);
  }
}

describe('incremental near-duplicate groups', () => {
  it('equal the full grouping after every batch, whatever the batches', () => {
    let renamed = 0;
    let grouped = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const all = signatures(seed, 150);
      const r = random(seed * 31);
      const index = new MemoryIndex();
      for (let at = 0; at < all.length;) {
        const size = 1 + Math.floor(r() * 25);
        index.add(all.slice(at, at + size));
        at += size;
        const full = groupNearDuplicates(new Map(all.slice(0, at)));
        assert.deepEqual(index.groups, full, `seed ${seed}, ${at} documents`);
      }
      renamed += index.renamed;
      grouped += all.length - new Set(index.groups.values()).size;
    }
    assert.ok(renamed > 100 && grouped > 1000, `stored groups were joined (${renamed} renamed; ${grouped} documents in a group of another)`);
  });

  it('names a joined group by its smallest id and renames the stored groups that joined it', () => {
    const r = random(5);
    const base = Uint32Array.from({ length: 64 }, () => Math.floor(r() * 2 ** 32));
    const other = Uint32Array.from({ length: 64 }, () => Math.floor(r() * 2 ** 32));
    // A bridge: the first half of one, the second half of the other (estimated Jaccard 0.5 with each).
    const bridge = Uint32Array.from({ length: 64 }, (_, k) => (k < 32 ? base[k]! : other[k]!));
    const stored: BandNeighbour[] = [
      { id: 'm', signature: signatureBytes(base), group: 'm' },
      { id: 'q', signature: signatureBytes(other), group: 'k' },
    ];
    const update = decideGroups([{ id: 'z', signature: signatureBytes(bridge) }, { id: 'e', signature: new Uint8Array(0) }], stored);
    assert.deepEqual([...update.groups], [['z', 'k']], 'the empty text joins no group');
    assert.deepEqual([...update.relabel], [['m', 'k']]);
    const alone = decideGroups([{ id: 'a', signature: signatureBytes(bridge) }], stored.slice(0, 1), 0.6);
    assert.deepEqual([[...alone.groups], [...alone.relabel]], [[['a', 'a']], []], 'below the threshold: a group of its own');
  });
});
