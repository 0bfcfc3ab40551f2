/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { delay, HttpResponse } from 'msw';
import { ArchitectureDocError } from './ArchitectureDocsApi';
import {
  credentials,
  DOC_TEXT,
  failure,
  GITHUB_DOC,
  PLAIN_DOC,
  serve,
  setup,
  text,
} from './__testUtils__/clientTestSetup';
import {
  answeredBy,
  parseRetryAfter,
  redirectError,
  statusError,
  timeoutError,
} from './responseErrors';

describe('responseErrors', () => {
  describe('errors', () => {
    it('should report sign-in-needed with the host for 401', async () => {
      const { client } = setup();
      serve(
        'https://raw.githubusercontent.com',
        () => new HttpResponse(null, { status: 401 }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({
        kind: 'sign-in-needed',
        status: 401,
        host: 'github.com',
        url: GITHUB_DOC,
      });
    });

    it('should report sign-in-needed with the host for 403', async () => {
      const { client } = setup();
      serve(
        'https://gitlab.example.com',
        () => new HttpResponse(null, { status: 403 }),
      );
      const error = await failure(
        client.getDoc(
          'https://gitlab.example.com/media/playout/-/blob/main/docs/A.md',
        ),
      );
      expect(error).toMatchObject({
        kind: 'sign-in-needed',
        status: 403,
        host: 'gitlab.example.com',
      });
    });

    it('should report not-found with the host for an anonymous 404 on an integration', async () => {
      const { client } = setup();
      serve(
        'https://raw.githubusercontent.com',
        () => new HttpResponse('404: Not Found', { status: 404 }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({
        kind: 'not-found',
        status: 404,
        host: 'github.com',
      });
    });

    it('should report not-found without a host when the request was signed in', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      serve(
        'https://api.github.com',
        () => new HttpResponse(null, { status: 404 }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({
        kind: 'not-found',
        status: 404,
        host: undefined,
      });
    });

    it('should report not-found without a host for a 404 on no integration', async () => {
      const { client } = setup();
      serve(
        'https://docs.example.net',
        () => new HttpResponse(null, { status: 404 }),
      );
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({
        kind: 'not-found',
        status: 404,
        host: undefined,
      });
    });

    it('should report failed with Retry-After seconds for 429', async () => {
      const { client } = setup();
      serve(
        'https://raw.githubusercontent.com',
        () =>
          new HttpResponse(null, {
            status: 429,
            headers: { 'Retry-After': '120' },
          }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({
        kind: 'failed',
        status: 429,
        retryAfterSeconds: 120,
      });
    });

    it('should report failed for a GitHub rate-limit 403', async () => {
      const { client } = setup();
      serve(
        'https://raw.githubusercontent.com',
        () =>
          new HttpResponse(null, {
            status: 403,
            headers: { 'x-ratelimit-remaining': '0', 'Retry-After': '60' },
          }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({
        kind: 'failed',
        status: 403,
        retryAfterSeconds: 60,
      });
    });

    it('should report failed for 500', async () => {
      const { client } = setup();
      serve(
        'https://raw.githubusercontent.com',
        () => new HttpResponse(null, { status: 500 }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toEqual(
        new ArchitectureDocError(
          'failed',
          'raw.githubusercontent.com answered 500; try again later.',
        ),
      );
      expect(error).toMatchObject({ status: 500, url: GITHUB_DOC });
    });

    it('should report failed for a network error', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () => HttpResponse.error());
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({
        name: 'ArchitectureDocError',
        kind: 'failed',
        status: undefined,
      });
    });

    it('should time out a request that gets no answer', async () => {
      const { client } = setup({ config: { fetch: { timeoutMs: 50 } } });
      serve('https://docs.example.net', async () => {
        await delay('infinite');
        return text(DOC_TEXT);
      });
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toEqual(
        new ArchitectureDocError(
          'timeout',
          'docs.example.net did not answer completely within 50 ms (architectureDocs.fetch.timeoutMs).',
        ),
      );
    });
  });

  describe('proxy mode', () => {
    it('should report a proxy 403 without a host to sign in to', async () => {
      const { client } = setup({
        config: { fetch: { mode: 'proxy', proxyPath: '/architecture-docs' } },
      });
      serve(
        'http://backstage.test',
        () => new HttpResponse(null, { status: 403 }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({
        kind: 'sign-in-needed',
        status: 403,
        host: undefined,
      });
    });
  });

  describe('parseRetryAfter', () => {
    const at = (headers: Record<string, string>) =>
      parseRetryAfter(new Response(null, { status: 429, headers }));

    beforeEach(() => {
      jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    it('should read Retry-After in seconds', () => {
      expect(at({ 'Retry-After': ' 30 ' })).toBe(30);
    });

    it('should read Retry-After as a date, rounding up and never below zero', () => {
      expect(at({ 'Retry-After': 'Thu, 01 Jan 2026 00:01:30 GMT' })).toBe(90);
      expect(at({ 'Retry-After': 'Wed, 31 Dec 2025 23:00:00 GMT' })).toBe(0);
    });

    it("should read GitHub's rate-limit reset in epoch seconds", () => {
      const now = Date.parse('2026-01-01T00:00:00Z') / 1000;
      expect(at({ 'x-ratelimit-reset': String(now + 45) })).toBe(45);
    });

    it('should have no wait without a readable header', () => {
      expect(at({})).toBeUndefined();
      expect(
        at({ 'Retry-After': 'soon', 'x-ratelimit-reset': 'later' }),
      ).toBeUndefined();
    });
  });

  describe('errors from the answer', () => {
    const source = {
      docUrl: PLAIN_DOC,
      host: 'docs.example.net',
    };
    const request = {
      url: PLAIN_DOC,
      headers: {},
      format: 'text' as const,
      authenticated: false,
      viaProxy: false,
    };

    it('should name the status text of a status it has no other words for', () => {
      const error = statusError(
        source,
        request,
        new Response(null, { status: 418, statusText: "I'm a teapot" }),
      );
      expect(error).toEqual(
        new ArchitectureDocError(
          'failed',
          "docs.example.net answered 418 I'm a teapot.",
        ),
      );
      expect(error).toMatchObject({
        kind: 'failed',
        status: 418,
        url: PLAIN_DOC,
      });
    });

    it('should name where a redirect points and why it was not followed', () => {
      const error = redirectError(
        source,
        request,
        new Response(null, {
          status: 301,
          headers: { Location: 'https://docs.example.org/A.md' },
        }),
      );
      expect(error.message).toBe(
        "docs.example.net answered with a redirect to https://docs.example.org/A.md. It was not followed, so that the credentials for docs.example.net are not sent elsewhere; point the annotation at the file's current URL.",
      );
      expect(error).toMatchObject({ kind: 'failed', status: 301 });
    });

    it('should name the proxy, not the host, for an answer from the proxy', () => {
      expect(answeredBy(source, { ...request, viaProxy: true })).toBe(
        'The proxy',
      );
      expect(
        answeredBy(source, { ...request, url: 'https://raw.example.net/A.md' }),
      ).toBe('raw.example.net');
    });

    it('should report a timeout with the host to blame', () => {
      expect(timeoutError(PLAIN_DOC, 'docs.example.net', 50)).toMatchObject({
        kind: 'timeout',
        url: PLAIN_DOC,
        host: 'docs.example.net',
      });
    });
  });
});
