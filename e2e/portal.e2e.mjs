// Smoke test: the dev portal loads in Chromium, and the sample doc server
// answers the portal's origin the way the plugin's fetch needs (CORS, a
// readable ETag, 304 on revalidation, a readable 404).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeConsoleErrors, withPortal } from './harness.mjs';

const COMPLETE_DOC = '/checkout-api/docs/architecture/CheckoutApi.md';
const MISSING_DOC = '/loyalty-points/docs/architecture/LoyaltyPoints.md';
const TIMEOUT = { timeout: 120_000 };

test('should load the dev portal and list the sample entities', TIMEOUT, () =>
  withPortal(
    async ({ page, screenshot, unexpectedConsoleErrors }) => {
      await page
        .getByRole('heading', { name: 'Sample docs', level: 1 })
        .waitFor();
      for (const name of [
        'checkout-api',
        'notification-worker',
        'loyalty-points',
        'receipt-renderer',
      ]) {
        await page
          .getByText(`component:default/${name}`, { exact: true })
          .waitFor();
      }
      const docLink = page.getByRole('link', {
        name: `http://localhost:7008${COMPLETE_DOC}`,
      });
      assert.equal(await docLink.count(), 1);
      await screenshot('portal-sample-docs');
      const unexpected = unexpectedConsoleErrors();
      assert.equal(
        unexpected.length,
        0,
        `console errors:\n${describeConsoleErrors(unexpected)}`,
      );
    },
    { name: 'portal-sample-docs', path: '/sample-docs' },
  ),
);

test(
  'should serve a sample doc to the portal with CORS and ETag revalidation',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, docServerUrl }) => {
        const result = await page.evaluate(async url => {
          // no-store keeps the browser cache out of the way, so the page sees
          // exactly what the server answers to each request.
          const first = await fetch(url, { cache: 'no-store' });
          const body = await first.text();
          const etag = first.headers.get('ETag');
          const second = await fetch(url, {
            cache: 'no-store',
            headers: { 'If-None-Match': etag ?? '' },
          });
          return {
            status: first.status,
            contentType: first.headers.get('Content-Type'),
            etag,
            firstLine: body.split('\n')[0],
            revalidatedStatus: second.status,
            revalidatedEtag: second.headers.get('ETag'),
            revalidatedBodyLength: (await second.text()).length,
          };
        }, `${docServerUrl}${COMPLETE_DOC}`);

        assert.equal(result.status, 200);
        assert.equal(result.contentType, 'text/markdown; charset=utf-8');
        assert.match(
          result.etag ?? '',
          /^"[^"]+"$/,
          'a strong ETag is exposed to the page',
        );
        assert.equal(result.firstLine, '# Checkout API architecture');
        assert.equal(result.revalidatedStatus, 304);
        assert.equal(result.revalidatedEtag, result.etag);
        assert.equal(result.revalidatedBodyLength, 0);
      },
      { name: 'doc-server-cors-etag', path: '/sample-docs' },
    ),
);

test(
  'should let the portal read a 404 for a doc that does not exist',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, docServerUrl }) => {
        const status = await page.evaluate(
          async url => (await fetch(url, { cache: 'no-store' })).status,
          `${docServerUrl}${MISSING_DOC}`,
        );
        assert.equal(status, 404);
      },
      { name: 'doc-server-404', path: '/sample-docs' },
    ),
);
