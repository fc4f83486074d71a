/** Messages between ReaderPool and its reader processes (sent with the 'advanced' serialisation, so values arrive as sent). */
import type { SearchResponse } from '../../model/index.js';
import type { Scope, SearchRequest } from '../store.js';
import { QueryLimitError, QuerySyntaxError } from '../query-errors.js';

/** A search for a reader. `costlyAllowed`: whether it may run a costly search now (else it defers it). */
export interface ReaderRequest {
  id: number;
  request: SearchRequest;
  scope: Scope;
  costlyAllowed: boolean;
}

/** An error as it crosses the process boundary. */
export interface ReaderError {
  name: string;
  message: string;
  stack?: string;
  limit?: string;
  max?: number;
  value?: number;
}

/**
 * What a reader sends: that it is ready; for a request, first its cost (`costly`), or that it deferred a costly one it
 * was not allowed to run; then the answer or the error.
 */
export type ReaderReply =
  | { ready: true; id?: undefined }
  | { id: number; costly: boolean }
  | { id: number; deferred: true }
  | { id: number; result: SearchResponse }
  | { id: number; error: ReaderError };

/** An error as a reader sends it. */
export function serialiseError(err: unknown): ReaderError {
  const e = err instanceof Error ? err : new Error(String(err));
  const limit = e instanceof QueryLimitError ? { limit: e.limit, max: e.max, value: e.value } : {};
  return { name: e.name, message: e.message, stack: e.stack, ...limit };
}

/** The error a reader reported, as the class callers test for. */
export function reviveError(e: ReaderError): Error {
  let err: Error;
  if (e.name === 'QueryLimitError') err = new QueryLimitError(e.message, e.limit ?? '', e.max ?? 0, e.value ?? 0);
  else if (e.name === 'QuerySyntaxError') err = new QuerySyntaxError(e.message);
  else {
    err = new Error(e.message);
    err.name = e.name;
  }
  if (e.stack) err.stack = e.stack;
  return err;
}
