import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type {
  CoverageRowsResponse,
  IndexedEntityDocResponse,
} from 'backstage-plugin-architecture-docs-common';
import { ArchitectureDocsBackendClient } from './ArchitectureDocsBackendClient';
import type { ArchitectureDocsSource } from './readArchitectureDocsConfig';

const server = setupServer();
registerMswTestHooks(server);

const BASE = 'http://backstage.test/api/architecture-docs';

function client(source?: ArchitectureDocsSource) {
  const fetch = jest.fn((input: RequestInfo | URL, init?: RequestInit) =>
    global.fetch(input, init),
  );
  return {
    fetch,
    client: new ArchitectureDocsBackendClient({
      discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
      fetchApi: { fetch },
      source,
    }),
  };
}

const STATUS = { indexedAt: '2026-12-05T12:00:00.000Z', docs: 3 };

const CHECKOUT: IndexedEntityDocResponse = {
  entityRef: 'component:default/checkout',
  status: 'analysed',
  fetchedAt: '2026-12-05T12:00:00.000Z',
  changedAt: '2026-12-01T12:00:00.000Z',
  indexedAt: '2026-12-05T12:00:00.000Z',
  source: '# Checkout',
};

describe('ArchitectureDocsBackendClient', () => {
  it('should decide for the backend in auto mode when /status answers, asking once', async () => {
    const status = jest.fn(() => HttpResponse.json(STATUS));
    server.use(http.get(`${BASE}/status`, status));
    const { client: api } = client();
    await expect(api.getSource()).resolves.toBe('backend');
    await expect(api.getSource()).resolves.toBe('backend');
    expect(status).toHaveBeenCalledTimes(1);
  });

  it('should decide for the browser in auto mode when /status is 404', async () => {
    server.use(
      http.get(`${BASE}/status`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'Not found' } },
          { status: 404 },
        ),
      ),
    );
    await expect(client().client.getSource()).resolves.toBe('browser');
  });

  it('should decide for the browser in auto mode when /status is not JSON', async () => {
    server.use(
      http.get(`${BASE}/status`, () =>
        HttpResponse.html('<!doctype html><title>App</title>'),
      ),
    );
    await expect(client().client.getSource()).resolves.toBe('browser');
  });

  it('should decide for the browser in auto mode on a network error', async () => {
    server.use(http.get(`${BASE}/status`, () => HttpResponse.error()));
    await expect(client().client.getSource()).resolves.toBe('browser');
  });

  it.each(['backend', 'browser'] as const)(
    'should decide for %s without asking when configured so',
    async source => {
      const { client: api, fetch } = client(source);
      await expect(api.getSource()).resolves.toBe(source);
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it('should send the filters, offset and limit of a coverage page', async () => {
    let url: URL | undefined;
    const answer: CoverageRowsResponse = {
      rows: [],
      totalCount: 0,
      offset: 50,
      limit: 50,
      indexedAt: null,
      templateSections: [],
    };
    server.use(
      http.get(`${BASE}/coverage`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(answer);
      }),
    );
    const { client: api } = client('backend');
    await expect(
      api.getCoverage(
        { owner: 'team-a', sort: 'score', direction: 'desc' },
        { offset: 50, limit: 50 },
      ),
    ).resolves.toEqual(answer);
    expect(url?.searchParams.get('owner')).toBe('team-a');
    expect(url?.searchParams.get('offset')).toBe('50');
    expect(url?.searchParams.get('limit')).toBe('50');
  });

  it('should send the filters and days of the history', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/coverage/history`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ points: [], templateSections: [] });
      }),
    );
    await client('backend').client.getCoverageHistory(
      { system: 'shop' },
      { days: 30 },
    );
    expect(url?.searchParams.get('system')).toBe('shop');
    expect(url?.searchParams.get('days')).toBe('30');
  });

  it('should read one entity with a lower-case kind and encoded parts', async () => {
    let path: string | undefined;
    server.use(
      http.get(`${BASE}/entities/:kind/:namespace/:name`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json(CHECKOUT);
      }),
    );
    await expect(
      client('backend').client.getEntityDoc({
        kind: 'Component',
        namespace: 'default',
        name: 'check out',
      }),
    ).resolves.toEqual(CHECKOUT);
    expect(path).toBe(
      '/api/architecture-docs/entities/component/default/check%20out',
    );
  });

  it('should POST a refresh', async () => {
    const refresh = jest.fn(() => HttpResponse.json(CHECKOUT));
    server.use(
      http.post(`${BASE}/entities/component/default/checkout/refresh`, refresh),
    );
    await expect(
      client('backend').client.refreshEntityDoc({
        kind: 'Component',
        namespace: 'default',
        name: 'checkout',
      }),
    ).resolves.toEqual(CHECKOUT);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('should reject with a ResponseError carrying the status and the message of a 503', async () => {
    server.use(
      http.get(`${BASE}/coverage/summary`, () =>
        HttpResponse.json(
          // The body Backstage's error handler writes.
          {
            error: {
              name: 'ServiceUnavailableError',
              message: 'The index database is unavailable',
            },
            request: { method: 'GET', url: '/coverage/summary' },
            response: { statusCode: 503 },
          },
          { status: 503 },
        ),
      ),
    );
    const error = await client('backend')
      .client.getCoverageSummary({})
      .catch((e: unknown) => e);
    expect(ResponseError.is(error)).toBe(true);
    expect((error as ResponseError).statusCode).toBe(503);
    expect((error as ResponseError).body.error.message).toBe(
      'The index database is unavailable',
    );
  });

  it('should say that the backend could not be reached on a network error', async () => {
    server.use(http.get(`${BASE}/status`, () => HttpResponse.error()));
    await expect(client('backend').client.getStatus()).rejects.toThrow(
      /^The architecture docs backend at http:\/\/backstage\.test\/api\/architecture-docs could not be reached/,
    );
  });
});
