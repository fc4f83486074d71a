// Train-name lists for the Persian and Arabic models (src/nlp/ner/train-names.ts): every PER/ORG/LOC phrase of the
// labelled training text with its types and how often its occurrences are labelled a name; and the cross-fold
// lists training reads (fold k's documents see only the names of the other folds).
import { Gazetteer, gazetteerKey } from '../src/nlp/ner/gazetteer.js';
import { tagsToChunks } from '../src/nlp/ner/tags.js';
import { reliabilityBit, roleBit, roleKey, roleReliabilityBit, TRAIN_NAME_BITS } from '../src/nlp/ner/train-names.js';
import type { ConllDocument } from '../src/nlp/ner/conll.js';

const MAX_LEN = 6;
const TYPE_BIT: Record<string, number> = { PER: TRAIN_NAME_BITS.PER, ORG: TRAIN_NAME_BITS.ORG, LOC: TRAIN_NAME_BITS.LOC };

/** The train-name list of retokenised documents (tokens normalised as the recognizer sees them, tags PER/ORG/LOC). */
export function buildTrainNames(docs: readonly ConllDocument[]): Gazetteer {
  const types = new Map<string, number>();
  const named = new Map<string, number>();
  for (const d of docs) for (const s of d.sentences) {
    for (const c of tagsToChunks(s.tags)) {
      const bit = TYPE_BIT[c.type];
      if (!bit || c.end - c.start > MAX_LEN) continue;
      const key = s.tokens.slice(c.start, c.end).map(gazetteerKey).join(' ');
      types.set(key, (types.get(key) ?? 0) | bit);
      named.set(key, (named.get(key) ?? 0) + 1);
    }
  }
  // Occurrences of each listed phrase anywhere in the text, labelled or not.
  const seen = new Map<string, number>();
  for (const d of docs) for (const s of d.sentences) {
    const keys = s.tokens.map(gazetteerKey);
    for (let i = 0; i < keys.length; i++) {
      let key = '';
      for (let j = i; j < keys.length && j < i + MAX_LEN; j++) {
        key = j === i ? keys[i]! : `${key} ${keys[j]!}`;
        if (types.has(key)) seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
  }
  const g = new Gazetteer();
  for (const [key, mask] of types) g.add(key.split(' '), mask | reliabilityBit(named.get(key)!, seen.get(key) ?? 0));
  // NER_TOKEN_ROLES=0 leaves the token roles out (phrases only).
  if (process.env.NER_TOKEN_ROLES !== '0') addTokenRoles(g, docs);
  return g;
}

const TYPE_INDEX: Record<string, number> = { PER: 0, ORG: 1, LOC: 2 };

/** Adds each name token's roles (type and position B/I/L/U) and how often the token stands inside a name at all. */
function addTokenRoles(g: Gazetteer, docs: readonly ConllDocument[]): void {
  const roles = new Map<string, number>();
  const inName = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const d of docs) for (const s of d.sentences) {
    const keys = s.tokens.map(gazetteerKey);
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    for (const c of tagsToChunks(s.tags)) {
      const t = TYPE_INDEX[c.type];
      if (t === undefined) continue;
      for (let i = c.start; i < c.end; i++) {
        const p = c.end - c.start === 1 ? 3 : i === c.start ? 0 : i === c.end - 1 ? 2 : 1;
        roles.set(keys[i]!, (roles.get(keys[i]!) ?? 0) | roleBit(t, p));
        inName.set(keys[i]!, (inName.get(keys[i]!) ?? 0) + 1);
      }
    }
  }
  for (const [k, mask] of roles) g.add([roleKey(k)], mask | roleReliabilityBit(inName.get(k)!, seen.get(k) ?? 0));
  g.add([roleKey('')], 1);
}

/** For each document, the list built from the documents outside its fold (k contiguous blocks, so an article stays in one). */
export function crossFoldTrainNames(docs: readonly ConllDocument[], k: number): Gazetteer[] {
  const foldOf = (i: number): number => Math.floor((i * k) / docs.length);
  const lists = Array.from({ length: k }, (_, f) => buildTrainNames(docs.filter((_, i) => foldOf(i) !== f)));
  return docs.map((_, i) => lists[foldOf(i)]!);
}
