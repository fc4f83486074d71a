/**
 * A resolution commit binds its rows in slices: a full run writes every candidate of a collection, and one statement
 * binding them all held the whole collection as one JSON text (and the engine's copy and parse of it) at once.
 * The plan is checked statement by statement, and a commit of more rows than one slice is read back whole.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { commitPlan, ROWS_PER_STATEMENT } from '../../src/store/shared/resolution-commit.js';
import { POSTGRES_DIALECT, SQLITE_DIALECT } from '../../src/store/shared/resolution-sql.js';
import type { IndexedCandidate, ResolutionChange } from '../../src/store/resolution.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { tempDir } from '../helpers.js';

const COUNT = 2 * ROWS_PER_STATEMENT + 7;

function candidate(i: number): IndexedCandidate {
  const doc = `d${String(i % 97).padStart(3, '0')}`;
  return { key: `${doc}#PERSON:person ${i}`, documentId: doc, type: 'PERSON', name: `Person ${i}`, aliases: [`P. ${i}`], mentionCount: 1 + (i % 3),
    voteNorm: `PERSON:person ${i}`, group: `PERSON|person ${i}` };
}

const change: ResolutionChange = {
  full: true, algorithm: 'test@1', candidates: Array.from({ length: COUNT }, (_, i) => candidate(i)),
  entities: Array.from({ length: COUNT }, (_, i) => ({
    entity: { id: `e${i}`, collection: 'c', type: 'PERSON', name: `Person ${i}`, aliases: [`P. ${i}`], documentIds: [candidate(i).documentId], mentionCount: 1, reasons: [] },
    members: [candidate(i).key],
  })),
};

describe('resolution commit plan', () => {
  it('binds at most ROWS_PER_STATEMENT rows per statement, on both engines', () => {
    for (const dialect of [SQLITE_DIALECT, POSTGRES_DIALECT]) {
      let inserts = 0;
      for (const s of commitPlan(dialect, 'c', 0, change)) {
        for (const p of s.params) {
          const rows = typeof p === 'string' && p.startsWith('[') ? (JSON.parse(p) as unknown[]).length : Array.isArray(p) ? p.length : 0;
          assert.ok(rows <= ROWS_PER_STATEMENT, `${rows} rows bound in: ${s.sql.slice(0, 80)}`);
        }
        if (s.sql.startsWith('INSERT INTO resolve_candidates')) inserts++;
      }
      assert.equal(inserts, Math.ceil(COUNT / ROWS_PER_STATEMENT));
    }
  });

  it('takes index rows from a generator one slice at a time', () => {
    let made = 0;
    const rows = (function* () {
      for (let i = 0; i < COUNT; i++) {
        made++;
        yield candidate(i);
      }
    })();
    const seen: number[] = [];
    for (const s of commitPlan(SQLITE_DIALECT, 'c', 0, { full: true, candidates: rows })) {
      if (s.sql.startsWith('INSERT INTO resolve_candidates')) seen.push(made);
    }
    // When each statement is built, the generator has made only the rows of the slices so far.
    assert.deepEqual(seen, [ROWS_PER_STATEMENT, 2 * ROWS_PER_STATEMENT, COUNT]);
  });

  it('writes every row of a commit larger than one slice', async () => {
    const store = new SqliteStore(join(tempDir('cablegraph-commit-'), 'store.db'));
    await store.migrate();
    try {
      const { version } = await store.resolution.state('c');
      assert.equal((await store.resolution.commit('c', version, change)).ok, true);
      const keys = [...change.candidates!].map((c) => c.key);
      const rows = await store.resolution.indexedCandidates('c', { keys });
      assert.equal(rows.length, COUNT);
      const entityOf = await store.resolution.entityOfKeys('c', keys);
      assert.equal(entityOf.size, COUNT);
      assert.equal(entityOf.get(candidate(COUNT - 1).key), `e${COUNT - 1}`);
    } finally {
      await store.close();
    }
  });
});
