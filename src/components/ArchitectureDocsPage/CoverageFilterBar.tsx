import { memo, useEffect, useRef, useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Button,
  makeStyles,
  MenuItem,
  Popover,
  TextField,
  type Theme,
} from '@material-ui/core';
import TuneIcon from '@material-ui/icons/Tune';
import type { IndexedTemplateSection } from 'backstage-plugin-architecture-docs-common';
import {
  COVERAGE_STATUSES,
  type CoverageFilters,
  type CoverageStatus,
} from '../../coverage';
import { architectureDocsTranslationRef } from '../../translation';
import { statusMessageKey } from './statusLabels';

// The labels' secondary text colour misses 4.5:1 on the page background;
// focused and disabled labels keep their own colours.
const readableLabels = (theme: Theme) => ({
  '& label': { color: theme.palette.text.primary },
});

/**
 * The bar holds the filters used most on one line down to a 1,280 px
 * window; the others fold into a panel behind "More filters". Narrower
 * windows wrap the bar rather than cut it.
 */
const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
    ...readableLabels(theme),
  },
  search: { flex: '1 1 120px', minWidth: 110, maxWidth: 320 },
  owner: { width: 150 },
  status: { width: 130 },
  section: { width: 160 },
  sectionStatus: { width: 100 },
  button: { whiteSpace: 'nowrap', flex: 'none' },
  more: {
    display: 'grid',
    gridTemplateColumns: 'repeat(2, 170px)',
    gap: theme.spacing(2),
    padding: theme.spacing(2),
    ...readableLabels(theme),
  },
}));

/** Props of {@link CoverageFilterBar}. */
export interface CoverageFilterBarProps {
  filters: CoverageFilters;
  onChange(next: CoverageFilters): void;
  owners: string[];
  systems: string[];
  lifecycles: string[];
  /** The template's sections, offered by the section filter. */
  template: { sections: readonly IndexedTemplateSection[] };
}

function scoreValue(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : undefined;
}

let filterBarCounter = 0;

interface FilterSelectProps {
  /** Ties the label to the control, so the control is named by it. */
  id: string;
  className?: string;
  label: string;
  items: Array<{ label: string; value: string }>;
  selected: string;
  disabled?: boolean;
  onChange(value: string): void;
  testId: string;
}

/**
 * A labelled drop-down: Material UI's select inside a text field, whose
 * button a screen reader announces with the label and the chosen value.
 */
function FilterSelect(props: FilterSelectProps) {
  return (
    <TextField
      select
      id={props.id}
      className={props.className}
      name={props.id}
      label={props.label}
      value={props.selected}
      disabled={props.disabled}
      onChange={event => props.onChange(event.target.value)}
      InputLabelProps={{ shrink: true }}
      SelectProps={{ displayEmpty: true }}
      data-testid={props.testId}
    >
      {props.items.map(item => (
        <MenuItem key={item.value} value={item.value}>
          {item.label}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The page's filters: free text, owner, doc status and section on the bar;
 * system, lifecycle and score range in the panel of "More filters".
 */
export const CoverageFilterBar = memo(function CoverageFilterBarView(
  props: CoverageFilterBarProps,
) {
  const { filters, onChange, template } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const [idBase] = useState(() => {
    filterBarCounter += 1;
    return `coverage-filters-${filterBarCounter}`;
  });
  // Typing stays local and immediate; the URL follows.
  const [text, setText] = useState(filters.text ?? '');
  useEffect(() => setText(filters.text ?? ''), [filters.text]);

  const any = { label: t('page.filters.any'), value: '' };
  const options = (values: string[]) => [
    any,
    ...values.map(value => ({ label: value, value })),
  ];
  const set = (patch: Partial<CoverageFilters>) => {
    const next: CoverageFilters = { ...filters, ...patch };
    for (const key of Object.keys(patch) as Array<keyof CoverageFilters>) {
      if (next[key] === '' || next[key] === undefined) delete next[key];
    }
    onChange(next);
  };
  const selectOne = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value : undefined;
  const id = (name: string) => `${idBase}-${name}`;

  // The filters behind "More filters", counted on its button when set.
  const folded = [
    filters.system,
    filters.lifecycle,
    filters.minScore,
    filters.maxScore,
  ].filter(value => value !== undefined).length;
  const moreButton = useRef<HTMLButtonElement>(null);
  const [moreOpen, setMoreOpen] = useState(false);

  return (
    <div className={classes.bar} data-testid="coverage-filters">
      <TextField
        id={id('search')}
        className={classes.search}
        label={t('page.filters.search')}
        value={text}
        inputProps={{ 'data-testid': 'coverage-search' }}
        onChange={event => {
          setText(event.target.value);
          set({ text: event.target.value || undefined });
        }}
      />
      <FilterSelect
        id={id('owner')}
        className={classes.owner}
        label={t('page.filters.owner')}
        items={options(props.owners)}
        selected={filters.owner ?? ''}
        onChange={value => set({ owner: selectOne(value) })}
        testId="filter-owner"
      />
      <FilterSelect
        id={id('status')}
        className={classes.status}
        label={t('page.filters.status')}
        items={[
          any,
          ...COVERAGE_STATUSES.map(status => ({
            label: t(statusMessageKey(status)),
            value: status,
          })),
        ]}
        selected={filters.status ?? ''}
        onChange={value =>
          set({ status: selectOne(value) as CoverageStatus | undefined })
        }
        testId="filter-status"
      />
      <FilterSelect
        id={id('section')}
        className={classes.section}
        label={t('page.filters.section')}
        items={[
          any,
          ...template.sections.map(section => ({
            label: section.title,
            value: section.id,
          })),
        ]}
        selected={filters.section ?? ''}
        onChange={value => set({ section: selectOne(value) })}
        testId="filter-section"
      />
      <FilterSelect
        id={id('section-status')}
        className={classes.sectionStatus}
        label={t('page.filters.sectionStatus')}
        items={(['missing', 'placeholder', 'present'] as const).map(status => ({
          label: t(`page.sectionStatus.${status}`),
          value: status,
        }))}
        selected={filters.sectionStatus ?? 'missing'}
        disabled={!filters.section}
        onChange={value =>
          set({
            sectionStatus: selectOne(value) as CoverageFilters['sectionStatus'],
          })
        }
        testId="filter-section-status"
      />
      <Button
        ref={moreButton}
        className={classes.button}
        variant="outlined"
        startIcon={<TuneIcon />}
        aria-haspopup="dialog"
        aria-expanded={moreOpen}
        aria-controls={moreOpen ? id('more') : undefined}
        onClick={() => setMoreOpen(true)}
        data-testid="filter-more"
      >
        {folded > 0
          ? t('page.filters.moreSet', { count: folded })
          : t('page.filters.more')}
      </Button>
      <Popover
        open={moreOpen}
        anchorEl={moreButton.current}
        onClose={() => setMoreOpen(false)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        transformOrigin={{ vertical: 'top', horizontal: 'left' }}
        PaperProps={
          {
            role: 'dialog',
            'aria-label': t('page.filters.more'),
            id: id('more'),
          } as object
        }
      >
        <div className={classes.more} data-testid="coverage-filters-more">
          <FilterSelect
            id={id('system')}
            label={t('page.filters.system')}
            items={options(props.systems)}
            selected={filters.system ?? ''}
            onChange={value => set({ system: selectOne(value) })}
            testId="filter-system"
          />
          <FilterSelect
            id={id('lifecycle')}
            label={t('page.filters.lifecycle')}
            items={options(props.lifecycles)}
            selected={filters.lifecycle ?? ''}
            onChange={value => set({ lifecycle: selectOne(value) })}
            testId="filter-lifecycle"
          />
          <TextField
            type="number"
            id={id('min-score')}
            label={t('page.filters.minScore')}
            value={filters.minScore ?? ''}
            inputProps={{ min: 0, max: 100, 'data-testid': 'filter-min-score' }}
            onChange={event =>
              set({ minScore: scoreValue(event.target.value) })
            }
          />
          <TextField
            type="number"
            id={id('max-score')}
            label={t('page.filters.maxScore')}
            value={filters.maxScore ?? ''}
            inputProps={{ min: 0, max: 100, 'data-testid': 'filter-max-score' }}
            onChange={event =>
              set({ maxScore: scoreValue(event.target.value) })
            }
          />
        </div>
      </Popover>
      <Button
        className={classes.button}
        variant="text"
        onClick={() =>
          onChange(
            filters.sort
              ? { sort: filters.sort, direction: filters.direction }
              : {},
          )
        }
      >
        {t('page.filters.clear')}
      </Button>
    </div>
  );
});
