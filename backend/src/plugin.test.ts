import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type {
  CoverageRowsResponse,
  IndexedEntityDocResponse,
  IndexStatusResponse,
} from 'backstage-plugin-architecture-docs-common';
import request from 'supertest';
import { architectureDocsPlugin } from './plugin';

// The whole plugin in a test backend: the scheduled indexer reads the docs of
// a mocked catalog from a local doc host through the real URL reader, and the
// API serves what it stored. The test scheduler runs the indexing task once
// when the backend starts.

const DOC = [
  '# Inventory service architecture',
  '',
  '## Purpose',
  '',
  'Keeps the stock of every warehouse and answers availability questions.',
  '',
].join('\n');

function component(name: string, annotation?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: annotation
        ? { 'architecture-docs/ref': annotation }
        : undefined,
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
  };
}

describe('architectureDocsPlugin', () => {
  let docHost: http.Server;
  let docHostUrl: string;
  let backend: TestBackend;
  const docRequests: string[] = [];

  beforeAll(async () => {
    docHost = http.createServer((req, res) => {
      docRequests.push(req.url ?? '');
      if (req.url === '/inventory/architecture.md') {
        res.writeHead(200, { 'content-type': 'text/markdown', etag: '"v1"' });
        res.end(DOC);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>(resolve => docHost.listen(0, '127.0.0.1', resolve));
    docHostUrl = `http://127.0.0.1:${(docHost.address() as AddressInfo).port}`;

    backend = await startTestBackend({
      features: [
        architectureDocsPlugin,
        catalogServiceMock.factory({
          entities: [
            component('inventory', `${docHostUrl}/inventory/architecture.md`),
            component('gone', `${docHostUrl}/gone/architecture.md`),
            component('undocumented'),
          ],
        }),
        // Requests without a token carry no credentials, as in an app.
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              reading: { allow: [{ host: new URL(docHostUrl).host }] },
            },
            architectureDocs: {
              backend: {
                schedule: {
                  frequency: { minutes: 30 },
                  timeout: { minutes: 5 },
                },
              },
            },
          },
        }),
      ],
    });
  });

  afterAll(async () => {
    await backend?.stop();
    await new Promise(resolve => docHost?.close(resolve));
  });

  const get = (path: string) =>
    request(backend.server)
      .get(`/api/architecture-docs${path}`)
      .set('Authorization', mockCredentials.user.header());

  it('indexes the catalog on its schedule and serves the rows', async () => {
    const status = (await get('/status')).body as IndexStatusResponse;
    expect(status.indexedAt).toEqual(expect.any(String));
    expect(status.docs).toBe(2);

    const { body } = await get('/coverage?sort=entity');
    const rows = (body as CoverageRowsResponse).rows;
    expect(rows.map(row => [row.name, row.status])).toEqual([
      ['gone', 'not-found'],
      ['inventory', 'analysed'],
      ['undocumented', 'no-annotation'],
    ]);
    const inventory = rows.find(row => row.name === 'inventory')!;
    expect(inventory.sectionStatus.purpose).toBe('present');
    expect(inventory.missing).toContain('Security and compliance');
    expect(inventory.score).toBeGreaterThan(0);
  });

  it('serves one entity with its source and report', async () => {
    const response = await get('/entities/component/default/inventory');
    expect(response.status).toBe(200);
    const body = response.body as IndexedEntityDocResponse;
    expect(body.source).toBe(DOC);
    expect(body.report?.title).toBe('Inventory service architecture');
    expect(body.fetchedAt).toEqual(expect.any(String));
  });

  it('refreshes one entity with the stored ETag', async () => {
    const before = docRequests.length;
    const response = await request(backend.server)
      .post(
        '/api/architecture-docs/entities/component/default/inventory/refresh',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(docRequests.slice(before)).toEqual(['/inventory/architecture.md']);
  });

  it('requires a signed-in user', async () => {
    const response = await request(backend.server).get(
      '/api/architecture-docs/coverage',
    );
    expect(response.status).toBe(401);
  });
});
