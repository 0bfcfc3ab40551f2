// Backend mode: the dev portal with the dev backend (backend/dev/index.ts)
// and `architectureDocs.source: auto`. The catalog-wide page's rows and the
// entity tab's doc come from the backend's index; the browser fetches no doc
// from the doc host. Run by `npm run test:e2e` against a portal started with
// the backend (files named backend-*.e2e.mjs).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEV_GENERATED_COMPONENTS,
  DEV_INDEX_TIMEOUT_MS,
  describeConsoleErrors,
  waitForDevBackendIndex,
  withPortal,
} from './harness.mjs';

const API_PATH = '/api/architecture-docs';
const TEST_TIMEOUT = { timeout: DEV_INDEX_TIMEOUT_MS + 240_000 };
const UI_WAIT = { timeout: 60_000 };
const ENTITY = {
  kind: 'component',
  namespace: 'default',
  name: 'checkout-api',
};

/** Records every request the page makes, by URL. */
function recordRequests(page) {
  const urls = [];
  page.on('request', request => urls.push(request.url()));
  return urls;
}

test(
  'the catalog-wide page shows rows from the backend and fetches no doc',
  TEST_TIMEOUT,
  () =>
    withPortal(
      async ({
        page,
        open,
        backendUrl,
        docServerUrl,
        screenshot,
        unexpectedConsoleErrors,
      }) => {
        await waitForDevBackendIndex(backendUrl);
        const requests = recordRequests(page);
        // Every page of rows the backend answers (the view may ask again,
        // e.g. once its summary has loaded).
        const coverageBodies = [];
        page.on('response', response => {
          const url = response.url();
          if (
            url.startsWith(`${backendUrl}${API_PATH}/coverage`) &&
            !url.includes('/coverage/') &&
            response.ok()
          )
            coverageBodies.push(response.json().catch(() => ({ rows: [] })));
        });
        const coverageAnswer = page.waitForResponse(
          response =>
            response.url().startsWith(`${backendUrl}${API_PATH}/coverage`) &&
            !response.url().includes('/coverage/'),
          UI_WAIT,
        );
        await open('/architecture-docs');
        const answer = await coverageAnswer;
        assert.equal(answer.status(), 200);
        const body = await answer.json();
        assert.ok(
          body.totalCount >= DEV_GENERATED_COMPONENTS,
          `the backend lists the generated catalog, got ${body.totalCount}`,
        );
        assert.ok(body.indexedAt, 'the answer says when it was indexed');

        // The rows shown are rows the backend answered.
        await page.locator('a[data-entity-ref]').first().waitFor(UI_WAIT);
        const shown = await page
          .locator('a[data-entity-ref]')
          .evaluateAll(links => links.map(link => link.dataset.entityRef));
        const answered = new Set(
          (await Promise.all(coverageBodies)).flatMap(answerBody =>
            answerBody.rows.map(row => row.entityRef),
          ),
        );
        assert.ok(shown.length > 0);
        assert.deepEqual(
          shown.filter(ref => !answered.has(ref)),
          [],
          'every row shown came in the backend answer',
        );

        // When the data was indexed: "Indexed now" right after the cycle the
        // test started, "Indexed 3 minutes ago" later.
        await page
          .getByText(/^Indexed (now|.+ ago)$/i)
          .first()
          .waitFor(UI_WAIT);
        await screenshot('backend-mode-coverage');

        assert.deepEqual(
          requests.filter(url => url.startsWith(`${docServerUrl}/`)),
          [],
          'the browser fetched nothing from the doc host',
        );
        const unexpected = unexpectedConsoleErrors();
        assert.equal(
          unexpected.length,
          0,
          `console errors:\n${describeConsoleErrors(unexpected)}`,
        );
      },
      { name: 'backend-mode-coverage', backend: true },
    ),
);

test(
  'the entity tab renders the doc the backend read, without fetching it',
  TEST_TIMEOUT,
  () =>
    withPortal(
      async ({ page, open, backendUrl, docServerUrl, screenshot }) => {
        await waitForDevBackendIndex(backendUrl);
        const requests = recordRequests(page);
        const entityPath = `${ENTITY.kind}/${ENTITY.namespace}/${ENTITY.name}`;
        const docAnswer = page.waitForResponse(
          response =>
            response.url() ===
            `${backendUrl}${API_PATH}/entities/${entityPath}`,
          UI_WAIT,
        );
        await open(
          `/catalog/${ENTITY.namespace}/${ENTITY.kind}/${ENTITY.name}/architecture`,
        );
        const answer = await docAnswer;
        assert.equal(answer.status(), 200);
        const body = await answer.json();
        assert.equal(
          body.entityRef,
          `${ENTITY.kind}:${ENTITY.namespace}/${ENTITY.name}`,
        );
        assert.equal(typeof body.source, 'string');

        await page
          .getByRole('heading', { name: 'Checkout API architecture' })
          .waitFor(UI_WAIT);
        await page
          .getByRole('heading', { name: 'Purpose' })
          .first()
          .waitFor(UI_WAIT);
        await screenshot('backend-mode-entity-tab');

        // Images and diagrams the doc embeds may come from its host; the doc
        // itself (markdown) must not.
        assert.deepEqual(
          requests.filter(
            url =>
              url.startsWith(`${docServerUrl}/`) && /\.md(?:[?#]|$)/i.test(url),
          ),
          [],
          'the browser fetched no markdown from the doc host',
        );
      },
      { name: 'backend-mode-entity-tab', backend: true },
    ),
);
