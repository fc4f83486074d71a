/**
 * Merged relations in id order without holding them: merged ids are hashes of type and ends, so no index serves them.
 * One pass reads every relation row's merged id by keyset pages and appends "mergedId<TAB>rowId" lines to one of 256
 * bucket files by the id's first two hex digits (temporary, on disk); then each bucket in turn is sorted (a 256th of the
 * rows) and its merged relations read a page of rows at a time. Memory holds one bucket and one page, whatever the size.
 */
import { appendFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Relation } from '../model/index.js';
import type { Scope, Store } from '../store/store.js';
import { scratchFolder } from './scratch.js';

/** Rows read per keyset page, and rows of merged relations read at once. */
export const ROW_PAGE = 2000;
// Lines kept before they are appended to their bucket files.
const FLUSH_LINES = 10_000;

/** Every merged relation of the scope (as listRelations merges them), in pages ordered by id. */
export async function* mergedRelationPages(store: Store, scope: Scope, rowPage = ROW_PAGE): AsyncGenerator<Relation[]> {
  const { dir, remove } = await scratchFolder('cablegraph-export-');
  try {
    const buckets = await writeBuckets(store, scope, dir, rowPage);
    for (const bucket of buckets) {
      const lines = (await readFile(join(dir, bucket), 'utf8')).split('\n').filter(Boolean).sort();
      let rows: string[] = [];
      let last = '';
      for (const line of lines) {
        const [merged, row] = line.split('\t') as [string, string];
        // A page ends between merged relations only, so each one is read with all its rows.
        if (merged !== last && rows.length >= rowPage) {
          yield await store.listRelationsOfRows(rows, scope);
          rows = [];
        }
        rows.push(row);
        last = merged;
      }
      if (rows.length > 0) yield await store.listRelationsOfRows(rows, scope);
    }
  } finally {
    await remove();
  }
}

/** The first pass: bucket files of "mergedId<TAB>rowId" lines; returns the bucket names in id order. */
async function writeBuckets(store: Store, scope: Scope, dir: string, rowPage: number): Promise<string[]> {
  const pending = new Map<string, string[]>();
  let held = 0;
  const flush = async () => {
    for (const [bucket, lines] of pending) await appendFile(join(dir, bucket), lines.join(''));
    pending.clear();
    held = 0;
  };
  for (let after: string | null = null; ;) {
    const keys = await store.relationMergeKeysAfter(scope, after, rowPage);
    for (const { row, merged } of keys) {
      if (merged === null) continue;
      // "rel_" and 16 hex digits: the first two digits name the bucket, so buckets in name order are ids in order.
      const bucket = merged.slice(4, 6);
      const list = pending.get(bucket);
      if (list) list.push(`${merged}\t${row}\n`);
      else pending.set(bucket, [`${merged}\t${row}\n`]);
      held++;
    }
    if (held >= FLUSH_LINES) await flush();
    if (keys.length < rowPage) break;
    after = keys[keys.length - 1]!.row;
  }
  await flush();
  return (await readdir(dir)).sort();
}
