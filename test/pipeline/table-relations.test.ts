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

test('tables laid out inside a text report give their edges; no name comes from a header, no edge joins two cells by reading a row as a sentence; a cell the recognizer misses alone takes its column\'s type', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'report.txt'), [
    'PERSONNEL AND PAYMENTS, MARCH 2019',
    '',
    'The following officials attended the coordination meeting in Baghdad.',
    '',
    'Name                 Organisation                      Post',
    'Hassan Karimi        Ministry of Defence               Deputy Minister',
    'Layla Barzani        Kurdistan Regional Government     Adviser',
    'Omar Haddad          Central Bank of Iraq              Governor',
    '',
    'Payments recorded by the finance office:',
    '',
    'Date        Payer                     Payee                 Amount',
    '2019-03-02  Ministry of Defence       Omar Haddad           $12,000',
    '2019-03-09  Hassan Karimi             Layla Barzani         $4,500',
    '',
  ].join('\n'));
  const store = await openStore(join(dir, 'report.db'));
  try {
    await ingestPaths([join(dir, 'report.txt')], { store, collection: 'report', stages: defaultStages(), finish: finishIngest });
    const data = (await buildJsonExport(store, { collections: ['report'] })) as unknown as {
      entities: { id: string; name: string; type: string }[];
      relations: { type: string; source: string; target: string; confidence: number; roles?: string[]; amounts?: { amount: number }[]; evidence: { text: string }[] }[];
    };
    const name = new Map(data.entities.map((e) => [e.id, e.name]));
    const edges = data.relations.filter((r) => r.confidence >= 0.6).map((r) => `${r.type}(${name.get(r.source)} -> ${name.get(r.target)})`).sort();
    assert.deepEqual(edges, [
      'paid(Hassan Karimi -> Layla Barzani)',
      'paid(Ministry of Defence -> Omar Haddad)',
      'role_in(Hassan Karimi -> Ministry of Defence)',
      'role_in(Layla Barzani -> Kurdistan Regional Government)',
      'role_in(Omar Haddad -> Central Bank of Iraq)',
    ]);
    const types = new Map(data.entities.map((e) => [e.name, e.type]));
    assert.equal(types.get('Hassan Karimi'), 'PERSON');
    for (const header of ['Name', 'Organisation', 'Post', 'Payer', 'Payee', 'Amount']) assert.ok(!types.has(header), `${header} is no entity`);
    const karimi = data.relations.find((r) => r.type === 'role_in' && name.get(r.source) === 'Hassan Karimi')!;
    assert.equal(karimi.evidence[0]!.text, 'Hassan Karimi        Ministry of Defence               Deputy Minister');
  } finally {
    await store.close();
  }
});
