import { darkTheme, lightTheme } from '@backstage/theme';
import { getContrastRatio } from '@material-ui/core/styles';
import { coverageShade, sectionStatusColor } from './coverageColors';

const themes = [
  ['light', lightTheme],
  ['dark', darkTheme],
] as const;

describe.each(themes)('coverage colours in the %s theme', (_name, theme) => {
  it('should set every section status mark apart from the paper by at least 3:1', () => {
    for (const status of ['present', 'placeholder', 'missing'] as const) {
      expect(
        getContrastRatio(
          sectionStatusColor(theme, status),
          theme.palette.background.paper,
        ),
      ).toBeGreaterThanOrEqual(3);
    }
  });

  it('should give text on every coverage shade at least 4.5:1', () => {
    for (const share of [null, 0, 0.1, 0.25, 0.5, 0.7, 0.9, 1]) {
      const { background, color } = coverageShade(theme, share);
      expect(getContrastRatio(color, background)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('should shade no coverage and full coverage differently, in order of the share', () => {
    const steps = [0, 0.2, 0.4, 0.6, 0.8, 1].map(
      share => coverageShade(theme, share).background,
    );
    expect(new Set(steps.slice(0, 5)).size).toBe(5);
    expect(steps[5]).toBe(steps[4]);
  });
});
