import { memo, useMemo } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { makeStyles, useTheme } from '@material-ui/core';
import type { IndexedTemplateSection } from 'backstage-plugin-architecture-docs-common';
import { sectionPresentShare, type OwnerSectionCoverage } from '../../coverage';
import { architectureDocsTranslationRef } from '../../translation';
import { coverageShade } from './coverageColors';

const useStyles = makeStyles(theme => ({
  // Long lists of owners scroll inside the card, under their headers.
  scroller: { maxHeight: 560, overflow: 'auto' },
  table: {
    borderCollapse: 'separate',
    borderSpacing: 2,
    width: '100%',
    tableLayout: 'fixed',
    fontSize: '0.8rem',
  },
  corner: { width: 200, textAlign: 'left', verticalAlign: 'bottom' },
  docs: {
    width: 48,
    textAlign: 'right',
    verticalAlign: 'bottom',
    paddingRight: theme.spacing(1),
  },
  sectionHeader: {
    position: 'sticky',
    top: 0,
    background: theme.palette.background.paper,
    verticalAlign: 'bottom',
    fontWeight: theme.typography.fontWeightMedium as number,
    padding: theme.spacing(0.5, 0),
  },
  // Section titles stand upright so twelve columns fit any width whole.
  sectionTitle: {
    writingMode: 'vertical-rl',
    transform: 'rotate(180deg)',
    whiteSpace: 'nowrap',
    margin: '0 auto',
  },
  owner: {
    textAlign: 'left',
    fontWeight: 'normal',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  count: {
    textAlign: 'right',
    paddingRight: theme.spacing(1),
    fontVariantNumeric: 'tabular-nums',
  },
  cell: { padding: 0, height: 24 },
  button: {
    width: '100%',
    height: '100%',
    border: 0,
    borderRadius: 2,
    padding: 0,
    cursor: 'pointer',
    font: 'inherit',
    fontVariantNumeric: 'tabular-nums',
    '&:hover': { filter: 'brightness(0.95)' },
  },
  selected: { boxShadow: `inset 0 0 0 3px ${theme.palette.text.primary}` },
  none: { textAlign: 'center', color: theme.palette.text.primary },
}));

/** Props of {@link OwnerCoverageGrid}. */
export interface OwnerCoverageGridProps {
  owners: OwnerSectionCoverage[];
  sections: readonly IndexedTemplateSection[];
  /** The owner and section the page is filtered to, to mark their cell. */
  selected?: { owner: string; section: string };
  onSelect(owner: string, section: string): void;
}

/**
 * Section coverage by owner: one row per owner, one cell per template
 * section, shaded by the share of the owner's analysed docs that have the
 * section present and showing that share as a figure. A cell is a button
 * that lists the owner's docs where the section is missing.
 */
export const OwnerCoverageGrid = memo(function OwnerCoverageGridView(
  props: OwnerCoverageGridProps,
) {
  const { owners, sections, selected, onSelect } = props;
  const classes = useStyles();
  const theme = useTheme();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const caption = t('page.owners.caption');
  const header = useMemo(
    () => (
      <thead>
        <tr>
          <th
            scope="col"
            className={`${classes.corner} ${classes.sectionHeader}`}
          >
            {t('page.owners.owner')}
          </th>
          <th
            scope="col"
            className={`${classes.docs} ${classes.sectionHeader}`}
          >
            {t('page.owners.docs')}
          </th>
          {sections.map(section => (
            <th key={section.id} scope="col" className={classes.sectionHeader}>
              <div className={classes.sectionTitle}>{section.title}</div>
            </th>
          ))}
        </tr>
      </thead>
    ),
    [classes, sections, t],
  );
  return (
    <div className={classes.scroller}>
      <table
        className={classes.table}
        aria-label={caption}
        data-testid="owner-coverage"
      >
        {header}
        <tbody>
          {owners.map(entry => (
            <tr key={entry.owner} data-owner={entry.owner}>
              <th scope="row" className={classes.owner} title={entry.owner}>
                {entry.owner}
              </th>
              <td className={classes.count}>{entry.analysed}</td>
              {entry.sections.map(coverage => {
                const share = sectionPresentShare(coverage);
                if (share === null) {
                  return (
                    <td
                      key={coverage.id}
                      className={`${classes.cell} ${classes.none}`}
                    >
                      –
                    </td>
                  );
                }
                const percent = `${Math.round(share * 100)}%`;
                const label = t('page.owners.cell', {
                  owner: entry.owner,
                  section: coverage.title,
                  present: String(coverage.present),
                  docs: String(entry.analysed),
                  percent,
                  missing: String(coverage.missing),
                });
                const isSelected =
                  selected?.owner === entry.owner &&
                  selected.section === coverage.id;
                const shade = coverageShade(theme, share);
                return (
                  <td key={coverage.id} className={classes.cell}>
                    <button
                      type="button"
                      className={`${classes.button} ${isSelected ? classes.selected : ''}`}
                      style={{
                        background: shade.background,
                        color: shade.color,
                      }}
                      title={label}
                      aria-label={label}
                      aria-pressed={isSelected}
                      data-section={coverage.id}
                      onClick={() => onSelect(entry.owner, coverage.id)}
                    >
                      {percent}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
