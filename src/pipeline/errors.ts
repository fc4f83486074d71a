/** Errors as people read them: one line for summaries and `stats`, the stacks of the error and its causes for the log. */

// A reason is stored and printed per failure: long messages (a stage quoting its input) are cut.
const MAX_REASON = 500;
// Causes are followed this deep: a cycle (a.cause = a) or a long chain must not hang the log.
const MAX_CAUSES = 5;

/** One line: "RangeError: Maximum call stack size exceeded", with causes appended ("; caused by ..."). */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth <= MAX_CAUSES; depth++) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
    e = e instanceof Error ? e.cause : undefined;
  }
  const line = parts.join('; caused by ').replace(/\s+/gu, ' ').trim();
  return line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line;
}

/** The stack of the error and of each cause ("Caused by: ..."), for the log. */
export function errorDetail(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e !== undefined && e !== null && depth <= MAX_CAUSES; depth++) {
    const text = e instanceof Error ? (e.stack ?? `${e.name}: ${e.message}`) : String(e);
    parts.push(depth === 0 ? text : `Caused by: ${text}`);
    e = e instanceof Error ? e.cause : undefined;
  }
  return parts.join('\n');
}
