/** The mentions stage: the NER model's names, grouped within the document ("Soleimani" after "Qassem Soleimani") under one entity key. */
import type { Stage } from '../../model/index.js';
import { loadRecognizer, type NerSpan, type Recognizer } from '../../nlp/ner/index.js';
import { normalizeName, resolveWithinDocument, candidateKey } from '../../resolve/index.js';
import { retypeMentions } from './retype.js';
import { addDemonyms } from './demonyms.js';

/** Stage name under which mentions are stored. */
export const MENTIONS_STAGE = 'mentions';

/** Builds the mentions stage around a recognizer (default: the shipped model, loaded on first use). */
export function mentionsStage(recognizer?: Recognizer): Stage {
  let rec = recognizer;
  const get = (): Recognizer => (rec ??= loadRecognizer());
  return {
    name: MENTIONS_STAGE,
    get version() {
      return `${get().version}+retype@1+demonyms@1+within-doc@1`;
    },
    run(doc) {
      const found = retypeMentions(doc.text, get().recognize(doc.text, doc.sentences), doc.source);
      const spans = addDemonyms<NerSpan>(doc.text, found, (s) => s);
      const { clusters } = resolveWithinDocument(doc.text, spans);
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
