/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { HttpResponse } from 'msw';
import {
  credentials,
  DOC_TEXT,
  failure,
  GITHUB_DOC,
  GITHUB_RAW,
  PLAIN_DOC,
  serve,
  setup,
  text,
} from './__testUtils__/clientTestSetup';

describe('hostRequests', () => {
  describe('fetch URLs per host', () => {
    it('should ask for credentials without prompting', async () => {
      const { client, scmAuthApi } = setup();
      serve('https://raw.githubusercontent.com', () => text(DOC_TEXT));
      await client.getDoc(GITHUB_DOC);
      expect(scmAuthApi.getCredentials).toHaveBeenCalledWith({ url: GITHUB_DOC, optional: true });
    });

    it('should read anonymously when there is no session', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue({ token: '', headers: { Authorization: 'Bearer ' } });
      const seen = serve('https://raw.githubusercontent.com', () => text(DOC_TEXT));
      await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([{ url: GITHUB_RAW, authorization: null, accept: null, ifNoneMatch: null }]);
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
      const error = await failure(client.getDoc('ftp://files.example.net/A.md'));
      expect(error).toMatchObject({ name: 'ArchitectureDocError', kind: 'invalid-location' });
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
        if (new URL(url).host === 'ghe.example.com') return credentials('ghe-token');
        throw new Error(`No auth provider available for '${url}'`);
      });
      const seen = serve('https://raw.githubusercontent.com', () => text(DOC_TEXT));
      await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([{ url: GITHUB_RAW, authorization: null, accept: null, ifNoneMatch: null }]);
    });

    it('should not follow a redirect while sending credentials', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      serve('https://api.github.com', () =>
        new HttpResponse(null, { status: 302, headers: { Location: 'https://elsewhere.example.org/A.md' } }),
      );
      const elsewhere = serve('https://elsewhere.example.org', () => text('stolen'));
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
      const { client } = setup({ config: { fetch: { mode: 'proxy', proxyPath: '/gitlab-docs' } } });
      const seen = serve('http://backstage.test', () => text(DOC_TEXT));
      await client.getDoc('https://gitlab.example.com/media/playout/-/blob/main/docs/A.md');
      expect(seen.map(s => s.url)).toEqual([
        'http://backstage.test/api/proxy/gitlab-docs/api/v4/projects/media%2Fplayout/repository/files/docs%2FA.md/raw?ref=main',
      ]);
    });
  });
});
