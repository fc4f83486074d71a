/** A hook that runs one API call per key, cancels stale calls, and keeps the last result visible while the next loads. */
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.js';

/** What a scene renders from: the latest data, whether a newer request is in flight, and the latest error. */
export interface ApiState<T> {
  data: T | null;
  loading: boolean;
  error: ApiError | null;
  /** The key the data belongs to, so a scene can tell stale data from fresh. */
  dataKey: string | null;
}

/**
 * Recent responses by key, so going back to a page renders it at once (and its scroll position can be restored)
 * instead of showing a loading state. Entries expire, so newly ingested documents show up on the next visit.
 */
export class ResponseCache<T> {
  private readonly entries = new Map<string, { data: T; at: number }>();

  constructor(private readonly size = 30, private readonly maxAgeMs = 120_000) {}

  get(key: string): T | null {
    const entry = this.entries.get(key);
    if (!entry || Date.now() - entry.at > this.maxAgeMs) return null;
    return entry.data;
  }

  set(key: string, data: T): void {
    this.entries.delete(key);
    this.entries.set(key, { data, at: Date.now() });
    if (this.entries.size > this.size) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}

/** Runs `load` whenever `key` changes; `key` should encode every input of `load` (usually the URL). */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, cache?: ResponseCache<T>): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>(() => {
    const cached = key !== null ? cache?.get(key) ?? null : null;
    return { data: cached, loading: key !== null && cached === null, error: null, dataKey: cached !== null ? key : null };
  });

  useEffect(() => {
    if (key === null) {
      setState({ data: null, loading: false, error: null, dataKey: null });
      return;
    }
    const cached = cache?.get(key) ?? null;
    if (cached !== null) {
      setState({ data: cached, loading: false, error: null, dataKey: key });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    load(controller.signal).then(
      (data) => {
        cache?.set(key, data);
        setState({ data, loading: false, error: null, dataKey: key });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError
          ? error
          : new ApiError(0, 'client', error instanceof Error ? error.message : String(error));
        setState((previous) => ({ ...previous, loading: false, error: apiError }));
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `key` carries all of its inputs, so it alone re-runs the effect.
  }, [key]);

  return state;
}
