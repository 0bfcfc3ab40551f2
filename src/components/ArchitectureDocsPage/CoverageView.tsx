import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Button, makeStyles, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useTemplateModel } from '../../hooks/useTemplateModel';
import type {
  SectionStatus,
  TemplateModel,
} from 'backstage-plugin-architecture-docs-common';
import {
  applyCoverageFilters,
  coverageRowsToCsv,
  distinctValues,
  filtersFromSearchParams,
  filtersToSearchParams,
  matchesCoverageFilters,
  summarizeSectionCoverage,
  summarizeSectionCoverageByOwner,
  type CoverageFilters,
  type CoverageRow,
} from '../../coverage';
import { architectureDocsTranslationRef } from '../../translation';
import { CoverageFilterBar } from './CoverageFilterBar';
import { CoverageTable } from './CoverageTable';
import { downloadCsv } from '../../coverage/download-csv';
import {
  SectionCoverageSummary,
  type CoverageSummaryView,
} from './SectionCoverageSummary';
import { type CoverageScan } from './useCoverageScan';
import { startTransitionCompat, useDeferredValueCompat } from './reactCompat';
import { useSameItems } from './useSameItems';
import { ScanProgress } from './ScanProgress';
import { useCoverageEntityPath } from './useCoverageEntityPath';

const useStyles = makeStyles(theme => ({
  summary: { marginBottom: theme.spacing(3) },
  tableTitle: { display: 'flex', alignItems: 'center', gap: theme.spacing(2) },
}));

/**
 * The section summary of the rows the other filters keep (a section filter
 * would leave one segment per bar, an owner filter keeps its owner's row of
 * the owner view). A component of its own, like the filter bar's and the
 * table's parts below, so that React renders each as a separate step it can
 * yield between.
 */
function CoverageSummaryPart(props: {
  rows: CoverageRow[];
  filters: CoverageFilters;
  template: TemplateModel;
  selected?: { section: string; status: SectionStatus };
  onSelect(section: string, status: SectionStatus): void;
  onSelectOwner(owner: string, section: string): void;
}) {
  const { rows, filters, template, selected, onSelect, onSelectOwner } = props;
  const classes = useStyles();
  const [view, setView] = useState<CoverageSummaryView>('sections');
  const summaryRows = useMemo(() => {
    const { section: _section, sectionStatus: _status, ...rest } = filters;
    return rows.filter(row => matchesCoverageFilters(row, rest));
  }, [rows, filters]);
  const summary = useMemo(
    () => summarizeSectionCoverage(summaryRows, template),
    [summaryRows, template],
  );
  // Counted only while shown: the scan updates the rows many times.
  const owners = useMemo(
    () =>
      view === 'owners'
        ? summarizeSectionCoverageByOwner(summaryRows, template)
        : undefined,
    [view, summaryRows, template],
  );
  const analysedCount = useMemo(
    () => summaryRows.filter(row => row.status === 'analysed').length,
    [summaryRows],
  );
  const selectedOwner = useMemo(
    () =>
      filters.owner !== undefined &&
      filters.section !== undefined &&
      (filters.sectionStatus ?? 'missing') === 'missing'
        ? { owner: filters.owner, section: filters.section }
        : undefined,
    [filters.owner, filters.section, filters.sectionStatus],
  );
  return (
    <div className={classes.summary}>
      <SectionCoverageSummary
        summary={summary}
        analysed={analysedCount}
        selected={selected}
        onSelect={onSelect}
        view={view}
        onViewChange={setView}
        owners={owners}
        sections={template.sections}
        selectedOwner={selectedOwner}
        onSelectOwner={onSelectOwner}
      />
    </div>
  );
}

/**
 * The values a menu offers: those of the rows, and the one selected even when
 * no row has it (the catalog still loading, or a shared link to an owner
 * that has gone), so the menu shows what the view is filtered by.
 */
export function menuValues(
  rows: CoverageRow[],
  field: 'owner' | 'system' | 'lifecycle',
  selected: string | undefined,
) {
  const values = distinctValues(rows, field);
  return selected === undefined || values.includes(selected)
    ? values
    : [selected, ...values];
}

/** The filter bar, with the owners, systems and lifecycles the rows have. */
function CoverageFilterPart(props: {
  rows: CoverageRow[];
  filters: CoverageFilters;
  onChange(next: CoverageFilters): void;
  template: TemplateModel;
}) {
  const { rows, filters, onChange, template } = props;
  const owners = useSameItems(
    useMemo(
      () => menuValues(rows, 'owner', filters.owner),
      [rows, filters.owner],
    ),
  );
  const systems = useSameItems(
    useMemo(
      () => menuValues(rows, 'system', filters.system),
      [rows, filters.system],
    ),
  );
  const lifecycles = useSameItems(
    useMemo(
      () => menuValues(rows, 'lifecycle', filters.lifecycle),
      [rows, filters.lifecycle],
    ),
  );
  return (
    <CoverageFilterBar
      filters={filters}
      onChange={onChange}
      owners={owners}
      systems={systems}
      lifecycles={lifecycles}
      template={template}
    />
  );
}

const NO_ROWS: CoverageRow[] = [];

/** The rows the filters keep, sorted, in the table with its count and CSV export. */
function CoverageTablePart(props: {
  rows: CoverageRow[];
  sections: TemplateModel['sections'];
  filters: CoverageFilters;
  onSort(sort: CoverageFilters['sort'], direction: 'asc' | 'desc'): void;
  entityPath(row: CoverageRow): string | undefined;
  loading: boolean;
}) {
  const { filters, onSort, entityPath } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  // The table takes its first rows in a render of its own, after the one
  // that fills the summary and the filter menus with the catalog's answer:
  // mounting the table's body in the same commit made it one long task.
  const [loading, setLoading] = useState(props.loading);
  useEffect(() => {
    if (props.loading) setLoading(true);
    else startTransitionCompat(() => setLoading(false));
  }, [props.loading]);
  const rows = loading ? NO_ROWS : props.rows;
  // Rows handed to the sort in the order of the previous view: between two
  // flushes of the scan few rows move, and sorting an almost sorted list is
  // close to linear.
  const previousOrder = useRef(new Map<string, number>());
  const shown = useMemo(() => {
    const order = previousOrder.current;
    const rank = (row: CoverageRow) =>
      order.get(row.entityRef) ?? Number.MAX_SAFE_INTEGER;
    const arranged =
      order.size > 0 ? [...rows].sort((a, b) => rank(a) - rank(b)) : rows;
    const view = applyCoverageFilters(arranged, filters);
    previousOrder.current = new Map(
      view.map((row, index) => [row.entityRef, index]),
    );
    return view;
  }, [rows, filters]);
  // The export reads the rows shown when clicked, so the title (and the
  // table it belongs to) re-renders only when the counts change.
  const shownNow = useRef(shown);
  shownNow.current = shown;
  const tableTitle = useMemo(
    () => (
      <div className={classes.tableTitle}>
        <Typography variant="h6" component="h2" data-testid="coverage-count">
          {t('page.table.title', {
            shown: String(shown.length),
            total: String(rows.length),
          })}
        </Typography>
        <Button
          variant="outlined"
          size="small"
          startIcon={<GetAppIcon />}
          onClick={() =>
            downloadCsv(
              'architecture-docs.csv',
              coverageRowsToCsv(shownNow.current),
            )
          }
        >
          {t('page.table.exportCsv')}
        </Button>
      </div>
    ),
    [classes.tableTitle, t, shown.length, rows.length],
  );
  return (
    <CoverageTable
      rows={shown}
      sections={props.sections}
      filters={filters}
      onSort={onSort}
      entityPath={entityPath}
      title={tableTitle}
      loading={loading}
    />
  );
}

/**
 * The page's view. While the catalog has not answered it shows its parts
 * empty, with the progress and the table saying so: the answer then fills
 * them in instead of building them, which would hold the main thread just as
 * the first docs arrive.
 */
export function CoverageView(props: {
  scan: CoverageScan;
  tabPath: string;
  loading: boolean;
}) {
  const { tabPath, loading } = props;
  // Results arriving and filters being typed render after urgent updates;
  // rows and progress are deferred together so they always agree.
  const { rows, progress } = useDeferredValueCompat(props.scan);
  const { template } = useTemplateModel();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(
    () => filtersFromSearchParams(searchParams),
    [searchParams],
  );
  const setFilters = useCallback(
    (next: CoverageFilters) =>
      setSearchParams(filtersToSearchParams(next), { replace: true }),
    [setSearchParams],
  );
  const deferredFilters = useDeferredValueCompat(filters);

  const entityPath = useCoverageEntityPath(tabPath);

  const selected = useMemo(
    () =>
      filters.section !== undefined
        ? {
            section: filters.section,
            status: (filters.sectionStatus ?? 'missing') as SectionStatus,
          }
        : undefined,
    [filters.section, filters.sectionStatus],
  );
  const onSelectSection = useCallback(
    (section: string, status: SectionStatus) =>
      setFilters({ ...filters, section, sectionStatus: status }),
    [filters, setFilters],
  );
  const onSelectOwnerSection = useCallback(
    (owner: string, section: string) => {
      const { sectionStatus: _status, ...rest } = filters;
      setFilters({ ...rest, owner, section });
    },
    [filters, setFilters],
  );
  const onSort = useCallback(
    (sort: CoverageFilters['sort'], direction: 'asc' | 'desc') =>
      setFilters({ ...filters, sort, direction }),
    [filters, setFilters],
  );

  return (
    <>
      <ScanProgress progress={progress} loading={loading} />
      <CoverageSummaryPart
        rows={rows}
        filters={deferredFilters}
        template={template}
        selected={selected}
        onSelect={onSelectSection}
        onSelectOwner={onSelectOwnerSection}
      />
      <CoverageFilterPart
        rows={rows}
        filters={filters}
        onChange={setFilters}
        template={template}
      />
      <CoverageTablePart
        rows={rows}
        sections={template.sections}
        filters={deferredFilters}
        onSort={onSort}
        entityPath={entityPath}
        loading={loading}
      />
    </>
  );
}
