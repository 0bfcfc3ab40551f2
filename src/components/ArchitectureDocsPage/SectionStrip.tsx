import { memo } from 'react';
import { makeStyles } from '@material-ui/core';
import type { SectionStatus } from 'backstage-plugin-architecture-docs-common';
import { sectionStatusColor } from './coverageColors';

const CELL_WIDTH = 9;
const CELL_HEIGHT = 14;

const useStyles = makeStyles(theme => ({
  strip: {
    display: 'flex',
    gap: 2,
  },
  cell: {
    width: CELL_WIDTH,
    height: CELL_HEIGHT,
    flex: 'none',
    boxSizing: 'border-box',
    borderRadius: 2,
  },
  // Status by shape as well as colour: filled, half-filled, outlined.
  present: { background: sectionStatusColor(theme, 'present') },
  placeholder: {
    border: `2px solid ${sectionStatusColor(theme, 'placeholder')}`,
    background: `linear-gradient(to top, ${sectionStatusColor(theme, 'placeholder')} 50%, transparent 50%)`,
  },
  missing: { border: `2px solid ${sectionStatusColor(theme, 'missing')}` },
}));

/** Props of {@link SectionStrip}. */
export interface SectionStripProps {
  /** Every template section, in template order, with the doc's status. */
  sections: ReadonlyArray<{ id: string; title: string; status: SectionStatus }>;
  /** Names the strip for a screen reader, e.g. with the counts per status. */
  label: string;
  /** "Purpose: present", for each section's tooltip and name. */
  cellLabel(title: string, status: SectionStatus): string;
}

/**
 * A doc's sections as a row of small cells, one per template section:
 * filled when present, half-filled when a placeholder, outlined when
 * missing. A list for screen readers, each item named by its section and
 * status; the same words show on hover.
 */
export const SectionStrip = memo(function SectionStripView(
  props: SectionStripProps,
) {
  const { sections, label, cellLabel } = props;
  const classes = useStyles();
  return (
    // A list by role rather than <ul>: some browsers drop the semantics of a
    // list drawn without bullets.
    <div
      className={classes.strip}
      role="list"
      aria-label={label}
      data-testid="section-strip"
    >
      {sections.map(section => {
        const name = cellLabel(section.title, section.status);
        // Native tooltips: a row re-renders when its doc arrives, and a
        // popper per cell would cost the scan each time.
        return (
          <div
            role="listitem"
            key={section.id}
            className={`${classes.cell} ${classes[section.status]}`}
            title={name}
            aria-label={name}
            data-section={section.id}
            data-section-status={section.status}
          />
        );
      })}
    </div>
  );
});
