import type { Theme } from '@material-ui/core/styles';
import type { SectionStatus } from 'backstage-plugin-architecture-docs-common';

/**
 * The page's colours for section statuses and coverage shares, per theme
 * type. Chosen rather than taken from the palette: Backstage's status
 * colours are too light on white for a small mark to stand out (3:1), and
 * the shares' cells carry their figure as text, which needs 4.5:1.
 */
const STATUS_COLORS: Record<'light' | 'dark', Record<SectionStatus, string>> = {
  light: { present: '#2E7D32', placeholder: '#A15C00', missing: '#C62828' },
  dark: { present: '#81C784', placeholder: '#FFB74D', missing: '#EF7A7A' },
};

/** From no coverage to full coverage, each with the text colour it carries. */
const SHADES: Record<
  'light' | 'dark',
  Array<{ background: string; color: string }>
> = {
  light: [
    { background: '#F6C4BE', color: '#000000' },
    { background: '#FAD9B3', color: '#000000' },
    { background: '#F7EBAE', color: '#000000' },
    { background: '#D5EBBB', color: '#000000' },
    { background: '#A6D69F', color: '#000000' },
  ],
  dark: [
    { background: '#7A2A26', color: '#FFFFFF' },
    { background: '#784418', color: '#FFFFFF' },
    { background: '#5F5414', color: '#FFFFFF' },
    { background: '#3C5A22', color: '#FFFFFF' },
    { background: '#22602A', color: '#FFFFFF' },
  ],
};

/**
 * The colour of a section status's mark (bar segment, strip cell): at least
 * 3:1 against the theme's paper.
 */
export function sectionStatusColor(
  theme: Theme,
  status: SectionStatus,
): string {
  return STATUS_COLORS[theme.palette.type][status];
}

/**
 * The background of a coverage share (0–1), in five steps from none to
 * full, and the colour of text on it (at least 4.5:1); null (nothing
 * counted) gets the paper and the primary text colour.
 */
export function coverageShade(
  theme: Theme,
  share: number | null,
): { background: string; color: string } {
  if (share === null)
    return {
      background: theme.palette.background.paper,
      color: theme.palette.text.primary,
    };
  const shades = SHADES[theme.palette.type];
  const step = Math.min(
    shades.length - 1,
    Math.floor(Math.max(0, share) * shades.length),
  );
  return shades[step];
}
