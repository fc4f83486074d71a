/**
 * A search reader: a child process with its own read-only connection to the store file, answering search requests
 * from ReaderPool. It is a process rather than a worker thread because a thread cannot be stopped inside SQLite
 * (Worker.terminate() waited 12 s for one FTS5 query to finish; better-sqlite3 12 has no interrupt or progress
 * handler), while a process can be killed at once when its search passes the budget.
 */
import Database from 'better-sqlite3';
import { searchDocuments } from './search.js';
import { COSTLY_SEARCH, searchCost } from './search-cost.js';
import { serialiseError, type ReaderReply, type ReaderRequest } from './reader-protocol.js';

// The pool may have killed or left this reader meanwhile: a reply nobody can receive is dropped, not an error.
const send = (reply: ReaderReply): void => {
  if (process.connected) process.send?.(reply, undefined, {}, () => undefined);
};

const path = process.argv[2];
if (!path || !process.send) {
  process.stderr.write('reader-process: start it through ReaderPool (an IPC channel and the store path are needed)\n');
  process.exit(1);
}
const db = new Database(path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');

process.on('message', ({ id, request, scope, costlyAllowed }: ReaderRequest) => {
  try {
    // The cost first (a few vocabulary lookups; it also checks the prefix limit), so the pool knows what runs here.
    const costly = searchCost(db, request.query) >= COSTLY_SEARCH;
    if (costly && !costlyAllowed) return send({ id, deferred: true });
    send({ id, costly });
    send({ id, result: searchDocuments(db, request, scope, true) });
  } catch (err) {
    send({ id, error: serialiseError(err) });
  }
});
// The server went away (or closed the store): nothing more will be asked.
process.on('disconnect', () => {
  db.close();
  process.exit(0);
});
send({ ready: true });
