import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Box, Button, makeStyles, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import {
  MAX_COVERAGE_PAGE_SIZE,
  type IndexedCoverageRow,
  type IndexedTemplateSection,
  type SectionStatus,
} from 'backstage-plugin-architecture-docs-common';
import type { ArchitectureDocsBackendApi } from '../../api';
import {
  coverageRowsToCsv,
  filtersFromSearchParams,
  filtersToSearchParams,
  type CoverageFilters,
  type CoverageRow,
} from '../../coverage';
import { downloadCsv } from '../../coverage/download-csv';
import { indexedRequestProblem } from '../../model/indexed-doc';
import { architectureDocsTranslationRef } from '../../translation';
import { ConfigProblemsNotice } from '../ConfigProblemsNotice';
import { IndexFreshness } from '../IndexFreshness';
import { CoverageFilterBar } from './CoverageFilterBar';
import { CoverageHistoryChart } from './CoverageHistoryChart';
import { CoverageTable } from './CoverageTable';
import { menuValues } from './CoverageView';
import {
  SectionCoverageSummary,
  type CoverageSummaryView,
} from './SectionCoverageSummary';
import { useAsyncInTransition } from './useAsyncInTransition';
import { useCoverageEntityPath } from './useCoverageEntityPath';
import { useStagedReveal } from './useStagedReveal';

const useStyles = makeStyles(theme => ({
  part: { marginBottom: theme.spacing(3) },
  tableTitle: { display: 'flex', alignItems: 'center', gap: theme.spacing(2) },
}));

const FIRST_PAGE_SIZE = 20;
/**
 * The parts mounted after the table, one per frame: the filter bar, the
 * section summary, the history chart.
 */
const LATER_PARTS = 3;
const NO_ROWS: IndexedCoverageRow[] = [];
const NO_SECTIONS: IndexedTemplateSection[] = [];

/** The filters without some keys, and a key that changes with the rest. */
function withoutKeys(
  filters: CoverageFilters,
  keys: (keyof CoverageFilters)[],
): [CoverageFilters, string] {
  const rest = { ...filters };
  for (const key of keys) delete rest[key];
  return [rest, filtersToSearchParams(rest).toString()];
}

/** A failed request to the backend, said in a sentence. */
function describeFailure(error: Error): string {
  const problem = indexedRequestProblem(error);
  return problem === 'not-indexed' ? error.message : problem.message;
}

/** Every row the filters keep, read page after page, for the CSV export. */
async function readAllRows(
  backendApi: ArchitectureDocsBackendApi,
  filters: CoverageFilters,
): Promise<CoverageRow[]> {
  const rows: CoverageRow[] = [];
  for (;;) {
    const page = await backendApi.getCoverage(filters, {
      offset: rows.length,
      limit: MAX_COVERAGE_PAGE_SIZE,
    });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.totalCount) return rows;
  }
}

/**
 * The catalog-wide page when the backend's index serves it: the filters in
 * the URL go to the backend, which filters, sorts and pages the rows, counts
 * the section summary and keeps the history. The browser fetches no doc.
 */
export function IndexedCoverageView(props: {
  backendApi: ArchitectureDocsBackendApi;
  tabPath: string;
}) {
  const { backendApi, tabPath } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const entityPath = useCoverageEntityPath(tabPath);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(
    () => filtersFromSearchParams(searchParams),
    [searchParams],
  );
  const filtersKey = filtersToSearchParams(filters).toString();
  const setFilters = useCallback(
    (next: CoverageFilters) =>
      setSearchParams(filtersToSearchParams(next), { replace: true }),
    [setSearchParams],
  );

  // A new filter starts at the first page.
  const [paging, setPaging] = useState({
    key: filtersKey,
    page: 0,
    pageSize: FIRST_PAGE_SIZE,
  });
  const page = paging.key === filtersKey ? paging.page : 0;
  const pageSize = paging.pageSize;

  // The rows the user may read without filters, for "shown of total": one
  // row asked, for its count.
  const unfiltered = useAsyncInTransition(
    () => backendApi.getCoverage({}, { offset: 0, limit: 1 }),
    [backendApi],
  );
  const rows = useAsyncInTransition(
    () =>
      backendApi.getCoverage(filters, {
        offset: page * pageSize,
        limit: pageSize,
      }),
    // `filters` is derived from `filtersKey`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [backendApi, filtersKey, page, pageSize],
  );
  // The summary leaves the section filter out, as the browser's does: with
  // it, each bar would keep one segment.
  const [summaryFilters, summaryKey] = withoutKeys(filters, [
    'section',
    'sectionStatus',
    'sort',
    'direction',
  ]);
  const summary = useAsyncInTransition(
    () => backendApi.getCoverageSummary(summaryFilters),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [backendApi, summaryKey],
  );
  const [historyFilters, historyKey] = withoutKeys(filters, [
    'sort',
    'direction',
  ]);
  const history = useAsyncInTransition(
    () => backendApi.getCoverageHistory(historyFilters),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [backendApi, historyKey],
  );
  const status = useAsyncInTransition(
    () => backendApi.getStatus(),
    [backendApi],
  );

  const [view, setView] = useState<CoverageSummaryView>('sections');
  // The table (and its rows, the page's purpose) mounts first; each other
  // part in a frame of its own.
  const revealed = useStagedReveal(LATER_PARTS);
  const pageRows = rows.value?.rows ?? NO_ROWS;
  const sections =
    rows.value?.templateSections ??
    history.value?.templateSections ??
    NO_SECTIONS;
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
  const selectedOwner =
    filters.owner !== undefined &&
    filters.section !== undefined &&
    (filters.sectionStatus ?? 'missing') === 'missing'
      ? { owner: filters.owner, section: filters.section }
      : undefined;

  const owners = useMemo(() => {
    const fromSummary = (summary.value?.byOwner ?? []).map(o => o.owner);
    const values = new Set([
      ...menuValues(pageRows, 'owner', filters.owner),
      ...fromSummary,
    ]);
    return [...values].sort((a, b) => a.localeCompare(b));
  }, [summary.value, pageRows, filters.owner]);
  const systems = useMemo(
    () => menuValues(pageRows, 'system', filters.system),
    [pageRows, filters.system],
  );
  const lifecycles = useMemo(
    () => menuValues(pageRows, 'lifecycle', filters.lifecycle),
    [pageRows, filters.lifecycle],
  );

  const [exportError, setExportError] = useState<string>();
  const exportCsv = useCallback(() => {
    setExportError(undefined);
    readAllRows(backendApi, filters).then(
      all => downloadCsv('architecture-docs.csv', coverageRowsToCsv(all)),
      error => setExportError(describeFailure(error)),
    );
  }, [backendApi, filters]);
  const onSort = useCallback(
    (sort: CoverageFilters['sort'], direction: 'asc' | 'desc') =>
      setFilters({ ...filters, sort, direction }),
    [setFilters, filters],
  );

  const failure = rows.error ?? summary.error;
  const indexedAt =
    rows.value?.indexedAt ??
    summary.value?.indexedAt ??
    status.value?.indexedAt ??
    null;
  const shown = rows.value?.totalCount ?? 0;
  const total = unfiltered.value?.totalCount ?? shown;
  // The table re-processes its rows whenever its title or sort handler
  // changes: both stay the same while other parts of the page arrive.
  const tableTitle = useMemo(
    () => (
      <div className={classes.tableTitle}>
        <Typography variant="h6" component="h2" data-testid="coverage-count">
          {t('page.table.title', {
            shown: String(shown),
            total: String(total),
          })}
        </Typography>
        <Button
          variant="outlined"
          size="small"
          startIcon={<GetAppIcon />}
          onClick={exportCsv}
        >
          {t('page.table.exportCsv')}
        </Button>
        {exportError && (
          <Typography variant="body2" color="error" role="alert">
            {exportError}
          </Typography>
        )}
      </div>
    ),
    [classes.tableTitle, t, shown, total, exportCsv, exportError],
  );

  return (
    <>
      {status.value?.templateError && (
        <ConfigProblemsNotice problems={[status.value.templateError]} />
      )}
      <Box mb={2}>
        <IndexFreshness indexedAt={indexedAt} />
      </Box>
      {failure && (
        <Box className={classes.part} data-testid="coverage-backend-error">
          <WarningPanel
            severity="error"
            title={t('index.unreachable')}
            defaultExpanded
          >
            <Typography variant="body2" paragraph>
              {describeFailure(failure)}
            </Typography>
            <Button variant="outlined" color="primary" onClick={rows.retry}>
              {t('states.retry')}
            </Button>
          </WarningPanel>
        </Box>
      )}
      {revealed >= 2 && (
        <div className={classes.part}>
          <SectionCoverageSummary
            summary={summary.value?.sections ?? []}
            analysed={summary.value?.statusCounts.analysed ?? 0}
            selected={selected}
            onSelect={(section, sectionStatus) =>
              setFilters({ ...filters, section, sectionStatus })
            }
            view={view}
            onViewChange={setView}
            owners={summary.value?.byOwner}
            sections={sections}
            selectedOwner={selectedOwner}
            onSelectOwner={(owner, section) => {
              const { sectionStatus: _status, ...rest } = filters;
              setFilters({ ...rest, owner, section });
            }}
          />
        </div>
      )}
      {revealed >= 3 && (
        <div className={classes.part}>
          <CoverageHistoryChart
            points={history.value?.points ?? []}
            sections={history.value?.templateSections ?? sections}
          />
        </div>
      )}
      {revealed >= 1 && (
        <CoverageFilterBar
          filters={filters}
          onChange={setFilters}
          owners={owners}
          systems={systems}
          lifecycles={lifecycles}
          template={{ sections }}
        />
      )}
      <CoverageTable
        rows={pageRows}
        sections={sections}
        filters={filters}
        onSort={onSort}
        entityPath={entityPath}
        loading={!rows.value && !rows.error}
        pagination={{
          count: shown,
          page,
          pageSize,
          onPageChange: next =>
            setPaging({ key: filtersKey, page: next, pageSize }),
          onPageSizeChange: size =>
            setPaging({ key: filtersKey, page: 0, pageSize: size }),
        }}
        title={tableTitle}
        cellsInTransition
      />
    </>
  );
}
