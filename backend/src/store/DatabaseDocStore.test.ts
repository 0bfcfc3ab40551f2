import { mockServices } from '@backstage/backend-test-utils';
import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import knexFactory, { type Knex } from 'knex';
import { connect, createServer, type AddressInfo, type Server } from 'node:net';
import { analyzeArchitectureDoc } from 'backstage-plugin-architecture-docs-common';
import { DatabaseDocStore } from './DatabaseDocStore';
import {
  TEST_TEMPLATE_SECTIONS,
  analysedDoc,
  analysedWrite,
  failedWrite,
  testEntity,
} from '../testing/__testUtils__/doc-writes';
import {
  assertRequiredDatabases,
  createTestDatabases,
} from '../testing/__testUtils__/test-databases';

const { databases, ids } = createTestDatabases();

const AT = new Date('2026-03-10T12:00:00.000Z');
const ALL = { kind: 'all' } as const;
const FIRST_PAGE = { offset: 0, limit: 50 };

function storeOn(client: Knex): DatabaseDocStore {
  const database: DatabaseService = { getClient: async () => client };
  return DatabaseDocStore.create({
    database,
    logger: mockServices.logger.mock(),
  });
}

it('should run against PostgreSQL when ARCHITECTURE_DOCS_REQUIRE_POSTGRES=1', () => {
  expect(assertRequiredDatabases).not.toThrow();
});

describe.each(ids.map(id => [id]))('DatabaseDocStore on %s', id => {
  let client: Knex;
  let store: DatabaseDocStore;

  beforeEach(async () => {
    client = await databases.init(id);
    store = storeOn(client);
  });

  afterEach(() => store.close());

  /** Writes a small catalog: four analysed docs, one without a doc, one not found. */
  async function seed(cycleId = 'c1') {
    const writes = [
      analysedWrite(
        testEntity('alpha', {
          owner: 'team-a',
          system: 'shop',
          lifecycle: 'production',
          title: 'Alpha Service',
        }),
        analysedDoc(['present', 'present', 'present']),
        AT,
        cycleId,
      ),
      analysedWrite(
        testEntity('beta', {
          owner: 'team-a',
          system: 'shop',
          lifecycle: 'experimental',
        }),
        analysedDoc(['present', 'placeholder', 'missing'], { brokenLinks: 2 }),
        AT,
        cycleId,
      ),
      analysedWrite(
        testEntity('gamma', {
          owner: 'team-b',
          system: 'pay',
          lifecycle: 'production',
        }),
        analysedDoc(['missing', 'missing', 'placeholder'], {
          brokenLinks: null,
        }),
        AT,
        cycleId,
      ),
      analysedWrite(
        testEntity('delta_1', {
          owner: 'team-b',
          system: 'pay',
          lifecycle: 'production',
          title: 'Zeta',
        }),
        analysedDoc(['present', 'missing', 'present']),
        AT,
        cycleId,
      ),
      {
        entity: testEntity('epsilon', { owner: 'team-c' }),
        outcome: { kind: 'no-annotation' as const },
        at: AT,
        cycleId,
      },
      failedWrite(
        testEntity('omega', { owner: 'team-c' }),
        'not-found',
        AT,
        cycleId,
      ),
    ];
    await Promise.all(writes.map(write => store.writeDoc(write)));
    await store.finishCycle({
      cycleId,
      finishedAt: AT,
      historyDays: 30,
      templateSections: TEST_TEMPLATE_SECTIONS,
    });
  }

  async function names(filters: Parameters<DatabaseDocStore['queryRows']>[0]) {
    const page = await store.queryRows(filters, FIRST_PAGE, ALL);
    return page.rows.map(row => row.name);
  }

  it('should serve an analysed doc as a row with its figures and sections', async () => {
    await seed();
    const page = await store.queryRows({ text: 'beta' }, FIRST_PAGE, ALL);
    expect(page.totalCount).toBe(1);
    expect(page.indexedAt).toBe(AT.toISOString());
    expect(page.templateSections).toEqual(TEST_TEMPLATE_SECTIONS);
    expect(page.rows[0]).toEqual({
      entityRef: 'component:default/beta',
      kind: 'Component',
      namespace: 'default',
      name: 'beta',
      title: 'beta',
      owner: 'team-a',
      system: 'shop',
      lifecycle: 'experimental',
      status: 'analysed',
      docUrl: 'https://docs.example.com/doc.md',
      score: 33,
      missing: ['Risks'],
      placeholder: ['Decisions'],
      sectionStatus: {
        context: 'present',
        decisions: 'placeholder',
        risks: 'missing',
      },
      brokenLinks: 2,
      fetchedAt: AT.toISOString(),
      changedAt: AT.toISOString(),
    });
  });

  it('should store a doc without annotation and a failed first read with their statuses', async () => {
    await seed();
    const page = await store.queryRows({ owner: 'team-c' }, FIRST_PAGE, ALL);
    expect(page.rows.map(row => [row.name, row.status, row.errorKind])).toEqual(
      [
        ['epsilon', 'no-annotation', undefined],
        ['omega', 'not-found', 'not-found'],
      ],
    );
    expect(page.rows[1].message).toBe('The read failed: not-found');
    const timeout = failedWrite(testEntity('theta'), 'timeout', AT);
    await store.writeDoc(timeout);
    expect((await store.getEntityDoc('component:default/theta'))?.status).toBe(
      'error',
    );
  });

  it('should keep the previous report and mark it stale when a read fails', async () => {
    await seed();
    const later = new Date('2026-03-11T08:00:00.000Z');
    await store.writeDoc(
      failedWrite(
        testEntity('alpha', { owner: 'team-a' }),
        'rate-limited',
        later,
      ),
    );
    const doc = await store.getEntityDoc('component:default/alpha');
    expect(doc?.status).toBe('analysed');
    expect(doc?.report?.sections.length).toBeGreaterThan(0);
    expect(doc?.source).toContain('# Doc');
    expect(doc?.stale).toEqual({
      kind: 'rate-limited',
      message: 'The read failed: rate-limited',
      at: later.toISOString(),
    });
    expect(doc?.error).toBeUndefined();
    const [row] = (await store.queryRows({ text: 'alpha' }, FIRST_PAGE, ALL))
      .rows;
    expect(row.score).toBe(100);
    expect(row.stale?.kind).toBe('rate-limited');
    expect(row.errorKind).toBeUndefined();
  });

  it('should update only the read time and catalog fields of an unchanged doc, and clear a stale mark', async () => {
    await seed();
    await store.writeDoc(
      failedWrite(testEntity('beta', { owner: 'team-a' }), 'timeout', AT),
    );
    const later = new Date('2026-03-12T08:00:00.000Z');
    await store.writeDoc({
      entity: testEntity('beta', { owner: 'team-z', system: 'shop' }),
      outcome: {
        kind: 'unchanged',
        docUrl: 'https://docs.example.com/doc.md',
        brokenLinks: 5,
      },
      at: later,
    });
    const [row] = (await store.queryRows({ text: 'beta' }, FIRST_PAGE, ALL))
      .rows;
    expect(row.owner).toBe('team-z');
    expect(row.fetchedAt).toBe(later.toISOString());
    expect(row.changedAt).toBe(AT.toISOString());
    expect(row.stale).toBeUndefined();
    expect(row.score).toBe(33);
    expect(row.brokenLinks).toBe(5);
    const states = await store.getDocStates([
      'component:default/beta',
      'component:default/nobody',
    ]);
    expect([...states.values()]).toEqual([
      {
        entityRef: 'component:default/beta',
        docUrl: 'https://docs.example.com/doc.md',
        etag: '"v1"',
        contentHash: 'hash-present-placeholder-missing',
        hasReport: true,
        fetchedAt: later.toISOString(),
      },
    ]);
  });

  it('should keep the read time, report and failure of a doc not read this cycle, and take its catalog fields', async () => {
    await seed('c1');
    await store.writeDoc(
      failedWrite(testEntity('beta', { owner: 'team-a' }), 'timeout', AT),
    );
    const later = new Date('2026-03-12T08:00:00.000Z');
    for (const name of ['alpha', 'beta']) {
      await store.writeDoc({
        entity: testEntity(name, { owner: 'team-z' }),
        outcome: { kind: 'current', docUrl: 'https://docs.example.com/doc.md' },
        at: later,
        cycleId: 'c2',
      });
    }
    await store.finishCycle({
      cycleId: 'c2',
      finishedAt: later,
      historyDays: 30,
      templateSections: TEST_TEMPLATE_SECTIONS,
    });
    const rows = (await store.queryRows({}, FIRST_PAGE, ALL)).rows.filter(
      row => row.owner === 'team-z',
    );
    expect(rows.map(row => [row.entityRef, row.fetchedAt, row.score])).toEqual([
      ['component:default/alpha', AT.toISOString(), 100],
      ['component:default/beta', AT.toISOString(), 33],
    ]);
    expect(rows[1].stale).toBeDefined();
    const states = await store.getDocStates(['component:default/beta']);
    expect(states.get('component:default/beta')).toMatchObject({
      fetchedAt: AT.toISOString(),
      failure: { kind: 'timeout' },
    });
  });

  it('should commit the other writes of a batch when one of them fails', async () => {
    const malformed = {
      ...testEntity('malformed'),
      title: undefined as unknown as string,
    };
    const results = await Promise.allSettled([
      store.writeDoc(
        analysedWrite(testEntity('first'), analysedDoc(['present']), AT),
      ),
      store.writeDoc(analysedWrite(malformed, analysedDoc(['present']), AT)),
      store.writeDoc(
        analysedWrite(testEntity('last'), analysedDoc(['present']), AT),
      ),
    ]);
    expect(results.map(result => result.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(await names({})).toEqual(['first', 'last']);
  });

  it('should keep the change time when the same content is analysed again', async () => {
    await seed();
    const later = new Date('2026-03-12T08:00:00.000Z');
    const entity = testEntity('beta', { owner: 'team-a' });
    await store.writeDoc(
      analysedWrite(
        entity,
        analysedDoc(['present', 'placeholder', 'missing']),
        later,
      ),
    );
    let [row] = (await store.queryRows({ text: 'beta' }, FIRST_PAGE, ALL)).rows;
    expect([row.fetchedAt, row.changedAt]).toEqual([
      later.toISOString(),
      AT.toISOString(),
    ]);
    await store.writeDoc(
      analysedWrite(
        entity,
        analysedDoc(['present', 'present', 'missing']),
        later,
      ),
    );
    [row] = (await store.queryRows({ text: 'beta' }, FIRST_PAGE, ALL)).rows;
    expect(row.changedAt).toBe(later.toISOString());
    expect(row.sectionStatus.decisions).toBe('present');
  });

  it('should clear the report when the entity no longer points at a doc', async () => {
    await seed();
    await store.writeDoc({
      entity: testEntity('alpha'),
      outcome: { kind: 'no-annotation' },
      at: AT,
    });
    const doc = await store.getEntityDoc('component:default/alpha');
    expect(doc).toEqual({
      entityRef: 'component:default/alpha',
      status: 'no-annotation',
      fetchedAt: null,
      changedAt: null,
      indexedAt: AT.toISOString(),
    });
    expect(
      await names({ section: 'context', sectionStatus: 'present' }),
    ).toEqual(['beta', 'delta_1']);
  });

  it('should remove the entities a finished cycle did not see, but keep one refreshed during it', async () => {
    await seed('c1');
    await store.writeDoc(
      analysedWrite(
        testEntity('alpha'),
        analysedDoc(['present', 'present', 'present']),
        AT,
        'c2',
      ),
    );
    await store.writeDoc(
      analysedWrite(testEntity('refreshed'), analysedDoc(['present']), AT),
    );
    const { removed } = await store.finishCycle({
      cycleId: 'c2',
      finishedAt: AT,
      historyDays: 30,
      templateSections: TEST_TEMPLATE_SECTIONS,
    });
    expect(removed).toBe(5);
    expect(await names({})).toEqual(['alpha', 'refreshed']);
    expect((await store.getStatus()).docs).toBe(2);
  });

  it('should filter by text, owner, system, lifecycle, status, section and score', async () => {
    await seed();
    expect(await names({ text: 'ALPHA serv' })).toEqual(['alpha']);
    expect(await names({ text: 'zet' })).toEqual(['delta_1']);
    expect(await names({ text: 'a_1' })).toEqual(['delta_1']);
    expect(await names({ text: '%' })).toEqual([]);
    expect(await names({ text: "' OR 1=1 --" })).toEqual([]);
    expect(await names({ owner: "team-a' OR '1'='1" })).toEqual([]);
    expect(await names({ owner: 'team-b' })).toEqual(['gamma', 'delta_1']);
    expect(await names({ system: 'shop' })).toEqual(['alpha', 'beta']);
    expect(await names({ lifecycle: 'production' })).toEqual([
      'alpha',
      'gamma',
      'delta_1',
    ]);
    expect(await names({ status: 'not-found' })).toEqual(['omega']);
    expect(await names({ section: 'risks' })).toEqual(['beta']);
    expect(
      await names({ section: 'risks', sectionStatus: 'placeholder' }),
    ).toEqual(['gamma']);
    expect(await names({ minScore: 60 })).toEqual(['alpha', 'delta_1']);
    expect(await names({ minScore: 1, maxScore: 40 })).toEqual(['beta']);
    expect(await names({ maxScore: 0 })).toEqual(['gamma']);
    expect(
      await names({
        owner: 'team-a',
        section: 'decisions',
        sectionStatus: 'present',
      }),
    ).toEqual(['alpha']);
  });

  it('should sort by every key in both directions, missing values last, ties by entity ref', async () => {
    await seed();
    expect(await names({ sort: 'entity' })).toEqual([
      'alpha',
      'beta',
      'epsilon',
      'gamma',
      'omega',
      'delta_1',
    ]);
    expect(await names({ sort: 'entity', direction: 'desc' })).toEqual([
      'delta_1',
      'omega',
      'gamma',
      'epsilon',
      'beta',
      'alpha',
    ]);
    expect(await names({ sort: 'score', direction: 'desc' })).toEqual([
      'alpha',
      'delta_1',
      'beta',
      'gamma',
      'epsilon',
      'omega',
    ]);
    expect(await names({ sort: 'score' })).toEqual([
      'gamma',
      'beta',
      'delta_1',
      'alpha',
      'epsilon',
      'omega',
    ]);
    expect(await names({ sort: 'missing', direction: 'desc' })).toEqual([
      'gamma',
      'beta',
      'delta_1',
      'alpha',
      'epsilon',
      'omega',
    ]);
    expect(await names({ sort: 'placeholder' })).toEqual([
      'alpha',
      'delta_1',
      'beta',
      'gamma',
      'epsilon',
      'omega',
    ]);
    expect(await names({ sort: 'brokenLinks', direction: 'desc' })).toEqual([
      'beta',
      'alpha',
      'delta_1',
      'epsilon',
      'gamma',
      'omega',
    ]);
    expect(await names({ sort: 'status' })).toEqual([
      'alpha',
      'beta',
      'delta_1',
      'gamma',
      'epsilon',
      'omega',
    ]);
    expect(await names({ sort: 'owner', direction: 'desc' })).toEqual([
      'epsilon',
      'omega',
      'delta_1',
      'gamma',
      'alpha',
      'beta',
    ]);
    expect(await names({ sort: 'system' })).toEqual([
      'epsilon',
      'omega',
      'delta_1',
      'gamma',
      'alpha',
      'beta',
    ]);
    expect(await names({ sort: 'lifecycle' })).toEqual([
      'epsilon',
      'omega',
      'beta',
      'alpha',
      'delta_1',
      'gamma',
    ]);
  });

  it('should page with totals over all pages', async () => {
    await seed();
    const first = await store.queryRows(
      { sort: 'entity' },
      { offset: 0, limit: 4 },
      ALL,
    );
    const second = await store.queryRows(
      { sort: 'entity' },
      { offset: 4, limit: 4 },
      ALL,
    );
    expect(first.totalCount).toBe(6);
    expect(second.totalCount).toBe(6);
    expect([...first.rows, ...second.rows].map(row => row.name)).toEqual([
      'alpha',
      'beta',
      'epsilon',
      'gamma',
      'omega',
      'delta_1',
    ]);
    expect([second.offset, second.limit]).toEqual([4, 4]);
  });

  it('should answer only the visible entities', async () => {
    await seed();
    const some = {
      kind: 'some' as const,
      entityRefs: [
        'component:default/beta',
        'component:default/gamma',
        'component:default/unknown',
      ],
    };
    const page = await store.queryRows({}, FIRST_PAGE, some);
    expect(page.rows.map(row => row.name)).toEqual(['beta', 'gamma']);
    expect(page.totalCount).toBe(2);
    expect(
      (await store.queryRows({}, FIRST_PAGE, { kind: 'none' })).totalCount,
    ).toBe(0);
    expect((await store.summarize({}, some)).statusCounts.analysed).toBe(2);
    expect((await store.getStatus(some)).docs).toBe(2);
  });

  it('should match visible entity refs with quotes, commas and braces exactly', async () => {
    await seed();
    const hostile = testEntity('we"ird\\name,}{ NULL');
    await store.writeDoc(analysedWrite(hostile, analysedDoc(['present']), AT));
    const page = await store.queryRows({}, FIRST_PAGE, {
      kind: 'some',
      entityRefs: [hostile.entityRef, 'component:default/alpha"'],
    });
    expect(page.rows.map(row => row.entityRef)).toEqual([hostile.entityRef]);
  });

  it('should summarize the filtered view by status, score, section and owner', async () => {
    await seed();
    const summary = await store.summarize({}, ALL);
    expect(summary.statusCounts).toEqual({
      analysed: 4,
      'no-annotation': 1,
      'not-found': 1,
      'sign-in-needed': 0,
      error: 0,
      pending: 0,
    });
    expect(summary.averageScore).toBeCloseTo((100 + 33 + 0 + 67) / 4);
    expect(summary.sections).toEqual([
      {
        id: 'context',
        title: 'Context',
        present: 3,
        placeholder: 0,
        missing: 1,
      },
      {
        id: 'decisions',
        title: 'Decisions',
        present: 1,
        placeholder: 1,
        missing: 2,
      },
      { id: 'risks', title: 'Risks', present: 2, placeholder: 1, missing: 1 },
    ]);
    expect(summary.byOwner.map(owner => [owner.owner, owner.analysed])).toEqual(
      [
        ['team-a', 2],
        ['team-b', 2],
        ['team-c', 0],
      ],
    );
    expect(summary.byOwner[1].sections[0]).toEqual({
      id: 'context',
      title: 'Context',
      present: 1,
      placeholder: 0,
      missing: 1,
    });
    expect(summary.byOwner[2].sections[2]).toEqual({
      id: 'risks',
      title: 'Risks',
      present: 0,
      placeholder: 0,
      missing: 0,
    });
    const filtered = await store.summarize({ system: 'pay' }, ALL);
    expect(filtered.statusCounts.analysed).toBe(2);
    expect(filtered.averageScore).toBeCloseTo((0 + 67) / 2);
    expect(filtered.byOwner.map(owner => owner.owner)).toEqual(['team-b']);
    const empty = await store.summarize({ owner: 'nobody' }, ALL);
    expect(empty.averageScore).toBeNull();
  });

  it('should aggregate the daily history of a filtered view and prune old days', async () => {
    await seed('c1');
    const nextDay = new Date('2026-03-11T12:00:00.000Z');
    const writes = [
      analysedWrite(
        testEntity('alpha', { owner: 'team-a', system: 'shop' }),
        analysedDoc(['present', 'present', 'present']),
        nextDay,
        'c2',
      ),
      analysedWrite(
        testEntity('beta', { owner: 'team-a', system: 'shop' }),
        analysedDoc(['present', 'present', 'present']),
        nextDay,
        'c2',
      ),
      analysedWrite(
        testEntity('gamma', { owner: 'team-b', system: 'pay' }),
        analysedDoc(['missing', 'missing', 'placeholder']),
        nextDay,
        'c2',
      ),
      analysedWrite(
        testEntity('delta_1', { owner: 'team-b', system: 'pay' }),
        analysedDoc(['present', 'missing', 'present']),
        nextDay,
        'c2',
      ),
    ];
    await Promise.all(writes.map(write => store.writeDoc(write)));
    // The second day's template has the sections in another order.
    const reordered = [
      TEST_TEMPLATE_SECTIONS[2],
      TEST_TEMPLATE_SECTIONS[0],
      TEST_TEMPLATE_SECTIONS[1],
    ];
    await store.finishCycle({
      cycleId: 'c2',
      finishedAt: nextDay,
      historyDays: 30,
      templateSections: reordered,
    });

    const history = await store.history({ system: 'shop' }, ALL, 7, nextDay);
    expect(history.templateSections).toEqual(reordered);
    expect(history.points).toEqual([
      {
        day: '2026-03-10',
        docs: 2,
        averageScore: (100 + 33) / 2,
        sectionPresentShare: { context: 1, decisions: 0.5, risks: 0.5 },
      },
      {
        day: '2026-03-11',
        docs: 2,
        averageScore: 100,
        sectionPresentShare: { context: 1, decisions: 1, risks: 1 },
      },
    ]);
    const hidden = await store.history(
      {},
      { kind: 'some', entityRefs: ['component:default/gamma'] },
      7,
      nextDay,
    );
    expect(
      hidden.points.map(point => [point.day, point.docs, point.averageScore]),
    ).toEqual([
      ['2026-03-10', 1, 0],
      ['2026-03-11', 1, 0],
    ]);
    expect(
      (await store.history({}, ALL, 1, nextDay)).points.map(point => point.day),
    ).toEqual(['2026-03-11']);

    // Only alpha is still in the catalog; the first day is past the 10 days kept.
    const muchLater = new Date('2026-03-20T12:00:00.000Z');
    await store.writeDoc(
      analysedWrite(
        testEntity('alpha'),
        analysedDoc(['present', 'present', 'present']),
        muchLater,
        'c3',
      ),
    );
    await store.finishCycle({
      cycleId: 'c3',
      finishedAt: muchLater,
      historyDays: 10,
      templateSections: reordered,
    });
    const kept = await store.history({}, ALL, 30, muchLater);
    expect(kept.points.map(point => [point.day, point.docs])).toEqual([
      ['2026-03-11', 1],
      ['2026-03-20', 1],
    ]);
  });

  it('should store and clear the template problem', async () => {
    await store.setTemplateProblem('The template has no sections');
    expect(await store.getStatus()).toEqual({
      indexedAt: null,
      docs: 0,
      templateError: 'The template has no sections',
    });
    await store.setTemplateProblem(undefined);
    expect((await store.getStatus()).templateError).toBeUndefined();
  });

  it("should mark the stored report's links and its broken links, unless its content changed meanwhile", async () => {
    const doc = analysedDoc(['present'], { brokenLinks: null });
    doc.report = analyzeArchitectureDoc(
      '# Doc\n\nSee [A](a.md) and [Gone](gone.md).\n',
    );
    await store.writeDoc(analysedWrite(testEntity('linked'), doc, AT));
    const ref = 'component:default/linked';
    await store.writeLinkResults([
      {
        entityRef: ref,
        contentHash: 'older',
        linkExists: [false, false],
        brokenLinks: 2,
      },
    ]);
    const before = await store.queryRows({ text: 'linked' }, FIRST_PAGE, ALL);
    expect(before.rows[0].brokenLinks).toBeNull();

    await store.writeLinkResults([
      {
        entityRef: ref,
        contentHash: doc.contentHash,
        linkExists: [true, false],
        brokenLinks: 1,
      },
    ]);
    const after = await store.queryRows({ text: 'linked' }, FIRST_PAGE, ALL);
    expect(after.rows[0].brokenLinks).toBe(1);
    const stored = await store.getEntityDoc(ref);
    expect(stored?.report?.links.map(link => link.exists)).toEqual([
      true,
      false,
    ]);
  });

  it('should list the indexed kinds', async () => {
    await seed();
    await store.writeDoc(
      analysedWrite(
        testEntity('api-one', { kind: 'API' }),
        analysedDoc(['present']),
        AT,
      ),
    );
    expect(await store.listKinds()).toEqual(['API', 'Component']);
  });
});

describe('DatabaseDocStore while its database is down', () => {
  it('should fail calls with ServiceUnavailableError saying why, then recover when the database comes back', async () => {
    const client = await databases.init('SQLITE_3');
    // A real PostgreSQL client on a port where no server listens.
    const unreachable = knexFactory({
      client: 'pg',
      connection: { host: '127.0.0.1', port: 1, user: 'postgres' },
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 200,
      log: {
        warn: () => {},
        error: () => {},
        debug: () => {},
        deprecate: () => {},
      },
    });
    let available = false;
    const logger = mockServices.logger.mock();
    const store = DatabaseDocStore.create({
      database: { getClient: async () => (available ? client : unreachable) },
      logger,
      readiness: { waitMs: 1000, initialRetryMs: 20, maxRetryMs: 40 },
    });
    try {
      const failure = await store.getStatus().catch(error => error);
      expect(failure).toBeInstanceOf(ServiceUnavailableError);
      expect(failure.message).toMatch(
        /^The architecture docs database is not available yet: .*ECONNREFUSED 127\.0\.0\.1:1/,
      );
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringMatching(
          /Architecture docs database is not available \(attempt 1\); retrying in .*ECONNREFUSED/,
        ),
      );
      available = true;
      await expect(store.getStatus()).resolves.toEqual({
        indexedAt: null,
        docs: 0,
      });
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringMatching(/available after \d+ attempts/),
      );
    } finally {
      store.close();
      await unreachable.destroy();
    }
  });
});

// Only with a PostgreSQL server (the notice above says when it is skipped).
const describePostgres = ids.includes('POSTGRES_15') ? describe : () => {};

describePostgres(
  'DatabaseDocStore on a PostgreSQL server that starts late',
  () => {
    it('should connect and migrate once the server answers', async () => {
      const real = await databases.init('POSTGRES_15');
      const target = real.client.config.connection as {
        host: string;
        port: number;
        user: string;
        password?: string;
        database: string;
      };
      // A port where nothing listens until the "server" (a proxy to the real
      // one) starts.
      const port = await freePort();
      const late = knexFactory({
        client: 'pg',
        connection: { ...target, port },
        pool: { min: 0, max: 2 },
        acquireConnectionTimeout: 500,
        log: {
          warn: () => {},
          error: () => {},
          debug: () => {},
          deprecate: () => {},
        },
      });
      const logger = mockServices.logger.mock();
      const store = DatabaseDocStore.create({
        database: { getClient: async () => late },
        logger,
        readiness: { waitMs: 5000, initialRetryMs: 50, maxRetryMs: 100 },
      });
      let proxy: Server | undefined;
      try {
        await expect(
          Promise.race([
            store.getStatus(),
            new Promise((_, reject) =>
              setTimeout(() => reject(new Error('waited')), 300),
            ),
          ]),
        ).rejects.toThrow('waited');
        expect(logger.error).toHaveBeenCalledWith(
          expect.stringContaining('ECONNREFUSED'),
        );
        proxy = await startProxy(port, target.host, Number(target.port));
        await expect(store.getStatus()).resolves.toEqual({
          indexedAt: null,
          docs: 0,
        });
        await store.writeDoc(
          analysedWrite(testEntity('late'), analysedDoc(['present']), AT),
        );
        expect(
          (await store.getEntityDoc('component:default/late'))?.status,
        ).toBe('analysed');
      } finally {
        store.close();
        await late.destroy();
        proxy?.close();
      }
    });
  },
);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

async function startProxy(
  port: number,
  host: string,
  targetPort: number,
): Promise<Server> {
  const server = createServer(socket => {
    const upstream = connect(targetPort, host);
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  return server;
}
