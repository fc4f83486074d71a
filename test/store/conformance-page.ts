/**
 * Conformance of the entity page read from summaries (first sentences, counts and the grade filter in SQL: readEntityPage)
 * against the page built from every sentence (viewEntity with fullEvidence, curateEntityView, capEvidence), on a store
 * with document and outlet grades, relations of many sentences over several documents, denials and a hidden collection.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Evidence, ResolvedEntityRecord, StageOutput } from '../../src/model/index.js';
import { RELATION_EVIDENCE } from '../../src/model/index.js';
import type { Scope, Store } from '../../src/store/store.js';
import { ALL_COLLECTIONS } from '../../src/store/store.js';
import { splitSentences } from '../../src/nlp/sentences.js';
import { viewEntity, capEvidence } from '../../src/network/entity-view.js';
import { curateEntityView, readEntityPage } from '../../src/network/curation/curate-views.js';
import { parseGrade } from '../../src/network/curation/grade.js';
import { textDoc } from './conformance.js';
import type { StoreHarness } from './conformance.js';

const SOURCES = ['Outlet A', 'Outlet A', 'Outlet B', undefined, undefined];

/** Writes the fixture into `collection`: five documents, a hub with eight neighbours, sentences 1-4 per row. */
async function writePage(store: Store, collection: string, prefix = 'ent_'): Promise<string[]> {
  const text = (i: number) => Array.from({ length: 6 }, (_, k) => `Report ${i} line ${k}: the ${collection} ministry paid the agents.`).join('\n');
  const put = await store.putDocuments(SOURCES.map((source, i) => ({
    doc: textDoc(`${collection}-${i}.txt`, text(i), source ? { source } : {}), collection, sentences: splitSentences(text(i)),
  })));
  const docs = put.map((p) => p.id);
  const key = (d: string, name: string) => `${d}#ORG:${name}`;
  const lines = (d: number, count: number): Evidence[] => Array.from({ length: count }, (_, k) => {
    const start = ((k * 2 + d) % 6) * 10;
    return { documentId: docs[d]!, start, end: start + 20, text: `line ${(k * 2 + d) % 6} of ${d}` };
  });
  const entities: ResolvedEntityRecord[] = [];
  const entity = (id: string, name: string): void => void entities.push({
    id, collection, type: 'ORG', name, aliases: [], mentionCount: 5, documentIds: docs, members: docs.map((d) => key(d, name)), reasons: [],
  });
  entity(`${prefix}hub`, 'hub');
  const rels: NonNullable<StageOutput['relations']>[] = docs.map(() => []);
  let n = 0;
  for (let j = 0; j < 8; j++) {
    entity(`${prefix}n${j}`, `neighbour ${j}`);
    docs.forEach((d, i) => {
      // Neighbour j is named in documents i with (i + j) % 3 != 0, with 1-4 sentences; j = 5 is denied in document 0.
      if ((i + j) % 3 === 0) return;
      const negated = j === 5 && i === 0;
      const [source, target] = j % 2 === 0 ? ['hub', `neighbour ${j}`] : [`neighbour ${j}`, 'hub'];
      rels[i]!.push({ id: `${collection}-r${n++}`, type: j === 7 ? 'met' : 'paid', source: key(d, source), target: key(d, target), confidence: 0.5 + j / 20,
        evidence: lines(i, 1 + ((i + j) % 4)), ...(negated ? { attrs: { negated: true } } : {}) });
    });
  }
  for (const [i, d] of docs.entries()) await store.putStageOutput(d, 'facts', 'f1', { relations: rels[i]! });
  await store.putEntities(collection, entities, 'resolve', 'r1');
  return docs;
}

/** Registers the suite for one implementation. */
export function pageConformance(name: string, harness: StoreHarness): void {
  describe(`Entity page from summaries: ${name}`, () => {
    let store: Store;
    let docs: string[];
    before(async () => {
      store = await harness.create();
      docs = await writePage(store, 'page');
      await writePage(store, 'hidden', 'ent_h');
      await store.curation.setOutletGrade('page', 'Outlet A', { reliability: 'B', credibility: 2, by: 'test' });
      await store.curation.setOutletGrade('page', 'Outlet B', { reliability: 'D', credibility: 4, by: 'test' });
      await store.curation.setDocumentGrade(docs[2]!, 'page', { reliability: 'A', credibility: 1, by: 'test' });
      await store.curation.setDocumentGrade(docs[3]!, 'page', { reliability: 'E', credibility: 5, by: 'test' });
    });
    after(async () => store.close());

    const old = async (scope: Scope, id: string, grade?: string) => {
      const view = await viewEntity(store, id, scope, { fullEvidence: true });
      if (!view) return null;
      const curated = await curateEntityView(store, scope, view, grade ? parseGrade(grade) : undefined);
      return { ...curated, relations: capEvidence(curated.relations) };
    };

    it('answers what the page built from every sentence answers, with and without a grade filter', async () => {
      for (const scope of [ALL_COLLECTIONS, { collections: ['page'] }]) {
        for (const id of ['ent_hub', 'ent_n0', 'ent_n5', 'ent_hhub', 'ent_absent']) {
          for (const grade of [undefined, 'A1', 'B2', 'C3', 'E5', 'F6']) {
            const page = await readEntityPage(store, scope, id, grade ? parseGrade(grade) : undefined);
            assert.equal(JSON.stringify(page), JSON.stringify(await old(scope, id, grade)), `${id} at ${grade ?? 'no grade'}`);
          }
        }
      }
    });

    it('caps sentences, counts the rest and filters by grade', async () => {
      const page = (await readEntityPage(store, { collections: ['page'] }, 'ent_hub'))!;
      assert.equal(page.relations.length, 8);
      assert.ok(page.relations.every((r) => r.evidence.length === Math.min(RELATION_EVIDENCE, r.evidenceCount)));
      assert.ok(page.relations.some((r) => r.evidenceCount > RELATION_EVIDENCE), 'some relation has more sentences than the page shows');
      assert.ok(page.relations.some((r) => (r.contradictions ?? []).length > 0), 'a denial is listed');
      assert.equal(Object.keys(page.grades).length, 4, 'documents 0-3 are graded, document 4 is not');
      // At least B2: documents 0 and 1 (Outlet A, B2) and 2 (its own A1); document 3 (E5) and 4 (ungraded) leave.
      const b2 = (await readEntityPage(store, { collections: ['page'] }, 'ent_hub', parseGrade('B2')))!;
      const kept = new Set(docs.slice(0, 3));
      assert.ok(b2.relations.length > 0 && b2.relations.every((r) => r.evidence.every((e) => kept.has(e.documentId))));
      assert.ok(b2.relations.every((r) => Object.keys(r.corroboration).every((g) => ['A1', 'B2'].includes(g))));
      const a1 = (await readEntityPage(store, { collections: ['page'] }, 'ent_hub', parseGrade('A1')))!;
      assert.ok(a1.relations.length < page.relations.length, 'relations without an A1 document are dropped');
      assert.ok(a1.relations.every((r) => r.independentSources === 1 && r.evidence.every((e) => e.documentId === docs[2])));
    });
  });
}
