import { Readable } from 'node:stream';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { BackendOptions } from '../options';
import type { DocWrite } from '../store/types';
import { MemoryDocIndexStore } from '../testing/indexer-memory-store';
import { DocIndexer } from './DocIndexer';

const DOC = '# A\n\n## Purpose\n\nWhy it exists.\n';

const options: BackendOptions = {
  annotation: 'architecture-docs/ref',
  kinds: ['Component'],
  schedule: { frequency: { minutes: 30 }, timeout: { seconds: 30 } },
  concurrencyPerHost: 2,
  readTimeoutMs: 1000,
  revalidateAfterMs: 0,
  maxDocBytes: 64 * 1024,
  historyDays: 180,
};

function component(
  name: string,
  annotations: Record<string, string> = {
    'architecture-docs/ref': `https://docs.example/${name}.md`,
  },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { owner: 'team-a' },
  };
}

function answer(text: string, etag?: string): UrlReaderServiceReadUrlResponse {
  return {
    buffer: async () => Buffer.from(text),
    stream: () => Readable.from([Buffer.from(text)]),
    etag,
  };
}

/** A URL reader that serves `DOC` for every URL unless `override` answers. */
function reader(
  override?: (
    url: string,
  ) => Promise<UrlReaderServiceReadUrlResponse | undefined>,
): jest.Mocked<UrlReaderService> {
  return {
    readUrl: jest.fn(
      async (url: string) => (await override?.(url)) ?? answer(DOC),
    ),
    readTree: jest.fn(),
    search: jest.fn(),
  };
}

function setup(opts: {
  entities: Entity[];
  urlReader?: UrlReaderService;
  config?: JsonObject;
  store?: MemoryDocIndexStore;
  pageSize?: number;
  catalog?: CatalogService;
  revalidateAfterMs?: number;
  now?: () => number;
}) {
  const catalog =
    opts.catalog ?? catalogServiceMock({ entities: opts.entities });
  const logger = mockServices.logger.mock();
  const store = opts.store ?? new MemoryDocIndexStore();
  const urlReader = opts.urlReader ?? reader();
  const indexer = new DocIndexer({
    store,
    catalog,
    auth: mockServices.auth(),
    urlReader,
    config: mockServices.rootConfig({ data: opts.config ?? {} }),
    logger,
    options: {
      ...options,
      revalidateAfterMs: opts.revalidateAfterMs ?? options.revalidateAfterMs,
    },
    timing: {
      now: opts.now,
      catalogPageSize: opts.pageSize ?? 500,
      catalogRetryDelayMs: 5,
      rateLimitFallbackMs: 200,
    },
  });
  return { catalog, logger, store, urlReader, indexer };
}

/** The in-memory store, failing every call while `down`, as a database that is not up yet. */
class DatabaseDownAtStart extends MemoryDocIndexStore {
  down = true;

  #check() {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  }

  async getDocStates(entityRefs: string[]) {
    this.#check();
    return super.getDocStates(entityRefs);
  }

  async writeDoc(write: DocWrite) {
    this.#check();
    return super.writeDoc(write);
  }

  async finishCycle(cycle: Parameters<MemoryDocIndexStore['finishCycle']>[0]) {
    this.#check();
    return super.finishCycle(cycle);
  }

  async setTemplateProblem(problem: string | undefined) {
    this.#check();
    return super.setTemplateProblem(problem);
  }
}

describe('DocIndexer', () => {
  describe('a catalog that answers 500 for one page', () => {
    const entities = ['a', 'b', 'c', 'd', 'e'].map(name => component(name));

    async function storeWithGoneEntity() {
      const store = new MemoryDocIndexStore();
      await store.writeDoc({
        entity: {
          entityRef: 'component:default/gone',
          kind: 'Component',
          namespace: 'default',
          name: 'gone',
          title: 'gone',
          owner: '',
          system: '',
          lifecycle: '',
        },
        outcome: { kind: 'no-annotation' },
        at: new Date(),
        cycleId: 'earlier',
      });
      return store;
    }

    it('should remove nothing, keep the index time and say why in the log', async () => {
      const store = await storeWithGoneEntity();
      const { catalog, logger, indexer } = setup({
        entities,
        store,
        pageSize: 2,
      });
      const query = catalog.queryEntities.bind(catalog);
      jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation(async (request, o) => {
          if (request && 'cursor' in request) {
            throw new Error('Request failed with 500 Internal Server Error');
          }
          return query(request, o);
        });

      const summary = await indexer.runCycle();

      expect(summary).toMatchObject({
        complete: false,
        removed: 0,
        entities: 2,
      });
      expect(store.docs.has('component:default/gone')).toBe(true);
      expect(store.finishedCycles).toEqual([]);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(
          'the catalog listing failed, so no entity is removed and the index time stays as it was. Catalog page 2 could not be read after 3 attempts (Error: Request failed with 500 Internal Server Error)',
        ),
      );
    });

    it('should ask for the page again and finish when it answers', async () => {
      const store = await storeWithGoneEntity();
      const { catalog, indexer } = setup({ entities, store, pageSize: 2 });
      const query = catalog.queryEntities.bind(catalog);
      let failures = 0;
      jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation(async (request, o) => {
          if (request && 'cursor' in request && failures === 0) {
            failures += 1;
            throw new Error('500 Internal Server Error');
          }
          return query(request, o);
        });

      const summary = await indexer.runCycle();

      expect(summary).toMatchObject({
        complete: true,
        removed: 1,
        entities: 5,
      });
      expect(store.docs.has('component:default/gone')).toBe(false);
    });

    it('should ask for the next catalog page while the docs of the current one are still being read', async () => {
      // More entities per page than docs in flight: the page's last docs
      // wait for the first ones, and the next page is asked for meanwhile.
      const many = Array.from({ length: 80 }, (_, i) => component(`c${i}`));
      const events: string[] = [];
      let release!: () => void;
      const released = new Promise<void>(resolve => {
        release = resolve;
      });
      const { catalog, indexer } = setup({
        entities: many,
        pageSize: 40,
        urlReader: reader(async () => {
          // Without the next page's request the reads end after a while.
          await Promise.race([
            released,
            new Promise(resolve => setTimeout(resolve, 500)),
          ]);
          events.push('read');
          return undefined;
        }),
      });
      const query = catalog.queryEntities.bind(catalog);
      let queries = 0;
      jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation(async (...args) => {
          queries += 1;
          events.push(`page ${queries}`);
          if (queries === 2) release();
          return query(...args);
        });
      const summary = await indexer.runCycle();
      expect(summary).toMatchObject({
        complete: true,
        entities: 80,
        analysed: 80,
      });
      expect(events.indexOf('page 2')).toBeLessThan(events.indexOf('read'));
    });

    it('should ask with its own service credentials, for the indexed kinds and fields only', async () => {
      const { catalog, indexer } = setup({ entities, pageSize: 2 });
      const spy = jest.spyOn(catalog, 'queryEntities');
      await indexer.runCycle();
      expect(spy).toHaveBeenNthCalledWith(
        1,
        {
          filter: { kind: ['Component'] },
          limit: 2,
          fields: expect.arrayContaining([
            'metadata.annotations',
            'spec.owner',
          ]),
        },
        {
          credentials: expect.objectContaining({
            principal: expect.anything(),
          }),
        },
      );
      expect(spy).toHaveBeenNthCalledWith(
        2,
        expect.objectContaining({ cursor: expect.any(String), limit: 2 }),
        expect.anything(),
      );
    });
  });

  describe('the cycle deadline', () => {
    it('should start no doc after the deadline and then not finish the cycle', async () => {
      let offset = 0;
      const catalog = catalogServiceMock({
        entities: [component('a'), component('b')],
      });
      const query = catalog.queryEntities.bind(catalog);
      jest
        .spyOn(catalog, 'queryEntities')
        .mockImplementation(async (request, o) => {
          // Time passes the 30 s timeout while the second page is listed.
          if (request && 'cursor' in request) offset = 60_000;
          return query(request, o);
        });
      const store = new MemoryDocIndexStore();
      const logger = mockServices.logger.mock();
      const indexer = new DocIndexer({
        store,
        catalog,
        auth: mockServices.auth(),
        urlReader: reader(),
        config: mockServices.rootConfig(),
        logger,
        options,
        timing: { now: () => Date.now() + offset, catalogPageSize: 1 },
      });

      const summary = await indexer.runCycle();

      expect(summary).toMatchObject({ complete: false, entities: 1 });
      expect(store.docs.has('component:default/b')).toBe(false);
      expect(store.finishedCycles).toEqual([]);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('ran out of time after 1 entities'),
      );
    });
  });

  describe('the template', () => {
    it('should report a malformed template URL, use the built-in template and still index', async () => {
      const { store, indexer } = setup({
        entities: [component('a')],
        config: { architectureDocs: { templateUrl: 'not a url' } },
      });
      const summary = await indexer.runCycle();
      expect(store.templateProblem).toBe(
        'architectureDocs.templateUrl is not an http(s) URL (it must start with https:// or http://); the built-in template is used instead.',
      );
      expect(summary).toMatchObject({ complete: true, analysed: 1 });
      expect(store.finishedCycles[0].templateSections[0]).toEqual({
        id: 'purpose',
        title: 'Purpose',
      });
    });

    it('should report a template without sections, use the built-in template and still index', async () => {
      const urlReader = reader(async url =>
        url.endsWith('/template.md')
          ? answer('No headings here.\n')
          : undefined,
      );
      const { store, indexer } = setup({
        entities: [component('a')],
        urlReader,
        config: {
          architectureDocs: { templateUrl: 'https://docs.example/template.md' },
        },
      });
      const summary = await indexer.runCycle();
      expect(store.templateProblem).toContain('has no section headings');
      expect(summary).toMatchObject({ complete: true, analysed: 1 });
    });

    it('should analyse every doc again when the template changed', async () => {
      const store = new MemoryDocIndexStore();
      const first = setup({ entities: [component('a')], store });
      await first.indexer.runCycle();
      const second = setup({
        entities: [component('a')],
        store,
        config: { architectureDocs: { sections: [{ title: 'Purpose' }] } },
      });
      // A new process with another template: the stored report is not trusted.
      await expect(second.indexer.runCycle()).resolves.toMatchObject({
        analysed: 1,
        unchanged: 0,
      });
      expect(second.urlReader.readUrl).toHaveBeenCalledWith(
        'https://docs.example/a.md',
        expect.objectContaining({ etag: undefined }),
      );
    });
  });

  describe('rate limits', () => {
    it('should pause the host after a 429 and read the doc again instead of failing it', async () => {
      const calls: Array<{ url: string; at: number }> = [];
      let limited = false;
      const urlReader = reader(async url => {
        calls.push({ url, at: Date.now() });
        if (url.endsWith('/a.md') && !limited) {
          limited = true;
          throw new Error(`could not read ${url}, 429 Too Many Requests`);
        }
        return undefined;
      });
      const { store, indexer } = setup({
        entities: [component('a'), component('b'), component('c')],
        urlReader,
      });
      const summary = await indexer.runCycle();
      expect(summary).toMatchObject({ analysed: 3, failed: {} });
      expect(store.docs.get('component:default/a')?.report).toBeDefined();
      const first = calls[0].at;
      const retried = calls.filter(c => c.url.endsWith('/a.md'));
      expect(retried).toHaveLength(2);
      expect(retried[1].at - first).toBeGreaterThanOrEqual(190);
    });

    it('should wait as long as Retry-After says when the error exposes it', async () => {
      const times: number[] = [];
      const urlReader = reader(async () => {
        times.push(Date.now());
        if (times.length === 1) {
          throw Object.assign(new Error('429'), {
            response: {
              status: 429,
              headers: new Headers({ 'Retry-After': '1' }),
            },
          });
        }
        return undefined;
      });
      const { indexer } = setup({ entities: [component('a')], urlReader });
      await expect(indexer.runCycle()).resolves.toMatchObject({ analysed: 1 });
      expect(times[1] - times[0]).toBeGreaterThanOrEqual(990);
    });
  });

  describe('locations and failures', () => {
    it('should resolve a relative ref against the entity location through the integrations', async () => {
      const { urlReader, indexer, store } = setup({
        entities: [
          component('rel', {
            'architecture-docs/ref': './docs/architecture/rel.md',
            'backstage.io/managed-by-location':
              'url:https://github.com/acme/rel/blob/main/catalog-info.yaml',
          }),
          component('nowhere', { 'architecture-docs/ref': './A.md' }),
        ],
      });
      await indexer.runCycle();
      expect(urlReader.readUrl).toHaveBeenCalledWith(
        // GitHub's resolver gives the path's tree URL, which its reader reads as the file.
        'https://github.com/acme/rel/tree/main/docs/architecture/rel.md',
        expect.anything(),
      );
      expect(store.docs.get('component:default/nowhere')?.error).toMatchObject({
        kind: 'invalid-location',
        message: expect.stringContaining('"./A.md" is relative'),
      });
    });

    it('should go on when one outcome cannot be stored', async () => {
      const store = new MemoryDocIndexStore();
      store.failWritesFor = 'component:default/b';
      const { indexer, logger } = setup({
        entities: [component('a'), component('b'), component('c')],
        store,
      });
      const summary = await indexer.runCycle();
      expect(summary).toMatchObject({ analysed: 3, writeFailures: 1 });
      expect(store.docs.has('component:default/c')).toBe(true);
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('component:default/b could not be stored'),
      );
    });

    it('should refuse a doc past the analysis bound as too large, keeping no partial report', async () => {
      const urlReader = reader(async () => answer('# h\n'.repeat(6000)));
      const { store, indexer } = setup({
        entities: [component('a')],
        urlReader,
      });
      await indexer.runCycle();
      const doc = store.docs.get('component:default/a');
      expect(doc?.report).toBeUndefined();
      expect(doc?.error).toMatchObject({
        kind: 'too-large',
        message: expect.stringMatching(/^Too complex to analyse/),
      });
    });
  });

  describe('a database that is down at start', () => {
    it('should end the first cycle without finishing it and index fully once the database is back', async () => {
      const store = new DatabaseDownAtStart();
      const { indexer, logger } = setup({
        entities: [component('a'), component('b')],
        store,
      });

      await expect(indexer.runCycle()).resolves.toMatchObject({
        complete: false,
        writeFailures: 2,
      });
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining('could not be finished'),
      );

      store.down = false;
      await expect(indexer.runCycle()).resolves.toMatchObject({
        complete: true,
        analysed: 2,
        writeFailures: 0,
      });
      expect(store.docs.size).toBe(2);
    });
  });

  describe('a catalog that lists an entity twice', () => {
    it('should index it once per cycle', async () => {
      const catalog = catalogServiceMock({ entities: [component('a')] });
      const queryEntities = catalog.queryEntities.bind(catalog);
      // The entity comes twice, as a listing that overlaps while the
      // catalog processes entities can give it.
      catalog.queryEntities = async (request, requestOptions) => {
        const response = await queryEntities(request, requestOptions);
        return { ...response, items: [...response.items, ...response.items] };
      };
      const { indexer, urlReader } = setup({ entities: [], catalog });
      const summary = await indexer.runCycle();
      expect(urlReader.readUrl).toHaveBeenCalledTimes(1);
      expect(summary.entities).toBe(1);
    });
  });

  describe("a doc that is another doc's link target", () => {
    it.each([
      ['linking doc first', ['a', 'b']],
      ['linked doc first', ['b', 'a']],
    ])('should be read once per cycle (%s)', async (_, names) => {
      const urlReader = reader(async url =>
        url.endsWith('/a.md')
          ? answer('# A\n\n## Purpose\n\nSee [B](b.md) and [C](c.md).\n')
          : undefined,
      );
      const { indexer } = setup({
        entities: names.map(name => component(name)),
        urlReader,
      });
      const summary = await indexer.runCycle();
      const urls = urlReader.readUrl.mock.calls.map(call => call[0]).sort();
      expect(urls).toEqual([
        'https://docs.example/a.md',
        'https://docs.example/b.md',
        'https://docs.example/c.md',
      ]);
      expect(summary.analysed).toBe(2);
    });
  });

  describe('the link targets no doc read answered', () => {
    const linking =
      '# A\n\n## Purpose\n\nSee [C](c.md), [Gone](gone.md) and [B](b.md).\n';

    function linkingReader() {
      return reader(async url => {
        if (url.endsWith('/a.md')) return answer(linking);
        if (url.endsWith('/gone.md')) throw new NotFoundError('no such file');
        return undefined;
      });
    }

    it('should be read after every doc, and the stored report then marks each link', async () => {
      const urlReader = linkingReader();
      const { indexer, store } = setup({
        entities: [component('a'), component('b')],
        urlReader,
      });
      const summary = await indexer.runCycle();
      const urls = urlReader.readUrl.mock.calls.map(call => call[0]);
      // Both docs first, then the two targets no doc read answered.
      expect(urls.slice(0, 2).sort()).toEqual([
        'https://docs.example/a.md',
        'https://docs.example/b.md',
      ]);
      expect(urls.slice(2).sort()).toEqual([
        'https://docs.example/c.md',
        'https://docs.example/gone.md',
      ]);
      expect(summary.linksChecked).toBe(2);
      expect(summary.linksSettledLater).toBe(1);
      expect(summary.docsDurationMs).toBeLessThanOrEqual(summary.durationMs);

      // Stored first with those two unknown, then marked.
      const written = store.writes.find(
        w => w.entity.entityRef === 'component:default/a',
      );
      expect(
        written?.outcome.kind === 'analysed' && written.outcome.doc.brokenLinks,
      ).toBeNull();
      const stored = store.docs.get('component:default/a');
      expect(stored?.analysed?.brokenLinks).toBe(1);
      expect(
        stored?.report?.links.map(link => [link.target, link.exists]),
      ).toEqual([
        ['c.md', true],
        ['gone.md', false],
        ['b.md', true],
      ]);
    });

    it("should check a refreshed doc's links at once", async () => {
      const urlReader = linkingReader();
      const { indexer, store } = setup({
        entities: [component('a')],
        urlReader,
      });
      await indexer.refreshEntity('component:default/a');
      const write = store.writes[0];
      expect(
        write.outcome.kind === 'analysed' && write.outcome.doc.brokenLinks,
      ).toBe(1);
      expect(store.linkResults).toEqual([]);
    });

    it('should leave the links unchecked and say so when their answers cannot be stored', async () => {
      const store = new MemoryDocIndexStore();
      store.writeLinkResults = async () => {
        throw new Error('the database is down');
      };
      const { indexer, logger } = setup({
        entities: [component('a')],
        urlReader: linkingReader(),
        store,
      });
      const summary = await indexer.runCycle();
      expect(summary.complete).toBe(true);
      expect(summary.writeFailures).toBe(1);
      expect(
        store.docs.get('component:default/a')?.analysed?.brokenLinks,
      ).toBeNull();
      expect(logger.error).toHaveBeenCalledWith(
        expect.stringContaining(
          'The link checks of 1 docs could not be stored',
        ),
      );
    });
  });

  describe('another process on the same store', () => {
    it('should reuse the reports a finished cycle stored for the same template, and not for another', async () => {
      const store = new MemoryDocIndexStore();
      const first = setup({ entities: [component('a')], store });
      await first.indexer.runCycle();

      const urlReader = reader();
      urlReader.readUrl.mockRejectedValue(new NotModifiedError());
      const replica = setup({ entities: [component('a')], store, urlReader });
      const summary = await replica.indexer.runCycle();
      expect(summary).toMatchObject({ unchanged: 1, analysed: 0, read: 0 });

      const freshReader = reader();
      const otherTemplate = setup({
        entities: [component('a')],
        store,
        urlReader: freshReader,
        config: {
          architectureDocs: {
            sections: [{ title: 'Purpose' }, { title: 'Context' }],
          },
        },
      });
      const reread = await otherTemplate.indexer.runCycle();
      expect(reread).toMatchObject({ analysed: 1 });
      expect(freshReader.readUrl.mock.calls[0][1]?.etag).toBeUndefined();
    });
  });

  describe('revalidateAfter', () => {
    const WINDOW_MS = 60_000;

    /** A catalog whose entities a test can replace between cycles. */
    function changingCatalog(entities: Entity[]) {
      let current = catalogServiceMock({ entities });
      const catalog = new Proxy({} as CatalogService, {
        get:
          (_, key: keyof CatalogService) =>
          (...args: unknown[]) =>
            (current[key] as (...a: unknown[]) => unknown)(...args),
      });
      return {
        catalog,
        replace(next: Entity[]) {
          current = catalogServiceMock({ entities: next });
        },
      };
    }

    function clock() {
      let time = Date.parse('2026-06-01T10:00:00Z');
      return {
        now: () => time,
        advance(ms: number) {
          time += ms;
        },
      };
    }

    it('should not ask the host again about a doc read within the window, and still see its entity', async () => {
      const time = clock();
      const { catalog, replace } = changingCatalog([
        component('a'),
        component('b'),
      ]);
      const { indexer, urlReader, store } = setup({
        entities: [],
        catalog,
        revalidateAfterMs: WINDOW_MS,
        now: time.now,
      });
      await indexer.runCycle();
      expect(urlReader.readUrl).toHaveBeenCalledTimes(2);

      time.advance(WINDOW_MS - 1000);
      const moved = {
        ...component('b'),
        spec: { owner: 'team-b' },
      };
      replace([component('a'), moved]);
      const second = await indexer.runCycle();
      expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
      expect(second).toMatchObject({ current: 2, read: 0, removed: 0 });
      expect(store.docs.get('component:default/b')?.entity.owner).toBe(
        'team-b',
      );
      expect(store.docs.get('component:default/a')?.report).toBeDefined();
    });

    it('should ask the host again, with the stored ETag, once the window has passed', async () => {
      const time = clock();
      const urlReader = reader(async () => answer(DOC, '"v1"'));
      const { indexer } = setup({
        entities: [component('a')],
        urlReader,
        revalidateAfterMs: WINDOW_MS,
        now: time.now,
      });
      await indexer.runCycle();
      time.advance(WINDOW_MS);
      urlReader.readUrl.mockRejectedValueOnce(new NotModifiedError());
      const later = await indexer.runCycle();
      expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
      expect(urlReader.readUrl.mock.calls[1][1]).toMatchObject({
        etag: '"v1"',
      });
      expect(later).toMatchObject({ current: 0, unchanged: 1 });
    });

    it('should read new entities, moved docs and passing failures within the window, but not ask again about a missing doc', async () => {
      const time = clock();
      const { catalog, replace } = changingCatalog([
        component('a'),
        component('flaky'),
        component('missing'),
      ]);
      const urlReader = reader(async url => {
        if (url.includes('flaky')) throw new Error('Request failed with 502');
        if (url.includes('missing')) throw new NotFoundError('gone');
        return undefined;
      });
      const { indexer } = setup({
        entities: [],
        catalog,
        urlReader,
        revalidateAfterMs: WINDOW_MS,
        now: time.now,
      });
      await indexer.runCycle();
      expect(urlReader.readUrl).toHaveBeenCalledTimes(3);

      time.advance(1000);
      replace([
        component('a', {
          'architecture-docs/ref': 'https://docs.example/a-moved.md',
        }),
        component('flaky'),
        component('missing'),
        component('new'),
      ]);
      const second = await indexer.runCycle();
      const urls = urlReader.readUrl.mock.calls.slice(3).map(call => call[0]);
      expect(urls.sort()).toEqual([
        'https://docs.example/a-moved.md',
        'https://docs.example/flaky.md',
        'https://docs.example/new.md',
      ]);
      expect(second.current).toBe(1);

      time.advance(WINDOW_MS);
      await indexer.runCycle();
      expect(
        urlReader.readUrl.mock.calls.slice(6).map(call => call[0]),
      ).toContain('https://docs.example/missing.md');
    });

    it('should read a doc on refresh even within the window', async () => {
      const time = clock();
      const { indexer, urlReader } = setup({
        entities: [component('a')],
        revalidateAfterMs: WINDOW_MS,
        now: time.now,
      });
      await indexer.runCycle();
      time.advance(1000);
      await indexer.refreshEntity('component:default/a');
      expect(urlReader.readUrl).toHaveBeenCalledTimes(2);
    });
  });

  describe('refreshEntity', () => {
    it('should read, analyse and store one entity without a cycle mark', async () => {
      const { store, indexer } = setup({ entities: [component('a')] });
      await indexer.refreshEntity('component:default/a');
      expect(store.writes).toHaveLength(1);
      expect(store.writes[0].outcome.kind).toBe('analysed');
      expect(store.writes[0].cycleId).toBeUndefined();
    });

    it('should reject an entity the catalog does not have', async () => {
      const { indexer } = setup({ entities: [] });
      await expect(
        indexer.refreshEntity('component:default/x'),
      ).rejects.toThrow(NotFoundError);
    });
  });
});
