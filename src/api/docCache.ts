import { BoundedCache } from '../lib/bounded-cache';
import { abortReason, raceAbort } from './abortSignals';
import type { ArchitectureDocFile } from './ArchitectureDocsApi';
import { timeoutError } from './responseErrors';

/** Sizes and times of a {@link DocCache}. */
export interface DocCacheOptions {
  /** How long a stored doc is served without asking its host again. */
  ttlMs: number;
  /** How many docs are kept; the least recently used go first. */
  maxEntries: number;
  /** How many bytes of doc text are kept, at two per UTF-16 code unit. */
  maxBytes: number;
  /** How long one request may take before it fails as `timeout`. */
  timeoutMs: number;
}

/** A stored doc, and whether it may be served without asking its host. */
export interface CachedDoc {
  file: ArchitectureDocFile;
  fresh: boolean;
}

interface CacheEntry {
  file: ArchitectureDocFile;
  storedAt: number;
}

/** One running request, shared by every caller asking for its key meanwhile. */
interface Flight {
  key: string;
  host: string;
  controller: AbortController;
  waiters: number;
  promise: Promise<ArchitectureDocFile>;
}

/**
 * Fetched docs by canonical URL, bounded by count and bytes, and the
 * requests running for them: calls for a URL whose request is running share
 * it, each with its own abort, and a request nobody waits for any longer is
 * cancelled. Failures are not stored.
 */
export class DocCache {
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  readonly #entries: BoundedCache<string, CacheEntry>;
  readonly #inflight = new Map<string, Flight>();

  constructor(options: DocCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#timeoutMs = options.timeoutMs;
    this.#entries = new BoundedCache<string, CacheEntry>({
      maxEntries: options.maxEntries,
      maxBytes: options.maxBytes,
      sizeOf: entry => entry.file.content.length * 2,
    });
  }

  /** The stored doc for `key`, fresh or due for revalidation. */
  get(key: string): CachedDoc | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    return {
      file: entry.file,
      fresh: Date.now() - entry.storedAt < this.#ttlMs,
    };
  }

  /** Stores a doc fetched or revalidated now. */
  store(key: string, file: ArchitectureDocFile): void {
    this.#entries.set(key, { file, storedAt: Date.now() });
  }

  /**
   * Waits for the running request for `key`, or starts one with `load`,
   * which gets a signal that aborts on the timeout or when every waiter has
   * left. Aborting `signal` rejects this call with the signal's reason and
   * leaves the request to the other waiters.
   */
  share(
    key: string,
    host: string,
    load: (signal: AbortSignal) => Promise<ArchitectureDocFile>,
    signal?: AbortSignal,
  ): Promise<ArchitectureDocFile> {
    const flight =
      this.#inflight.get(key) ?? this.#startFlight(key, host, load);
    return this.#join(flight, signal);
  }

  /**
   * Forgets the requests running to `host`, so that the next call starts a
   * new one (sent with credentials gained since). Their waiters still get
   * their outcome.
   */
  forgetRequestsTo(host: string): void {
    for (const [key, flight] of this.#inflight) {
      if (flight.host === host) this.#inflight.delete(key);
    }
  }

  #startFlight(
    key: string,
    host: string,
    load: (signal: AbortSignal) => Promise<ArchitectureDocFile>,
  ): Flight {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(
        new DOMException('The doc request timed out.', 'TimeoutError'),
      );
    }, this.#timeoutMs);

    const promise = load(controller.signal)
      .catch(error => {
        if (timedOut) throw timeoutError(key, host, this.#timeoutMs);
        throw error;
      })
      .finally(() => {
        clearTimeout(timer);
        // A newer request for the key (after sign-in) must stay.
        if (this.#inflight.get(key)?.controller === controller)
          this.#inflight.delete(key);
      });
    const flight: Flight = { key, host, controller, waiters: 0, promise };
    // Every waiter may have left; the outcome must not surface as unhandled.
    flight.promise.catch(() => undefined);
    this.#inflight.set(flight.key, flight);
    return flight;
  }

  /**
   * Waits for a shared request. One caller aborting leaves the request to
   * the others; it is cancelled only when nobody waits any longer.
   */
  #join(
    flight: Flight,
    signal: AbortSignal | undefined,
  ): Promise<ArchitectureDocFile> {
    flight.waiters += 1;
    if (!signal) return flight.promise;
    const onAbort = () => {
      flight.waiters -= 1;
      if (flight.waiters === 0) {
        if (this.#inflight.get(flight.key) === flight)
          this.#inflight.delete(flight.key);
        flight.controller.abort(abortReason(signal));
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return raceAbort(flight.promise, signal).finally(() =>
      signal.removeEventListener('abort', onAbort),
    );
  }
}
