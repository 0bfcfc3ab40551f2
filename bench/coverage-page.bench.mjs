/* eslint-disable no-console */
// The catalog-wide page in Chromium on the dev portal's generated catalog
// (2,000+ components, docs answered after a fixed per-request latency):
//
// - time to the first analysed rows after the catalog answered;
// - the docs scan as a ratio to the fetch floor, docs × latency ÷ concurrency
//   (no page can fetch faster with that many requests in flight), and to a
//   bare fetch of the same doc URLs with the same concurrency in the same
//   page, measured in this run;
// - the longest main-thread task during the scan (PerformanceObserver
//   "longtask");
// - a second visit in the same app session, as a ratio to the first.
//
// Targets: scan ≤ 1.2× the floor, no task over 100 ms, second visit ≤ 0.2×.
//
// The browser is driven without Playwright (bench/devtools-pipe.mjs), whose
// tracking of every request would compete with the page for the CPU.
import { startEnvironment } from '../e2e/harness.mjs';
import { DEFAULT_GENERATED_LATENCY_MS } from '../dev/doc-server.mjs';
import { launchBenchBrowser } from './devtools-pipe.mjs';

const CONCURRENCY = 6; // architectureDocs.coverage.concurrency in app-config.yaml
const LATENCY_MS = Number(process.env.DOC_SERVER_GENERATED_LATENCY_MS || DEFAULT_GENERATED_LATENCY_MS);
const SCAN_TIMEOUT_MS = 600_000;

/** Installed before the app loads: long tasks and when rows and progress change. */
function instrument() {
  const bench = { longTasks: [], firstAnalysed: null, docsDone: null };
  window.__coverageBench = bench;
  // Every doc request is kept, to fetch the same URLs for the baseline.
  performance.setResourceTimingBufferSize(1_000_000);
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Checked right after each change to the page's DOM (not on every frame,
  // which would make the page draw frames it does not need).
  const check = () => {
    if (bench.firstAnalysed !== null && bench.docsDone !== null) return;
    const progress = document.querySelector('[data-testid="coverage-progress"]');
    if (progress) {
      if (bench.firstAnalysed === null && document.querySelector('[data-status="analysed"]')) {
        bench.firstAnalysed = performance.now();
      }
      if (bench.docsDone === null && progress.dataset.total !== '0' && progress.dataset.done === progress.dataset.total) {
        bench.docsDone = performance.now();
      }
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-done', 'data-total', 'data-status'],
  });
}

/** Waits for the scan of one visit and returns its figures, relative to the catalog's answer. */
async function measureVisit(page, visit) {
  await page.waitFor(
    n => {
      const marks = performance.getEntriesByName('architecture-docs:entities-loaded');
      return marks.length >= n && window.__coverageBench.docsDone !== null;
    },
    visit,
    { timeout: SCAN_TIMEOUT_MS },
  );
  return page.evaluate(n => {
    const bench = window.__coverageBench;
    const loaded = performance.getEntriesByName('architecture-docs:entities-loaded')[n - 1].startTime;
    const during = bench.longTasks.filter(task => task.start + task.duration >= loaded && task.start <= bench.docsDone);
    const longest = during.reduce((max, task) => (task.duration > max.duration ? task : max), { start: loaded, duration: 0 });
    return {
      firstRowsMs: bench.firstAnalysed - loaded,
      scanMs: bench.docsDone - loaded,
      longestTaskMs: longest.duration,
      longestTaskAtMs: longest.start - loaded,
      longTasks: during.length,
      over100: during.filter(task => task.duration > 100).length,
      total: Number(document.querySelector('[data-testid="coverage-progress"]').dataset.total),
    };
  }, visit);
}

const say = line => console.log(line);
// What users get: the portal bundled in production mode. BENCH_PORTAL=development
// measures the development server instead (development builds of React and
// the parser, several times slower).
const BUILD = process.env.BENCH_PORTAL === 'development' ? 'development' : 'production';
const environment = await startEnvironment({ build: BUILD, log: line => console.error(`[bench] ${line}`) });
let browser;
try {
  browser = await launchBenchBrowser({ width: 1440, height: 1000 });
  const { page } = browser;
  await page.addInitScript(instrument);
  const openInApp = path => page.click(`nav[aria-label="sidebar nav"] a[href="${path}"]`, { timeout: SCAN_TIMEOUT_MS });
  const resetMarks = () =>
    page.evaluate(() => {
      window.__coverageBench.firstAnalysed = null;
      window.__coverageBench.docsDone = null;
    });

  // Open the portal first so the app's code is compiled and cached, and sign
  // in as the guest.
  await page.goto(`${environment.baseUrl}/sample-docs`);
  await page.waitFor(() => {
    if (document.querySelector('nav[aria-label="sidebar nav"]')) return true;
    [...document.querySelectorAll('button')].find(button => /^enter$/i.test(button.textContent.trim()))?.click();
    return false;
  });

  // First visit, in the app (client-side navigation, as a user would).
  await resetMarks();
  await openInApp('/architecture-docs');
  const first = await measureVisit(page, 1);
  const docUrls = await page.evaluate(
    () => [...new Set(performance.getEntriesByType('resource').map(entry => entry.name))].filter(url => /\/docs\/architecture\/[^/]+\.md$/.test(new URL(url).pathname)),
  );
  const docs = docUrls.length;

  // Second visit in the same session: away and back.
  await page.waitFor(() => document.querySelector('[data-testid="coverage-progress"]')?.dataset.finished === 'true', undefined, { timeout: SCAN_TIMEOUT_MS });
  await openInApp('/sample-docs');
  await page.waitFor(() => document.body.textContent.includes('Sample entities'));
  await resetMarks();
  await openInApp('/architecture-docs');
  const second = await measureVisit(page, 2);

  // Leave the page, which stops its background revalidation, so that the
  // baseline has the connections to itself.
  await openInApp('/sample-docs');
  await page.waitFor(() => document.body.textContent.includes('Sample entities'));
  await new Promise(resolve => setTimeout(resolve, 2000));
  // Baseline: the same doc URLs fetched bare from the page, same concurrency.
  const bareMs = await page.evaluate(
    async ({ urls, concurrency }) => {
      const queue = [...urls];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let url = queue.shift(); url; url = queue.shift()) {
            const response = await fetch(url, { cache: 'no-store' });
            await response.text();
          }
        }),
      );
      return performance.now() - started;
    },
    { urls: docUrls, concurrency: CONCURRENCY },
  );

  const floorMs = (docs * LATENCY_MS) / CONCURRENCY;
  const ms = value => `${Math.round(value)} ms`;
  const x = value => `${value.toFixed(2)}x`;
  say(`Catalog-wide page (${BUILD} build), ${first.total} entities, ${docs} docs fetched, ${LATENCY_MS} ms per request, concurrency ${CONCURRENCY}:`);
  say(`  first analysed rows after the catalog answered: ${ms(first.firstRowsMs)} (${(first.firstRowsMs / LATENCY_MS).toFixed(1)}x one request's latency)`);
  say(`  docs scan: ${ms(first.scanMs)}; fetch floor ${ms(floorMs)} → ${x(first.scanMs / floorMs)} the floor (target ≤ 1.20x)`);
  say(`  bare fetch of the same docs in the page, same concurrency: ${ms(bareMs)} → scan is ${x(first.scanMs / bareMs)} of it`);
  say(
    `  longest main-thread task during the scan: ${ms(first.longestTaskMs)}, ${ms(first.longestTaskAtMs)} after the catalog answered (${first.longTasks} tasks over 50 ms, ${first.over100} over 100 ms; target: none over 100 ms)`,
  );
  say(`  second visit in the same session: ${ms(second.scanMs)} → ${x(second.scanMs / first.scanMs)} the first (target ≤ 0.20x); longest task ${ms(second.longestTaskMs)}`);
} finally {
  await browser?.close();
  await environment.stop();
}
