/** ResolutionStore over SQL, shared by both engines: the reads of ResolutionReads and the commit of resolution-commit. */
import type { DecisionRecord } from '../../model/index.js';
import type { ResolutionChange, ResolutionStore } from '../resolution.js';
import { commitPlan } from './resolution-commit.js';
import { crashPoint } from './crash-point.js';
import { ResolutionReads, toDecision } from './resolution-read.js';
import type { SqlExecutor } from './resolution-sql.js';

/** The resolution index of one store. */
export class SqlResolutionStore extends ResolutionReads implements ResolutionStore {
  constructor(exec: SqlExecutor) {
    super(exec);
  }

  async commit(collection: string, expectedVersion: number, change: ResolutionChange): Promise<{ ok: boolean; decisions: DecisionRecord[] }> {
    const plan = commitPlan(this.exec.dialect, collection, expectedVersion, change);
    const result = await this.exec.run(plan, () => crashPoint('resolution-commit'));
    if (!result.ok) return { ok: false, decisions: [] };
    const inserted = result.rows.map((rows) => rows[0] as Parameters<typeof toDecision>[0] | undefined);
    const decisions: DecisionRecord[] = [];
    for (const [i, { decision }] of (change.newDecisions ?? []).entries()) {
      const row = inserted[i];
      // Not inserted: the latest decision about the pair already said the same; that one stands for it.
      const same = row ? toDecision(row) : await this.latestDecision(collection, decision.a, decision.b);
      if (same) decisions.push(same);
    }
    return { ok: true, decisions };
  }
}
