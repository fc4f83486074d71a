/**
 * Names of the labelled training text as a list feature (Persian and Arabic models): a phrase's types (PER, ORG,
 * LOC bits) and how reliably its occurrences were labelled a name. Training reads, for each fold, the list built
 * from the other folds only, so the weights learn how far an unseen text can trust it; inference reads the list of
 * all training text.
 */
import { hashString } from './hash.js';
import type { Gazetteer } from './gazetteer.js';
import { SpellingCache } from '../spelling-cache.js';

/** Bits of a train-name mask: the types, then one reliability bucket (share of the phrase's occurrences labelled a name). */
export const TRAIN_NAME_BITS = { PER: 1, ORG: 2, LOC: 4, always: 8, mostly: 16, rarely: 32 } as const;
const TYPE_BITS: number[] = [TRAIN_NAME_BITS.PER, TRAIN_NAME_BITS.ORG, TRAIN_NAME_BITS.LOC];
const BUCKETS = [TRAIN_NAME_BITS.always, TRAIN_NAME_BITS.mostly, TRAIN_NAME_BITS.rarely];

/** The reliability bit of a phrase labelled a name `named` times out of `seen` occurrences. */
export function reliabilityBit(named: number, seen: number): number {
  const r = named / Math.max(seen, named, 1);
  return r >= 0.9 ? TRAIN_NAME_BITS.always : r >= 0.5 ? TRAIN_NAME_BITS.mostly : TRAIN_NAME_BITS.rarely;
}

// Hash per (type, position B/I/L/U, reliability bucket), and per (type, position) alone.
const FEATURE = TYPE_BITS.map((_, t) => ['B', 'I', 'L', 'U'].map((p) => [hashString(`tn:${t}:${p}`), ...BUCKETS.map((b) => hashString(`tn:${t}:${p}:${b}`))]));
const NONE: number[] = [];

/** Key under which a train-name list holds one token's roles (never equal to a token, so phrases do not match it). */
export const roleKey = (token: string): string => `\u0001${token}`;
const ROLE_MARKER = roleKey('');
// Role bits: type t (0-2) at position p (B/I/L/U, 0-3) is bit t * 4 + p; reliability buckets above them.
const ROLE_BUCKETS = [1 << 12, 1 << 13, 1 << 14];
/** The role bit of type index `t` (PER, ORG, LOC) at position `p` (B, I, L, U), and the role-reliability bits. */
export const roleBit = (t: number, p: number): number => 1 << (t * 4 + p);
/** Role-reliability bit: share of the token's occurrences inside a name (>= 0.9, >= 0.5, less). */
export const roleReliabilityBit = (inName: number, seen: number): number => {
  const r = inName / Math.max(seen, inName, 1);
  return ROLE_BUCKETS[r >= 0.9 ? 0 : r >= 0.5 ? 1 : 2]!;
};
const ROLE_FEATURE = Array.from({ length: 12 }, (_, b) => [hashString(`tr:${b}`), ...ROLE_BUCKETS.map((x) => hashString(`tr:${b}:${x}`))]);

/** What one lookup key means to a list: its role features and whether a listed phrase starts with it. */
interface KeyInfo {
  roles: readonly number[];
  starts: boolean;
}
// Per list, per key (cached: the same words recur, and each costs up to three map lookups and a string).
const KEY_INFO = new WeakMap<Gazetteer, SpellingCache<KeyInfo>>();
const PLAIN: KeyInfo = { roles: NONE, starts: false };

function keyInfo(list: Gazetteer, cache: SpellingCache<KeyInfo>, withRoles: boolean, key: string): KeyInfo {
  return cache.get(key, () => {
    const mask = withRoles ? list.lookup([roleKey(key)]) : 0;
    const starts = list.startsPhrase(key);
    if (!mask) return starts ? { roles: NONE, starts } : PLAIN;
    // Roles of single tokens inside names ("اسلامی" inside ORG names): they reach names the list does not hold whole.
    const b = Math.max(ROLE_BUCKETS.findIndex((x) => (mask & x) !== 0), 0);
    const roles: number[] = [];
    for (let bit = 0; bit < 12; bit++) if (mask & (1 << bit)) roles.push(ROLE_FEATURE[bit]![0]!, ROLE_FEATURE[bit]![1 + b]!);
    return { roles, starts };
  });
}

/**
 * Train-name features per token: each token's roles, and for each type of each longest listed phrase covering it,
 * its position in the phrase with and without the reliability bucket ("حزب الله" listed ORG, always: B and L
 * features of ORG).
 */
export function trainNameFeatures(list: Gazetteer, keys: readonly string[]): ReadonlyArray<readonly number[]> {
  let cache = KEY_INFO.get(list);
  if (!cache) KEY_INFO.set(list, (cache = new SpellingCache()));
  // A list with token roles holds the marker roleKey('') (lists without it cost no role lookups).
  const withRoles = list.lookup([ROLE_MARKER]) !== 0;
  const out: (readonly number[])[] = new Array<readonly number[]>(keys.length);
  let canStart: boolean[] | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keyInfo(list, cache, withRoles, keys[i]!);
    out[i] = k.roles;
    if (k.starts) (canStart ??= new Array<boolean>(keys.length).fill(false))[i] = true;
  }
  if (!canStart) return out;
  for (const m of list.match(keys, canStart)) {
    const t = TYPE_BITS.indexOf(m.mask);
    if (t < 0) continue;
    const mask = list.lookup(keys.slice(m.start, m.end));
    const b = Math.max(BUCKETS.findIndex((x) => (mask & x) !== 0), 0);
    const push = (i: number, pos: number): void => {
      const row = FEATURE[t]![pos]!;
      out[i] = [...out[i]!, row[0]!, row[1 + b]!];
    };
    if (m.end - m.start === 1) push(m.start, 3);
    else {
      push(m.start, 0);
      for (let k = m.start + 1; k < m.end - 1; k++) push(k, 1);
      push(m.end - 1, 2);
    }
  }
  return out;
}
