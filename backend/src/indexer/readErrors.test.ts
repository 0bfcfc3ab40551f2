import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  classifyReadError,
  describeUrl,
  rateLimitWaitMs,
  statusOfReadError,
} from './readErrors';

const URL_WITH_TOKEN =
  'https://user:secret@git.example/org/repo/raw/main/A.md?token=abc123#top';
const context = {
  url: URL_WITH_TOKEN,
  timedOut: false,
  timeoutMs: 20_000,
  now: Date.parse('2026-01-01T00:00:00Z'),
};

describe('readErrors', () => {
  it('should describe a URL without user info, query or fragment', () => {
    expect(describeUrl(URL_WITH_TOKEN)).toBe(
      'https://git.example/org/repo/raw/main/A.md',
    );
  });

  it.each([
    ['could not read https://h/a.md, 500 Internal Server Error', 500],
    ['Request failed for https://h/a.md, 429 Too Many Requests', 429],
    [
      'Request failed for https://h/a.md, 403 Forbidden (rate limit exceeded)',
      403,
    ],
    ['Unable to read https://h/a.md, TypeError: fetch failed', undefined],
  ])('should read the status of "%s"', (message, status) => {
    expect(statusOfReadError(new Error(message))).toBe(status);
  });

  it.each([
    [new NotFoundError('could not read x, 404 Not Found'), 'not-found'],
    [new Error('could not read x, 401 Unauthorized'), 'access-denied'],
    [new Error('could not read x, 403 Forbidden'), 'access-denied'],
    [new NotAllowedError('Reading from x is not allowed'), 'access-denied'],
    [new Error('could not read x, 429 Too Many Requests'), 'rate-limited'],
    [
      new Error('Request failed for x, 403 Forbidden (rate limit exceeded)'),
      'rate-limited',
    ],
    [new Error('could not read x, 500 Internal Server Error'), 'failed'],
    [new Error('Unable to read x, TypeError: fetch failed'), 'failed'],
    ['a thrown string', 'failed'],
    [undefined, 'failed'],
  ])('should map %p to %s', (error, kind) => {
    expect(classifyReadError(error, context).kind).toBe(kind);
  });

  it('should map an abandoned read to timeout', () => {
    expect(
      classifyReadError(new Error('Unable to read x, AbortError: aborted'), {
        ...context,
        timedOut: true,
      }),
    ).toEqual({
      kind: 'timeout',
      message:
        'https://git.example/org/repo/raw/main/A.md did not answer in full within 20 s.',
    });
  });

  it('should never copy the reader message, which may hold a token', () => {
    const failure = classifyReadError(
      new Error(`could not read ${URL_WITH_TOKEN}, 500 Internal Server Error`),
      context,
    );
    expect(failure.message).toBe(
      'The host answered 500 for https://git.example/org/repo/raw/main/A.md.',
    );
    expect(failure.message).not.toContain('abc123');
    expect(failure.message).not.toContain('secret');
  });

  it('should keep the name of a wrapped network error', () => {
    expect(
      classifyReadError(
        new Error('Unable to read http://h/a.md, TypeError: fetch failed'),
        context,
      ).message,
    ).toBe(
      'Reading https://git.example/org/repo/raw/main/A.md failed (TypeError: fetch failed).',
    );
  });

  it('should read Retry-After seconds from an error that exposes headers', () => {
    const error = Object.assign(new Error('429'), {
      response: {
        status: 429,
        headers: new Headers({ 'Retry-After': '7' }),
      },
    });
    expect(classifyReadError(error, context)).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 7000,
    });
  });

  it('should read an HTTP date in Retry-After and x-ratelimit-reset', () => {
    expect(
      rateLimitWaitMs(
        { headers: { 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' } },
        context.now,
      ),
    ).toBe(30_000);
    expect(
      rateLimitWaitMs(
        { headers: { 'x-ratelimit-reset': String(context.now / 1000 + 90) } },
        context.now,
      ),
    ).toBe(90_000);
  });

  it('should treat a 403 with x-ratelimit-remaining 0 as rate-limited', () => {
    const error = {
      name: 'Error',
      message: 'x',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '0' },
    };
    expect(classifyReadError(error, context)).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 0,
    });
  });

  it('should leave the wait unknown when the error has no headers', () => {
    expect(
      classifyReadError(new Error('x, 429 Too Many Requests'), context),
    ).toEqual({
      kind: 'rate-limited',
      message:
        'The host of https://git.example/org/repo/raw/main/A.md answered 429 and asked to wait.',
      retryAfterMs: undefined,
    });
  });
});
