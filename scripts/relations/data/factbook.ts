/**
 * CIA World Factbook profiles (public domain): the prose fields a reader of intelligence reporting meets (a country's
 * history, its security forces, the armed groups on its soil) as relation documents without labels. There are no gold
 * names: `withPredictedMentions` adds our recognizer's, so the sentences can be offered for hand annotation
 * (sentence-candidates.ts); the labels then keep the offered mention spans. 7 of every 10 countries (in file order)
 * are train, the other 3 dev.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mentionsStage } from '../../../src/extract/stages/mentions.js';
import { splitSentences } from '../../../src/nlp/sentences.js';
import { predictedMentions } from './predicted.js';
import { DATA_DIR, type LabelledDoc } from './types.js';

/** The fields read, by section: prose about history, security forces and armed groups. */
const FIELDS: [string, string][] = [
  ['Introduction', 'Background'],
  ['Military and Security', 'Military and security forces'],
  ['Military and Security', 'Military - note'],
  ['Terrorism', 'Terrorist group(s)'],
];

type Profile = Record<string, Record<string, { text?: string } | undefined> | undefined>;

/** Reads one split: one document per country, its fields as paragraphs (markup and notes' HTML stripped). */
export async function readFactbook(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const dir = join(DATA_DIR, 'factbook');
  const files = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    .flatMap((region) => readdirSync(join(dir, region)).filter((f) => f.endsWith('.json')).sort().map((f) => join(region, f)));
  return files.filter((_, i) => (i % 10 >= 7) === (split === 'dev')).flatMap((file) => {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
    const text = FIELDS.map(([s, f]) => profile[s]?.[f]?.text ?? '').map(clean).filter((t) => t.length > 0).join('\n\n');
    if (text.length === 0) return [];
    return [{ set: 'factbook', id: file.replace(/\.json$/, ''), split, text, sentences: splitSentences(text), mentions: [], gold: [], scope: [] }];
  });
}

/** Field text without HTML tags and entities, paragraphs kept. */
function clean(html: string): string {
  return html.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"').replace(/&#39;|&rsquo;/g, "'").replace(/[ \t]+/g, ' ').trim();
}

/** The documents with the names our English recognizer finds (its mentions stage, as ingest runs it). */
export function withPredictedMentions(docs: readonly LabelledDoc[]): LabelledDoc[] {
  const stage = mentionsStage();
  return docs.map((doc) => ({ ...doc, mentions: predictedMentions(stage, doc) }));
}
