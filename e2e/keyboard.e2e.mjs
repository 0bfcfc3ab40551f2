// The plugin's views driven with the keyboard alone: Tab, Shift+Tab, Enter,
// Space, arrow keys and Escape, no mouse. Every element the keyboard reaches
// inside a view must show a focus indicator (an outline or a box shadow).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ARTIFACTS_DIR, waitForDiagramsDrawn, withPortal } from './harness.mjs';

const TIMEOUT = { timeout: 600_000 };
const UI_WAIT = { timeout: 60_000 };
/** Enough Tab presses to cross the portal's sidebar and any view. */
const MAX_TABS = 400;

/** The plugin's views; focus outside them (the portal's sidebar) is not checked. */
const VIEWS = [
  '[data-testid="architecture-doc-content"]',
  '[data-testid="architecture-doc-card"]',
  '[data-testid="contract-drawer"]',
  '[data-testid="architecture-docs-page"]',
].join(', ');

/**
 * What the focused element is, and whether it shows that it has focus: a
 * visible outline or a box shadow, on it or, for a native input, on the
 * control around it.
 */
function describeFocus(page) {
  return page.evaluate(views => {
    const element = document.activeElement;
    if (!element || element === document.body) return { none: true };
    const style = getComputedStyle(element);
    const outline =
      style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    const shadow = style.boxShadow !== 'none';
    return {
      none: false,
      inView: Boolean(element.closest(views)),
      indicated: outline || shadow,
      tag: element.tagName.toLowerCase(),
      role: element.getAttribute('role'),
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '')
        .trim()
        .slice(0, 80),
      sectionId: element.getAttribute('data-section-id'),
      id: element.id,
      href: element.getAttribute('href'),
      url: element.getAttribute('data-url'),
      testId:
        element.closest('[data-testid]')?.getAttribute('data-testid') ?? null,
    };
  }, VIEWS);
}

/**
 * Presses Tab (or Shift+Tab) until `wanted(focus)` holds, checking the focus
 * indicator of every element reached inside a view on the way.
 */
async function tabTo(page, wanted, what, { backwards = false } = {}) {
  const unmarked = [];
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focus = await describeFocus(page);
    if (focus.none) continue;
    if (focus.inView && !focus.indicated)
      unmarked.push(`${focus.tag}[role=${focus.role}] "${focus.name}"`);
    if (wanted(focus)) {
      assert.deepEqual(
        unmarked,
        [],
        `elements focused on the way to ${what} show no focus indicator`,
      );
      return focus;
    }
  }
  throw new Error(`${what} was not reached within ${MAX_TABS} Tab presses`);
}

async function assertFocusIndicated(page, what) {
  const focus = await describeFocus(page);
  assert.equal(focus.none, false, `${what} has focus`);
  assert.ok(
    focus.indicated,
    `${what} shows a focus indicator: ${JSON.stringify(focus)}`,
  );
  return focus;
}

const tabPath = name => `/catalog/default/component/${name}/architecture`;

test(
  'keyboard: Tab to the section checklist, Enter scrolls to the section and moves focus there',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page }) => {
        await page
          .locator('[data-testid="architecture-markdown"]')
          .waitFor(UI_WAIT);
        // A diagram drawn after the scroll would push the section away.
        await waitForDiagramsDrawn(page);
        const checklist = page.locator('[data-testid="section-checklist"]');
        const missingIds = await checklist
          .locator('[data-status="missing"]')
          .evaluateAll(items =>
            items.map(item => item.getAttribute('data-section-id')),
          );
        const targetId = missingIds[missingIds.length - 1];
        assert.ok(targetId, 'the incomplete sample doc has a missing section');
        await page.evaluate(() => window.scrollTo(0, 0));

        const reached = await tabTo(
          page,
          focus => focus.sectionId === targetId,
          `the checklist item ${targetId}`,
        );
        assert.equal(reached.role, 'button');
        await page.keyboard.press('Enter');

        const calloutId = `missing-${targetId}`;
        await page.waitForFunction(
          id => {
            const element = document.getElementById(id);
            if (!element || document.activeElement !== element) return false;
            const box = element.getBoundingClientRect();
            return box.top >= 0 && box.bottom <= window.innerHeight;
          },
          calloutId,
          { timeout: 10_000 },
        );
        const focus = await assertFocusIndicated(
          page,
          `the callout of ${targetId}`,
        );
        assert.equal(focus.id, calloutId);
        assert.equal(new URL(page.url()).hash, `#${calloutId}`);
      },
      { name: 'keyboard-checklist', path: tabPath('inventory-service') },
    ),
);

test(
  'keyboard: a contract opens in the drawer, Escape closes it and focus returns to the link',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, docServerUrl }) => {
        await page
          .locator('[data-testid="architecture-markdown"]')
          .waitFor(UI_WAIT);
        const contractUrl = `${docServerUrl}/checkout-api/docs/contracts/CheckoutSessionContract.md`;
        await tabTo(
          page,
          focus => focus.url === contractUrl,
          'the contract link',
        );
        await page.keyboard.press('Enter');

        const drawer = page.locator('[data-testid="contract-drawer"]');
        await drawer
          .locator('[data-testid="architecture-markdown"] h1')
          .waitFor(UI_WAIT);
        const focusInDrawer = await page.evaluate(
          () =>
            document
              .querySelector('[data-testid="contract-drawer"]')
              ?.parentElement?.contains(document.activeElement) ?? false,
        );
        assert.equal(focusInDrawer, true, 'focus moved into the drawer');
        // Focus stays in the drawer while it is open.
        await tabTo(
          page,
          focus => focus.tag === 'button' && /close/i.test(focus.name),
          'the close button',
        );

        await page.keyboard.press('Escape');
        await drawer.waitFor({ state: 'hidden', timeout: 10_000 });
        await page.waitForFunction(
          url => document.activeElement?.getAttribute('data-url') === url,
          contractUrl,
          { timeout: 10_000 },
        );
        await assertFocusIndicated(
          page,
          'the contract link after the drawer closed',
        );
      },
      { name: 'keyboard-contract-drawer', path: tabPath('checkout-api') },
    ),
);

/** Opens the focused select with the keyboard and picks the option at `index` (0 = "Any"). */
async function pickOption(page, index) {
  await page.keyboard.press('Enter');
  const listbox = page.getByRole('listbox');
  await listbox.waitFor(UI_WAIT);
  // The menu opens with its selected option focused; Home goes to the first.
  await page.keyboard.press('Home');
  for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
  const option = (
    await page.evaluate(() => document.activeElement?.textContent ?? '')
  ).trim();
  await page.keyboard.press('Enter');
  await listbox.waitFor({ state: 'hidden', timeout: 10_000 });
  return option;
}

test(
  'keyboard: on the catalog-wide page filter by owner and section, sort, move through the table, export CSV and open an entity',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page }) => {
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="coverage-progress"]')?.dataset
              .finished === 'true',
          undefined,
          { timeout: 420_000 },
        );

        await tabTo(
          page,
          focus => focus.testId === 'filter-owner' && focus.role === 'button',
          'the owner filter',
        );
        const owner = await pickOption(page, 1);
        await page.waitForFunction(
          wanted => new URL(location.href).searchParams.get('owner') === wanted,
          owner,
          UI_WAIT,
        );
        await assertFocusIndicated(page, 'the owner filter after picking');

        await tabTo(
          page,
          focus => focus.testId === 'filter-section' && focus.role === 'button',
          'the section filter',
        );
        const section = await pickOption(page, 1);
        await page.waitForFunction(
          () => new URL(location.href).searchParams.has('section'),
          undefined,
          UI_WAIT,
        );
        assert.ok(section.length > 0, 'a section was picked');
        await assertFocusIndicated(page, 'the section filter after picking');
        // Docs that have the section, so that the view keeps rows to move through.
        await tabTo(
          page,
          focus =>
            focus.testId === 'filter-section-status' && focus.role === 'button',
          'the section status filter',
        );
        const countText = () =>
          page.getByTestId('coverage-count').textContent();
        const missingCount = await countText();
        assert.equal(await pickOption(page, 2), 'present');
        await page.waitForFunction(
          () =>
            new URL(location.href).searchParams.get('sectionStatus') ===
            'present',
          undefined,
          UI_WAIT,
        );
        // The table follows the filters a moment after the address does.
        await page.waitForFunction(
          before =>
            document.querySelector('[data-testid="coverage-count"]')
              ?.textContent !== before,
          missingCount,
          UI_WAIT,
        );

        // Back up to the table's Export button, which comes before the rows.
        const exported = await tabTo(
          page,
          focus => focus.tag === 'button' && /export csv/i.test(focus.name),
          'Export CSV',
        );
        assert.ok(exported);
        const shown = Number(/^(\d+) of/.exec((await countText()) ?? '')?.[1]);
        assert.ok(shown > 0, 'the filtered view has rows');
        const [download] = await Promise.all([
          page.waitForEvent('download', UI_WAIT),
          page.keyboard.press('Enter'),
        ]);
        const csvPath = path.join(ARTIFACTS_DIR, 'keyboard-export.csv');
        await download.saveAs(csvPath);
        const lines = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/);
        assert.equal(
          lines.length - 1,
          shown,
          'the CSV holds the rows of the filtered view',
        );

        const sortHeader = await tabTo(
          page,
          focus => focus.role === 'button' && /^score/i.test(focus.name),
          'the Score column header',
        );
        assert.ok(sortHeader);
        await page.keyboard.press('Enter');
        await page.waitForFunction(
          () => new URL(location.href).searchParams.get('sort') === 'score',
          undefined,
          UI_WAIT,
        );
        await assertFocusIndicated(
          page,
          'the Score column header after sorting',
        );

        // Through the rows: each entity link in turn takes focus.
        const first = await tabTo(
          page,
          focus => focus.tag === 'a' && focus.href?.startsWith('/catalog/'),
          'the first row',
        );
        const second = await tabTo(
          page,
          focus =>
            focus.tag === 'a' &&
            focus.href?.startsWith('/catalog/') &&
            focus.href !== first.href,
          'the second row',
        );
        await tabTo(
          page,
          focus => focus.href === first.href,
          'the first row again',
          { backwards: true },
        );

        await page.keyboard.press('Enter');
        await page.waitForURL(
          url => new URL(url).pathname === first.href,
          UI_WAIT,
        );
        assert.notEqual(first.href, second.href);
      },
      { name: 'keyboard-coverage-page', path: '/architecture-docs' },
    ),
);
