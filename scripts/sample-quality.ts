/** Scores a store holding the extracted sample corpus against the hand-made fixtures in fixtures/iran-cables/. */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../src/store/store.js';
import { ALL_COLLECTIONS } from '../src/store/store.js';
import { normalizeName } from '../src/resolve/index.js';
import { DEFAULT_MIN_CONFIDENCE } from '../src/extract/index.js';
import type { Entity, Relation } from '../src/model/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'iran-cables');

/** Entity recall and judged relation precision on the sample corpus. */
export interface SampleQuality {
  entities: { found: number; foundAnyType: number; total: number; missed: string[] };
  relations: { shown: number; right: number; wrong: number; unjudged: { key: string; sentence: string }[] };
}

/** The key a judgment is filed under: "type | source name | target name". */
export function judgmentKey(r: Relation, byId: Map<string, Entity>): string {
  return `${r.type} | ${byId.get(r.source)?.name ?? r.source} | ${byId.get(r.target)?.name ?? r.target}`;
}

/** Every key a judgment of this relation may be filed under: any name or alias of each end (display names change as models do). */
function judgmentKeys(r: Relation, byId: Map<string, Entity>): string[] {
  const names = (id: string): string[] => {
    const e = byId.get(id);
    return e ? [e.name, ...e.aliases] : [id];
  };
  return names(r.source).flatMap((s) => names(r.target).map((t) => `${r.type} | ${s} | ${t}`));
}

/** Measures `store` (relations with confidence >= minConfidence are what users see by default). */
export async function measureSample(store: Store, minConfidence = DEFAULT_MIN_CONFIDENCE): Promise<SampleQuality> {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'expected-entities.json'), 'utf8')) as { entities: { type: string; names: string[] }[] };
  const path = join(FIXTURES, 'relation-judgments.json');
  const judgments = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { judgments: Record<string, string> }).judgments : {};
  const entities = await store.listEntities(ALL_COLLECTIONS);
  const relations = await store.listRelations(ALL_COLLECTIONS);
  const names = (e: Entity): string[] => [e.name, ...e.aliases].map((n) => normalizeName(n));
  const q: SampleQuality = { entities: { found: 0, foundAnyType: 0, total: gold.entities.length, missed: [] }, relations: { shown: 0, right: 0, wrong: 0, unjudged: [] } };
  for (const g of gold.entities) {
    const wanted = new Set(g.names.map((n) => normalizeName(n)));
    const hits = entities.filter((e) => names(e).some((n) => wanted.has(n)));
    if (hits.some((e) => e.type === g.type)) q.entities.found++;
    else q.entities.missed.push(`${g.type} ${g.names[0]}${hits.length ? ` (found as ${hits.map((h) => h.type).join('/')})` : ''}`);
    if (hits.length) q.entities.foundAnyType++;
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  for (const r of relations.filter((x) => x.confidence >= minConfidence)) {
    q.relations.shown++;
    const verdict = judgmentKeys(r, byId).map((k) => judgments[k]).find((j) => j !== undefined);
    if (verdict === 'right') q.relations.right++;
    else if (verdict === 'wrong') q.relations.wrong++;
    else q.relations.unjudged.push({ key: judgmentKey(r, byId), sentence: r.evidence[0]?.text.replace(/\s+/g, ' ') ?? '' });
  }
  return q;
}
