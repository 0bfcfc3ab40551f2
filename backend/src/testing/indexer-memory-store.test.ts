import type { AnalysedDoc } from '../store/types';
import { MemoryDocIndexStore } from './indexer-memory-store';

const entity = {
  entityRef: 'component:default/a',
  kind: 'Component',
  namespace: 'default',
  name: 'a',
  title: 'a',
  owner: '',
  system: '',
  lifecycle: '',
};

const analysed = {
  docUrl: 'https://docs.example/a.md',
  etag: '"e1"',
  contentHash: 'h1',
  source: '# A\n',
  report: { score: 50 },
  score: 50,
  sectionStatus: {},
  missing: [],
  placeholder: [],
  isArchitectureDoc: true,
  brokenLinks: 0,
} as unknown as AnalysedDoc;

const error = { kind: 'timeout' as const, message: 'slow', at: 'then' };

describe('MemoryDocIndexStore', () => {
  it('should keep the report of a doc whose later read failed, marked stale', async () => {
    const store = new MemoryDocIndexStore();
    const readAt = new Date('2026-03-10T12:00:00.000Z');
    await store.writeDoc({
      entity,
      outcome: { kind: 'analysed', doc: analysed },
      at: readAt,
    });
    await store.writeDoc({
      entity,
      outcome: { kind: 'failed', error },
      at: new Date(),
    });
    const doc = store.docs.get(entity.entityRef);
    expect(doc?.report).toBe(analysed.report);
    expect(doc?.stale).toBe(error);
    expect(doc?.error).toBeUndefined();
    await expect(store.getDocStates([entity.entityRef, 'x'])).resolves.toEqual(
      new Map([
        [
          entity.entityRef,
          {
            entityRef: entity.entityRef,
            docUrl: analysed.docUrl,
            etag: '"e1"',
            contentHash: 'h1',
            hasReport: true,
            fetchedAt: readAt.toISOString(),
            failure: { kind: 'timeout', at: 'then' },
          },
        ],
      ]),
    );
  });

  it('should store the error of a failed first read', async () => {
    const store = new MemoryDocIndexStore();
    await store.writeDoc({
      entity,
      outcome: { kind: 'failed', error },
      at: new Date(),
    });
    const doc = store.docs.get(entity.entityRef);
    expect(doc?.error).toBe(error);
    expect(doc?.report).toBeUndefined();
  });

  it('should clear the stale mark on an unchanged read', async () => {
    const store = new MemoryDocIndexStore();
    await store.writeDoc({
      entity,
      outcome: { kind: 'analysed', doc: analysed },
      at: new Date(),
    });
    await store.writeDoc({
      entity,
      outcome: { kind: 'failed', error },
      at: new Date(),
    });
    await store.writeDoc({
      entity,
      outcome: { kind: 'unchanged', docUrl: analysed.docUrl },
      at: new Date(),
    });
    expect(store.docs.get(entity.entityRef)?.stale).toBeUndefined();
  });

  it('should remove only the entities the finished cycle did not see', async () => {
    const store = new MemoryDocIndexStore();
    const other = { ...entity, entityRef: 'component:default/b', name: 'b' };
    await store.writeDoc({
      entity,
      outcome: { kind: 'no-annotation' },
      at: new Date(),
      cycleId: 'c1',
    });
    await store.writeDoc({
      entity: other,
      outcome: { kind: 'no-annotation' },
      at: new Date(),
      cycleId: 'c0',
    });
    await expect(
      store.finishCycle({
        cycleId: 'c1',
        finishedAt: new Date(),
        historyDays: 1,
        templateSections: [],
      }),
    ).resolves.toEqual({ removed: 1 });
    expect([...store.docs.keys()]).toEqual([entity.entityRef]);
  });
});
