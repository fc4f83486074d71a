/** The names our mentions stage finds in a relation document's text, as ingest would find them (end-to-end runs). */
import type { Stage, StoredDocument } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import type { LabelledDoc } from './types.js';

/** Runs `stage` (mentionsStage()) on the document's text and sentences; mentions without an entity key are left out. */
export function predictedMentions(stage: Stage, doc: LabelledDoc): InputMention[] {
  const stored: StoredDocument = {
    id: doc.id, collection: 'eval', sha256: '', path: doc.id, parentId: null, format: 'text', mimeType: null, title: null, source: null,
    published: null, author: null, language: 'en', length: doc.text.length, ingestedAt: '', text: doc.text, sentences: doc.sentences,
    pages: [], meta: {}, warnings: [],
  };
  const found = (stage.run(stored, { mentions: [] }) as { mentions: { start: number; end: number; type: InputMention['type']; text: string; entityKey?: string }[] }).mentions;
  return found.filter((m) => m.entityKey).map((m) => ({ start: m.start, end: m.end, type: m.type, text: m.text, entityKey: m.entityKey! }));
}
