/** Reading CoNLL-U treebanks (Universal Dependencies): basic trees only; multiword-token ranges and empty nodes skipped. */
import { readFileSync } from 'node:fs';

/** One syntactic word of a CoNLL-U sentence; `head` is 0-based, -1 for the root. */
export interface ConlluWord {
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: number;
  deprel: string;
  /** False when MISC says SpaceAfter=No (the next word follows without a space). */
  spaceAfter: boolean;
}

/** A multiword token ("don't" over the words "do" + "n't"): its surface form and the 0-based words it covers. */
export interface ConlluRange {
  form: string;
  first: number;
  last: number;
  spaceAfter: boolean;
}

/** One sentence: its words, multiword-token ranges and the `# text` comment when present. */
export interface ConlluSentence {
  id: string;
  text: string;
  words: ConlluWord[];
  ranges: ConlluRange[];
}

/** Parses CoNLL-U text; comment lines give `sent_id` and `text`, range lines `3-4` are kept aside, empty nodes `8.1` dropped. */
export function parseConllu(source: string): ConlluSentence[] {
  const out: ConlluSentence[] = [];
  let cur: ConlluSentence = { id: '', text: '', words: [], ranges: [] };
  const flush = (): void => {
    if (cur.words.length > 0) out.push(cur);
    cur = { id: '', text: '', words: [], ranges: [] };
  };
  for (const raw of source.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      // "# sent_id = answers-20111105112131AA6gIX6_ans-0001", "# text = Bush nominated ..."
      const m = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m) {
        if (m[1] === 'sent_id') cur.id = m[2]!;
        else cur.text = m[2]!;
      }
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 8) throw new Error(`CoNLL-U line with ${cols.length} columns: ${line.slice(0, 80)}`);
    const id = cols[0]!;
    const space = !/(?:^|\|)SpaceAfter=No(?:\||$)/.test(cols[9] ?? '');
    if (id.includes('.')) continue; // empty node of the enhanced graph
    const dash = id.indexOf('-');
    if (dash > 0) {
      cur.ranges.push({ form: cols[1]!, first: Number(id.slice(0, dash)) - 1, last: Number(id.slice(dash + 1)) - 1, spaceAfter: space });
      continue;
    }
    cur.words.push({
      form: cols[1]!,
      lemma: cols[2]!,
      upos: cols[3]!,
      xpos: cols[4]!,
      feats: cols[5]!,
      head: cols[6] === '_' ? -1 : Number(cols[6]) - 1,
      deprel: cols[7]!,
      spaceAfter: space,
    });
  }
  flush();
  return out;
}

/** Reads a CoNLL-U file. */
export function readConllu(path: string): ConlluSentence[] {
  return parseConllu(readFileSync(path, 'utf8'));
}
