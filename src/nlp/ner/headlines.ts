/**
 * ALL-CAPS lines (headlines, cable subjects) carry no case information, so a name found there needs evidence from the
 * document's other sentences: the same words found as a name there give its type ("RAISI" after "Ebrahim Raisi" is
 * a person), and words the body writes in lower case are not part of any name ("IRAQ POSTPONES" after "postponed").
 */
import type { Token } from '../tokenize.js';
import type { Chunk } from './tags.js';
import type { DocumentChunks } from './consistency.js';
import { isCommonWord } from './rules.js';
import { gazetteerKey, gazetteerMask, type Gazetteer } from './gazetteer.js';
import type { Lexicon } from './features.js';

/** True when a sentence has letters in at least two tokens and none in lower case. */
export function isCapsSentence(tokens: readonly Token[]): boolean {
  let withLetters = 0;
  for (const t of tokens) {
    if (/\p{Ll}/u.test(t.text)) return false;
    if (/\p{Lu}/u.test(t.text)) withLetters++;
  }
  return withLetters >= 2;
}

// Words inside names that the body writes in lower case: "BANK OF ENGLAND", "ALI AL-SISTANI" keep them.
const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&', 'de', 'du', 'la', 'le', 'el', 'al', 'bin', 'ibn', 'von', 'van', 'der', 'da', 'di', 'y', "'s", '’s']);

/** What the sentences not in capitals say about words, lower-cased. */
interface BodyEvidence {
  /** Written in lower case somewhere, and the stems of those words ("postponed" -> "postpon"). */
  lower: Set<string>;
  lowerStems: Set<string>;
  /** Last words of the body's people ("Ebrahim Raisi" -> "raisi"). */
  surnames: Set<string>;
  /** Capitalised after a sentence's first word, or inside a name. */
  named: Set<string>;
  /** Words of each name found in the body -> votes per type. */
  names: Map<string, Map<string, number>>;
}

/** True for a title-case line ("Leaked Spy Cables Reveal How Iran Dominates"): its capitals say nothing either. */
function isTitleSentence(tokens: readonly Token[]): boolean {
  let capitalised = 0;
  for (const t of tokens) {
    if (t.text.length < 4 || !/\p{L}/u.test(t.text)) continue;
    if (/^\p{Ll}/u.test(t.text)) return false;
    capitalised++;
  }
  return capitalised >= 4;
}

function gather(doc: DocumentChunks, caps: readonly boolean[]): BodyEvidence {
  const ev: BodyEvidence = { lower: new Set(), lowerStems: new Set(), named: new Set(), names: new Map(), surnames: new Set() };
  doc.tokens.forEach((ts, s) => {
    // Prose only: a table row ("TORONTO 60 70 .462 16") is no evidence of how the text writes a word.
    if (caps[s] || !ts.some((t) => /\p{Ll}/u.test(t.text))) return;
    const title = isTitleSentence(ts);
    ts.forEach((t, i) => {
      const w = t.text.toLowerCase();
      if (t.text === w) {
        ev.lower.add(w);
        ev.lowerStems.add(stem(w));
      }
      else if (i > 0 && !title && /^\p{Lu}/u.test(t.text)) ev.named.add(w);
    });
    for (const c of doc.chunks[s]!) {
      const key = wordsOf(ts, c.start, c.end);
      for (let i = c.start; i < c.end; i++) ev.named.add(ts[i]!.text.toLowerCase());
      if (c.type === 'PER' && c.end - c.start > 1) ev.surnames.add(ts[c.end - 1]!.text.toLowerCase());
      let votes = ev.names.get(key);
      if (!votes) ev.names.set(key, (votes = new Map()));
      votes.set(c.type, (votes.get(c.type) ?? 0) + 1);
    }
  });
  return ev;
}

/** A crude English stem, enough to see "POSTPONES" in "postponed": -s, -es, -ed, -ing removed. */
function stem(w: string): string {
  return w.length > 4 ? w.replace(/(?:es|s|ed|ing)$/, '') : w;
}

const wordsOf = (ts: readonly Token[], start: number, end: number): string => ts.slice(start, end).map((t) => t.text.toLowerCase()).join(' ');

function majority(votes: Map<string, number>): string {
  let best = '';
  for (const [t, n] of votes) if (best === '' || n > votes.get(best)!) best = t;
  return best;
}

/**
 * Checks the chunks of ALL-CAPS sentences against the prose of the document (documents written all in capitals are
 * left alone): a chunk whose words the body names takes the body's type, a listed name stays; otherwise function
 * words, words unlabelled text never capitalises and words the body writes in lower case are cut from it ("IRAQ
 * POSTPONES" -> "IRAQ"), a piece the body names takes its type, a body person's surname is a person, and a chunk
 * left with none of its words is dropped. Measured on CoNLL-2003 dev (216 ALL-CAPS sentences, 312 names): F1 on those
 * sentences 0.852 -> 0.890.
 */
export function checkCapsLines(doc: DocumentChunks, lexicon: Lexicon): void {
  const caps = doc.tokens.map(isCapsSentence);
  if (!caps.includes(true) || !caps.includes(false)) return;
  const ev = gather(doc, caps);
  const { capBuckets, gazetteer } = lexicon;
  const common = (t: Token): boolean => {
    const w = t.text.toLowerCase();
    if (ev.named.has(w) || !/\p{L}/u.test(w) || CONNECTORS.has(w)) return false;
    if (isCommonWord(w, capBuckets)) return true;
    // Written in lower case by the body ("IRAQ POSTPONES" after "postponed"), and rarely capitalised in general.
    return (ev.lower.has(w) || ev.lowerStems.has(stem(w))) && (capBuckets.get(w) ?? 0) <= 1;
  };
  doc.chunks.forEach((cs, s) => {
    if (!caps[s] || cs.length === 0) return;
    const ts = doc.tokens[s]!;
    doc.chunks[s] = cs.flatMap((c) => {
      const votes = ev.names.get(wordsOf(ts, c.start, c.end));
      if (votes) return [{ ...c, type: majority(votes) }];
      if (listed(gazetteer, ts, c)) return [c];
      return pieces(c, ts, common).map((p) => {
        const key = wordsOf(ts, p.start, p.end);
        const v = ev.names.get(key);
        if (v) return { ...p, type: majority(v) };
        // "RAISI" after "Ebrahim Raisi": a person's surname, as resolveSurnames reads it in mixed case.
        return ev.surnames.has(key) ? { ...p, type: 'PER' } : p;
      });
    });
  });
}

const NAME_LISTS = gazetteerMask('PER', 'LOC', 'ORG', 'NAT');

/** True when the chunk's words are a listed name ("NEW YORK", "THE HAGUE"): the lists are evidence too. */
function listed(gazetteer: Gazetteer, ts: readonly Token[], c: Chunk): boolean {
  const keys: string[] = [];
  for (let i = c.start; i < c.end; i++) keys.push(gazetteerKey(ts[i]!.text));
  return (gazetteer.lookup(keys) & NAME_LISTS) !== 0;
}

/** The parts of a chunk left after cutting its common words ("of", "the" and other connectors are never cut). */
function pieces(c: Chunk, ts: readonly Token[], common: (t: Token) => boolean): Chunk[] {
  const out: Chunk[] = [];
  let start = -1;
  for (let i = c.start; i <= c.end; i++) {
    const cut = i === c.end || common(ts[i]!);
    if (!cut && start < 0) start = i;
    if (cut && start >= 0) {
      out.push({ ...c, start, end: i });
      start = -1;
    }
  }
  return out;
}
