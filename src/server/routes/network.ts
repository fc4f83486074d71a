/** Entity, relation, graph and timeline routes: the network with its evidence (decisions are in decisions.ts). */
import type { FastifyInstance } from 'fastify';
import type { EntityType } from '../../model/index.js';
import { DEFAULT_MIN_CONFIDENCE, ENTITY_TYPES, RELATION_TYPES, toListItem } from '../../model/index.js';
import type { RouteContext } from '../context.js';
import type { Scope } from '../../store/store.js';
import { normaliseTag } from '../../network/curation/targets.js';
import { readGraph } from '../../network/graph-read.js';
import { entityOfMember, searchEntities } from '../../network/find-entity.js';
import { relationEvidence, findRelation } from '../../network/entity-view.js';
import { entityDocuments } from '../../network/entity-documents.js';
import { entityEvents } from '../../network/entity-events.js';
import { withMemberDocuments } from '../../network/member-documents.js';
import { errorSchema, pagingProperties } from '../schemas.js';
import { requestProtection } from '../protection.js';
import { parseGrade } from '../../network/curation/grade.js';
import { readEntityPage, readEntityRelations, curateRelation } from '../../network/curation/curate-views.js';
import { hiddenEntities } from './notes.js';

/** "At least B2" as routes accept it. */
export const minGradeSchema = { type: 'string', pattern: '^[A-Fa-f][1-6]$', description: 'at least this Admiralty grade, e.g. B2 (reliability A-B and credibility 1-2); ungraded documents are left out' } as const;

/** An entity id as routes accept it. */
export const entityId = { type: 'string', pattern: '^ent_[0-9a-f]{16}$' } as const;
/** A merged relation's id as routes accept it. */
const relationId = { type: 'string', pattern: '^rel_[0-9a-f]{16}$' } as const;
const csv = (v?: string): string[] | undefined => (v ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
const partialDate = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;

/** Registers the network routes. */
export function networkRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/schema', { schema: { summary: 'Entity types and the relation vocabulary (labels, inverses, FtM/STIX mappings)' } },
    async () => ({ entityTypes: ENTITY_TYPES, relationTypes: RELATION_TYPES }));

  app.get<{ Querystring: { q?: string; type?: EntityType; tag?: string; limit: number; offset: number } }>('/entities', {
    schema: {
      summary: 'List or find entities (q matches names and aliases, spelling variants included)',
      querystring: {
        type: 'object',
        properties: { q: { type: 'string', maxLength: 200 }, type: { type: 'string', enum: [...ENTITY_TYPES] }, tag: { type: 'string', minLength: 1, maxLength: 50, description: 'only entities carrying this tag' }, ...pagingProperties },
        additionalProperties: false,
      },
      response: { 400: errorSchema },
    },
  }, async (req) => {
    const { q, type, limit, offset } = req.query;
    const hidden = new Set((await requestProtection(ctx, req)).hidden.map((e) => e.entityId));
    if (req.query.tag !== undefined) return taggedEntities(ctx, req.query.tag, ctx.scope(req), { q, type, limit, offset }, hidden);
    if (!q?.trim() || hidden.size === 0) return searchEntities(ctx.store, ctx.scope(req), { q, type, limit, offset });
    // A name search must not find a protected entity the caller may not see: read past it, leave it out, and count it out.
    const page = await searchEntities(ctx.store, ctx.scope(req), { q, type, limit: offset + limit + hidden.size, offset: 0 });
    const kept = page.items.filter((e) => !hidden.has(e.id));
    return { items: kept.slice(offset, offset + limit), total: page.total - (page.items.length - kept.length) };
  });

  app.get<{ Querystring: { key: string } }>('/entities/by-member', {
    schema: {
      summary: 'The entity that now holds a member (a candidate key, "<document id>#TYPE:name"): decisions re-resolve a collection and give its entities new ids',
      querystring: { type: 'object', properties: { key: { type: 'string', minLength: 1, maxLength: 1000 } }, required: ['key'], additionalProperties: false },
      response: { 200: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'], additionalProperties: false }, 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const id = await entityOfMember(ctx.store, ctx.scope(req), req.query.key);
    if (!id || (await hiddenEntities(ctx, req)).has(id)) return reply.status(404).send({ error: 'not-found', message: 'No entity holds that member.' });
    return { id };
  });

  app.get<{ Params: { id: string }; Querystring: { minGrade?: string } }>('/entities/:id', {
    schema: {
      summary: 'One entity: aliases with merge reasons, relations with evidence, source counts and corroboration by grade, events, claims, documents, notes and tags',
      params: { type: 'object', properties: { id: entityId }, required: ['id'] },
      querystring: { type: 'object', properties: { minGrade: minGradeSchema }, additionalProperties: false },
      response: { 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    // The first sentences of each relation, counts and corroboration from SQL (the grade filter decides which count).
    const minGrade = req.query.minGrade ? parseGrade(req.query.minGrade) : undefined;
    const page = await readEntityPage(ctx.store, ctx.scope(req), req.params.id, minGrade, await hiddenEntities(ctx, req));
    if (!page) return reply.status(404).send({ error: 'not-found', message: `No entity with id ${req.params.id}.` });
    await ctx.audit(req, 'entity', req.params.id);
    return page;
  });

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>('/entities/:id/members', {
    schema: {
      summary: 'A page of an entity\'s merged names (candidate keys, by key) with the merge reasons naming each, and how many there are',
      params: { type: 'object', properties: { id: entityId }, required: ['id'] },
      querystring: { type: 'object', properties: { ...pagingProperties }, additionalProperties: false },
      response: { 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const page = await ctx.store.listEntityMembers(req.params.id, ctx.scope(req), req.query.offset, req.query.limit);
    if (!page) return reply.status(404).send({ error: 'not-found', message: `No entity with id ${req.params.id}.` });
    await ctx.audit(req, 'entity', req.params.id, { membersFrom: req.query.offset });
    return withMemberDocuments(ctx.store, page, ctx.scope(req));
  });

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>('/entities/:id/documents', {
    schema: {
      summary: 'A page of the documents naming an entity, most relevant first (most mentions of it, then the newest), each with its mention count, and how many there are (the entity page lists the first 20)',
      params: { type: 'object', properties: { id: entityId }, required: ['id'] },
      querystring: { type: 'object', properties: { ...pagingProperties }, additionalProperties: false },
      response: { 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const page = await entityDocuments(ctx.store, req.params.id, ctx.scope(req), req.query.offset, req.query.limit);
    if (!page) return reply.status(404).send({ error: 'not-found', message: `No entity with id ${req.params.id}.` });
    await ctx.audit(req, 'entity', req.params.id, { documentsFrom: req.query.offset });
    return page;
  });

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number } }>('/entities/:id/events', {
    schema: {
      summary: 'A page of the events naming an entity, the newest first (undated last), with the names they refer to, and how many there are (the entity page lists the first 50)',
      params: { type: 'object', properties: { id: entityId }, required: ['id'] },
      querystring: { type: 'object', properties: { ...pagingProperties }, additionalProperties: false },
      response: { 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const page = await entityEvents(ctx.store, req.params.id, ctx.scope(req), req.query.offset, req.query.limit);
    if (!page) return reply.status(404).send({ error: 'not-found', message: `No entity with id ${req.params.id}.` });
    await ctx.audit(req, 'entity', req.params.id, { eventsFrom: req.query.offset });
    return page;
  });

  app.get<{ Params: { id: string }; Querystring: { limit: number; offset: number; minGrade?: string } }>('/entities/:id/relations', {
    schema: {
      summary: 'A page of an entity\'s relations, the strongest first (most independent sources, then supporting sentences, then confidence), as the entity page lists its first 50: first sentences, counts, corroboration by grade, and the grades of the documents cited; with minGrade, relations without a sentence from a document graded so are left out of the page',
      params: { type: 'object', properties: { id: entityId }, required: ['id'] },
      querystring: { type: 'object', properties: { ...pagingProperties, minGrade: minGradeSchema }, additionalProperties: false },
      response: { 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const minGrade = req.query.minGrade ? parseGrade(req.query.minGrade) : undefined;
    const page = await readEntityRelations(ctx.store, ctx.scope(req), req.params.id, { offset: req.query.offset, limit: req.query.limit }, minGrade);
    if (!page) return reply.status(404).send({ error: 'not-found', message: `No entity with id ${req.params.id}.` });
    await ctx.audit(req, 'entity', req.params.id, { relationsFrom: req.query.offset });
    return page;
  });

  app.get<{ Params: { id: string; relation: string }; Querystring: { limit: number; offset: number } }>('/entities/:id/relations/:relation/evidence', {
    schema: {
      summary: 'A page of the evidence sentences of one of an entity\'s relations (the entity page shows the first few of each), and how many there are',
      params: { type: 'object', properties: { id: entityId, relation: relationId }, required: ['id', 'relation'] },
      querystring: { type: 'object', properties: { ...pagingProperties }, additionalProperties: false },
      response: { 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const page = await relationEvidence(ctx.store, req.params.id, req.params.relation, ctx.scope(req), req.query.offset, req.query.limit);
    if (!page) return reply.status(404).send({ error: 'not-found', message: `No relation ${req.params.relation} of entity ${req.params.id}.` });
    await ctx.audit(req, 'entity', req.params.id, { relation: req.params.relation, evidenceFrom: req.query.offset });
    return page;
  });

  app.get<{ Params: { id: string }; Querystring: { entity?: string } }>('/relations/:id', {
    schema: {
      summary: 'One relation with every evidence sentence, contradicting sentences and the claims it rests on',
      params: { type: 'object', properties: { id: relationId }, required: ['id'] },
      querystring: { type: 'object', properties: { entity: { ...entityId, description: 'one end of the relation: read by key from its rows (without it every relation of the scope is read)' } }, additionalProperties: false },
      response: { 400: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const rel = await findRelation(ctx.store, ctx.scope(req), req.params.id, req.query.entity);
    if (!rel) return reply.status(404).send({ error: 'not-found', message: `No relation with id ${req.params.id}.` });
    const claims = await ctx.store.getClaims(rel.claimIds ?? [], ctx.scope(req));
    const entities = new Map((await ctx.store.getEntityBriefs([rel.source, rel.target], ctx.scope(req))).map((e) => [e.id, e]));
    const name = (id: string) => entities.get(id)?.name ?? id;
    await ctx.audit(req, 'relation', rel.id);
    return { ...(await curateRelation(ctx.store, ctx.scope(req), rel, await hiddenEntities(ctx, req))), sourceName: name(rel.source), targetName: name(rel.target), claims };
  });

  interface GraphQuery { entity?: string; hops: number; relationTypes?: string; entityTypes?: string; minConfidence: number; minSources: number; limit: number; from?: string; to?: string; reviewedOnly?: boolean; minGrade?: string; tag?: string }
  app.get<{ Querystring: GraphQuery }>('/graph', {
    schema: {
      summary: 'The network (or an entity\'s neighbourhood) with filters; low-confidence edges are hidden unless minConfidence=0',
      querystring: {
        type: 'object',
        properties: {
          entity: entityId,
          hops: { type: 'integer', minimum: 1, maximum: 4, default: 1 },
          relationTypes: { type: 'string', maxLength: 500, description: 'comma-separated relation types' },
          entityTypes: { type: 'string', maxLength: 100, description: 'comma-separated entity types' },
          minConfidence: { type: 'number', minimum: 0, maximum: 1, default: DEFAULT_MIN_CONFIDENCE },
          minSources: { type: 'integer', minimum: 0, maximum: 1000, default: 1 },
          limit: { type: 'integer', minimum: 1, maximum: 20000, default: 5000 },
          from: { ...partialDate, description: 'keep edges with a supporting document published on or after this partial date' },
          to: { ...partialDate, description: 'keep edges with a supporting document published on or before this partial date' },
          reviewedOnly: { type: 'boolean', default: false, description: 'only edges an analyst accepted, edited or made' },
          minGrade: { ...minGradeSchema, description: 'keep edges with a supporting document graded at least this, e.g. B2' },
          tag: { type: 'string', minLength: 1, maxLength: 50, description: 'keep the entities carrying this tag and their relations' },
        },
        additionalProperties: false,
      },
      response: { 400: errorSchema },
    },
  }, async (req, reply) => {
    const q = req.query;
    const bad = csv(q.relationTypes)?.find((t) => !(t in RELATION_TYPES)) ?? csv(q.entityTypes)?.find((t) => !(ENTITY_TYPES as readonly string[]).includes(t));
    if (bad) return reply.status(400).send({ error: 'bad-request', message: `Unknown type "${bad}".` });
    // One compact row per request: the neighbourhood opened (or the whole network) and how far; filters are not kept.
    await ctx.audit(req, 'graph', q.entity ?? null, { hops: q.hops });
    let tagged: Set<string> | undefined;
    if (q.tag !== undefined) {
      const tag = normaliseTag(q.tag);
      if (!tag) return reply.status(400).send({ error: 'bad-request', message: `"${q.tag}" is not a tag.` });
      tagged = new Set((await ctx.store.curation.taggedWith(ctx.scope(req).collections, tag, 'entity')).map((t) => t.target.id));
    }
    return readGraph(ctx.store, ctx.scope(req), {
      ...(tagged ? { tagged } : {}),
      entity: q.entity, hops: q.hops, relationTypes: csv(q.relationTypes), entityTypes: csv(q.entityTypes) as EntityType[] | undefined,
      minConfidence: q.minConfidence, minSources: q.minSources, limit: q.limit, from: q.from, to: q.to, reviewedOnly: q.reviewedOnly,
      minGrade: q.minGrade ? parseGrade(q.minGrade) : undefined,
    });
  });

  app.get<{ Querystring: { entity?: string; type?: string; from?: string; to?: string } }>('/timeline', {
    schema: {
      summary: 'Dated events, oldest first; partial dates keep their precision',
      querystring: {
        type: 'object',
        properties: { entity: entityId, type: { type: 'string', maxLength: 40 }, from: partialDate, to: partialDate },
        additionalProperties: false,
      },
      response: { 400: errorSchema },
    },
  }, async (req) => {
    const q = req.query;
    await ctx.audit(req, 'timeline', q.entity ?? null, {});
    // One entity's events are read by its member keys (a per-name entity of an unresolved collection has none: all are read).
    const brief = q.entity ? (await ctx.store.getEntityBriefs([q.entity], ctx.scope(req)))[0] : undefined;
    if (q.entity && !brief) return { events: [], entities: {} };
    const source = brief && !brief.unresolved ? ctx.store.listEntityEvents(brief.id, ctx.scope(req)) : ctx.store.listEvents(ctx.scope(req));
    const events = (await source).filter((e) => e.date
      && (!q.entity || e.participants.includes(q.entity) || e.place === q.entity)
      && (!q.type || e.type === q.type)
      && (!q.from || e.date.slice(0, q.from.length) >= q.from)
      && (!q.to || e.date.slice(0, q.to.length) <= q.to));
    const ids = new Set(events.flatMap((e) => [...e.participants, e.place ?? '']));
    ids.delete('');
    const names = Object.fromEntries((await ctx.store.getEntityBriefs([...ids], ctx.scope(req))).map((e) => [e.id, { name: e.name, type: e.type }]));
    return { events, entities: names };
  });
}

/** Entities carrying a tag, filtered by type and name (q: a case-insensitive part of the name), paged. */
async function taggedEntities(ctx: RouteContext, rawTag: string, scope: Scope, q: { q?: string; type?: EntityType; limit: number; offset: number }, hidden: ReadonlySet<string | null>) {
  const tag = normaliseTag(rawTag);
  if (!tag) return { items: [], total: 0 };
  const ids = (await ctx.store.curation.taggedWith(scope.collections, tag, 'entity')).map((t) => t.target.id).filter((id) => !hidden.has(id));
  const want = q.q?.trim().toLowerCase();
  const briefs = (await ctx.store.getEntityBriefs(ids, scope))
    .filter((e) => (!q.type || e.type === q.type) && (!want || e.name.toLowerCase().includes(want)))
    .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name));
  const heads = await Promise.all(briefs.slice(q.offset, q.offset + q.limit).map((b) => ctx.store.getEntityHead(b.id, scope, 0)));
  // List items as entity search gives them (no members, merge reasons or document ids).
  const items = heads.flatMap((h) => (h ? [toListItem(h.entity)] : []));
  return { items, total: briefs.length };
}
