// Diagram nodes as catalog links, in a real browser against the sample docs:
// a node of a catalog entity in a sequence, a flowchart and a C4 diagram
// leads to the entity in both themes, the keyboard reaches and follows one,
// the hover card names the entity, and a diagram's own `click` directives do
// nothing.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  KNOWN_CONSOLE_NOISE,
  PACKAGE_DIR,
  describeConsoleErrors,
  setTheme,
  waitForDiagramsDrawn,
  withPortal,
} from './harness.mjs';

const TIMEOUT = { timeout: 600_000 };
/** A point inside every sample node's box, clear of edges drawn across it. */
const INSIDE_CORNER = { x: 12, y: 12 };
const UI_WAIT = { timeout: 60_000 };
const MAX_TABS = 400;

const tabPath = name => `/catalog/default/component/${name}/architecture`;

function sampleDoc(relativePath) {
  return readFileSync(
    path.join(PACKAGE_DIR, 'dev', 'sample-docs', relativePath),
    'utf8',
  );
}

/** The first line of each mermaid fence of a sample doc, in doc order. */
function diagramKinds(markdown) {
  return Array.from(markdown.matchAll(/^```mermaid\n(.*)$/gm), m => m[1]);
}

const CHECKOUT_DOC = sampleDoc('checkout-api/docs/architecture/CheckoutApi.md');
const FRAUD_DOC = sampleDoc(
  'fraud-screening/docs/architecture/FraudScreening.md',
);

/**
 * The nodes clicked: the doc, which of its diagrams, the participant's
 * entity title and owner (dev/sample-catalog.ts), and where the click lands (the entity's architecture
 * tab, as each has a doc).
 */
const NODES = [
  {
    kind: 'sequence',
    doc: 'checkout-api',
    diagram: 0,
    title: 'Inventory service',
    owner: 'team-checkout',
    target: tabPath('inventory-service'),
  },
  {
    kind: 'flowchart',
    doc: 'fraud-screening',
    diagram: 0,
    title: 'Payment gateway',
    owner: 'team-payments',
    target: tabPath('payment-gateway'),
  },
  {
    kind: 'C4',
    doc: 'checkout-api',
    diagram: 1,
    title: 'Tax calculator',
    owner: 'team-checkout',
    target: tabPath('tax-calculator'),
  },
];

/** The fraud-screening sample doc links files that do not exist, on purpose. */
const FRAUD_SAMPLE_BROKEN_LINKS = ({ text, url }) =>
  /status of 404/.test(text) && /\/fraud-screening\//.test(url ?? text);

function assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors) {
  const unexpected = unexpectedConsoleErrors([
    ...KNOWN_CONSOLE_NOISE,
    FRAUD_SAMPLE_BROKEN_LINKS,
  ]);
  assert.equal(
    unexpected.length,
    0,
    `unexpected console errors:\n${describeConsoleErrors(unexpected)}`,
  );
}

/** The link a diagram's node of `title` became, once the catalog answered. */
function nodeLink(page, diagram, title) {
  return page
    .locator('[data-testid="mermaid-diagram"]')
    .nth(diagram)
    .getByRole('link', { name: `${title} (Component) in the catalog` });
}

test('the sample docs have the diagrams these tests click', () => {
  assert.deepEqual(diagramKinds(CHECKOUT_DOC), [
    'sequenceDiagram',
    'C4Context',
  ]);
  assert.deepEqual(diagramKinds(FRAUD_DOC), ['flowchart LR', 'flowchart TD']);
  assert.match(FRAUD_DOC, /click R href "https:/);
  assert.match(FRAUD_DOC, /click S href "javascript:/);
});

for (const theme of ['light', 'dark']) {
  test(
    `a node of a sequence, a flowchart and a C4 diagram leads to its entity in the ${theme} theme`,
    TIMEOUT,
    () =>
      withPortal(
        async ({ page, open, screenshot, unexpectedConsoleErrors }) => {
          await setTheme(page, theme);
          for (const node of NODES) {
            await open(tabPath(node.doc));
            await waitForDiagramsDrawn(page);
            const link = nodeLink(page, node.diagram, node.title);
            await link.waitFor(UI_WAIT);
            await link.scrollIntoViewIfNeeded();

            // Marked: a pointer and the theme's primary colour on its outline.
            const mark = await link.evaluate(element => {
              const shape = element.querySelector('rect, path, polygon');
              return {
                cursor: getComputedStyle(element).cursor,
                strokeWidth: shape
                  ? parseFloat(getComputedStyle(shape).strokeWidth)
                  : 0,
              };
            });
            assert.equal(mark.cursor, 'pointer', `${node.kind}: pointer`);
            assert.ok(
              mark.strokeWidth >= 2,
              `${node.kind}: the node's outline is marked (${mark.strokeWidth}px)`,
            );

            // Near the node's corner: in C4 diagrams an edge may cross its middle.
            await link.hover({ position: INSIDE_CORNER });
            const card = page.getByTestId('diagram-entity-card');
            await card.waitFor(UI_WAIT);
            const cardText = await card.textContent();
            for (const fact of [
              node.title,
              'Component',
              node.owner,
              'production',
            ])
              assert.ok(
                cardText.includes(fact),
                `${node.kind}: the card says "${fact}": ${cardText}`,
              );
            await screenshot(`diagram-links-${node.kind}-${theme}`);

            await link.click({ position: INSIDE_CORNER });
            await page.waitForURL(url => url.pathname === node.target, UI_WAIT);
            await page
              .locator('[data-testid="architecture-markdown"] h1')
              .waitFor(UI_WAIT);
          }
          assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
        },
        { name: `diagram-links-${theme}`, path: '/sample-docs' },
      ),
  );
}

test(
  'the keyboard reaches a diagram node link and follows it with Enter',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, unexpectedConsoleErrors }) => {
        await waitForDiagramsDrawn(page, 2);
        const link = nodeLink(page, 0, 'Inventory service');
        await link.waitFor(UI_WAIT);
        await page.evaluate(() => window.scrollTo(0, 0));
        let reached;
        for (let presses = 0; presses < MAX_TABS && !reached; presses += 1) {
          await page.keyboard.press('Tab');
          reached = await page.evaluate(() => {
            const element = document.activeElement;
            if (element?.getAttribute('role') !== 'link') return undefined;
            if (!element.closest('[data-testid="mermaid-diagram"]'))
              return undefined;
            if (
              element.getAttribute('data-entity-ref') !==
              'component:default/inventory-service'
            )
              return undefined;
            const style = getComputedStyle(element);
            return {
              ref: element.getAttribute('data-entity-ref'),
              outlined:
                style.outlineStyle !== 'none' &&
                parseFloat(style.outlineWidth) >= 1,
            };
          });
        }
        assert.ok(reached, "Tab reaches the Inventory service node's link");
        assert.ok(reached.outlined, 'the focused node shows a focus outline');
        assert.equal(
          await page.getByTestId('diagram-entity-card').count(),
          1,
          'focus shows the entity card',
        );
        await page.keyboard.press('Enter');
        await page.waitForURL(
          url => url.pathname === tabPath('inventory-service'),
          UI_WAIT,
        );
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      { name: 'diagram-links-keyboard', path: tabPath('checkout-api') },
    ),
);

test("a diagram's own click directives do nothing", TIMEOUT, () =>
  withPortal(
    async ({ page, context, unexpectedConsoleErrors }) => {
      await waitForDiagramsDrawn(page, 2);
      const rules = page.locator('[data-testid="mermaid-diagram"]').nth(1);
      assert.equal(
        await rules.getAttribute('data-state'),
        'rendered',
        `the rules diagram is drawn: ${await rules.textContent()}`,
      );
      const dialogs = [];
      page.on('dialog', dialog => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => {});
      });
      const pages = [];
      context.on('page', opened => pages.push(opened.url()));
      const before = page.url();

      const links = await rules.evaluate(element =>
        Array.from(element.querySelectorAll('a'), a =>
          a.getAttributeNames().filter(name => /href|target/i.test(name)),
        ),
      );
      assert.ok(links.length >= 2, 'Mermaid drew the directives as links');
      assert.deepEqual(
        links.flat(),
        [],
        'no link the diagram drew keeps a target',
      );

      for (const label of ['Score request', 'Collect signals']) {
        await rules.getByText(label, { exact: true }).click();
      }
      await page.waitForTimeout(1000);
      assert.equal(page.url(), before, 'the page stays where it was');
      assert.deepEqual(pages, [], 'no page or tab opened');
      assert.deepEqual(dialogs, [], 'no script ran');
      assert.equal(
        await rules.getByRole('link').count(),
        0,
        'the rules diagram names no catalog entity, so it has no links',
      );
      assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
    },
    {
      name: 'diagram-links-click-directives',
      path: tabPath('fraud-screening'),
    },
  ),
);
