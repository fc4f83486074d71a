// Reads the training sets and unlabelled text for NER training from /work/shared/data (nothing is copied into the repo).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readConll, type ConllDocument } from '../src/nlp/ner/conll.js';
import { chunksToBilou, MODEL_TAGS, tagsToChunks } from '../src/nlp/ner/tags.js';
import type { TrainingDocument } from '../src/nlp/ner/perceptron.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';

/** re3d types mapped to CoNLL's; the rest (Temporal, Money, Weapon, ...) are not names and become O. */
export const RE3D_TYPES: Record<string, string> = { Person: 'PER', Organisation: 'ORG', Location: 'LOC', Nationality: 'MISC' };

// re3d marks roles and titles inside names ("Iraqi President Fuad Masum") and descriptions ("the rebels"); CoNLL does not.
const LEADING_NOISE = /^(?:the|a|an|his|her|their|its|iraqi|syrian|iranian|us|u\.s\.|british|russian|turkish|president|prime|minister|foreign|defence|defense|secretary|general|gen\.?|lt\.?|col\.?|maj\.?|commander|leader|sheikh|mr\.?|mrs\.?|dr\.?|king|ambassador|senior|former|deputy|spokesman)$/i;

// A chunk edge in lower case means a description ("Shia militia fighters", "people of Iraq"), not a CoNLL name.
const LOWER_EDGE = /^(?!(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|bint|abu|de|van|von)-)\p{Ll}/u;

/**
 * Maps re3d chunks to CoNLL conventions: known types only, leading titles and determiners dropped ("Iraqi President
 * Fuad Masum" -> "Fuad Masum"); with `dropDescriptive`, sentences holding a descriptive chunk are dropped (for training).
 */
export function normaliseRe3d(docs: ConllDocument[], dropDescriptive = true): ConllDocument[] {
  return docs.map((d) => ({
    sentences: d.sentences.flatMap((s) => {
      let reject = false;
      const chunks = tagsToChunks(s.tags).flatMap((c) => {
        const type = RE3D_TYPES[c.type];
        if (!type) return [];
        let start = c.start;
        while (start < c.end - 1 && LEADING_NOISE.test(s.tokens[start]!)) start++;
        const toks = s.tokens.slice(start, c.end);
        if (!toks.some((t) => /^\p{Lu}/u.test(t))) return [];
        if (LOWER_EDGE.test(toks[0]!) || LOWER_EDGE.test(toks[toks.length - 1]!)) reject = true;
        return [{ start, end: c.end, type }];
      });
      if (reject && dropDescriptive) return [];
      const tags = new Array<string>(s.tokens.length).fill('O');
      for (const c of chunks) for (let i = c.start; i < c.end; i++) tags[i] = `${i === c.start ? 'B' : 'I'}-${c.type}`;
      return [{ tokens: s.tokens, tags }];
    }),
  }));
}

// re3d splits hyphens ("al - Qaeda", "Minister - designate"); our tokenizer and CoNLL keep "al-Qaeda" whole.
const JOINABLE_LEFT = /^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|abd)$/i;
// A dash between a word and one of these is punctuation ("civilians - have"), not a hyphen.
const FUNCTION_WORD = /^(?:and|or|but|have|has|had|my|in|on|at|that|this|especially|is|are|was|were|the|a|an|of|to|which|who|it|its|for|with|as|by|not)$/i;

/** Re-joins "word - word" inside one chunk (or outside any) where the left word is an Arabic article or the right is lower case. */
export function joinHyphens(docs: ConllDocument[]): ConllDocument[] {
  return docs.map((d) => ({
    sentences: d.sentences.map((s) => {
      const tokens: string[] = [];
      const tags: string[] = [];
      for (let i = 0; i < s.tokens.length; i++) {
        const [a, dash, b] = [s.tokens[i]!, s.tokens[i + 1], s.tokens[i + 2]];
        const sameChunk = s.tags[i + 1] !== undefined && s.tags[i + 2] !== undefined &&
          ((s.tags[i] === 'O' && s.tags[i + 1] === 'O' && s.tags[i + 2] === 'O') ||
            (s.tags[i] !== 'O' && s.tags[i + 1] === `I-${s.tags[i]!.slice(2)}` && s.tags[i + 2] === s.tags[i + 1]));
        if (dash === '-' && b !== undefined && sameChunk && /^\p{L}+$/u.test(a) && /^\p{L}+$/u.test(b) && (JOINABLE_LEFT.test(a) || (/^\p{Ll}/u.test(b) && !FUNCTION_WORD.test(a) && !FUNCTION_WORD.test(b)))) {
          tokens.push(`${a}-${b}`);
          tags.push(s.tags[i]!);
          i += 2;
        } else {
          tokens.push(a);
          tags.push(s.tags[i]!);
        }
      }
      return { tokens, tags };
    }),
  }));
}

/** Maps re3d's types to ours without any other change (for the "as annotated" score). */
export function mapRe3dTypes(docs: ConllDocument[]): ConllDocument[] {
  return docs.map((d) => ({
    sentences: d.sentences.map((s) => {
      const chunks = tagsToChunks(s.tags).filter((c) => RE3D_TYPES[c.type]);
      const tags = new Array<string>(s.tokens.length).fill('O');
      for (const c of chunks) for (let i = c.start; i < c.end; i++) tags[i] = `${i === c.start ? 'B' : 'I'}-${RE3D_TYPES[c.type]}`;
      return { tokens: s.tokens, tags };
    }),
  }));
}

/** Splits re3d's visible documents into our train part and a held-out part (every 4th document), deterministically. */
export function splitRe3d(docs: ConllDocument[]): { train: ConllDocument[]; heldOut: ConllDocument[] } {
  return { train: docs.filter((_, i) => i % 4 !== 1), heldOut: docs.filter((_, i) => i % 4 === 1) };
}

/** Converts CoNLL documents with PER/ORG/LOC/MISC tags into training documents with BILOU tag indices. */
export function toTrainingDocs(docs: ConllDocument[]): TrainingDocument[] {
  const index = new Map(MODEL_TAGS.map((t, i) => [t, i]));
  return docs.map((d) => ({
    sentences: d.sentences.map((s) => {
      const bilou = chunksToBilou(tagsToChunks(s.tags), s.tokens.length);
      return { tokens: s.tokens, gold: Int32Array.from(bilou, (t) => index.get(t) ?? 0) };
    }),
  }));
}

/**
 * Running text, not a title or list item: at least 6 tokens, 2 of them lower-case words. WikiANN's fragments
 * ("Shenango Township , Lawrence County , Pennsylvania") are mostly one name each; trained on, they teach that
 * any short capitalised line is a name, which is wrong for menus and headlines ("Home | World | Opinion").
 */
export function isRunningText(tokens: readonly string[]): boolean {
  let lower = 0;
  for (const t of tokens) if (/^\p{Ll}+$/u.test(t)) lower++;
  return tokens.length >= 6 && lower >= 2;
}

/**
 * Silver documents without some types (WikiANN has no MISC): capitalised tokens (with `anyToken`, all tokens)
 * labelled O may also be any tag of `freeTypes`,
 * the labelled names are fixed. Sentences whose names hold punctuation are dropped: WikiANN writes "Reagan County ,
 * Texas" as one LOC where CoNLL has two.
 */
export function toPartialDocs(docs: ConllDocument[], freeTypes: readonly string[], anyToken = false): TrainingDocument[] {
  const T = MODEL_TAGS.length;
  const free = MODEL_TAGS.map((t, i) => [t, i] as const).filter(([t]) => freeTypes.includes(t.slice(2))).map(([, i]) => i);
  return toTrainingDocs(docs.map((d) => ({
    sentences: d.sentences.filter((s) => tagsToChunks(s.tags).every((c) => s.tokens.slice(c.start, c.end).every((t) => /[\p{L}\p{N}]/u.test(t)))),
  }))).filter((d) => d.sentences.length > 0).map((d) => ({
    sentences: d.sentences.map((s) => {
      const allowed = new Uint8Array(s.tokens.length * T);
      // Only capitalised tokens may be an unlabelled MISC: else the best allowed sequence could make "Iraqi armed"
      // one MISC chunk, and the update would teach it.
      s.gold.forEach((g, i) => {
        allowed[i * T + g] = 1;
        if (g === 0 && (anyToken || /^\p{Lu}/u.test(s.tokens[i]!))) for (const f of free) allowed[i * T + f] = 1;
      });
      return { ...s, allowed };
    }),
  }));
}

/** Reads a CoNLL file if present. */
export function readIfPresent(path: string): ConllDocument[] {
  return existsSync(path) ? readConll(path) : [];
}

/** Plain text of every factbook field, HTML stripped. */
export function factbookTexts(dataDir: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' '));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  const root = join(dataDir, 'factbook');
  for (const region of readdirSync(root).sort()) {
    const dir = join(root, region);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) walk(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  }
  return out;
}

/** Tokenised sentences of unlabelled text: the factbook, re3d's documents, and the tokens of training sets. */
export function unlabelledSentences(dataDir: string, labelled: ConllDocument[]): string[][] {
  const out: string[][] = [];
  for (const text of factbookTexts(dataDir)) {
    for (const s of splitSentences(text)) out.push(tokenize(text, s.start, s.end).map((t) => t.text));
  }
  const re3dDocs = join(dataDir, 're3d/json/documents.jsonl');
  if (existsSync(re3dDocs)) {
    for (const line of readFileSync(re3dDocs, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const text = (JSON.parse(line) as { text: string }).text;
      for (const s of splitSentences(text)) out.push(tokenize(text, s.start, s.end).map((t) => t.text));
    }
  }
  for (const d of labelled) for (const s of d.sentences) out.push(s.tokens);
  // More text for the clusters only: the tags of these sets are not used (WikiANN is silver, WNUT is another scheme).
  for (const f of ['wikiann-en/train.txt', 'wnut17/train.txt']) for (const d of readIfPresent(join(dataDir, f))) for (const s of d.sentences) out.push(s.tokens);
  return out;
}

/** Buckets how often each lower-cased word is capitalised away from the start of mixed-case sentences. */
export function capitalisationBuckets(sentences: string[][]): Map<string, number> {
  const cap = new Map<string, number>();
  const all = new Map<string, number>();
  for (const s of sentences) {
    if (!s.some((t) => /\p{Ll}/u.test(t))) continue;
    for (let i = 1; i < s.length; i++) {
      const t = s[i]!;
      if (!/\p{L}/u.test(t) || /^["'(:-]$/.test(s[i - 1]!)) continue;
      const lower = t.toLowerCase();
      all.set(lower, (all.get(lower) ?? 0) + 1);
      if (/^\p{Lu}/u.test(t)) cap.set(lower, (cap.get(lower) ?? 0) + 1);
    }
  }
  const out = new Map<string, number>();
  for (const [w, n] of all) {
    if (n < 2) continue;
    const r = (cap.get(w) ?? 0) / n;
    out.set(w, r === 0 ? 0 : r < 0.1 ? 1 : r < 0.5 ? 2 : r < 0.95 ? 3 : 4);
  }
  return out;
}
