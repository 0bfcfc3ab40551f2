/**
 * Waiting on work an `AbortSignal` may cancel. An abort rejects with the
 * signal's own reason, so callers see the `AbortError` they caused rather
 * than a fetch failure.
 */

/** What an aborted signal rejects with: its reason, or a plain `AbortError`. */
export function abortReason(signal: AbortSignal): unknown {
  return (
    signal.reason ??
    new DOMException('The operation was aborted.', 'AbortError')
  );
}

/** Settles with `promise`, or rejects as soon as `signal` aborts. */
export function raceAbort<T>(
  promise: Promise<T>,
  signal: AbortSignal,
): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
