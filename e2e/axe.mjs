// The accessibility check of the browser tests: runs axe-core (the engine of
// Lighthouse's accessibility audit) inside a Playwright page, with every rule
// axe enables by default, and sums up the violations by impact.
//
//   const result = await checkAccessibility(page, 'tab checkout-api (dark)', {
//     include: ['[data-testid="architecture-doc-content"]'],
//   });
//   assertNoBlockingViolations(result);
//
// axe-core is injected from node_modules as a script tag, so no page ever
// loads it from the network. The real-app check can call the same functions.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

/** The impacts axe reports, most severe first. */
export const AXE_IMPACTS = ['critical', 'serious', 'moderate', 'minor'];

/** Impacts that fail a view: WCAG 2.1 AA problems a reader cannot work around. */
export const BLOCKING_IMPACTS = ['critical', 'serious'];

let axeSource;

/** axe-core's browser bundle, read once. */
function axeScript() {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core on the page (or on the parts `include` names) and returns the
 * violations with their counts by impact.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} label Names the view and theme in messages, e.g. `card (light)`.
 * @param {object} [options]
 * @param {string[]} [options.include] CSS selectors of the view's root
 *   elements; the whole document when left out. A selector that matches
 *   nothing fails the check, so a view that did not render cannot pass.
 * @param {string[]} [options.exclude] CSS selectors left out, e.g. the app's
 *   own navigation around the view.
 * @returns {Promise<{
 *   label: string,
 *   counts: Record<'critical' | 'serious' | 'moderate' | 'minor', number>,
 *   violations: Array<{ id: string, impact: string, help: string, helpUrl: string, targets: string[], summaries: string[] }>,
 * }>}
 */
export async function checkAccessibility(page, label, options = {}) {
  const { include, exclude = [] } = options;
  if (include) {
    for (const selector of include) {
      const found = await page.locator(selector).count();
      assert.ok(found > 0, `${label}: nothing on the page matches ${selector}`);
    }
  }
  const loaded = await page.evaluate(
    () => typeof window.axe?.run === 'function',
  );
  if (!loaded) await page.addScriptTag({ content: axeScript() });
  const violations = await page.evaluate(
    async ({ includeSelectors, excludeSelectors }) => {
      const context = {
        include: includeSelectors
          ? includeSelectors.map(selector => [selector])
          : [['html']],
        exclude: excludeSelectors.map(selector => [selector]),
      };
      const results = await window.axe.run(context, {
        resultTypes: ['violations'],
      });
      return results.violations.map(violation => ({
        id: violation.id,
        impact: violation.impact ?? 'minor',
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map(node => node.target.join(' ')),
        summaries: violation.nodes.map(node => node.failureSummary ?? ''),
      }));
    },
    { includeSelectors: include, excludeSelectors: exclude },
  );
  const counts = Object.fromEntries(AXE_IMPACTS.map(impact => [impact, 0]));
  for (const violation of violations)
    counts[violation.impact] += violation.targets.length;
  return { label, counts, violations };
}

/** One line: the view, the counts by impact and each rule with its node count. */
export function formatAccessibilityResult(result) {
  const counts = AXE_IMPACTS.map(
    impact => `${impact} ${result.counts[impact]}`,
  ).join(', ');
  const rules = result.violations.map(
    violation =>
      `${violation.id}×${violation.targets.length} (${violation.impact})`,
  );
  return `${result.label}: ${counts}${rules.length > 0 ? ` — ${rules.join(', ')}` : ''}`;
}

/** Fails, listing each element, when the result holds a critical or serious violation. */
export function assertNoBlockingViolations(result) {
  const blocking = result.violations.filter(violation =>
    BLOCKING_IMPACTS.includes(violation.impact),
  );
  const details = blocking.flatMap(violation =>
    violation.targets.map(
      (target, index) =>
        `  ${violation.id} (${violation.impact}) ${target}\n    ${violation.help}\n    ${violation.summaries[index].split('\n').join('\n    ')}`,
    ),
  );
  assert.equal(
    details.length,
    0,
    `${result.label}: ${details.length} critical or serious accessibility violation(s):\n${details.join('\n')}`,
  );
}

/** Fails once, listing every result's blocking violations, when any result holds one. */
export function assertAllWithoutBlockingViolations(results) {
  const problems = [];
  for (const result of results) {
    try {
      assertNoBlockingViolations(result);
    } catch (error) {
      problems.push(error.message);
    }
  }
  assert.deepEqual(problems, []);
}
