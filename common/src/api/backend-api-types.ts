import type { ArchitectureDocReport, SectionStatus } from '../analysis';
import type { CoverageRow, CoverageStatus } from '../coverage/coverage-row';
import type {
  OwnerSectionCoverage,
  SectionCoverage,
} from '../coverage/coverage-summary';

/**
 * The request and response types of the backend's REST API
 * (`/api/architecture-docs`), shared so that the backend and the browser
 * agree on them by construction. Filters travel as the catalog-wide page's
 * own URL query (`filtersToSearchParams`), plus `offset` and `limit`.
 */

/** The backend plugin's id, which is also its API's base path segment. @public */
export const ARCHITECTURE_DOCS_PLUGIN_ID = 'architecture-docs';

/** Rows per coverage page when the request does not say. @public */
export const DEFAULT_COVERAGE_PAGE_SIZE = 50;

/** The most rows one coverage request returns. @public */
export const MAX_COVERAGE_PAGE_SIZE = 500;

/**
 * Why the backend could not read or analyse a doc on its last attempt.
 * - `no-annotation`: the entity no longer points at a doc;
 * - `invalid-location`: the annotation does not resolve to a readable URL;
 * - `not-found`: the host has no file there;
 * - `access-denied`: the backend's credentials may not read it;
 * - `too-large`: the file exceeds the size limit;
 * - `timeout`: the host did not answer in time;
 * - `rate-limited`: the host asked to wait, and the wait outlasted the cycle;
 * - `unexpected-content`: the answer was not markdown (an HTML page, binary);
 * - `failed`: anything else (5xx, reset connection).
 * @public
 */
export type IndexedDocErrorKind =
  | 'no-annotation'
  | 'invalid-location'
  | 'not-found'
  | 'access-denied'
  | 'too-large'
  | 'timeout'
  | 'rate-limited'
  | 'unexpected-content'
  | 'failed';

/** The error of a doc's last read. @public */
export interface IndexedDocError {
  kind: IndexedDocErrorKind;
  /** A sentence for people; never a token or a response body. */
  message: string;
  /** ISO time of the failed attempt. */
  at: string;
}

/** When a doc was read, and whether the report shown is still current. @public */
export interface IndexedDocTimes {
  /** ISO time of the last successful read (an unchanged answer counts). */
  fetchedAt: string | null;
  /** ISO time the doc's content last changed, as seen by the backend. */
  changedAt: string | null;
  /**
   * Set when the last read failed while an earlier report exists: the row
   * still shows that earlier report, which may be out of date.
   */
  stale?: IndexedDocError;
}

/** One coverage row as the backend serves it. @public */
export interface IndexedCoverageRow extends CoverageRow, IndexedDocTimes {
  /** The kind of failure, for rows whose status is an error. */
  errorKind?: IndexedDocErrorKind;
}

/** A template section's id and title, in template order. @public */
export interface IndexedTemplateSection {
  id: string;
  title: string;
}

/** `GET /coverage`: one page of the filtered, sorted rows. @public */
export interface CoverageRowsResponse {
  rows: IndexedCoverageRow[];
  /** Rows matching the filters that the caller may read, over all pages. */
  totalCount: number;
  offset: number;
  limit: number;
  /** ISO end time of the last complete indexing cycle; null before the first. */
  indexedAt: string | null;
  /** The sections the reports were checked against. */
  templateSections: IndexedTemplateSection[];
}

/** `GET /coverage/summary`: section coverage of the filtered view. @public */
export interface CoverageSummaryResponse {
  /** Rows per status in the filtered view. */
  statusCounts: Record<CoverageStatus, number>;
  /** Mean score of the analysed docs in the view; null when there are none. */
  averageScore: number | null;
  /** Every template section, counted over the view's analysed docs. */
  sections: SectionCoverage[];
  /** The same, per owner, owners sorted by name. */
  byOwner: OwnerSectionCoverage[];
  indexedAt: string | null;
}

/** One day of the filtered view's history. @public */
export interface CoverageHistoryPoint {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  /** Analysed docs that day. */
  docs: number;
  /** Mean score that day; null when no doc was analysed. */
  averageScore: number | null;
  /** Per template section id, the share (0–1) of that day's docs with it present. */
  sectionPresentShare: Record<string, number>;
}

/** `GET /coverage/history`: daily points, oldest first. @public */
export interface CoverageHistoryResponse {
  points: CoverageHistoryPoint[];
  templateSections: IndexedTemplateSection[];
}

/** `GET /entities/:kind/:namespace/:name` and its `/refresh`. @public */
export interface IndexedEntityDocResponse extends IndexedDocTimes {
  entityRef: string;
  status: CoverageStatus;
  docUrl?: string;
  /** The doc as last read, within the size limit. */
  source?: string;
  /** The report of `source` against the configured template. */
  report?: ArchitectureDocReport;
  /** The failure of the last read, when there is no report to show. */
  error?: IndexedDocError;
  indexedAt: string | null;
}

/** `GET /status`: whether the index is usable and how fresh it is. @public */
export interface IndexStatusResponse {
  /** ISO end time of the last complete cycle; null before the first. */
  indexedAt: string | null;
  /** Docs in the index (all entities with the annotation). */
  docs: number;
  /** Why the configured template could not be used, when it could not. */
  templateError?: string;
}

/** Docs per `GET /indexed-docs` page when the request does not say. @public */
export const DEFAULT_INDEXED_DOCS_PAGE_SIZE = 100;

/** The most docs one `GET /indexed-docs` page returns. @public */
export const MAX_INDEXED_DOCS_PAGE_SIZE = 500;

/** A template section of an indexed doc, with its anchor on the entity's tab. @public */
export interface IndexedDocSection {
  /** The template section's id. */
  id: string;
  /** The template section's title. */
  title: string;
  status: SectionStatus;
  /** The anchor slug of the doc's heading that covers it; null without one. */
  anchor: string | null;
}

/**
 * One analysed doc as other backend plugins read it (the search collator,
 * the Tech Insights fact retriever): the entity's catalog fields and what
 * the last analysis found.
 * @public
 */
export interface IndexedDocSummary {
  /** Lower-case `kind:namespace/name`. */
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  /** The entity's title, or its name. */
  title: string;
  /** The owner's entity ref; empty when the entity names none. */
  owner: string;
  /** The system's entity ref; empty when the entity names none. */
  system: string;
  /** The entity's `spec.lifecycle`; empty when it has none. */
  lifecycle: string;
  /** The doc's own title (its first heading); null without one. */
  docTitle: string | null;
  /** The completeness score, 0–100. */
  score: number;
  /** Every template section, in template order. */
  sections: IndexedDocSection[];
  /** Titles of the missing template sections, in template order. */
  missing: string[];
  /** Titles of the placeholder template sections, in template order. */
  placeholder: string[];
  /** Relative links whose target does not exist; null when not checked. */
  brokenLinks: number | null;
  /** Mermaid diagrams already known not to render. */
  failingDiagrams: number;
  /** ISO time the doc's content last changed, as seen by the backend. */
  changedAt: string | null;
  /** The doc's text without its markdown; only when asked for (`text=true`). */
  text?: string;
}

/**
 * `GET /indexed-docs?cursor=&limit=&text=`: one page of the analysed docs the
 * caller may read, in entity ref order. Meant for other backend plugins,
 * which call it with service credentials.
 * @public
 */
export interface IndexedDocsPageResponse {
  items: IndexedDocSummary[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  /** The sections the reports were checked against. */
  templateSections: IndexedTemplateSection[];
  /** ISO end time of the last complete indexing cycle; null before the first. */
  indexedAt: string | null;
}
