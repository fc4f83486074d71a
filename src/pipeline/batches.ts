/**
 * A file's document tree cut into store batches: a 20,000-record JSON Lines file is not one transaction, so a kill
 * loses at most the batch in flight and progress counts documents. Documents come parents first (pre-order); a batch
 * that starts inside a container repeats that member's ancestors at its head, so every member's parent is in its batch
 * (the store keys parents by position in the batch; an ancestor stored before is a no-op insert).
 */
import type { ExtractedDocument } from '../model/index.js';
import type { NewDocument } from '../store/store.js';
import { splitSentences } from '../nlp/sentences.js';

/** At most this many documents in one batch. */
export const BATCH_DOCUMENTS = 500;
/** At most about this many bytes (text as UTF-16 plus originals) in one batch; a larger single document is a batch of its own. */
export const BATCH_BYTES = 16 * 1024 * 1024;

/** One document of the tree, with its parent's position in the tree's pre-order list. */
interface Node {
  doc: ExtractedDocument;
  parent: number;
  item?: NewDocument;
}

/** A store batch: the documents to put (ancestors first), and how many of them at the head are repeated ancestors. */
export interface Batch {
  items: NewDocument[];
  ancestors: number;
  /** Documents of the tree in this batch and before it (ancestors not counted twice), for progress. */
  through: number;
}

/** The document tree's batches in order; sentences are split as each batch is made, not all at once. */
export function* treeBatches(root: ExtractedDocument, collection: string, maxDocuments = BATCH_DOCUMENTS, maxBytes = BATCH_BYTES): Generator<Batch> {
  const nodes: Node[] = [];
  const visit = (doc: ExtractedDocument, parent: number): void => {
    const index = nodes.length;
    nodes.push({ doc, parent });
    for (const child of doc.children ?? []) visit(child, index);
  };
  visit(root, -1);
  const newDocument = (k: number): NewDocument => {
    const node = nodes[k]!;
    if (node.item) return node.item;
    const item = { doc: node.doc, collection, sentences: splitSentences(node.doc.text), parentIndex: -1 };
    // Containers are kept: one repeated at the head of later batches is split once. Leaves are dropped after their batch.
    if (node.doc.children?.length) node.item = item;
    return item;
  };
  for (let start = 0; start < nodes.length;) {
    const chain: number[] = [];
    for (let p = nodes[start]!.parent; p >= 0; p = nodes[p]!.parent) chain.unshift(p);
    const members: number[] = [];
    let bytes = 0;
    for (let k = start; k < nodes.length && members.length < maxDocuments; k++) {
      const size = nodes[k]!.doc.text.length * 2 + nodes[k]!.doc.original.byteLength;
      if (members.length > 0 && bytes + size > maxBytes) break;
      members.push(k);
      bytes += size;
    }
    const order = [...chain, ...members];
    const position = new Map(order.map((k, i) => [k, i]));
    const items = order.map((k) => ({ ...newDocument(k), parentIndex: position.get(nodes[k]!.parent) ?? -1 }));
    start += members.length;
    yield { items, ancestors: chain.length, through: start };
  }
}

/** Number of documents in a tree (the root and every descendant). */
export function treeSize(root: ExtractedDocument): number {
  let n = 1;
  for (const child of root.children ?? []) n += treeSize(child);
  return n;
}

/**
 * The batches of a root's streamed members (ExtractedDocument.streamedChildren), after its tree's batches: each batch
 * repeats the root at its head (stored before, a no-op insert) and holds members up to the same document and byte
 * limits, so only one batch of members is in memory at a time. `through` counts on from the tree's last batch.
 */
export async function* streamedBatches(root: ExtractedDocument, members: AsyncIterable<ExtractedDocument>, collection: string, through: number,
  maxDocuments = BATCH_DOCUMENTS, maxBytes = BATCH_BYTES): AsyncGenerator<Batch> {
  const head: NewDocument = { doc: root, collection, sentences: splitSentences(root.text), parentIndex: -1 };
  let items: NewDocument[] = [head];
  let bytes = 0;
  const batch = (): Batch => {
    through += items.length - 1;
    return { items, ancestors: 1, through };
  };
  for await (const doc of members) {
    const size = doc.text.length * 2 + doc.original.byteLength;
    if (items.length > 1 && (items.length - 1 >= maxDocuments || bytes + size > maxBytes)) {
      yield batch();
      items = [head];
      bytes = 0;
    }
    items.push({ doc, collection, sentences: splitSentences(doc.text), parentIndex: 0 });
    bytes += size;
  }
  if (items.length > 1) yield batch();
}
