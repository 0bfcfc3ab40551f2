/**
 * Calls `work` for every item with at most `concurrency` calls running at
 * once. A call that fails does not stop the others; once `signal` aborts, no
 * new call starts.
 * @public
 */
export async function runWithConcurrency<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next];
      next += 1;
      try {
        await work(item);
      } catch {
        // One failure is that item's business; the scan goes on.
      }
    }
  };
  const lanes = Math.max(
    1,
    Math.min(Math.floor(concurrency) || 1, items.length),
  );
  await Promise.all(Array.from({ length: lanes }, lane));
}
