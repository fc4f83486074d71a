/** Runs the Store conformance suite against PostgresStore on a PostgreSQL 15 server this file starts and stops itself. */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { storeConformance, type StoreHarness } from './conformance.js';
import { keyReadsConformance } from './conformance-reads.js';
import { strongestConformance } from './conformance-strongest.js';
import { pageConformance } from './conformance-page.js';
import { membersConformance } from './conformance-members.js';
import { entityDocumentsConformance } from './conformance-entity-docs.js';
import { noteSearchConformance } from './conformance-note-search.js';
import { resolutionConformance } from './resolution-conformance.js';
import { duplicatesConformance } from './conformance-duplicates.js';
import { reviewConformance } from './review-conformance.js';
import { factReviewConformance } from './fact-review-conformance.js';
import { trustConformance } from './conformance-trust.js';
import { protectionConformance } from './conformance-protection.js';
import { curationConformance } from './conformance-curation.js';
import { locationsConformance } from './conformance-locations.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { documentIndex, quoteLexeme, toTsQuery, toLooseTsQuery } from '../../src/store/postgres/text-search.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { parseQuery, SearchTimeoutError } from '../../src/store/query.js';
import { searchCorpus } from './search-corpus.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from './pg-server.js';

describe('PostgreSQL text search compiler (no server needed)', () => {
  const cases: [string, string][] = [
    ['Soleimani', "'soleimani'"],
    ['Soleim*', "'soleim':*"],
    ['"intelligence cables"', "('intelligence' <-> 'cables')"],
    ['cables -Intercept', "('cables' & !'intercept')"],
    ['cables AND (Intercept OR agents)', "('cables' & ('intercept' | 'agents'))"],
    ['ministry NEAR/1 agents', "('ministry' <1> 'agents' | 'agents' <1> 'ministry' | 'ministry' <2> 'agents' | 'agents' <2> 'ministry')"],
    ['NEAR(a b, 99)', "('a' & 'b')"],
    ['قاسم سلیمانی', "('قاسم' & 'سلیمانی')"],
  ];
  for (const [query, expected] of cases) {
    it(`${query} -> ${expected}`, () => assert.equal(toTsQuery(parseQuery(query)), expected));
  }

  it('quotes lexemes so no input is query syntax', () => {
    assert.equal(quoteLexeme("o'brien\\"), "'o''brien\\\\'");
  });

  it('drops positions for ranking long documents', () => {
    assert.equal(toLooseTsQuery(parseQuery('"red ledger" -NEAR(a b, 2)')), "(('red' & 'ledger') & !('a' & 'b'))");
  });

  it('indexes title words (A) and text words (D) with a gap between them', () => {
    assert.deepEqual(documentIndex('Quds Force', 'Quds leader'), { vector: "'quds':1A,13D 'force':2A 'leader':14D", exact: true, windows: [] });
  });

  it('adds overlapping windows when a text outgrows one tsvector', () => {
    const index = documentIndex('', 'the end '.repeat(300));
    assert.equal(index.exact, false, 'the passes 256 positions');
    assert.equal(index.windows.length, 1);
    const long = documentIndex('', 'word '.repeat(5000));
    assert.deepEqual([long.exact, long.windows.length], [false, 3]);
  });
});

if (!hasPostgres()) {
  describe('Store conformance: PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  const server = new TestServer();
  after(() => server.stop());
  /** A new, empty database on the test server; returns its URL. */
  const createDatabase = databaseMaker(server);
  const harness: StoreHarness = {
    async create() {
      const store = new PostgresStore(await createDatabase());
      await store.migrate();
      return store;
    },
    async corruptOriginal(store, sha256) {
      const client = new pg.Client({ connectionString: (store as PostgresStore).url });
      await client.connect();
      try {
        await client.query('UPDATE originals SET bytes = $1 WHERE sha256 = $2', [Buffer.from('tampered'), sha256]);
      } finally {
        await client.end();
      }
    },
  };
  storeConformance('PostgreSQL', harness);
  keyReadsConformance('PostgreSQL', harness);
  reviewConformance('PostgreSQL', harness.create);
  factReviewConformance('PostgreSQL', harness.create);
  strongestConformance('PostgreSQL', harness);
  pageConformance('PostgreSQL', harness);
  membersConformance('PostgreSQL', harness);
  entityDocumentsConformance('PostgreSQL', harness);
  noteSearchConformance('PostgreSQL', harness);

  resolutionConformance('PostgreSQL', async () => {
    const store = new PostgresStore(await createDatabase());
    await store.migrate();
    return store;
  });

  duplicatesConformance('PostgreSQL', harness.create, async (store, sql) => {
    const client = new pg.Client({ connectionString: (store as PostgresStore).url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  });

  trustConformance('PostgreSQL', harness.create, async (store, sql) => {
    const client = new pg.Client({ connectionString: (store as PostgresStore).url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  });

  protectionConformance('PostgreSQL', harness.create);
  curationConformance('PostgreSQL', harness.create);
  locationsConformance('PostgreSQL', harness, async (store, sql) => {
    const client = new pg.Client({ connectionString: (store as PostgresStore).url });
    await client.connect();
    try {
      return (await client.query<Record<string, unknown>>(sql)).rows;
    } finally {
      await client.end();
    }
  });

  describe('PostgreSQL migrations', () => {
    it('migrates once when several processes start together, and refuses a newer schema', async () => {
      const url = await createDatabase();
      const stores = [new PostgresStore(url), new PostgresStore(url), new PostgresStore(url)];
      try {
        await Promise.all(stores.map((s) => s.migrate()));
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
          assert.deepEqual(applied.rows.map((r) => r.version), PG_MIGRATIONS.map((m) => m.version));
          await client.query("INSERT INTO schema_migrations (version, description) VALUES (999, 'from the future')");
        } finally {
          await client.end();
        }
        await assert.rejects(stores[0]!.migrate(), /newer Cablegraph \(schema 999/u);
      } finally {
        await Promise.all(stores.map((s) => s.close()));
      }
    });

    it('upgrades a version-1 store in place, keeping its documents searchable', async () => {
      const url = await createDatabase();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
        await client.query(PG_MIGRATIONS[0]!.sql);
        await client.query("INSERT INTO schema_migrations (version, description) VALUES (1, 'version 1')");
        await client.query(`INSERT INTO documents (id, collection, sha256, path, format, text, length, sentences, ingested_at, fts)
          VALUES ('d1', 'old', 'h1', 'old.txt', 'text', 'The red ledger.', 15, '[]', '2026-01-01T00:00:00Z', $1::tsvector)`,
        [documentIndex('', 'The red ledger.').vector]);
      } finally {
        await client.end();
      }
      const store = new PostgresStore(url);
      try {
        await store.migrate();
        const res = await store.search({ query: parseQuery('"red ledger"'), limit: 10, offset: 0 }, ALL_COLLECTIONS);
        assert.deepEqual(res.results.map((r) => r.document.path), ['old.txt']);
      } finally {
        await store.close();
      }
    });
  });

  describe('PostgreSQL search budget', () => {
    it('cancels a search past its budget (statement_timeout) with SearchTimeoutError, and then answers others', async () => {
      const url = await createDatabase();
      const tight = new PostgresStore(url, { searchBudgetMs: 1 });
      const normal = new PostgresStore(url);
      try {
        await normal.migrate();
        await normal.putDocuments(searchCorpus(300));
        // Within every limit, yet heavy here: NEAR of 8 common words at distance 50 expands to 28 pairs x 102 orders and
        // distances (unbudgeted it took 88.7 s on these 300 documents).
        const request = { query: parseQuery('NEAR(the of and to in a is for, 50)'), limit: 10, offset: 0 };
        await assert.rejects(tight.search(request, ALL_COLLECTIONS), (err: unknown) =>
          err instanceof SearchTimeoutError && /^The search took longer than 1 ms and was stopped; narrow the query/u.test(err.message));
        const start = performance.now();
        await assert.rejects(normal.search(request, ALL_COLLECTIONS), /^SearchTimeoutError: The search took longer than 2 s/u);
        assert.ok(performance.now() - start < 10_000, 'cancelled at the default budget of 2 s, not run to the end');
        assert.ok((await normal.search({ ...request, query: parseQuery('NEAR(ministry agents, 5)') }, ALL_COLLECTIONS)).total >= 0);
        assert.equal((await tight.listDocuments(ALL_COLLECTIONS, 1, 0)).total, 300, 'the cancelled transaction left its pool usable');
      } finally {
        await tight.close();
        await normal.close();
      }
    });
  });
}
