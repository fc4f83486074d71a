/** The designed loading, empty and error states every scene uses. */
import type { ReactNode } from 'react';
import type { ApiError } from '../api/client.js';

/** A quiet progress line; `label` says what is being fetched. */
export function Loading({ label }: { label: string }) {
  return <div className="loading" role="status" aria-live="polite">{label}</div>;
}

/** Grey placeholder rows shown while the first page of results loads. */
export function SkeletonRows({ rows = 4 }: { rows?: number }) {
  return (
    <div className="skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => <div key={i} />)}
    </div>
  );
}

/** Nothing to show yet, and what would change that. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="state" aria-labelledby="empty-title">
      <h2 id="empty-title">{title}</h2>
      {children}
    </section>
  );
}

/** A failed request: what went wrong, in the server's words, and what to try. */
export function ErrorState({ title, error, children }: { title: string; error: ApiError; children?: ReactNode }) {
  return (
    <section className="state error" role="alert">
      <h2>{title}</h2>
      <p>{error.message}</p>
      {error.status === 0 ? <p className="muted">Check that the server is running, then reload the page.</p> : null}
      {children}
    </section>
  );
}
