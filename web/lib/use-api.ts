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

/** Runs `load` whenever `key` changes; `key` should encode every input of `load` (usually the URL). */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>({ data: null, loading: key !== null, error: null, dataKey: null });

  useEffect(() => {
    if (key === null) {
      setState({ data: null, loading: false, error: null, dataKey: null });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    load(controller.signal).then(
      (data) => setState({ data, loading: false, error: null, dataKey: key }),
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
