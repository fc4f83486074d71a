/**
 * Re-DocRED dev (Wikipedia introductions, 96 Wikidata relations; MIT): only the dev part is available, so it is split
 * here by document: 7 of every 10 for training, the other 3 for checking. Only relations whose two entities are named
 * in one of the label's evidence sentences become sentence-level gold; Wikidata properties are mapped onto our types
 * where the meaning carries (REDOCRED_MAPPING), and pairs holding an unmapped property are ignored, not negatives.
 */
import { join } from 'node:path';
import type { EntityType, RelationTypeId } from '../../../src/model/index.js';
import type { InputMention } from '../../../src/extract/types.js';
import { flattenMentions } from '../../../src/extract/masked.js';
import { DATA_DIR, joinTokens, readJsonl, type GoldRelation, type LabelledDoc } from './types.js';

interface Vertex { name: string; pos: [number, number]; sent_id: number; type: string }
interface Row { id: string; sents: string[][]; vertexSet: Vertex[][]; labels: { r: string; h: number; t: number; evidence: number[] }[] }

const ENTITY: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC' };

type Map1 = (h: EntityType, t: EntityType) => { type: RelationTypeId; reversed?: boolean } | undefined;
const located: Map1 = (h, t) => (t === 'LOC' && h !== 'PERSON' ? { type: 'located_in' } : undefined);
const locatedRev: Map1 = (h, t) => (h === 'LOC' && t === 'LOC' ? { type: 'located_in', reversed: true } : undefined);
const member: Map1 = (h, t) => (h === 'PERSON' && t === 'ORG' ? { type: 'role_in' } : h === 'ORG' && t === 'ORG' ? { type: 'part_of' } : h === 'LOC' && t === 'LOC' ? { type: 'located_in' } : undefined);
const memberRev: Map1 = (h, t) => { const m = member(t, h); return m ? { ...m, reversed: true } : undefined; };
const postIn: Map1 = (h, t) => (h === 'PERSON' && t !== 'PERSON' ? { type: 'role_in' } : undefined);
const postRev: Map1 = (h, t) => (t === 'PERSON' && h !== 'PERSON' ? { type: 'role_in', reversed: true } : undefined);
const controlled: Map1 = (h, t) => (t !== 'LOC' ? { type: 'controls', reversed: true } : undefined);

/** Wikidata property -> our type (reversed: the tail is our source). Properties not listed are ignored. */
export const REDOCRED_MAPPING: Record<string, Map1> = {
  P131: located, // located in the administrative territorial entity
  P17: located, // country
  P30: located, // continent
  P706: located, // located on terrain feature
  P159: located, // headquarters location
  P276: located, // location
  P150: locatedRev, // contains administrative territorial entity
  P361: member, // part of
  P527: memberRev, // has part
  P463: member, // member of
  P108: postIn, // employer
  P102: postIn, // member of political party
  P54: postIn, // member of sports team
  P6: postRev, // head of government
  P35: postRev, // head of state
  P488: postRev, // chairperson
  P169: postRev, // chief executive officer
  P749: (h, t) => (h === 'ORG' && t === 'ORG' ? { type: 'part_of' } : undefined), // parent organization
  P355: (h, t) => (h === 'ORG' && t === 'ORG' ? { type: 'part_of', reversed: true } : undefined), // subsidiary
  P127: controlled, // owned by
  P112: controlled, // founded by
  P137: controlled, // operator
  P1365: (h, t) => (h === 'PERSON' && t === 'PERSON' ? { type: 'succeeded' } : undefined), // replaces
  P1366: (h, t) => (h === 'PERSON' && t === 'PERSON' ? { type: 'succeeded', reversed: true } : undefined), // replaced by
};

/** Reads Re-DocRED dev; `split` "train" is 7 of every 10 documents, "dev" the other 3. */
export async function readRedocred(split: 'train' | 'dev'): Promise<LabelledDoc[]> {
  const rows = await readJsonl<Row>(join(DATA_DIR, 'redocred', 'dev.jsonl'));
  return rows.filter((_, i) => (i % 10 >= 7) === (split === 'dev')).map((row) => {
    let text = '';
    const sentences: { start: number; end: number }[] = [];
    const tokenSpans: { start: number; end: number }[][] = [];
    for (const s of row.sents) {
      if (text.length > 0) text += ' ';
      const joined = joinTokens(s, text.length);
      sentences.push({ start: text.length, end: text.length + joined.text.length });
      tokenSpans.push(joined.spans);
      text += joined.text;
    }
    const spanOf = (v: Vertex): { start: number; end: number } => ({ start: tokenSpans[v.sent_id]![v.pos[0]]!.start, end: tokenSpans[v.sent_id]![v.pos[1] - 1]!.end });
    const mentions: InputMention[] = [];
    row.vertexSet.forEach((vs, e) => {
      for (const v of vs) {
        const type = ENTITY[v.type];
        if (type !== undefined) { const s = spanOf(v); mentions.push({ ...s, type, text: text.slice(s.start, s.end), entityKey: `v${e}` }); }
      }
    });
    const gold: GoldRelation[] = [];
    for (const l of row.labels) {
      const h = ENTITY[row.vertexSet[l.h]![0]!.type];
      const t = ENTITY[row.vertexSet[l.t]![0]!.type];
      const m = h && t ? REDOCRED_MAPPING[l.r]?.(h, t) : undefined;
      for (const hv of row.vertexSet[l.h]!) {
        for (const tv of row.vertexSet[l.t]!) {
          if (hv.sent_id !== tv.sent_id) continue;
          const stated = m !== undefined && l.evidence.includes(hv.sent_id);
          const [src, tgt] = m?.reversed ? [tv, hv] : [hv, tv];
          gold.push({ source: spanOf(src), target: spanOf(tgt), types: stated ? [m.type] : [], label: l.r });
        }
      }
    }
    return {
      set: 'redocred', id: row.id, split, text, sentences, mentions: flattenMentions(mentions), gold,
      scope: ['located_in', 'part_of', 'role_in', 'controls', 'succeeded'],
    };
  });
}
