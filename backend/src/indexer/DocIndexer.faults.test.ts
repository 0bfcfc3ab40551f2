import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
// The fault server is the repository's end-to-end fixture, not a package;
// the indexer is tested against the same faults as the browser.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { startFaultServer } from '../../../e2e/hostile/fault-server.mjs';
import type { BackendOptions } from '../options';
import { MemoryDocIndexStore } from '../testing/indexer-memory-store';
import { DocIndexer } from './DocIndexer';

// The indexer against the misbehaving doc server, through Backstage's own
// URL reader: every fault ends in its stored state and the cycle goes on.
const PORT = 7120;
const OTHER_PORT = 7121;
const PLAIN = `http://127.0.0.1:${PORT}`;
// The same server under another host name: its pause after a rate-limit
// answer does not hold up the other faults.
const RATE_LIMITED_HOST = `http://localhost:${PORT}`;

const GOOD_DOC = `# Engine architecture

## Purpose

Plays out the schedule. See [the contract](./exists.md) and [the old one](./missing.md).

## Context

Runs beside the scheduler.
`;

function component(name: string, ref: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'architecture-docs/ref': ref },
    },
    spec: { owner: 'team-a', lifecycle: 'production', type: 'service' },
  };
}

/** Fault name → the error kind the index stores for it. */
const FAULT_KINDS: Record<string, string> = {
  'not-found': 'not-found',
  unauthorized: 'access-denied',
  forbidden: 'access-denied',
  'server-error': 'failed',
  hang: 'timeout',
  trickle: 'timeout',
  oversized: 'too-large',
  'oversized-no-length': 'too-large',
  'html-content': 'unexpected-content',
  'reset-connection': 'failed',
  // A redirect to a host outside backend.reading.allow is not followed.
  'redirect-other-host': 'access-denied',
};

const options: BackendOptions = {
  annotation: 'architecture-docs/ref',
  kinds: ['Component'],
  schedule: { frequency: { minutes: 30 }, timeout: { seconds: 30 } },
  concurrencyPerHost: 4,
  readTimeoutMs: 1500,
  revalidateAfterMs: 0,
  maxDocBytes: 64 * 1024,
  historyDays: 180,
};

// Each test runs whole cycles with 1.5 s read timeouts, on a shared machine.
jest.setTimeout(30_000);

describe('DocIndexer against the fault server', () => {
  let server: Awaited<ReturnType<typeof startFaultServer>>;
  let docsDir: string;

  beforeAll(async () => {
    docsDir = await mkdtemp(path.join(os.tmpdir(), 'indexer-docs-'));
    await writeFile(path.join(docsDir, 'good.md'), GOOD_DOC);
    await writeFile(
      path.join(docsDir, 'good2.md'),
      GOOD_DOC.replace('Engine', 'Scheduler'),
    );
    await writeFile(path.join(docsDir, 'exists.md'), '# Contract\n');
    await writeFile(path.join(docsDir, 'flip.md'), GOOD_DOC);
    server = await startFaultServer({
      port: PORT,
      otherPort: OTHER_PORT,
      docsDir,
    });
  });

  afterAll(async () => {
    await server?.close();
    await rm(docsDir, { recursive: true, force: true });
  });

  function setup() {
    const entities = [
      component('good', `${PLAIN}/docs/good.md`),
      component('good2', `${PLAIN}/docs/good2.md`),
      component('flip', `${PLAIN}/docs/flip.md`),
      component('stable-etag', `${PLAIN}/fault/stable-etag.md`),
      component('changing-etag', `${PLAIN}/fault/changing-etag.md`),
      component('rate-limited', `${RATE_LIMITED_HOST}/fault/rate-limited.md`),
      ...Object.keys(FAULT_KINDS).map(fault =>
        component(fault, `${PLAIN}/fault/${fault}.md`),
      ),
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'undocumented' },
        spec: { owner: 'team-b' },
      },
    ];
    const config = mockServices.rootConfig({
      data: {
        backend: {
          reading: {
            allow: [
              { host: `127.0.0.1:${PORT}` },
              { host: `localhost:${PORT}` },
            ],
          },
        },
      },
    });
    const logger = mockServices.logger.mock();
    const store = new MemoryDocIndexStore();
    const indexer = new DocIndexer({
      store,
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      urlReader: UrlReaders.default({ config, logger }),
      config,
      logger,
      options,
      // The fault's Retry-After does not reach the indexer (see readErrors.ts);
      // the fallback wait outlasts the cycle, so the doc ends rate-limited.
      timing: { rateLimitFallbackMs: 60_000 },
    });
    return { store, indexer, logger };
  }

  const requestsTo = (pathname: string) =>
    server.requests.filter(r => r.url === pathname).length;

  it('should store each fault in its error state and go on past all of them', async () => {
    const { store, indexer } = setup();
    const summary = await indexer.runCycle();

    expect(summary).toMatchObject({
      complete: true,
      entities: 18,
      analysed: 5,
      noAnnotation: 1,
      failed: {
        'not-found': 1,
        'access-denied': 3,
        failed: 2,
        timeout: 2,
        'too-large': 2,
        'unexpected-content': 1,
        'rate-limited': 1,
      },
      removed: 0,
    });
    for (const [fault, kind] of Object.entries(FAULT_KINDS)) {
      const doc = store.docs.get(`component:default/${fault}`);
      expect({ fault, kind: doc?.error?.kind }).toEqual({ fault, kind });
      expect(doc?.report).toBeUndefined();
    }
    expect(store.docs.get('component:default/rate-limited')?.error).toEqual(
      expect.objectContaining({ kind: 'rate-limited' }),
    );
    // Nothing reached the host a redirect pointed at.
    expect(server.otherRequests).toEqual([]);
    // The host that asked to wait was asked once, not once per retry.
    expect(requestsTo('/fault/rate-limited.md')).toBe(1);
    expect(store.docs.get('component:default/undocumented')?.noAnnotation).toBe(
      true,
    );
  });

  it('should check each distinct link target once per cycle and count the broken ones', async () => {
    const { store, indexer } = setup();
    const before = {
      exists: requestsTo('/docs/exists.md'),
      missing: requestsTo('/docs/missing.md'),
    };
    await indexer.runCycle();

    expect(requestsTo('/docs/exists.md') - before.exists).toBe(1);
    expect(requestsTo('/docs/missing.md') - before.missing).toBe(1);
    const good = store.docs.get('component:default/good')?.analysed;
    expect(good).toMatchObject({
      docUrl: `${PLAIN}/docs/good.md`,
      brokenLinks: 1,
      isArchitectureDoc: true,
    });
    expect(
      good?.report.links
        .filter(link => link.kind === 'doc')
        .map(link => [link.target, link.exists]),
    ).toEqual([
      ['./exists.md', true],
      ['./missing.md', false],
    ]);
    expect(
      store.docs.get('component:default/good2')?.analysed?.brokenLinks,
    ).toBe(1);
  });

  it('should read an unchanged doc without a body or analysis, and analyse a changed one, on the next cycle', async () => {
    const { store, indexer } = setup();
    await indexer.runCycle();
    const writesBefore = store.writes.length;
    const second = await indexer.runCycle();

    const outcomeOf = (name: string) =>
      store.writes
        .slice(writesBefore)
        .find(w => w.entity.entityRef === `component:default/${name}`)?.outcome
        .kind;
    // 304 to the stored ETag: no body.
    expect(outcomeOf('stable-etag')).toBe('unchanged');
    // A new ETag and content: analysed again.
    expect(outcomeOf('changing-etag')).toBe('analysed');
    // No ETag, same content: read, but not analysed again.
    expect(outcomeOf('good')).toBe('unchanged');
    expect(second).toMatchObject({
      complete: true,
      analysed: 1,
      unchanged: 4,
      // good, good2, flip and changing-etag sent bodies; stable-etag did not.
      read: 4,
    });
  });

  it('should keep the previous report when a later read fails, and mark it stale', async () => {
    const { store, indexer } = setup();
    await indexer.runCycle();
    const report = store.docs.get('component:default/flip')?.report;
    expect(report).toBeDefined();

    await unlink(path.join(docsDir, 'flip.md'));
    try {
      await indexer.runCycle();
    } finally {
      await writeFile(path.join(docsDir, 'flip.md'), GOOD_DOC);
    }
    const flip = store.docs.get('component:default/flip');
    expect(flip?.report).toBe(report);
    expect(flip?.stale).toEqual(expect.objectContaining({ kind: 'not-found' }));
    expect(flip?.error).toBeUndefined();
  });
});
