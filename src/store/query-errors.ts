/** Errors a search can end with that are the query's fault, not the server's: each carries a message for the user. */

/** A query the user typed that cannot be parsed; the message names the problem and where it is. */
export class QuerySyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuerySyntaxError';
  }
}

/** A query over one of the limits in QUERY_LIMITS; a syntax error too, so every caller that reports those reports it. */
export class QueryLimitError extends QuerySyntaxError {
  constructor(message: string, readonly limit: string, readonly max: number, readonly value: number) {
    super(message);
    this.name = 'QueryLimitError';
  }
}

/** A search that did not finish within its time budget (it was stopped, so it costs nothing more). */
export class SearchTimeoutError extends Error {
  constructor(message: string, readonly budgetMs: number) {
    super(message);
    this.name = 'SearchTimeoutError';
  }
}

/** The message of a search stopped after `budgetMs`: it tells the user what to do. */
export function searchTimeoutMessage(budgetMs: number): string {
  return `The search took longer than ${formatSeconds(budgetMs)} and was stopped; narrow the query (fewer or longer prefix* terms, fewer common words, a smaller NEAR).`;
}

/** The message of a search that waited `budgetMs` for a free reader (or, `costly`, for the lane of costly searches). */
export function searchBusyMessage(budgetMs: number, costly = false): string {
  return costly
    ? `Other costly searches are running and this one, costly too, could not start within ${formatSeconds(budgetMs)}; try again shortly or narrow the query.`
    : `The server is busy with other searches and could not start this one within ${formatSeconds(budgetMs)}; try again shortly.`;
}

/** 2000 -> "2 s", 2500 -> "2.5 s", 250 -> "250 ms". */
function formatSeconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
