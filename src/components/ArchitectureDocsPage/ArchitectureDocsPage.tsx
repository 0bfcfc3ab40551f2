import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { catalogApiRef, entityRouteParams, entityRouteRef } from '@backstage/plugin-catalog-react';
import { Box, Button, LinearProgress, makeStyles, Typography } from '@material-ui/core';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useArchitectureDocsConfig } from '../../hooks/useArchitectureDocsConfig';
import { useConfigProblems } from '../../hooks/useConfigProblems';
import { DEFAULT_ARCHITECTURE_TAB_PATH } from '../../hooks/useArchitectureDoc';
import { useTemplateModel } from '../../hooks/useTemplateModel';
import type { SectionStatus } from '../../lib';
import {
  applyCoverageFilters,
  COVERAGE_ENTITY_FIELDS,
  coverageRowsToCsv,
  distinctValues,
  filtersFromSearchParams,
  filtersToSearchParams,
  matchesCoverageFilters,
  summarizeSectionCoverage,
  type CoverageFilters,
  type CoverageRow,
} from '../../lib/coverage';
import { architectureDocsTranslationRef } from '../../translation';
import { ConfigProblemsNotice } from '../ConfigProblemsNotice';
import { CoverageFilterBar } from './CoverageFilterBar';
import { CoverageTable } from './CoverageTable';
import { downloadCsv } from './downloadCsv';
import { SectionCoverageSummary } from './SectionCoverageSummary';
import { markTiming, useCoverageScan, type CoverageProgress, type CoverageScan } from './useCoverageScan';
import { startTransitionCompat, useDeferredValueCompat } from './reactCompat';
import { useSameItems } from './useSameItems';

/**
 * Props of {@link ArchitectureDocsPage}.
 * @public
 */
export interface ArchitectureDocsPageProps {
  /**
   * The path of the architecture tab under an entity page, where the rows
   * link to. Default `architecture`.
   */
  tabPath?: string;
}

const useStyles = makeStyles(theme => ({
  progress: { marginBottom: theme.spacing(2) },
  progressBar: { height: 8, borderRadius: 4, marginTop: theme.spacing(0.5) },
  summary: { marginBottom: theme.spacing(3) },
  tableTitle: { display: 'flex', alignItems: 'center', gap: theme.spacing(2) },
}));

function ScanProgress(props: { progress: CoverageProgress }) {
  const { progress } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const value = progress.total === 0 ? 100 : (progress.done / progress.total) * 100;
  const docsDone = progress.done >= progress.total;
  return (
    <Box className={classes.progress} data-testid="coverage-progress" data-done={progress.done} data-total={progress.total} data-finished={progress.finished} data-analysed-in={progress.analysedIn}>
      <Typography variant="body2">
        {docsDone
          ? t('page.progress.finished', { total: String(progress.total) })
          : t('page.progress.scanning', { done: String(progress.done), total: String(progress.total) })}
        {progress.revalidating > 0 && ` · ${t('page.progress.revalidating', { count: progress.revalidating })}`}
        {docsDone &&
          progress.linksTotal > 0 &&
          !progress.finished &&
          ` · ${t('page.progress.links', { done: String(progress.linksDone), total: String(progress.linksTotal) })}`}
      </Typography>
      <LinearProgress
        className={classes.progressBar}
        variant="determinate"
        value={value}
        aria-label={t('page.progress.scanning', { done: String(progress.done), total: String(progress.total) })}
      />
    </Box>
  );
}

function CoverageView(props: { scan: CoverageScan; tabPath: string }) {
  const { tabPath } = props;
  // Results arriving and filters being typed render after urgent updates;
  // rows and progress are deferred together so they always agree.
  const { rows, progress } = useDeferredValueCompat(props.scan);
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { template } = useTemplateModel();
  const entityRoute = useRouteRef(entityRouteRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);
  const setFilters = useCallback(
    (next: CoverageFilters) => setSearchParams(filtersToSearchParams(next), { replace: true }),
    [setSearchParams],
  );
  const deferredFilters = useDeferredValueCompat(filters);
  const deferredRows = rows;

  // Rows handed to the sort in the order of the previous view: between two
  // flushes of the scan few rows move, and sorting an almost sorted list is
  // close to linear.
  const previousOrder = useRef(new Map<string, number>());
  const shown = useMemo(() => {
    const order = previousOrder.current;
    const rank = (row: CoverageRow) => order.get(row.entityRef) ?? Number.MAX_SAFE_INTEGER;
    const arranged = order.size > 0 ? [...deferredRows].sort((a, b) => rank(a) - rank(b)) : deferredRows;
    const view = applyCoverageFilters(arranged, deferredFilters);
    previousOrder.current = new Map(view.map((row, index) => [row.entityRef, index]));
    return view;
  }, [deferredRows, deferredFilters]);
  const summaryRows = useMemo(() => {
    const { section: _section, sectionStatus: _status, ...rest } = deferredFilters;
    return deferredRows.filter(row => matchesCoverageFilters(row, rest));
  }, [deferredRows, deferredFilters]);
  const summary = useMemo(() => summarizeSectionCoverage(summaryRows, template), [summaryRows, template]);
  const analysedCount = summaryRows.filter(row => row.status === 'analysed').length;
  const owners = useSameItems(useMemo(() => distinctValues(deferredRows, 'owner'), [deferredRows]));
  const systems = useSameItems(useMemo(() => distinctValues(deferredRows, 'system'), [deferredRows]));
  const lifecycles = useSameItems(useMemo(() => distinctValues(deferredRows, 'lifecycle'), [deferredRows]));

  const entityPath = useCallback(
    (row: CoverageRow) => {
      try {
        const base = entityRoute(entityRouteParams({ kind: row.kind, namespace: row.namespace, name: row.name }));
        return row.status === 'no-annotation' ? base : `${base}/${tabPath.replace(/^\/+/, '')}`;
      } catch {
        return undefined;
      }
    },
    [entityRoute, tabPath],
  );

  const selected = useMemo(
    () =>
      filters.section !== undefined
        ? { section: filters.section, status: (filters.sectionStatus ?? 'missing') as SectionStatus }
        : undefined,
    [filters.section, filters.sectionStatus],
  );
  const onSelectSection = useCallback(
    (section: string, status: SectionStatus) => setFilters({ ...filters, section, sectionStatus: status }),
    [filters, setFilters],
  );
  const onSort = useCallback(
    (sort: CoverageFilters['sort'], direction: 'asc' | 'desc') => setFilters({ ...filters, sort, direction }),
    [filters, setFilters],
  );
  // The export reads the rows shown when clicked, so the title (and the
  // table it belongs to) re-renders only when the counts change.
  const shownNow = useRef(shown);
  shownNow.current = shown;
  const tableTitle = useMemo(
    () => (
      <div className={classes.tableTitle}>
        <Typography variant="h6" data-testid="coverage-count">
          {t('page.table.title', { shown: String(shown.length), total: String(rows.length) })}
        </Typography>
        <Button
          variant="outlined"
          size="small"
          startIcon={<GetAppIcon />}
          onClick={() => downloadCsv('architecture-docs.csv', coverageRowsToCsv(shownNow.current))}
        >
          {t('page.table.exportCsv')}
        </Button>
      </div>
    ),
    [classes.tableTitle, t, shown.length, rows.length],
  );

  return (
    <>
      <ScanProgress progress={progress} />
      <div className={classes.summary}>
        <SectionCoverageSummary
          summary={summary}
          analysed={analysedCount}
          selected={selected}
          onSelect={onSelectSection}
        />
      </div>
      <CoverageFilterBar
        filters={filters}
        onChange={setFilters}
        owners={owners}
        systems={systems}
        lifecycles={lifecycles}
        template={template}
      />
      <CoverageTable rows={shown} filters={deferredFilters} onSort={onSort} entityPath={entityPath} title={tableTitle} />
    </>
  );
}

/**
 * The entities of the configured kinds, one catalog query. The answer is
 * shown as a transition: the first render of thousands of rows then yields
 * to the browser instead of holding the main thread.
 */
function useCoverageEntities(kindsKey: string): { loading: boolean; error?: Error; value?: Entity[] } {
  const catalogApi = useApi(catalogApiRef);
  const [state, setState] = useState<{ loading: boolean; error?: Error; value?: Entity[] }>({ loading: true });
  useEffect(() => {
    let active = true;
    setState({ loading: true });
    catalogApi.getEntities({ filter: { kind: kindsKey.split('\n') }, fields: COVERAGE_ENTITY_FIELDS }).then(
      ({ items }) => {
        markTiming('entities-loaded');
        if (active) startTransitionCompat(() => setState({ loading: false, value: items }));
      },
      error => {
        if (active) setState({ loading: false, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      active = false;
    };
  }, [catalogApi, kindsKey]);
  return state;
}

function CoverageContent(props: { tabPath: string }) {
  const config = useArchitectureDocsConfig();
  const { kinds, concurrency } = config.coverage;
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { template, loading: templateLoading, problem: templateProblem } = useTemplateModel();
  const problems = useConfigProblems(templateProblem);
  const kindsKey = kinds.join('\n');
  const entities = useCoverageEntities(kindsKey);
  const scan = useCoverageScan({
    entities: entities.value,
    template,
    templateReady: !templateLoading,
    concurrency,
  });

  let body: ReactNode;
  if (entities.loading) {
    body = <Progress />;
  } else if (entities.error) {
    body = <ResponseErrorPanel error={entities.error} />;
  } else if (!entities.value || entities.value.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title={t('page.empty.title')}
        description={t('page.empty.description', { kinds: kinds.join(', ') })}
      />
    );
  } else {
    body = <CoverageView scan={scan} tabPath={props.tabPath} />;
  }
  return (
    <>
      <ConfigProblemsNotice problems={problems} />
      {body}
    </>
  );
}

/**
 * The catalog-wide page: every entity of the configured kinds with its
 * architecture doc's status, score, missing and placeholder sections and
 * broken links; a per-section summary; filters kept in the URL; CSV export.
 * @public
 */
export function ArchitectureDocsPage(props: ArchitectureDocsPageProps) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <Page themeId="tool">
      <Header title={t('page.title')} subtitle={t('page.subtitle')} />
      <Content>
        <CoverageContent tabPath={props.tabPath ?? DEFAULT_ARCHITECTURE_TAB_PATH} />
      </Content>
    </Page>
  );
}
