/**
 * `node --import tsx bench/table-growth.ts`: relations from a ledger's columns (src/extract/table-relations.ts) on a
 * generated CSV of 10,000 and 100,000 rows (0.5 and 5.1 MB), with a payer and a payee mention in every row. The time
 * must grow with the rows, not with their square (a sheet part holds 10,000 rows; a CSV file may hold many parts).
 */
import { tableRelations } from '../src/extract/table-relations.js';
import type { InputMention } from '../src/extract/types.js';

const times: number[] = [];
for (const n of [10_000, 100_000]) {
  let text = 'date,payer,payee,amount_usd\n';
  const mentions: InputMention[] = [];
  for (let i = 0; i < n; i++) {
    const [payer, payee] = [`Payer Company ${i % 500}`, `Payee Group ${i % 700}`];
    const row = `2022-01-15,${payer},${payee},${i}\n`;
    const a = text.length + row.indexOf(payer);
    const b = text.length + row.indexOf(payee);
    mentions.push({ start: a, end: a + payer.length, type: 'ORG', text: payer, entityKey: `p${i % 500}` });
    mentions.push({ start: b, end: b + payee.length, type: 'ORG', text: payee, entityKey: `q${i % 700}` });
    text += row;
  }
  const c0 = process.cpuUsage();
  const found = tableRelations({ documentId: 'd', text, sentences: [], mentions, dates: [], money: [] }, ',', 0.8);
  const c = process.cpuUsage(c0);
  times.push((c.user + c.system) / 1000);
  console.log(`${n} rows (${(text.length / 1e6).toFixed(1)} MB): ${found.length} relations, ${times.at(-1)!.toFixed(0)} ms CPU`);
}
console.log(`10x the rows: ${(times[1]! / times[0]!).toFixed(1)}x the time`);
