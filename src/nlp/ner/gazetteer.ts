/** Multi-token gazetteer lookup: phrases of lower-cased tokens, each with a bit mask of the lists it is on. */

/** The list classes a phrase can belong to; the index is its bit in a mask. W*: names from WikiANN's silver training labels. */
export const GAZETTEER_CLASSES = ['PER', 'FIRST', 'LAST', 'LOC', 'NAT', 'ORG', 'TITLE', 'ORGWORD', 'NAMETOK', 'WPER', 'WORG', 'WLOC'] as const;
/** One of the list classes. */
export type GazetteerClass = (typeof GAZETTEER_CLASSES)[number];

/** One match: tokens [start, end) form a listed phrase of the classes in `mask`. */
export interface GazetteerMatch {
  start: number;
  end: number;
  mask: number;
}

/** A set of phrases (lower-cased token sequences) with their classes; a flat map so loading is one pass over lines. */
export class Gazetteer {
  private readonly phrases = new Map<string, number>();
  /** Proper prefixes of phrases, so a scan stops as soon as no phrase can continue. */
  private readonly prefixes = new Set<string>();

  /** Number of phrases. */
  get size(): number {
    return this.phrases.size;
  }

  /** Adds a phrase given as lower-cased tokens to the classes in `mask`. */
  add(tokens: readonly string[], mask: number): void {
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    this.phrases.set(key, (this.phrases.get(key) ?? 0) | mask);
    let prefix = tokens[0]!;
    for (let k = 1; k < tokens.length; k++) {
      this.prefixes.add(prefix);
      prefix += ' ' + tokens[k]!;
    }
  }

  /**
   * Finds, for each class, the longest matches scanning left to right (a class's matches never overlap; classes may).
   * "Ministry of Intelligence and National Security" -> ORG over all six tokens, LOC nowhere.
   * `canStart[i]` false skips position i (the caller knows from startsPhrase that no phrase begins there).
   */
  match(tokens: readonly string[], canStart?: readonly boolean[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    const C = GAZETTEER_CLASSES.length;
    const blockedUntil = new Int32Array(C);
    const longest = new Int32Array(C);
    for (let i = 0; i < tokens.length; i++) {
      if (canStart && !canStart[i]) continue;
      let key = tokens[i]!;
      const mask0 = this.phrases.get(key);
      if (mask0 === undefined && !this.prefixes.has(key)) continue;
      longest.fill(0);
      let any = false;
      for (let j = i; ; ) {
        const mask = j === i ? mask0 : this.phrases.get(key);
        if (mask) {
          for (let c = 0; c < C; c++) if (mask & (1 << c)) longest[c] = j + 1;
          any = true;
        }
        if (++j >= tokens.length || !this.prefixes.has(key)) break;
        key += ' ' + tokens[j]!;
      }
      if (!any) continue;
      for (let c = 0; c < C; c++) {
        const end = longest[c]!;
        if (end > 0 && i >= blockedUntil[c]!) {
          out.push({ start: i, end, mask: 1 << c });
          blockedUntil[c] = end;
        }
      }
    }
    return out;
  }

  /** True when some phrase begins with this token (a one-token phrase or a longer one's first token). */
  startsPhrase(token: string): boolean {
    return this.phrases.has(token) || this.prefixes.has(token);
  }

  /** Mask of the lists an exact phrase (lookup-form tokens) is on; 0 when on none. */
  lookup(tokens: readonly string[]): number {
    return this.phrases.get(tokens.join(' ')) ?? 0;
  }

  /** Lists every phrase with its mask, sorted, for serialisation. */
  entries(): Array<[string, number]> {
    return [...this.phrases].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  }
}

/** The form a token is looked up under: lower case without apostrophes ("Asa'ib" and "Asaib" meet). */
export function gazetteerKey(token: string): string {
  const lower = token.toLowerCase();
  return /['’`]/.test(lower) ? lower.replace(/['’`]/g, '') || lower : lower;
}

/** Builds a mask from class names. */
export function gazetteerMask(...classes: GazetteerClass[]): number {
  let m = 0;
  for (const c of classes) m |= 1 << GAZETTEER_CLASSES.indexOf(c);
  return m;
}
