import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import searchBackend from '@backstage/plugin-search-backend';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import request from 'supertest';
import {
  TEST_TEMPLATE_SECTIONS,
  analysedSource,
  analysedWrite,
  testEntity,
} from '../testing/__testUtils__/doc-writes';
import { indexedDocsTestPlugin } from '../testing/__testUtils__/indexed-docs-test-plugin';
import searchModule from './index';
import { DEFAULT_SEARCH_SCHEDULE } from './module';

/** The search backend's task id for the architecture doc type. */
const COLLATOR_TASK = 'search_index_architecture_doc';
const AT = new Date('2026-03-10T12:00:00.000Z');

describe('architectureDocsSearchModule', () => {
  let backend: TestBackend;
  /** The scheduled tasks by id, run by the test when it needs them. */
  const tasks = new Map<
    string,
    {
      run: () => Promise<unknown>;
      schedule: SchedulerServiceTaskScheduleDefinition;
    }
  >();
  const scheduler = mockServices.scheduler.mock({
    createScheduledTaskRunner: schedule => ({
      run: async task => {
        tasks.set(task.id, {
          run: () => Promise.resolve(task.fn(new AbortController().signal)),
          schedule,
        });
      },
    }),
  });
  const architectureDocs = indexedDocsTestPlugin({
    writes: [
      analysedWrite(
        testEntity('orders', {
          title: 'Orders',
          owner: 'group:default/team-a',
        }),
        analysedSource(
          '# Orders\n\nOrders are paid through the **zanzibar** gateway.\n',
        ),
        AT,
      ),
      analysedWrite(
        testEntity('parcels'),
        analysedSource('# Parcels\n\nParcels leave the warehouse daily.\n'),
        AT,
      ),
    ],
    templateSections: TEST_TEMPLATE_SECTIONS,
    finishedAt: AT,
  });

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        scheduler.factory,
        catalogServiceMock.factory({ entities: [] }),
        architectureDocs.plugin,
        searchBackend,
        searchModule,
      ],
    });
  });

  afterAll(async () => {
    architectureDocs.close();
    await backend?.stop();
  });

  it('should index on the default schedule', () => {
    expect(tasks.get(COLLATOR_TASK)?.schedule).toEqual(DEFAULT_SEARCH_SCHEDULE);
  });

  it('should make a served doc findable through the search API by a word in it', async () => {
    await tasks.get(COLLATOR_TASK)!.run();

    const response = await request(backend.server)
      .get('/api/search/query?term=zanzibar&types[0]=architecture-doc')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(200);
    expect(response.body.results).toHaveLength(1);
    expect(response.body.results[0]).toMatchObject({
      type: 'architecture-doc',
      document: {
        title: 'Orders',
        entityRef: 'component:default/orders',
        location: '/catalog/default/component/orders/architecture',
        owner: 'group:default/team-a',
        text: 'Orders\nOrders are paid through the zanzibar gateway.',
      },
    });
  });
});

describe('architectureDocsSearchModule with a configured schedule', () => {
  it('should index on the schedule of search.collators.architectureDocs', async () => {
    const schedules: SchedulerServiceTaskScheduleDefinition[] = [];
    const scheduler = mockServices.scheduler.mock({
      createScheduledTaskRunner: schedule => {
        schedules.push(schedule);
        return { run: async () => {} };
      },
    });
    const addCollator = jest.fn();
    const backend = await startTestBackend({
      extensionPoints: [
        [searchIndexRegistryExtensionPoint, { addCollator, addDecorator() {} }],
      ],
      features: [
        mockServices.rootConfig.factory({
          data: {
            search: {
              collators: {
                architectureDocs: {
                  schedule: {
                    frequency: { hours: 2 },
                    timeout: { minutes: 30 },
                  },
                },
              },
            },
          },
        }),
        scheduler.factory,
        searchModule,
      ],
    });
    await backend.stop();
    expect(schedules).toEqual([
      { frequency: { hours: 2 }, timeout: { minutes: 30 } },
    ]);
    expect(addCollator).toHaveBeenCalledTimes(1);
  });
});
