/** The mentions stage: the NER model's names in a document, each with its span, type and normalised name. */
import type { Stage } from '../../model/index.js';
import { loadRecognizer, type Recognizer } from '../../nlp/ner/index.js';
import { normalizeName } from '../../resolve/normalize.js';

/** Stage name under which mentions are stored. */
export const MENTIONS_STAGE = 'mentions';

/** Builds the mentions stage around a recognizer (default: the shipped model, loaded on first use). */
export function mentionsStage(recognizer?: Recognizer): Stage {
  let rec = recognizer;
  const get = (): Recognizer => (rec ??= loadRecognizer());
  return {
    name: MENTIONS_STAGE,
    get version() {
      return get().version;
    },
    run(doc) {
      const spans = get().recognize(doc.text, doc.sentences);
      return {
        mentions: spans.map((s) => ({
          documentId: doc.id, start: s.start, end: s.end, text: s.text, type: s.type,
          norm: normalizeName(s.text, s.type) || s.text.toLowerCase(),
          confidence: s.confidence,
        })),
      };
    },
  };
}
