/** CSV export: RFC 4180 quoting, one row per relation with its first evidence sentence, determinism. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildEntitiesCsv, buildRelationsCsv, csvField } from '../../src/export/csv.js';
import type { ExportData } from '../../src/export/dataset.js';
import type { Store } from '../../src/store/store.js';
import { AWKWARD, awkwardData, extractedSample, parseCsv } from './fixtures.js';

describe('CSV export', () => {
  const quoting: [string, string][] = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['قاسم', 'قاسم'],
  ];
  for (const [input, expected] of quoting) {
    it(`quotes ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => assert.equal(csvField(input), expected));
  }

  it('round-trips awkward names and sentences through a strict parser', () => {
    const data = awkwardData();
    const relations = parseCsv(buildRelationsCsv(data));
    assert.equal(relations.length, 2);
    const row = Object.fromEntries(relations[0]!.map((h, i) => [h, relations[1]![i]]));
    assert.equal(row.source_name, AWKWARD.person);
    assert.equal(row.target_name, AWKWARD.org);
    assert.equal(row.evidence_text, AWKWARD.sentence);
    const entities = parseCsv(buildEntitiesCsv(data));
    assert.equal(entities[1]![2], AWKWARD.org);
    assert.equal(entities[1]![3], 'S&S, "the firm"');
  });

  describe('on the extracted sample corpus', () => {
    let store: Store;
    let data: ExportData;
    before(async () => ({ store, data } = await extractedSample()));
    after(() => store.close());

    it('writes one row per relation with names, counts, the first evidence sentence and its offsets', () => {
      const [header, ...rows] = parseCsv(buildRelationsCsv(data));
      assert.ok(data.relations.length > 10);
      assert.equal(rows.length, data.relations.length);
      const names = new Map(data.entities.map((e) => [e.id, e.name]));
      for (const [i, rel] of data.relations.entries()) {
        const row = Object.fromEntries(header!.map((h, j) => [h, rows[i]![j]]));
        assert.equal(row.id, rel.id);
        assert.equal(row.source_name, names.get(rel.source));
        assert.equal(row.target_name, names.get(rel.target));
        assert.equal(row.evidence_text, rel.evidence[0]!.text);
        assert.equal(Number(row.start), rel.evidence[0]!.start);
        assert.equal(Number(row.independent_sources), rel.independentSources);
        assert.equal(Number(row.evidence_count), rel.evidence.length);
      }
    });

    it('writes one row per entity', () => {
      const rows = parseCsv(buildEntitiesCsv(data));
      assert.equal(rows.length - 1, data.entities.length);
      assert.deepEqual(rows[0], ['id', 'type', 'name', 'aliases', 'mention_count', 'document_count', 'document_ids', 'collection']);
    });

    it('is byte-identical across two exports', async () => {
      const again = (await extractedSample());
      try {
        assert.equal(buildRelationsCsv(again.data), buildRelationsCsv(data));
        assert.equal(buildEntitiesCsv(again.data), buildEntitiesCsv(data));
      } finally {
        await again.store.close();
      }
    });
  });
});
