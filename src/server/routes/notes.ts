/**
 * Notes on documents, entities and relations: POST /notes, GET /notes (of a target, or found by a query), PATCH and
 * DELETE /notes/:id. Writing needs write permission on the target's collection; a note is edited only by its author and
 * deleted by its author or an admin. A note on a protected entity is not shown to callers who may not see the entity
 * (its text is pseudonymised for them anyway by the answer hook, server/protection.ts). Every change is audited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../context.js';
import type { Target, TargetKind } from '../../store/curation.js';
import { parseQuery } from '../../store/query.js';
import { findTarget } from '../../network/curation/targets.js';
import { matchingNotes, noteMatches } from '../../network/curation/note-search.js';
import { actingUser, refuseUnlessWritable } from '../acting-user.js';
import { requestProtection } from '../protection.js';
import { errorSchema } from '../schemas.js';

/** A target as routes accept it. */
export const targetSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ['document', 'entity', 'relation'] },
    id: { type: 'string', pattern: '^(?:[0-9a-f]{16}|ent_[0-9a-f]{16}|rel_[0-9a-f]{16})$' },
  },
  required: ['kind', 'id'], additionalProperties: false,
} as const;
const noteText = { type: 'string', minLength: 1, maxLength: 20000 } as const;
const noteParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

/** 400 when a target's id does not have its kind's shape (ent_ for entities, rel_ for relations, 16 hex for documents). */
export function badTarget(t: Target): string | null {
  const ok = t.kind === 'document' ? /^[0-9a-f]{16}$/u.test(t.id) : t.id.startsWith(t.kind === 'entity' ? 'ent_' : 'rel_');
  return ok ? null : `A ${t.kind} id looks like ${t.kind === 'document' ? '16 hex digits' : t.kind === 'entity' ? 'ent_ and 16 hex digits' : 'rel_ and 16 hex digits'}, not "${t.id}".`;
}

/** Entities whose notes the caller may not see. */
export async function hiddenEntities(ctx: RouteContext, req: FastifyRequest): Promise<Set<string>> {
  return new Set((await requestProtection(ctx, req)).hidden.map((e) => e.entityId).filter((id): id is string => Boolean(id)));
}

/** Registers the note routes. */
export function noteRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const notFound = (reply: FastifyReply, what: string) => reply.status(404).send({ error: 'not-found', message: `No ${what}.` });

  app.post<{ Body: { target: Target; text: string; by?: string } }>('/notes', {
    schema: {
      summary: 'Write a note on a document, entity or relation; recorded with who and when, audited',
      body: { type: 'object', properties: { target: targetSchema, text: noteText, by: { type: 'string', maxLength: 100 } }, required: ['target', 'text'], additionalProperties: false },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const bad = badTarget(req.body.target);
    if (bad) return reply.status(400).send({ error: 'bad-request', message: bad });
    const text = req.body.text.trim();
    // PostgreSQL text cannot hold NUL; no note needs one.
    if (!text || text.includes('\u0000')) return reply.status(400).send({ error: 'bad-request', message: 'A note needs some text (and no NUL characters).' });
    const target = await findTarget(ctx.store, ctx.scope(req), req.body.target);
    if (!target) return notFound(reply, `${req.body.target.kind} with id ${req.body.target.id}`);
    const refused = refuseUnlessWritable(ctx, req, reply, [target.collection], 'notes');
    if (refused) return refused;
    const note = await ctx.store.curation.addNote(target.collection, { kind: target.kind, id: target.id }, text, actingUser(ctx, req) ?? null, target.ends);
    await ctx.audit(req, 'note-added', `${target.kind}:${target.id}`, { note: note.id, collection: target.collection });
    return reply.status(201).send(note);
  });

  app.get<{ Querystring: { kind?: TargetKind; id?: string; q?: string; limit: number } }>('/notes', {
    schema: {
      summary: 'Notes of one target (kind and id), or the notes a search query finds (q, the search syntax), newest first',
      querystring: {
        type: 'object',
        properties: { kind: targetSchema.properties.kind, id: targetSchema.properties.id, q: { type: 'string', minLength: 1 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
        additionalProperties: false,
      },
      response: { 400: errorSchema },
    },
  }, async (req, reply) => {
    const { kind, id, q, limit } = req.query;
    if (Boolean(kind) !== Boolean(id)) return reply.status(400).send({ error: 'bad-request', message: 'Give both kind and id of the target, or neither.' });
    const scope = ctx.scope(req);
    const query = q ? parseQuery(q) : null;
    const hidden = await hiddenEntities(ctx, req);
    // A query over the whole scope reads only the notes holding its words; one target's notes are read by key.
    const notes = query && !(kind && id) ? await matchingNotes(ctx.store, scope.collections, query, hidden)
      : (await ctx.store.curation.listNotes(scope.collections, kind && id ? [{ kind, id }] : undefined))
        .filter((n) => !(n.target.kind === 'entity' && hidden.has(n.target.id)) && (!query || noteMatches(query, n.text)))
        .reverse();
    return { items: notes.slice(0, limit), total: notes.length };
  });

  const owned = async (req: FastifyRequest<{ Params: { id: number } }>, reply: FastifyReply, what: 'edit' | 'delete') => {
    const note = await ctx.store.curation.getNote(req.params.id);
    const scope = ctx.scope(req);
    if (!note || (scope.collections !== '*' && !scope.collections.includes(note.collection))
      || (note.target.kind === 'entity' && (await hiddenEntities(ctx, req)).has(note.target.id))) return { refused: notFound(reply, `note ${req.params.id}`) };
    const refused = refuseUnlessWritable(ctx, req, reply, [note.collection], 'notes');
    if (refused) return { refused };
    const me = actingUser(ctx, req) ?? null;
    const admin = ctx.caller(req).role === 'admin' && ctx.caller(req).name !== null;
    if (note.by !== me && !(what === 'delete' && admin)) {
      return { refused: reply.status(403).send({ error: 'forbidden', message: `Only its author${what === 'delete' ? ' or an admin' : ''} may ${what} this note.` }) };
    }
    return { note };
  };

  app.patch<{ Params: { id: number }; Body: { text: string; by?: string } }>('/notes/:id', {
    schema: {
      summary: 'Edit your own note; audited',
      params: noteParams,
      body: { type: 'object', properties: { text: noteText, by: { type: 'string', maxLength: 100 } }, required: ['text'], additionalProperties: false },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const { refused, note } = await owned(req, reply, 'edit');
    if (refused || !note) return refused;
    const text = req.body.text.trim();
    if (!text || text.includes('\u0000')) return reply.status(400).send({ error: 'bad-request', message: 'A note needs some text (and no NUL characters).' });
    const edited = await ctx.store.curation.editNote(note.id, text);
    await ctx.audit(req, 'note-edited', `${note.target.kind}:${note.target.id}`, { note: note.id, collection: note.collection });
    return edited;
  });

  app.delete<{ Params: { id: number }; Querystring: { by?: string } }>('/notes/:id', {
    schema: {
      summary: 'Delete your own note (admins: any note); audited',
      params: noteParams,
      querystring: { type: 'object', properties: { by: { type: 'string', maxLength: 100 } }, additionalProperties: false },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const { refused, note } = await owned(req, reply, 'delete');
    if (refused || !note) return refused;
    await ctx.store.curation.deleteNote(note.id);
    await ctx.audit(req, 'note-deleted', `${note.target.kind}:${note.target.id}`, { note: note.id, collection: note.collection, by: note.by });
    return { deleted: note.id };
  });
}
