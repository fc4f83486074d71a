/**
 * A container's documents in store batches: every member's parent is in its batch (repeated at the head when it was
 * stored with an earlier batch), batches stay within their document and byte bounds, and every document comes once.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ExtractedDocument } from '../../src/model/index.js';
import { treeBatches, treeSize } from '../../src/pipeline/batches.js';

/** A document with `text`, its original the text's bytes. */
function doc(path: string, text: string, children: ExtractedDocument[] = []): ExtractedDocument {
  const original = new TextEncoder().encode(text);
  return { path, sha256: path, original, format: 'txt', text, meta: {}, children };
}

// A zip holding two mailboxes (messages with attachments) and loose files: containers nested three deep.
const message = (box: string, n: number): ExtractedDocument =>
  doc(`${box}#${n}`, `Message ${n} of ${box}.\nSent from the embassy.`, n % 3 === 0 ? [doc(`${box}#${n}/memo.txt`, `Attachment of message ${n}.`)] : []);
const tree = doc('leak.zip', 'listing', [
  doc('leak.zip!/a.mbox', 'a.mbox listing', Array.from({ length: 12 }, (_, n) => message('a.mbox', n))),
  ...Array.from({ length: 5 }, (_, n) => doc(`leak.zip!/note${n}.txt`, `Note ${n}.`)),
  doc('leak.zip!/b.mbox', 'b.mbox listing', Array.from({ length: 7 }, (_, n) => message('b.mbox', n))),
]);

describe('treeBatches', () => {
  it('puts every document once, each with its parent in the same batch', () => {
    const parentOf = new Map<string, string>();
    const visit = (d: ExtractedDocument): void => d.children?.forEach((c) => (parentOf.set(c.path, d.path), visit(c)));
    visit(tree);
    const seen: string[] = [];
    let through = 0;
    for (const batch of treeBatches(tree, 'c', 4)) {
      const members = batch.items.slice(batch.ancestors);
      assert.ok(members.length > 0 && members.length <= 4);
      for (const [i, item] of batch.items.entries()) {
        const parent = item.parentIndex !== undefined && item.parentIndex >= 0 ? batch.items[item.parentIndex] : undefined;
        assert.ok(parent === undefined || item.parentIndex! < i, 'parents before children');
        assert.equal(parent?.doc.path, parentOf.get(item.doc.path), `parent of ${item.doc.path}`);
        assert.equal(item.sentences.length > 0, true);
      }
      // The repeated head is exactly the chain of ancestors of the first member.
      const chain: string[] = [];
      for (let p = parentOf.get(members[0]!.doc.path); p !== undefined; p = parentOf.get(p)) chain.unshift(p);
      assert.deepEqual(batch.items.slice(0, batch.ancestors).map((b) => b.doc.path), chain);
      seen.push(...members.map((m) => m.doc.path));
      through += members.length;
      assert.equal(batch.through, through);
    }
    assert.equal(seen.length, treeSize(tree));
    assert.equal(new Set(seen).size, seen.length, 'no document twice');
    assert.equal(seen[0], 'leak.zip');
  });

  it('cuts by bytes too, and gives a document larger than the bound a batch of its own', () => {
    const big = doc('big.jsonl', 'root', [doc('r1', 'x'.repeat(300)), doc('r2', 'y'.repeat(2000)), doc('r3', 'z'.repeat(300)), doc('r4', 'w'.repeat(300))]);
    const sizes = [...treeBatches(big, 'c', 100, 2000)].map((b) => b.items.slice(b.ancestors).map((i) => i.doc.path));
    assert.deepEqual(sizes, [['big.jsonl', 'r1'], ['r2'], ['r3', 'r4']]);
  });
});
