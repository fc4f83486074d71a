/**
 * Feature templates as data: a template is a salt (the hash of its name) chained with a few attribute values of the
 * configuration, `combine(combine(salt, a1), a2)`. The parser reads ~130 templates per transition; one tight loop per
 * template length keeps the hashing inlined and free of calls, where one long function of hash calls was the
 * parser's single largest cost.
 */
import { hashStr } from './hash.js';

/** A template: its name, then the indices of the attributes it chains, in order. */
export type TemplateDef = readonly [string, ...number[]];

/** Templates compiled for `applyTemplates`: per length 1-4, flat [output index, salt, attribute...] records. */
export interface Templates {
  readonly count: number;
  readonly byLength: readonly Int32Array[];
}

/** Compiles templates whose salts are hashStr(prefix + name); output k is template k. */
export function compileTemplates(prefix: string, defs: readonly TemplateDef[]): Templates {
  const byLength: number[][] = [[], [], [], [], []];
  defs.forEach(([name, ...attrs], k) => {
    if (attrs.length < 1 || attrs.length > 4) throw new Error(`template ${name}: 1 to 4 attributes`);
    byLength[attrs.length]!.push(k, hashStr(prefix + name) | 0, ...attrs);
  });
  return { count: defs.length, byLength: byLength.map((r) => Int32Array.from(r)) };
}

/** One hashing step, as `combine` in hash.ts but as a signed 32-bit value (the same bits). */
function step(h: number, x: number): number {
  const y = Math.imul(h ^ x, 0x9e3779b1);
  return y ^ (y >>> 16);
}

/** Writes every template's hash over the attribute values `a` to `out[k]`; returns the number of templates. */
export function applyTemplates(t: Templates, a: Int32Array, out: Uint32Array | Int32Array): number {
  const p1 = t.byLength[1]!;
  for (let i = 0; i < p1.length; i += 3) out[p1[i]!] = step(p1[i + 1]!, a[p1[i + 2]!]!);
  const p2 = t.byLength[2]!;
  for (let i = 0; i < p2.length; i += 4) out[p2[i]!] = step(step(p2[i + 1]!, a[p2[i + 2]!]!), a[p2[i + 3]!]!);
  const p3 = t.byLength[3]!;
  for (let i = 0; i < p3.length; i += 5) out[p3[i]!] = step(step(step(p3[i + 1]!, a[p3[i + 2]!]!), a[p3[i + 3]!]!), a[p3[i + 4]!]!);
  const p4 = t.byLength[4]!;
  for (let i = 0; i < p4.length; i += 6) {
    out[p4[i]!] = step(step(step(step(p4[i + 1]!, a[p4[i + 2]!]!), a[p4[i + 3]!]!), a[p4[i + 4]!]!), a[p4[i + 5]!]!);
  }
  return t.count;
}
