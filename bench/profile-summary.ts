/**
 * `node --import tsx bench/profile-summary.ts PROFILE.cpuprofile... [--top N]`: what the CPU profiles of one run (as
 * `node --cpu-prof --cpu-prof-dir=DIR ...` writes them, one file per thread) say: for each thread, its sampled time and the
 * share it was busy (not idle); then, over all threads, busy time by module (a folder of src/, a package of node_modules,
 * or the runtime's own entry such as the garbage collector). Used to find that a folder ingest kept one of two stage
 * workers busy (bench/RESULTS.md, "A folder of files keeps every worker busy"). `--callers NAME` also prints, for every
 * function of that name, its time with what it calls, by the chain of its three nearest callers (e.g. `--callers prepare`:
 * which reads prepared their SQL statements again per document).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber?: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '20' }, callers: { type: 'string' } } });
if (positionals.length === 0) throw new Error('usage: bench/profile-summary.ts PROFILE.cpuprofile... [--top N] [--callers NAME]');

/** The module a frame belongs to: src/<area>[/<part>], node_modules/<package>, or the runtime's entry name. */
function moduleOf(frame: ProfileNode['callFrame']): string {
  const url = frame.url.replace(/^file:\/\//u, '');
  const src = url.indexOf('/src/');
  if (src >= 0) {
    const parts = url.slice(src + 1).split('/');
    return parts.slice(0, parts[1] === 'extract' || parts[1] === 'nlp' ? 3 : 2).join('/');
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) return url.slice(nm + 1).split('/').slice(0, 2).join('/');
  if (frame.functionName.startsWith('RegExp:')) return '(regular expressions)';
  return frame.functionName || url || '(unknown)';
}

const byModule = new Map<string, number>();
const byCallers = new Map<string, number>();
let busyAll = 0;

/** Adds, for each node named `name`, its time with its callees to `out`, keyed by its three nearest callers. */
function addCallers(profile: Profile, nodes: Map<number, ProfileNode>, name: string, out: Map<string, number>): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = (id: number): number => (self.get(id) ?? 0) + (nodes.get(id)?.children ?? []).reduce((t, c) => t + total(c), 0);
  for (const n of profile.nodes) {
    if (n.callFrame.functionName !== name) continue;
    const chain: string[] = [];
    for (let p = parent.get(n.id), k = 0; p !== undefined && k < 3; p = parent.get(p), k++) {
      const f = nodes.get(p)!.callFrame;
      chain.push(`${f.functionName || '(anonymous)'}@${basename(f.url)}:${f.lineNumber ?? 0}`);
    }
    const key = chain.join(' < ');
    out.set(key, (out.get(key) ?? 0) + total(n.id));
  }
}
for (const file of positionals) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    busy += us;
    const m = moduleOf(frame);
    byModule.set(m, (byModule.get(m) ?? 0) + us);
  });
  busyAll += busy;
  if (values.callers) addCallers(profile, nodes, values.callers, byCallers);
  console.log(`${basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, busy ${((100 * busy) / Math.max(1, total)).toFixed(0)}%`);
}
console.log(`\nbusy time by module, over the profiles given (${(busyAll / 1e6).toFixed(1)} s):`);
for (const [m, us] of [...byModule].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  console.log(`${((100 * us) / Math.max(1, busyAll)).toFixed(1).padStart(5)}%  ${m}`);
}
if (values.callers) {
  console.log(`\n${values.callers}, with what it calls, by its nearest callers:`);
  for (const [chain, us] of [...byCallers].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${chain}`);
  }
}
