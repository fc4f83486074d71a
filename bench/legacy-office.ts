/**
 * Seconds per legacy Office file read through LibreOffice (handlers/ole.ts -> office/legacy.ts): a two-page Word 97
 * memo and a three-slide PowerPoint 97 deck, written by LibreOffice itself, read one after the other and then two at
 * once (two soffice processes, each with its own profile). soffice's start-up dominates, so the figure hardly depends
 * on the document. Run: node --import tsx bench/legacy-office.ts [rounds]
 */
import { loadavg } from 'node:os';
import { readDocument } from '../src/ingest/read-document.js';
import { flatPresentation, flatText, writeLegacyFixtures } from '../test/ingest/helpers/libreoffice-writer.js';

const ROUNDS = Number(process.argv[2] ?? 3);

const files = writeLegacyFixtures([
  { name: 'memo', as: 'doc', source: flatText(['The deputy minister met the envoy in Zürich.', '\fThe ledger shows the payments.'], { title: 'Memo' }) },
  { name: 'deck', as: 'ppt', source: flatPresentation([['Quarterly review'], ['The fund paid the contractor.'], ['The auditor reported it.']]) },
]);
const memo = files.get('memo')!;
const deck = files.get('deck')!;

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

const rows: Record<string, number[]> = { 'memo.doc alone': [], 'deck.ppt alone': [], 'memo.doc + deck.ppt at once (wall)': [] };
for (let round = 0; round < ROUNDS; round++) {
  rows['memo.doc alone']!.push(await seconds(() => readDocument('memo.doc', memo)));
  rows['deck.ppt alone']!.push(await seconds(() => readDocument('deck.ppt', deck)));
  rows['memo.doc + deck.ppt at once (wall)']!.push(await seconds(() => Promise.all([readDocument('memo.doc', memo), readDocument('deck.ppt', deck)])));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [name, xs] of Object.entries(rows)) {
  console.log(`${name.padEnd(36)} median ${median(xs).toFixed(2)} s  (runs: ${xs.map((x) => x.toFixed(2)).join(', ')})`);
}
console.log(`load average after the runs: ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${(await import('node:os')).cpus().length} cores`);
