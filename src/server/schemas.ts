/** JSON schemas shared by routes: inputs are validated with them, and they document the API at /api/docs. */

/** Error body of every 4xx/5xx response. */
export const errorSchema = {
  type: 'object',
  properties: { error: { type: 'string' }, message: { type: 'string' } },
  required: ['error', 'message'],
} as const;

/** limit/offset paging parameters. */
export const pagingProperties = {
  limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
  offset: { type: 'integer', minimum: 0, maximum: 100000, default: 0 },
} as const;

/** A document id as the store makes them. */
export const idParams = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[0-9a-f]{16}$' } },
  required: ['id'],
} as const;
