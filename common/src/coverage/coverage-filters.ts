import { COVERAGE_STATUSES, type CoverageRow } from './coverage-row';
import type {
  CoverageFilters,
  CoverageSortKey,
} from './coverage-filter-params';

/**
 * Whether a row belongs to the view.
 * @public
 */
export function matchesCoverageFilters(
  row: CoverageRow,
  filters: CoverageFilters,
): boolean {
  if (filters.text) {
    // The locale-independent mapping, which is what 'en-US' gives, without
    // an ICU locale lookup per call: this runs for every row on each key.
    const needle = filters.text.trim().toLowerCase();
    if (
      needle &&
      !row.name.toLowerCase().includes(needle) &&
      !row.title.toLowerCase().includes(needle)
    ) {
      return false;
    }
  }
  if (filters.owner !== undefined && row.owner !== filters.owner) return false;
  if (filters.system !== undefined && row.system !== filters.system)
    return false;
  if (filters.lifecycle !== undefined && row.lifecycle !== filters.lifecycle)
    return false;
  if (filters.status !== undefined && row.status !== filters.status)
    return false;
  if (filters.section !== undefined) {
    if (
      row.sectionStatus[filters.section] !==
      (filters.sectionStatus ?? 'missing')
    )
      return false;
  }
  if (
    filters.minScore !== undefined &&
    (row.score === null || row.score < filters.minScore)
  )
    return false;
  if (
    filters.maxScore !== undefined &&
    (row.score === null || row.score > filters.maxScore)
  )
    return false;
  return true;
}

const STATUS_ORDER = new Map(
  COVERAGE_STATUSES.map((status, index) => [status, index]),
);

/**
 * One collator for every comparison: `localeCompare` with options builds a
 * new one per call, which would dominate sorting thousands of rows.
 */
const collator = new Intl.Collator('en-US', {
  sensitivity: 'base',
  numeric: true,
});

function compareText(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Rows without a value (no score yet, links unchecked) sort last in either direction. */
function compareNullable(
  a: number | null,
  b: number | null,
  sign: number,
): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * sign;
}

/**
 * Compares two rows for a sort key and direction; ties fall back to the
 * entity ref so the order is stable and the same everywhere (table, CSV).
 * @public
 */
export function compareCoverageRows(
  a: CoverageRow,
  b: CoverageRow,
  sort: CoverageSortKey = 'entity',
  direction: 'asc' | 'desc' = 'asc',
): number {
  const sign = direction === 'desc' ? -1 : 1;
  let result = 0;
  switch (sort) {
    case 'score':
      result = compareNullable(a.score, b.score, sign);
      break;
    case 'brokenLinks':
      result = compareNullable(a.brokenLinks, b.brokenLinks, sign);
      break;
    case 'missing':
      result = compareNullable(
        a.status === 'analysed' ? a.missing.length : null,
        b.status === 'analysed' ? b.missing.length : null,
        sign,
      );
      break;
    case 'placeholder':
      result = compareNullable(
        a.status === 'analysed' ? a.placeholder.length : null,
        b.status === 'analysed' ? b.placeholder.length : null,
        sign,
      );
      break;
    case 'status':
      result =
        ((STATUS_ORDER.get(a.status) ?? 0) -
          (STATUS_ORDER.get(b.status) ?? 0)) *
        sign;
      break;
    case 'owner':
    case 'system':
    case 'lifecycle':
      result = compareText(a[sort], b[sort]) * sign;
      break;
    default:
      result = compareText(a.title, b.title) * sign;
  }
  return result || compareText(a.entityRef, b.entityRef);
}

/**
 * The rows of a view, filtered and sorted.
 * @public
 */
export function applyCoverageFilters(
  rows: readonly CoverageRow[],
  filters: CoverageFilters,
): CoverageRow[] {
  return rows
    .filter(row => matchesCoverageFilters(row, filters))
    .sort((a, b) => compareCoverageRows(a, b, filters.sort, filters.direction));
}

/**
 * The distinct non-empty values of a column, sorted, for the filter menus.
 * @public
 */
export function distinctValues(
  rows: readonly CoverageRow[],
  field: 'owner' | 'system' | 'lifecycle',
): string[] {
  const values = new Set<string>();
  for (const row of rows) if (row[field]) values.add(row[field]);
  return [...values].sort(compareText);
}
