import { memo, useEffect, useState } from 'react';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Button, makeStyles, MenuItem, TextField } from '@material-ui/core';
import type { TemplateModel } from '../../lib';
import { COVERAGE_STATUSES, type CoverageFilters, type CoverageStatus } from '../../coverage';
import { architectureDocsTranslationRef } from '../../translation';
import { statusMessageKey } from './statusLabels';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
    '& > *': { minWidth: 150 },
    // The secondary text colour misses 4.5:1 on the page background; focused
    // and disabled labels keep their own colours.
    '& label': { color: theme.palette.text.primary },
  },
  score: { width: 100, minWidth: 100 },
}));

/** Props of {@link CoverageFilterBar}. */
export interface CoverageFilterBarProps {
  filters: CoverageFilters;
  onChange(next: CoverageFilters): void;
  owners: string[];
  systems: string[];
  lifecycles: string[];
  template: TemplateModel;
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

/** The page's filters: free text, owner, system, lifecycle, status, section and score range. */
export const CoverageFilterBar = memo(function CoverageFilterBarView(props: CoverageFilterBarProps) {
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
  const options = (values: string[]) => [any, ...values.map(value => ({ label: value, value }))];
  const set = (patch: Partial<CoverageFilters>) => {
    const next: CoverageFilters = { ...filters, ...patch };
    for (const key of Object.keys(patch) as Array<keyof CoverageFilters>) {
      if (next[key] === '' || next[key] === undefined) delete next[key];
    }
    onChange(next);
  };
  const selectOne = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
  const id = (name: string) => `${idBase}-${name}`;

  return (
    <div className={classes.bar} data-testid="coverage-filters">
      <TextField
        id={id('search')}
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
        label={t('page.filters.owner')}
        items={options(props.owners)}
        selected={filters.owner ?? ''}
        onChange={value => set({ owner: selectOne(value) })}
        testId="filter-owner"
      />
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
      <FilterSelect
        id={id('status')}
        label={t('page.filters.status')}
        items={[
          any,
          ...COVERAGE_STATUSES.map(status => ({ label: t(statusMessageKey(status)), value: status })),
        ]}
        selected={filters.status ?? ''}
        onChange={value => set({ status: selectOne(value) as CoverageStatus | undefined })}
        testId="filter-status"
      />
      <FilterSelect
        id={id('section')}
        label={t('page.filters.section')}
        items={[any, ...template.sections.map(section => ({ label: section.title, value: section.id }))]}
        selected={filters.section ?? ''}
        onChange={value => set({ section: selectOne(value) })}
        testId="filter-section"
      />
      <FilterSelect
        id={id('section-status')}
        label={t('page.filters.sectionStatus')}
        items={(['missing', 'placeholder', 'present'] as const).map(status => ({
          label: t(`page.sectionStatus.${status}`),
          value: status,
        }))}
        selected={filters.sectionStatus ?? 'missing'}
        disabled={!filters.section}
        onChange={value => set({ sectionStatus: selectOne(value) as CoverageFilters['sectionStatus'] })}
        testId="filter-section-status"
      />
      <TextField
        className={classes.score}
        type="number"
        id={id('min-score')}
        label={t('page.filters.minScore')}
        value={filters.minScore ?? ''}
        inputProps={{ min: 0, max: 100, 'data-testid': 'filter-min-score' }}
        onChange={event => set({ minScore: scoreValue(event.target.value) })}
      />
      <TextField
        className={classes.score}
        type="number"
        id={id('max-score')}
        label={t('page.filters.maxScore')}
        value={filters.maxScore ?? ''}
        inputProps={{ min: 0, max: 100, 'data-testid': 'filter-max-score' }}
        onChange={event => set({ maxScore: scoreValue(event.target.value) })}
      />
      <Button
        variant="text"
        onClick={() => onChange(filters.sort ? { sort: filters.sort, direction: filters.direction } : {})}
      >
        {t('page.filters.clear')}
      </Button>
    </div>
  );
});
