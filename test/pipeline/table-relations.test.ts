// A ledger (CSV) and a roster (TSV) ingested with every stage: their rows become edges, each citing its row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { ingestPaths, defaultStages, finishIngest } from '../../src/pipeline.js';
import { buildJsonExport } from '../../src/export/json.js';
import { tempDir } from '../helpers.js';

test('a CSV ledger gives paid edges with their amounts, a TSV roster role_in edges with their posts', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'ledger.csv'), 'date,payer,payee,amount_usd,memo\n2022-01-15,Halcyon Trading Company,Zulfiqar Brigade,50000,security services\n2022-02-20,Badr Foundation,Saraya al-Nour,120000,operations\n');
  writeFileSync(join(dir, 'roster.tsv'), 'Name\tPosition\tOrganisation\nAdel Mansouri\tCommander\tZulfiqar Brigade\nOmid Rahbar\tAdviser\tMinistry of Defence\n');
  const store = await openStore(join(dir, 'tables.db'));
  try {
    await ingestPaths([join(dir, 'ledger.csv'), join(dir, 'roster.tsv')], { store, collection: 'tables', stages: defaultStages(), finish: finishIngest });
    const data = (await buildJsonExport(store, { collections: ['tables'] })) as unknown as {
      entities: { id: string; name: string }[];
      relations: { type: string; source: string; target: string; amounts?: { amount: number; currency: string }[]; rules?: string[]; evidence: { text: string }[] }[];
    };
    const name = new Map(data.entities.map((e) => [e.id, e.name]));
    const edges = data.relations.map((r) => `${r.type}(${name.get(r.source)} -> ${name.get(r.target)})`);
    for (const e of ['paid(Halcyon Trading Company -> Zulfiqar Brigade)', 'paid(Badr Foundation -> Saraya al-Nour)', 'role_in(Adel Mansouri -> Zulfiqar Brigade)']) {
      assert.ok(edges.includes(e), `${e} in ${edges.join('; ')}`);
    }
    const halcyon = data.relations.find((r) => r.type === 'paid' && name.get(r.source) === 'Halcyon Trading Company')!;
    assert.equal(halcyon.evidence[0]!.text, '2022-01-15,Halcyon Trading Company,Zulfiqar Brigade,50000,security services');
    assert.deepEqual(halcyon.amounts?.map((a) => [a.amount, a.currency]), [[50000, 'USD']]);
    assert.deepEqual(halcyon.rules, ['table:ledger']);
  } finally {
    await store.close();
  }
});
