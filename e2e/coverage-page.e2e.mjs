// The catalog-wide page in a real browser, on the dev portal's generated
// catalog (dev/generated-catalog.ts: 2,000 components whose docs the sample
// doc server answers with a per-request latency).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS_DIR, KNOWN_CONSOLE_NOISE, describeConsoleErrors, withPortal } from './harness.mjs';

/**
 * Chromium logs every failed request; the catalogs answer 404, 401
 * and 500 on purpose (docs and linked docs that do not exist, private docs,
 * a failing host), and the page shows them as row statuses.
 */
const SCAN_NOISE = [
  ...KNOWN_CONSOLE_NOISE,
  /^Failed to load resource: the server responded with a status of (401|404|500) .*localhost:7008\//,
];

// A scan fetches every doc of the generated catalog at the doc server's
// latency, and slows down further on a busy machine; a test may wait for two
// scans.
const SCAN_TIMEOUT = { timeout: 420_000 };
const TEST_TIMEOUT = { timeout: 900_000 };
const UI_WAIT = { timeout: 60_000 };

/** The page's progress figures, read from the progress element. */
async function progressOf(page) {
  return page.getByTestId('coverage-progress').evaluate(element => ({
    done: Number(element.dataset.done),
    total: Number(element.dataset.total),
    finished: element.dataset.finished === 'true',
    analyzedIn: element.dataset.analyzedIn,
  }));
}

/** "12 of 2008 entities" → { shown: 12, total: 2008 } */
async function countOf(page) {
  const text = await page.getByTestId('coverage-count').textContent();
  const match = /(\d+) of (\d+)/.exec(text ?? '');
  assert.ok(match, `the table title gives counts, got "${text}"`);
  return { shown: Number(match[1]), total: Number(match[2]) };
}

/** The entity refs of the table's visible rows, in order. */
function visibleRows(page) {
  return page.locator('a[data-entity-ref]').evaluateAll(links => links.map(link => link.dataset.entityRef));
}

/** Splits CSV text into rows of cells (RFC 4180 quoting). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return rows;
}

test('the catalog-wide page scans the generated catalog, filters during the scan and exports CSV', TEST_TIMEOUT, () =>
  withPortal(
    async ({ page, open, unexpectedConsoleErrors }) => {
      await open('/architecture-docs');
      const progress = page.getByTestId('coverage-progress');
      // The page's parts show while the catalog loads; the total comes with its answer.
      await page.locator('[data-testid="coverage-progress"]:not([data-loading])').waitFor(UI_WAIT);
      const { total } = await progressOf(page);
      assert.ok(total >= 2000, `at least 2,000 entities are listed, got ${total}`);

      // Rows with an analysis show up while the scan is still going.
      await page.locator('[data-status="analysed"]').first().waitFor(UI_WAIT);
      const early = await progressOf(page);
      assert.ok(early.done < early.total, `the first analysed rows came before the end of the scan (${early.done}/${early.total})`);
      // Docs are parsed in the bundled workers, not on the page's thread.
      assert.equal(early.analyzedIn, 'workers');

      // A filter typed during the scan answers while the scan goes on.
      await page.getByTestId('coverage-search').fill('orders');
      await page.waitForFunction(() => /^\d+ of \d+/.test(document.querySelector('[data-testid="coverage-count"]')?.textContent ?? '') &&
        !/^(\d+) of \1 /.test(document.querySelector('[data-testid="coverage-count"]')?.textContent ?? ''), undefined, UI_WAIT);
      const duringScan = await progressOf(page);
      assert.ok(duringScan.done < duringScan.total, `the filter answered during the scan (${duringScan.done}/${duringScan.total})`);
      const filteredDuring = await countOf(page);
      assert.ok(filteredDuring.shown > 0 && filteredDuring.shown < filteredDuring.total);
      for (const ref of await visibleRows(page)) assert.match(ref, /orders/);

      // The progress bar reaches the total.
      await page.waitForFunction(
        () => {
          const element = document.querySelector('[data-testid="coverage-progress"]');
          return element && element.dataset.done === element.dataset.total && element.dataset.finished === 'true';
        },
        undefined,
        SCAN_TIMEOUT,
      );
      assert.equal(await progress.getByRole('progressbar').getAttribute('aria-valuenow'), '100');
      assert.match(await progress.textContent(), new RegExp(`Analysed all ${total} docs`));

      // Narrow to the docs that were not found, then export.
      await page.getByTestId('filter-status').getByRole('button').click();
      await page.getByRole('option', { name: 'Not found' }).click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('status') === 'not-found');
      await page.waitForFunction(
        () => {
          const statuses = [...document.querySelectorAll('[data-status]')].map(cell => cell.dataset.status);
          return statuses.length > 0 && statuses.every(status => status === 'not-found');
        },
        undefined,
        UI_WAIT,
      );
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'orders');
      const filtered = await countOf(page);
      assert.ok(filtered.shown > 0, 'some orders components have no doc at their location');
      const shownRefs = await visibleRows(page);

      const [download] = await Promise.all([
        page.waitForEvent('download', UI_WAIT),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      const csvPath = path.join(ARTIFACTS_DIR, 'coverage-page.csv');
      await download.saveAs(csvPath);
      const rows = parseCsv(readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''));
      assert.deepEqual(rows[0].slice(0, 7), ['entity', 'title', 'owner', 'system', 'lifecycle', 'status', 'score']);
      const body = rows.slice(1);
      assert.equal(body.length, filtered.shown, 'the CSV has exactly the rows of the view');
      for (const cells of body) {
        assert.match(cells[0], /orders/);
        assert.equal(cells[5], 'not-found');
      }
      assert.deepEqual(body.slice(0, shownRefs.length).map(cells => cells[0]), shownRefs, 'in the order of the table');

      // The view is in the URL: opened again, it shows the same rows.
      await open(`${url.pathname}${url.search}`);
      await page.getByTestId('coverage-progress').waitFor(UI_WAIT);
      // A new app session scans again; the not-found rows are known at its end.
      await page.waitForFunction(
        () => document.querySelector('[data-testid="coverage-progress"]')?.dataset.finished === 'true',
        undefined,
        SCAN_TIMEOUT,
      );
      await page.waitForFunction(
        expected => document.querySelector('[data-testid="coverage-count"]')?.textContent?.startsWith(`${expected} of`),
        filtered.shown,
        UI_WAIT,
      );
      assert.deepEqual(await visibleRows(page), shownRefs);

      const unexpected = unexpectedConsoleErrors(SCAN_NOISE);
      assert.equal(unexpected.length, 0, `unexpected console errors:\n${describeConsoleErrors(unexpected)}`);
    },
    { name: 'coverage-page', path: '/' },
  ),
);

test('the catalog-wide page summary filters by section', TEST_TIMEOUT, () =>
  withPortal(
    async ({ page, open, screenshot, unexpectedConsoleErrors }) => {
      await open('/architecture-docs');
      await page.waitForFunction(
        () => document.querySelector('[data-testid="coverage-progress"]')?.dataset.finished === 'true',
        undefined,
        SCAN_TIMEOUT,
      );
      await page.setViewportSize({ width: 1440, height: 1400 });
      await screenshot('coverage-page');
      const summary = page.getByRole('list', { name: 'Section coverage' });
      const firstMissing = summary.getByRole('button', { name: /where the section is missing$/ }).first();
      const label = await firstMissing.getAttribute('aria-label');
      const expected = Number(/Lists the (\d+) docs where the section is missing$/.exec(label)[1]);
      await firstMissing.click();
      await page.waitForFunction(() => new URL(location.href).searchParams.has('section'));
      // The summary counts analysed docs; the table lists the same docs.
      await page
        .waitForFunction(
          count => document.querySelector('[data-testid="coverage-count"]')?.textContent?.startsWith(`${count} of`),
          expected,
          UI_WAIT,
        )
        .catch(() => undefined);
      const { shown } = await countOf(page);
      assert.equal(shown, expected, `${label}: the table lists as many docs as the bar counts`);
      const unexpected = unexpectedConsoleErrors(SCAN_NOISE);
      assert.equal(unexpected.length, 0, `unexpected console errors:\n${describeConsoleErrors(unexpected)}`);
    },
    { name: 'coverage-page-summary', path: '/' },
  ),
);
