// The architecture tab and overview card in a real browser, against the dev
// portal's sample entities (dev/sample-catalog.ts) and the docs the sample doc
// server serves from dev/sample-docs.
//
// Expected texts (titles, diagram sources) are read from the sample docs
// themselves, so a change to a sample doc cannot leave a test checking for
// text that is no longer there.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  ARTIFACTS_DIR,
  KNOWN_CONSOLE_NOISE,
  PACKAGE_DIR,
  describeConsoleErrors,
  waitForDiagramsDrawn,
  withPortal,
} from './harness.mjs';

const TIMEOUT = { timeout: 240_000 };
/** Waits for the UI; generous because the dev server compiles chunks on first use. */
const UI_WAIT = { timeout: 60_000 };

const SAMPLE_DOCS = path.join(PACKAGE_DIR, 'dev', 'sample-docs');

function sampleDoc(relativePath) {
  return readFileSync(path.join(SAMPLE_DOCS, relativePath), 'utf8');
}

/** The text of a markdown file's first `# ` heading. */
function h1Of(markdown) {
  const line = markdown.split('\n').find(text => text.startsWith('# '));
  assert.ok(line, 'the sample doc has an H1');
  return line.slice(2).trim();
}

/** The fenced mermaid blocks of a markdown file: 1-based fence line and source. */
function mermaidFences(markdown) {
  const lines = markdown.split('\n');
  const fences = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i].trim() !== '```mermaid') continue;
    const end = lines.findIndex((text, j) => j > i && text.trim() === '```');
    assert.ok(end > i, `the mermaid fence on line ${i + 1} is closed`);
    fences.push({ line: i + 1, source: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return fences;
}

const CHECKOUT_DOC = sampleDoc('checkout-api/docs/architecture/CheckoutApi.md');
const PAYMENT_DOC_FILE = path.join(
  SAMPLE_DOCS,
  'payment-gateway/docs/architecture/PaymentGateway.md',
);
const PAYMENT_DOC = sampleDoc(
  'payment-gateway/docs/architecture/PaymentGateway.md',
);
const INVENTORY_DOC = sampleDoc(
  'inventory-service/docs/architecture/InventoryService.md',
);
const TAX_DOC = sampleDoc('tax-calculator/docs/architecture/TaxCalculator.md');
const CHECKOUT_SESSION_CONTRACT = sampleDoc(
  'checkout-api/docs/contracts/CheckoutSessionContract.md',
);

const entityPath = name => `/catalog/default/component/${name}`;
const tabPath = name => `${entityPath(name)}/architecture`;

/**
 * Requests for the Mermaid library's code. In dev mode rspack names chunks
 * after the modules they hold (`…node_modules_mermaid_dist_…chunk.js`), and
 * the diagram renderers Mermaid loads on demand live in the same package.
 * The plugin's own `MermaidDiagram` component is not the library and may load
 * on every page, so a bare /mermaid/i would be the wrong question.
 */
const MERMAID_LIBRARY_REQUEST = /node_modules[_/](?:\.pnpm[_/])?mermaid[_/@]/i;

/**
 * The svg Mermaid drew (its id is the render id), whether the drawing is an
 * image or, once nodes link to catalog entities, a group.
 */
const DRAWN_SVG = 'svg[id^="architecture-mermaid-"]';

/** Fails with the list when the page logged console errors beyond known noise. */
function assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors, ignore) {
  const unexpected = unexpectedConsoleErrors(ignore);
  assert.equal(
    unexpected.length,
    0,
    `unexpected console errors:\n${describeConsoleErrors(unexpected)}`,
  );
}

/** Records every request the page starts, in order. */
function recordRequests(page) {
  const requests = [];
  page.on('request', request => {
    requests.push({ url: request.url(), type: request.resourceType() });
  });
  return requests;
}

/** Waits until the doc of the open tab is drawn and returns its H1 text. */
async function waitForDoc(page) {
  const markdown = page.locator(
    '[data-testid="architecture-doc-content"] [data-testid="architecture-markdown"]',
  );
  await markdown.waitFor({ state: 'visible', ...UI_WAIT });
  return (await markdown.locator('h1').first().textContent())?.trim();
}

/** Viewport-only screenshot, for checks about what the reader sees without scrolling. */
async function viewportScreenshot(page, name) {
  await page.screenshot({
    path: path.join(ARTIFACTS_DIR, `${name}.png`),
    fullPage: false,
  });
}

test('should draw the checkout-api sequence diagram as an svg', TIMEOUT, () =>
  withPortal(
    async ({ page, screenshot, unexpectedConsoleErrors }) => {
      assert.equal(await waitForDoc(page), h1Of(CHECKOUT_DOC));
      const fences = mermaidFences(CHECKOUT_DOC);
      assert.equal(fences.length, 2, 'the sample doc has two diagrams');
      assert.match(fences[0].source, /^sequenceDiagram/);
      assert.match(fences[1].source, /^C4Context/);

      await waitForDiagramsDrawn(page, 2);
      const diagram = page.locator('[data-testid="mermaid-diagram"]').first();
      assert.equal(await diagram.getAttribute('data-state'), 'rendered');

      // An image, or a group once its nodes of catalog entities are links.
      const drawing = diagram.locator('[role="img"], [role="group"]');
      // Named by its type and its first participants, in the order the doc declares them.
      assert.equal(
        await drawing.getAttribute('aria-label'),
        'Mermaid sequence diagram: Shopper, Checkout API, Inventory service and 3 more',
      );
      const svg = drawing.locator('svg');
      assert.equal(await svg.count(), 1, 'one svg inside the drawing');
      await svg.scrollIntoViewIfNeeded();
      const drawn = await svg.evaluate(element => {
        const box = element.getBoundingClientRect();
        return {
          namespace: element.namespaceURI,
          width: box.width,
          height: box.height,
          groups: element.querySelectorAll('g').length,
          shapes: element.querySelectorAll('path, line, rect, polygon').length,
          text: Array.from(
            element.querySelectorAll('text'),
            node => node.textContent ?? '',
          ).join(' | '),
        };
      });
      assert.equal(drawn.namespace, 'http://www.w3.org/2000/svg');
      assert.ok(
        drawn.width > 50 && drawn.height > 50,
        `the svg has a size: ${drawn.width}x${drawn.height}`,
      );
      assert.ok(drawn.groups > 0, 'the svg has groups');
      assert.ok(drawn.shapes > 0, 'the svg has drawn shapes');
      // Participants and a message of the sample diagram, drawn as svg text.
      for (const label of [
        'Shopper',
        'Checkout API',
        'Payment gateway',
        'POST /sessions (basket, address)',
      ]) {
        assert.ok(
          drawn.text.includes(label),
          `the svg shows "${label}"; its text is: ${drawn.text}`,
        );
      }
      assert.equal(
        await diagram.getByRole('alert').count(),
        0,
        'no error box next to a drawn diagram',
      );

      await diagram.screenshot({
        path: path.join(ARTIFACTS_DIR, 'architecture-checkout-api-diagram.png'),
      });
      await screenshot('architecture-checkout-api-tab');
      assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
    },
    {
      name: 'architecture-checkout-api-diagram',
      path: tabPath('checkout-api'),
    },
  ),
);

test(
  'should draw the valid payment-gateway diagram and explain the invalid one with its source',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, screenshot, unexpectedConsoleErrors }) => {
        assert.equal(await waitForDoc(page), h1Of(PAYMENT_DOC));
        const fences = mermaidFences(PAYMENT_DOC);
        assert.equal(fences.length, 2, 'the sample doc has two diagrams');
        const [stateFence, brokenFence] = fences;
        assert.match(stateFence.source, /^stateDiagram/);
        assert.match(brokenFence.source, /^sequenceDiagram/);

        await waitForDiagramsDrawn(page, 2);
        const diagrams = page.locator('[data-testid="mermaid-diagram"]');
        const tabStates = await diagrams.evaluateAll(nodes =>
          nodes.map(node => node.getAttribute('data-state')),
        );
        assert.deepEqual(
          tabStates,
          ['rendered', 'error'],
          'the state diagram is drawn, the broken sequence diagram is not',
        );

        // The command-line check rejects exactly the diagrams the tab cannot draw.
        execFileSync('npm', ['run', '--silent', 'build:cli'], {
          cwd: PACKAGE_DIR,
        });
        const cli = spawnSync(
          process.execPath,
          [
            path.join(PACKAGE_DIR, 'bin', 'architecture-docs.js'),
            'check',
            '--json',
            PAYMENT_DOC_FILE,
          ],
          { encoding: 'utf8' },
        );
        assert.equal(
          cli.status,
          1,
          `the check fails on the broken diagram: ${cli.stderr}`,
        );
        const [checked] = JSON.parse(cli.stdout).docs;
        assert.deepEqual(
          checked.mermaid.map(diagram =>
            diagram.problem ? 'error' : 'rendered',
          ),
          tabStates,
          'the command-line check and the tab agree on every diagram',
        );

        const drawn = diagrams.nth(0);
        const svg = drawn.locator('[role="img"] svg');
        assert.equal(await svg.count(), 1);
        const svgText = await svg.evaluate(element =>
          Array.from(
            element.querySelectorAll('text, span, p'),
            node => node.textContent ?? '',
          ).join(' | '),
        );
        for (const state of ['Screening', 'Authorised', 'Refunded']) {
          assert.ok(
            svgText.includes(state),
            `the state diagram shows "${state}"; its text is: ${svgText}`,
          );
        }
        assert.equal(await drawn.getByRole('alert').count(), 0);
        const drawingSvg = 'svg:not([class*="MuiSvgIcon"])';
        assert.equal(
          await drawn.locator(drawingSvg).count(),
          1,
          'the drawn diagram has its svg',
        );

        const failed = diagrams.nth(1);
        const alert = failed.getByRole('alert');
        await alert.waitFor({ state: 'visible' });
        assert.equal(
          await failed.locator(drawingSvg).count(),
          0,
          'no half-drawn svg',
        );
        await alert
          .getByText('Diagram could not be drawn', { exact: true })
          .waitFor({ state: 'visible' });
        const message =
          (await alert.locator('p').nth(1).textContent())?.trim() ?? '';
        assert.match(
          message,
          /error/i,
          `Mermaid's message is shown: "${message}"`,
        );
        assert.ok(
          (await alert.textContent())?.includes(
            `starting on line ${brokenFence.line} of the doc`,
          ),
          `the box names line ${brokenFence.line}, where the fence starts`,
        );
        const source = (await alert.locator('pre').textContent()) ?? '';
        // The line Mermaid cannot parse (an arrow without a message separator).
        assert.ok(
          source.includes(
            'Checkout->>Gateway authorise(intent, token, amount)',
          ),
          `the source is shown; it is:\n${source}`,
        );
        assert.equal(source, brokenFence.source, 'the whole source, unchanged');

        await failed.scrollIntoViewIfNeeded();
        await failed.screenshot({
          path: path.join(
            ARTIFACTS_DIR,
            'architecture-payment-gateway-invalid-diagram.png',
          ),
        });
        await screenshot('architecture-payment-gateway-tab');
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      {
        name: 'architecture-payment-gateway-diagrams',
        path: tabPath('payment-gateway'),
      },
    ),
);

test(
  'should show missing sections in place and scroll to one from the checklist',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, screenshot, unexpectedConsoleErrors }) => {
        assert.equal(await waitForDoc(page), h1Of(INVENTORY_DOC));
        const checklist = page.locator('[data-testid="section-checklist"]');
        await checklist.waitFor({ state: 'visible' });
        const callouts = page.locator(
          '[data-testid="missing-section-callout"]',
        );
        await callouts.first().waitFor({ state: 'visible' });

        // Every missing item of the checklist has its callout in the doc, and
        // there is no callout for a section the checklist calls present.
        const missingIds = await checklist
          .locator('[data-status="missing"]')
          .evaluateAll(items =>
            items.map(item => item.getAttribute('data-section-id')),
          );
        const calloutIds = await callouts.evaluateAll(nodes =>
          nodes.map(node => node.getAttribute('data-section-id')),
        );
        assert.ok(
          missingIds.length >= 1,
          'the incomplete sample doc has missing sections',
        );
        assert.deepEqual(
          calloutIds,
          missingIds,
          'one callout per missing section, in template order',
        );
        const presentIds = await checklist
          .locator('[data-status="present"]')
          .evaluateAll(items =>
            items.map(item => item.getAttribute('data-section-id')),
          );
        assert.ok(presentIds.length >= 1, 'some sections are present');
        for (const id of presentIds)
          assert.ok(
            !calloutIds.includes(id),
            `no callout for present section ${id}`,
          );

        await page.evaluate(() => window.scrollTo(0, 0));
        const inViewport = id =>
          page.evaluate(sectionId => {
            const element = document.querySelector(
              `[data-testid="missing-section-callout"][data-section-id="${CSS.escape(sectionId)}"]`,
            );
            if (!element) return null;
            const box = element.getBoundingClientRect();
            return {
              top: box.top,
              bottom: box.bottom,
              visible: box.bottom > 0 && box.top < window.innerHeight,
            };
          }, id);

        // The last missing section is the one furthest down the doc.
        const targetId = missingIds[missingIds.length - 1];
        const item = checklist.locator(`[data-section-id="${targetId}"]`);
        await item.scrollIntoViewIfNeeded();
        const before = await inViewport(targetId);
        assert.ok(before, `a callout for ${targetId}`);
        assert.equal(
          before.visible,
          false,
          `the ${targetId} callout starts out of view (top ${before.top}, viewport ${page.viewportSize()?.height})`,
        );
        const calloutId = await callouts
          .and(page.locator(`[data-section-id="${targetId}"]`))
          .getAttribute('id');
        assert.equal(calloutId, `missing-${targetId}`);
        await viewportScreenshot(
          page,
          'architecture-inventory-before-checklist-click',
        );

        await item.click();
        await page.waitForFunction(
          sectionId => {
            const element = document.getElementById(`missing-${sectionId}`);
            if (!element) return false;
            const box = element.getBoundingClientRect();
            // Wholly in view: the last section cannot always reach the top.
            return box.top >= 0 && box.bottom <= window.innerHeight;
          },
          targetId,
          { timeout: 10_000 },
        );
        const after = await inViewport(targetId);
        assert.equal(
          after.visible,
          true,
          `the callout is in view after the click (top ${after.top})`,
        );
        assert.ok(after.top < before.top, 'the page scrolled down to it');
        const url = new URL(page.url());
        assert.equal(url.hash, `#${calloutId}`);
        assert.equal(
          url.pathname,
          tabPath('inventory-service'),
          'the tab stays open',
        );

        await viewportScreenshot(
          page,
          'architecture-inventory-after-checklist-click',
        );
        await screenshot('architecture-inventory-service-tab');
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      {
        name: 'architecture-inventory-checklist',
        path: tabPath('inventory-service'),
      },
    ),
);

test(
  'should open a contract from the contracts list in a drawer',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, docServerUrl, screenshot, unexpectedConsoleErrors }) => {
        await waitForDoc(page);
        const drawer = page.locator('[data-testid="contract-drawer"]');
        assert.equal(
          await drawer.count(),
          0,
          'no drawer before a contract is picked',
        );

        const contractUrl = `${docServerUrl}/checkout-api/docs/contracts/CheckoutSessionContract.md`;
        const contract = page.locator(
          `[data-testid="contracts-list"] [data-url="${contractUrl}"]`,
        );
        await contract.waitFor({ state: 'visible' });
        await contract.click();

        await drawer.waitFor({ state: 'visible', ...UI_WAIT });
        assert.equal(await drawer.getAttribute('data-url'), contractUrl);
        const title = drawer.locator(
          '[data-testid="architecture-markdown"] h1',
        );
        await title.waitFor({ state: 'visible', ...UI_WAIT });
        assert.equal(
          (await title.textContent())?.trim(),
          h1Of(CHECKOUT_SESSION_CONTRACT),
        );
        // A line from the contract's body, not only its title.
        await drawer
          .getByText('Implemented by', { exact: false })
          .first()
          .waitFor({ state: 'visible' });
        // The contract is rendered without the architecture template's checks.
        assert.equal(
          await drawer
            .locator('[data-testid="missing-section-callout"]')
            .count(),
          0,
        );

        await screenshot('architecture-checkout-api-contract-drawer');

        await drawer.getByRole('button', { name: 'Close' }).click();
        await drawer.waitFor({ state: 'hidden', timeout: 10_000 });
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      { name: 'architecture-contract-drawer', path: tabPath('checkout-api') },
    ),
);

test(
  "should navigate from a related doc to payment-gateway's architecture tab in place",
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, screenshot, unexpectedConsoleErrors }) => {
        assert.equal(await waitForDoc(page), h1Of(CHECKOUT_DOC));
        const target = tabPath('payment-gateway');
        const entityRef = 'component:default/payment-gateway';

        // The Related line in the doc body links the same entity's tab.
        const bodyLink = page
          .locator(
            `[data-testid="architecture-markdown"] a[data-entity-ref="${entityRef}"]`,
          )
          .first();
        await bodyLink.waitFor({ state: 'visible', ...UI_WAIT });
        assert.equal(await bodyLink.getAttribute('href'), target);

        const panelLink = page.locator(
          `[data-testid="related-docs"] a[data-entity-ref="${entityRef}"]`,
        );
        await panelLink.waitFor({ state: 'visible', ...UI_WAIT });
        assert.equal(await panelLink.getAttribute('href'), target);

        const checkoutTitle = page.locator(
          '[data-testid="architecture-markdown"] h1',
          { hasText: h1Of(CHECKOUT_DOC) },
        );
        assert.equal(await checkoutTitle.count(), 1);
        // A full page load would drop this; a router navigation keeps it.
        await page.evaluate(() => {
          window.architectureDocsE2eMarker = 'still the same page';
        });
        await panelLink.click();
        await page.waitForURL(url => new URL(url).pathname === target, UI_WAIT);
        await page
          .locator('[data-testid="architecture-markdown"] h1', {
            hasText: h1Of(PAYMENT_DOC),
          })
          .waitFor({ state: 'visible', ...UI_WAIT });
        assert.equal(await waitForDoc(page), h1Of(PAYMENT_DOC));
        assert.equal(
          await page.evaluate(() => window.architectureDocsE2eMarker),
          'still the same page',
          'navigated without reloading the page',
        );
        assert.equal(
          await checkoutTitle.count(),
          0,
          "checkout-api's doc is gone",
        );

        await screenshot('architecture-payment-gateway-after-related-link');
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      {
        name: 'architecture-related-doc-navigation',
        path: tabPath('checkout-api'),
      },
    ),
);

test(
  'should redraw the diagram in the other theme when the theme is toggled',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, screenshot, unexpectedConsoleErrors }) => {
        await waitForDoc(page);
        const diagram = page.locator('[data-testid="mermaid-diagram"]').first();
        await diagram
          .and(page.locator('[data-state="rendered"]'))
          .waitFor(UI_WAIT);

        const readDrawing = () =>
          diagram.evaluate((element, drawnSvg) => {
            const svg = element.querySelector(drawnSvg);
            const actor = svg?.querySelector('rect.actor');
            return {
              state: element.getAttribute('data-state'),
              id: svg?.id ?? null,
              tag: svg?.localName ?? null,
              // Mermaid puts the theme's colours in the svg's own style sheet,
              // scoped by the render id, which differs on every draw.
              style: svg
                ? Array.from(
                    svg.querySelectorAll('style'),
                    node => node.textContent ?? '',
                  )
                    .join('\n')
                    .split(svg.id)
                    .join('#')
                : '',
              actorFill: actor ? getComputedStyle(actor).fill : null,
              background: getComputedStyle(document.body).backgroundColor,
            };
          }, DRAWN_SVG);
        const waitForRedraw = previousId =>
          page.waitForFunction(
            ({ id, selector }) => {
              const element = document.querySelector(
                '[data-testid="mermaid-diagram"]',
              );
              const svg = element?.querySelector(selector);
              return (
                element?.getAttribute('data-state') === 'rendered' &&
                !!svg &&
                svg.id !== id
              );
            },
            { id: previousId, selector: DRAWN_SVG },
            UI_WAIT,
          );

        const toggle = page.locator('[data-testid="theme-toggle"]');
        const firstLabel = (await toggle.textContent())?.trim();
        const first = await readDrawing();
        assert.equal(first.tag, 'svg');
        assert.ok(first.actorFill, 'the sequence diagram has actor boxes');
        assert.ok(first.style.length > 0, 'the svg carries a style sheet');
        await diagram.scrollIntoViewIfNeeded();
        await viewportScreenshot(
          page,
          `architecture-diagram-theme-${firstLabel === 'Dark theme' ? 'light' : 'dark'}`,
        );

        await toggle.click();
        await waitForRedraw(first.id);
        const second = await readDrawing();
        const secondLabel = (await toggle.textContent())?.trim();
        assert.notEqual(
          secondLabel,
          firstLabel,
          'the toggle switched the theme',
        );
        assert.notEqual(
          second.background,
          first.background,
          'the page itself changed theme',
        );
        assert.equal(second.tag, 'svg', 'still an svg after the redraw');
        assert.notEqual(second.id, first.id, 'the diagram was drawn again');
        assert.notEqual(
          second.actorFill,
          first.actorFill,
          "the actor boxes took the other theme's colour",
        );
        assert.notEqual(
          second.style,
          first.style,
          "the svg's style sheet has the other theme's colours",
        );
        await diagram.scrollIntoViewIfNeeded();
        await viewportScreenshot(
          page,
          `architecture-diagram-theme-${secondLabel === 'Dark theme' ? 'light' : 'dark'}`,
        );

        // Back to the first theme: the first theme's colours return, so the
        // difference above came from the theme and not from drawing twice.
        await toggle.click();
        await waitForRedraw(second.id);
        const third = await readDrawing();
        assert.equal((await toggle.textContent())?.trim(), firstLabel);
        assert.equal(third.actorFill, first.actorFill);
        assert.equal(
          third.style,
          first.style,
          'the same style sheet as before the toggles',
        );

        await screenshot('architecture-checkout-api-after-theme-toggles');
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      { name: 'architecture-theme-toggle', path: tabPath('checkout-api') },
    ),
);

test(
  'should not load Mermaid for a doc without diagrams, and load it for one with a diagram',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, open, screenshot, unexpectedConsoleErrors }) => {
        const requests = recordRequests(page);

        // A fresh page load straight onto the tab of the doc without diagrams.
        await open(tabPath('tax-calculator'));
        assert.equal(await waitForDoc(page), h1Of(TAX_DOC));
        assert.equal(
          mermaidFences(TAX_DOC).length,
          0,
          'the sample doc has no diagram',
        );
        await page
          .locator('[data-testid="section-checklist"]')
          .waitFor({ state: 'visible' });
        // Whatever the page loads after showing the doc (link checks, lazy
        // chunks) has had its chance to start.
        await page.waitForLoadState('networkidle', UI_WAIT);
        assert.equal(
          await page.locator('[data-testid="mermaid-diagram"]').count(),
          0,
        );
        const taxRequests = requests.splice(0);
        const scripts = taxRequests.filter(
          request => request.type === 'script',
        );
        assert.ok(
          scripts.some(request =>
            /EntityArchitectureDocContent/.test(request.url),
          ),
          `the tab's own chunk was recorded; scripts:\n${scripts.map(r => r.url).join('\n')}`,
        );
        const mermaidOnTax = taxRequests.filter(request =>
          MERMAID_LIBRARY_REQUEST.test(request.url),
        );
        assert.deepEqual(
          mermaidOnTax,
          [],
          'no Mermaid code for a doc without diagrams',
        );
        await screenshot('architecture-tax-calculator-tab');

        // Positive control: the same recorder sees Mermaid arrive for a diagram.
        await open(tabPath('checkout-api'));
        assert.equal(await waitForDoc(page), h1Of(CHECKOUT_DOC));
        await page
          .locator('[data-testid="mermaid-diagram"][data-state="rendered"]')
          .first()
          .waitFor(UI_WAIT);
        const mermaidOnCheckout = requests.filter(
          request =>
            request.type === 'script' &&
            MERMAID_LIBRARY_REQUEST.test(request.url),
        );
        assert.ok(
          mermaidOnCheckout.length >= 1,
          `Mermaid's chunk was fetched for a doc with a diagram; scripts:\n${requests
            .filter(request => request.type === 'script')
            .map(request => request.url)
            .join('\n')}`,
        );
        await screenshot('architecture-checkout-api-mermaid-loaded');
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      { name: 'architecture-mermaid-on-demand', path: '/sample-docs' },
    ),
);

test(
  'should explain on loyalty-points that the annotated doc does not exist',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, docServerUrl, screenshot, unexpectedConsoleErrors }) => {
        const docUrl = `${docServerUrl}/loyalty-points/docs/architecture/LoyaltyPoints.md`;
        const state = page.locator('[data-testid="architecture-doc-state"]');
        await state
          .and(page.locator('[data-state="not-found"]'))
          .waitFor({ state: 'visible', ...UI_WAIT });
        assert.equal(await state.count(), 1);
        await state
          .getByText('The architecture doc does not exist yet')
          .waitFor({ state: 'visible' });
        assert.equal(
          await state.getByRole('link', { name: docUrl }).count(),
          1,
          'the location is named',
        );
        // The snippet shows the annotation as it is, to fix or keep.
        const snippet =
          (await state.locator('pre').first().textContent()) ?? '';
        assert.match(
          snippet,
          /architecture-docs\/ref: \.\/docs\/architecture\/LoyaltyPoints\.md/,
        );
        // The sample doc server is a plain web host: it has no new-file page,
        // so there is nothing to create the doc with; Retry is the action.
        await state
          .getByRole('button', { name: 'Retry' })
          .waitFor({ state: 'visible' });
        assert.equal(await state.getByText('Create from template').count(), 0);
        assert.equal(
          await page.locator('[data-testid="architecture-markdown"]').count(),
          0,
        );

        await screenshot('architecture-loyalty-points-not-found');
        // The 404 of the doc itself is the point of this page.
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors, [
          ...KNOWN_CONSOLE_NOISE,
          ({ text, url }) => url === docUrl && /status of 404/.test(text),
        ]);
      },
      {
        name: 'architecture-loyalty-points-not-found',
        path: tabPath('loyalty-points'),
      },
    ),
);

test(
  'should say on receipt-renderer that no doc is linked, without an architecture tab',
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, open, screenshot, unexpectedConsoleErrors }) => {
        const card = page.locator('[data-testid="architecture-doc-card"]');
        await card
          .and(page.locator('[data-state="error"]'))
          .waitFor({ state: 'visible', ...UI_WAIT });
        await card
          .getByText('No architecture doc is linked to this entity.', {
            exact: true,
          })
          .waitFor({ state: 'visible' });
        assert.equal(
          await card.locator('[data-testid="completeness-score"]').count(),
          0,
        );
        const tabs = page.getByRole('tab');
        await tabs.first().waitFor({ state: 'visible' });
        assert.deepEqual(
          await tabs.allTextContents(),
          ['Overview'],
          'no Architecture tab',
        );
        await screenshot('architecture-receipt-renderer-overview');
        // There is no tab to open: a link to it would land back on the overview.
        const openLink = card.getByRole('link', { name: /Open architecture/ });
        const links = await openLink.count();
        // The message is built only for a link there is: asking a missing
        // link for its address would wait for it to appear.
        if (links !== 0) {
          assert.fail(
            `the card links to a tab the entity does not have (${await openLink
              .first()
              .getAttribute('href')})`,
          );
        }

        // Positive control: an annotated entity has the tab, and its card the link.
        await open(entityPath('checkout-api'));
        await page
          .getByRole('tab', { name: 'Architecture' })
          .waitFor({ state: 'visible', ...UI_WAIT });
        await openLink.waitFor({ state: 'visible', ...UI_WAIT });
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      {
        name: 'architecture-receipt-renderer-no-annotation',
        path: entityPath('receipt-renderer'),
      },
    ),
);

test(
  "should show checkout-api's score on the overview card and link to the tab",
  TIMEOUT,
  () =>
    withPortal(
      async ({ page, screenshot, unexpectedConsoleErrors }) => {
        const card = page.locator('[data-testid="architecture-doc-card"]');
        await card
          .and(page.locator('[data-state="loaded"]'))
          .waitFor({ state: 'visible', ...UI_WAIT });
        const score = card.locator('[data-testid="completeness-score"]');
        await score.waitFor({ state: 'visible' });
        const value = Number(await score.getAttribute('data-score'));
        assert.ok(
          Number.isInteger(value) && value >= 0 && value <= 100,
          `a score: ${value}`,
        );
        // The complete sample doc has every section.
        assert.equal(value, 100);
        // The gauge's label box has no size of its own, so read its text.
        assert.match(
          (await score.textContent()) ?? '',
          new RegExp(`(^|\\D)${value}%`),
        );
        assert.equal(
          (
            await card
              .locator('[data-testid="completeness-present"]')
              .textContent()
          )?.trim(),
          '12 of 12 sections present',
        );
        await screenshot('architecture-checkout-api-overview-card');

        const link = card.getByRole('link', { name: /Open architecture/ });
        assert.equal(await link.getAttribute('href'), tabPath('checkout-api'));
        await link.click();
        await page.waitForURL(
          url => new URL(url).pathname === tabPath('checkout-api'),
          UI_WAIT,
        );
        assert.equal(await waitForDoc(page), h1Of(CHECKOUT_DOC));
        await screenshot('architecture-checkout-api-tab-from-card');
        assertNoUnexpectedConsoleErrors(unexpectedConsoleErrors);
      },
      { name: 'architecture-overview-card', path: entityPath('checkout-api') },
    ),
);
