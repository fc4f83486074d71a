/**
 * `node --import tsx bench/resolve-blocks.ts [--sizes 500,2000,8000]`: cross-document clustering of organisations that
 * share their initials ("Mabeto Olidu Tarsi", key "ORG|acr:mot") with an acronym "MOT" seen alone, at growing sizes;
 * CPU time, CPU per name against the smallest size in the same run (linear stays near 1x, quadratic grows with the
 * size), and how many names the acronym's entity holds. Names are made up (deterministic).
 */
import { parseArgs } from 'node:util';
import { clusterEntities } from '../src/resolve/index.js';
import type { ResolveCandidate } from '../src/resolve/types.js';
import { seededRandom } from '../src/nlp/random.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '500,2000,8000' } } });
const sizes = values.sizes.split(',').map(Number);

const random = seededRandom; // the same names on every run
const word = (first: string, r: () => number): string => first + Array.from({ length: 4 + Math.floor(r() * 5) }, () => 'aeioubdklmnrst'[Math.floor(r() * 14)]).join('');

function candidates(n: number): ResolveCandidate[] {
  const r = random(n);
  const names = new Set<string>();
  while (names.size < n) names.add(`${word('M', r)} ${word('O', r)} ${word('T', r)}`);
  return [{ key: 'acr#ORG:mot', name: 'MOT', type: 'ORG', aliases: [], documentIds: ['acr'] },
    ...[...names].map((name, i) => ({ key: `d${i}#ORG:${name.toLowerCase()}`, name, type: 'ORG' as const, aliases: [], documentIds: [`d${i}`] }))];
}

const rows: { n: number; ms: number; perName: number; acronymEntity: number }[] = [];
for (const n of sizes) {
  const list = candidates(n);
  const t = process.cpuUsage();
  const { entities } = clusterEntities(list, []);
  const d = process.cpuUsage(t);
  const ms = (d.user + d.system) / 1000;
  rows.push({ n, ms, perName: ms / n, acronymEntity: entities.find((e) => e.members.includes('acr#ORG:mot'))?.members.length ?? 0 });
}
console.log('| names with the initials | CPU ms | CPU per name vs the smallest | members of the acronym\'s entity |');
console.log('|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.n} | ${r.ms.toFixed(0)} | ${(r.perName / rows[0]!.perName).toFixed(2)}x | ${r.acronymEntity} |`);
