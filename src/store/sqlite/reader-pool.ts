/**
 * Searches off the request thread: a few reader processes (reader-process.ts), each with its own read-only connection
 * to the same WAL database file. A search that passes its time budget is answered with SearchTimeoutError and its
 * reader is killed and replaced, so a pathological query never holds the server, another search or a CPU core for
 * longer than the budget.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SearchResponse } from '../../model/index.js';
import type { Scope, SearchRequest } from '../store.js';
import {
  QueryLimitError, QuerySyntaxError, SearchTimeoutError, searchBusyMessage, searchTimeoutMessage,
} from '../query-errors.js';

/** Default number of readers (all started at the first search): two can run slow queries while a third answers a simple one. */
export const SEARCH_READERS = 3;

/** A request sent to a reader. */
export interface ReaderRequest {
  id: number;
  request: SearchRequest;
  scope: Scope;
}

/** What a reader sends back: that it is ready, or the answer to one request. */
export type ReaderReply =
  | { ready: true; id?: undefined }
  | { id: number; result: SearchResponse }
  | { id: number; error: { name: string; message: string; stack?: string; limit?: string; max?: number; value?: number } };

/** How many readers and how long a search may take. */
export interface ReaderPoolOptions {
  /** Searches that may run at once: one reader process each, all started at the first search and replaced when killed. */
  readers: number;
  /** Milliseconds a search may run, and may wait for a free reader when every reader is busy. */
  budgetMs: number;
}

interface Job {
  message: ReaderRequest;
  resolve: (value: SearchResponse) => void;
  reject: (reason: Error) => void;
  timer: NodeJS.Timeout;
  reader?: Reader;
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

  constructor(private readonly path: string, private readonly options: ReaderPoolOptions) {}

  /** Runs one search in a reader; rejects with SearchTimeoutError once the budget is spent. */
  search(request: SearchRequest, scope: Scope): Promise<SearchResponse> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    this.failing = false;
    return new Promise<SearchResponse>((resolve, reject) => {
      const job: Job = {
        message: { id: this.nextId++, request, scope },
        resolve,
        reject,
        timer: setTimeout(() => this.expire(job), this.options.budgetMs),
      };
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
    if (!this.closed && !this.failing) while (this.readers.size < this.options.readers) this.start();
    if (this.waiters.length > 0 && [...this.readers].every((r) => r.ready)) for (const w of this.waiters.splice(0)) w.resolve();
    while (this.queue.length > 0) {
      const idle = [...this.readers].find((r) => r.ready && !r.job);
      if (!idle) break;
      const job = this.queue.shift()!;
      job.reader = idle;
      idle.job = job;
      // The budget of a running search starts now: the wait for a free reader had its own.
      clearTimeout(job.timer);
      job.timer = setTimeout(() => this.expire(job), this.options.budgetMs);
      idle.child.send(job.message);
    }
    this.updateRefs();
  }

  private start(): Reader {
    const child = fork(ENTRY, [this.path], {
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
    if (reply.id === undefined) {
      reader.ready = true;
    } else if (reader.job && reader.job.message.id === reply.id) {
      const job = reader.job;
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

  /**
   * A budget of `job` is spent. Waiting: while a reader is still starting (0.1-0.5 s, more on a loaded machine: not the
   * query's fault) it waits on, else every reader was busy all along and it fails. Running: it is answered now and its
   * reader killed.
   */
  private expire(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      if ([...this.readers].some((r) => !r.ready)) {
        job.timer = setTimeout(() => this.expire(job), this.options.budgetMs);
        return;
      }
      this.queue.splice(queued, 1);
      this.finish(job, new SearchTimeoutError(searchBusyMessage(this.options.budgetMs), this.options.budgetMs));
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

/** The error a reader reported, as the class callers test for. */
function reviveError(e: { name: string; message: string; stack?: string; limit?: string; max?: number; value?: number }): Error {
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
