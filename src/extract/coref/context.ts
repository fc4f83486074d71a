/** The recent discourse: the entities named (or referred to) in the last few sentences, and the lists they were named in. */
import type { EntityType } from '../../model/index.js';
import { PREPOSITIONS, isSubjectPosition, type Item } from './sentence.js';

/** One appearance of an entity: a name, or a reference already resolved to it. */
export interface Appearance {
  key: string;
  type: EntityType;
  start: number;
  end: number;
  /** Sentence index in the document. */
  sentence: number;
  /** Opens its clause (a likely subject). */
  subject: boolean;
  /** Possessor only: "Iran's militias". */
  possessor: boolean;
  /** After a preposition: "in Baghdad". */
  oblique: boolean;
  /** A resolved pronoun or description rather than a name. */
  viaReference: boolean;
  /** Index of its item in the sentence. */
  item: number;
  /** The named mention behind it: itself for a name, the antecedent's name for a resolved reference. */
  name: { start: number; end: number };
}

/** Entities named together: "Kataib Hezbollah, Asaib Ahl al-Haq and Badr" (distinct keys, text order). */
export interface NamedList {
  keys: string[];
  spans: { start: number; end: number }[];
  types: EntityType[];
  sentence: number;
  start: number;
  end: number;
}

/** How an appearance sits in its sentence. */
export function appearanceAt(items: readonly Item[], index: number, sentence: number): Appearance {
  const it = items[index]!;
  const m = it.mention!;
  const next = items[index + 1]?.lower;
  const prev = items[index - 1]?.lower ?? '';
  return {
    key: m.entityKey, type: m.type, start: it.start, end: it.end, sentence,
    subject: isSubjectPosition(items, index), possessor: next === "'s" || next === '’s' || next === "'",
    oblique: PREPOSITIONS.has(prev), viaReference: false, item: index, name: { start: it.start, end: it.end },
  };
}

// Words that join the members of a list: "X, Y and Z", "X or Y", "X as well as Y".
const JOINERS = new Set([',', 'and', 'or', '&', 'as', 'well']);

/** Lists of two or more distinct entities of one sentence, found in one pass over its items. */
export function namedLists(items: readonly Item[], sentence: number): NamedList[] {
  const lists: NamedList[] = [];
  let run: Item[] = [];
  let joined = true;
  const flush = (): void => {
    const keys = [...new Set(run.map((r) => r.mention!.entityKey))];
    if (keys.length >= 2) {
      const firstOf = keys.map((k) => run.find((r) => r.mention!.entityKey === k)!);
      lists.push({
        keys, spans: firstOf.map((r) => ({ start: r.start, end: r.end })), types: firstOf.map((r) => r.mention!.type),
        sentence, start: run[0]!.start, end: run[run.length - 1]!.end,
      });
    }
    run = [];
  };
  for (const it of items) {
    if (it.mention) {
      if (!joined || (run.length > 0 && run[0]!.mention!.type !== it.mention.type)) flush();
      run.push(it);
      joined = false;
    } else if (JOINERS.has(it.lower) || (it.lower === 'the' && run.length > 0)) {
      joined = run.length > 0;
    } else {
      flush();
      joined = true;
    }
  }
  flush();
  return lists;
}
