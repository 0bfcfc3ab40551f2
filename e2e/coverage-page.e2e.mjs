// The catalog-wide page in a real browser, on the dev portal's generated
// catalog (dev/generated-catalog.ts: 2,000 components whose docs the sample
// doc server answers with a per-request latency).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  ARTIFACTS_DIR,
  KNOWN_CONSOLE_NOISE,
  PACKAGE_DIR,
  describeConsoleErrors,
  setTheme,
  withPortal,
} from './harness.mjs';

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
  return page
    .locator('a[data-entity-ref]')
    .evaluateAll(links => links.map(link => link.dataset.entityRef));
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

test(
  'the catalog-wide page scans the generated catalog, filters during the scan and exports CSV',
  TEST_TIMEOUT,
  () =>
    withPortal(
      async ({ page, open, unexpectedConsoleErrors }) => {
        await open('/architecture-docs');
        const progress = page.getByTestId('coverage-progress');
        // The page's parts show while the catalog loads; the total comes with its answer.
        await page
          .locator('[data-testid="coverage-progress"]:not([data-loading])')
          .waitFor(UI_WAIT);
        const { total } = await progressOf(page);
        assert.ok(
          total >= 2000,
          `at least 2,000 entities are listed, got ${total}`,
        );

        // Rows with an analysis show up while the scan is still going.
        await page.locator('[data-status="analysed"]').first().waitFor(UI_WAIT);
        const early = await progressOf(page);
        assert.ok(
          early.done < early.total,
          `the first analysed rows came before the end of the scan (${early.done}/${early.total})`,
        );
        // Docs are parsed in the bundled workers, not on the page's thread.
        assert.equal(early.analyzedIn, 'workers');

        // A filter typed during the scan answers while the scan goes on.
        await page.getByTestId('coverage-search').fill('orders');
        await page.waitForFunction(
          () =>
            /^\d+ of \d+/.test(
              document.querySelector('[data-testid="coverage-count"]')
                ?.textContent ?? '',
            ) &&
            !/^(\d+) of \1 /.test(
              document.querySelector('[data-testid="coverage-count"]')
                ?.textContent ?? '',
            ),
          undefined,
          UI_WAIT,
        );
        const duringScan = await progressOf(page);
        assert.ok(
          duringScan.done < duringScan.total,
          `the filter answered during the scan (${duringScan.done}/${duringScan.total})`,
        );
        const filteredDuring = await countOf(page);
        assert.ok(
          filteredDuring.shown > 0 &&
            filteredDuring.shown < filteredDuring.total,
        );
        for (const ref of await visibleRows(page)) assert.match(ref, /orders/);

        // The progress bar reaches the total.
        await page.waitForFunction(
          () => {
            const element = document.querySelector(
              '[data-testid="coverage-progress"]',
            );
            return (
              element &&
              element.dataset.done === element.dataset.total &&
              element.dataset.finished === 'true'
            );
          },
          undefined,
          SCAN_TIMEOUT,
        );
        assert.equal(
          await progress.getByRole('progressbar').getAttribute('aria-valuenow'),
          '100',
        );
        assert.match(
          await progress.textContent(),
          new RegExp(`Analysed all ${total} docs`),
        );

        // Narrow to the docs that were not found, then export.
        await page.getByTestId('filter-status').getByRole('button').click();
        await page.getByRole('option', { name: 'Not found' }).click();
        await page.waitForFunction(
          () =>
            new URL(location.href).searchParams.get('status') === 'not-found',
        );
        await page.waitForFunction(
          () => {
            const statuses = [
              ...document.querySelectorAll('[data-status]'),
            ].map(cell => cell.dataset.status);
            return (
              statuses.length > 0 &&
              statuses.every(status => status === 'not-found')
            );
          },
          undefined,
          UI_WAIT,
        );
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('q'), 'orders');
        const filtered = await countOf(page);
        assert.ok(
          filtered.shown > 0,
          'some orders components have no doc at their location',
        );
        const shownRefs = await visibleRows(page);

        const [download] = await Promise.all([
          page.waitForEvent('download', UI_WAIT),
          page.getByRole('button', { name: 'Export CSV' }).click(),
        ]);
        const csvPath = path.join(ARTIFACTS_DIR, 'coverage-page.csv');
        await download.saveAs(csvPath);
        const rows = parseCsv(
          readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, ''),
        );
        assert.deepEqual(rows[0].slice(0, 7), [
          'entity',
          'title',
          'owner',
          'system',
          'lifecycle',
          'status',
          'score',
        ]);
        const body = rows.slice(1);
        assert.equal(
          body.length,
          filtered.shown,
          'the CSV has exactly the rows of the view',
        );
        for (const cells of body) {
          assert.match(cells[0], /orders/);
          assert.equal(cells[5], 'not-found');
        }
        assert.deepEqual(
          body.slice(0, shownRefs.length).map(cells => cells[0]),
          shownRefs,
          'in the order of the table',
        );

        // The view is in the URL: opened again, it shows the same rows.
        await open(`${url.pathname}${url.search}`);
        await page.getByTestId('coverage-progress').waitFor(UI_WAIT);
        // A new app session scans again; the not-found rows are known at its end.
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="coverage-progress"]')?.dataset
              .finished === 'true',
          undefined,
          SCAN_TIMEOUT,
        );
        await page.waitForFunction(
          expected =>
            document
              .querySelector('[data-testid="coverage-count"]')
              ?.textContent?.startsWith(`${expected} of`),
          filtered.shown,
          UI_WAIT,
        );
        assert.deepEqual(await visibleRows(page), shownRefs);

        const unexpected = unexpectedConsoleErrors(SCAN_NOISE);
        assert.equal(
          unexpected.length,
          0,
          `unexpected console errors:\n${describeConsoleErrors(unexpected)}`,
        );
      },
      { name: 'coverage-page', path: '/' },
    ),
);

test('the catalog-wide page summary filters by section', TEST_TIMEOUT, () =>
  withPortal(
    async ({ page, open, screenshot, unexpectedConsoleErrors }) => {
      await open('/architecture-docs');
      await page.waitForFunction(
        () =>
          document.querySelector('[data-testid="coverage-progress"]')?.dataset
            .finished === 'true',
        undefined,
        SCAN_TIMEOUT,
      );
      await page.setViewportSize({ width: 1440, height: 1400 });
      await screenshot('coverage-page');
      const summary = page.getByRole('list', { name: 'Section coverage' });
      const firstMissing = summary
        .getByRole('button', { name: /where the section is missing$/ })
        .first();
      const label = await firstMissing.getAttribute('aria-label');
      const expected = Number(
        /Lists the (\d+) docs where the section is missing$/.exec(label)[1],
      );
      await firstMissing.click();
      await page.waitForFunction(() =>
        new URL(location.href).searchParams.has('section'),
      );
      // The summary counts analysed docs; the table lists the same docs.
      await page
        .waitForFunction(
          count =>
            document
              .querySelector('[data-testid="coverage-count"]')
              ?.textContent?.startsWith(`${count} of`),
          expected,
          UI_WAIT,
        )
        .catch(() => undefined);
      const { shown } = await countOf(page);
      assert.equal(
        shown,
        expected,
        `${label}: the table lists as many docs as the bar counts`,
      );
      const unexpected = unexpectedConsoleErrors(SCAN_NOISE);
      assert.equal(
        unexpected.length,
        0,
        `unexpected console errors:\n${describeConsoleErrors(unexpected)}`,
      );
    },
    { name: 'coverage-page-summary', path: '/' },
  ),
);

/**
 * Where the page's pictures go: beside the other test artifacts, or into the
 * README's own pictures with `E2E_README_SCREENSHOTS=1`, so that a test run
 * leaves the working tree as it was unless asked to refresh them.
 */
const PAGE_SCREENSHOTS = process.env.E2E_README_SCREENSHOTS
  ? path.join(PACKAGE_DIR, 'dev', 'screenshots')
  : ARTIFACTS_DIR;

/**
 * How the page lays out at the window's width: text that wraps onto a
 * second line in the table, the rows' heights against one line, cut values
 * without their whole text in a tooltip, whether the table fits, the filter
 * bar's controls' boxes and each section strip's cells.
 */
function pageLayout(page) {
  return page.evaluate(() => {
    const table = document
      .querySelector('a[data-entity-ref]')
      ?.closest('table');
    if (!table) return { error: 'no table with entity rows' };
    const wrapped = [];
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (!node.textContent.trim()) continue;
      range.selectNodeContents(node);
      // A text node that wraps has boxes on more than one line (one cut
      // short by an ellipsis may have two boxes on the same line).
      const tops = [...range.getClientRects()]
        .filter(rect => rect.width > 0)
        .map(rect => rect.top);
      if (tops.length > 0 && Math.max(...tops) - Math.min(...tops) > 4)
        wrapped.push(node.textContent.trim());
    }
    const rows = [...table.querySelectorAll('tbody tr')].filter(row =>
      row.querySelector('a[data-entity-ref]'),
    );
    const cell = rows[0]?.querySelector('td');
    const style = cell ? getComputedStyle(cell) : undefined;
    const lineHeight = style ? parseFloat(style.lineHeight) : NaN;
    const padding = style
      ? parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
      : NaN;
    const heights = rows.map(row => row.getBoundingClientRect().height);
    const cutWithoutTooltip = [...table.querySelectorAll('td *')]
      .filter(
        element =>
          element.scrollWidth > element.clientWidth + 1 &&
          element.clientWidth > 0,
      )
      // The tooltip may sit on the element or on the one around it that cuts it.
      .filter(
        element =>
          !(
            element.closest('td [title]')?.getAttribute('title') ?? ''
          ).includes(element.textContent.trim()),
      )
      .map(element => element.textContent.trim());
    const cutHeaders = [...table.querySelectorAll('thead th span[title]')]
      .filter(element => element.scrollWidth > element.clientWidth + 1)
      .map(element => element.textContent.trim());
    const content = document
      .querySelector('[data-testid="architecture-docs-page"]')
      .getBoundingClientRect();
    const tableBox = table.getBoundingClientRect();
    const filters = [
      ...document.querySelector('[data-testid="coverage-filters"]').children,
    ].map(child => {
      const box = child.getBoundingClientRect();
      return {
        top: box.top,
        bottom: box.bottom,
        text: (child.textContent ?? '').trim().slice(0, 30),
      };
    });
    const strips = [
      ...table.querySelectorAll('[data-testid="section-strip"]'),
    ].map(strip => ({
      role: strip.getAttribute('role'),
      items: [...strip.children].map(item => ({
        role: item.getAttribute('role'),
        name: item.getAttribute('aria-label'),
        title: item.getAttribute('title'),
      })),
    }));
    const sections = document.querySelectorAll(
      '[role="list"][aria-label="Section coverage"] > [role="listitem"]',
    ).length;
    return {
      wrapped,
      rows: rows.length,
      heights,
      lineHeight,
      padding,
      cutWithoutTooltip,
      cutHeaders,
      tableFits:
        tableBox.right <= content.right + 1 &&
        document.documentElement.scrollWidth <= window.innerWidth,
      filters,
      strips,
      sections,
    };
  });
}

/** Checks the page's layout at the window's width; `where` names the width and theme. */
async function assertReadsAtAGlance(page, where) {
  const layout = await pageLayout(page);
  assert.equal(layout.error, undefined, `${where}: ${layout.error}`);
  assert.ok(
    layout.rows >= 10,
    `${where}: the table shows rows (${layout.rows})`,
  );
  assert.deepEqual(
    layout.wrapped,
    [],
    `${where}: no text in the table wraps onto a second line`,
  );
  const tallest = Math.max(...layout.heights);
  assert.ok(
    tallest < 2 * layout.lineHeight + layout.padding,
    `${where}: every row is one line high (tallest ${tallest}px, one line ${layout.lineHeight}px + ${layout.padding}px padding)`,
  );
  // The same height, give or take the rounding of fractional pixels.
  assert.ok(
    tallest - Math.min(...layout.heights) < 1,
    `${where}: every row has the same height: ${layout.heights}`,
  );
  assert.deepEqual(
    layout.cutWithoutTooltip,
    [],
    `${where}: a value cut short has its whole text in its tooltip`,
  );
  assert.deepEqual(
    layout.cutHeaders,
    [],
    `${where}: every column header shows whole`,
  );
  assert.ok(
    layout.tableFits,
    `${where}: the table fits the page without scrolling sideways`,
  );
  const lowestTop = Math.max(...layout.filters.map(box => box.top));
  const highestBottom = Math.min(...layout.filters.map(box => box.bottom));
  assert.ok(
    lowestTop < highestBottom,
    `${where}: the filter bar's controls share one line: ${JSON.stringify(layout.filters)}`,
  );
  assert.ok(
    layout.sections >= 1,
    `${where}: the summary lists the template's sections`,
  );
  assert.ok(
    layout.strips.length > 0,
    `${where}: analysed rows show a section strip`,
  );
  for (const strip of layout.strips) {
    assert.equal(strip.role, 'list');
    assert.equal(
      strip.items.length,
      layout.sections,
      `${where}: a strip has one cell per template section`,
    );
    for (const item of strip.items) {
      assert.equal(item.role, 'listitem');
      assert.match(item.name, /^.+: (present|placeholder|missing)$/);
      assert.equal(
        item.title,
        item.name,
        `${where}: a cell shows its section and status on hover`,
      );
    }
  }
  return layout.sections;
}

const scanFinished = page =>
  page.waitForFunction(
    () =>
      document.querySelector('[data-testid="coverage-progress"]')?.dataset
        .finished === 'true',
    undefined,
    SCAN_TIMEOUT,
  );

test(
  'the catalog-wide page reads at a glance at 1,280 and 1,920 px in both themes, and its owner view filters',
  TEST_TIMEOUT,
  () =>
    withPortal(
      async ({ page, screenshot, unexpectedConsoleErrors }) => {
        let templateSections = 0;
        for (const theme of ['light', 'dark']) {
          // A theme switch draws the page again, which scans again.
          await setTheme(page, theme);
          await scanFinished(page);
          for (const width of [1280, 1920]) {
            await page.setViewportSize({ width, height: 1200 });
            await page.evaluate(
              () =>
                new Promise(resolve =>
                  requestAnimationFrame(() => requestAnimationFrame(resolve)),
                ),
            );
            templateSections = await assertReadsAtAGlance(
              page,
              `${width} px, ${theme} theme`,
            );
            await page.evaluate(() => window.scrollTo(0, 0));
            await page.screenshot({
              path: path.join(
                PAGE_SCREENSHOTS,
                `coverage-page-${width}-${theme}.png`,
              ),
            });
          }
        }

        // The owner view: one row per owner, one cell per section; a cell lists
        // that owner's docs where the section is missing.
        await page.setViewportSize({ width: 1280, height: 1200 });
        await page.getByRole('button', { name: 'By owner' }).click();
        const grid = page.getByRole('table', {
          name: 'Section coverage by owner',
        });
        await grid.waitFor(UI_WAIT);
        // Each row: the owner's header, its count of docs, then a cell per section.
        const cellsPerRow = await grid
          .locator('tbody tr')
          .evaluateAll(rows =>
            rows.map(row => row.querySelectorAll('td').length - 1),
          );
        assert.ok(cellsPerRow.length > 1, 'the owner view has a row per owner');
        assert.deepEqual(
          new Set(cellsPerRow),
          new Set([templateSections]),
          'each owner has one cell per section',
        );
        await screenshot('coverage-page-owners');
        const labels = await grid
          .getByRole('button')
          .evaluateAll(buttons =>
            buttons.map(button => button.getAttribute('aria-label')),
          );
        const label = labels.find(name =>
          /Lists the [1-9]\d* docs where it is missing$/.test(name),
        );
        assert.ok(label, 'some owner misses a section');
        const expected = Number(/Lists the (\d+) docs/.exec(label)[1]);
        const owner = label.slice(0, label.indexOf(', '));
        await grid.getByRole('button', { name: label, exact: true }).click();
        await page.waitForFunction(
          wanted => {
            const params = new URL(location.href).searchParams;
            return params.get('owner') === wanted && params.has('section');
          },
          owner,
          UI_WAIT,
        );
        await page.waitForFunction(
          count =>
            document
              .querySelector('[data-testid="coverage-count"]')
              ?.textContent?.startsWith(`${count} of`),
          expected,
          UI_WAIT,
        );
        assert.equal(
          (await countOf(page)).shown,
          expected,
          `${label}: the table lists as many docs as the cell counts`,
        );
        assert.equal(
          await grid
            .getByRole('button', { name: label, exact: true })
            .getAttribute('aria-pressed'),
          'true',
        );

        const unexpected = unexpectedConsoleErrors(SCAN_NOISE);
        assert.equal(
          unexpected.length,
          0,
          `unexpected console errors:\n${describeConsoleErrors(unexpected)}`,
        );
      },
      { name: 'coverage-page-glance', path: '/architecture-docs' },
    ),
);
