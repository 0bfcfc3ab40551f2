import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type {
  IndexedDocSummary,
  IndexedDocsPageResponse,
} from 'backstage-plugin-architecture-docs-common';
import { IndexedDocsClient } from './IndexedDocsClient';

function summary(name: string): IndexedDocSummary {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    title: name,
    owner: '',
    system: '',
    lifecycle: '',
    docTitle: null,
    score: 50,
    sections: [],
    missing: [],
    placeholder: [],
    brokenLinks: 0,
    failingDiagrams: 0,
    changedAt: null,
  };
}

function page(names: string[], nextCursor?: string): IndexedDocsPageResponse {
  return {
    items: names.map(summary),
    nextCursor,
    templateSections: [],
    indexedAt: null,
  };
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

describe('IndexedDocsClient', () => {
  const discovery = mockServices.discovery();
  const auth = mockServices.auth({ pluginId: 'search' });

  it('should read every page with a service token for the architecture-docs plugin', async () => {
    const fetchFn = jest.fn<Promise<Response>, Parameters<typeof fetch>>(
      async input =>
        jsonResponse(
          String(input).includes('cursor=next')
            ? page(['c'])
            : page(['a', 'b'], 'next'),
        ),
    );
    const client = new IndexedDocsClient({ discovery, auth, fetch: fetchFn });

    const names: string[] = [];
    for await (const doc of client.readAll({ withText: true, pageSize: 2 })) {
      names.push(doc.name);
    }

    expect(names).toEqual(['a', 'b', 'c']);
    const baseUrl = await discovery.getBaseUrl('architecture-docs');
    expect(fetchFn.mock.calls.map(([url]) => url)).toEqual([
      `${baseUrl}/indexed-docs?limit=2&text=true`,
      `${baseUrl}/indexed-docs?cursor=next&limit=2&text=true`,
    ]);
    const headers = fetchFn.mock.calls[0][1]?.headers as Record<string, string>;
    expect(headers.Authorization).toBe(
      mockCredentials.service.header({
        onBehalfOf: mockCredentials.service('plugin:search'),
        targetPluginId: 'architecture-docs',
      }),
    );
  });

  it('should reject with the backend error when a page fails', async () => {
    const fetchFn = jest.fn<Promise<Response>, Parameters<typeof fetch>>(
      async () =>
        jsonResponse(
          {
            error: { name: 'NotAllowedError', message: 'no' },
            response: { statusCode: 403 },
          },
          403,
        ),
    );
    const client = new IndexedDocsClient({ discovery, auth, fetch: fetchFn });
    await expect(client.getPage()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });
});
