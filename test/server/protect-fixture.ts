/**
 * A collection naming an informant and the man who paid him, for the protected-identity tests: a hard-wrapped wire
 * report (test/fixtures/protect) that names each several times, with aliases ("Jabbari", "JABBARI", "Amiri"), beside
 * a sample article; a viewer, an editor with write, an editor who may only read, and an admin.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { ROOT, SAMPLE_CORPUS, tempDir } from '../helpers.js';
import { FAST_SCRYPT } from './trust-fixture.js';

/** The wire report naming the informant. */
export const INFORMANT_WIRE = join(ROOT, 'test', 'fixtures', 'protect', 'informant-wire.txt');

/** The collection of the fixture. */
export const COLLECTION = 'cables';

/** A folder with the wire report and one sample article, ready to ingest. */
export function corpusFolder(): string {
  const dir = join(tempDir(), 'corpus');
  mkdirSync(dir);
  copyFileSync(INFORMANT_WIRE, join(dir, 'informant-wire.txt'));
  copyFileSync(join(SAMPLE_CORPUS, '001_922c9d26da2ca72a.txt'), join(dir, '001_922c9d26da2ca72a.txt'));
  return dir;
}

/** Every form of the protected names a leak could take: full names, aliases, each family-name token. */
export const NAMES = ['Karim Jabbari', 'Jabbari', 'Hadi al-Amiri', 'al-Amiri', 'Amiri'];

/** Case-insensitive hits of any protected name in a text. */
export function leaks(text: string, names: readonly string[] = NAMES): string[] {
  const lower = text.toLowerCase();
  return names.filter((n) => lower.includes(n.toLowerCase()));
}

/** The extracted store and its users: ana (viewer), ben (editor with write), eve (editor, read only), root (admin). */
export async function protectedCorpus(): Promise<{ store: Store; password: string; db: string }> {
  const db = join(tempDir(), 'protect.db');
  const store = await openStore(db);
  await ingestPaths([corpusFolder()], { store, collection: COLLECTION, stages: defaultStages(), finish: finishIngest });
  const password = 'correct horse battery';
  const hash = await hashPassword(password, FAST_SCRYPT);
  for (const [name, role, write] of [['ana', 'viewer', false], ['ben', 'editor', true], ['eve', 'editor', false], ['root', 'admin', false]] as const) {
    await store.trust.addUser(name, role, hash);
    if (role !== 'admin') await store.trust.grant(name, COLLECTION, write);
  }
  return { store, password, db };
}
