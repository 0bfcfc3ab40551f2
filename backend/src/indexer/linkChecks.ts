import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { HostLimiter } from './hostLimiter';
import { classifyReadError, type DocReadFailure } from './readErrors';

/**
 * Whether a link target exists: true when the host serves it, false on
 * "not found", undefined when the read failed otherwise (no access, network,
 * rate limit), which says nothing about the target.
 */
export type LinkTargetExists = boolean | undefined;

/** What a {@link LinkChecker} reads with. */
export interface LinkCheckerOptions {
  urlReader: UrlReaderService;
  limiter: HostLimiter;
  timeoutMs: number;
  /** Epoch milliseconds after which a rate-limited host is not waited for. */
  deadline: number;
  /** Wait after a rate-limit answer that does not say how long. */
  rateLimitFallbackMs: number;
  now?: () => number;
}

type Probe = { exists: LinkTargetExists; failure?: DocReadFailure };

/**
 * Checks relative link targets through the URL reader, each distinct URL
 * once for the checker's lifetime (one cycle), within the per-host limits.
 */
export class LinkChecker {
  readonly #options: LinkCheckerOptions;
  readonly #now: () => number;
  readonly #known = new Map<string, Promise<LinkTargetExists>>();

  constructor(options: LinkCheckerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Distinct targets checked or being checked. */
  get size(): number {
    return this.#known.size;
  }

  /** Whether the target exists; the first call reads it, later ones share that answer. */
  exists(url: string): Promise<LinkTargetExists> {
    let known = this.#known.get(url);
    if (!known) {
      known = this.#check(url);
      this.#known.set(url, known);
    }
    return known;
  }

  async #check(url: string): Promise<LinkTargetExists> {
    const { limiter, deadline, rateLimitFallbackMs } = this.#options;
    const probe = await limiter.run(url, () => this.#probe(url), {
      deadline,
      rateLimitWait: result =>
        result.failure?.kind === 'rate-limited'
          ? (result.failure.retryAfterMs ?? rateLimitFallbackMs)
          : undefined,
      pausedPastDeadline: () => ({ exists: undefined }),
      // A checked doc waits for its links, holding its place among the docs
      // in flight: its links go before docs not read yet.
      urgent: true,
    });
    return probe.exists;
  }

  async #probe(url: string): Promise<Probe> {
    const { urlReader, timeoutMs } = this.#options;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error('link check timeout'));
    }, timeoutMs);
    try {
      const response = await urlReader.readUrl(url, {
        signal: controller.signal,
      });
      // The answer is enough; the body is released unread.
      if (response.stream) response.stream().destroy();
      return { exists: true };
    } catch (error) {
      const failure = classifyReadError(error, {
        url,
        timedOut,
        timeoutMs,
        now: this.#now(),
      });
      return {
        exists: failure.kind === 'not-found' ? false : undefined,
        failure,
      };
    } finally {
      clearTimeout(timer);
      // Ends the unread body, so that the connection does not keep receiving it.
      controller.abort();
    }
  }
}
