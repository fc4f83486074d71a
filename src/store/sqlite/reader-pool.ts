/**
 * Searches off the request thread: a few reader processes (reader-process.ts), each with its own read-only connection
 * to the same WAL database file. A search that passes its time budget is answered with SearchTimeoutError and its
 * reader is killed and replaced, so a pathological query never holds the server or a CPU core for longer than the
 * budget. Costly searches (see search-cost.ts) share one lane, so however many arrive at once, the other readers stay
 * free for simple ones.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve as absolutePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchResponse } from '../../model/index.js';
import type { Scope, SearchRequest } from '../store.js';
import { SearchTimeoutError, searchBusyMessage, searchTimeoutMessage } from '../query-errors.js';
import { reviveError, type ReaderReply, type ReaderRequest } from './reader-protocol.js';

/** Default number of readers: one lane for costly searches, two for the rest. */
export const SEARCH_READERS = 3;

/** How many readers and how long a search may take. */
export interface ReaderPoolOptions {
  /** Searches that may run at once: one reader process each, started at the first search and replaced when killed. */
  readers: number;
  /** Milliseconds from a search request to its answer, waiting for a free reader included. */
  budgetMs: number;
}

interface Job {
  message: ReaderRequest;
  resolve: (value: SearchResponse) => void;
  reject: (reason: Error) => void;
  /** Fires at the deadline: the budget from the request (from the first ready reader, for requests made before). */
  timer?: NodeJS.Timeout;
  deadline: number;
  reader?: Reader;
  /** Known once its reader reported the cost (or deferred it); undefined before. */
  costly?: boolean;
}

interface Reader {
  child: ChildProcess;
  ready: boolean;
  job?: Job;
}

const here = fileURLToPath(import.meta.url);
// Under tsx (tests, development) the sources are .ts; the built package has .js.
const ENTRY = join(dirname(here), `reader-process${here.endsWith('.ts') ? '.ts' : '.js'}`);
// Flags of this process a child must not repeat (a second inspector on the same port, the test runner).
const SKIP_FLAG = /^--(inspect|test|watch)/u;
// A search left with less than this share of its budget when a reader frees up is answered busy instead.
const MIN_BUDGET_SHARE = 0.1;

/** A pool of search reader processes over one database file. */
export class ReaderPool {
  private readonly readers = new Set<Reader>();
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  // Set when a reader died before it was ready (bad file, missing module): no restarts until the next search asks.
  private failing = false;
  // Callers of warm() waiting for every reader to be ready.
  private waiters: { resolve: () => void; reject: (err: Error) => void }[] = [];
  // Costly searches that may run at once: all readers but two, at least one.
  private readonly costlyLanes: number;
  // False until a reader is first ready; searches asked before get their budget from then on.
  private everReady = false;

  constructor(private readonly path: string, private readonly options: ReaderPoolOptions) {
    this.costlyLanes = Math.max(1, options.readers - 2);
  }

  /** Runs one search in a reader; rejects with SearchTimeoutError once the budget is spent. */
  search(request: SearchRequest, scope: Scope): Promise<SearchResponse> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    this.failing = false;
    return new Promise<SearchResponse>((resolve, reject) => {
      const job: Job = {
        message: { id: this.nextId++, request, scope, costlyAllowed: false },
        resolve,
        reject,
        deadline: Infinity,
      };
      // Starting the readers (0.1-0.5 s; seconds under tsx on a loaded machine) is not the query's time.
      if (this.everReady) this.arm(job);
      this.queue.push(job);
      this.pump();
    });
  }

  /** Starts the readers (if not yet) and resolves when all are ready, so the first searches do not wait for a start. */
  warm(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    this.failing = false;
    return new Promise<void>((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.pump();
    });
  }

  /** Stops every reader; searches still waiting or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w.reject(new Error('The store was closed.'));
    for (const job of this.queue.splice(0)) this.finish(job, new Error('The store was closed before the search ran.'));
    const exits = [...this.readers].map((reader) => this.stop(reader, reader.job ? 'SIGKILL' : undefined));
    for (const reader of this.readers) if (reader.job) this.finish(reader.job, new Error('The store was closed during the search.'));
    await Promise.all(exits);
  }

  /** Keeps the pool at full strength (replacing killed readers at once) and hands queued searches to idle readers. */
  private pump(): void {
    // One reader first, the rest once it is ready (a one-off CLI search is not slowed by starting three at once), or all
    // at once when warm() asked for them.
    const target = this.everReady || this.waiters.length > 0 ? this.options.readers : 1;
    if (!this.closed && !this.failing) while (this.readers.size < target) this.start();
    if (this.waiters.length > 0 && [...this.readers].every((r) => r.ready)) for (const w of this.waiters.splice(0)) w.resolve();
    for (let i = 0; i < this.queue.length;) {
      const idle = [...this.readers].find((r) => r.ready && !r.job);
      if (!idle) break;
      const job = this.queue[i]!;
      // A search known to be costly waits for the costly lane; searches behind it may pass.
      const laneFree = this.costlyClaims() < this.costlyLanes;
      if (job.costly && !laneFree) { i++; continue; }
      this.queue.splice(i, 1);
      // Too little of the budget left to be worth a reader that would probably be killed: answer busy now.
      if (job.deadline - performance.now() < this.options.budgetMs * MIN_BUDGET_SHARE) {
        this.finish(job, this.busyError(job));
        continue;
      }
      job.reader = idle;
      idle.job = job;
      // A search of unknown cost given the lane holds it until its reader reports the cost (a few lookups).
      job.message.costlyAllowed = laneFree;
      idle.child.send(job.message);
    }
    this.updateRefs();
  }

  /** Running searches that hold the costly lane: costly ones, and ones allowed it whose cost is not known yet. */
  private costlyClaims(): number {
    let n = 0;
    for (const { job } of this.readers) if (job && (job.costly ?? job.message.costlyAllowed)) n++;
    return n;
  }

  private start(): Reader {
    // Absolute, so a reader finds the file whatever its working folder.
    const child = fork(ENTRY, [absolutePath(this.path)], {
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      execArgv: process.execArgv.filter((flag) => !SKIP_FLAG.test(flag)),
    });
    const reader: Reader = { child, ready: false };
    this.readers.add(reader);
    child.on('message', (reply: ReaderReply) => this.onReply(reader, reply));
    child.on('error', (err) => this.onExit(reader, err.message));
    child.on('exit', (code, signal) => this.onExit(reader, signal ? `signal ${signal}` : `exit code ${code}`));
    return reader;
  }

  private onReply(reader: Reader, reply: ReaderReply): void {
    const job = reader.job;
    if (reply.id === undefined) {
      reader.ready = true;
      if (!this.everReady) {
        this.everReady = true;
        for (const waiting of this.queue) this.arm(waiting);
      }
    } else if (!job || job.message.id !== reply.id) {
      return;
    } else if ('costly' in reply) {
      job.costly = reply.costly;
    } else if ('deferred' in reply) {
      // Costly while the lane was taken: back to the front of the queue, to wait for the lane within its budget.
      reader.job = undefined;
      job.reader = undefined;
      job.costly = true;
      this.queue.unshift(job);
    } else {
      reader.job = undefined;
      if ('result' in reply) this.finish(job, null, reply.result);
      else this.finish(job, reviveError(reply.error));
    }
    this.pump();
  }

  /** A reader ended: by our kill after a timeout, at close, or on its own (then its search fails with the cause). */
  private onExit(reader: Reader, cause: string): void {
    if (!this.readers.delete(reader)) return;
    if (reader.job) this.finish(reader.job, new Error(`The search process stopped unexpectedly (${cause}).`));
    if (!reader.ready) {
      // A reader that cannot even start would fail again: fail what waits instead of restarting in a loop.
      this.failing = true;
      const err = new Error(`The search process could not start (${cause}).`);
      for (const job of this.queue.splice(0)) this.finish(job, err);
      for (const w of this.waiters.splice(0)) w.reject(err);
    }
    if (!this.closed) this.pump();
  }

  /** Starts the budget of a search: from now, it has budgetMs to be answered. */
  private arm(job: Job): void {
    job.deadline = performance.now() + this.options.budgetMs;
    job.timer = setTimeout(() => this.expire(job), this.options.budgetMs);
  }

  private busyError(job: Job): SearchTimeoutError {
    return new SearchTimeoutError(searchBusyMessage(this.options.budgetMs, job.costly === true), this.options.budgetMs);
  }

  /** The budget of `job` is spent: a waiting search fails as busy; a running one is answered now and its reader killed. */
  private expire(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.finish(job, this.busyError(job));
    } else if (job.reader?.job === job) {
      const reader = job.reader;
      this.readers.delete(reader);
      reader.job = undefined;
      void this.stop(reader, 'SIGKILL');
      this.finish(job, new SearchTimeoutError(searchTimeoutMessage(this.options.budgetMs), this.options.budgetMs));
      this.pump();
    }
  }

  private finish(job: Job, error: Error | null, result?: SearchResponse): void {
    clearTimeout(job.timer);
    if (job.reader?.job === job) job.reader.job = undefined;
    if (error) job.reject(error);
    else job.resolve(result!);
  }

  /** Ends a reader: politely (closing its channel lets it close its connection) or with SIGKILL; resolves on exit. */
  private stop(reader: Reader, signal?: NodeJS.Signals): Promise<void> {
    const { child } = reader;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    child.ref();
    return new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      if (signal) child.kill(signal);
      else if (child.connected) child.disconnect();
      else child.kill('SIGKILL');
    });
  }

  /** Idle readers must not keep the process alive (a CLI exits when done); busy ones must, until they answer. */
  private updateRefs(): void {
    const busy = this.queue.length > 0 || this.waiters.length > 0;
    for (const { child, job } of this.readers) {
      const ref = busy || job !== undefined;
      const channel = child.channel as { ref?: () => void; unref?: () => void } | null | undefined;
      if (ref) { child.ref(); channel?.ref?.(); } else { child.unref(); channel?.unref?.(); }
    }
  }
}
