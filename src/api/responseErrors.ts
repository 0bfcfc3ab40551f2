import { ArchitectureDocError } from './ArchitectureDocsApi';
import type { DocSource, PreparedRequest } from './hostRequests';
import { hostOf } from './httpUrls';

/** Who answered a request, as the messages name it: the proxy, or the host asked. */
export function answeredBy(
  source: DocSource,
  request: PreparedRequest,
): string {
  return request.viaProxy ? 'The proxy' : (hostOf(request.url) ?? source.host);
}

/**
 * Seconds the host asked to wait: `Retry-After` in seconds or as a date, or
 * GitHub's `x-ratelimit-reset` epoch seconds.
 */
export function parseRetryAfter(response: Response): number | undefined {
  const retryAfter = response.headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date))
      return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  // GitHub announces the end of a rate-limit window as epoch seconds.
  const reset = response.headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) - Math.floor(Date.now() / 1000));
  }
  return undefined;
}

/**
 * The error for an answer that is not a success, a redirect or a 304:
 * rate limits are `failed` with the wait, 401/403 `sign-in-needed`, 404
 * `not-found` (naming the host to sign in to when an anonymous request may
 * have met a private repository), anything else `failed`.
 */
export function statusError(
  source: DocSource,
  request: PreparedRequest,
  response: Response,
): ArchitectureDocError {
  const { docUrl: url, host } = source;
  const status = response.status;
  const by = answeredBy(source, request);
  // Signing in can only help on a host whose credentials this client sends.
  const signInHost = !request.viaProxy && source.integration ? host : undefined;
  const rateLimited =
    status === 429 ||
    (status === 403 && response.headers.get('x-ratelimit-remaining') === '0');

  if (rateLimited) {
    const retryAfterSeconds = parseRetryAfter(response);
    return new ArchitectureDocError(
      'failed',
      `${by} is limiting requests${retryAfterSeconds !== undefined ? `; try again in ${retryAfterSeconds} s` : '; try again later'}.`,
      { url, status, retryAfterSeconds },
    );
  }
  if (status === 401 || status === 403) {
    const message = request.viaProxy
      ? `The proxy answered ${status} for ${url}; the token configured on the proxy cannot read it.`
      : `${by} answered ${status}: ${signInHost ? `sign in to ${host} with an account that can read this file.` : 'the file is not public.'}`;
    return new ArchitectureDocError('sign-in-needed', message, {
      url,
      status,
      host: signInHost,
    });
  }
  if (status === 404) {
    // An anonymous 404 is also how private repositories answer.
    const privateHint = signInHost && !request.authenticated;
    return new ArchitectureDocError(
      'not-found',
      privateHint
        ? `${host} has no file at ${url}, or it is private and needs you to sign in.`
        : `${host} has no file at ${url}.`,
      { url, status, host: privateHint ? signInHost : undefined },
    );
  }
  if (status >= 500) {
    return new ArchitectureDocError(
      'failed',
      `${by} answered ${status}; try again later.`,
      {
        url,
        status,
      },
    );
  }
  return new ArchitectureDocError(
    'failed',
    `${by} answered ${status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    { url, status },
  );
}

/**
 * The error for a redirect, which is never followed with credentials: it
 * would carry them to wherever it points.
 */
export function redirectError(
  source: DocSource,
  request: PreparedRequest,
  response: Response,
): ArchitectureDocError {
  const status = response.status;
  const location = response.headers.get('location');
  return new ArchitectureDocError(
    'failed',
    `${answeredBy(source, request)} answered with a redirect${location ? ` to ${location}` : ''}. It was not followed, so that the credentials for ${source.host} are not sent elsewhere; point the annotation at the file's current URL.`,
    { url: source.docUrl, status: status || undefined },
  );
}

/** The error for a request that got no answer at all (network, CORS). */
export function networkError(
  source: DocSource,
  error: unknown,
): ArchitectureDocError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ArchitectureDocError(
    'failed',
    `Could not reach ${source.host} (${reason}). Check the network, and that ${source.host} accepts requests from this portal (CORS).`,
    { url: source.docUrl },
  );
}

/** The error for a request that did not complete within `timeoutMs`. */
export function timeoutError(
  url: string,
  host: string,
  timeoutMs: number,
): ArchitectureDocError {
  return new ArchitectureDocError(
    'timeout',
    `${host} did not answer completely within ${timeoutMs} ms (architectureDocs.fetch.timeoutMs).`,
    { url, host },
  );
}
