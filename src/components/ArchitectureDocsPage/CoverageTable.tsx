import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  Link,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { makeStyles, TablePagination, TableSortLabel, Tooltip } from '@material-ui/core';
import type { CoverageFilters, CoverageRow, CoverageSortKey, CoverageStatus } from '../../lib/coverage';
import { architectureDocsTranslationRef } from '../../translation';
import { statusMessageKey } from './statusLabels';

const STATUS_ICONS: Record<CoverageStatus, (props: { children: ReactNode }) => JSX.Element> = {
  analysed: StatusOK,
  'no-annotation': StatusAborted,
  'not-found': StatusWarning,
  'sign-in-needed': StatusWarning,
  error: StatusError,
  pending: StatusPending,
};

const PAGE_SIZES = [20, 50, 100];

const useStyles = makeStyles({
  sections: { fontSize: '0.8rem', minWidth: 180 },
});

/** Props of {@link CoverageTable}. */
export interface CoverageTableProps {
  rows: CoverageRow[];
  title: JSX.Element;
  filters: CoverageFilters;
  onSort(sort: CoverageSortKey, direction: 'asc' | 'desc'): void;
  /** The path of an entity's page, or of its architecture tab. */
  entityPath(row: CoverageRow): string | undefined;
}

/** The same array as last time when it holds the same rows, else `rows`. */
function useSameRows(rows: CoverageRow[]): CoverageRow[] {
  const last = useRef(rows);
  const previous = last.current;
  if (previous.length !== rows.length || previous.some((row, index) => row !== rows[index])) last.current = rows;
  return last.current;
}

/** The rows of the page in Backstage's table, sorted by the view's sort. */
export function CoverageTable(props: CoverageTableProps) {
  const { rows, filters, onSort, entityPath } = props;
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const classes = useStyles();
  const sort = filters.sort ?? 'entity';
  // The table only ever gets one page of rows: thousands of rows updated as
  // results arrive would otherwise be re-processed by the table each time.
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const filterKey = JSON.stringify(filters);
  useEffect(() => setPage(0), [filterKey]);
  const lastPage = Math.max(0, Math.ceil(rows.length / pageSize) - 1);
  const currentPage = Math.min(page, lastPage);
  const pageRows = useSameRows(rows.slice(currentPage * pageSize, (currentPage + 1) * pageSize));
  const direction = filters.direction ?? 'asc';

  const header = (key: CoverageSortKey, label: string) => (
    <TableSortLabel
      active={sort === key}
      direction={sort === key ? direction : 'asc'}
      onClick={() => onSort(key, sort === key && direction === 'asc' ? 'desc' : 'asc')}
    >
      {label}
    </TableSortLabel>
  );

  const columns: TableColumn<CoverageRow>[] = useMemo(() => [
    {
      title: header('entity', t('page.columns.entity')),
      field: 'title',
      render: row => {
        const path = entityPath(row);
        return path ? (
          <Link to={path} data-entity-ref={row.entityRef}>
            {row.title}
          </Link>
        ) : (
          row.title
        );
      },
    },
    {
      title: header('status', t('page.columns.status')),
      field: 'status',
      render: row => {
        const Icon = STATUS_ICONS[row.status];
        const label = <Icon>{t(statusMessageKey(row.status))}</Icon>;
        return row.message ? (
          <Tooltip title={row.message}>
            <span data-status={row.status}>{label}</span>
          </Tooltip>
        ) : (
          <span data-status={row.status}>{label}</span>
        );
      },
    },
    {
      title: header('score', t('page.columns.score')),
      field: 'score',
      type: 'numeric',
      render: row => (row.score === null ? '—' : row.score),
    },
    {
      title: header('missing', t('page.columns.missing')),
      field: 'missing',
      render: row => <span className={classes.sections}>{row.missing.join(', ')}</span>,
    },
    {
      title: header('placeholder', t('page.columns.placeholder')),
      field: 'placeholder',
      render: row => <span className={classes.sections}>{row.placeholder.join(', ')}</span>,
    },
    {
      title: header('brokenLinks', t('page.columns.brokenLinks')),
      field: 'brokenLinks',
      type: 'numeric',
      render: row => {
        if (row.status !== 'analysed') return '';
        if (row.brokenLinks === null) {
          return (
            <Tooltip title={t('page.table.linksUnchecked')}>
              <span>…</span>
            </Tooltip>
          );
        }
        return row.brokenLinks;
      },
    },
    { title: header('owner', t('page.columns.owner')), field: 'owner' },
    { title: header('system', t('page.columns.system')), field: 'system' },
    { title: header('lifecycle', t('page.columns.lifecycle')), field: 'lifecycle' },
  ],
  // eslint-disable-next-line react-hooks/exhaustive-deps
  [t, classes, entityPath, sort, direction, onSort]);

  // Backstage's table re-processes its data and columns on every render;
  // while results arrive, most renders leave the shown page unchanged.
  const table = useMemo(
    () => (
      <Table<CoverageRow>
        title={props.title}
        columns={columns}
        data={pageRows}
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
          draggable: false,
        }}
      />
    ),
    [props.title, columns, pageRows],
  );

  return (
    <>
      {table}
      <TablePagination
        component="div"
        count={rows.length}
        page={currentPage}
        rowsPerPage={pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, next) => setPage(next)}
        onRowsPerPageChange={event => {
          setPageSize(Number(event.target.value));
          setPage(0);
        }}
      />
    </>
  );
}
