/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import type { Entity } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { defaultScmResolveUrl, ScmIntegrations, type ScmIntegrationRegistry } from '@backstage/integration';
import type { ScmAuthApi, ScmAuthTokenResponse } from '@backstage/integration-react';
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ArchitectureDocError } from './ArchitectureDocsApi';
import { ArchitectureDocsClient, ArchitectureDocsClientConfig } from './ArchitectureDocsClient';

const server = setupServer();
registerMswTestHooks(server);

const scmIntegrations = ScmIntegrations.fromConfig(
  mockApis.config({
    data: {
      integrations: {
        github: [
          { host: 'github.com' },
          {
            host: 'ghe.example.com',
            apiBaseUrl: 'https://ghe.example.com/api/v3',
            rawBaseUrl: 'https://ghe.example.com/raw',
          },
        ],
        gitlab: [{ host: 'gitlab.example.com', apiBaseUrl: 'https://gitlab.example.com/api/v4' }],
        bitbucketCloud: [{}],
        bitbucketServer: [
          { host: 'bitbucket.example.com', apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0' },
        ],
        azure: [{ host: 'dev.azure.com' }],
        gitea: [{ host: 'gitea.example.com' }],
      },
    },
  }),
);

const GITHUB_DOC = 'https://github.com/acme/playout/blob/main/docs/architecture/PlayoutEngine.md';
const GITHUB_RAW = 'https://raw.githubusercontent.com/acme/playout/main/docs/architecture/PlayoutEngine.md';
const GITHUB_API =
  'https://api.github.com/repos/acme/playout/contents/docs/architecture/PlayoutEngine.md?ref=main';
const PLAIN_DOC = 'https://docs.example.net/architecture/PlayoutEngine.md';
const DOC_TEXT = '# Playout engine architecture\n\n## Purpose\n';

const credentials = (token: string): ScmAuthTokenResponse => ({
  token,
  headers: { Authorization: `Bearer ${token}` },
});

interface SetupOptions {
  config?: ArchitectureDocsClientConfig;
  scmIntegrations?: ScmIntegrationRegistry;
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  cacheMaxBytes?: number;
  templateMarkdown?: string;
}

function setup(options: SetupOptions = {}) {
  const scmAuthApi: jest.Mocked<ScmAuthApi> = {
    getCredentials: jest.fn(),
  };
  scmAuthApi.getCredentials.mockRejectedValue(new Error('No auth provider available'));
  const discoveryApi: jest.Mocked<DiscoveryApi> = {
    getBaseUrl: jest.fn(async (pluginId: string) => `http://backstage.test/api/${pluginId}`),
  };
  const fetchApi: jest.Mocked<FetchApi> = {
    fetch: jest.fn((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) =>
      fetch(input, init),
    ),
  };
  const client = new ArchitectureDocsClient({
    scmIntegrations,
    scmAuthApi,
    discoveryApi,
    fetchApi,
    templateMarkdown: '# Title\n',
    ...options,
  });
  return { client, scmAuthApi, discoveryApi, fetchApi };
}

interface Seen {
  url: string;
  authorization: string | null;
  accept: string | null;
  ifNoneMatch: string | null;
}

/** Answers every GET on `origin` with `respond`, recording what was asked. */
function serve(origin: string, respond: (request: Request) => Response | Promise<Response>): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.get(`${origin}/*`, ({ request }) => {
      seen.push({
        url: request.url,
        authorization: request.headers.get('authorization'),
        accept: request.headers.get('accept'),
        ifNoneMatch: request.headers.get('if-none-match'),
      });
      return respond(request);
    }),
  );
  return seen;
}

const text = (body: string, headers: Record<string, string> = {}) =>
  new HttpResponse(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'playout-engine', annotations },
    spec: {},
  };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}

describe('ArchitectureDocsClient', () => {
  describe('getDocLocation', () => {
    it('should resolve a relative ref against a GitHub catalog-info location', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-location': 'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(location).toEqual({
        ref: './docs/architecture/PlayoutEngine.md',
        url: GITHUB_DOC,
        editUrl: 'https://github.com/acme/playout/edit/main/docs/architecture/PlayoutEngine.md',
        createUrl:
          'https://github.com/acme/playout/new/main/docs/architecture?filename=PlayoutEngine.md&value=%23%20Title%0A',
      });
    });

    it('should resolve a relative ref against a GitLab catalog-info location', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': 'docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-location':
            'url:https://gitlab.example.com/media/playout/-/blob/main/catalog-info.yaml',
        }),
      );
      expect(location).toEqual({
        ref: 'docs/architecture/PlayoutEngine.md',
        url: 'https://gitlab.example.com/media/playout/-/blob/main/docs/architecture/PlayoutEngine.md',
        editUrl: 'https://gitlab.example.com/media/playout/-/edit/main/docs/architecture/PlayoutEngine.md',
        createUrl:
          'https://gitlab.example.com/media/playout/-/new/main/docs/architecture?file_name=PlayoutEngine.md&content=%23%20Title%0A',
      });
    });

    it('should resolve a repository-root ref from the repository root', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': '/docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-location':
            'url:https://github.com/acme/playout/blob/main/services/engine/catalog-info.yaml',
        }),
      );
      expect(location.url).toBe(GITHUB_DOC);
    });

    it('should fall back to the origin location when the entity has no managed-by-location', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-origin-location':
            'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(location.url).toBe(GITHUB_DOC);
    });

    it('should use an absolute ref as written', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': PLAIN_DOC,
          'backstage.io/managed-by-location': 'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(location).toEqual({ ref: PLAIN_DOC, url: PLAIN_DOC, editUrl: undefined, createUrl: undefined });
    });

    it('should read the configured annotation', () => {
      const { client } = setup({ config: { annotation: 'example.com/architecture' } });
      const location = client.getDocLocation(entity({ 'example.com/architecture': PLAIN_DOC }));
      expect(location.url).toBe(PLAIN_DOC);
    });

    it('should offer no create URL on hosts without a prefilled new-file page', () => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({ 'architecture-docs/ref': 'https://bitbucket.org/acme/playout/src/main/docs/A.md' }),
      );
      expect(location.createUrl).toBeUndefined();
    });

    it("should prefill the template the caller gives instead of the client's own", () => {
      const { client } = setup();
      const location = client.getDocLocation(entity({ 'architecture-docs/ref': GITHUB_DOC }), {
        templateMarkdown: '# Org\n\n## Problem statement\n',
      });
      expect(location.createUrl).toBe(
        'https://github.com/acme/playout/new/main/docs/architecture?filename=PlayoutEngine.md&value=%23%20Org%0A%0A%23%23%20Problem%20statement%0A',
      );
    });

    it('should leave the template out of a create URL that would be too long', () => {
      const { client } = setup({ templateMarkdown: 'x'.repeat(10000) });
      const location = client.getDocLocation(entity({ 'architecture-docs/ref': GITHUB_DOC }));
      expect(location.createUrl).toBe(
        'https://github.com/acme/playout/new/main/docs/architecture?filename=PlayoutEngine.md',
      );
    });

    it('should throw no-annotation when the entity has no annotation', () => {
      const { client } = setup();
      expect(() => client.getDocLocation(entity({}))).toThrow(
        expect.objectContaining({ name: 'ArchitectureDocError', kind: 'no-annotation' }),
      );
    });

    it('should throw invalid-location for a relative ref on a file location', () => {
      const { client } = setup();
      expect(() =>
        client.getDocLocation(
          entity({
            'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
            'backstage.io/managed-by-location': 'file:/repos/playout/catalog-info.yaml',
          }),
        ),
      ).toThrow(
        new ArchitectureDocError(
          'invalid-location',
          '"./docs/architecture/PlayoutEngine.md" is relative, but the entity was read from a file location (file:/repos/playout/catalog-info.yaml), which the browser cannot reach. Set "architecture-docs/ref" to the doc\'s absolute URL, for example https://github.com/org/repo/blob/main/docs/architecture/playout-engine.md.',
        ),
      );
    });

    it('should throw invalid-location for a relative ref without any location', () => {
      const { client } = setup();
      expect(() =>
        client.getDocLocation(entity({ 'architecture-docs/ref': './docs/architecture/PlayoutEngine.md' })),
      ).toThrow(expect.objectContaining({ kind: 'invalid-location' }));
    });

    it.each(['%E0%A4%A', '%', '%zz'])('should locate a ref whose file name holds malformed %s without a URIError', encoded => {
      const { client } = setup();
      const location = client.getDocLocation(
        entity({
          'architecture-docs/ref': `./docs/architecture/${encoded}.md`,
          'backstage.io/managed-by-location': 'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(location.url).toBe(`https://github.com/acme/playout/blob/main/docs/architecture/${encoded}.md`);
      expect(location.createUrl).toBeUndefined();
    });

    it.each(['%E0%A4%A', '%', '%zz'])('should reject a GitHub ref whose branch holds malformed %s as invalid-location', async encoded => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('t'));
      const error = await failure(client.getDoc(`https://github.com/acme/playout/blob/ma${encoded}in/docs/A.md`));
      expect(error).toMatchObject({ name: 'ArchitectureDocError', kind: 'invalid-location' });
    });

    it('should throw invalid-location for a ref with a scheme other than http(s)', () => {
      const { client } = setup();
      expect(() =>
        client.getDocLocation(entity({ 'architecture-docs/ref': 'ftp://files.example.net/A.md' })),
      ).toThrow(expect.objectContaining({ kind: 'invalid-location' }));
    });
  });

  describe('fetch URLs per host', () => {
    it('should read a public GitHub doc from the raw host', async () => {
      const { client } = setup();
      const seen = serve('https://raw.githubusercontent.com', () => text(DOC_TEXT));
      const file = await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([{ url: GITHUB_RAW, authorization: null, accept: null, ifNoneMatch: null }]);
      expect(file).toEqual({
        url: GITHUB_DOC,
        content: DOC_TEXT,
        editUrl: 'https://github.com/acme/playout/edit/main/docs/architecture/PlayoutEngine.md',
        etag: undefined,
      });
    });

    it('should read a GitHub doc through the contents API with the raw media type when signed in', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      const seen = serve('https://api.github.com', () => text(DOC_TEXT));
      await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([
        { url: GITHUB_API, authorization: 'Bearer gh-token', accept: 'application/vnd.github.raw', ifNoneMatch: null },
      ]);
    });

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

    it('should read a GitHub Enterprise doc from its own API with its token', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('ghe-token'));
      const seen = serve('https://ghe.example.com', () => text(DOC_TEXT));
      await client.getDoc('https://ghe.example.com/media/playout/blob/release%2F2/docs/A%20B.md');
      expect(seen).toEqual([
        {
          url: 'https://ghe.example.com/api/v3/repos/media/playout/contents/docs/A%20B.md?ref=release%2F2',
          authorization: 'Bearer ghe-token',
          accept: 'application/vnd.github.raw',
          ifNoneMatch: null,
        },
      ]);
    });

    it('should read a GitLab doc from the repository files API', async () => {
      const { client } = setup();
      const seen = serve('https://gitlab.example.com', () => text(DOC_TEXT));
      await client.getDoc('https://gitlab.example.com/media/tv/playout/-/blob/main/docs/architecture/A.md');
      expect(seen.map(s => s.url)).toEqual([
        'https://gitlab.example.com/api/v4/projects/media%2Ftv%2Fplayout/repository/files/docs%2Farchitecture%2FA.md/raw?ref=main',
      ]);
    });

    it('should read a Bitbucket Cloud doc from the src API', async () => {
      const { client } = setup();
      const seen = serve('https://api.bitbucket.org', () => text(DOC_TEXT));
      await client.getDoc('https://bitbucket.org/acme/playout/src/main/docs/architecture/A.md');
      expect(seen.map(s => s.url)).toEqual([
        'https://api.bitbucket.org/2.0/repositories/acme/playout/src/main/docs/architecture/A.md',
      ]);
    });

    it('should read a Bitbucket Server doc from the raw API', async () => {
      const { client } = setup();
      const seen = serve('https://bitbucket.example.com', () => text(DOC_TEXT));
      await client.getDoc(
        'https://bitbucket.example.com/projects/MEDIA/repos/playout/browse/docs/architecture/A.md?at=refs%2Fheads%2Fmain',
      );
      expect(seen.map(s => s.url)).toEqual([
        'https://bitbucket.example.com/rest/api/1.0/projects/MEDIA/repos/playout/raw/docs/architecture/A.md?at=refs%2Fheads%2Fmain',
      ]);
    });

    it('should read an Azure DevOps doc from the items API as octet stream', async () => {
      const { client } = setup();
      const seen = serve('https://dev.azure.com', () =>
        new HttpResponse(DOC_TEXT, { headers: { 'Content-Type': 'application/octet-stream' } }),
      );
      const file = await client.getDoc(
        'https://dev.azure.com/acme/media/_git/playout?path=%2Fdocs%2Farchitecture%2FA.md&version=GBmain',
      );
      expect(seen).toEqual([
        {
          url: 'https://dev.azure.com/acme/media/_apis/git/repositories/playout/items?api-version=6.0&path=%2Fdocs%2Farchitecture%2FA.md&versionDescriptor.version=main&versionDescriptor.versionType=branch',
          authorization: null,
          accept: 'application/octet-stream, text/plain',
          ifNoneMatch: null,
        },
      ]);
      expect(file.content).toBe(DOC_TEXT);
    });

    it('should read a Gitea doc from the contents API and decode its base64 content', async () => {
      const { client } = setup();
      const seen = serve('https://gitea.example.com', () =>
        HttpResponse.json({
          type: 'file',
          encoding: 'base64',
          content: Buffer.from('# Ablaufsteuerung – Übersicht\n', 'utf8').toString('base64'),
        }),
      );
      const file = await client.getDoc('https://gitea.example.com/acme/playout/src/branch/main/docs/A.md');
      expect(seen.map(s => s.url)).toEqual([
        'https://gitea.example.com/api/v1/repos/acme/playout/contents/docs/A.md?ref=main',
      ]);
      expect(file.content).toBe('# Ablaufsteuerung – Übersicht\n');
    });

    it('should reject a Gitea answer for a folder', async () => {
      const { client } = setup();
      serve('https://gitea.example.com', () => HttpResponse.json([{ type: 'file', name: 'A.md' }]));
      const error = await failure(client.getDoc('https://gitea.example.com/acme/playout/src/branch/main/docs'));
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });

    it('should read a URL on no integration as is', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      await client.getDoc(PLAIN_DOC);
      expect(seen.map(s => s.url)).toEqual([PLAIN_DOC]);
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

    it('should reject a GitHub URL that does not name a file', async () => {
      const { client } = setup();
      const error = await failure(client.getDoc('https://github.com/acme/playout'));
      expect(error).toMatchObject({ kind: 'invalid-location' });
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

    it('should report unexpected-content for an HTML answer', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () => HttpResponse.html('<html><body>Sign in</body></html>'));
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content', status: 200 });
    });

    it('should report unexpected-content for an image', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () =>
        new HttpResponse(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } }),
      );
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });

    it('should report unexpected-content for JSON from a host that serves raw text', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () => HttpResponse.json({ message: 'hello' }));
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });

    it('should accept an answer without a content type', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () => new HttpResponse(new TextEncoder().encode(DOC_TEXT)));
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toBe(DOC_TEXT);
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

  describe('size limit', () => {
    it('should report too-large from Content-Length without reading the body', async () => {
      const { client } = setup({ config: { fetch: { maxBytes: 1000 } } });
      serve('https://docs.example.net', () => text('small', { 'Content-Length': '5000' }));
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'too-large' });
    });

    it('should report too-large from a streamed body without Content-Length', async () => {
      const { client } = setup({ config: { fetch: { maxBytes: 1000 } } });
      serve('https://docs.example.net', () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(600).fill(97));
            controller.enqueue(new Uint8Array(600).fill(97));
            controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'text/plain' } });
      });
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toEqual(
        new ArchitectureDocError('too-large', 'The doc is larger than 1000 bytes (architectureDocs.fetch.maxBytes).'),
      );
    });

    it('should accept a doc of exactly maxBytes', async () => {
      const { client } = setup({ config: { fetch: { maxBytes: 1000 } } });
      serve('https://docs.example.net', () => text('a'.repeat(1000)));
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toHaveLength(1000);
    });

    it('should replace invalid UTF-8 bytes with U+FFFD', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () =>
        new HttpResponse(new Uint8Array([0x23, 0x20, 0x41, 0xff, 0x42]), {
          headers: { 'Content-Type': 'text/markdown' },
        }),
      );
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toBe('# A\uFFFDB');
    });
  });

  describe('cache', () => {
    it('should serve a second call within the TTL without a request', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT, { ETag: '"v1"' }));
      await client.getDoc(PLAIN_DOC);
      const file = await client.getDoc(PLAIN_DOC);
      expect(seen).toHaveLength(1);
      expect(file.content).toBe(DOC_TEXT);
    });

    it('should revalidate with If-None-Match after the TTL and keep the content on 304', async () => {
      const { client } = setup({ cacheTtlMs: 0 });
      const seen = serve('https://docs.example.net', request =>
        request.headers.get('if-none-match') === '"v1"'
          ? new HttpResponse(null, { status: 304, headers: { ETag: '"v1"' } })
          : text(DOC_TEXT, { ETag: '"v1"' }),
      );
      await client.getDoc(PLAIN_DOC);
      const file = await client.getDoc(PLAIN_DOC);
      expect(seen.map(s => s.ifNoneMatch)).toEqual([null, '"v1"']);
      expect(file).toEqual({ url: PLAIN_DOC, content: DOC_TEXT, editUrl: undefined, etag: '"v1"' });
    });

    it('should replace the content when revalidation answers 200', async () => {
      const { client } = setup({ cacheTtlMs: 0 });
      let version = 0;
      serve('https://docs.example.net', () => {
        version += 1;
        return text(`version ${version}`, { ETag: `"v${version}"` });
      });
      await client.getDoc(PLAIN_DOC);
      const file = await client.getDoc(PLAIN_DOC);
      expect(file).toMatchObject({ content: 'version 2', etag: '"v2"' });
    });

    it('should share one request between concurrent calls for the same URL', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', async () => {
        await delay(20);
        return text(DOC_TEXT);
      });
      const [first, second] = await Promise.all([client.getDoc(PLAIN_DOC), client.getDoc(PLAIN_DOC)]);
      expect(seen).toHaveLength(1);
      expect(second).toBe(first);
    });

    it('should not cache a failure', async () => {
      const { client } = setup();
      let calls = 0;
      serve('https://docs.example.net', () => {
        calls += 1;
        return calls === 1 ? new HttpResponse(null, { status: 500 }) : text(DOC_TEXT);
      });
      await failure(client.getDoc(PLAIN_DOC));
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toBe(DOC_TEXT);
    });

    it('should evict the oldest doc when the cache is full', async () => {
      const { client } = setup({ cacheMaxEntries: 1 });
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      await client.getDoc(PLAIN_DOC);
      await client.getDoc('https://docs.example.net/architecture/Other.md');
      await client.getDoc(PLAIN_DOC);
      expect(seen.map(s => s.url)).toEqual([
        PLAIN_DOC,
        'https://docs.example.net/architecture/Other.md',
        PLAIN_DOC,
      ]);
    });

    it('should forget the least recently used docs past cacheMaxBytes', async () => {
      // Room for two docs of DOC_TEXT, at two bytes per character.
      const { client } = setup({ cacheMaxBytes: DOC_TEXT.length * 2 * 2 });
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      const other = 'https://docs.example.net/architecture/Other.md';
      const third = 'https://docs.example.net/architecture/Third.md';
      await client.getDoc(PLAIN_DOC);
      await client.getDoc(other);
      await client.getDoc(PLAIN_DOC);
      await client.getDoc(third);
      await client.getDoc(PLAIN_DOC);
      await client.getDoc(other);
      expect(seen.map(s => s.url)).toEqual([PLAIN_DOC, other, third, other]);
    });

    it('should not cache a doc larger than cacheMaxBytes', async () => {
      const { client } = setup({ cacheMaxBytes: DOC_TEXT.length });
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      await client.getDoc(PLAIN_DOC);
      await client.getDoc(PLAIN_DOC);
      expect(seen).toHaveLength(2);
    });

    it('should key GitHub tree and blob URLs of one file to the same entry', async () => {
      const { client } = setup();
      const seen = serve('https://raw.githubusercontent.com', () => text(DOC_TEXT));
      await client.getDoc(GITHUB_DOC);
      const file = await client.getDoc(GITHUB_DOC.replace('/blob/', '/tree/'));
      expect(seen).toHaveLength(1);
      expect(file.url).toBe(GITHUB_DOC);
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

    it('should report a proxy 403 without a host to sign in to', async () => {
      const { client } = setup({ config: { fetch: { mode: 'proxy', proxyPath: '/architecture-docs' } } });
      serve('http://backstage.test', () => new HttpResponse(null, { status: 403 }));
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'sign-in-needed', status: 403, host: undefined });
    });
  });

  describe('abort', () => {
    it('should reject with the AbortError when the caller aborts', async () => {
      const { client } = setup();
      serve('https://docs.example.net', async () => {
        await delay('infinite');
        return text(DOC_TEXT);
      });
      const controller = new AbortController();
      const pending = client.getDoc(PLAIN_DOC, { signal: controller.signal });
      controller.abort();
      const error = await failure(pending);
      expect(error).toMatchObject({ name: 'AbortError' });
      expect(error).not.toBeInstanceOf(ArchitectureDocError);
    });

    it('should reject at once when the signal is already aborted', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      const controller = new AbortController();
      controller.abort();
      const error = await failure(client.getDoc(PLAIN_DOC, { signal: controller.signal }));
      expect(error).toMatchObject({ name: 'AbortError' });
      expect(seen).toEqual([]);
    });

    it('should keep a shared request running for the callers that did not abort', async () => {
      const { client } = setup();
      serve('https://docs.example.net', async () => {
        await delay(20);
        return text(DOC_TEXT);
      });
      const controller = new AbortController();
      const leaving = client.getDoc(PLAIN_DOC, { signal: controller.signal });
      const staying = client.getDoc(PLAIN_DOC);
      controller.abort();
      await failure(leaving);
      const file = await staying;
      expect(file.content).toBe(DOC_TEXT);
    });
  });

  describe('getEntityDoc', () => {
    it('should fetch the doc the entity points at', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () => text(DOC_TEXT, { ETag: '"abc"' }));
      const file = await client.getEntityDoc(
        entity({
          'architecture-docs/ref': './docs/architecture/PlayoutEngine.md',
          'backstage.io/managed-by-location': 'url:https://github.com/acme/playout/blob/main/catalog-info.yaml',
        }),
      );
      expect(file).toEqual({
        url: GITHUB_DOC,
        content: DOC_TEXT,
        editUrl: 'https://github.com/acme/playout/edit/main/docs/architecture/PlayoutEngine.md',
        etag: '"abc"',
      });
    });

    it('should reject with no-annotation for an entity without the annotation', async () => {
      const { client } = setup();
      const error = await failure(client.getEntityDoc(entity({})));
      expect(error).toMatchObject({ kind: 'no-annotation' });
    });
  });

  describe('resolveLink', () => {
    it('should return an absolute URL unchanged', () => {
      const { client } = setup();
      expect(client.resolveLink('https://example.org/spec.md', GITHUB_DOC)).toBe('https://example.org/spec.md');
    });

    it('should resolve a relative link against a GitHub doc', () => {
      const { client } = setup();
      expect(client.resolveLink('../contracts/Playout.md', GITHUB_DOC)).toBe(
        'https://github.com/acme/playout/tree/main/docs/contracts/Playout.md',
      );
    });

    it('should resolve a root-relative link from the repository root', () => {
      const { client } = setup();
      expect(
        client.resolveLink('/docs/contracts/Playout.md', 'https://gitlab.example.com/media/playout/-/blob/main/docs/architecture/A.md'),
      ).toBe('https://gitlab.example.com/media/playout/-/blob/main/docs/contracts/Playout.md');
    });

    it('should resolve an anchor against the doc itself', () => {
      const { client } = setup();
      expect(client.resolveLink('#purpose', GITHUB_DOC)).toBe(`${GITHUB_DOC}#purpose`);
    });

    it('should look up the integration once per host and still tell hosts, schemes and ports apart', () => {
      const registry = ScmIntegrations.fromConfig(
        mockApis.config({ data: { integrations: { github: [{ host: 'github.com' }, { host: 'ghe.example.com' }] } } }),
      );
      const byUrl = jest.spyOn(registry, 'byUrl');
      const { client } = setup({ scmIntegrations: registry });
      for (let i = 0; i < 50; i++) {
        expect(client.resolveLink('../contracts/Playout.md', GITHUB_DOC.replace('PlayoutEngine', `Engine${i}`))).toBe(
          'https://github.com/acme/playout/tree/main/docs/contracts/Playout.md',
        );
      }
      expect(byUrl).toHaveBeenCalledTimes(1);
      // The same authority means another host under another scheme: port
      // 443 is https's own, so only the https URL is on the integration.
      expect(client.resolveLink('/b.md', 'https://ghe.example.com:443/o/r/blob/main/a.md')).toBe(
        'https://ghe.example.com/o/r/tree/main/b.md',
      );
      expect(client.resolveLink('/b.md', 'http://ghe.example.com:443/o/r/blob/main/a.md')).not.toContain('/tree/');
      expect(client.resolveLink('./b.md', 'https://docs.example.net/a/c.md')).toBe('https://docs.example.net/a/b.md');
    });

    it('should remember the integrations of a bounded number of hosts', () => {
      const registry = ScmIntegrations.fromConfig(mockApis.config({ data: {} }));
      const byUrl = jest.spyOn(registry, 'byUrl');
      const { client } = setup({ scmIntegrations: registry });
      client.resolveLink('./b.md', 'https://h0.example.net/a.md');
      client.resolveLink('./b.md', 'https://h0.example.net/a.md');
      expect(byUrl).toHaveBeenCalledTimes(1);
      for (let i = 1; i <= 256; i++) client.resolveLink('./b.md', `https://h${i}.example.net/a.md`);
      byUrl.mockClear();
      // The first host was the least recently used of 257; it is looked up again.
      client.resolveLink('./b.md', 'https://h0.example.net/a.md');
      expect(byUrl).toHaveBeenCalledTimes(1);
    });
  });

  describe('resolveLink on a host without an integration', () => {
    // The client resolves plain relative paths itself, without the throwing
    // absolute-URL attempt of defaultScmResolveUrl; the result must not change.
    const bases = [
      'https://docs.example.net/org/repo/docs/architecture/A.md',
      'https://docs.example.net/a/b/c.md?ref=main&x=1',
      'http://localhost:7008/generated/full/3/svc/docs/architecture/Architecture.md#purpose',
      'https://docs.example.net/',
    ];
    const targets = [
      './B.md',
      '../contracts/Playout.md',
      '../../../../../../escape.md',
      'contracts/Playout%20API.md',
      'a b.md',
      'x.md?y=2#z',
      'x.md#section',
      '-dash/name.md',
      'a/b:c.md',
      'a\\b.md',
      'plain',
      '/root/C.md',
      '//other.example.com/x.md',
      'mailto:team@example.com',
      'été.md',
    ];
    it.each(bases)('should resolve every kind of target as Backstage does against %s', base => {
      const { client } = setup();
      const resolvedByBackstage = targets.flatMap(target => {
        try {
          return [[target, defaultScmResolveUrl({ url: target, base })]];
        } catch {
          return [];
        }
      });
      expect(resolvedByBackstage.length).toBeGreaterThan(targets.length - 3);
      expect(resolvedByBackstage.map(([target]) => [target, client.resolveLink(target, base)])).toEqual(resolvedByBackstage);
    });
  });

  describe('getViewUrl', () => {
    it('should turn a GitHub raw URL into its blob page', () => {
      const { client } = setup();
      expect(client.getViewUrl(GITHUB_DOC.replace('/blob/', '/raw/'))).toBe(GITHUB_DOC);
    });

    it('should return a URL on no integration unchanged', () => {
      const { client } = setup();
      expect(client.getViewUrl(PLAIN_DOC)).toBe(PLAIN_DOC);
    });
  });

  describe('signIn', () => {
    it('should open the provider login for the URL', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      await client.signIn(GITHUB_DOC);
      expect(scmAuthApi.getCredentials).toHaveBeenCalledWith({ url: GITHUB_DOC, instantPopup: true });
    });

    it('should fetch again with the new credentials after signing in', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue({ token: '', headers: {} });
      serve('https://raw.githubusercontent.com', () => new HttpResponse(null, { status: 404 }));
      const seen = serve('https://api.github.com', () => text(DOC_TEXT));
      await failure(client.getDoc(GITHUB_DOC));
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      await client.signIn(GITHUB_DOC);
      const file = await client.getDoc(GITHUB_DOC);
      expect(file.content).toBe(DOC_TEXT);
      expect(seen.map(s => s.authorization)).toEqual(['Bearer gh-token']);
    });

    it('should report a failed sign-in as failed with the host', async () => {
      const { client } = setup();
      const error = await failure(client.signIn(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'failed', host: 'docs.example.net' });
    });
  });

  describe('fromConfig', () => {
    it('should read the annotation from the app configuration', () => {
      const { scmAuthApi, discoveryApi, fetchApi } = setup();
      const client = ArchitectureDocsClient.fromConfig(
        mockApis.config({ data: { architectureDocs: { annotation: 'example.com/architecture' } } }),
        { scmIntegrations, scmAuthApi, discoveryApi, fetchApi },
      );
      expect(client.getDocLocation(entity({ 'example.com/architecture': PLAIN_DOC })).url).toBe(PLAIN_DOC);
    });
  });
});
