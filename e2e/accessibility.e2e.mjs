// axe-core on every view of the plugin in the dev portal, in the light and
// the dark theme: the architecture tab in each of its states, the overview
// card, the contract drawer, drawn and invalid Mermaid diagrams, the search
// result items, and the catalog-wide page loaded, filtered, by owner and with
// its further filters open. A critical or serious violation fails the view;
// every count is printed and saved to e2e/screenshots/accessibility.json.
//
// States the sample docs do not produce (sign-in needed, timeout, too large,
// …) are shown on the portal's /hostile page, whose doc URL the test answers
// itself through Playwright's request routing.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import {
  ARTIFACTS_DIR,
  setTheme,
  waitForDiagramsDrawn,
  withPortal,
} from './harness.mjs';
import {
  assertAllWithoutBlockingViolations,
  assertNoBlockingViolations,
  checkAccessibility,
  formatAccessibilityResult,
} from './axe.mjs';

const TIMEOUT = { timeout: 600_000 };
const UI_WAIT = { timeout: 60_000 };

/** The dev portal's own navigation and theme switch are not the plugin's views. */
const PORTAL_CHROME = [
  'nav[aria-label="sidebar nav"]',
  '[data-testid="theme-toggle"]',
];

const TAB = '[data-testid="architecture-doc-content"]';
const tabPath = name => `/catalog/default/component/${name}/architecture`;

/** Where the routed docs of the /hostile cases live; nothing serves it. */
const ROUTED_DOC_BASE = 'http://localhost:7008/accessibility-check';

const results = [];

after(() => {
  if (results.length === 0) return;
  writeFileSync(
    path.join(ARTIFACTS_DIR, 'accessibility.json'),
    `${JSON.stringify(results, null, 2)}\n`,
  );
});

/**
 * Runs axe on the view, records and prints the figures, and fails on a
 * critical or serious violation only after both themes were checked, so that
 * one run gives every figure.
 */
async function check(t, page, label, include) {
  const result = await checkAccessibility(page, label, {
    include,
    exclude: PORTAL_CHROME,
  });
  results.push(result);
  const line = formatAccessibilityResult(result);
  t.diagnostic(line);
  process.stdout.write(`[axe] ${line}\n`);
  return result;
}

/** Client-side navigation, as a link in the app would do it. */
async function navigate(page, target) {
  await page.evaluate(destination => {
    window.history.pushState({}, '', destination);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, target);
}

/** Waits until the tab settled on `state`: a state box's name, or `rendered` for a drawn doc. */
async function waitForTabState(page, state) {
  const handle = await page.waitForFunction(
    () => {
      if (
        document.querySelector(
          '[data-testid="mermaid-diagram"][data-state="loading"]',
        )
      )
        return false;
      const box = document.querySelector(
        '[data-testid="architecture-doc-content"] [data-testid="architecture-doc-state"]',
      );
      const markdown = document.querySelector(
        '[data-testid="architecture-doc-content"] [data-testid="architecture-markdown"]',
      );
      if (box && box.getAttribute('data-state') !== 'loading')
        return box.getAttribute('data-state');
      if (markdown) return 'rendered';
      return box ? 'loading' : false;
    },
    undefined,
    UI_WAIT,
  );
  const reached = await handle.jsonValue();
  if (reached !== state) {
    // A tab still loading may settle on the wanted state shortly.
    await page.waitForFunction(
      wanted => {
        const box = document.querySelector(
          '[data-testid="architecture-doc-content"] [data-testid="architecture-doc-state"]',
        );
        if (wanted === 'rendered')
          return Boolean(
            document.querySelector(
              '[data-testid="architecture-doc-content"] [data-testid="architecture-markdown"]',
            ),
          );
        return box?.getAttribute('data-state') === wanted;
      },
      state,
      UI_WAIT,
    );
  }
}

/**
 * Checks a view in the light theme, then in the dark one, then fails on what
 * either found. `settle` waits for the view after each switch: a theme switch
 * may draw the view again from its loading state.
 */
async function checkBothThemes(
  t,
  page,
  label,
  include,
  settle = async () => {},
) {
  const found = [];
  for (const theme of ['light', 'dark']) {
    await setTheme(page, theme);
    for (const selector of include)
      await page.locator(selector).first().waitFor(UI_WAIT);
    await settle();
    found.push(await check(t, page, `${label} (${theme})`, include));
  }
  for (const result of found) assertNoBlockingViolations(result);
}

/** The entity tabs of the sample docs: each a state of the tab worth checking. */
const SAMPLE_TABS = [
  { name: 'checkout-api', what: 'complete doc, drawn sequence diagram' },
  {
    name: 'payment-gateway',
    what: 'drawn state diagram and the invalid-diagram box',
  },
  { name: 'inventory-service', what: 'missing sections shown in place' },
  { name: 'notification-worker', what: 'placeholder sections' },
  { name: 'fraud-screening', what: 'broken links' },
  { name: 'loyalty-points', what: 'doc not found', state: 'not-found' },
];

test(
  'the architecture tab of every sample doc has no critical or serious axe violation in either theme',
  TIMEOUT,
  t =>
    withPortal(
      async ({ page }) => {
        const problems = [];
        for (const { name, what, state = 'rendered' } of SAMPLE_TABS) {
          await setTheme(page, 'light');
          await navigate(page, tabPath(name));
          await waitForTabState(page, state);
          await waitForDiagramsDrawn(page);
          const settle = async () => {
            await waitForTabState(page, state);
            await waitForDiagramsDrawn(page);
          };
          await checkBothThemes(
            t,
            page,
            `tab ${name}: ${what}`,
            [TAB],
            settle,
          ).catch(error => problems.push(error.message));
        }
        assert.deepEqual(problems, []);
      },
      { name: 'accessibility-tabs', path: '/sample-docs' },
    ),
);

/** Answers for the routed doc URL of each state the sample docs do not produce. */
const ROUTED_STATES = [
  { state: 'sign-in-needed', answer: { status: 401, body: 'Unauthorized' } },
  { state: 'failed', answer: { status: 500, body: 'Internal error' } },
  { state: 'empty', answer: { status: 200, body: '' } },
  {
    state: 'too-large',
    answer: { status: 200, body: `# Big\n\n${'word '.repeat(240_000)}\n` },
  },
  {
    state: 'unexpected-content',
    answer: {
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Sign in</title><form></form>',
    },
  },
  {
    state: 'rendered',
    label: 'not an architecture doc',
    answer: {
      status: 200,
      body: '# Meeting notes\n\nWe met and talked about [the plan](./plan.md).\n',
    },
  },
  { state: 'timeout', answer: 'never' },
];

test(
  'the architecture tab in its error, empty, loading and other states has no critical or serious axe violation in either theme',
  TIMEOUT,
  t =>
    withPortal(
      async ({ page }) => {
        const problems = [];
        const release = [];
        await page.route(`${ROUTED_DOC_BASE}/**`, async route => {
          const name = new URL(route.request().url()).pathname.split('/')[2];
          const answer =
            name === 'loading'
              ? 'held'
              : ROUTED_STATES.find(
                  entry =>
                    entry.state === name ||
                    entry.label?.replace(/ /g, '-') === name,
                )?.answer;
          if (answer === 'never') return;
          if (answer === 'held') {
            await new Promise(resolve => release.push(resolve));
            await route.fulfill({
              status: 200,
              contentType: 'text/markdown',
              body: '# Loaded\n',
              headers: { 'Access-Control-Allow-Origin': '*' },
            });
            return;
          }
          if (!answer) {
            await route.fulfill({
              status: 404,
              body: 'Not found',
              headers: { 'Access-Control-Allow-Origin': '*' },
            });
            return;
          }
          await route.fulfill({
            status: answer.status,
            contentType: answer.contentType ?? 'text/markdown; charset=utf-8',
            body: answer.body,
            headers: { 'Access-Control-Allow-Origin': '*' },
          });
        });

        const cases = [
          { state: 'no-annotation', doc: '' },
          { state: 'loading', doc: `${ROUTED_DOC_BASE}/loading/Doc.md` },
          // A relative path on an entity without a catalog location cannot be resolved.
          { state: 'invalid-location', doc: './docs/architecture/Doc.md' },
          ...ROUTED_STATES.map(entry => ({
            state: entry.state,
            label: entry.label,
            doc: `${ROUTED_DOC_BASE}/${entry.label?.replace(/ /g, '-') ?? entry.state}/Doc.md`,
          })),
        ];
        for (const { state, label = state, doc } of cases) {
          await setTheme(page, 'light');
          await navigate(page, `/hostile?doc=${encodeURIComponent(doc)}`);
          if (state === 'loading') {
            await page
              .locator(
                `${TAB} [data-testid="architecture-doc-state"][data-state="loading"]`,
              )
              .waitFor(UI_WAIT);
          } else {
            await waitForTabState(page, state);
          }
          if (label === 'not an architecture doc') {
            await page
              .locator(`${TAB} [data-state="not-architecture-doc"]`)
              .waitFor(UI_WAIT);
          }
          const settle = async () => {
            if (state === 'loading') {
              await page
                .locator(
                  `${TAB} [data-testid="architecture-doc-state"][data-state="loading"]`,
                )
                .waitFor(UI_WAIT);
            } else {
              await waitForTabState(page, state);
            }
          };
          await checkBothThemes(t, page, `tab: ${label}`, [TAB], settle).catch(
            error => problems.push(error.message),
          );
          release.splice(0).forEach(resolve => resolve());
        }
        assert.deepEqual(problems, []);
      },
      { name: 'accessibility-tab-states', path: '/sample-docs' },
    ),
);

test(
  'the overview card and the contract drawer have no critical or serious axe violation in either theme',
  TIMEOUT,
  t =>
    withPortal(
      async ({ page, docServerUrl }) => {
        const problems = [];
        const card = '[data-testid="architecture-doc-card"]';
        await page.locator(`${card}[data-state="loaded"]`).waitFor(UI_WAIT);
        await checkBothThemes(t, page, 'overview card: checkout-api', [
          card,
        ]).catch(error => problems.push(error.message));

        await navigate(page, tabPath('checkout-api'));
        await waitForTabState(page, 'rendered');
        const contractUrl = `${docServerUrl}/checkout-api/docs/contracts/CheckoutSessionContract.md`;
        const drawer = '[data-testid="contract-drawer"]';
        // The drawer is modal: the theme is switched while it is closed.
        const found = [];
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await page
            .locator(
              `[data-testid="contracts-list"] [data-url="${contractUrl}"]`,
            )
            .click();
          await page
            .locator(`${drawer} [data-testid="architecture-markdown"] h1`)
            .waitFor(UI_WAIT);
          found.push(
            await check(t, page, `contract drawer: open (${theme})`, [drawer]),
          );
          await page.keyboard.press('Escape');
          await page
            .locator(drawer)
            .waitFor({ state: 'hidden', timeout: 10_000 });
        }
        for (const result of found) {
          try {
            assertNoBlockingViolations(result);
          } catch (error) {
            problems.push(error.message);
          }
        }
        assert.deepEqual(problems, []);
      },
      {
        name: 'accessibility-card-drawer',
        path: '/catalog/default/component/checkout-api',
      },
    ),
);

test(
  'the search result items have no critical or serious axe violation in either theme',
  TIMEOUT,
  t =>
    withPortal(
      async ({ page }) => {
        const item = '[data-testid="architecture-doc-search-result"]';
        await page.locator(item).nth(2).waitFor(UI_WAIT);
        await checkBothThemes(t, page, 'search result items', [item]);
      },
      { name: 'accessibility-search-results', path: '/search-result-samples' },
    ),
);

test(
  'the catalog-wide page, loaded and filtered, has no critical or serious axe violation in either theme',
  TIMEOUT,
  t =>
    withPortal(
      async ({ page }) => {
        // The page's whole view: the plugin renders the header too.
        const view = ['body'];
        const scanFinished = () =>
          page.waitForFunction(
            () =>
              document.querySelector('[data-testid="coverage-progress"]')
                ?.dataset.finished === 'true',
            undefined,
            { timeout: 420_000 },
          );
        const found = [];
        // A theme switch draws the page again, which scans again: each theme
        // is checked loaded, then filtered.
        for (const theme of ['light', 'dark']) {
          await setTheme(page, theme);
          await navigate(page, '/architecture-docs');
          await scanFinished();
          found.push(
            await check(t, page, `catalog-wide page: loaded (${theme})`, view),
          );

          const summary = page.getByRole('list', { name: 'Section coverage' });
          await summary.getByRole('button').first().click();
          await page.waitForFunction(() =>
            new URL(location.href).searchParams.has('section'),
          );
          await page.getByTestId('coverage-search').fill('a');
          await page.waitForFunction(
            () => new URL(location.href).searchParams.get('q') === 'a',
          );
          await scanFinished();
          found.push(
            await check(
              t,
              page,
              `catalog-wide page: filtered (${theme})`,
              view,
            ),
          );

          await page.getByRole('button', { name: 'By owner' }).click();
          await page
            .getByRole('table', { name: 'Section coverage by owner' })
            .waitFor(UI_WAIT);
          found.push(
            await check(
              t,
              page,
              `catalog-wide page: coverage by owner (${theme})`,
              view,
            ),
          );
          await page.getByRole('button', { name: 'More filters' }).click();
          await page
            .getByRole('dialog', { name: 'More filters' })
            .waitFor(UI_WAIT);
          // The panel fades in; its colours are checked once it is opaque.
          await page.waitForFunction(
            () =>
              getComputedStyle(
                document.querySelector(
                  '[role="dialog"][aria-label="More filters"]',
                ),
              ).opacity === '1',
            undefined,
            UI_WAIT,
          );
          found.push(
            await check(
              t,
              page,
              `catalog-wide page: more filters open (${theme})`,
              view,
            ),
          );
          await page.keyboard.press('Escape');
          await page
            .getByRole('dialog', { name: 'More filters' })
            .waitFor({ state: 'hidden', timeout: 10_000 });
          await page.getByRole('button', { name: 'By section' }).click();
        }
        assertAllWithoutBlockingViolations(found);
      },
      { name: 'accessibility-page', path: '/architecture-docs' },
    ),
);
