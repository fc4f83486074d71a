/**
 * The streamed exports against the builders that loaded everything (loadExportData, buildJsonExport), on a real
 * ingested store of either engine with curation, grades and review decisions: byte for byte, for every format and option.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { SAMPLE_CORPUS } from '../helpers.js';
import { loadExportData, type ExportData, type ExportOptions } from '../../src/export/dataset.js';
import { buildJsonExport, writeJsonExport } from '../../src/export/json.js';
import { storeSource, collect, type ExportSource } from '../../src/export/source.js';
import { buildEntitiesCsv, buildRelationsCsv, writeEntitiesCsv, writeRelationsCsv } from '../../src/export/csv.js';
import { buildGexf, writeGexf } from '../../src/export/gexf.js';
import { buildFtm, writeFtm } from '../../src/export/ftm.js';
import { buildStix } from '../../src/export/stix.js';
import { writeStix } from '../../src/export/stix-stream.js';
import { parseGrade } from '../../src/network/curation/grade.js';
import { writeHub } from '../store/hub-fixture.js';

const byId = <T extends { id: string }>(items: T[]): T[] => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** A store of the sample corpus with a note, tags, a document grade, an accepted and a rejected relation, a rejected event and claim. */
export async function curatedSample(store: Store): Promise<void> {
  await ingestPaths([SAMPLE_CORPUS], { store, collection: 'iran-cables', stages: defaultStages(), finish: finishIngest });
  const scope = ALL_COLLECTIONS;
  const proposals = await store.reviews.proposals(scope);
  assert.ok(proposals.length >= 3, 'the sample has relation proposals');
  await store.reviews.decide(proposals[0]!.id, { verdict: 'rejected', by: 'ana', reason: 'not so' }, scope);
  await store.reviews.decide(proposals[1]!.id, { verdict: 'accepted', by: 'ana' }, scope);
  for (const kind of ['event', 'claim'] as const) {
    const facts = await store.reviews.facts.proposals(kind, scope);
    if (facts[0]) await store.reviews.facts.decide(kind, facts[0].id, { verdict: 'rejected', by: 'ben' }, scope);
  }
  const docs = (await store.listDocuments(scope, 3, 0)).items;
  await store.curation.setDocumentGrade(docs[0]!.id, docs[0]!.collection, { reliability: 'B', credibility: 2, by: 'ana' });
  const entity = (await store.listEntities(scope))[0]!;
  await store.curation.addNote(entity.collection, { kind: 'entity', id: entity.id }, 'checked, 2 sources', 'ana');
  await store.curation.addTag(entity.collection, { kind: 'entity', id: entity.id }, 'key', 'ana');
  await store.curation.addNote(docs[1]!.collection, { kind: 'document', id: docs[1]!.id }, 'a "leak"', null);
  const relation = (await store.listRelations(scope))[0]!;
  await store.curation.addTag(docs[0]!.collection, { kind: 'relation', id: relation.id }, 'follow-up', 'ana');
  // A second collection (a hub, its neighbours and a denied relation), for exports of one collection's scope.
  await writeHub(store, 'other', [3, 2, 1], 2);
}

/** The option sets every format is compared under. */
export const OPTION_SETS: ExportOptions[] = [
  { timestamp: '2020-01-03T00:00:00Z' },
  { timestamp: '2020-01-03T00:00:00Z', reviewedOnly: true },
  { timestamp: '2020-01-03T00:00:00Z', minGrade: parseGrade('B2') },
  { timestamp: '2020-01-03T00:00:00Z', includeRejected: true },
];

/** The JSON the loading builder made, its lists put in id order (the streamed export's order) and written as it was. */
async function loadedJson(store: Store, options: ExportOptions): Promise<string> {
  const whole = await buildJsonExport(store, ALL_COLLECTIONS, options) as Record<string, { id: string }[]>;
  for (const k of ['documents', 'entities', 'relations', 'events', 'claims']) whole[k] = byId(whole[k]!);
  return `${JSON.stringify(whole, null, 2)}\n`;
}

/** Registers the comparison for one engine; `open` makes an empty, migrated store. */
export function streamEquivalence(engine: string, open: () => Promise<Store>, close?: () => void): void {
  describe(`streamed exports equal the loading builders: ${engine}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
      await curatedSample(store);
    });
    after(async () => {
      await store?.close();
      close?.();
    });

    for (const options of OPTION_SETS) {
      const label = JSON.stringify({ ...options, timestamp: undefined });
      it(`json ${label}`, async () => {
        const expected = await loadedJson(store, options);
        // Pages of 7 items or rows: every list spans several pages, and merged relations end pages unevenly.
        for (const size of [7, 1000]) assert.equal(await collect(writeJsonExport(storeSource(store, ALL_COLLECTIONS, options, size), options)), expected);
        JSON.parse(expected);
      });
    }

    // The other formats: the builders over loadExportData (every list sorted by id) against the streamed writers.
    const builders: [string, (data: ExportData, o: ExportOptions) => string, (s: ExportSource, o: ExportOptions) => AsyncIterable<string>][] = [
      ['relations.csv', (d) => buildRelationsCsv(d), (s) => writeRelationsCsv(s)],
      ['entities.csv', (d) => buildEntitiesCsv(d), (s) => writeEntitiesCsv(s)],
      ['gexf', (d, o) => buildGexf(d, o), (s, o) => writeGexf(s, o)],
      ['ftm', (d) => buildFtm(d), (s) => writeFtm(s)],
      ['stix', (d, o) => buildStix(d, o), (s, o) => writeStix(s, o)],
    ];
    for (const [format, build, write] of builders) {
      for (const options of OPTION_SETS) {
        if (options.includeRejected && !format.endsWith('.csv')) continue;
        it(`${format} ${JSON.stringify({ ...options, timestamp: undefined })}`, async () => {
          const expected = build(await loadExportData(store, ALL_COLLECTIONS, options), options);
          for (const size of [7, 1000]) assert.equal(await collect(write(storeSource(store, ALL_COLLECTIONS, options, size), options)), expected, `pages of ${size}`);
        });
      }
    }

    for (const collections of [['iran-cables'], ['other']]) {
      const scope = { collections };
      const options = OPTION_SETS[0]!;
      it(`every format of the scope ${collections.join()} only`, async () => {
        const data = await loadExportData(store, scope, options);
        assert.ok(data.documents.length > 0 && data.relations.length > 0 && data.documents.every((d) => collections.includes(d.collection)));
        const whole = await buildJsonExport(store, scope, options) as Record<string, { id: string }[]>;
        for (const k of ['documents', 'entities', 'relations', 'events', 'claims']) whole[k] = byId(whole[k]!);
        assert.equal(await collect(writeJsonExport(storeSource(store, scope, options, 7), options)), `${JSON.stringify(whole, null, 2)}\n`);
        for (const [format, build, write] of builders) {
          assert.equal(await collect(write(storeSource(store, scope, options, 7), options)), build(data, options), format);
        }
      });
    }

    it('an empty scope: every format as the builders write it (empty lists, no nodes, a bundle of the producer only)', async () => {
      const scope = { collections: ['no-such-collection'] };
      const options = OPTION_SETS[0]!;
      const data = await loadExportData(store, scope, options);
      assert.equal(await collect(writeJsonExport(storeSource(store, scope, options), options)), `${JSON.stringify(await buildJsonExport(store, scope, options), null, 2)}\n`);
      for (const [format, build, write] of builders) assert.equal(await collect(write(storeSource(store, scope, options), options)), build(data, options), format);
    });

    it('exercises what it compares: rejected, reviewed, graded and curated items are present', async () => {
      const data = await loadExportData(store, ALL_COLLECTIONS, { includeRejected: true });
      assert.ok(data.relations.some((r) => (r as { rejected?: unknown }).rejected));
      assert.ok(data.relations.some((r) => r.review));
      assert.ok((data.notes?.size ?? 0) >= 2 && (data.tags?.size ?? 0) >= 2);
    });
  });
}
