// What the tests of the client's modules share: an msw server intercepting
// Node's fetch, SCM integrations of every supported kind, a client wired to
// mocked Backstage APIs, and the docs and answers the tests read.
import type { Entity } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  ScmIntegrations,
  type ScmIntegrationRegistry,
} from '@backstage/integration';
import type {
  ScmAuthApi,
  ScmAuthTokenResponse,
} from '@backstage/integration-react';
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ArchitectureDocsClient,
  ArchitectureDocsClientConfig,
} from '../ArchitectureDocsClient';

/** The msw server of the importing test file; reset after each test. */
export const server = setupServer();
registerMswTestHooks(server);

/** GitHub (and an Enterprise instance), GitLab, Bitbucket Cloud and Server, Azure DevOps and Gitea. */
export const scmIntegrations = ScmIntegrations.fromConfig(
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
        gitlab: [
          {
            host: 'gitlab.example.com',
            apiBaseUrl: 'https://gitlab.example.com/api/v4',
          },
        ],
        bitbucketCloud: [{}],
        bitbucketServer: [
          {
            host: 'bitbucket.example.com',
            apiBaseUrl: 'https://bitbucket.example.com/rest/api/1.0',
          },
        ],
        azure: [{ host: 'dev.azure.com' }],
        gitea: [{ host: 'gitea.example.com' }],
      },
    },
  }),
);

/** A doc on github.com, as its page. */
export const GITHUB_DOC =
  'https://github.com/acme/playout/blob/main/docs/architecture/PlayoutEngine.md';
/** Where {@link GITHUB_DOC} is read anonymously. */
export const GITHUB_RAW =
  'https://raw.githubusercontent.com/acme/playout/main/docs/architecture/PlayoutEngine.md';
/** Where {@link GITHUB_DOC} is read when signed in. */
export const GITHUB_API =
  'https://api.github.com/repos/acme/playout/contents/docs/architecture/PlayoutEngine.md?ref=main';
/** A doc on a host with no integration. */
export const PLAIN_DOC =
  'https://docs.example.net/architecture/PlayoutEngine.md';
/** The text every host answers with unless a test says otherwise. */
export const DOC_TEXT = '# Playout engine architecture\n\n## Purpose\n';

/** A signed-in session's answer from `scmAuthApi`. */
export const credentials = (token: string): ScmAuthTokenResponse => ({
  token,
  headers: { Authorization: `Bearer ${token}` },
});

/** Client options a test may set. */
export interface SetupOptions {
  config?: ArchitectureDocsClientConfig;
  scmIntegrations?: ScmIntegrationRegistry;
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  cacheMaxBytes?: number;
  templateMarkdown?: string;
}

/** A client on mocked APIs; `scmAuthApi` has no provider until a test gives it one. */
export function setup(options: SetupOptions = {}) {
  const scmAuthApi: jest.Mocked<ScmAuthApi> = {
    getCredentials: jest.fn(),
  };
  scmAuthApi.getCredentials.mockRejectedValue(
    new Error('No auth provider available'),
  );
  const discoveryApi: jest.Mocked<DiscoveryApi> = {
    getBaseUrl: jest.fn(
      async (pluginId: string) => `http://backstage.test/api/${pluginId}`,
    ),
  };
  const fetchApi: jest.Mocked<FetchApi> = {
    fetch: jest.fn(
      (
        input: Parameters<typeof fetch>[0],
        init?: Parameters<typeof fetch>[1],
      ) => fetch(input, init),
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

/** What a host was asked. */
export interface Seen {
  url: string;
  authorization: string | null;
  accept: string | null;
  ifNoneMatch: string | null;
}

/** Answers every GET on `origin` with `respond`, recording what was asked. */
export function serve(
  origin: string,
  respond: (request: Request) => Response | Promise<Response>,
): Seen[] {
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

/** A plain-text answer. */
export const text = (body: string, headers: Record<string, string> = {}) =>
  new HttpResponse(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  });

/** A component with the given annotations. */
export function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'playout-engine', annotations },
    spec: {},
  };
}

/** What `promise` rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject');
}
