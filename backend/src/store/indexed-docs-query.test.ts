import { mockServices } from '@backstage/backend-test-utils';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { analyzeArchitectureDoc } from 'backstage-plugin-architecture-docs-common';
import type { Knex } from 'knex';
import { DatabaseDocStore } from './DatabaseDocStore';
import {
  TEST_TEMPLATE_SECTIONS,
  analysedDoc,
  analysedWrite,
  failedWrite,
  testEntity,
} from '../testing/__testUtils__/doc-writes';
import { createTestDatabases } from '../testing/__testUtils__/test-databases';

const { databases, ids } = createTestDatabases();

const AT = new Date('2026-03-10T12:00:00.000Z');
const ALL = { kind: 'all' } as const;

const DIAGRAMS_SOURCE = [
  '# Orders',
  '',
  '## Context',
  '',
  'Takes **orders** from the shop.',
  '',
  '```mermaid',
  '```',
  '',
  '```mermaid',
  'notADiagram here',
  '```',
  '',
  '```mermaid',
  'flowchart LR',
  '  A --> B',
  '```',
].join('\n');

function storeOn(client: Knex): DatabaseDocStore {
  const database: DatabaseService = { getClient: async () => client };
  return DatabaseDocStore.create({
    database,
    logger: mockServices.logger.mock(),
  });
}

describe.each(ids.map(id => [id]))('listIndexedDocs on %s', id => {
  let store: DatabaseDocStore;

  beforeEach(async () => {
    store = storeOn(await databases.init(id));
    await Promise.all(
      [
        analysedWrite(
          testEntity('charlie', {
            owner: 'group:default/team-a',
            system: 'system:default/shop',
            lifecycle: 'production',
            title: 'Charlie',
          }),
          {
            ...analysedDoc(['present', 'missing', 'placeholder'], {
              brokenLinks: 2,
            }),
            source: DIAGRAMS_SOURCE,
            report: analyzeArchitectureDoc(DIAGRAMS_SOURCE),
          },
          AT,
          'c1',
        ),
        analysedWrite(
          testEntity('alpha'),
          analysedDoc(['present', 'present', 'present'], { brokenLinks: null }),
          AT,
          'c1',
        ),
        analysedWrite(
          testEntity('bravo'),
          analysedDoc(['missing', 'missing', 'missing']),
          AT,
          'c1',
        ),
        failedWrite(testEntity('delta'), 'not-found', AT, 'c1'),
      ].map(write => store.writeDoc(write)),
    );
    await store.finishCycle({
      cycleId: 'c1',
      finishedAt: AT,
      historyDays: 30,
      templateSections: TEST_TEMPLATE_SECTIONS,
    });
  });

  afterEach(() => store.close());

  it('should page the analysed docs in entity ref order', async () => {
    const first = await store.listIndexedDocs({
      limit: 2,
      visibility: ALL,
      withSource: false,
    });
    expect(first.entries.map(entry => entry.summary.name)).toEqual([
      'alpha',
      'bravo',
    ]);
    expect(first.lastEntityRef).toBe('component:default/bravo');
    expect(first.meta.templateSections).toEqual(TEST_TEMPLATE_SECTIONS);
    expect(first.meta.indexedAt).toBe(AT.toISOString());

    const last = await store.listIndexedDocs({
      after: first.lastEntityRef,
      limit: 2,
      visibility: ALL,
      withSource: false,
    });
    expect(last.entries.map(entry => entry.summary.name)).toEqual(['charlie']);
    expect(last.lastEntityRef).toBeUndefined();
  });

  it('should summarise a doc from its stored report and columns', async () => {
    const { entries } = await store.listIndexedDocs({
      after: 'component:default/bravo',
      limit: 10,
      visibility: ALL,
      withSource: true,
    });
    const report = analyzeArchitectureDoc(DIAGRAMS_SOURCE);
    expect(entries).toEqual([
      {
        summary: {
          entityRef: 'component:default/charlie',
          kind: 'Component',
          namespace: 'default',
          name: 'charlie',
          title: 'Charlie',
          owner: 'group:default/team-a',
          system: 'system:default/shop',
          lifecycle: 'production',
          docTitle: 'Orders',
          score: 33,
          sections: report.sections.map(section => ({
            id: section.id,
            title: section.title,
            status: section.status,
            anchor: section.anchor,
          })),
          missing: ['Decisions'],
          placeholder: ['Risks'],
          brokenLinks: 2,
          failingDiagrams: 2,
          changedAt: AT.toISOString(),
        },
        source: DIAGRAMS_SOURCE,
      },
    ]);
    expect(
      entries[0].summary.sections.find(section => section.id === 'context'),
    ).toMatchObject({ status: 'present', anchor: 'context' });
  });

  it('should keep an unchecked broken-links count apart from zero', async () => {
    const { entries } = await store.listIndexedDocs({
      limit: 2,
      visibility: ALL,
      withSource: false,
    });
    expect(entries.map(entry => entry.summary.brokenLinks)).toEqual([null, 0]);
    expect(entries[0].source).toBeUndefined();
  });

  it('should answer only the visible entities', async () => {
    const some = await store.listIndexedDocs({
      limit: 10,
      visibility: {
        kind: 'some',
        entityRefs: ['component:default/charlie', 'component:default/delta'],
      },
      withSource: false,
    });
    expect(some.entries.map(entry => entry.summary.name)).toEqual(['charlie']);
    const none = await store.listIndexedDocs({
      limit: 10,
      visibility: { kind: 'none' },
      withSource: false,
    });
    expect(none.entries).toEqual([]);
    expect(none.lastEntityRef).toBeUndefined();
  });
});
