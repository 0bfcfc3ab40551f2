// One file on purpose: the columns, the cells that read their row from the
// page's context, and the pagination all shape the one material-table the
// catalog-wide page shows, in browser and backend mode alike.
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
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
import {
  CircularProgress,
  makeStyles,
  TablePagination,
  TableSortLabel,
} from '@material-ui/core';
import type {
  SectionStatus,
  IndexedCoverageRow,
  IndexedTemplateSection,
} from 'backstage-plugin-architecture-docs-common';
import type {
  CoverageFilters,
  CoverageRow,
  CoverageSortKey,
  CoverageStatus,
} from '../../coverage';
import { architectureDocsTranslationRef } from '../../translation';
import { SectionStrip } from './SectionStrip';
import { statusMessageKey } from './statusLabels';
import { startTransitionCompat } from './reactCompat';
import { useSameItems } from './useSameItems';

const STATUS_ICONS: Record<
  CoverageStatus,
  (props: { children: ReactNode }) => JSX.Element
> = {
  analysed: StatusOK,
  'no-annotation': StatusAborted,
  'not-found': StatusWarning,
  'sign-in-needed': StatusWarning,
  error: StatusError,
  pending: StatusPending,
};

const PAGE_SIZES = [20, 50, 100];

/**
 * Every cell and header holds one line: text that does not fit its column
 * ends in an ellipsis, with the whole value in its tooltip. Every column but
 * the entity's has a width that fits its header (upper case, with room for
 * the sort arrow) and its usual values; the entity takes the rest.
 */
const CELL_STYLE = {
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  padding: '6px 4px',
} as const;
const COLUMN_WIDTHS: Partial<Record<CoverageSortKey, string>> = {
  status: '134px',
  score: '92px',
  missing: '140px',
  brokenLinks: '150px',
  owner: '120px',
  system: '134px',
  lifecycle: '110px',
};

const useStyles = makeStyles(theme => ({
  oneLine: {
    display: 'block',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  sortLabel: { maxWidth: '100%' },
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  sortIcon: { marginLeft: 2, marginRight: 0 },
  headerLabel: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  loading: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    minHeight: theme.spacing(30),
  },
}));

/**
 * Shown in the table's body while the catalog has not answered. Backstage's
 * table has a loading body of its own, but its spinner has no name for a
 * screen reader.
 */
function TableLoading() {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <div className={classes.loading}>
      <CircularProgress size="5rem" aria-label={t('page.table.loading')} />
    </div>
  );
}

/** Props of {@link CoverageTable}. */
export interface CoverageTableProps {
  rows: CoverageRow[];
  /** The template's sections, in order: one strip cell each. */
  sections: readonly IndexedTemplateSection[];
  title: JSX.Element;
  filters: CoverageFilters;
  onSort(sort: CoverageSortKey, direction: 'asc' | 'desc'): void;
  /** The path of an entity's page, or of its architecture tab. */
  entityPath(row: CoverageRow): string | undefined;
  /** True while the catalog has not answered: the table shows it is loading. */
  loading?: boolean;
  /**
   * Paging done elsewhere (by the backend): `rows` are the current page and
   * `count` all the rows the filters keep. Without it the table pages `rows`.
   */
  pagination?: CoverageTablePagination;
  /**
   * Renders the cells' content in a transition after the table has placed
   * new rows, so that a page of rows arriving at once does not take one long
   * task. Off: the cells show with their rows.
   */
  cellsInTransition?: boolean;
}

/** Paging done outside the table, see {@link CoverageTableProps.pagination}. */
export interface CoverageTablePagination {
  count: number;
  page: number;
  pageSize: number;
  onPageChange(page: number): void;
  onPageSizeChange(pageSize: number): void;
}

/**
 * What Backstage's table is given for a row: a place on the page, not an
 * entity. On a change of its data the table re-processes all of it and, from
 * its `componentDidUpdate`, renders every row again in an update React
 * cannot interrupt. Its data therefore stays the same while the page's rows
 * change (results arriving, a new sort, another page): cells read the row at
 * their place from {@link PageRows}, so a doc that arrives re-renders its own
 * cells only, in a render that yields to input.
 */
interface RowSlot {
  index: number;
  /** The table keys its rows by `uuid` (a random one when absent). */
  uuid: string;
}

const PageRows = createContext<readonly CoverageRow[]>([]);

function RowCell(props: {
  slot: RowSlot;
  render(row: CoverageRow): ReactNode;
}) {
  const { slot, render } = props;
  const row = useContext(PageRows)[slot.index];
  // Other rows of the page changing leave this cell's content as it was.
  return useMemo(() => <>{row ? render(row) : null}</>, [row, render]);
}

/**
 * `value` as of the previous commit, then, in a transition, `value`: what
 * renders from it follows the rest of the update in slices between frames.
 * Unlike `useDeferredValue`, the value shown stays put through the page's
 * other updates until its own transition commits.
 */
function useValueInTransition<T>(value: T, enabled: boolean): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (enabled && shown !== value) {
      startTransitionCompat(() => setShown(value));
    }
  }, [enabled, shown, value]);
  return enabled ? shown : value;
}

/** The rows of the page in Backstage's table, sorted by the view's sort. */
export function CoverageTable(props: CoverageTableProps) {
  const {
    rows,
    sections,
    filters,
    onSort,
    entityPath,
    loading = false,
    pagination,
    cellsInTransition = false,
  } = props;
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
  const currentPage = pagination ? pagination.page : Math.min(page, lastPage);
  const pageRows = pagination
    ? rows
    : rows.slice(currentPage * pageSize, (currentPage + 1) * pageSize);
  const sameRows = useSameItems(pageRows);
  // Backstage's table renders its rows again, synchronously, after each
  // change of its data (new row places): with `cellsInTransition`, the
  // cells' content, most of a row's cost, follows in a transition instead of
  // in that one long task.
  const cellRows = useValueInTransition(sameRows, cellsInTransition);
  // While the catalog has not answered, the table has no places and shows a
  // named progress indicator in its body instead.
  const slotCount = loading ? 0 : pageRows.length;
  const slots = useMemo(
    () =>
      Array.from({ length: slotCount }, (_, index): RowSlot => ({
        index,
        uuid: `row-${index}`,
      })),
    [slotCount],
  );
  const direction = filters.direction ?? 'asc';

  const header = (key: CoverageSortKey, label: string) => (
    <TableSortLabel
      className={classes.sortLabel}
      classes={{ icon: classes.sortIcon }}
      active={sort === key}
      direction={sort === key ? direction : 'asc'}
      onClick={() =>
        onSort(key, sort === key && direction === 'asc' ? 'desc' : 'asc')
      }
    >
      <span className={classes.headerLabel} title={label}>
        {label}
      </span>
    </TableSortLabel>
  );

  // One text value on one line, whole in its tooltip when cut short.
  const oneLine = (value: string) => (
    <span className={classes.oneLine} title={value}>
      {value}
    </span>
  );

  const columns: TableColumn<RowSlot>[] = useMemo(
    () => {
      const statusNames: Record<SectionStatus, string> = {
        present: t('page.sectionStatus.present'),
        placeholder: t('page.sectionStatus.placeholder'),
        missing: t('page.sectionStatus.missing'),
      };
      // Each row's strip names the same few section and status pairs:
      // translated once per pair, not once per cell.
      const cellLabels = new Map<string, string>();
      const cellLabel = (title: string, status: SectionStatus) => {
        const key = `${status}\n${title}`;
        let label = cellLabels.get(key);
        if (label === undefined) {
          label = t('page.strip.cell', {
            section: title,
            status: statusNames[status],
          });
          cellLabels.set(key, label);
        }
        return label;
      };
      const cells: {
        key: CoverageSortKey;
        title: JSX.Element;
        render(row: CoverageRow): ReactNode;
        numeric?: boolean;
      }[] = [
        {
          key: 'entity',
          title: header('entity', t('page.columns.entity')),
          render: row => {
            const path = entityPath(row);
            return path ? (
              <Link
                to={path}
                data-entity-ref={row.entityRef}
                className={classes.oneLine}
                title={row.title}
              >
                {row.title}
              </Link>
            ) : (
              oneLine(row.title)
            );
          },
        },
        {
          key: 'status',
          title: header('status', t('page.columns.status')),
          render: row => {
            const Icon = STATUS_ICONS[row.status];
            const name = t(statusMessageKey(row.status));
            // Rows the backend serves from an earlier read say so, and why.
            const stale = (row as Partial<IndexedCoverageRow>).stale;
            if (stale) {
              const note = t('index.staleRow', { message: stale.message });
              return (
                <span
                  data-status={row.status}
                  data-stale={stale.kind}
                  title={`${name}. ${note}`}
                  className={classes.oneLine}
                >
                  <StatusWarning>{`${name} *`}</StatusWarning>
                  <span className={classes.visuallyHidden}>{note}</span>
                </span>
              );
            }
            // Native tooltips: a row re-renders when its doc arrives, and a
            // popper per cell would cost the scan each time.
            return (
              <span
                data-status={row.status}
                title={
                  row.message
                    ? t('page.table.statusTooltip', {
                        status: name,
                        message: row.message,
                      })
                    : name
                }
                className={classes.oneLine}
              >
                <Icon>{name}</Icon>
              </span>
            );
          },
        },
        {
          key: 'score',
          title: header('score', t('page.columns.score')),
          numeric: true,
          render: row => (row.score === null ? '—' : row.score),
        },
        {
          // Sorted by the number of missing sections.
          key: 'missing',
          title: header('missing', t('page.columns.sections')),
          render: row => {
            if (row.status !== 'analysed') return '';
            const present =
              sections.length - row.missing.length - row.placeholder.length;
            return (
              <SectionStrip
                sections={sections.map(section => ({
                  id: section.id,
                  title: section.title,
                  status: row.sectionStatus[section.id] ?? 'missing',
                }))}
                label={t('page.strip.label', {
                  present: String(present),
                  placeholder: String(row.placeholder.length),
                  missing: String(row.missing.length),
                })}
                cellLabel={cellLabel}
              />
            );
          },
        },
        {
          key: 'brokenLinks',
          title: header('brokenLinks', t('page.columns.brokenLinks')),
          numeric: true,
          render: row => {
            if (row.status !== 'analysed') return '';
            if (row.brokenLinks === null) {
              return <span title={t('page.table.linksUnchecked')}>…</span>;
            }
            return row.brokenLinks;
          },
        },
        {
          key: 'owner',
          title: header('owner', t('page.columns.owner')),
          render: row => oneLine(row.owner),
        },
        {
          key: 'system',
          title: header('system', t('page.columns.system')),
          render: row => oneLine(row.system),
        },
        {
          key: 'lifecycle',
          title: header('lifecycle', t('page.columns.lifecycle')),
          render: row => oneLine(row.lifecycle),
        },
      ];
      return cells.map(cell => ({
        title: cell.title,
        type: cell.numeric ? ('numeric' as const) : undefined,
        width: COLUMN_WIDTHS[cell.key],
        cellStyle: CELL_STYLE,
        headerStyle: CELL_STYLE,
        render: (slot: RowSlot) => <RowCell slot={slot} render={cell.render} />,
      }));
    },
    // `header` and `oneLine` are new functions each render, made from these
    // values only: listing them would rebuild the columns on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, classes, entityPath, sort, direction, onSort, sections],
  );

  // Backstage's table re-processes its data and columns on every render;
  // while results arrive, most renders leave the shown page unchanged.
  const table = useMemo(
    () => (
      <Table<RowSlot>
        title={props.title}
        columns={columns}
        data={slots}
        emptyContent={loading ? <TableLoading /> : undefined}
        options={{
          paging: false,
          search: false,
          sorting: false,
          padding: 'dense',
          draggable: false,
          tableLayout: 'fixed',
        }}
      />
    ),
    [props.title, columns, slots, loading],
  );

  return (
    <PageRows.Provider value={cellRows}>
      {table}
      <TablePagination
        component="div"
        count={pagination ? pagination.count : rows.length}
        page={currentPage}
        rowsPerPage={pagination ? pagination.pageSize : pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, next) =>
          pagination ? pagination.onPageChange(next) : setPage(next)
        }
        onRowsPerPageChange={event => {
          const size = Number(event.target.value);
          if (pagination) {
            pagination.onPageSizeChange(size);
            return;
          }
          setPageSize(size);
          setPage(0);
        }}
      />
    </PageRows.Provider>
  );
}
