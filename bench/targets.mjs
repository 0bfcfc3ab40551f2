/* eslint-disable no-console */
// A benchmark reports its figures on the console.
/**
 * A benchmark's targets: each figure is compared with its target, printed
 * with PASS or FAIL, and the benchmark exits 1 when any target is missed, so
 * a run that misses one fails wherever it runs (`npm run bench`, `.ci/run`).
 *
 * Every target is a named constant in its benchmark, declared through
 * {@link benchTarget}. `BENCH_TARGET_<NAME>` replaces one for a run, which is
 * how a deliberately impossible target shows that the failing path fails.
 */

/**
 * A target's limit: `fallback`, unless `BENCH_TARGET_<name>` holds a number.
 *
 * @param {string} name upper-case name, e.g. `ANALYSIS_RATIO_MAX`
 * @param {number} fallback the project's target
 * @param {Record<string, string | undefined>} [env]
 * @returns {number}
 */
export function benchTarget(name, fallback, env = process.env) {
  const raw = env[`BENCH_TARGET_${name}`];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value))
    throw new Error(`BENCH_TARGET_${name} must be a number, got "${raw}"`);
  return value;
}

/**
 * @typedef {object} TargetCheck
 * @property {string} label what the figure is
 * @property {number} figure the measured value
 * @property {'max' | 'min'} kind `max`: the figure may be at most the target; `min`: at least
 * @property {number} target the limit
 * @property {(value: number) => string} [format] how to print the figure and the target
 */

/**
 * Compares each figure with its target. A figure that is not a finite number
 * (nothing was measured) misses its target.
 *
 * @param {TargetCheck[]} checks
 * @returns {{ lines: string[], failed: number }}
 */
export function checkTargets(checks) {
  const lines = [];
  let failed = 0;
  for (const check of checks) {
    const format = check.format ?? (value => String(value));
    const measured = Number.isFinite(check.figure);
    const pass =
      measured &&
      (check.kind === 'max'
        ? check.figure <= check.target
        : check.figure >= check.target);
    if (!pass) failed += 1;
    const relation = check.kind === 'max' ? '≤' : '≥';
    lines.push(
      `  ${pass ? 'PASS' : 'FAIL'}  ${check.label}: ${measured ? format(check.figure) : 'not measured'} (target ${relation} ${format(check.target)})`,
    );
  }
  return { lines, failed };
}

/**
 * Prints every target's line and a summary. Each benchmark sets its exit
 * code from the answer, so that a missed target fails the run.
 *
 * @param {TargetCheck[]} checks
 * @param {(line: string) => void} [log]
 * @returns {boolean} whether every target was met
 */
export function reportTargets(checks, log = console.log) {
  const { lines, failed } = checkTargets(checks);
  log('Targets:');
  for (const line of lines) log(line);
  log(
    failed === 0
      ? `  all ${checks.length} target(s) met`
      : `  ${failed} of ${checks.length} target(s) missed`,
  );
  return failed === 0;
}
