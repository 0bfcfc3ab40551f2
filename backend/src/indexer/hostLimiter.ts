/** One host's slots, waiting tasks and pause. */
interface HostState {
  active: number;
  waiting: Array<() => void>;
  /** Tasks that go before `waiting` (link checks a doc's completion waits on). */
  urgent: Array<() => void>;
  /** Epoch milliseconds until which the host asked not to be called. */
  pausedUntil: number;
  resumeTimer?: ReturnType<typeof setTimeout>;
}

/** What {@link HostLimiter.run} does with a task's result. */
export interface LimitedRunOptions<T> {
  /**
   * How long the host asked to wait, in milliseconds, when `result` is a
   * rate-limit answer; undefined for any other result.
   */
  rateLimitWait(result: T): number | undefined;
  /**
   * Epoch milliseconds after which no wait is worth it: a task that would
   * wait past it is not run again and its last result is returned.
   */
  deadline: number;
  /** Called instead of running the task when the host is paused past the deadline. */
  pausedPastDeadline(pausedUntil: number): T;
  /**
   * Runs before the tasks that are not urgent once a slot frees: for reads
   * that work already started waits on, so that it finishes (and frees its
   * memory) before new work starts.
   */
  urgent?: boolean;
}

/**
 * Bounds the reads in flight per host, and pauses a host that answered
 * "rate limited" until the time it asked for: the task that met the answer
 * and every task for that host wait, then run again, instead of each
 * failing in turn. A wait that would end after the deadline is not taken.
 */
export class HostLimiter {
  readonly #concurrency: number;
  readonly #now: () => number;
  readonly #hosts = new Map<string, HostState>();

  constructor(options: { concurrencyPerHost: number; now?: () => number }) {
    this.#concurrency = Math.max(1, options.concurrencyPerHost);
    this.#now = options.now ?? Date.now;
  }

  /** The host (with port) a URL's read counts against. */
  static hostOf(url: string): string {
    try {
      return new URL(url).host.toLowerCase();
    } catch {
      return '';
    }
  }

  /** Reads in flight for the host; for tests and logs. */
  activeReads(host: string): number {
    return this.#hosts.get(host)?.active ?? 0;
  }

  /** Until when the host is paused (epoch milliseconds), if it is. */
  pausedUntil(host: string): number | undefined {
    const until = this.#hosts.get(host)?.pausedUntil ?? 0;
    return until > this.#now() ? until : undefined;
  }

  /**
   * Runs `task` within the host's limit; runs it again after a rate-limit
   * answer once the host's pause ends, while that is before the deadline.
   */
  async run<T>(
    url: string,
    task: () => Promise<T>,
    options: LimitedRunOptions<T>,
  ): Promise<T> {
    const host = HostLimiter.hostOf(url);
    const state = this.#state(host);
    for (;;) {
      if (state.pausedUntil > options.deadline) {
        return options.pausedPastDeadline(state.pausedUntil);
      }
      await this.#acquire(state, options.urgent === true);
      let result: T;
      try {
        result = await task();
      } finally {
        this.#release(state);
      }
      const wait = options.rateLimitWait(result);
      if (wait === undefined) return result;
      // The pause is kept even past the deadline, so that no other task
      // calls the host before the time it asked for.
      const until = this.#now() + wait;
      this.#pause(state, until);
      if (until > options.deadline) return result;
    }
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { active: 0, waiting: [], urgent: [], pausedUntil: 0 };
      this.#hosts.set(host, state);
    }
    return state;
  }

  #acquire(state: HostState, urgent: boolean): Promise<void> {
    return new Promise(resolve => {
      (urgent ? state.urgent : state.waiting).push(() => {
        state.active += 1;
        resolve();
      });
      this.#drain(state);
    });
  }

  #release(state: HostState): void {
    state.active -= 1;
    this.#drain(state);
  }

  #pause(state: HostState, until: number): void {
    state.pausedUntil = Math.max(state.pausedUntil, until);
    this.#drain(state);
  }

  #drain(state: HostState): void {
    const wait = state.pausedUntil - this.#now();
    if (wait > 0) {
      if (state.resumeTimer === undefined) {
        state.resumeTimer = setTimeout(() => {
          state.resumeTimer = undefined;
          this.#drain(state);
        }, wait);
      }
      return;
    }
    while (state.active < this.#concurrency) {
      const next = state.urgent.shift() ?? state.waiting.shift();
      if (!next) break;
      next();
    }
  }
}
