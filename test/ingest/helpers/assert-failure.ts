/** Shared assertion for ingest tests: a promise rejects with an IngestFailure of a given code. */
import assert from 'node:assert/strict';
import { IngestFailure } from '../../../src/ingest/handler.js';

/** Asserts that the promise rejects with an IngestFailure of the given code whose message matches. */
export async function rejectsWith(p: Promise<unknown>, code: string, message?: RegExp): Promise<IngestFailure> {
  const err = await p.then(() => assert.fail(`expected IngestFailure ${code}`), (e: unknown) => e);
  assert.ok(err instanceof IngestFailure, `expected IngestFailure, got ${String(err)}`);
  assert.equal(err.code, code, err.message);
  if (message) assert.match(err.message, message);
  return err;
}
