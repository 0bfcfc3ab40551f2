import { InputError } from '@backstage/errors';
import {
  DEFAULT_COVERAGE_PAGE_SIZE,
  DEFAULT_INDEXED_DOCS_PAGE_SIZE,
  MAX_COVERAGE_PAGE_SIZE,
  MAX_INDEXED_DOCS_PAGE_SIZE,
  filtersFromSearchParams,
  type CoverageFilters,
} from 'backstage-plugin-architecture-docs-common';
import type { CoveragePage } from '../store/DatabaseDocStore';

/**
 * Reads the API's query parameters: the catalog-wide page's own filter
 * query (`filtersFromSearchParams`), plus paging and the history's length.
 * Unlike a shared link, which opens with what it understands, an API call
 * with a malformed value is answered 400 naming it.
 */

/** Days of history served when the request does not say. */
export const DEFAULT_HISTORY_DAYS = 90;
/** The longest history one request may ask for. */
export const MAX_HISTORY_DAYS = 3650;

/** Filter parameters whose value must be one of a set, or a number. */
const CHECKED_FILTER_PARAMS: Array<[string, keyof CoverageFilters]> = [
  ['status', 'status'],
  ['sectionStatus', 'sectionStatus'],
  ['sort', 'sort'],
  ['dir', 'direction'],
  ['minScore', 'minScore'],
  ['maxScore', 'maxScore'],
];

function quoted(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/** The query string of a request URL, as parameters. */
export function searchParamsOf(url: string): URLSearchParams {
  const index = url.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : url.slice(index + 1));
}

/** The coverage filters of a request; throws `InputError` on a bad value. */
export function readFilters(params: URLSearchParams): CoverageFilters {
  const filters = filtersFromSearchParams(params);
  for (const [param, field] of CHECKED_FILTER_PARAMS) {
    const value = params.get(param);
    if (value !== null && value.trim() !== '' && filters[field] === undefined) {
      throw new InputError(`Invalid ${param}: ${quoted(value)}`);
    }
  }
  if (
    filters.minScore !== undefined &&
    filters.maxScore !== undefined &&
    filters.minScore > filters.maxScore
  ) {
    throw new InputError('Invalid score range: minScore is above maxScore');
  }
  return filters;
}

function readInteger(
  params: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value)) {
    throw new InputError(
      `Invalid ${name}: ${quoted(value)} is not a whole number`,
    );
  }
  const parsed = Number(value);
  if (parsed < min || parsed > max) {
    throw new InputError(
      `Invalid ${name}: ${parsed} is not between ${min} and ${max}`,
    );
  }
  return parsed;
}

/** The page of a coverage request (`offset`, `limit`). */
export function readPage(params: URLSearchParams): CoveragePage {
  return {
    offset: readInteger(params, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
    limit: readInteger(
      params,
      'limit',
      DEFAULT_COVERAGE_PAGE_SIZE,
      1,
      MAX_COVERAGE_PAGE_SIZE,
    ),
  };
}

/** The history's length in days (`days`). */
export function readHistoryDays(params: URLSearchParams): number {
  return readInteger(params, 'days', DEFAULT_HISTORY_DAYS, 1, MAX_HISTORY_DAYS);
}

/** A page request of `GET /indexed-docs`. */
export interface IndexedDocsParameters {
  /** The entity ref the page starts after (from the cursor). */
  after?: string;
  limit: number;
  /** Whether each doc's plain text is wanted (`text=true`). */
  withText: boolean;
}

/** The opaque cursor that resumes the indexed docs after an entity ref. */
export function indexedDocsCursor(afterEntityRef: string): string {
  return Buffer.from(JSON.stringify({ after: afterEntityRef })).toString(
    'base64url',
  );
}

function readCursor(value: string | null): string | undefined {
  if (value === null || value === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(
      Buffer.from(value, 'base64url').toString('utf8'),
    );
    const after = (parsed as { after?: unknown } | null)?.after;
    if (typeof after === 'string' && after !== '') return after;
  } catch {
    // Answered below as any other malformed cursor.
  }
  throw new InputError(`Invalid cursor: ${quoted(value)}`);
}

/** The page of a `GET /indexed-docs` request (`cursor`, `limit`, `text`). */
export function readIndexedDocsParameters(
  params: URLSearchParams,
): IndexedDocsParameters {
  const text = params.get('text');
  if (text !== null && text !== '' && text !== 'true' && text !== 'false') {
    throw new InputError(`Invalid text: ${quoted(text)} is not true or false`);
  }
  return {
    after: readCursor(params.get('cursor')),
    limit: readInteger(
      params,
      'limit',
      DEFAULT_INDEXED_DOCS_PAGE_SIZE,
      1,
      MAX_INDEXED_DOCS_PAGE_SIZE,
    ),
    withText: text === 'true',
  };
}
