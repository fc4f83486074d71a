/**
 * The sign-in limiter, per account and per client address, with its counters in the store: every server process on
 * one PostgreSQL database (or one SQLite file) counts the same failures, and a restart forgets none. The same token
 * bucket as rate-limit.ts (`burst` wrong passwords at once, `perMinute` regained), the same wrong password again is free.
 *
 * The gate's limit on wrong API tokens and session ids stays in memory (rate-limit.ts): it is checked on every request
 * that carries a secret, a 192-bit token cannot be guessed anyway, and a store read per request would cost every reader.
 */
import type { TrustStore, LimiterRule } from '../../store/trust.js';
import type { FailureLimitOptions } from '../rate-limit.js';

/** Counts failed sign-ins in the store and says how long a key must wait. */
export class StoreLimiter {
  private readonly rule: LimiterRule;
  private readonly now: () => number;

  constructor(private readonly trust: TrustStore, options: FailureLimitOptions = {}) {
    this.rule = { burst: options.burst ?? 10, perMs: (options.perMinute ?? 10) / 60_000 };
    this.now = options.now ?? Date.now;
  }

  private wait(left: number, atMs: number): number {
    const now = this.now();
    const current = Math.min(this.rule.burst, left + Math.max(0, now - atMs) * this.rule.perMs);
    return current >= 1 ? 0 : Math.max(1, Math.ceil((1 - current) / this.rule.perMs / 1000));
  }

  /** Seconds `key` must wait before its next sign-in is checked; 0 when it may try now. */
  async retryAfter(key: string): Promise<number> {
    const b = await this.trust.limiterGet(key);
    return b ? this.wait(b.left, b.atMs) : 0;
  }

  /** Records a failed sign-in of `key` (`guess` identifies it, e.g. a hash of name and password). */
  async fail(key: string, guess: string): Promise<void> {
    await this.trust.limiterFail(key, guess, this.rule, this.now());
  }
}
