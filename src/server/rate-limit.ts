/**
 * Limits wrong-token guesses per client address: a bucket of `burst` guesses that refills at `perMinute`; an empty
 * bucket means 429 with Retry-After, and while it is empty not even a right token is checked (no oracle to guess against).
 */

/** Settings of a FailureLimiter. */
export interface FailureLimitOptions {
  /** Wrong guesses allowed at once before waiting (default 10). */
  burst?: number;
  /** Guesses regained per minute (default 10). */
  perMinute?: number;
  /** Clock in ms (tests pass a fake one). */
  now?: () => number;
  /** Addresses remembered at most; beyond it the longest-idle ones are forgotten (default 10,000). */
  maxClients?: number;
}

interface Bucket {
  /** Guesses left, fractional while refilling. */
  left: number;
  /** When `left` was last brought up to date. */
  at: number;
  /** The last few wrong tokens (hashed by the caller): presenting the same wrong token again is not a new guess. */
  recent: string[];
}

const RECENT = 4;

/**
 * The key a client is counted under: an IPv4 address as is ("::ffff:10.0.0.1" -> "10.0.0.1"), an IPv6 address by its
 * /64 network, since one host can use any address in it ("2001:db8:0:1::5" -> "2001:db8:0:1").
 */
export function clientKey(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':');
}

/** Counts wrong guesses per client and says how long a client must wait. */
export class FailureLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;
  private readonly perMs: number;
  private readonly now: () => number;
  private readonly maxClients: number;

  constructor(options: FailureLimitOptions = {}) {
    this.burst = options.burst ?? 10;
    this.perMs = (options.perMinute ?? 10) / 60_000;
    this.now = options.now ?? Date.now;
    this.maxClients = options.maxClients ?? 10_000;
  }

  private current(key: string): Bucket | undefined {
    const b = this.buckets.get(key);
    if (!b) return undefined;
    const t = this.now();
    b.left = Math.min(this.burst, b.left + (t - b.at) * this.perMs);
    b.at = t;
    return b;
  }

  /** Seconds `key` must wait before its next guess is checked; 0 when it may guess now. */
  retryAfter(key: string): number {
    const b = this.current(key);
    if (!b || b.left >= 1) return 0;
    return Math.max(1, Math.ceil((1 - b.left) / this.perMs / 1000));
  }

  /** Records a wrong guess (`guess` identifies it, e.g. a hash); a guess among the last few of this client is free. */
  fail(key: string, guess: string): void {
    let b = this.current(key);
    if (!b) {
      this.makeRoom();
      b = { left: this.burst, at: this.now(), recent: [] };
    }
    this.buckets.delete(key); // re-inserted last: the Map's order is then oldest activity first
    this.buckets.set(key, b);
    if (b.recent.includes(guess)) return;
    b.recent.push(guess);
    if (b.recent.length > RECENT) b.recent.shift();
    b.left = Math.max(0, b.left - 1);
  }

  /** Clients currently remembered. */
  get size(): number {
    return this.buckets.size;
  }

  private makeRoom(): void {
    if (this.buckets.size < this.maxClients) return;
    for (const [key] of this.buckets) {
      if (this.current(key)!.left >= this.burst) this.buckets.delete(key);
    }
    while (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
  }
}
