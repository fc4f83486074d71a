/** The mentions stage: the NER model's names, grouped within the document ("Soleimani" after "Qassem Soleimani") under one entity key. */
import type { Span, Stage } from '../../model/index.js';
import { loadRecognizer, type NerLanguage, type NerSpan, type Recognizer } from '../../nlp/ner/index.js';
import { readingView, readSpan } from '../../nlp/layout.js';
import { columnNames, findTables, nameUnits } from '../../nlp/tables.js';
import { normalizeName, resolveWithinDocument, candidateKey } from '../../resolve/index.js';
import { retypeMentions } from './retype.js';
import { addDemonyms } from './demonyms.js';
import { nameCompounds, typeReadAlone } from './compounds.js';
import { sentenceChunks } from './chunks.js';
import { recognizeByScript, type RecognizerFor } from './script-routing.js';

/** Stage name under which mentions are stored. */
export const MENTIONS_STAGE = 'mentions';

/**
 * Builds the mentions stage around a recognizer (default: the shipped English model, loaded on first use); Persian
 * and Arabic sentences go to `others` or the shipped fa/ar models, loaded only when a document has such sentences.
 */
export function mentionsStage(recognizer?: Recognizer, others: Partial<Record<NerLanguage, Recognizer>> = {}): Stage {
  let rec = recognizer;
  const get = (): Recognizer => (rec ??= loadRecognizer());
  const recognizerFor: RecognizerFor = (lang) => (lang === 'en' ? get() : (others[lang] ??= loadRecognizer(lang)));
  return {
    name: MENTIONS_STAGE,
    // tables@1: a table row read cell by cell, its header row without names (src/nlp/tables.ts).
    // caps@1: ALL-CAPS prose recased before recognition, and an auxiliary opening a question cut from a name (src/nlp/ner).
    get version() {
      return `${get().version}+caps@1+retype@4+compounds@1+demonyms@1+within-doc@4+layout@3+scripts@1+tables@1`;
    },
    run(doc) {
      // Names are found in the reading view (quote markers and wrapping line breaks read as spaces); offsets are the
      // stored text's, and a name wrapped over two lines is named as read ("Jean-Bernard\n> Lévy" -> "Jean-Bernard Lévy").
      const reading = readingView(doc.text);
      const tables = findTables(doc.text, reading);
      const recognized = recognizeInChunks(recognizerFor, reading, nameUnits(reading, doc.sentences, tables), doc.language);
      // A table's column names the kind of its cells: a cell the recognizer left without a name may take it.
      const inColumns = columnNames(tables, recognized);
      const all = inColumns.length === 0 ? recognized : [...recognized, ...inColumns].sort((a, b) => a.start - b.start || a.end - b.end);
      const retyped = retypeMentions(reading, all, doc.source);
      const found = nameCompounds(retyped, (name) => typeReadAlone(get(), name));
      const spans = insideSentences(addDemonyms<NerSpan>(reading, found, (s) => s), doc.sentences).map((s) => {
        const text = readSpan(doc.text, reading, s.start, s.end);
        return text === s.text ? s : { ...s, text };
      });
      const { clusters } = resolveWithinDocument(reading, spans);
      const keyOf = new Map<number, { key: string; norm: string }>();
      for (const c of clusters) {
        const key = candidateKey(doc.id, c);
        for (const i of c.mentionIndexes) keyOf.set(i, { key, norm: normalizeName(c.canonical, c.type) });
      }
      return {
        mentions: spans.map((s, i) => ({
          documentId: doc.id, start: s.start, end: s.end, text: s.text, type: s.type,
          norm: keyOf.get(i)?.norm || normalizeName(s.text, s.type) || s.text.toLowerCase(),
          entityKey: keyOf.get(i)?.key,
          confidence: s.confidence,
        })),
      };
    },
  };
}

/** The recognizers' names over a long text chunk by chunk (see chunks.ts); a text of one chunk is read whole. */
function recognizeInChunks(recognizerFor: RecognizerFor, text: string, sentences: Span[], language?: string | null): NerSpan[] {
  const chunks = sentenceChunks(sentences);
  if (chunks.length <= 1) return recognizeByScript(text, sentences, recognizerFor, language);
  const found: NerSpan[] = [];
  for (const chunk of chunks) for (const s of recognizeByScript(text, chunk, recognizerFor, language)) found.push(s);
  return found;
}

/** The spans (in text order) that lie inside a sentence: a nationality word in a sign-off or mail header is not a mention. */
function insideSentences<T extends Span>(spans: T[], sentences: readonly Span[]): T[] {
  let k = 0;
  return spans.filter((s) => {
    while (k < sentences.length && sentences[k]!.end < s.end) k++;
    const sentence = sentences[k];
    return sentence !== undefined && sentence.start <= s.start;
  });
}
