import { benchTarget, checkTargets, reportTargets } from './targets.mjs';

const ratio = value => `${value.toFixed(2)}x`;

describe('benchTarget', () => {
  it('should give the project target when no override is set', () => {
    expect(benchTarget('ANALYSIS_RATIO_MAX', 1.3, {})).toBe(1.3);
  });

  it('should take BENCH_TARGET_<name> over the project target', () => {
    expect(
      benchTarget('ANALYSIS_RATIO_MAX', 1.3, {
        BENCH_TARGET_ANALYSIS_RATIO_MAX: '0.01',
      }),
    ).toBe(0.01);
  });

  it('should refuse an override that is not a number', () => {
    expect(() =>
      benchTarget('ANALYSIS_RATIO_MAX', 1.3, {
        BENCH_TARGET_ANALYSIS_RATIO_MAX: 'fast',
      }),
    ).toThrow('BENCH_TARGET_ANALYSIS_RATIO_MAX must be a number, got "fast"');
  });
});

describe('checkTargets', () => {
  it('should pass a figure at its maximum and fail one above it', () => {
    expect(
      checkTargets([
        { label: 'at', figure: 1.3, kind: 'max', target: 1.3, format: ratio },
        {
          label: 'above',
          figure: 1.31,
          kind: 'max',
          target: 1.3,
          format: ratio,
        },
      ]),
    ).toEqual({
      lines: [
        '  PASS  at: 1.30x (target ≤ 1.30x)',
        '  FAIL  above: 1.31x (target ≤ 1.30x)',
      ],
      failed: 1,
    });
  });

  it('should fail a figure below its minimum', () => {
    expect(
      checkTargets([{ label: '304s', figure: 3, kind: 'min', target: 4 }]),
    ).toEqual({
      lines: ['  FAIL  304s: 3 (target ≥ 4)'],
      failed: 1,
    });
  });

  it('should fail a figure that was not measured', () => {
    expect(
      checkTargets([{ label: 'scan', figure: NaN, kind: 'max', target: 1.2 }]),
    ).toEqual({
      lines: ['  FAIL  scan: not measured (target ≤ 1.2)'],
      failed: 1,
    });
  });
});

describe('reportTargets', () => {
  it('should answer false when a target is missed', () => {
    const lines = [];
    expect(
      reportTargets(
        [{ label: 'mermaid modules', figure: 1, kind: 'max', target: 0 }],
        line => lines.push(line),
      ),
    ).toBe(false);
    expect(lines).toEqual([
      'Targets:',
      '  FAIL  mermaid modules: 1 (target ≤ 0)',
      '  1 of 1 target(s) missed',
    ]);
  });

  it('should answer true when every target is met', () => {
    const lines = [];
    expect(
      reportTargets(
        [{ label: 'mermaid modules', figure: 0, kind: 'max', target: 0 }],
        line => lines.push(line),
      ),
    ).toBe(true);
    expect(lines).toEqual([
      'Targets:',
      '  PASS  mermaid modules: 0 (target ≤ 0)',
      '  all 1 target(s) met',
    ]);
  });
});
