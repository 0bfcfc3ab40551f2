import type {
  ArchitectureDocReport,
  CoverageEntity,
  CoverageStatus,
  IndexedCoverageRow,
  IndexedDocError,
  IndexedDocErrorKind,
  SectionStatus,
} from 'backstage-plugin-architecture-docs-common';

/**
 * The docs table's row as stored, and its translation to and from the
 * store's and the API's types.
 */

/** One row of the docs table (the columns the store reads and writes). */
export interface DocColumns {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string;
  name_key: string;
  title_key: string;
  owner: string;
  system: string;
  lifecycle: string;
  doc_url: string | null;
  status: CoverageStatus;
  error_kind: IndexedDocErrorKind | null;
  error_message: string | null;
  error_at: string | null;
  etag: string | null;
  content_hash: string | null;
  score: number | null;
  missing_count: number | null;
  placeholder_count: number | null;
  missing: string | null;
  placeholder: string | null;
  broken_links: number | null;
  is_architecture_doc: boolean | number | null;
  fetched_at: string | null;
  changed_at: string | null;
  written_at: string;
  last_seen_cycle: string | null;
}

/** The catalog fields of an entity, as stored. */
export function entityColumns(entity: CoverageEntity) {
  return {
    entity_ref: entity.entityRef,
    kind: entity.kind,
    namespace: entity.namespace,
    name: entity.name,
    title: entity.title,
    // Lower-cased here, the same way as the page does, so that text search
    // and title order do not depend on the database's notion of case.
    name_key: entity.name.toLowerCase(),
    title_key: entity.title.toLowerCase(),
    owner: entity.owner,
    system: entity.system,
    lifecycle: entity.lifecycle,
  };
}

/** The stored columns that hold an entity's catalog fields. */
export type EntityColumns = Pick<
  DocColumns,
  | 'entity_ref'
  | 'kind'
  | 'namespace'
  | 'name'
  | 'title'
  | 'owner'
  | 'system'
  | 'lifecycle'
>;

/** The catalog fields of a stored row, as the API answers them. */
export function entityFieldsOf(row: EntityColumns) {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title,
    owner: row.owner,
    system: row.system,
    lifecycle: row.lifecycle,
  };
}

/** The row status of a failed read that has no earlier report to show. */
export function statusOfError(kind: IndexedDocErrorKind): CoverageStatus {
  if (kind === 'not-found') return 'not-found';
  if (kind === 'no-annotation') return 'no-annotation';
  return 'error';
}

/** Columns that reset every field of a doc's content. */
export const NO_CONTENT_COLUMNS = {
  etag: null,
  content_hash: null,
  score: null,
  missing_count: null,
  placeholder_count: null,
  missing: null,
  placeholder: null,
  broken_links: null,
  is_architecture_doc: null,
} as const;

/** Columns that clear the error of the last read. */
export const NO_ERROR_COLUMNS = {
  error_kind: null,
  error_message: null,
  error_at: null,
} as const;

/** A JSON list of strings read back safely; anything else is empty. */
export function parseTitles(text: string | null): string[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string')
      : [];
  } catch {
    return [];
  }
}

/** A count column as a number (PostgreSQL returns big integers as text). */
export function toNumber(value: unknown): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

function nullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : toNumber(value);
}

/** The error of the last read, when there is one. */
export function errorOf(row: DocColumns): IndexedDocError | undefined {
  if (!row.error_kind) return undefined;
  return {
    kind: row.error_kind,
    message: row.error_message ?? '',
    at: row.error_at ?? '',
  };
}

/**
 * A coverage row as the API serves it. A row that still shows an earlier
 * report while its last read failed carries that failure as `stale`.
 */
export function toIndexedCoverageRow(
  row: DocColumns,
  sectionStatus: Record<string, SectionStatus>,
): IndexedCoverageRow {
  const error = errorOf(row);
  const hasReport = row.status === 'analysed';
  const result: IndexedCoverageRow = {
    ...entityFieldsOf(row),
    status: row.status,
    score: nullableNumber(row.score),
    missing: parseTitles(row.missing),
    placeholder: parseTitles(row.placeholder),
    sectionStatus: hasReport ? sectionStatus : {},
    brokenLinks: nullableNumber(row.broken_links),
    fetchedAt: row.fetched_at,
    changedAt: row.changed_at,
  };
  if (row.doc_url) result.docUrl = row.doc_url;
  if (error && hasReport) result.stale = error;
  if (error && !hasReport) {
    result.errorKind = error.kind;
    result.message = error.message;
  }
  return result;
}

/** A stored report read back; a broken one reads as absent. */
export function parseReport(
  text: string | null | undefined,
): ArchitectureDocReport | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object'
      ? (value as ArchitectureDocReport)
      : undefined;
  } catch {
    return undefined;
  }
}
