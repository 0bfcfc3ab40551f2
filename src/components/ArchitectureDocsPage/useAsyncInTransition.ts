import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { startTransitionCompat } from './reactCompat';

/** A request's answer, its failure, or neither while it runs. */
export interface AsyncInTransitionState<T> {
  loading: boolean;
  value?: T;
  error?: Error;
  /** Asks again, keeping the current answer until the new one arrives. */
  retry(): void;
}

/**
 * Runs `request` when `deps` change, like react-use's `useAsync`, but shows
 * its answer in a transition: React 18 renders what the answer changes in
 * slices between frames instead of in one long task, and an answer that is
 * no longer asked for (the deps changed meanwhile) is dropped.
 */
export function useAsyncInTransition<T>(
  request: () => Promise<T>,
  deps: DependencyList,
): AsyncInTransitionState<T> {
  const [state, setState] = useState<{
    loading: boolean;
    value?: T;
    error?: Error;
  }>({ loading: true });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState(previous =>
      previous.loading ? previous : { ...previous, loading: true },
    );
    request().then(
      value => {
        if (current) {
          startTransitionCompat(() => setState({ loading: false, value }));
        }
      },
      error => {
        if (current) {
          startTransitionCompat(() =>
            setState({
              loading: false,
              error: error instanceof Error ? error : new Error(String(error)),
            }),
          );
        }
      },
    );
    return () => {
      current = false;
    };
    // `request` is a new function on every render; `deps` say when it asks
    // something else.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, attempt]);
  const retry = useCallback(() => setAttempt(n => n + 1), []);
  return { ...state, retry };
}
