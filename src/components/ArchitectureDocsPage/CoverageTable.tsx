import type { ReactNode } from 'react';
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
import { TableSortLabel, Tooltip } from '@material-ui/core';
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

/** Props of {@link CoverageTable}. */
export interface CoverageTableProps {
  rows: CoverageRow[];
  title: JSX.Element;
  filters: CoverageFilters;
  onSort(sort: CoverageSortKey, direction: 'asc' | 'desc'): void;
  /** The path of an entity's page, or of its architecture tab. */
  entityPath(row: CoverageRow): string | undefined;
}

/** The rows of the page in Backstage's table, sorted by the view's sort. */
export function CoverageTable(props: CoverageTableProps) {
  const { rows, filters, onSort, entityPath } = props;
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const sort = filters.sort ?? 'entity';
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

  const columns: TableColumn<CoverageRow>[] = [
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
      render: row => row.missing.join(', '),
    },
    {
      title: header('placeholder', t('page.columns.placeholder')),
      field: 'placeholder',
      render: row => row.placeholder.join(', '),
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
  ];

  return (
    <Table<CoverageRow>
      title={props.title}
      columns={columns}
      data={rows}
      options={{
        paging: true,
        pageSize: 20,
        pageSizeOptions: [20, 50, 100],
        emptyRowsWhenPaging: false,
        search: false,
        sorting: false,
        padding: 'dense',
        draggable: false,
      }}
    />
  );
}
