/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { HttpResponse } from 'msw';
import {
  credentials,
  DOC_TEXT,
  failure,
  GITHUB_API,
  GITHUB_DOC,
  GITHUB_RAW,
  PLAIN_DOC,
  scmIntegrations,
  serve,
  setup,
  text,
} from './__testUtils__/clientTestSetup';
import {
  describeDocSource,
  HostRequestContext,
  prepareHostRequest,
  sendHostRequest,
} from './hostRequests';
import { ScmIntegrationLookup } from './scmIntegrationLookup';

describe('hostRequests', () => {
  describe('fetch URLs per host', () => {
    it('should ask for credentials without prompting', async () => {
      const { client, scmAuthApi } = setup();
      serve('https://raw.githubusercontent.com', () => text(DOC_TEXT));
      await client.getDoc(GITHUB_DOC);
      expect(scmAuthApi.getCredentials).toHaveBeenCalledWith({
        url: GITHUB_DOC,
        optional: true,
      });
    });

    it('should read anonymously when there is no session', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue({
        token: '',
        headers: { Authorization: 'Bearer ' },
      });
      const seen = serve('https://raw.githubusercontent.com', () =>
        text(DOC_TEXT),
      );
      await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([
        {
          url: GITHUB_RAW,
          authorization: null,
          accept: null,
          ifNoneMatch: null,
        },
      ]);
    });

    it('should read a URL with a fragment as the file itself', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      const file = await client.getDoc(`${PLAIN_DOC}#purpose`);
      expect(seen.map(s => s.url)).toEqual([PLAIN_DOC]);
      expect(file.url).toBe(PLAIN_DOC);
    });

    it('should reject a URL that is not http(s) without a request', async () => {
      const { client } = setup();
      const error = await failure(
        client.getDoc('ftp://files.example.net/A.md'),
      );
      expect(error).toMatchObject({
        name: 'ArchitectureDocError',
        kind: 'invalid-location',
      });
    });
  });

  describe('credentials', () => {
    it('should not send credentials to a host without an integration', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('leaked-token'));
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      await client.getDoc(PLAIN_DOC);
      expect(seen[0].authorization).toBeNull();
      expect(scmAuthApi.getCredentials).not.toHaveBeenCalled();
    });

    it('should not send a GitHub Enterprise token to github.com', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockImplementation(async ({ url }) => {
        if (new URL(url).host === 'ghe.example.com')
          return credentials('ghe-token');
        throw new Error(`No auth provider available for '${url}'`);
      });
      const seen = serve('https://raw.githubusercontent.com', () =>
        text(DOC_TEXT),
      );
      await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([
        {
          url: GITHUB_RAW,
          authorization: null,
          accept: null,
          ifNoneMatch: null,
        },
      ]);
    });

    it('should not follow a redirect while sending credentials', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      serve(
        'https://api.github.com',
        () =>
          new HttpResponse(null, {
            status: 302,
            headers: { Location: 'https://elsewhere.example.org/A.md' },
          }),
      );
      const elsewhere = serve('https://elsewhere.example.org', () =>
        text('stolen'),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'failed', status: 302 });
      expect(elsewhere).toEqual([]);
    });
  });

  describe('proxy mode', () => {
    it('should request the raw path under the proxy path through fetchApi', async () => {
      const { client, scmAuthApi, fetchApi } = setup({
        config: { fetch: { mode: 'proxy', proxyPath: '/architecture-docs' } },
      });
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      const seen = serve('http://backstage.test', () => text(DOC_TEXT));
      const file = await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([
        {
          url: 'http://backstage.test/api/proxy/architecture-docs/acme/playout/main/docs/architecture/PlayoutEngine.md',
          authorization: null,
          accept: null,
          ifNoneMatch: null,
        },
      ]);
      expect(fetchApi.fetch).toHaveBeenCalledTimes(1);
      expect(scmAuthApi.getCredentials).not.toHaveBeenCalled();
      expect(file.url).toBe(GITHUB_DOC);
    });

    it('should keep the API path and query of a GitLab doc under the proxy path', async () => {
      const { client } = setup({
        config: { fetch: { mode: 'proxy', proxyPath: '/gitlab-docs' } },
      });
      const seen = serve('http://backstage.test', () => text(DOC_TEXT));
      await client.getDoc(
        'https://gitlab.example.com/media/playout/-/blob/main/docs/A.md',
      );
      expect(seen.map(s => s.url)).toEqual([
        'http://backstage.test/api/proxy/gitlab-docs/api/v4/projects/media%2Fplayout/repository/files/docs%2FA.md/raw?ref=main',
      ]);
    });
  });

  describe('preparing and sending', () => {
    const integrations = new ScmIntegrationLookup(scmIntegrations);
    const context = (
      overrides: Partial<HostRequestContext> = {},
    ): HostRequestContext => {
      const { scmAuthApi, discoveryApi, fetchApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('token'));
      return {
        proxyPath: undefined,
        scmAuthApi,
        discoveryApi,
        fetchApi,
        fetch: jest.fn(),
        ...overrides,
      };
    };

    it('should describe a doc by its canonical URL without the fragment', () => {
      const source = describeDocSource(
        `${GITHUB_DOC.replace('/blob/', '/tree/')}#purpose`,
        integrations,
      );
      expect(source).toMatchObject({ docUrl: GITHUB_DOC, host: 'github.com' });
      expect(source.integration?.rawRequest(false).url).toBe(GITHUB_RAW);
      expect(
        describeDocSource(PLAIN_DOC, integrations).integration,
      ).toBeUndefined();
    });

    it('should not add credentials to a request whose target is not one of the integration hosts', async () => {
      const source = {
        docUrl: GITHUB_DOC,
        host: 'github.com',
        integration: {
          credentialHosts: new Set(['github.com']),
          rawRequest: (authenticated: boolean) => ({
            url: authenticated
              ? 'https://elsewhere.example.org/A.md'
              : GITHUB_RAW,
            headers: {},
            format: 'text' as const,
          }),
        },
      };
      const request = await prepareHostRequest(
        source,
        new AbortController().signal,
        context(),
      );
      expect(request).toEqual({
        url: GITHUB_RAW,
        headers: {},
        format: 'text',
        authenticated: false,
        viaProxy: false,
      });
    });

    it('should reject with the abort reason while waiting for credentials', async () => {
      const controller = new AbortController();
      const { scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockReturnValue(new Promise(() => undefined));
      const pending = prepareHostRequest(
        describeDocSource(GITHUB_DOC, integrations),
        controller.signal,
        {
          ...context(),
          scmAuthApi,
        },
      );
      controller.abort();
      expect(await failure(pending)).toMatchObject({ name: 'AbortError' });
    });

    it('should send a credentialed request without following redirects, conditional on the ETag', async () => {
      const fetch = jest.fn(async () => new Response('ok'));
      const signal = new AbortController().signal;
      const request = {
        url: GITHUB_API,
        headers: { Authorization: 'Bearer t' },
        format: 'text' as const,
        authenticated: true,
        viaProxy: false,
      };
      await sendHostRequest(request, '"v1"', signal, context({ fetch }));
      expect(fetch).toHaveBeenCalledWith(GITHUB_API, {
        headers: { Authorization: 'Bearer t', 'If-None-Match': '"v1"' },
        signal,
        redirect: 'manual',
      });
    });
  });
});
