/**
 * Every place a document was found, through the ingest pipeline on both engines (issue 13): a workbook with three
 * identical sheets lists three sheets, a mailbox whose two messages carry the same attachment lists it under both, and
 * the same file at two paths is one document with two locations whose stages ran once. A second run adds nothing.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { Stage } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { ingestPaths } from '../../src/pipeline.js';
import { tempDir } from '../helpers.js';
import { buildJsonExport, writeJsonExport } from '../../src/export/json.js';
import { collect, storeSource } from '../../src/export/source.js';
import { writeFtm } from '../../src/export/ftm.js';
import { buildStixBundle } from '../../src/export/stix.js';
import { writeStix } from '../../src/export/stix-stream.js';
import { loadExportData } from '../../src/export/dataset.js';
import { PG_BIN, TestServer, hasPostgres, databaseMaker } from '../store/pg-server.js';

const ROWS = [['Name', 'Role', 'Office'], ['Karim Haddad', 'Broker', 'Basra'], ['Leila Farahani', 'Courier', 'Tehran']];

/** An .xlsx whose three sheets hold the same cells under three names. */
function identicalSheets(): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const name of ['Staff', 'Staff (2)', 'Archive']) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(ROWS), name);
  return new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/** An mbox of two messages from two senders, each carrying the same ledger as an attachment. */
function sameAttachmentMbox(): string {
  const ledger = 'Ledger of payments: 40,000 dollars to the ministry contact in Basra, November 2019.';
  const message = (n: number, sender: string, file: string) => [
    `From ${sender}@example.org Mon Nov 18 10:0${n}:00 2019`,
    `From: ${sender} <${sender}@example.org>`, `Subject: Ledger, copy ${n}`, `Date: Mon, 18 Nov 2019 10:0${n}:00 +0000`,
    `Message-ID: <m${n}@example.org>`, 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b"', '',
    '--b', 'Content-Type: text/plain', '', `Message ${n}: see the ledger attached.`,
    '--b', `Content-Type: text/plain; name="${file}"`, `Content-Disposition: attachment; filename="${file}"`, '', ledger,
    '--b--', '',
  ].join('\n');
  return message(1, 'alice', 'ledger.txt') + message(2, 'bob', 'ledger-copy.txt');
}

/** A stage that counts the documents it ran on. */
function countingStage(): Stage & { seen: string[] } {
  const seen: string[] = [];
  return { name: 'count', version: '1', seen, run: (doc) => (seen.push(doc.path), {}) };
}

function locationsSuite(name: string, create: () => Promise<Store>): void {
  describe(`document locations through ingest (${name})`, () => {
    it('lists three identical sheets of a workbook as three sheets of one document', async () => {
      const dir = tempDir('cablegraph-locations-');
      const path = join(dir, 'staff_list.xlsx');
      writeFileSync(path, identicalSheets());
      const store = await create();
      try {
        const stage = countingStage();
        const summary = await ingestPaths([path], { store, collection: 'c', stages: [stage] });
        assert.equal(summary.documents, 2, 'the workbook and one sheet document');
        const root = (await store.listDocuments({ collections: ['c'] }, 10, 0)).items.find((d) => d.parentId === null)!;
        const sheets = await store.listChildren(root.id, { collections: ['c'] });
        assert.deepEqual(sheets.map((s) => [s.path, s.name]), [
          [`${path}#Archive`, 'Archive'], [`${path}#Staff`, 'Staff'], [`${path}#Staff (2)`, 'Staff (2)'],
        ]);
        assert.equal(new Set(sheets.map((s) => s.id)).size, 1, 'one document id');
        assert.deepEqual(stage.seen.sort(), [path, `${path}#Staff`], 'stages ran once on the sheet');
        const again = await ingestPaths([path], { store, collection: 'c', stages: [stage] });
        assert.deepEqual([again.unchanged, again.documents, stage.seen.length], [1, 0, 2]);
        assert.equal((await store.listChildren(root.id, { collections: ['c'] })).length, 3, 'nothing added by a second run');
      } finally {
        await store.close();
      }
    });

    it('lists an attachment under both messages that carry it', async () => {
      const dir = tempDir('cablegraph-locations-');
      const path = join(dir, 'box.mbox');
      writeFileSync(path, sameAttachmentMbox());
      const store = await create();
      try {
        const scope = { collections: ['c'] };
        await ingestPaths([path], { store, collection: 'c', batchDocuments: 2 });
        const docs = (await store.listDocuments(scope, 20, 0)).items;
        const box = docs.find((d) => d.parentId === null)!;
        const messages = await store.listChildren(box.id, scope);
        assert.deepEqual(messages.map((m) => m.path), [`${path}!/1.eml`, `${path}!/2.eml`]);
        const [first, second] = await Promise.all(messages.map((m) => store.listChildren(m.id, scope)));
        assert.deepEqual(first!.map((c) => c.name), ['ledger.txt']);
        assert.deepEqual(second!.map((c) => c.name), ['ledger-copy.txt']);
        assert.equal(first![0]!.id, second![0]!.id, 'one document');
        assert.equal(docs.length, 4, 'box, two messages, one ledger');
        const locations = await store.listLocations(first![0]!.id, scope);
        assert.deepEqual(locations.map((l) => [l.parentId, l.parentTitle]), [[messages[0]!.id, 'Ledger, copy 1'], [messages[1]!.id, 'Ledger, copy 2']]);
        // The bulk read gives the same, and the JSON export (streamed and whole) lists both places of the ledger.
        const bulk = await store.listLocationsOf([first![0]!.id, box.id, 'no-such-document'], scope);
        assert.deepEqual([...bulk.keys()].sort(), [box.id, first![0]!.id].sort());
        assert.deepEqual(bulk.get(first![0]!.id), locations);
        const places = [
          { path: `${path}!/1.eml!/ledger.txt`, parent: messages[0]!.id, name: 'ledger.txt' },
          { path: `${path}!/2.eml!/ledger-copy.txt`, parent: messages[1]!.id, name: 'ledger-copy.txt' },
        ];
        const streamed = JSON.parse(await collect(writeJsonExport(storeSource(store, scope, {}, 2)))) as { documents: { id: string; locations: unknown }[] };
        const whole = await buildJsonExport(store, scope) as { documents: { id: string; locations: unknown }[] };
        for (const exported of [streamed, whole]) {
          assert.deepEqual(exported.documents.find((d) => d.id === first![0]!.id)?.locations, places);
          assert.deepEqual(exported.documents.find((d) => d.id === box.id)?.locations, [{ path, parent: null, name: null }]);
        }
        // The FollowTheMoney export names the ledger by both file names and gives both paths.
        const ftm = (await collect(writeFtm(storeSource(store, scope, {}, 2)))).trim().split('\n').map((l) => JSON.parse(l) as { schema: string; properties: Record<string, string[]> });
        const ledger = ftm.find((e) => e.schema === 'Document' && e.properties.fileName?.includes('ledger.txt'))!;
        assert.deepEqual(ledger.properties.fileName, ['ledger.txt', 'ledger-copy.txt']);
        assert.match(ledger.properties.notes![0]!, /^SHA-256 [0-9a-f]{64}; .*1\.eml!\/ledger\.txt$/);
        assert.equal(ledger.properties.notes![1], `also found at ${places[1]!.path}`);
      } finally {
        await store.close();
      }
    });

    it('reads again a container stopped after a first batch of members all stored elsewhere', async () => {
      const dir = tempDir('cablegraph-locations-');
      const line = (n: number) => JSON.stringify({ title: `Dispatch ${n}`, text: `Dispatch ${n}: the ministry contact met the station chief in Basra.` });
      writeFileSync(join(dir, 'early.jsonl'), `${[1, 2].map(line).join('\n')}\n`);
      const full = join(dir, 'full.jsonl');
      writeFileSync(full, `${[1, 2, 3, 4].map(line).join('\n')}\n`);
      const store = await create();
      try {
        const scope = { collections: ['c'] };
        await ingestPaths([join(dir, 'early.jsonl')], { store, collection: 'c' });
        const controller = new AbortController();
        const stopped = await ingestPaths([full], {
          store, collection: 'c', batchDocuments: 3, signal: controller.signal,
          onProgress: (e) => { if (e.kind === 'documents' && e.through >= 3) controller.abort(); },
        });
        assert.deepEqual([stopped.interrupted, stopped.documents], [true, 1], 'only the root was new in the first batch');
        const resumed = await ingestPaths([full], { store, collection: 'c', batchDocuments: 3 });
        assert.deepEqual([resumed.ingested, resumed.documents], [1, 2], 'read again: records 3 and 4 stored');
        const root = (await store.findBySha256('c', (await store.listDocuments(scope, 20, 0)).items.find((d) => d.path === full)!.sha256))!;
        assert.deepEqual((await store.listChildren(root.id, scope)).map((c) => c.name), ['L1', 'L2', 'L3', 'L4']);
      } finally {
        await store.close();
      }
    });

    for (const readAhead of [true, false]) {
      it(`records the same file at two paths as two locations of one document, stages run once (read-ahead ${readAhead ? 'on' : 'off'})`, async () => {
        const dir = tempDir('cablegraph-locations-');
        const text = 'Cable 2019-11: the station chief met the ministry contact in Baghdad.\n';
        mkdirSync(join(dir, 'a'));
        mkdirSync(join(dir, 'b'));
        writeFileSync(join(dir, 'a', 'x.txt'), text);
        writeFileSync(join(dir, 'b', 'y.txt'), text);
        writeFileSync(join(dir, 'b', 'z.txt'), 'Another cable, about Basra.\n');
        const store = await create();
        try {
          const stage = countingStage();
          const summary = await ingestPaths([dir], { store, collection: 'c', stages: [stage], readAhead });
          assert.deepEqual([summary.ingested, summary.unchanged, summary.documents], [2, 1, 2]);
          assert.deepEqual(stage.seen.sort(), [join(dir, 'a', 'x.txt'), join(dir, 'b', 'z.txt')], 'stages ran once per content');
          const x = (await store.listDocuments({ collections: ['c'] }, 10, 0)).items.find((d) => d.path.endsWith('x.txt'))!;
          const locations = await store.listLocations(x.id, { collections: ['c'] });
          assert.deepEqual(locations.map((l) => [l.parentId, l.path]), [[null, join(dir, 'a', 'x.txt')], [null, join(dir, 'b', 'y.txt')]]);
          const again = await ingestPaths([dir], { store, collection: 'c', stages: [stage], readAhead });
          assert.deepEqual([again.ingested, again.unchanged, stage.seen.length], [0, 3, 2]);
          assert.equal((await store.listLocations(x.id, { collections: ['c'] })).length, 2);
          // The STIX report names both places, streamed and built alike.
          const scope = { collections: ['c'] };
          const streamed = JSON.parse(await collect(writeStix(storeSource(store, scope, {}, 1), { timestamp: '2026-01-01T00:00:00.000Z' }))) as { objects: { type: string; external_references?: { external_id: string }[]; x_cablegraph_paths?: string[] }[] };
          const report = streamed.objects.find((o) => o.type === 'report' && o.external_references?.[0]?.external_id === x.id);
          assert.deepEqual(report?.x_cablegraph_paths, [join(dir, 'a', 'x.txt'), join(dir, 'b', 'y.txt')]);
          const built = buildStixBundle(await loadExportData(store, scope), { timestamp: '2026-01-01T00:00:00.000Z' });
          assert.deepEqual(built.objects.find((o) => o.id === (report as { id?: string }).id)?.x_cablegraph_paths, report?.x_cablegraph_paths);
        } finally {
          await store.close();
        }
      });
    }
  });
}

locationsSuite('SQLite', async () => {
  const store = new SqliteStore(join(tempDir('cablegraph-locations-db-'), 'store.db'), { searchReaders: 0 });
  await store.migrate();
  return store;
});

if (!hasPostgres()) {
  describe('document locations through ingest (PostgreSQL)', () => {
    it('needs PostgreSQL 15 server binaries', { skip: `${PG_BIN}/initdb is absent: apt-get install postgresql (.ci/run does)` }, () => undefined);
  });
} else {
  const server = new TestServer();
  after(() => server.stop());
  const createDatabase = databaseMaker(server, 'cablegraph_locations_ingest');
  locationsSuite('PostgreSQL', async () => {
    const store = new PostgresStore(await createDatabase());
    await store.migrate();
    return store;
  });
}
