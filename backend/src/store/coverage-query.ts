import {
  COVERAGE_STATUSES,
  type CoverageFilters,
} from 'backstage-plugin-architecture-docs-common';
import type { Knex } from 'knex';
import { SECTIONS_TABLE } from './tables';
import type { EntityVisibility } from './visibility';

/**
 * Turns the coverage page's filters, its sort and the caller's visibility
 * into SQL on the docs table (aliased `d`), the same on SQLite and
 * PostgreSQL, so that the database filters, sorts and pages.
 */

/** Whether the client talks to SQLite (else PostgreSQL). */
export function isSqlite(client: Knex): boolean {
  return String(client.client.config.client).includes('sqlite');
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, match => `\\${match}`);
}

/**
 * Restricts `query` (over `docs as d`) to the caller's visible entities.
 * The visible set is one JSON parameter however long it is.
 */
export function applyVisibility(
  client: Knex,
  query: Knex.QueryBuilder,
  visibility: EntityVisibility,
): void {
  if (visibility.kind === 'all') return;
  if (visibility.kind === 'none') {
    query.whereRaw('1 = 0');
    return;
  }
  if (isSqlite(client)) {
    query.whereRaw('d.entity_ref IN (SELECT value FROM json_each(?))', [
      JSON.stringify(visibility.entityRefs),
    ]);
  } else {
    // An array parameter, which PostgreSQL matches with a hash table.
    query.whereRaw('d.entity_ref = ANY(?::text[])', [
      postgresTextArray(visibility.entityRefs),
    ]);
  }
}

/** A PostgreSQL array literal of texts, every element quoted. */
export function postgresTextArray(values: string[]): string {
  return `{${values
    .map(value => `"${value.replace(/[\\"]/g, match => `\\${match}`)}"`)
    .join(',')}}`;
}

/** Applies the page's filters (not its sort) to `query` over `docs as d`. */
export function applyCoverageFilters(
  client: Knex,
  query: Knex.QueryBuilder,
  filters: CoverageFilters,
): void {
  const needle = filters.text?.trim().toLowerCase();
  if (needle) {
    const pattern = `%${escapeLike(needle)}%`;
    query.where(inner =>
      inner
        .whereRaw("d.name_key LIKE ? ESCAPE '\\'", [pattern])
        .orWhereRaw("d.title_key LIKE ? ESCAPE '\\'", [pattern]),
    );
  }
  if (filters.owner !== undefined) query.where('d.owner', filters.owner);
  if (filters.system !== undefined) query.where('d.system', filters.system);
  if (filters.lifecycle !== undefined)
    query.where('d.lifecycle', filters.lifecycle);
  if (filters.status !== undefined) query.where('d.status', filters.status);
  if (filters.section !== undefined) {
    const section = filters.section;
    const sectionStatus = filters.sectionStatus ?? 'missing';
    // The section's matching docs, looked up once through the sections'
    // (section, status) index, rather than a lookup per doc row.
    query.whereIn(
      'd.entity_ref',
      client(SECTIONS_TABLE)
        .select('entity_ref')
        .where('section_id', section)
        .where('status', sectionStatus),
    );
  }
  if (filters.minScore !== undefined)
    query.where('d.score', '>=', filters.minScore);
  if (filters.maxScore !== undefined)
    query.where('d.score', '<=', filters.maxScore);
}

const STATUS_RANK_SQL = `CASE d.status ${COVERAGE_STATUSES.map(
  (status, index) => `WHEN '${status}' THEN ${index}`,
).join(' ')} ELSE ${COVERAGE_STATUSES.length} END`;

/**
 * The SQL value each sort key orders by. Counts exist only for analysed
 * docs, as on the page; rows without a value sort last in either direction.
 */
const SORT_VALUE_SQL: Record<
  NonNullable<CoverageFilters['sort']>,
  { sql: string; nullable: boolean }
> = {
  entity: { sql: 'd.title_key', nullable: false },
  status: { sql: STATUS_RANK_SQL, nullable: false },
  score: { sql: 'd.score', nullable: true },
  missing: {
    sql: "CASE WHEN d.status = 'analysed' THEN d.missing_count END",
    nullable: true,
  },
  placeholder: {
    sql: "CASE WHEN d.status = 'analysed' THEN d.placeholder_count END",
    nullable: true,
  },
  brokenLinks: { sql: 'd.broken_links', nullable: true },
  owner: { sql: 'LOWER(d.owner)', nullable: false },
  system: { sql: 'LOWER(d.system)', nullable: false },
  lifecycle: { sql: 'LOWER(d.lifecycle)', nullable: false },
};

/**
 * Orders `query` by the page's sort key and direction, with the entity ref
 * as the tiebreak so that pages never overlap or skip a row.
 */
export function applyCoverageSort(
  query: Knex.QueryBuilder,
  filters: CoverageFilters,
): void {
  const { sql, nullable } = SORT_VALUE_SQL[filters.sort ?? 'entity'];
  const direction = filters.direction === 'desc' ? 'DESC' : 'ASC';
  if (nullable) {
    query.orderByRaw(`CASE WHEN ${sql} IS NULL THEN 1 ELSE 0 END ASC`);
  }
  query.orderByRaw(`${sql} ${direction}`);
  query.orderBy('d.entity_ref', 'asc');
}
