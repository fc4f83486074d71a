/**
 * ALL-CAPS sentences read with the casing mixed-case text would give them. Telexes, old cables, typewritten memos read
 * by OCR and many headlines are written in capitals, and a recognizer trained on mixed-case text finds few names there
 * ("KHALIFA" and "DARWISH" as two names, "THE MINISTRY" as one). Each word of such a sentence is given the form the
 * document's own mixed-case sentences write it in ("TAMIMI" -> "Tamimi" after "Tamimi's group"); a word they do not
 * write takes the form unlabelled text mostly gives it (the model's capitalisation buckets: "SHELLING" -> "shelling",
 * "BAGHDAD" -> "Baghdad"); an unknown word is a name ("JABOURI" -> "Jabouri"), or an acronym when three letters or
 * fewer ("LNA"). The tokens keep their offsets: names are still slices of the stored text.
 */
import type { Token } from '../tokenize.js';
import { isCapsSentence } from './headlines.js';
import { isFunctionWord } from './rules.js';

/** How the document's mixed-case sentences write each lower-cased word, away from a sentence's start. */
type Forms = Map<string, Map<string, number>>;

// Articles and the possessive clitic, lower case whatever the buckets say.
const ALWAYS_LOWER = new Set(['the', 'a', 'an', "'s", '’s']);

// A word right after these is written as a sentence start would be ("said: "The ...").
const OPENS = /^["'“‘(:\-–—]$/u;

function bodyForms(sentences: readonly (readonly Token[])[], caps: readonly boolean[]): Forms {
  const forms: Forms = new Map();
  sentences.forEach((ts, s) => {
    if (caps[s] || !ts.some((t) => /\p{Ll}/u.test(t.text))) return;
    for (let i = 1; i < ts.length; i++) {
      const w = ts[i]!.text;
      if (!/\p{L}/u.test(w) || OPENS.test(ts[i - 1]!.text)) continue;
      const lower = w.toLowerCase();
      let byForm = forms.get(lower);
      if (!byForm) forms.set(lower, (byForm = new Map()));
      byForm.set(w, (byForm.get(w) ?? 0) + 1);
    }
  });
  return forms;
}

/** "AL-TAMIMI" -> "Al-Tamimi", "O'BRIEN" -> "O'Brien": a capital at the start and after a hyphen or apostrophe. */
export function titleCase(word: string): string {
  return word.toLowerCase().replace(/(^|[-'’])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** The form of one word of an ALL-CAPS sentence (see the module comment). */
function caseWord(word: string, first: boolean, forms: Forms, capBuckets: ReadonlyMap<string, number>): string {
  // Abbreviations ("U.S."), numbers and codes keep their capitals.
  if (!/^[\p{Lu}'’-]+$/u.test(word) || !/\p{Lu}/u.test(word)) return word;
  const lower = word.toLowerCase();
  let form: string | undefined;
  const seen = forms.get(lower);
  if (seen) {
    let best = 0;
    for (const [f, n] of seen) if (n > best) [form, best] = [f, n];
  } else if (word === 'I') form = word;
  else if (ALWAYS_LOWER.has(lower) || isFunctionWord(lower)) form = lower;
  // No vowel: an acronym ("KDP", "BBC").
  else if (word.length > 1 && !/[AEIOUY]/u.test(word)) form = word;
  else {
    const bucket = capBuckets.get(lower);
    // 0-2: capitalised in under half of its uses mid-sentence; 3-4: in most.
    if (bucket !== undefined) form = bucket <= 2 ? lower : titleCase(word);
    else form = word.length <= 3 ? word : titleCase(word);
  }
  return first && form !== undefined ? form.charAt(0).toUpperCase() + form.slice(1) : form ?? word;
}

/**
 * The document's sentences with its ALL-CAPS sentences recased (other sentences are returned as given). In a
 * document with mixed-case sentences, only ALL-CAPS sentences of at least `minWords` words are recased (prose, not
 * headlines); a document written entirely in capitals is recased whole, from the buckets alone.
 */
export function truecaseCapsSentences(sentences: readonly Token[][], capBuckets: ReadonlyMap<string, number>, minWords = 0): Token[][] {
  const caps = sentences.map(isCapsSentence);
  if (!caps.includes(true)) return sentences as Token[][];
  const mixed = sentences.some((ts) => ts.some((t) => /\p{Ll}/u.test(t.text)));
  const forms = bodyForms(sentences, caps);
  return sentences.map((ts, s) => {
    if (!caps[s] || (mixed && ts.filter((t) => /\p{L}/u.test(t.text)).length < minWords)) return ts;
    let first = true;
    return ts.map((t) => {
      const text = caseWord(t.text, first, forms, capBuckets);
      if (/\p{L}/u.test(t.text)) first = false;
      return text === t.text ? t : { ...t, text };
    });
  });
}
