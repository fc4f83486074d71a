/** What every route handler gets from the app: its own module, so routes and app.ts import it without a circle. */
import type { Store, Scope } from '../store/store.js';
import type { DecisionJobs } from '../network/decision-jobs.js';

/** What every route handler gets from the app. */
export interface RouteContext {
  store: Store;
  scope: Scope;
  /** Applies large merges and splits in the background. */
  jobs: DecisionJobs;
  decisionSyncLimit?: number;
}
