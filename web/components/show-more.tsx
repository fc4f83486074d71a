/** "N more documents" under a list the page capped: reads the next page on click, says when it is loading or failed. */

/** The button (absent when nothing is left) and the error of the last read, if any. */
export function ShowMore({ remaining, noun, loading, error, className, onMore }: {
  remaining: number; noun: string; loading: boolean; error: string | null; className: string; onMore(): void;
}) {
  return (
    <>
      {remaining > 0 ? (
        <button type="button" className={`link-button ${className}`} disabled={loading} onClick={onMore}>
          {loading ? 'Loading…' : `${remaining.toLocaleString('en-US')} more ${remaining === 1 ? noun : `${noun}s`}`}
        </button>
      ) : null}
      {error ? <p className="query-error" role="alert">{error}</p> : null}
    </>
  );
}
