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

describe('responseErrors', () => {
  describe('errors', () => {
    it('should report sign-in-needed with the host for 401', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () => new HttpResponse(null, { status: 401 }));
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'sign-in-needed', status: 401, host: 'github.com', url: GITHUB_DOC });
    });

    it('should report sign-in-needed with the host for 403', async () => {
      const { client } = setup();
      serve('https://gitlab.example.com', () => new HttpResponse(null, { status: 403 }));
      const error = await failure(
        client.getDoc('https://gitlab.example.com/media/playout/-/blob/main/docs/A.md'),
      );
      expect(error).toMatchObject({ kind: 'sign-in-needed', status: 403, host: 'gitlab.example.com' });
    });

    it('should report not-found with the host for an anonymous 404 on an integration', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () => new HttpResponse('404: Not Found', { status: 404 }));
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'not-found', status: 404, host: 'github.com' });
    });

    it('should report not-found without a host when the request was signed in', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      serve('https://api.github.com', () => new HttpResponse(null, { status: 404 }));
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'not-found', status: 404, host: undefined });
    });

    it('should report not-found without a host for a 404 on no integration', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () => new HttpResponse(null, { status: 404 }));
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'not-found', status: 404, host: undefined });
    });

    it('should report failed with Retry-After seconds for 429', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () =>
        new HttpResponse(null, { status: 429, headers: { 'Retry-After': '120' } }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'failed', status: 429, retryAfterSeconds: 120 });
    });

    it('should report failed for a GitHub rate-limit 403', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () =>
        new HttpResponse(null, {
          status: 403,
          headers: { 'x-ratelimit-remaining': '0', 'Retry-After': '60' },
        }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'failed', status: 403, retryAfterSeconds: 60 });
    });

    it('should report failed for 500', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () => new HttpResponse(null, { status: 500 }));
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toEqual(
        new ArchitectureDocError('failed', 'raw.githubusercontent.com answered 500; try again later.'),
      );
      expect(error).toMatchObject({ status: 500, url: GITHUB_DOC });
    });

    it('should report failed for a network error', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () => HttpResponse.error());
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ name: 'ArchitectureDocError', kind: 'failed', status: undefined });
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
      const { client } = setup({ config: { fetch: { mode: 'proxy', proxyPath: '/architecture-docs' } } });
      serve('http://backstage.test', () => new HttpResponse(null, { status: 403 }));
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'sign-in-needed', status: 403, host: undefined });
    });
  });
});
