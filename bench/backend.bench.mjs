/* eslint-disable no-console */
// A benchmark reports its figures on the console.
// The backend plugin at organisation scale: the dev backend
// (backend/dev/index.ts: catalog, guest sign-in, permissions, the plugin,
// search with the plugin's collator) on
// a generated catalog of N components (BENCH_BACKEND_ENTITIES, default
// 20,000), whose docs the sample doc server (dev/doc-server.mjs) answers
// after 100 ms, read 6 at once per host. One command runs every phase; each
// backend is a process of its own, so that its memory is its own and two
// replicas really share one database. The dev backend's other work is kept
// out of the measured cycles: its search collator runs only when triggered,
// and its catalog does not process the ingested entities again meanwhile.
//
// SQLite (one backend):
// - first full index: the time until every entity's outcome is stored (as
//   the indexer reports it) against the floor, docs × 100 ms ÷ 6 (no reader
//   can go faster at that latency and concurrency). Target ≤ 1.15×. The
//   whole cycle, with the link targets no doc read answered checked after
//   the docs, is printed against the floor of every request it made.
// - second cycle, nothing changed: doc bodies the doc host sent (counted at
//   the host) and docs the indexer analysed again (as it reports them), both
//   target 0; its time against the first cycle, target ≤ 0.1×.
// - peak RSS of the backend process while it indexes, target ≤ 512 MB.
// - coverage API: p95 latency of filtered, sorted 50-row pages, target ≤ 50 ms.
// - the catalog-wide page in Chromium (production build of the dev portal,
//   reading the backend): first rows after the in-app navigation, target
//   ≤ 1 s; the longest main-thread task, target ≤ 50 ms; docs the browser
//   fetched from the doc host, target 0.
// PostgreSQL (BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING; .ci/run
// starts one with .ci/postgres.sh):
// - two replicas on one database, one cycle: the most reads of any one doc,
//   counted at the doc host, target 1, and every doc read (reads ÷ docs of
//   the SQLite run, target 1);
// - coverage API p95 as above, target ≤ 50 ms.
//
// A missed target, or a figure that could not be measured, exits 1
// (bench/targets.mjs). Runs under the browser lock: the doc server's port
// (7008) is fixed by the sample entities.
//
//   BENCH_BACKEND_ENTITIES=2000 npm run bench -- backend
//   BENCH_BACKEND_PORT (default 7107; the replicas use the next two ports)
//   BENCH_PORTAL_PORT (default 3107)
//   BENCH_DOC_HOST_LOG=<file>: every request the doc host answered, one per
//   line, to find out which reads a figure counts
//   BENCH_BACKEND_NODE_ARGS="--trace-gc": Node options for the backends
//   (those NODE_OPTIONS refuses), to find out where their memory goes; with
//   BENCH_KEEP_LOGS=1 their logs stay in the work folder

import { spawn } from 'node:child_process';
import {
  appendFileSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_DOC_SERVER_PORT,
  DEFAULT_GENERATED_LATENCY_MS,
  startDocServer,
} from '../dev/doc-server.mjs';
import {
  backendGuestToken,
  triggerBackendIndexCycle,
} from '../e2e/harness.mjs';
import { launchBenchBrowser } from './devtools-pipe.mjs';
import { coverageQueries } from './coverage-queries.mjs';
import { benchTarget, reportTargets } from './targets.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const BACKEND_DIR = path.join(ROOT, 'backend');
const require = createRequire(path.join(ROOT, 'package.json'));

const ENTITIES = Number(process.env.BENCH_BACKEND_ENTITIES || 20_000);
const BACKEND_PORT = Number(process.env.BENCH_BACKEND_PORT || 7107);
const PORTAL_PORT = Number(process.env.BENCH_PORTAL_PORT || 3107);
const POSTGRES =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
/** Reads at once per host (architectureDocs.backend.concurrencyPerHost). */
const CONCURRENCY = 6;
const LATENCY_MS = DEFAULT_GENERATED_LATENCY_MS;
const TASK_ID = 'architecture-docs-index';
const API = '/api/architecture-docs';
/** Coverage requests measured per database, after a few unmeasured ones. */
const API_SAMPLES = 200;
const API_WARMUP = 10;
/** Generous bounds on waiting: a 20,000-entity catalog takes minutes to ingest. */
const CATALOG_TIMEOUT_MS = 30 * 60_000;
const CYCLE_TIMEOUT_MS = 30 * 60_000;
const PORTAL_TIMEOUT_MS = 10 * 60_000;

const FIRST_INDEX_FLOOR_RATIO_MAX = benchTarget(
  'FIRST_INDEX_FLOOR_RATIO_MAX',
  1.15,
);
const SECOND_CYCLE_BODIES_MAX = benchTarget('SECOND_CYCLE_BODIES_MAX', 0);
const SECOND_CYCLE_ANALYSED_MAX = benchTarget('SECOND_CYCLE_ANALYSED_MAX', 0);
const SECOND_CYCLE_RATIO_MAX = benchTarget('SECOND_CYCLE_RATIO_MAX', 0.1);
const API_P95_MS_MAX = benchTarget('API_P95_MS_MAX', 50);
const PEAK_RSS_MB_MAX = benchTarget('PEAK_RSS_MB_MAX', 512);
const REPLICA_READS_PER_DOC_MAX = benchTarget('REPLICA_READS_PER_DOC_MAX', 1);
const REPLICA_DOCS_READ_SHARE_MIN = benchTarget(
  'REPLICA_DOCS_READ_SHARE_MIN',
  1,
);
const PAGE_FIRST_ROWS_MS_MAX = benchTarget('PAGE_FIRST_ROWS_MS_MAX', 1000);
const PAGE_LONGEST_TASK_MS_MAX = benchTarget('PAGE_LONGEST_TASK_MS_MAX', 50);
const PAGE_DOC_FETCHES_MAX = benchTarget('PAGE_DOC_FETCHES_MAX', 0);

const say = line => console.log(line);
const ms = value => `${Math.round(value)} ms`;
const x = value => `${value.toFixed(3)}x`;
const count = value => String(Math.round(value));

/**
 * A generated doc's path: /generated/<variant>/<shape>/<name>/docs/architecture/Architecture.md,
 * with a query at most: a link target below it (`Architecture.md/tests`) is another URL.
 */
const DOC_REQUEST =
  /^GET (\/generated\/[^/\s]+\/\d+\/[^/\s]+\/docs\/architecture\/Architecture\.md)(?:\?\S*)? (\d{3}) /;

/** Doc reads the doc host answered since the last `reset` (a 429 is not one), per doc, and the bodies it sent. */
const docHost = {
  reads: new Map(),
  bodies: 0,
  total: 0,
  /** Every request, docs and the link targets checked. */
  requests: 0,
  reset() {
    this.reads = new Map();
    this.bodies = 0;
    this.total = 0;
    this.requests = 0;
  },
  /** The docs read more than once, for the report: a few examples. */
  repeated() {
    const docsReadAgain = [...this.reads].filter(([, n]) => n > 1);
    if (docsReadAgain.length === 0) return '';
    const examples = docsReadAgain
      .slice(0, 3)
      .map(([doc, n]) => `${doc} (${n}×)`);
    return ` (${docsReadAgain.length} docs read more than once, e.g. ${examples.join(', ')})`;
  },
  record(line) {
    if (process.env.BENCH_DOC_HOST_LOG)
      appendFileSync(process.env.BENCH_DOC_HOST_LOG, `${line}\n`);
    if (/^[A-Z]+ \/generated\/\S* \d{3} /.test(line)) this.requests += 1;
    const match = DOC_REQUEST.exec(line);
    if (!match) return;
    this.total += 1;
    // A 429 asks the reader to come back later: the read that follows is
    // the doc's read.
    if (match[2] === '429') return;
    this.reads.set(match[1], (this.reads.get(match[1]) ?? 0) + 1);
    if (match[2] === '200') this.bodies += 1;
  },
};

/** Without ANSI colours, so that the backend's log lines can be read. */
function plain(text) {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Starts the dev backend in a process of its own, through Backstage's Node
 * transform (its entry is TypeScript), with `database` and the bench's
 * settings over app-config.yaml. Without `--enable-source-maps`, as a built
 * backend runs: `backstage-cli package start` adds it for development's
 * stack traces, and it keeps every loaded module's source map in memory,
 * which would count as the backend's memory.
 */
function startBackend(name, port, database, workDir, extraConfig = {}) {
  const logPath = path.join(workDir, `${name}.log`);
  const logFd = openSync(logPath, 'w');
  const url = `http://localhost:${port}`;
  const config = {
    backend_baseUrl: url,
    backend_listen_port: String(port),
    backend_database: JSON.stringify(database),
    architectureDocsDev_generatedComponents: String(ENTITIES),
    architectureDocs_backend_concurrencyPerHost: String(CONCURRENCY),
    // Cycles run when the bench triggers them. The scheduler also runs a
    // manual task once after its initial delay (app-config.yaml's, merged
    // with this one): at once, over the still empty catalog (checked below).
    architectureDocs_backend_schedule: JSON.stringify({
      frequency: { trigger: 'manual' },
      timeout: { minutes: 60 },
      initialDelay: { seconds: 0 },
    }),
    // The figures are the indexer's: the dev backend's other work stays out
    // of the measured cycles. Its search collator runs only when triggered,
    // and the catalog, which has ingested the generated entities before the
    // first cycle, does not process them all again meanwhile (by default it
    // does so every few minutes).
    search_collators_architectureDocs_schedule: JSON.stringify({
      frequency: { trigger: 'manual' },
      timeout: { minutes: 5 },
    }),
    catalog_processingInterval: JSON.stringify({ hours: 1 }),
    ...extraConfig,
  };
  let child;
  try {
    child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_BACKEND_NODE_ARGS ?? '')
          .split(/\s+/)
          .filter(Boolean),
        '--require',
        require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
        'dev/index',
      ],
      {
        cwd: BACKEND_DIR,
        detached: true,
        stdio: ['ignore', logFd, logFd],
        env: {
          ...process.env,
          // As `backstage-cli package start` runs it: guest sign-in is only
          // offered in development.
          NODE_ENV: 'development',
          ...Object.fromEntries(
            Object.entries(config).map(([key, value]) => [
              `APP_CONFIG_${key}`,
              value,
            ]),
          ),
        },
      },
    );
  } finally {
    closeSync(logFd);
  }
  const killOnExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', killOnExit);
  return {
    name,
    url,
    pid: child.pid,
    child,
    log: () => plain(readFileSync(logPath, 'utf8')),
    logPath,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve));
        killOnExit();
        await exited;
      }
      process.off('exit', killOnExit);
    },
  };
}

function lastLines(text, lines = 30) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Waits until the backend answers and its catalog lists every component. */
async function waitForCatalog(backend) {
  const deadline = Date.now() + CATALOG_TIMEOUT_MS;
  let token;
  let listed = 0;
  let steady = 0;
  while (Date.now() < deadline) {
    if (
      backend.child.exitCode !== null ||
      backend.log().includes('Backend startup failed')
    ) {
      throw new Error(
        `The ${backend.name} backend did not start. Last lines of ${backend.logPath}:\n${lastLines(backend.log())}`,
      );
    }
    try {
      token ??= await backendGuestToken(backend.url);
      const response = await fetch(
        `${backend.url}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
        { headers: { Authorization: `Bearer ${token}` } },
      );
      if (response.ok) {
        const { totalItems } = await response.json();
        steady =
          totalItems === listed && totalItems >= ENTITIES ? steady + 1 : 0;
        listed = totalItems;
        if (steady >= 2) return token;
      }
    } catch {
      // Not listening yet.
    }
    await delay(2000);
  }
  throw new Error(
    `The ${backend.name} backend's catalog listed ${listed} of ${ENTITIES}+ components after ${ms(CATALOG_TIMEOUT_MS)}`,
  );
}

const CYCLE_DONE = /Indexing cycle (\S+) done(.*)$/gm;

/** The cycle summaries a backend logged, oldest first. */
function loggedCycles(backend) {
  return [...backend.log().matchAll(CYCLE_DONE)].map(match => {
    const field = key => {
      const found = new RegExp(`\\b${key}=(\\S+)`).exec(match[2]);
      return found ? Number(found[1]) : Number.NaN;
    };
    return {
      backend: backend.name,
      id: match[1],
      entities: field('entities'),
      read: field('read'),
      analysed: field('analysed'),
      current: field('current'),
      docsMs: field('docsMs'),
      durationMs: field('durationMs'),
    };
  });
}

/** Waits until no indexing cycle runs (on any replica: the task is global). */
async function waitUntilIdle(backend, token) {
  const deadline = Date.now() + CYCLE_TIMEOUT_MS;
  let idle = 0;
  while (Date.now() < deadline) {
    const response = await fetch(
      `${backend.url}${API}/.backstage/scheduler/v1/tasks`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const { tasks = [] } = response.ok ? await response.json() : {};
    const task = tasks.find(candidate => candidate.taskId === TASK_ID);
    idle = task && task.taskState?.status !== 'running' ? idle + 1 : 0;
    if (idle >= 2) return;
    await delay(1000);
  }
  throw new Error(`${TASK_ID} was still running after ${ms(CYCLE_TIMEOUT_MS)}`);
}

/**
 * Once no cycle runs, resets the doc host's counts, triggers one indexing
 * cycle through `via` and waits until one of `replicas` logs that a cycle
 * ended. Samples the resident memory of each
 * replica meanwhile. Returns the summary the indexer logged, with the
 * wall-clock time from the trigger and the peak RSS.
 */
async function runCycle(via, token, replicas = [via]) {
  await waitUntilIdle(via, token);
  const before = new Map(replicas.map(r => [r.name, loggedCycles(r).length]));
  const peakRss = new Map(replicas.map(r => [r.name, 0]));
  const sampleRss = () => {
    for (const replica of replicas) {
      const rss = residentMegabytes(replica.pid);
      if (rss > peakRss.get(replica.name)) peakRss.set(replica.name, rss);
    }
  };
  docHost.reset();
  const started = Date.now();
  await triggerBackendIndexCycle(via.url, token, {
    timeoutMs: CYCLE_TIMEOUT_MS,
  });
  const deadline = started + CYCLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    sampleRss();
    const ended = replicas.flatMap(r =>
      loggedCycles(r).slice(before.get(r.name)),
    );
    if (ended.length > 0) {
      return {
        ...ended[0],
        cyclesEnded: ended.length,
        wallMs: Date.now() - started,
        peakRssMb: Math.max(...peakRss.values()),
      };
    }
    await delay(250);
  }
  throw new Error(`No indexing cycle ended within ${ms(CYCLE_TIMEOUT_MS)}`);
}

/** A process's resident memory in MB (0 when it cannot be read). */
function residentMegabytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** A process's peak resident memory so far in MB (`VmHWM`; 0 when unknown). */
function peakResidentMegabytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * Waits until a process's resident memory stops falling (within 2 % over
 * 30 s, at most 3 minutes): once the catalog's ingestion is over and the
 * process idles, V8 gives memory back over a while, and the indexing's peak
 * is measured from there.
 */
async function settledResidentMegabytes(pid) {
  const started = Date.now();
  const samples = [];
  while (Date.now() - started < 180_000) {
    samples.push(residentMegabytes(pid));
    const recent = samples.slice(-16);
    if (
      recent.length === 16 &&
      Math.max(...recent) <= Math.min(...recent) * 1.02
    ) {
      break;
    }
    await delay(2000);
  }
  return { rssMb: samples.at(-1), waitedMs: Date.now() - started };
}

/** p95 latency of filtered, sorted 50-row coverage pages. */
async function coverageApiP95(backend, token) {
  const headers = { Authorization: `Bearer ${token}` };
  const first = await fetch(`${backend.url}${API}/coverage?limit=50`, {
    headers,
  });
  if (!first.ok) {
    throw new Error(
      `GET ${API}/coverage answered ${first.status} ${await first.text()}`,
    );
  }
  const { templateSections = [], totalCount } = await first.json();
  const section = templateSections[0]?.id ?? 'purpose';
  const queries = coverageQueries(section);
  const times = [];
  let rows = 0;
  for (let i = 0; i < API_WARMUP + API_SAMPLES; i += 1) {
    const offset = 50 * (i % 4);
    const url = `${backend.url}${API}/coverage?${queries[i % queries.length]}&limit=50&offset=${offset}`;
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.json();
    const took = performance.now() - started;
    if (!response.ok) {
      throw new Error(`GET ${url} answered ${response.status}`);
    }
    rows += body.rows.length;
    if (i >= API_WARMUP) times.push(took);
  }
  times.sort((a, b) => a - b);
  return {
    p95: times[Math.ceil(0.95 * times.length) - 1],
    median: times[Math.floor(times.length / 2)],
    totalCount,
    rows,
  };
}

/** Installed before the portal loads: long tasks, and when the first row shows. */
function instrumentPage() {
  const bench = { longTasks: [], navigated: null, firstRows: null };
  window.__backendBench = bench;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries())
      bench.longTasks.push({
        start: entry.startTime,
        duration: entry.duration,
      });
  }).observe({ type: 'longtask', buffered: true });
  new MutationObserver(() => {
    if (
      bench.navigated !== null &&
      bench.firstRows === null &&
      document.querySelector('a[data-entity-ref]')
    ) {
      bench.firstRows = performance.now();
    }
  }).observe(document, { subtree: true, childList: true });
}

/**
 * The catalog-wide page in Chromium, on a production build of the dev
 * portal that reads `backend`: first rows after the in-app navigation, the
 * longest main-thread task from the navigation until a second after them,
 * and the doc host's answers meanwhile.
 */
async function measurePage(backend, workDir) {
  const baseUrl = `http://localhost:${PORTAL_PORT}`;
  const logFd = openSync(path.join(workDir, 'portal.log'), 'w');
  const portal = spawn(
    process.execPath,
    [
      path.join(ROOT, 'e2e', 'production-portal.mjs'),
      path.join(workDir, 'portal'),
      String(PORTAL_PORT),
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env: {
        ...process.env,
        APP_CONFIG_app_baseUrl: baseUrl,
        APP_CONFIG_backend_baseUrl: backend.url,
        APP_CONFIG_architectureDocs_source: 'backend',
      },
    },
  );
  closeSync(logFd);
  const stopPortal = () => {
    try {
      process.kill(-portal.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.on('exit', stopPortal);
  let browser;
  try {
    const deadline = Date.now() + PORTAL_TIMEOUT_MS;
    for (;;) {
      if (portal.exitCode !== null) throw new Error('The portal exited');
      if (Date.now() > deadline) throw new Error('The portal did not answer');
      try {
        if ((await fetch(baseUrl)).ok) break;
      } catch {
        // Still building.
      }
      await delay(1000);
    }
    browser = await launchBenchBrowser({ width: 1440, height: 1000 });
    const { page } = browser;
    await page.addInitScript(instrumentPage);
    await page.goto(`${baseUrl}/sample-docs`, { timeout: PORTAL_TIMEOUT_MS });
    await page.waitFor(
      () => {
        if (document.querySelector('nav[aria-label="sidebar nav"]'))
          return true;
        [...document.querySelectorAll('button')]
          .find(button => /^enter$/i.test(button.textContent.trim()))
          ?.click();
        return false;
      },
      undefined,
      { timeout: 120_000 },
    );
    await delay(2000);
    docHost.reset();
    await page.evaluate(() => {
      window.__backendBench.navigated = performance.now();
    });
    await page.click(
      'nav[aria-label="sidebar nav"] a[href="/architecture-docs"]',
      {
        timeout: 60_000,
      },
    );
    await page.waitFor(
      () => window.__backendBench.firstRows !== null,
      undefined,
      {
        timeout: 120_000,
      },
    );
    await delay(1000);
    const figures = await page.evaluate(() => {
      const bench = window.__backendBench;
      const during = bench.longTasks.filter(
        task =>
          task.start + task.duration >= bench.navigated &&
          task.start <= bench.firstRows + 1000,
      );
      return {
        firstRowsMs: bench.firstRows - bench.navigated,
        longestTaskMs: during.reduce(
          (max, task) => Math.max(max, task.duration),
          0,
        ),
        longTasks: during.length,
      };
    });
    return { ...figures, docFetches: docHost.total };
  } finally {
    await browser?.close();
    stopPortal();
    process.off('exit', stopPortal);
  }
}

// Leave through process.exit, so that the exit hooks stop every backend.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => process.exit(130));
}

const workDir = mkdtempSync(
  path.join(os.tmpdir(), 'architecture-docs-backend-bench-'),
);
const checks = [];
const backends = [];
let docServer;
try {
  docServer = await startDocServer({
    port: DEFAULT_DOC_SERVER_PORT,
    log: line => docHost.record(line),
  });
  say(
    `Backend bench: ${ENTITIES} generated components, doc host ${docServer.url} answering after ${LATENCY_MS} ms, ${CONCURRENCY} reads at once per host`,
  );

  // SQLite: one backend, two cycles, the API and the page. A first process
  // ingests the catalog and stops; the measured one starts over that
  // database, as a backend restarts over its catalog. So the indexing's
  // memory is not measured on top of what the ingestion left for V8 to
  // collect, which varies from run to run.
  const sqliteDatabase = {
    client: 'better-sqlite3',
    connection: { directory: path.join(workDir, 'sqlite') },
  };
  const ingest = startBackend(
    'sqlite-ingest',
    BACKEND_PORT,
    sqliteDatabase,
    workDir,
  );
  backends.push(ingest);
  const catalogStarted = Date.now();
  await waitForCatalog(ingest);
  say(
    `  catalog ingested in ${ms(Date.now() - catalogStarted)} (peak RSS ${Math.round(peakResidentMegabytes(ingest.pid))} MB)`,
  );
  await ingest.stop();
  const sqlite = startBackend('sqlite', BACKEND_PORT, sqliteDatabase, workDir);
  backends.push(sqlite);
  const restarted = Date.now();
  const token = await waitForCatalog(sqlite);
  say(`  backend restarted over that catalog in ${ms(Date.now() - restarted)}`);

  // The startup cycle (of the ingesting process: the scheduler runs a
  // manual task once, at its first registration) must have found no entity,
  // or the first measured cycle would not be the first full index.
  const early = [...loggedCycles(ingest), ...loggedCycles(sqlite)].filter(
    cycle => !(cycle.entities === 0),
  );
  if (early.length > 0) {
    throw new Error(
      `A cycle indexed ${early[0].entities} entities before the bench's first; the first full index cannot be measured`,
    );
  }
  // For context: what the backend holds before it indexes (the catalog, the
  // other plugins and, in this process, the TypeScript transform), once the
  // memory its start took has been given back.
  const settled = await settledResidentMegabytes(sqlite.pid);
  const idleRssMb = settled.rssMb;
  say(
    `  backend memory settled at ${Math.round(idleRssMb)} MB after ${ms(settled.waitedMs)} (peak since its start: ${Math.round(peakResidentMegabytes(sqlite.pid))} MB)`,
  );
  const first = await runCycle(sqlite, token);
  const docs = docHost.reads.size;
  const floorMs = (docs * LATENCY_MS) / CONCURRENCY;
  // For context: the floor of every request the cycle made, the link
  // targets it checked included.
  const requestFloorMs = (docHost.requests * LATENCY_MS) / CONCURRENCY;
  say(
    `  first full index: every doc stored after ${ms(first.docsMs)}; ${docs} docs read${docHost.repeated()}, floor ${ms(floorMs)} → ${x(first.docsMs / floorMs)} the floor; ${docHost.bodies} bodies, ${first.analysed} analysed; peak RSS ${Math.round(first.peakRssMb)} MB (${Math.round(idleRssMb)} MB before the cycle)`,
  );
  say(
    `  the whole first cycle, with the link checks left for after the docs: ${ms(first.durationMs)} (${ms(first.wallMs)} from the trigger); ${docHost.requests} requests with the link targets, floor ${ms(requestFloorMs)} → ${x(first.durationMs / requestFloorMs)} (no target)`,
  );
  // The default revalidateAfter (15 minutes): a cycle right after the
  // first finds every doc current.
  const second = await runCycle(sqlite, token);
  const secondBodies = docHost.bodies;
  say(
    `  second cycle, nothing changed: ${ms(second.durationMs)} → ${x(second.durationMs / first.durationMs)} the first; ${second.current} docs current, ${docHost.total} doc requests, ${secondBodies} bodies, ${second.analysed} analysed; peak RSS ${Math.round(second.peakRssMb)} MB`,
  );
  const sqliteApi = await coverageApiP95(sqlite, token);
  say(
    `  coverage API on SQLite: p95 ${ms(sqliteApi.p95)}, median ${ms(sqliteApi.median)} over ${API_SAMPLES} filtered sorted 50-row pages of ${sqliteApi.totalCount} rows`,
  );
  checks.push(
    {
      label: 'first full index / floor',
      figure: first.docsMs / floorMs,
      kind: 'max',
      target: FIRST_INDEX_FLOOR_RATIO_MAX,
      format: x,
    },
    {
      label: 'second cycle: doc bodies transferred',
      figure: secondBodies,
      kind: 'max',
      target: SECOND_CYCLE_BODIES_MAX,
      format: count,
    },
    {
      label: 'second cycle: docs re-analysed',
      figure: second.analysed,
      kind: 'max',
      target: SECOND_CYCLE_ANALYSED_MAX,
      format: count,
    },
    {
      label: 'second cycle / first cycle',
      figure: second.durationMs / first.durationMs,
      kind: 'max',
      target: SECOND_CYCLE_RATIO_MAX,
      format: x,
    },
    {
      label: 'peak RSS while indexing (MB)',
      figure: Math.max(first.peakRssMb, second.peakRssMb),
      kind: 'max',
      target: PEAK_RSS_MB_MAX,
      format: count,
    },
    {
      label: 'coverage API p95 on SQLite (ms)',
      figure: sqliteApi.p95,
      kind: 'max',
      target: API_P95_MS_MAX,
      format: count,
    },
  );

  const page = await measurePage(sqlite, workDir).catch(error => {
    say(`  catalog-wide page: not measured: ${error.message}`);
    return {};
  });
  if (page.firstRowsMs !== undefined) {
    say(
      `  catalog-wide page in Chromium: first rows ${ms(page.firstRowsMs)} after the navigation; longest task ${ms(page.longestTaskMs)} (${page.longTasks} over 50 ms); ${page.docFetches} doc request(s) at the doc host`,
    );
  }
  checks.push(
    {
      label: 'page: first rows after navigation (ms)',
      figure: page.firstRowsMs,
      kind: 'max',
      target: PAGE_FIRST_ROWS_MS_MAX,
      format: count,
    },
    {
      label: 'page: longest main-thread task (ms)',
      figure: page.longestTaskMs,
      kind: 'max',
      target: PAGE_LONGEST_TASK_MS_MAX,
      format: count,
    },
    {
      label: 'page: docs fetched by the browser',
      figure: page.docFetches,
      kind: 'max',
      target: PAGE_DOC_FETCHES_MAX,
      format: count,
    },
  );
  await sqlite.stop();

  // PostgreSQL: two replicas on one database (a fresh prefix per run).
  let replicaReadsMax = Number.NaN;
  let replicaReadShare = Number.NaN;
  let postgresP95 = Number.NaN;
  let revalidation = {
    bodies: Number.NaN,
    analysed: Number.NaN,
    readsMax: Number.NaN,
  };
  if (!POSTGRES) {
    say(
      '  PostgreSQL: not measured; set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (.ci/postgres.sh start prints one)',
    );
  } else {
    const database = {
      client: 'pg',
      connection: POSTGRES,
      prefix: `bench_${randomBytes(4).toString('hex')}_`,
    };
    // One after the other, as a rolling deployment starts them: replicas
    // starting at the same moment on a fresh database race for the
    // plugins' migration locks.
    const replicas = [];
    let replicaToken;
    for (const [index, name] of ['replica-1', 'replica-2'].entries()) {
      // Every cycle asks the host about every doc, so that the second
      // cycle below measures a revalidation of all of them.
      const replica = startBackend(
        name,
        BACKEND_PORT + 1 + index,
        database,
        workDir,
        {
          architectureDocs_backend_revalidateAfter: JSON.stringify({
            seconds: 0,
          }),
        },
      );
      backends.push(replica);
      replicas.push(replica);
      const replicaStarted = Date.now();
      replicaToken = await waitForCatalog(replica);
      say(
        `  ${name} up, its catalog complete, in ${ms(Date.now() - replicaStarted)}`,
      );
    }
    const cycle = await runCycle(replicas[0], replicaToken, replicas);
    // A second replica running the same cycle would read after the first.
    await delay(5000);
    replicaReadsMax = Math.max(0, ...docHost.reads.values());
    replicaReadShare = docHost.reads.size / docs;
    say(
      `  two replicas on PostgreSQL: one cycle (run by ${cycle.backend}, ${ms(cycle.durationMs)}); ${docHost.total} doc reads for ${docHost.reads.size} of ${docs} docs, at most ${replicaReadsMax} per doc${docHost.repeated()}`,
    );
    const postgresApi = await coverageApiP95(replicas[0], replicaToken);
    postgresP95 = postgresApi.p95;
    say(
      `  coverage API on PostgreSQL: p95 ${ms(postgresApi.p95)}, median ${ms(postgresApi.median)}`,
    );
    // Nothing changed and every doc due: one conditional read each.
    const again = await runCycle(replicas[0], replicaToken, replicas);
    revalidation = {
      bodies: docHost.bodies,
      analysed: again.analysed,
      readsMax: Math.max(0, ...docHost.reads.values()),
    };
    say(
      `  revalidating every doc (revalidateAfter 0, nothing changed): ${ms(again.durationMs)} → ${x(again.durationMs / cycle.durationMs)} the first cycle (one round trip per doc, no target); ${docHost.total} doc requests, at most ${revalidation.readsMax} per doc${docHost.repeated()}, ${revalidation.bodies} bodies, ${revalidation.analysed} analysed`,
    );
  }
  checks.push(
    {
      label: 'two replicas: most reads of one doc in one cycle',
      figure: replicaReadsMax,
      kind: 'max',
      target: REPLICA_READS_PER_DOC_MAX,
      format: count,
    },
    {
      label: 'two replicas: docs read / docs',
      figure: replicaReadShare,
      kind: 'min',
      target: REPLICA_DOCS_READ_SHARE_MIN,
      format: x,
    },
    {
      label: 'revalidation: doc bodies transferred',
      figure: revalidation.bodies,
      kind: 'max',
      target: SECOND_CYCLE_BODIES_MAX,
      format: count,
    },
    {
      label: 'revalidation: docs re-analysed',
      figure: revalidation.analysed,
      kind: 'max',
      target: SECOND_CYCLE_ANALYSED_MAX,
      format: count,
    },
    {
      label: 'revalidation: most reads of one doc',
      figure: revalidation.readsMax,
      kind: 'max',
      target: REPLICA_READS_PER_DOC_MAX,
      format: count,
    },
    {
      label: 'coverage API p95 on PostgreSQL (ms)',
      figure: postgresP95,
      kind: 'max',
      target: API_P95_MS_MAX,
      format: count,
    },
  );
} catch (error) {
  say(`Backend bench stopped: ${error.message}`);
  for (const backend of backends) {
    say(`Last lines of the ${backend.name} backend's log:`);
    say(lastLines(backend.log(), 15));
  }
  process.exitCode = 1;
} finally {
  await Promise.all(backends.map(backend => backend.stop()));
  await docServer?.close();
  if (process.env.BENCH_KEEP_LOGS) say(`The backends' logs: ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}
if (checks.length > 0 && !reportTargets(checks)) process.exitCode = 1;
