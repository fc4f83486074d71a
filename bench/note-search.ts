/**
 * `[NOTES=20000] [ROUNDS=5] node --import tsx bench/note-search.ts`: note search by key (note_words, migration 19)
 * against the former search (every note of the scope read, each checked with the query), on a fresh SQLite store of
 * NOTES generated notes, the two alternating, same queries, same answers checked. Wall and CPU p50/p95 per search.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { parseQuery } from '../src/store/query.js';
import { matchingNotes, noteMatches } from '../src/network/curation/note-search.js';

const NOTES = Number(process.env.NOTES ?? 20000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const WORDS = ['payment', 'border', 'guard', 'ministry', 'envoy', 'courier', 'ledger', 'cash', 'meeting', 'source', 'denied', 'confirmed',
  'Baghdad', 'Tehran', 'Zürich', 'transfer', 'contract', 'vessel', 'cargo', 'port', 'customs', 'bribe', 'official', 'report'];
const QUERIES = ['payment', 'courier ledger', '"border guard"', 'bribe OR vessel', 'customs NOT cargo', 'zurich', 'trans*', 'NEAR(envoy meeting, 2)', 'absentword'];

const dir = mkdtempSync(join(tmpdir(), 'cablegraph-note-bench-'));
const store = new SqliteStore(join(dir, 'notes.db'), { searchReaders: 0 });
await store.migrate();
// Deterministic texts: 8-20 words each, drawn by a linear congruential sequence.
let seed = 12345;
const next = (n: number): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
for (let i = 0; i < NOTES; i++) {
  const words = Array.from({ length: 8 + next(13) }, () => WORDS[next(WORDS.length)]!);
  await store.curation.addNote(i % 2 === 0 ? 'a' : 'b', { kind: 'document', id: `doc-${i % 997}` }, `${words.join(' ')} #${i}.`, null);
}
const index = process.cpuUsage();
const t0 = performance.now();
await matchingNotes(store, '*', parseQuery('payment'), new Set(), 1); // indexes the queued notes
const indexCpu = process.cpuUsage(index);
console.log(`${NOTES} notes; indexing the queue: ${(performance.now() - t0).toFixed(0)} ms wall, ${((indexCpu.user + indexCpu.system) / 1000).toFixed(0)} ms CPU`);

const former = async (q: string) => (await store.curation.listNotes(['a'])).filter((n) => noteMatches(parseQuery(q), n.text)).reverse().slice(0, 20);
const byKey = (q: string) => matchingNotes(store, ['a'], parseQuery(q), new Set(), 20);
const times: Record<string, { wall: number[]; cpu: number[] }> = { former: { wall: [], cpu: [] }, byKey: { wall: [], cpu: [] } };
for (let r = 0; r < ROUNDS; r++) {
  for (const q of QUERIES) {
    const answers: number[][] = [];
    for (const [name, run] of Object.entries({ former, byKey })) {
      const c = process.cpuUsage();
      const t = performance.now();
      const found = await run(q);
      times[name]!.wall.push(performance.now() - t);
      const used = process.cpuUsage(c);
      times[name]!.cpu.push((used.user + used.system) / 1000);
      answers.push(found.map((n) => n.id));
    }
    if (JSON.stringify(answers[0]) !== JSON.stringify(answers[1])) throw new Error(`different answers for ${q}`);
  }
}
const pct = (values: number[]): string => {
  const s = [...values].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(1);
  return `p50 ${at(50)} p95 ${at(95)}`;
};
for (const [name, t] of Object.entries(times)) console.log(`${name}: wall ${pct(t.wall)} ms, CPU ${pct(t.cpu)} ms (${t.wall.length} searches, same answers)`);
await store.close();
rmSync(dir, { recursive: true, force: true });
