import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { permissionsRegistryServiceFactory } from '@backstage/backend-defaults/permissionsRegistry';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import catalogBackend from '@backstage/plugin-catalog-backend';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import permissionBackend from '@backstage/plugin-permission-backend';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import request from 'supertest';
import { DatabaseDocStore } from '../store/DatabaseDocStore';
import {
  ALLOWED_USER,
  DENIED_USER,
  LIMITED_USER,
  catalogComponent,
  partialCatalogReadPolicyModule,
  testEntityProviderModule,
} from '../testing/__testUtils__/catalog-test-modules';
import {
  TEST_TEMPLATE_SECTIONS,
  analysedDoc,
  analysedWrite,
  failedWrite,
  testEntity,
} from '../testing/__testUtils__/doc-writes';
import { onBehalfOfAuthServiceFactory } from '../testing/__testUtils__/on-behalf-of-auth';
import { createRouter } from './createRouter';

const BASE = '/api/architecture-docs';
const AT = new Date();

/** Public: open-a, open-b (team-a), open-c (team-b). Restricted: secret-a (team-a), secret-b (team-b). */
const CATALOG = [
  catalogComponent('open-a', { owner: 'team-a', isPublic: true }),
  catalogComponent('open-b', { owner: 'team-a', isPublic: true }),
  catalogComponent('open-c', { owner: 'team-b', isPublic: true }),
  catalogComponent('secret-a', { owner: 'team-a', isPublic: false }),
  catalogComponent('secret-b', { owner: 'team-b', isPublic: false }),
];

describe('createRouter', () => {
  let backend: TestBackend;
  let store: DatabaseDocStore;
  const refreshEntity = jest.fn(async (entityRef: string) => {
    const name = entityRef.split('/')[1];
    await store.writeDoc(
      analysedWrite(
        testEntity(name, { owner: 'team-a' }),
        analysedDoc(['present', 'present', 'missing']),
        new Date(),
      ),
    );
  });

  const architectureDocsTestPlugin = createBackendPlugin({
    pluginId: 'architecture-docs',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          logger: coreServices.logger,
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          permissions: coreServices.permissions,
          catalog: catalogServiceRef,
        },
        async init(deps) {
          store = DatabaseDocStore.create({
            database: deps.database,
            logger: deps.logger,
          });
          deps.httpRouter.use(
            await createRouter({
              store,
              refresher: { refreshEntity },
              httpAuth: deps.httpAuth,
              permissions: deps.permissions,
              catalog: deps.catalog,
              logger: deps.logger,
            }),
          );
        },
      });
    },
  });

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        mockServices.rootConfig.factory({
          data: { permission: { enabled: true } },
        }),
        // Without a token a request has no credentials (the mock's default
        // would be a signed-in user).
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        onBehalfOfAuthServiceFactory,
        permissionsServiceFactory,
        permissionsRegistryServiceFactory,
        permissionBackend,
        partialCatalogReadPolicyModule,
        catalogBackend,
        testEntityProviderModule(CATALOG),
        architectureDocsTestPlugin,
      ],
    });
    const writes = [
      analysedWrite(
        testEntity('open-a', { owner: 'team-a' }),
        analysedDoc(['present', 'present', 'present']),
        AT,
        'c1',
      ),
      analysedWrite(
        testEntity('open-b', { owner: 'team-a' }),
        analysedDoc(['present', 'missing', 'missing']),
        AT,
        'c1',
      ),
      failedWrite(
        testEntity('open-c', { owner: 'team-b' }),
        'not-found',
        AT,
        'c1',
      ),
      analysedWrite(
        testEntity('secret-a', { owner: 'team-a' }),
        analysedDoc(['missing', 'missing', 'missing']),
        AT,
        'c1',
      ),
      analysedWrite(
        testEntity('secret-b', { owner: 'team-b' }),
        analysedDoc(['present', 'placeholder', 'present']),
        AT,
        'c1',
      ),
    ];
    await Promise.all(writes.map(write => store.writeDoc(write)));
    await store.finishCycle({
      cycleId: 'c1',
      finishedAt: AT,
      historyDays: 30,
      templateSections: TEST_TEMPLATE_SECTIONS,
    });
    await waitForCatalog(CATALOG.length);
  }, 60_000);

  afterAll(async () => {
    store?.close();
    await backend?.stop();
  });

  async function waitForCatalog(count: number) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await request(backend.server)
        .get('/api/catalog/entities/by-query?filter=kind=component')
        .set('Authorization', mockCredentials.user.header(ALLOWED_USER));
      if (response.body?.items?.length === count) return;

      await new Promise(resolve => setTimeout(resolve, 200));
    }
    throw new Error('The catalog did not serve the test entities in time');
  }

  const get = (path: string, user = ALLOWED_USER) =>
    request(backend.server)
      .get(`${BASE}${path}`)
      .set('Authorization', mockCredentials.user.header(user));

  it('should answer 401 without credentials on every route', async () => {
    for (const path of [
      '/status',
      '/coverage',
      '/coverage/summary',
      '/coverage/history',
      '/entities/component/default/open-a',
      '/indexed-docs',
    ]) {
      expect((await request(backend.server).get(`${BASE}${path}`)).status).toBe(
        401,
      );
    }
    expect(
      (
        await request(backend.server).post(
          `${BASE}/entities/component/default/open-a/refresh`,
        )
      ).status,
    ).toBe(401);
  });

  it('should refuse a service without a user', async () => {
    const response = await request(backend.server)
      .get(`${BASE}/coverage`)
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(403);
  });

  const names = (body: { items: Array<{ name: string }> }) =>
    body.items.map(item => item.name);

  it('should page every analysed doc to a service', async () => {
    const service = (path: string) =>
      request(backend.server)
        .get(`${BASE}${path}`)
        .set('Authorization', mockCredentials.service.header());
    const first = await service('/indexed-docs?limit=3');
    expect(first.status).toBe(200);
    expect(names(first.body)).toEqual(['open-a', 'open-b', 'secret-a']);
    expect(first.body.templateSections).toEqual(TEST_TEMPLATE_SECTIONS);
    expect(first.body.indexedAt).toBe(AT.toISOString());
    expect(first.body.items[0]).toMatchObject({
      entityRef: 'component:default/open-a',
      owner: 'team-a',
      score: 100,
      brokenLinks: 0,
      failingDiagrams: 0,
      changedAt: AT.toISOString(),
    });
    expect(first.body.items[0].text).toBeUndefined();
    expect(first.body.nextCursor).toEqual(expect.any(String));

    const last = await service(
      `/indexed-docs?limit=3&text=true&cursor=${first.body.nextCursor}`,
    );
    expect(names(last.body)).toEqual(['secret-b']);
    expect(last.body.items[0].text).toBe('Doc\npresent, placeholder, present');
    expect(last.body.nextCursor).toBeUndefined();
  });

  it('should page only the readable docs to a user the policy limits', async () => {
    const first = await get('/indexed-docs?limit=1', LIMITED_USER);
    expect(first.status).toBe(200);
    expect(names(first.body)).toEqual(['open-a']);
    const last = await get(
      `/indexed-docs?limit=1&cursor=${first.body.nextCursor}`,
      LIMITED_USER,
    );
    expect(names(last.body)).toEqual(['open-b']);
    expect(last.body.nextCursor).toBeUndefined();
    expect(names((await get('/indexed-docs', DENIED_USER)).body)).toEqual([]);
  });

  it('should serve every row to a user allowed to read the catalog', async () => {
    const response = await get('/coverage?sort=score&dir=desc&limit=2');
    expect(response.status).toBe(200);
    expect(response.body.totalCount).toBe(5);
    expect(response.body.offset).toBe(0);
    expect(response.body.limit).toBe(2);
    expect(response.body.indexedAt).toBe(AT.toISOString());
    expect(response.body.templateSections).toEqual(TEST_TEMPLATE_SECTIONS);
    expect(response.body.rows.map((row: { name: string }) => row.name)).toEqual(
      ['open-a', 'secret-b'],
    );
    expect(response.body.rows[0]).toMatchObject({
      entityRef: 'component:default/open-a',
      status: 'analysed',
      score: 100,
      sectionStatus: {
        context: 'present',
        decisions: 'present',
        risks: 'present',
      },
      fetchedAt: AT.toISOString(),
    });
  });

  it('should serve only the readable entities to a user the policy limits', async () => {
    const rows = await get('/coverage', LIMITED_USER);
    expect(rows.status).toBe(200);
    expect(rows.body.rows.map((row: { name: string }) => row.name)).toEqual([
      'open-a',
      'open-b',
      'open-c',
    ]);
    expect(rows.body.totalCount).toBe(3);

    const summary = await get('/coverage/summary', LIMITED_USER);
    expect(summary.body.statusCounts).toMatchObject({
      analysed: 2,
      'not-found': 1,
    });
    expect(summary.body.averageScore).toBeCloseTo((100 + 33) / 2);
    expect(
      summary.body.byOwner.map((owner: { owner: string; analysed: number }) => [
        owner.owner,
        owner.analysed,
      ]),
    ).toEqual([
      ['team-a', 2],
      ['team-b', 0],
    ]);

    const history = await get('/coverage/history?days=7', LIMITED_USER);
    expect(history.body.points).toEqual([
      {
        day: AT.toISOString().slice(0, 10),
        docs: 2,
        averageScore: (100 + 33) / 2,
        sectionPresentShare: { context: 1, decisions: 0.5, risks: 0.5 },
      },
    ]);
    expect((await get('/status', LIMITED_USER)).body.docs).toBe(3);

    expect(
      (await get('/entities/component/default/open-a', LIMITED_USER)).status,
    ).toBe(200);
    const hidden = await get(
      '/entities/component/default/secret-a',
      LIMITED_USER,
    );
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      'No architecture doc is indexed for component:default/secret-a',
    );
  });

  it('should serve nothing to a user the policy denies', async () => {
    refreshEntity.mockClear();
    const rows = await get('/coverage', DENIED_USER);
    expect(rows.body.rows).toEqual([]);
    expect(rows.body.totalCount).toBe(0);
    const summary = await get('/coverage/summary', DENIED_USER);
    expect(summary.body.statusCounts.analysed).toBe(0);
    expect(summary.body.byOwner).toEqual([]);
    expect((await get('/coverage/history', DENIED_USER)).body.points).toEqual(
      [],
    );
    expect(
      (await get('/entities/component/default/open-a', DENIED_USER)).status,
    ).toBe(404);
    const refresh = await request(backend.server)
      .post(`${BASE}/entities/component/default/open-a/refresh`)
      .set('Authorization', mockCredentials.user.header(DENIED_USER));
    expect(refresh.status).toBe(404);
    expect(refreshEntity).not.toHaveBeenCalled();
  });

  it('should filter and summarize with the page query', async () => {
    const rows = await get('/coverage?owner=team-b&status=analysed');
    expect(rows.body.rows.map((row: { name: string }) => row.name)).toEqual([
      'secret-b',
    ]);
    const summary = await get('/coverage/summary?owner=team-a');
    expect(summary.body.sections[0]).toEqual({
      id: 'context',
      title: 'Context',
      present: 2,
      placeholder: 0,
      missing: 1,
    });
  });

  it('should serve one entity with its report and source, or its error', async () => {
    const doc = await get('/entities/Component/default/open-a');
    expect(doc.status).toBe(200);
    expect(doc.body.entityRef).toBe('component:default/open-a');
    expect(doc.body.source).toContain('# Doc');
    expect(doc.body.report.score).toEqual(expect.any(Number));
    const failed = await get('/entities/component/default/open-c');
    expect(failed.body.status).toBe('not-found');
    expect(failed.body.error.kind).toBe('not-found');
    expect(failed.body.report).toBeUndefined();
    expect((await get('/entities/component/default/missing')).status).toBe(404);
  });

  it('should refresh a readable entity and answer its new state', async () => {
    const response = await request(backend.server)
      .post(`${BASE}/entities/component/default/open-c/refresh`)
      .set('Authorization', mockCredentials.user.header(LIMITED_USER));
    expect(response.status).toBe(200);
    expect(refreshEntity).toHaveBeenCalledWith('component:default/open-c');
    expect(response.body.status).toBe('analysed');
    expect(response.body.report).toBeDefined();
  });

  it('should answer 400 to a malformed entity path', async () => {
    const response = await get('/entities/component/default/%E0%A4%A');
    expect(response.status).toBe(400);
  });

  it.each([
    ['/coverage?limit=0', 'Invalid limit: 0 is not between 1 and 500'],
    ['/coverage?limit=501', 'Invalid limit: 501 is not between 1 and 500'],
    ['/coverage?offset=-1', 'Invalid offset: "-1" is not a whole number'],
    ['/coverage?status=bogus', 'Invalid status: "bogus"'],
    ['/coverage?sort=name', 'Invalid sort: "name"'],
    ['/coverage/summary?minScore=abc', 'Invalid minScore: "abc"'],
    [
      '/coverage/summary?minScore=80&maxScore=20',
      'Invalid score range: minScore is above maxScore',
    ],
    ['/coverage/history?days=0', 'Invalid days: 0 is not between 1 and 3650'],
    ['/coverage/history?days=1e3', 'Invalid days: "1e3" is not a whole number'],
    ['/indexed-docs?cursor=bogus', 'Invalid cursor: "bogus"'],
    ['/indexed-docs?limit=501', 'Invalid limit: 501 is not between 1 and 500'],
    ['/indexed-docs?text=yes', 'Invalid text: "yes" is not true or false'],
  ])('should answer 400 to %s', async (path, message) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toBe(message);
  });
});

describe('createRouter while the database is down', () => {
  it('should answer 503 saying why', async () => {
    const logger = mockServices.logger.mock();
    const store = DatabaseDocStore.create({
      database: {
        getClient: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        },
      },
      logger,
      readiness: { waitMs: 20, initialRetryMs: 1000, maxRetryMs: 1000 },
    });
    try {
      const app = express()
        .use(
          await createRouter({
            store,
            refresher: { refreshEntity: jest.fn() },
            httpAuth: mockServices.httpAuth(),
            permissions: mockServices.permissions(),
            catalog: catalogServiceMock(),
            logger,
          }),
        )
        .use(
          MiddlewareFactory.create({
            config: mockServices.rootConfig(),
            logger,
          }).error(),
        );
      const response = await request(app)
        .get('/coverage')
        .set('Authorization', mockCredentials.user.header());
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          'The architecture docs database is not available yet: Error: connect ECONNREFUSED 127.0.0.1:5432',
      });
    } finally {
      store.close();
    }
  });
});
