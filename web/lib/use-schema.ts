/** The relation vocabulary from GET /api/schema, fetched once per page load, and how to read a relation type aloud. */
import { DEFAULT_MIN_CONFIDENCE } from '../../src/model/index.js';
import { getSchema, type Schema } from '../api/client.js';
import { ResponseCache, useApi } from './use-api.js';

const schemaCache = new ResponseCache<Schema>(1, Number.POSITIVE_INFINITY);

/** The schema, or null while it loads (callers fall back to the raw type id). */
export function useSchema(): Schema | null {
  return useApi('schema', (signal) => getSchema(signal), schemaCache).data;
}

/** "role_in" read from its source ("holds a post in") or from its target ("has post holder"); the id itself without a schema. */
export function relationLabel(schema: Schema | null, type: string, direction: 'out' | 'in' = 'out'): string {
  const entry = schema?.relationTypes[type];
  if (!entry) return type.replace(/_/g, ' ');
  return direction === 'out' ? entry.label : entry.inverse;
}

/** Confidence as a percentage: 0.734 -> "73%". */
export function formatConfidence(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

/** Relations below the default threshold (calibrated on dev data, src/model/relation-types.ts) are low-confidence. */
export const LOW_CONFIDENCE = DEFAULT_MIN_CONFIDENCE;
