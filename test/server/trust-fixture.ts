/**
 * Two collections with people in common, for the access tests: "leaks-a" holds two sample articles, "leaks-b" the third
 * and a wire report found nowhere else (its firm's name is the canary: it must never reach a caller who sees only A).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { SAMPLE_CORPUS, tempDir } from '../helpers.js';

/** A word only collection B contains. */
export const CANARY = 'Tavakoli';

// Hard-wrapped as wire copy is, capitals and a dateline; names shared with A (Soleimani, Basra) and one only B has.
const WIRE = `BASRA, Iraq, March 3 (Reuters) - Qassem Soleimani met Hadi al-Amiri at a
warehouse owned by Tavakoli Freight in Basra last week, according to a
cable seen by reporters. Tavakoli Freight paid Hadi al-Amiri for the use of
the port, two officials said.

"They meet there every month," one official said.
`;

/** Low scrypt cost for test users (the parameters travel with each hash). */
export const FAST_SCRYPT = { N: 1024, r: 8, p: 1 };

/** The store with both collections extracted, and a viewer of A ("ana"), an editor of B with write ("ben"), an admin ("root"). */
export async function twoCollections(): Promise<{ store: Store; password: string }> {
  const dir = tempDir();
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  mkdirSync(a);
  mkdirSync(b);
  for (const f of ['000_d100bfb39792b62b.txt', '003_b040a4527846fc2c.txt']) copyFileSync(join(SAMPLE_CORPUS, f), join(a, f));
  copyFileSync(join(SAMPLE_CORPUS, '001_922c9d26da2ca72a.txt'), join(b, '001_922c9d26da2ca72a.txt'));
  writeFileSync(join(b, 'wire-basra.txt'), WIRE);
  const store = await openStore(join(dir, 'trust.db'));
  for (const [path, collection] of [[a, 'leaks-a'], [b, 'leaks-b']] as const) {
    await ingestPaths([path], { store, collection, stages: defaultStages(), finish: finishIngest });
  }
  const password = 'correct horse battery';
  const hash = await hashPassword(password, FAST_SCRYPT);
  await store.trust.addUser('ana', 'viewer', hash);
  await store.trust.grant('ana', 'leaks-a', false);
  await store.trust.addUser('ben', 'editor', hash);
  await store.trust.grant('ben', 'leaks-b', true);
  await store.trust.grant('ben', 'leaks-a', false);
  await store.trust.addUser('root', 'admin', hash);
  return { store, password };
}
