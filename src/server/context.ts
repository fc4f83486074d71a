/** What every route handler gets from the app: its own module, so routes and app.ts import it without a circle. */
import type { FastifyRequest } from 'fastify';
import type { Store, Scope } from '../store/store.js';
import type { DecisionJobs } from '../network/decision-jobs.js';
import type { Principal } from './auth/principal.js';
import type { AuditFn } from './auth/audit.js';

/** What every route handler gets from the app. */
export interface RouteContext {
  store: Store;
  /** The collections this request may read: the server's scope narrowed to the caller's grants (the one choke point). */
  scope: (req: FastifyRequest) => Scope;
  /** Who made the request. */
  caller: (req: FastifyRequest) => Principal;
  /** Appends a row to the audit log for this request. */
  audit: AuditFn;
  /** Applies large merges and splits in the background. */
  jobs: DecisionJobs;
  decisionSyncLimit?: number;
}
