/**
 * Tags on documents, entities and relations: PUT and DELETE /tags {target, tag}, GET /tags (of a target, or the targets
 * carrying a tag). Writing needs write permission on the target's collection; audited with who and when.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import type { Target, TargetKind } from '../../store/curation.js';
import { findTarget, normaliseTag } from '../../network/curation/targets.js';
import { actingUser, refuseUnlessWritable } from '../acting-user.js';
import { errorSchema } from '../schemas.js';
import { badTarget, hiddenEntities, targetSchema } from './notes.js';

const tagSchema = { type: 'string', minLength: 1, maxLength: 50 } as const;

/** Registers the tag routes. */
export function tagRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const body = { type: 'object', properties: { target: targetSchema, tag: tagSchema, by: { type: 'string', maxLength: 100 } }, required: ['target', 'tag'], additionalProperties: false } as const;
  const change = (remove: boolean) => async (req: { body: { target: Target; tag: string } } & Parameters<typeof actingUser>[1], reply: Parameters<typeof refuseUnlessWritable>[2]) => {
    const bad = badTarget(req.body.target);
    if (bad) return reply.status(400).send({ error: 'bad-request', message: bad });
    const tag = normaliseTag(req.body.tag);
    if (!tag) return reply.status(400).send({ error: 'bad-request', message: `"${req.body.tag}" is not a tag: up to 50 letters, digits, "-", "_", ":" or "." (spaces become "-").` });
    const target = await findTarget(ctx.store, ctx.scope(req), req.body.target);
    if (!target) return reply.status(404).send({ error: 'not-found', message: `No ${req.body.target.kind} with id ${req.body.target.id}.` });
    const refused = refuseUnlessWritable(ctx, req, reply, [target.collection], 'tags');
    if (refused) return refused;
    const t = { kind: target.kind, id: target.id };
    await ctx.audit(req, remove ? 'tag-removed' : 'tag-added', `${t.kind}:${t.id}`, { tag, collection: target.collection });
    if (remove) return { target: t, tag, removed: await ctx.store.curation.removeTag(t, tag) };
    return ctx.store.curation.addTag(target.collection, t, tag, actingUser(ctx, req) ?? null, target.ends);
  };
  app.put<{ Body: { target: Target; tag: string } }>('/tags', {
    schema: { summary: 'Tag a document, entity or relation (lower case; a no-op when it has the tag); audited', body, response: { 400: errorSchema, 403: errorSchema, 404: errorSchema } },
  }, change(false));
  app.delete<{ Body: { target: Target; tag: string } }>('/tags', {
    schema: { summary: 'Remove a tag; audited', body, response: { 400: errorSchema, 403: errorSchema, 404: errorSchema } },
  }, change(true));

  app.get<{ Querystring: { kind?: TargetKind; id?: string; tag?: string } }>('/tags', {
    schema: {
      summary: 'Tags of one target (kind and id), or the targets carrying a tag (tag, optionally of one kind), or every tag in use (on targets of one kind when given) with its count',
      querystring: {
        type: 'object',
        properties: { kind: targetSchema.properties.kind, id: targetSchema.properties.id, tag: tagSchema },
        additionalProperties: false,
      },
      response: { 400: errorSchema },
    },
  }, async (req, reply) => {
    const { kind, id } = req.query;
    const scope = ctx.scope(req);
    const hidden = await hiddenEntities(ctx, req);
    const visible = <T extends { target: Target }>(list: T[]) => list.filter((t) => !(t.target.kind === 'entity' && hidden.has(t.target.id)));
    if (req.query.tag !== undefined) {
      const tag = normaliseTag(req.query.tag);
      if (!tag) return reply.status(400).send({ error: 'bad-request', message: `"${req.query.tag}" is not a tag.` });
      return { tag, items: visible(await ctx.store.curation.taggedWith(scope.collections, tag, kind)) };
    }
    if (kind && id) return { items: visible(await ctx.store.curation.listTags(scope.collections, [{ kind, id }])) };
    if (id) return reply.status(400).send({ error: 'bad-request', message: 'Give the kind of the target with its id.' });
    const counts = new Map<string, number>();
    for (const t of visible(await ctx.store.curation.listTags(scope.collections))) if (!kind || t.target.kind === kind) counts.set(t.tag, (counts.get(t.tag) ?? 0) + 1);
    return { tags: [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)) };
  });
}
