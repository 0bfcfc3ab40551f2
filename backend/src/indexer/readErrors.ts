import type { IndexedDocErrorKind } from 'backstage-plugin-architecture-docs-common';

/**
 * Why a read failed, as the indexer stores it: a kind and a sentence for
 * people that names the doc by its origin and path only, so no token in a
 * URL's user info or query ever reaches the database or the API.
 */
export interface DocReadFailure {
  kind: IndexedDocErrorKind;
  message: string;
  /**
   * For `rate-limited`: how long the host asked to wait, in milliseconds,
   * when its answer said; undefined when the wait is unknown.
   */
  retryAfterMs?: number;
}

/** The URL as messages show it: origin and path, without user info, query or fragment. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return 'a URL that does not parse';
  }
}

type HeaderBag = { get(name: string): string | null | undefined };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * The HTTP status of a failed read. Backstage's URL readers throw plain
 * errors whose message ends with `, <status> <statusText>` (FetchUrlReader,
 * GithubUrlReader, GitlabUrlReader, the Bitbucket and Azure readers), or a
 * `ResponseError` with the response; both are read.
 */
export function statusOfReadError(error: unknown): number | undefined {
  if (!isRecord(error)) return undefined;
  const response = error.response;
  if (isRecord(response) && typeof response.status === 'number')
    return response.status;
  for (const key of ['status', 'statusCode']) {
    const value = error[key];
    if (typeof value === 'number' && value >= 100 && value < 600) return value;
  }
  const message = typeof error.message === 'string' ? error.message : '';
  const match = /, ([1-5]\d\d)\b[^,]*$/.exec(message);
  return match ? Number(match[1]) : undefined;
}

function headersOf(error: unknown): HeaderBag | undefined {
  if (!isRecord(error)) return undefined;
  const candidates = [
    isRecord(error.response) ? error.response.headers : undefined,
    error.headers,
  ];
  for (const headers of candidates) {
    if (isRecord(headers) && typeof headers.get === 'function')
      return headers as HeaderBag;
    if (isRecord(headers)) {
      const record = headers;
      return {
        get: name => {
          const value = record[name] ?? record[name.toLowerCase()];
          return typeof value === 'string' ? value : undefined;
        },
      };
    }
  }
  return undefined;
}

/**
 * How long a rate-limit answer asked to wait: `Retry-After` (seconds or an
 * HTTP date), else `x-ratelimit-reset` (epoch seconds, GitHub and GitLab).
 *
 * Backstage's URL readers do not pass response headers on: their errors
 * carry only the status in the message (GitHub's adds "(rate limit
 * exceeded)" when `x-ratelimit-remaining` is 0). The headers are read when
 * an error exposes them (a `ResponseError`, or a reader that sets
 * `headers`); otherwise the wait is unknown and the caller uses its own.
 */
export function rateLimitWaitMs(
  error: unknown,
  now: number,
): number | undefined {
  const headers = headersOf(error);
  if (!headers) return undefined;
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset))
    return Math.max(0, Number(reset) * 1000 - now);
  return undefined;
}

function saysRateLimited(error: unknown, status: number | undefined): boolean {
  if (status === 429) return true;
  if (status !== 403) return false;
  if (headersOf(error)?.get('x-ratelimit-remaining')?.trim() === '0')
    return true;
  const message = error instanceof Error ? error.message : '';
  return /rate limit/i.test(message);
}

function errorName(error: unknown): string {
  return isRecord(error) && typeof error.name === 'string' ? error.name : '';
}

/** The name and message of a network error a reader wrapped, when they hold no URL. */
function networkCause(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : '';
  const match = /, ([A-Za-z]*Error: [^/]*)$/.exec(message);
  return match ? match[1] : undefined;
}

/** What {@link classifyReadError} knows besides the error. */
export interface ReadErrorContext {
  /** The doc read. */
  url: string;
  /** Whether the read was abandoned because it took longer than `timeoutMs`. */
  timedOut: boolean;
  timeoutMs: number;
  /** The current time, for HTTP dates in `Retry-After`. */
  now: number;
}

/**
 * Maps a failed read to the error kind the index stores. Never throws and
 * never copies the reader's message, which may hold the URL as read.
 */
export function classifyReadError(
  error: unknown,
  context: ReadErrorContext,
): DocReadFailure {
  const where = describeUrl(context.url);
  const name = errorName(error);
  if (context.timedOut || name === 'AbortError' || name === 'TimeoutError') {
    return {
      kind: 'timeout',
      message: `${where} did not answer in full within ${Math.round(context.timeoutMs / 100) / 10} s.`,
    };
  }
  const status = statusOfReadError(error);
  if (saysRateLimited(error, status)) {
    const retryAfterMs = rateLimitWaitMs(error, context.now);
    return {
      kind: 'rate-limited',
      message: `The host of ${where} answered ${status} and asked to wait${retryAfterMs === undefined ? '' : ` ${Math.ceil(retryAfterMs / 1000)} s`}.`,
      retryAfterMs,
    };
  }
  if (name === 'NotFoundError' || status === 404 || status === 410) {
    return { kind: 'not-found', message: `There is no file at ${where}.` };
  }
  const message = error instanceof Error ? error.message : '';
  if (
    name === 'NotAllowedError' ||
    message.includes('not allowed by backend.reading.allow')
  ) {
    return {
      kind: 'access-denied',
      message: `The backend may not read ${where}: configure an integration for its host or add the host to backend.reading.allow.`,
    };
  }
  if (name === 'AuthenticationError' || status === 401 || status === 403) {
    return {
      kind: 'access-denied',
      message: `The host answered ${status ?? 'that access is denied'} for ${where}: the backend's credentials for this host may not read it.`,
    };
  }
  if (status !== undefined) {
    return {
      kind: 'failed',
      message: `The host answered ${status} for ${where}.`,
    };
  }
  const cause = networkCause(error);
  return {
    kind: 'failed',
    message: `Reading ${where} failed${cause ? ` (${cause})` : ''}.`,
  };
}
