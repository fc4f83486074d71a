/** Word-level features: what one spelling contributes as the tagged word and as a neighbour, computed once per spelling. */
import { hashString, mixHash } from './hash.js';
import { caseClass, CaseClass, normalizeDigits, wordShape } from './word-shape.js';
import { gazetteerKey } from './gazetteer.js';
import type { Lexicon } from './features.js';

export const ARABIC_LETTER = /[\u0621-\u064a\u066e-\u06d3]/u;
const ARTICLE = /^(al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|abd|bani|bint|umm)[-‑](\p{Lu}[\p{L}\p{M}'’-]*)$/u;
/** Salts of the offsets -2 .. +2. */
export const SALT = [-2, -1, 0, 1, 2].map((o) => hashString(`ctx${o}`));
const H = (s: string): number => hashString(s);

/** What the extractor needs to know about one spelling, computed once and cached. */
export interface WordInfo {
  /** Hashes describing the word itself (used at position 0). */
  own: number[];
  /** The few hashes used when the word is a neighbour (lower form, shape, cluster, cap bucket). */
  ctx: number[];
  /** How many of `ctx` (its head) a word two positions away contributes. */
  far: number;
  lower: string;
  /** Gazetteer lookup form (lower case, no apostrophes). */
  key: string;
  /** Whether some gazetteer phrase begins with `key` (saves two map lookups per token when matching). */
  startsPhrase: boolean;
  lowerHash: number;
  shapeHash: number;
  caseClass: CaseClass;
  /** The tagger's cached weight sums for this spelling, valid for the weight table in `scoredBy`. */
  scores?: Float32Array;
  scoredBy?: object;
}

/** Attributes of one spelling under a model's lexicon (the extractor caches them per spelling). */
export function computeWordInfo(w: string, lexicon: Lexicon): WordInfo {
  const lower = w.toLowerCase();
  const norm = normalizeDigits(w);
  const lowerNorm = normalizeDigits(lower);
  // "al-Sistani", "bin-Laden": a lower-case Arabic article before a capitalised name. Shape and case come from the
  // name so it looks like "Sistani" (CoNLL has almost no such spellings), and it shares the name's lexical weight.
  const article = ARTICLE.exec(w);
  const shape = wordShape(article ? article[2]! : w);
  const caseless = lexicon.script === 'arabic' && ARABIC_LETTER.test(w);
  const cc = caseless ? CaseClass.Caseless : caseClass(article ? article[2]! : w);
  const own = [H(`w:${norm}`), H(`l:${lowerNorm}`), H(`s:${shape}`), H(`c:${cc}`)];
  if (article) own.push(H(`article:${article[1]!.toLowerCase()}`), H(`l:${article[2]!.toLowerCase()}`));
  const n = lower.length;
  for (let k = 1; k <= 4 && k < n; k++) own.push(H(`p${k}:${lower.slice(0, k)}`), H(`x${k}:${lower.slice(n - k)}`));
  if (n > 12) own.push(H('long'));
  if (caseless) arabicWordFeatures(lower, own);
  if (w.includes('-')) own.push(H(`hy:${cc}`));
  const dash = lower.indexOf('-');
  // "al-Maliki", "Abu-Mahdi": the part before the hyphen is a strong cue for Arabic names.
  if (dash > 0 && dash < n - 1) own.push(H(`pre-:${lower.slice(0, dash)}`), H(`-post:${normalizeDigits(lower.slice(dash + 1))}`));
  const ctx = [H(`l:${lowerNorm}`), H(`s:${shape}`)];
  const clusters = lexicon.clusters.get(w) ?? lexicon.clusters.get(lower);
  if (clusters) {
    for (let k = 0; k < clusters.length; k++) {
      const h = H(`k${k}:${clusters[k]}`);
      own.push(h);
      ctx.push(h);
    }
  } else own.push(H('k:none'));
  let far = 3;
  if (lexicon.glove?.size) {
    const g = lexicon.glove.get(lower);
    if (g) {
      // All levels for the word itself and its next neighbours; the coarsest also two positions away.
      for (let k = 0; k < g.length; k++) {
        const h = H(`g${k}:${g[k]}`);
        own.push(h);
        if (lexicon.gloveCase) own.push(mixHash(h, cc));
        if (k === 0) ctx.splice(clusters ? 3 : 2, 0, h);
        else ctx.push(h);
      }
      far = clusters ? 4 : 3;
    } else own.push(H('g:none'));
  }
  // "Falcons" ends team names, "Stadium" ends places: roles learnt from many names carry to unseen ones.
  const roles = lexicon.nameTokens?.get(lower) ?? 0;
  for (let b = 0; b < 12; b++) if (roles & (1 << b)) own.push(H(`nt:${b}`));
  if (roles) ctx.push(H(`nt:${roles}`));
  const cap = lexicon.capBuckets.get(lower);
  const capHash = H(`cb:${cap ?? 'unk'}`);
  own.push(capHash, mixHash(capHash, cc));
  ctx.push(capHash);
  if (n > 3) ctx.push(H(`x3:${lower.slice(n - 3)}`));
  const key = gazetteerKey(w);
  return { own, ctx, far, lower, key, startsPhrase: lexicon.gazetteer.startsPhrase(key), lowerHash: H(`l:${lowerNorm}`), shapeHash: H(`s:${shape}`), caseClass: cc };
}

/**
 * Attributes of a caseless Arabic-script word beyond the English set: the stem after the article ("الحکیم" ->
 * "حکیم"), five-letter affixes, length, and the part after the last ZWNJ (the plural "ها" of "سازمان‌ها").
 */
function arabicWordFeatures(w: string, out: number[]): void {
  const n = w.length;
  if (n > 4 && w.startsWith('ال')) {
    out.push(H(`al:${w.slice(2)}`));
    if (n > 5) out.push(H(`alx3:${w.slice(n - 3)}`));
  }
  if (n > 5) out.push(H(`p5:${w.slice(0, 5)}`), H(`x5:${w.slice(n - 5)}`));
  out.push(H(`len:${Math.min(n, 10)}`));
  if (w.includes('\u200c')) out.push(H(`zwnj:${w.slice(w.lastIndexOf('\u200c') + 1)}`));
}

/** Features a word contributes when it sits at offset `o` (-2, -1, 1, 2) from the token being tagged. */
export function neighbourFeatures(info: WordInfo, o: number): number[] {
  const salt = SALT[o + 2]!;
  const limit = o === -1 || o === 1 ? info.ctx.length : Math.min(info.ctx.length, info.far);
  const out: number[] = [];
  for (let k = 0; k < limit; k++) out.push(mixHash(info.ctx[k]!, salt));
  return out;
}
