import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { memo, useMemo } from 'react';
import { Button, ButtonGroup, makeStyles, Typography } from '@material-ui/core';
import type {
  SectionStatus,
  IndexedTemplateSection,
} from 'backstage-plugin-architecture-docs-common';
import type { OwnerSectionCoverage, SectionCoverage } from '../../coverage';
import { architectureDocsTranslationRef } from '../../translation';
import { sectionStatusColor } from './coverageColors';
import { OwnerCoverageGrid } from './OwnerCoverageGrid';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(140px, 220px) 1fr 150px',
    alignItems: 'center',
    gap: theme.spacing(1.5),
    padding: theme.spacing(0.25, 0),
  },
  title: { fontSize: theme.typography.body2.fontSize },
  bar: {
    display: 'flex',
    height: 18,
    borderRadius: 3,
    overflow: 'hidden',
    background: theme.palette.action.hover,
  },
  segment: {
    border: 0,
    padding: 0,
    margin: 0,
    cursor: 'pointer',
    minWidth: 0,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.text.primary}`,
      outlineOffset: -2,
    },
    '&:hover': { filter: 'brightness(1.1)' },
  },
  present: { background: sectionStatusColor(theme, 'present') },
  placeholder: { background: sectionStatusColor(theme, 'placeholder') },
  missing: { background: sectionStatusColor(theme, 'missing') },
  selected: { boxShadow: `inset 0 0 0 3px ${theme.palette.text.primary}` },
  counts: {
    fontVariantNumeric: 'tabular-nums',
    color: theme.palette.text.secondary,
    fontSize: '0.8rem',
  },
  legend: {
    display: 'flex',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
    fontSize: '0.8rem',
  },
  swatch: {
    display: 'inline-block',
    width: 10,
    height: 10,
    marginRight: 4,
    borderRadius: 2,
  },
}));

const STATUSES: SectionStatus[] = ['present', 'placeholder', 'missing'];

/** What the summary shows: a bar per section, or a row per owner. */
export type CoverageSummaryView = 'sections' | 'owners';

/** Props of {@link SectionCoverageSummary}. */
export interface SectionCoverageSummaryProps {
  summary: SectionCoverage[];
  /** Analysed docs counted. */
  analysed: number;
  /** The section filter in force, to mark its bar segment. */
  selected?: { section: string; status: SectionStatus };
  onSelect(section: string, status: SectionStatus): void;
  view: CoverageSummaryView;
  onViewChange(view: CoverageSummaryView): void;
  /** The coverage per owner, given while the owner view shows. */
  owners?: OwnerSectionCoverage[];
  sections: readonly IndexedTemplateSection[];
  /** The owner and section filters in force, to mark their cell. */
  selectedOwner?: { owner: string; section: string };
  onSelectOwner(owner: string, section: string): void;
}

/**
 * For each template section, a bar of how many analysed docs have it
 * present, placeholder or missing; a segment filters the table to those docs.
 * A switch shows the same by owner instead ({@link OwnerCoverageGrid}).
 */
export const SectionCoverageSummary = memo(function SectionCoverageSummaryView(
  props: SectionCoverageSummaryProps,
) {
  const { summary, analysed, selected, onSelect, view, onViewChange } = props;
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const viewSwitch = (
    <ButtonGroup
      size="small"
      role="group"
      aria-label={t('page.summary.viewSwitch')}
    >
      {(['sections', 'owners'] as const).map(option => (
        <Button
          key={option}
          aria-pressed={view === option}
          variant={view === option ? 'contained' : 'outlined'}
          color={view === option ? 'primary' : 'default'}
          onClick={() => onViewChange(option)}
          data-testid={`coverage-view-${option}`}
        >
          {option === 'sections'
            ? t('page.summary.bySection')
            : t('page.summary.byOwner')}
        </Button>
      ))}
    </ButtonGroup>
  );
  return (
    <InfoCard
      title={t('page.summary.title')}
      titleTypographyProps={{ component: 'h2' }}
      subheader={
        view === 'owners'
          ? t('page.owners.subtitle', { count: analysed })
          : t('page.summary.subtitle', { count: analysed })
      }
      action={viewSwitch}
    >
      {view === 'owners' ? (
        <OwnerCoverageGrid
          owners={props.owners ?? []}
          sections={props.sections}
          selected={props.selectedOwner}
          onSelect={props.onSelectOwner}
        />
      ) : (
        <SectionBars
          summary={summary}
          analysed={analysed}
          selected={selected}
          onSelect={onSelect}
        />
      )}
    </InfoCard>
  );
});

/** The bars of the section view. */
function SectionBars(
  props: Pick<
    SectionCoverageSummaryProps,
    'summary' | 'analysed' | 'selected' | 'onSelect'
  >,
) {
  const { summary, analysed, selected, onSelect } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  // Translated once per language, not once per segment on every render.
  const statusNames = useMemo(
    () => ({
      present: t('page.sectionStatus.present'),
      placeholder: t('page.sectionStatus.placeholder'),
      missing: t('page.sectionStatus.missing'),
    }),
    [t],
  );
  return (
    <>
      <div className={classes.legend}>
        {STATUSES.map(status => (
          <span key={status}>
            <span className={`${classes.swatch} ${classes[status]}`} />
            {statusNames[status]}
          </span>
        ))}
      </div>
      <div role="list" aria-label={t('page.summary.title')}>
        {summary.map(entry => {
          // Every segment reads the whole row, then which docs it lists.
          const rowSummary = t('page.summary.row', {
            section: entry.title,
            present: String(entry.present),
            placeholder: String(entry.placeholder),
            missing: String(entry.missing),
          });
          return (
            <div
              key={entry.id}
              className={classes.row}
              role="listitem"
              data-section={entry.id}
            >
              <Typography className={classes.title} noWrap>
                {entry.title}
              </Typography>
              <div className={classes.bar}>
                {STATUSES.map(status => {
                  const count = entry[status];
                  if (count === 0 || analysed === 0) return null;
                  // Not `count`: that name makes i18next look for plural forms,
                  // building plural rules on each call, and this message runs
                  // for every segment on every render while the scan goes on.
                  const label = t('page.summary.segment', {
                    summary: rowSummary,
                    docs: String(count),
                    status: statusNames[status],
                  });
                  const isSelected =
                    selected?.section === entry.id &&
                    selected.status === status;
                  // A native tooltip: dozens of segments re-render while the
                  // scan runs, and a popper per segment would cost each time.
                  return (
                    <button
                      key={status}
                      type="button"
                      title={label}
                      aria-label={label}
                      aria-pressed={isSelected}
                      className={`${classes.segment} ${classes[status]} ${isSelected ? classes.selected : ''}`}
                      style={{ width: `${(count / analysed) * 100}%` }}
                      onClick={() => onSelect(entry.id, status)}
                    />
                  );
                })}
              </div>
              <span className={classes.counts}>
                {entry.present} / {entry.placeholder} / {entry.missing}
              </span>
            </div>
          );
        })}
      </div>
    </>
  );
}
