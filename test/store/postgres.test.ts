/** Runs the Store conformance suite against PostgresStore on a PostgreSQL 15 server this file starts and stops itself. */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { storeConformance, type StoreHarness } from './conformance.js';
import { keyReadsConformance } from './conformance-reads.js';
import { resolutionConformance } from './resolution-conformance.js';
import { duplicatesConformance } from './conformance-duplicates.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { documentIndex, quoteLexeme, toTsQuery, toLooseTsQuery } from '../../src/store/postgres/text-search.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { parseQuery, SearchTimeoutError } from '../../src/store/query.js';
import { searchCorpus } from './search-corpus.js';

const PG_BIN = process.env.CABLEGRAPH_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released for the server). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary, as the postgres user when we are root (the server refuses to run as root). */
function runServerBinary(binary: string, args: string[]): void {
  const quoted = [join(PG_BIN, binary), ...args].map((a) => `'${a.replace(/'/gu, `'\\''`)}'`).join(' ');
  execFileSync(asRoot ? 'su' : 'sh', asRoot ? ['postgres', '-s', '/bin/sh', '-c', quoted] : ['-c', quoted],
    { stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });
}

/** A throwaway cluster in a temp folder: started on first use (inside a test hook, so failures are reported), stopped after. */
class TestServer {
  // As root the server runs as postgres, which must be able to reach the folder: /tmp is world-traversable.
  private readonly root = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'cablegraph-pg-'));
  private readonly data = join(this.root, 'data');
  private readonly socket = join(this.root, 'run');
  private port: Promise<number> | undefined;

  /** The admin URL (database "postgres"), starting the server the first time. */
  async url(database = 'postgres'): Promise<string> {
    this.port ??= this.start();
    return `postgres://postgres@127.0.0.1:${await this.port}/${database}`;
  }

  private async start(): Promise<number> {
    const port = await freePort();
    chmodSync(this.root, 0o755);
    for (const [dir, mode] of [[this.data, '0700'], [this.socket, '0755']] as const) {
      execFileSync('install', ['-d', '-m', mode, ...(asRoot ? ['-o', 'postgres', '-g', 'postgres'] : []), dir]);
    }
    runServerBinary('initdb', ['-D', this.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    // fsync off: a test cluster holds nothing worth keeping through a crash, and it is much faster.
    runServerBinary('pg_ctl', ['-D', this.data, '-l', join(this.socket, 'postgres.log'), '-w', '-t', '60', '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${this.socket} -c fsync=off`, 'start']);
    return port;
  }

  /** Stops the server if it was started (also after a failed or half-done start) and removes the folder. */
  stop(): void {
    try {
      if (this.port && existsSync(join(this.data, 'postmaster.pid'))) runServerBinary('pg_ctl', ['-D', this.data, '-m', 'fast', '-w', 'stop']);
    } finally {
      rmSync(this.root, { recursive: true, force: true });
    }
  }
}

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

if (!existsSync(join(PG_BIN, 'initdb'))) {
  describe('Store conformance: PostgreSQL', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  const server = new TestServer();
  after(() => server.stop());
  let databases = 0;
  /** A new, empty database on the test server; returns its URL. */
  const createDatabase = async (): Promise<string> => {
    const name = `cablegraph_test_${++databases}`;
    const admin = new pg.Client({ connectionString: await server.url() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return server.url(name);
  };
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
