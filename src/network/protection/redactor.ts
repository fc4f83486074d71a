/**
 * Replaces the names of protected entities in any text: whole names, aliases, normalised names and surnames, matched
 * case-insensitively between word boundaries, with the separators inside a name free (a name wrapped over two lines
 * still matches). Two modes: `mask` keeps every length (API reads, whose offsets index the text the client receives),
 * `pseudonym` writes the pseudonym itself (exports).
 */
import { maskSpan } from './pseudonym.js';

/** One protected entity as the redactor sees it. */
export interface RedactionEntry {
  pseudonym: string;
  code: string;
  /** Names to hide: full names, aliases, normalised names, surnames. */
  terms: string[];
}

/** How a matched name is replaced. */
export type RedactionMode = 'mask' | 'pseudonym';

const SEPARATORS = /[\s.\-\u2010\u2011_]+/gu;
const LETTER_BEFORE = '(?<![\\p{L}\\p{N}\\p{M}])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}\\p{M}])';

/** A name as the lookup keys it: lower case, separators as one space. */
function keyOf(s: string): string {
  return s.toLowerCase().replace(SEPARATORS, ' ').trim();
}

/** A term as a pattern: literal characters, any run of separators where it has one. */
function patternOf(term: string): string {
  return keyOf(term).split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&')).join('[\\s.\\-\\u2010\\u2011_]+');
}

/** The regular expression over every term, longest first so a full name wins over its surname. */
function alternation(terms: Iterable<string>): string | null {
  const unique = [...new Set([...terms].map(keyOf).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return unique.length > 0 ? unique.map(patternOf).join('|') : null;
}

/** Rewrites text so that none of the protected names remains. */
export class Redactor {
  private readonly byKey = new Map<string, RedactionEntry>();
  private readonly pattern: RegExp | null;
  private readonly edges: RegExp | null;

  constructor(readonly entries: readonly RedactionEntry[], private readonly mode: RedactionMode) {
    const edgeTerms: string[] = [];
    for (const e of entries) {
      for (const t of e.terms) {
        const key = keyOf(t);
        if (key.length >= 2 && !this.byKey.has(key)) this.byKey.set(key, e);
        // A text cut inside a name (a snippet's first or last words) shows only part of it: those parts, at the ends.
        const words = key.split(' ');
        for (let i = 1; i < words.length; i++) {
          for (const part of [words.slice(0, i).join(' '), words.slice(i).join(' ')]) {
            if (part.length >= 2 && !this.byKey.has(part)) this.byKey.set(part, e);
            edgeTerms.push(part);
          }
        }
      }
    }
    const all = alternation(entries.flatMap((e) => e.terms));
    this.pattern = all ? new RegExp(`${LETTER_BEFORE}(?:${all})${LETTER_AFTER}`, 'giu') : null;
    const edge = alternation(edgeTerms);
    this.edges = edge ? new RegExp(`^(?:[^\\p{L}\\p{N}]{0,3})(?:${edge})${LETTER_AFTER}|${LETTER_BEFORE}(?:${edge})(?=[^\\p{L}\\p{N}]{0,3}$)`, 'giu') : null;
  }

  /** True when there is nothing to hide. */
  get empty(): boolean {
    return this.pattern === null;
  }

  /** The pseudonym when the whole string is one of the names (a name field), else undefined. */
  exact(s: string): string | undefined {
    if (this.pattern === null || s.length > 300) return undefined;
    return this.byKey.get(keyOf(s))?.pseudonym;
  }

  /** The text with every protected name replaced; `cut` also hides parts of names at its ends (a snippet). */
  text(s: string, cut = false): string {
    if (this.pattern === null || s.length < 2) return s;
    let out = s.replace(this.pattern, (m) => this.replacement(m));
    if (cut && this.edges) out = out.replace(this.edges, (m) => this.replacement(m));
    return out;
  }

  private replacement(match: string): string {
    // The edge pattern may take up to three leading characters of punctuation: they stay as they were.
    const from = Math.max(0, match.search(/[\p{L}\p{N}]/u));
    const core = match.slice(from);
    const entry = this.byKey.get(keyOf(core)) ?? this.entries[0]!;
    return match.slice(0, from) + (this.mode === 'pseudonym' ? entry.pseudonym : maskSpan(core, entry.code));
  }
}
