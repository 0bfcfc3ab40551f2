// Backend mode: the dev portal's search page (dev/DevSearchPage.tsx) asks
// the dev backend's search API, whose index the plugin's collator fills from
// the backend's store. A word of a served doc finds the doc, and its result
// item leads to the entity's architecture tab. Run by `npm run test:e2e`
// against a portal started with the backend (files named backend-*.e2e.mjs).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import {
  DEV_INDEX_TIMEOUT_MS,
  describeConsoleErrors,
  waitForDevBackendIndex,
  withPortal,
} from './harness.mjs';

/** The collator rebuilds the search index each minute in development (app-config.yaml). */
const SEARCH_TIMEOUT_MS = 240_000;
const TEST_TIMEOUT = {
  timeout: DEV_INDEX_TIMEOUT_MS + SEARCH_TIMEOUT_MS + 120_000,
};
const UI_WAIT = { timeout: 60_000 };

/**
 * A word of the sample doc's text that its catalog entry does not hold, so
 * only the doc's search document can match it. The generated components'
 * docs are copies of the sample docs under their own titles: the query adds
 * the doc's title words, so that the sample doc ranks on the first page.
 */
const SEARCH_WORD = 'shopper';
const QUERY = `${SEARCH_WORD} inventory service architecture`;
const DOC_TITLE = 'Inventory service architecture';
const TAB_PATH = '/catalog/default/component/inventory-service/architecture';
const RESULT = '[data-testid="architecture-doc-search-result"]';

test(
  'the search page finds a served doc by a word of its text and leads to its tab',
  TEST_TIMEOUT,
  () =>
    withPortal(
      async ({
        page,
        open,
        backendUrl,
        screenshot,
        unexpectedConsoleErrors,
      }) => {
        await waitForDevBackendIndex(backendUrl);
        const titleLink = page.getByRole('link', {
          name: DOC_TITLE,
          exact: true,
        });
        const result = page.locator(RESULT).filter({ has: titleLink });
        // The collator may not have run since the docs were analysed: ask
        // again until the index has the doc.
        const deadline = Date.now() + SEARCH_TIMEOUT_MS;
        let found = false;
        while (!found && Date.now() < deadline) {
          await open(`/search?query=${encodeURIComponent(QUERY)}`);
          found = await result
            .waitFor({ timeout: 15_000 })
            .then(() => true)
            .catch(() => false);
          if (!found) await delay(10_000);
        }
        assert.ok(
          found,
          `the search page listed no "${DOC_TITLE}" for "${QUERY}" within ${SEARCH_TIMEOUT_MS / 1000}s`,
        );
        // The item says what the plugin's index knows of the doc.
        await result
          .getByText('component:default/inventory-service')
          .first()
          .waitFor(UI_WAIT);
        await result.getByText(SEARCH_WORD).first().waitFor(UI_WAIT);
        await result
          .getByText(/Security and compliance/)
          .first()
          .waitFor(UI_WAIT);
        await screenshot('backend-search');

        await result
          .getByRole('link', { name: DOC_TITLE, exact: true })
          .click();
        await page.waitForURL(url => url.pathname === TAB_PATH, UI_WAIT);
        await page
          .locator('[data-testid="architecture-doc-content"]')
          .getByRole('heading', { name: DOC_TITLE })
          .first()
          .waitFor(UI_WAIT);

        const unexpected = unexpectedConsoleErrors();
        assert.equal(
          unexpected.length,
          0,
          `console errors:\n${describeConsoleErrors(unexpected)}`,
        );
      },
      { name: 'backend-search', backend: true },
    ),
);
