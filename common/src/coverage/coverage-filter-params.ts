// The coverage view's URL codec, apart from the filtering and sorting
// (coverage-filters.ts), so that a client that only writes a view to a
// request does not bundle the sorting.
import type { SectionStatus } from '../analysis';
import { COVERAGE_STATUSES, type CoverageStatus } from './coverage-row';

/** Columns the page sorts by. @public */
export type CoverageSortKey =
  | 'entity'
  | 'status'
  | 'score'
  | 'missing'
  | 'placeholder'
  | 'brokenLinks'
  | 'owner'
  | 'system'
  | 'lifecycle';

const SORT_KEYS: readonly CoverageSortKey[] = [
  'entity',
  'status',
  'score',
  'missing',
  'placeholder',
  'brokenLinks',
  'owner',
  'system',
  'lifecycle',
];

const SECTION_STATUS_VALUES: readonly SectionStatus[] = [
  'missing',
  'placeholder',
  'present',
];

/**
 * A view of the page: what is filtered and how it is sorted. Every field is
 * optional; an absent field does not filter.
 * @public
 */
export interface CoverageFilters {
  /** Part of the entity's name or title, case-insensitive. */
  text?: string;
  owner?: string;
  system?: string;
  lifecycle?: string;
  status?: CoverageStatus;
  /** A template section id; with `sectionStatus` (default `missing`). */
  section?: string;
  sectionStatus?: SectionStatus;
  /** Inclusive score bounds; rows without a score never match a bound. */
  minScore?: number;
  maxScore?: number;
  sort?: CoverageSortKey;
  direction?: 'asc' | 'desc';
}

/** The URL query parameter of each filter. */
const PARAMS = {
  text: 'q',
  owner: 'owner',
  system: 'system',
  lifecycle: 'lifecycle',
  status: 'status',
  section: 'section',
  sectionStatus: 'sectionStatus',
  minScore: 'minScore',
  maxScore: 'maxScore',
  sort: 'sort',
  direction: 'dir',
} as const;

function readScore(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) return undefined;
  return Math.min(100, Math.max(0, parsed));
}

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/**
 * Reads a view from the URL's query. Unknown or malformed values are
 * ignored, so a hand-edited link still opens.
 * @public
 */
export function filtersFromSearchParams(
  params: URLSearchParams,
): CoverageFilters {
  const filters: CoverageFilters = {};
  const str = (name: string) => {
    const value = params.get(name);
    return value && value.trim() ? value : undefined;
  };
  filters.text = str(PARAMS.text);
  filters.owner = str(PARAMS.owner);
  filters.system = str(PARAMS.system);
  filters.lifecycle = str(PARAMS.lifecycle);
  filters.status = oneOf(params.get(PARAMS.status), COVERAGE_STATUSES);
  filters.section = str(PARAMS.section);
  filters.sectionStatus = oneOf(
    params.get(PARAMS.sectionStatus),
    SECTION_STATUS_VALUES,
  );
  filters.minScore = readScore(params.get(PARAMS.minScore));
  filters.maxScore = readScore(params.get(PARAMS.maxScore));
  filters.sort = oneOf(params.get(PARAMS.sort), SORT_KEYS);
  filters.direction = oneOf(params.get(PARAMS.direction), [
    'asc',
    'desc',
  ] as const);
  for (const key of Object.keys(filters) as Array<keyof CoverageFilters>) {
    if (filters[key] === undefined) delete filters[key];
  }
  return filters;
}

/**
 * Writes a view to URL query parameters, leaving out what does not filter,
 * so that the shared link stays short.
 * @public
 */
export function filtersToSearchParams(
  filters: CoverageFilters,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAMS) as Array<keyof typeof PARAMS>) {
    const value = filters[key];
    if (value === undefined || value === '') continue;
    if (key === 'sectionStatus' && (!filters.section || value === 'missing'))
      continue;
    params.set(PARAMS[key], String(value));
  }
  return params;
}
