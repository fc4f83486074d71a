/**
 * Facts made by hand from a span of the reader: POST /entities (a name marked in the text) and POST /relations/:id/evidence
 * (a further sentence cited for a relation, or a denial of it). Validate, check write access, audit, call network/hand-made.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../context.js';
import { ENTITY_TYPES } from '../../model/index.js';
import { addHandMadeEntity, attachEvidence, type CitedSpan } from '../../network/hand-made.js';
import { actingUser, refuseDocumentWrite } from '../acting-user.js';
import { errorSchema } from '../schemas.js';
import { answer } from './review.js';

const span = {
  type: 'object',
  properties: { documentId: { type: 'string', pattern: '^[0-9a-f]{16}$' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 1 } },
  required: ['documentId', 'start', 'end'], additionalProperties: false,
} as const;
const by = { type: 'string', maxLength: 100 } as const;

/** Registers the routes of facts made by hand (relations themselves: POST /relations in review.ts). */
export function handMadeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.post<{ Body: { type: string; name: string; evidence: CitedSpan; by?: string } }>('/entities', {
    schema: {
      summary: 'Add an entity by hand: the cited span becomes an analyst mention of that name (stage "analyst", user, time), resolved at once; 201 with the entity',
      body: {
        type: 'object',
        properties: { type: { type: 'string', enum: [...ENTITY_TYPES] }, name: { type: 'string', minLength: 1, maxLength: 300 }, evidence: span, by },
        required: ['type', 'name', 'evidence'], additionalProperties: false,
      },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const refused = await refuseDocumentWrite(ctx, req, reply, req.body.evidence.documentId);
    if (refused) return refused;
    await ctx.audit(req, 'entity-added', req.body.evidence.documentId, { type: req.body.type, name: req.body.name, evidence: req.body.evidence });
    return answer(reply, 201, () => addHandMadeEntity(ctx.store, ctx.scope(req), req.body, actingUser(ctx, req)));
  });

  app.post<{ Params: { id: string }; Body: { evidence: CitedSpan; denial?: boolean; by?: string; entity?: string } }>('/relations/:id/evidence', {
    schema: {
      summary: 'Attach a span of a document as further evidence of a relation, or (denial: true) as a sentence denying it; stage "analyst", 201 with the record',
      params: { type: 'object', properties: { id: { type: 'string', pattern: '^rel_[0-9a-f]{16}$' } }, required: ['id'] },
      body: {
        type: 'object', required: ['evidence'], additionalProperties: false,
        properties: { evidence: span, denial: { type: 'boolean', default: false }, by, entity: { type: 'string', pattern: '^ent_[0-9a-f]{16}$', description: 'one end of the relation: read by key (without it every relation of the scope is read)' } },
      },
      response: { 400: errorSchema, 403: errorSchema, 404: errorSchema },
    },
  }, async (req, reply) => {
    const refused = await refuseDocumentWrite(ctx, req, reply, req.body.evidence.documentId);
    if (refused) return refused;
    await ctx.audit(req, req.body.denial ? 'denial-added' : 'evidence-added', req.params.id, { evidence: req.body.evidence });
    return answer(reply, 201, () => attachEvidence(ctx.store, ctx.scope(req), req.params.id, req.body.evidence, { denial: req.body.denial, by: actingUser(ctx, req), entity: req.body.entity }));
  });
}
