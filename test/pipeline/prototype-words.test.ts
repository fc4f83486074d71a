// Words of the text are looked up in tables of many stages (pronouns, titles, demonyms, triggers ...). A table that is a
// plain object answers "constructor" or "toString" with Object.prototype's members: the facts stage crashed on a
// Wikipedia sentence saying "a constructor". Every such word, in every case and position, must pass through all stages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';

const WORDS = Object.getOwnPropertyNames(Object.prototype);

/** Sentences that put each word before, between and after names, lower-case, capitalised and as a title. */
function text(): string {
  const lines: string[] = [];
  for (const w of WORDS) {
    const cap = w.charAt(0).toUpperCase() + w.slice(1);
    lines.push(`General Ali Hassan met the ${w} of the Northern Brigade in Basra, and ${w} Karim Nouri said he ${w} it.`);
    lines.push(`${cap} Omar Saleh, the ${w} minister of Iraq, told Reuters that ${cap} and the ${w}s of Mosul paid Hamid Rasul.`);
    lines.push(`The ${w} ${w} ${cap} Group, based in ${cap}, attacked the ${w} in Tikrit; its leader, ${w}, denied it.`);
  }
  return `${lines.join('\n')}\n`;
}

test('words that name Object.prototype members pass through every stage without a failure', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'prototype-words.txt'), text());
  const store = await openStore(join(tempDir(), 'x.db'));
  try {
    const summary = await ingestPaths([dir], { store, stages: defaultStages(), finish: finishIngest });
    assert.equal(summary.failed.length, 0, JSON.stringify(summary.failed));
    assert.deepEqual(await store.listStageFailures(ALL_COLLECTIONS), []);
    // The text was read: its people and relations are there.
    const entities = await store.listEntities(ALL_COLLECTIONS);
    assert.ok(entities.some((e) => e.name === 'Ali Hassan'), entities.map((e) => e.name).join(', '));
    assert.ok((await store.listRelations(ALL_COLLECTIONS)).length > 0);
  } finally {
    await store.close();
  }
});
