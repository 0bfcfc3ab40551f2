/**
 * Runs synchronous tasks one after another in slices of at most about
 * `budgetMs`, giving the event loop back between slices so that input
 * (typing in a filter) is handled while thousands of docs are analysed on the
 * main thread.
 * @public
 */
export interface TimeSlicedQueue {
  /** Queues a task; resolves with its result, or rejects with what it threw. */
  run<T>(task: () => T): Promise<T>;
  /** Tasks waiting to run. */
  readonly pending: number;
}

/**
 * Options of {@link createTimeSlicedQueue}.
 * @public
 */
export interface TimeSlicedQueueOptions {
  /** Longest stretch of tasks run without yielding. Default 8 ms. */
  budgetMs?: number;
  /** The clock. Default `performance.now`. */
  now?: () => number;
  /** Waits for the next turn of the event loop. Default a `MessageChannel` message, else `setTimeout(0)`. */
  yieldToEventLoop?: () => Promise<void>;
}

/**
 * Yields to the event loop with a macrotask. A `MessageChannel` message is
 * not clamped to 4 ms the way nested `setTimeout` calls are.
 * @public
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') {
    return new Promise(resolve => setTimeout(resolve, 0));
  }
  return new Promise(resolve => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * Creates a {@link TimeSlicedQueue}.
 * @public
 */
export function createTimeSlicedQueue(
  options: TimeSlicedQueueOptions = {},
): TimeSlicedQueue {
  const budgetMs = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldNow = options.yieldToEventLoop ?? yieldToEventLoop;
  const tasks: Array<() => void> = [];
  let draining = false;

  const drain = async () => {
    draining = true;
    try {
      while (tasks.length > 0) {
        // Start every slice on a fresh task, never inside the caller's one.
        await yieldNow();
        const sliceStart = now();
        do {
          tasks.shift()!();
        } while (tasks.length > 0 && now() - sliceStart < budgetMs);
      }
    } finally {
      draining = false;
    }
  };

  return {
    run<T>(task: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        tasks.push(() => {
          try {
            resolve(task());
          } catch (error) {
            reject(error);
          }
        });
        if (!draining) drain();
      });
    },
    get pending() {
      return tasks.length;
    },
  };
}
