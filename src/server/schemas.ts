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

const nullableString = { type: ['string', 'null'] } as const;

/** One place a document was found: a root file (parentId null) or a member of a container, under a path. */
export const locationSchema = {
  type: 'object',
  properties: {
    parentId: { ...nullableString, description: 'The container (archive, e-mail, workbook) it was found in; null for a file given to ingest' },
    parentTitle: { ...nullableString, description: "The container's title, when it has one" },
    path: { type: 'string', description: 'The path there (archive members: archive path + "!/" + member; sheets: workbook path + "#" + sheet)' },
    name: { ...nullableString, description: 'What the container calls the member (member path, attachment or sheet name); null for a root' },
    firstSeen: { type: 'string', description: 'When an ingest first found it there (ISO timestamp)' },
  },
  required: ['parentId', 'path', 'name', 'firstSeen'],
} as const;

/**
 * 200 of GET /api/documents/:id. The document's own fields pass as the store returns them (additionalProperties);
 * declared here: its children, one per location under it, and its locations, every place its content was found.
 */
export const documentDetailSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    id: { type: 'string' },
    path: { type: 'string', description: 'The first place the content was found (also locations[0])' },
    parentId: nullableString,
    locations: { type: 'array', items: locationSchema, description: "Every place the content was found, the document's own first" },
    children: {
      type: 'array',
      description: 'Documents found in this one, one per location (identical members are listed each under its own path, same id)',
      items: {
        type: 'object',
        additionalProperties: true,
        properties: { id: { type: 'string' }, path: { type: 'string' }, parentId: nullableString, name: nullableString },
      },
    },
  },
  required: ['id', 'path', 'locations', 'children'],
} as const;
