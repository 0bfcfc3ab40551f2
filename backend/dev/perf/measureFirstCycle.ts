/*
 * Measures a first full indexing cycle against the sample doc server's
 * generated catalog: the cycle's time, and the time until every doc was
 * stored, against the floor (docs × latency ÷ reads per host), the reads in flight at the host, the event loop's delay
 * and the peak RSS.
 *
 * Run from the repository root:
 *   node -r sucrase/register backend/dev/perf/measureFirstCycle.ts [entities] [port]
 * Defaults: 2,000 entities, port 7130. Uses SQLite in a temporary file.
 * ANALYZE_IN_THREAD=1 analyses on the main thread instead of workers.
 * With node's --expose-gc, the memory the cycle left reachable is printed too.
 * PROFILE_PROMOTED=<file> writes a heap profile of what the cycle allocated
 * that lived long enough to be promoted (see startPromotedProfile).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
// The sample catalog and doc server are the repository's dev fixtures.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { generatedComponent } from '../../../dev/generated-catalog';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { DOC_SERVER_BASE_URL } from '../../../dev/sample-catalog';
import { AnalysisPool } from '../../src/indexer/analysisPool';
import { DocIndexer } from '../../src/indexer/DocIndexer';
import { DatabaseDocStore } from '../../src/store/DatabaseDocStore';
import { importModule, quietLogger } from './perfSupport';

const LATENCY_MS = 100;
const PER_HOST = 6;

function megabytes(memory: NodeJS.MemoryUsage): Record<string, number> {
  return Object.fromEntries(
    Object.entries(memory).map(([key, bytes]) => [
      key,
      Math.round(bytes / 1024 / 1024),
    ]),
  );
}

/**
 * With PROFILE_PROMOTED=<file>: a sampling heap profile of the cycle that
 * keeps the objects a young-generation collection did not free (those that
 * lived long enough to be promoted, whether or not a full collection freed
 * them later), written to the file (open it in Chrome's DevTools).
 */
async function startPromotedProfile() {
  const file = process.env.PROFILE_PROMOTED;
  if (!file) return undefined;
  const { Session } = await import('node:inspector');
  const { writeFile } = await import('node:fs/promises');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', {
    samplingInterval: 16384,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: false,
  });
  return {
    async stop() {
      const { profile } = await post('HeapProfiler.stopSampling');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

async function main() {
  const count = Number(process.argv[2] ?? 2000);
  const port = Number(process.argv[3] ?? 7130);
  const { startDocServer } = await importModule(
    require.resolve('../../../dev/doc-server.mjs'),
  );
  const server = await startDocServer({ port, generatedLatencyMs: LATENCY_MS });
  const base = `http://localhost:${port}`;

  // Reads in flight at the host, integrated over time.
  let inFlight = 0;
  let peakInFlight = 0;
  let requests = 0;
  let generatedRequests = 0;
  let area = 0;
  let last = performance.now();
  const mark = (delta: number) => {
    const t = performance.now();
    area += inFlight * (t - last);
    last = t;
    inFlight += delta;
    peakInFlight = Math.max(peakInFlight, inFlight);
  };
  let firstRequestAt: number | undefined;
  let lastAnswerAt = 0;
  // Paths the host answered more than once in the cycle.
  const readsPerPath = new Map<string, number>();
  server.server.on('request', (req: any, res: any) => {
    requests += 1;
    const requestPath = String(req.url).split(/[?#]/)[0];
    readsPerPath.set(requestPath, (readsPerPath.get(requestPath) ?? 0) + 1);
    firstRequestAt ??= performance.now();
    if (String(req.url).startsWith('/generated/')) generatedRequests += 1;
    mark(1);
    let done = false;
    const end = () => {
      if (!done) {
        done = true;
        lastAnswerAt = performance.now();
        mark(-1);
      }
    };
    res.on('finish', end);
    res.on('close', end);
  });

  const entities: Entity[] = Array.from({ length: count }, (_, i) => {
    const entity = generatedComponent(i);
    const annotations = entity.metadata.annotations!;
    for (const key of Object.keys(annotations)) {
      annotations[key] = annotations[key].replace(DOC_SERVER_BASE_URL, base);
    }
    return entity;
  });
  const docs = entities.filter(
    e => e.metadata.annotations?.['architecture-docs/ref'] !== undefined,
  ).length;

  const config = mockServices.rootConfig({
    data: { backend: { reading: { allow: [{ host: `localhost:${port}` }] } } },
  });
  const dbDir = await mkdtemp(path.join(tmpdir(), 'measure-first-cycle-'));
  const client = knexFactory({
    client: 'better-sqlite3',
    // A file, as a backend keeps it: an in-memory database would count
    // every stored doc in the process's memory.
    connection: { filename: path.join(dbDir, 'architecture-docs.sqlite') },
    useNullAsDefault: true,
  });
  const store = DatabaseDocStore.create({
    database: { getClient: async () => client },
    logger: quietLogger,
  });
  await store.getDocStates([]);

  // Docs waiting for analysis and writes waiting for the store, sampled.
  // ANALYZE_IN_THREAD=1 analyses on the main thread, for comparison.
  const pool =
    process.env.ANALYZE_IN_THREAD === '1'
      ? new AnalysisPool({ workerSource: 'throw new Error("in thread")' })
      : new AnalysisPool();
  let analyzing = 0;
  let writing = 0;
  const analyze = pool.analyze.bind(pool);
  pool.analyze = async input => {
    analyzing += 1;
    try {
      return await analyze(input);
    } finally {
      analyzing -= 1;
    }
  };
  const writeDoc = store.writeDoc.bind(store);
  store.writeDoc = async write => {
    writing += 1;
    try {
      return await writeDoc(write);
    } finally {
      writing -= 1;
    }
  };
  const samples = { n: 0, analyzing: 0, writing: 0, idleHost: 0 };
  const sampler = setInterval(() => {
    samples.n += 1;
    samples.analyzing += analyzing;
    samples.writing += writing;
    if (inFlight < PER_HOST) samples.idleHost += 1;
  }, 20);
  const indexer = new DocIndexer({
    store,
    catalog: catalogServiceMock({ entities }),
    auth: mockServices.auth(),
    urlReader: UrlReaders.default({ config, logger: quietLogger }),
    config,
    logger: quietLogger,
    analysisPool: pool,
    options: {
      annotation: 'architecture-docs/ref',
      kinds: ['Component'],
      schedule: { frequency: { hours: 1 }, timeout: { hours: 1 } },
      concurrencyPerHost: PER_HOST,
      readTimeoutMs: 30_000,
      revalidateAfterMs: 0,
      maxDocBytes: 1024 * 1024,
      historyDays: 180,
    },
  });

  const idleMemory = process.memoryUsage();
  let peakMemory = idleMemory;
  const rssTimer = setInterval(() => {
    const memory = process.memoryUsage();
    if (memory.rss > peakMemory.rss) peakMemory = memory;
  }, 50);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const profiler = await startPromotedProfile();
  const started = performance.now();
  mark(0);
  area = 0;
  const summary = await indexer.runCycle();
  await profiler?.stop();
  const elapsed = performance.now() - started;
  mark(0);
  loop.disable();
  clearInterval(rssTimer);
  clearInterval(sampler);
  await pool.close();
  // With --expose-gc: what the cycle left reachable, garbage collected.
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  const afterGc = collect ? megabytes(process.memoryUsage()) : undefined;

  const floor = (docs * LATENCY_MS) / PER_HOST;
  const figures = {
    entities: count,
    docs,
    linksChecked: summary.linksChecked,
    analysed: summary.analysed,
    failed: summary.failed,
    writeFailures: summary.writeFailures,
    hostRequests: requests,
    generatedRequests,
    cycleMs: Math.round(elapsed),
    floorMs: Math.round(floor),
    ratio: Number((elapsed / floor).toFixed(3)),
    // Every doc stored; the link checks left for later follow.
    docsMs: summary.docsDurationMs,
    docsRatio: Number((summary.docsDurationMs / floor).toFixed(3)),
    ratioWithLinks: Number(
      (
        elapsed /
        (((docs + summary.linksChecked) * LATENCY_MS) / PER_HOST)
      ).toFixed(3),
    ),
    avgInFlight: Number((area / elapsed).toFixed(2)),
    msBeforeFirstRequest: Math.round((firstRequestAt ?? started) - started),
    msAfterLastAnswer: Math.round(started + elapsed - lastAnswerAt),
    peakInFlight,
    avgAnalyzing: Number((samples.analyzing / samples.n).toFixed(1)),
    avgWriting: Number((samples.writing / samples.n).toFixed(1)),
    hostBelowLimitShare: Number((samples.idleHost / samples.n).toFixed(2)),
    msPerRequest: Number(((elapsed * PER_HOST) / requests).toFixed(1)),
    loopDelayP50Ms: Number((loop.percentile(50) / 1e6).toFixed(1)),
    loopDelayP99Ms: Number((loop.percentile(99) / 1e6).toFixed(1)),
    loopDelayMaxMs: Number((loop.max / 1e6).toFixed(1)),
    peakRssMb: Math.round(peakMemory.rss / 1024 / 1024),
    // Where the memory was at the peak, and before the cycle, in MB.
    memoryAtPeakMb: megabytes(peakMemory),
    memoryBeforeMb: megabytes(idleMemory),
    memoryAfterCycleAndGcMb: afterGc,
    pathsReadTwice: [...readsPerPath].filter(([, n]) => n > 1).length,
    pathsReadTwiceExamples: [...readsPerPath]
      .filter(([, n]) => n > 1)
      .slice(0, 5),
    loadAverage: (await import('node:os')).loadavg().map(l => l.toFixed(2)),
  };
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  store.close();
  await client.destroy();
  await server.close();
  await rm(dbDir, { recursive: true, force: true });
  // The reader's keep-alive sockets would hold the process a while.
  process.exit(0);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
