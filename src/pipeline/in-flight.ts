/**
 * A bounded set of tasks running together: `add` waits while the set is full, `drain` waits for all of them. A task
 * that fails is not lost while nobody waits on it: the first failure is thrown by the next `add` or `drain`.
 */
export class InFlight {
  private readonly running = new Set<Promise<void>>();
  private failure?: { error: unknown };

  constructor(readonly limit: number) {}

  /** Starts tracking `task` and returns once fewer than `limit` tasks are running. */
  async add(task: Promise<void>): Promise<void> {
    const tracked: Promise<void> = task
      .catch((error: unknown) => void (this.failure ??= { error }))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    while (this.running.size >= Math.max(1, this.limit)) await Promise.race(this.running);
    this.rethrow();
  }

  /** Waits until every task added so far has ended. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.race(this.running);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }
}
