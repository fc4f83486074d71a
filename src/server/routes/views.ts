/**
 * Saved views of the network and their dossiers (issue 12, item 6): POST /views, GET /views, GET /views/:id,
 * DELETE /views/:id, GET /views/:id/dossier?format=html|json. A view reads some collections (by default every one the
 * caller may read); saving needs write permission on all of them; a view on a collection the caller may not read
 * answers 404 as one that does not exist; deleting is for its author or an admin. Every write and dossier is audited.
 * Dossiers are pseudonymised exactly as exports are (the export store wrapper), for every caller.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../context.js';
import type { SavedView } from '../../store/shared/views-store.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../../model/index.js';
import { actingUser, refuseUnlessWritable } from '../acting-user.js';
import { mayWrite } from '../auth/principal.js';
import { errorSchema } from '../schemas.js';
import { entityId, minGradeSchema } from './network.js';
import { pseudonymisedStore } from '../../network/protection/export-store.js';
import { buildDossier } from '../../export/dossier.js';
import { buildDossierHtml } from '../../export/dossier-html.js';

const partialDate = { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' } as const;
/** The GET /api/graph parameters a view saves (as the network scene sends them). */
const graphQuerySchema = {
  type: 'object',
  properties: {
    entity: entityId,
    hops: { type: 'integer', minimum: 1, maximum: 4 },
    relationTypes: { type: 'string', maxLength: 500 },
    entityTypes: { type: 'string', maxLength: 100 },
    minConfidence: { type: 'number', minimum: 0, maximum: 1 },
    minSources: { type: 'integer', minimum: 0, maximum: 1000 },
    limit: { type: 'integer', minimum: 1, maximum: 20000 },
    from: partialDate,
    to: partialDate,
    reviewedOnly: { type: 'boolean' },
    minGrade: minGradeSchema,
    tag: { type: 'string', minLength: 1, maxLength: 50 },
  },
  additionalProperties: false,
} as const;
const nodeId = { type: 'string', minLength: 1, maxLength: 200 } as const;
const viewParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

interface NewViewBody { name: string; query?: SavedView['query']; selected?: string[]; layout?: SavedView['layout']; collections?: string[]; by?: string }

/** True when the caller may read every collection of the view. */
function readable(ctx: RouteContext, req: FastifyRequest, view: SavedView): boolean {
  const scope = ctx.scope(req).collections;
  return scope === '*' || view.collections.every((c) => scope.includes(c));
}

/** Registers the saved-view routes. */
export function viewRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const notFound = (reply: FastifyReply, id: number) => reply.status(404).send({ error: 'not-found', message: `No saved view with id ${id}.` });
  const find = async (req: FastifyRequest, id: number): Promise<SavedView | null> => {
    const view = await ctx.store.views.getView(id);
    return view && readable(ctx, req, view) ? view : null;
  };

  app.post<{ Body: NewViewBody }>('/views', {
    schema: {
      summary: 'Save a view of the network: its graph query, selected nodes and layout, over some collections (default: all the caller reads); audited',
      body: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200 },
          query: graphQuerySchema,
          selected: { type: 'array', items: nodeId, maxItems: 5000 },
          layout: { type: 'object', maxProperties: 20000, additionalProperties: { type: 'object', properties: { x: { type: 'number' }, y: { type: 'number' } }, required: ['x', 'y'], additionalProperties: false } },
          collections: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, minItems: 1, maxItems: 1000 },
          by: { type: 'string', maxLength: 100 },
        },
        required: ['name'], additionalProperties: false,
      },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const name = req.body.name.trim();
    if (!name || name.includes('\u0000')) return reply.status(400).send({ error: 'bad-request', message: 'A saved view needs a name (and no NUL characters).' });
    const query = req.body.query ?? {};
    const bad = [...String(query.relationTypes ?? '').split(','), ...String(query.entityTypes ?? '').split(',')].map((t) => t.trim()).filter(Boolean)
      .find((t) => !(t in RELATION_TYPES) && !(ENTITY_TYPES as readonly string[]).includes(t));
    if (bad) return reply.status(400).send({ error: 'bad-request', message: `Unknown type "${bad}".` });
    const scope = ctx.scope(req).collections;
    const all = await ctx.store.listCollections();
    const visible = scope === '*' ? all : all.filter((c) => scope.includes(c));
    const collections = req.body.collections ? [...new Set(req.body.collections)] : visible;
    const unseen = collections.find((c) => !visible.includes(c));
    if (unseen !== undefined) return reply.status(404).send({ error: 'not-found', message: `No collection "${unseen}".` });
    if (collections.length === 0) return reply.status(400).send({ error: 'bad-request', message: 'There is no collection to save a view of.' });
    const refused = refuseUnlessWritable(ctx, req, reply, collections, 'saved views');
    if (refused) return refused;
    const view = await ctx.store.views.addView({ name, query, selected: req.body.selected ?? [], layout: req.body.layout ?? {}, collections, by: actingUser(ctx, req) ?? null });
    await ctx.audit(req, 'view-saved', `view:${view.id}`, { name, collections });
    return reply.status(201).send(view);
  });

  app.get('/views', {
    schema: { summary: 'The saved views the caller may read (every collection of theirs readable), newest first; without layouts', response: { 400: errorSchema } },
  }, async (req) => {
    const views = (await ctx.store.views.listViews()).filter((v) => readable(ctx, req, v));
    return { items: views.map(({ layout: _l, ...v }) => v), total: views.length };
  });

  app.get<{ Params: { id: number } }>('/views/:id', {
    schema: { summary: 'One saved view: query, selection, layout', params: viewParams, response: { 400: errorSchema, 404: errorSchema } },
  }, async (req, reply) => {
    const view = await find(req, req.params.id);
    return view ?? notFound(reply, req.params.id);
  });

  app.delete<{ Params: { id: number } }>('/views/:id', {
    schema: { summary: 'Delete a saved view (its author or an admin); audited', params: viewParams, response: { 400: errorSchema, 403: errorSchema, 404: errorSchema } },
  }, async (req, reply) => {
    const view = await find(req, req.params.id);
    if (!view) return notFound(reply, req.params.id);
    const caller = ctx.caller(req);
    if (caller.role !== 'admin' && (view.by === null || view.by !== actingUser(ctx, req))) {
      return reply.status(403).send({ error: 'forbidden', message: 'Only the author of a saved view or an admin may delete it.' });
    }
    await ctx.store.views.deleteView(view.id);
    await ctx.audit(req, 'view-deleted', `view:${view.id}`, { name: view.name, collections: view.collections });
    return reply.status(204).send();
  });

  app.get<{ Params: { id: number }; Querystring: { format: 'html' | 'json'; unmask?: string } }>('/views/:id/dossier', {
    schema: {
      summary: 'The dossier of a saved view: its edges with every citation, grades, corroboration, review and notes, as one self-contained HTML page or JSON; protected names pseudonymised unless unmask=1 (audited)',
      params: viewParams,
      querystring: {
        type: 'object',
        properties: {
          format: { type: 'string', enum: ['html', 'json'], default: 'html' },
          unmask: { type: 'string', enum: ['0', '1', 'false', 'true'], description: 'protected entities under their real names: admins and editors with write on every collection of the view (audited)' },
        },
        additionalProperties: false,
      },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const view = await find(req, req.params.id);
    if (!view) return notFound(reply, req.params.id);
    const scope = { collections: view.collections };
    const unmask = req.query.unmask === '1' || req.query.unmask === 'true';
    // Who may read protected names in the API (an admin, an editor with write on the collections) may unmask a dossier.
    const caller = ctx.caller(req);
    if (unmask && (caller.role === 'viewer' || !mayWrite(caller, view.collections))) {
      return reply.status(403).send({ error: 'forbidden', message: 'Only an admin or an editor with write access to every collection of the view may unmask its protected identities.' });
    }
    await ctx.audit(req, 'dossier', `view:${view.id}`, { format: req.query.format, collections: view.collections, unmask });
    if (unmask) await ctx.audit(req, 'unmask', `view:${view.id}`, { format: req.query.format, collections: view.collections });
    // Pseudonymised as exports are unless unmasked; sent as text so the API's answer hook leaves it alone.
    const dossier = await buildDossier(unmask ? ctx.store : await pseudonymisedStore(ctx.store, scope), scope, view);
    const file = `dossier-${view.id}.${req.query.format}`;
    reply.header('content-disposition', `inline; filename="${file}"`);
    if (req.query.format === 'json') return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(dossier, null, 2)}\n`);
    // The page runs no script and loads nothing; its policy (server/security.ts) lets it style itself inline, nothing more.
    return reply.type('text/html; charset=utf-8').send(buildDossierHtml(dossier));
  });
}
