/**
 * Conformance of relation_ends (each relation row's ends as entities, migration 12), run by every backend: after each
 * writer that changes relation rows or the candidate -> entity map (ingest, incremental resolution, merge, split, review
 * accept, reject and edit, a relation made by hand, reprocess, a near-duplicate join, putEntities), the table equals the
 * ends read from the map rows of each key, and every read by entity id equals the same read from the whole network.
 * The map rows' mention counts (migration 21, kept by triggers on mentions) are checked after the same writers.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Relation, ResolvedEntityRecord } from '../../src/model/index.js';
import type { Store } from '../../src/store/store.js';
import { defaultStages, finishIngest, ingestPaths, runStages } from '../../src/pipeline.js';
import { mergeEntities, splitMember } from '../../src/network/decisions.js';
import { reviewQueue, reviewRelation } from '../../src/network/review.js';
import { addHandMadeRelation } from '../../src/network/hand-made.js';
import { resolveFully } from '../../src/pipeline/resolution/full.js';
import { SAMPLE_CORPUS } from '../helpers.js';

/** A backend's fresh store, and a way to run one plain SQL read on it behind its back. */
export interface EndsHarness {
  create(): Promise<Store>;
  rows(store: Store, sql: string): Promise<Record<string, unknown>[]>;
}

const COLLECTION = 'iran-cables';
const SCOPE = { collections: [COLLECTION] };
const byId = <T extends { id: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

// Every relation row with its ends from the map rows of its keys (today's member-key read) beside relation_ends, and
// every relation_ends row whose relation is gone.
const MISMATCHES = `SELECT r.id, ms.entity_id AS map_source, mt.entity_id AS map_target, re.relation_id AS ends_id,
    re.source_entity AS ends_source, re.target_entity AS ends_target
  FROM relations r JOIN documents d ON d.id = r.document_id
  LEFT JOIN entity_members ms ON ms.collection = d.collection AND ms.candidate_key = r.source
  LEFT JOIN entity_members mt ON mt.collection = d.collection AND mt.candidate_key = r.target
  LEFT JOIN relation_ends re ON re.relation_id = r.id
  WHERE re.relation_id IS NULL OR coalesce(ms.entity_id, '-') <> coalesce(re.source_entity, '-') OR coalesce(mt.entity_id, '-') <> coalesce(re.target_entity, '-')
  UNION ALL SELECT re.relation_id, NULL, NULL, re.relation_id, re.source_entity, re.target_entity FROM relation_ends re
  WHERE NOT EXISTS (SELECT 1 FROM relations r WHERE r.id = re.relation_id)`;

// Each relation row's own columns beside relation_ends' copies of them (migration 22); negated is compared in JavaScript.
const LIGHT = `SELECT r.id, r.type, r.source, r.target, r.confidence, r.attrs, d.collection, coalesce(d.duplicate_group, d.id) AS grp,
    re.type AS e_type, re.source AS e_source, re.target AS e_target, re.confidence AS e_confidence, re.negated AS e_negated,
    re.collection AS e_collection, re.grp AS e_grp, r.stage, re.stage AS e_stage, r.review, re.reviewed AS e_reviewed
  FROM relations r JOIN documents d ON d.id = r.document_id JOIN relation_ends re ON re.relation_id = r.id`;

/** The review level edges weigh (0 unreviewed, 1 kept, 2 accepted), from the review in force as stored (JSON or null). */
function reviewLevel(review: string | null): number {
  if (review === null) return 0;
  return (JSON.parse(review) as { kept?: boolean }).kept === true ? 1 : 2;
}

/** The rows of LIGHT whose copies differ, negated as mergeRelations reads it (JavaScript truthiness of attrs.negated). */
function lightMismatches(rows: Record<string, unknown>[]): string[] {
  const wrong: string[] = [];
  for (const r of rows) {
    const negated = Boolean((JSON.parse(String(r.attrs)) as { negated?: unknown }).negated) ? 1 : 0;
    const pairs: [string, unknown, unknown][] = [['type', r.type, r.e_type], ['source', r.source, r.e_source], ['target', r.target, r.e_target],
      ['confidence', Number(r.confidence), Number(r.e_confidence)], ['negated', negated, Number(r.e_negated)], ['collection', r.collection, r.e_collection], ['grp', r.grp, r.e_grp],
      ['stage', r.stage, r.e_stage], ['reviewed', reviewLevel(r.review as string | null), Number(r.e_reviewed)]];
    for (const [column, own, copy] of pairs) if (own !== copy) wrong.push(`${String(r.id)} ${column}: ${String(own)} / ${String(copy)}`);
  }
  return wrong;
}

// Every map row whose counts (mentions: migration 21; claims spoken and events naming it: 23) differ from the rows carrying its key.
const MEMBER_MISMATCHES = `SELECT m.candidate_key, m.mentions, m.claims, m.events FROM entity_members m
  WHERE m.mentions <> (SELECT count(*) FROM mentions x WHERE x.entity_key = m.candidate_key)
    OR m.claims <> (SELECT count(*) FROM claims c WHERE c.speaker = m.candidate_key)
    OR m.events <> (SELECT count(*) FROM event_keys k WHERE k.key = m.candidate_key)`;

// Every relation_ends row whose document or evidence counts (migration 24: evidence in the row's own document, and elsewhere)
// differ from the relation and evidence rows.
const EVIDENCE_MISMATCHES = `SELECT re.relation_id, re.document_id, re.evidence_own, re.evidence_other FROM relation_ends re JOIN relations r ON r.id = re.relation_id
  WHERE re.document_id <> r.document_id
    OR re.evidence_own <> (SELECT count(*) FROM evidence e WHERE e.owner_kind = 'relation' AND e.owner_id = r.id AND e.document_id = r.document_id)
    OR re.evidence_other <> (SELECT count(*) FROM evidence e WHERE e.owner_kind = 'relation' AND e.owner_id = r.id AND e.document_id <> r.document_id)`;

/** Registers the suite for one implementation. */
export function endsConformance(name: string, harness: EndsHarness): void {
  describe(`relation_ends kept exact by every writer: ${name}`, () => {
    let store: Store;
    let dir: string;

    /** The table against the map, then every read by entity against the whole network read from member keys. */
    const check = async (after: string): Promise<void> => {
      const wrong = await harness.rows(store, MISMATCHES);
      assert.deepEqual(wrong, [], `relation_ends differs from the map after ${after}`);
      assert.deepEqual(await harness.rows(store, MEMBER_MISMATCHES), [], `map rows' counts differ from the mentions, claims and events after ${after}`);
      assert.deepEqual(lightMismatches(await harness.rows(store, LIGHT)), [], `relation_ends' copies of the rows' columns differ after ${after}`);
      assert.deepEqual(await harness.rows(store, EVIDENCE_MISMATCHES), [], `relation_ends' evidence counts differ after ${after}`);
      const counted = await harness.rows(store, 'SELECT sum(CASE WHEN mentions > 0 THEN 1 ELSE 0 END) AS m, sum(CASE WHEN events > 0 THEN 1 ELSE 0 END) AS e FROM entity_members');
      assert.ok(Number(counted[0]!.m) > 0 && Number(counted[0]!.e) > 0, `map rows with mentions and with events after ${after}`);
      const count = Number((await harness.rows(store, 'SELECT count(*) AS n FROM relation_ends'))[0]!.n);
      assert.ok(count > 0, `relation rows after ${after}`);
      const all = byId(await store.listRelations(SCOPE));
      const edges = await store.listEdges(SCOPE);
      // Ends of resolved entities (with map rows). An end whose key has no map row is the per-name entity, which no read
      // by entity id finds (relation_ends holds NULL there, as the member-key reads before it found nothing).
      const mapped = new Set((await harness.rows(store, 'SELECT DISTINCT entity_id FROM entity_members')).map((r) => String(r.entity_id)));
      const entities = [...new Set(all.flatMap((r) => [r.source, r.target]))].filter((e) => mapped.has(e)).sort();
      assert.ok(entities.length > 5, `resolved ends after ${after}`);
      const mine = (e: string) => all.filter((r) => r.source === e || r.target === e);
      for (const e of entities) {
        assert.deepEqual(byId(await store.listEntityRelations([e], SCOPE)), mine(e), `relations of ${e} after ${after}`);
        const strongest = await store.listStrongestEntityRelations(e, SCOPE, 1000);
        assert.deepEqual([byId(strongest.items), strongest.total], [mine(e), mine(e).length], `strongest of ${e} after ${after}`);
        const around = byId(edges.filter((x) => x.source === e || x.target === e));
        assert.deepEqual(byId(await store.listEdges(SCOPE, { around: [e] })), around, `edges around ${e} after ${after}`);
        // Read twice: SQLite answers the second from its neighbourhood cache, which each writer must have emptied.
        for (let i = 0; i < 2; i++) {
          const strong = await store.listStrongestEdges(SCOPE, [e], 1000);
          assert.deepEqual([byId(strong.items), strong.total], [around, around.length], `strongest edges of ${e} after ${after}`);
        }
      }
      for (const r of all.filter((x) => mapped.has(x.source)).slice(0, 5)) {
        assert.deepEqual(await store.getEntityRelation(r.source, r.id, SCOPE), r, `one relation after ${after}`);
      }
      const half = new Set(entities.filter((_, i) => i % 2 === 0));
      for (let i = 0; i < 2; i++) {
        assert.deepEqual(byId(await store.listEdges(SCOPE, { between: [...half] })), byId(edges.filter((x) => half.has(x.source) && half.has(x.target))),
          `edges among half the entities after ${after}`);
      }
      // Per-name entities (ends without a map row) are not found by entity id, named among the others or not.
      const loose = [...new Set(edges.flatMap((x) => [x.source, x.target]))].filter((x) => !mapped.has(x));
      assert.deepEqual(byId(await store.listEdges(SCOPE, { between: [...half, ...loose] })), byId(edges.filter((x) => half.has(x.source) && half.has(x.target))),
        `edges among half the entities and the per-name ones after ${after}`);
      const most = entities.filter((_, i) => i % 5 !== 0);
      assert.deepEqual(byId(await store.listEdges(SCOPE, { between: most })), byId(edges.filter((x) => most.includes(x.source) && most.includes(x.target))),
        `edges among most entities after ${after}`);
    };
    const ingest = (path: string) => ingestPaths([path], { store, collection: COLLECTION, stages: defaultStages(), finish: finishIngest });
    const proposals = async () => (await reviewQueue(store, SCOPE, { limit: 200, offset: 0 })).items;
    const related = async (): Promise<Relation[]> => byId(await store.listRelations(SCOPE));

    before(async () => {
      store = await harness.create();
      dir = mkdtempSync(join(tmpdir(), 'cablegraph-ends-'));
    });
    after(async () => store.close());

    it('after ingest (the facts stage, near-duplicate groups and a first resolution)', async () => {
      await ingest(SAMPLE_CORPUS);
      assert.ok((await related()).length > 5);
      await check('ingest');
    });

    it('after an incremental resolution (a new document) and a near-duplicate join (a re-report)', async () => {
      const [first] = readdirSync(SAMPLE_CORPUS).sort();
      const text = readFileSync(join(SAMPLE_CORPUS, first!), 'utf8');
      writeFileSync(join(dir, 're-report.txt'), `${text}\nReported again by a second wire.`);
      await ingest(join(dir, 're-report.txt'));
      await check('a near-duplicate join');
      writeFileSync(join(dir, 'new.txt'), 'Quds Force commander Qassem Soleimani met Iraqi officials in Baghdad. The Iranian ministry paid the agents.');
      await ingest(join(dir, 'new.txt'));
      await check('an incremental resolution');
    });

    it('after a merge and a split', async () => {
      const all = await related();
      const [a, b] = [...new Set(all.map((r) => r.source))];
      const ea = await store.getEntity(a!, SCOPE);
      const eb = await store.getEntity(b!, SCOPE);
      assert.ok(ea && eb);
      if (ea.type === eb.type) {
        await mergeEntities(store, SCOPE, a!, b!, 'test');
        await check('a merge');
      }
      const big = (await Promise.all([...new Set(all.flatMap((r) => [r.source, r.target]))].map((id) => store.getEntity(id, SCOPE))))
        .filter((e): e is ResolvedEntityRecord => Boolean(e && e.members.length > 1))[0];
      assert.ok(big, 'an entity with two members to split');
      await splitMember(store, SCOPE, big.id, big.members[0]!, 'test');
      await check('a split');
    });

    it('after a second full resolution, which rewrites the whole map (SQLite: relation rows pointed at once, not per map row)', async () => {
      await resolveFully(store, COLLECTION);
      await check('a second full resolution');
      // The map-row triggers work again afterwards: a split still moves the relation rows of the member it moves.
      const all = await related();
      const big = (await Promise.all([...new Set(all.flatMap((r) => [r.source, r.target]))].map((id) => store.getEntity(id, SCOPE))))
        .filter((e): e is ResolvedEntityRecord => Boolean(e && e.members.length > 1))[0];
      assert.ok(big, 'an entity with two members to split');
      await splitMember(store, SCOPE, big.id, big.members.at(-1)!, 'test');
      await check('a split after a full resolution');
    });

    it('after review: accept, reject, edit, and a relation made by hand', async () => {
      const [p1, p2, p3] = await proposals();
      assert.ok(p1 && p2 && p3);
      await reviewRelation(store, SCOPE, p1.id, 'accepted', { by: 'ana' });
      await check('an accept');
      await reviewRelation(store, SCOPE, p2.id, 'rejected', { by: 'ana' });
      await check('a reject');
      await reviewRelation(store, SCOPE, p3.id, 'edited', { by: 'ana', edit: { swap: true } });
      await check('an edit of the ends');
      const all = await related();
      const ends = [...new Set(all.flatMap((r) => [r.source, r.target]))];
      const doc = all[0]!.evidence[0]!;
      await addHandMadeRelation(store, SCOPE, { type: 'met', source: ends[0]!, target: ends[ends.length - 1]!, evidence: { documentId: doc.documentId, start: doc.start, end: doc.end } }, 'ana');
      await check('a relation made by hand');
    });

    it('after reprocess and putEntities', async () => {
      await runStages(store, defaultStages(), SCOPE, undefined, { force: true });
      await check('reprocess');
      await finishIngest(store, COLLECTION);
      await check('reprocess and resolution');
      // putEntities replaces the collection's map: here two entities of one type become one.
      const all = await related();
      const ids = [...new Set(all.flatMap((r) => [r.source, r.target]))];
      const records = (await Promise.all(ids.map((id) => store.getEntity(id, SCOPE)))).filter((e): e is ResolvedEntityRecord => Boolean(e));
      const others = (await store.listEntities(SCOPE)).filter((e) => !ids.includes(e.id));
      const rest = (await Promise.all(others.map((e) => store.getEntity(e.id, SCOPE)))).filter((e): e is ResolvedEntityRecord => Boolean(e));
      const [x, y] = records.filter((e) => e.type === records[0]!.type);
      assert.ok(x && y);
      const merged = { ...x, members: [...x.members, ...y.members], mentionCount: x.mentionCount + y.mentionCount };
      await store.putEntities(COLLECTION, [merged, ...records.filter((e) => e !== x && e !== y), ...rest], 'resolve', 'test');
      await check('putEntities');
      // An entity left out: its keys leave the map, and its relations' ends fall back to the per-name entities.
      const left = records.find((e) => e !== x && e !== y);
      assert.ok(left);
      await store.putEntities(COLLECTION, [merged, ...records.filter((e) => e !== x && e !== y && e !== left), ...rest], 'resolve', 'test');
      const unmapped = await harness.rows(store, 'SELECT count(*) AS n FROM relation_ends WHERE source_entity IS NULL OR target_entity IS NULL');
      assert.ok(Number(unmapped[0]!.n) > 0, 'some ends are no longer mapped');
      await check('putEntities leaving an entity out');
    });

    it('mention counts follow mentions deleted, added and re-keyed by plain SQL (the triggers, not the writers)', async () => {
      const [m] = await harness.rows(store, `SELECT x.id, x.entity_key, em.mentions FROM mentions x JOIN entity_members em ON em.candidate_key = x.entity_key
        WHERE em.mentions > 1 ORDER BY x.id LIMIT 1`);
      const key = String(m!.entity_key).replace(/'/gu, "''");
      const count = async () => Number((await harness.rows(store, `SELECT mentions FROM entity_members WHERE candidate_key = '${key}'`))[0]!.mentions);
      const before = Number(m!.mentions);
      await harness.rows(store, `DELETE FROM mentions WHERE id = ${String(m!.id)}`);
      assert.equal(await count(), before - 1);
      await harness.rows(store, `INSERT INTO mentions (document_id, ${name === 'PostgreSQL' ? 'span_start, span_end' : 'start, end'}, type, text, norm, confidence, entity_key, stage, version)
        SELECT document_id, 0, 1, type, text, norm, confidence, entity_key, stage, version FROM mentions WHERE entity_key = '${key}' ORDER BY id LIMIT 2`);
      assert.equal(await count(), before + 1);
      await harness.rows(store, `UPDATE mentions SET entity_key = NULL WHERE id = (SELECT max(id) FROM mentions WHERE entity_key = '${key}')`);
      assert.equal(await count(), before);
      await check('mentions written behind the store\'s back');
    });

    it('event and claim counts follow events and claims deleted and re-keyed by plain SQL (the triggers)', async () => {
      const [ev] = await harness.rows(store, `SELECT k.event_id, k.key, em.events FROM event_keys k JOIN entity_members em ON em.candidate_key = k.key ORDER BY k.event_id LIMIT 1`);
      const key = String(ev!.key).replace(/'/gu, "''");
      const events = async () => Number((await harness.rows(store, `SELECT events FROM entity_members WHERE candidate_key = '${key}'`))[0]!.events);
      await harness.rows(store, `DELETE FROM events WHERE id = '${String(ev!.event_id).replace(/'/gu, "''")}'`);
      assert.equal(await events(), Number(ev!.events) - 1);
      const [c] = await harness.rows(store, `SELECT c.id, c.speaker FROM claims c JOIN entity_members em ON em.candidate_key = c.speaker ORDER BY c.id LIMIT 1`);
      assert.ok(c, 'a claim whose speaker is a member key');
      {
        const speaker = String(c.speaker).replace(/'/gu, "''");
        const claims = async () => Number((await harness.rows(store, `SELECT claims FROM entity_members WHERE candidate_key = '${speaker}'`))[0]!.claims);
        const before = await claims();
        await harness.rows(store, `UPDATE claims SET speaker = NULL WHERE id = '${String(c.id).replace(/'/gu, "''")}'`);
        assert.equal(await claims(), before - 1);
      }
      await check('events and claims written behind the store\'s back');
    });

    it('fails when a writer leaves a map row\'s mention count behind (the check can fail)', async () => {
      const [m] = await harness.rows(store, 'SELECT candidate_key FROM entity_members WHERE mentions > 0 ORDER BY candidate_key LIMIT 1');
      await harness.rows(store, `UPDATE entity_members SET mentions = mentions + 1 WHERE candidate_key = '${String(m!.candidate_key).replace(/'/gu, "''")}'`);
      await assert.rejects(check('a forgetful mention writer'), /counts differ/u);
      await harness.rows(store, `UPDATE entity_members SET mentions = mentions - 1 WHERE candidate_key = '${String(m!.candidate_key).replace(/'/gu, "''")}'`);
    });

    it('relation_ends follows a row\'s type, confidence and denial, and its document\'s group, changed by plain SQL (the triggers)', async () => {
      const [r] = await harness.rows(store, 'SELECT r.id, r.document_id FROM relations r ORDER BY r.id LIMIT 1');
      const id = String(r!.id).replace(/'/gu, "''");
      await harness.rows(store, `UPDATE relations SET type = 'contacted', confidence = 0.42, attrs = '{"negated":true}' WHERE id = '${id}'`);
      await harness.rows(store, `UPDATE documents SET duplicate_group = 'group-by-hand' WHERE id = '${String(r!.document_id).replace(/'/gu, "''")}'`);
      const [e] = await harness.rows(store, `SELECT type, confidence, negated, grp FROM relation_ends WHERE relation_id = '${id}'`);
      assert.deepEqual([e!.type, Number(e!.confidence), Number(e!.negated), e!.grp], ['contacted', 0.42, 1, 'group-by-hand']);
      await harness.rows(store, `UPDATE relations SET attrs = '{"negated":""}' WHERE id = '${id}'`);
      const [f] = await harness.rows(store, `SELECT negated FROM relation_ends WHERE relation_id = '${id}'`);
      assert.equal(Number(f!.negated), 0, 'an empty string is no denial, as in JavaScript');
      assert.deepEqual(lightMismatches(await harness.rows(store, LIGHT)), []);
    });

    it('evidence counts follow evidence added in another document, moved and deleted by plain SQL, and edges count it where it is visible', async () => {
      const [r] = await harness.rows(store, `SELECT re.relation_id, re.document_id, re.source_entity, re.target_entity FROM relation_ends re
        WHERE re.evidence_own > 0 AND re.negated = 0 AND re.source_entity IS NOT NULL AND re.target_entity IS NOT NULL ORDER BY re.relation_id LIMIT 1`);
      const [other] = await harness.rows(store, `SELECT id FROM documents WHERE id <> '${String(r!.document_id)}' ORDER BY id LIMIT 1`);
      const id = String(r!.relation_id).replace(/'/gu, "''");
      const span = name === 'PostgreSQL' ? 'span_start, span_end' : 'start, end';
      const edge = async () => (await store.listEdges(SCOPE, { between: [String(r!.source_entity), String(r!.target_entity)] }))
        .find((x) => x.source === r!.source_entity && x.target === r!.target_entity || x.source === r!.target_entity && x.target === r!.source_entity);
      const before = await edge();
      assert.ok(before, 'the edge of the row');
      await harness.rows(store, `INSERT INTO evidence (owner_kind, owner_id, document_id, ${span}, text) VALUES ('relation', '${id}', '${String(other!.id)}', 0, 5, 'cited')`);
      await check('evidence in another document');
      const cited = await edge();
      assert.equal(cited!.evidenceCount, before.evidenceCount + 1);
      assert.ok(cited!.documentIds.includes(String(other!.id)), 'the other document is among the edge\'s documents');
      await harness.rows(store, `UPDATE evidence SET document_id = '${String(r!.document_id)}' WHERE owner_id = '${id}' AND text = 'cited'`);
      await check('evidence moved into the row\'s own document');
      assert.deepEqual((await edge())!.documentIds, before.documentIds);
      await harness.rows(store, `DELETE FROM evidence WHERE owner_id = '${id}' AND text = 'cited'`);
      await check('evidence deleted');
      assert.deepEqual(await edge(), before);
    });

    it('fails when a writer leaves an evidence count behind (the check can fail)', async () => {
      const [r] = await harness.rows(store, 'SELECT relation_id FROM relation_ends ORDER BY relation_id LIMIT 1');
      const id = String(r!.relation_id).replace(/'/gu, "''");
      await harness.rows(store, `UPDATE relation_ends SET evidence_own = evidence_own + 1 WHERE relation_id = '${id}'`);
      await assert.rejects(check('a forgetful evidence writer'), /evidence counts differ/u);
      await harness.rows(store, `UPDATE relation_ends SET evidence_own = evidence_own - 1 WHERE relation_id = '${id}'`);
    });

    it('fails when a writer leaves the table behind (the check can fail)', async () => {
      const [r] = await harness.rows(store, 'SELECT relation_id FROM relation_ends WHERE source_entity IS NOT NULL ORDER BY relation_id LIMIT 1');
      await harness.rows(store, `UPDATE relation_ends SET source_entity = 'ent_0000000000000000' WHERE relation_id = '${String(r!.relation_id)}'`);
      await assert.rejects(check('a forgetful writer'), /relation_ends differs/u);
    });
  });
}
