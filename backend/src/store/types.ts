import type {
  ArchitectureDocReport,
  CoverageEntity,
  IndexedDocError,
  IndexedTemplateSection,
  SectionStatus,
} from 'backstage-plugin-architecture-docs-common';

/**
 * The contract between the indexer, which writes what it read, and the
 * store, which keeps it in the plugin's database and answers the API.
 */

/** What the indexer needs to know of a doc before reading it again. */
export interface StoredDocState {
  entityRef: string;
  docUrl?: string;
  /** The host's entity tag of the stored content, passed on the next read. */
  etag?: string;
  /** SHA-256 of the stored content. */
  contentHash?: string;
  /** Whether a report is stored (the doc was analysed at least once). */
  hasReport: boolean;
  /** When the host last answered the doc (content or "not modified"), ISO 8601. */
  fetchedAt?: string;
  /** The last read's failure, when it failed: its kind and when (ISO 8601). */
  failure?: Pick<IndexedDocError, 'kind' | 'at'>;
}

/** The analysed doc, with the figures the coverage rows are filtered and sorted on. */
export interface AnalysedDoc {
  docUrl: string;
  etag?: string;
  contentHash: string;
  /** The content as read (at most the size limit). */
  source: string;
  report: ArchitectureDocReport;
  /** 0–100. */
  score: number;
  /** Per template section id, in template order. */
  sectionStatus: Record<string, SectionStatus>;
  /** Titles of the missing and placeholder sections, in template order. */
  missing: string[];
  placeholder: string[];
  /** Whether any template section was recognised. */
  isArchitectureDoc: boolean;
  /** Relative links whose target does not exist; null when not checked. */
  brokenLinks: number | null;
}

/**
 * One entity's outcome in a cycle (or a refresh):
 * - `analysed`: new or changed content, analysed again;
 * - `unchanged`: the host answered "not modified" (or the same content); only
 *   the read time and the entity's catalog fields are updated;
 * - `no-annotation`: the entity points at no doc;
 * - `failed`: the read failed; an earlier report stays and is marked stale.
 */
export type DocOutcome =
  | { kind: 'analysed'; doc: AnalysedDoc }
  | { kind: 'unchanged'; docUrl: string; brokenLinks?: number | null }
  /** Read recently enough that the host was not asked this cycle. */
  | { kind: 'current'; docUrl: string }
  | { kind: 'no-annotation' }
  | { kind: 'failed'; docUrl?: string; error: IndexedDocError };

/** What the indexer writes for one entity. */
export interface DocWrite {
  entity: CoverageEntity;
  outcome: DocOutcome;
  /** When the read happened. */
  at: Date;
  /**
   * The cycle that saw the entity; a finished cycle removes the entities it
   * did not see. Absent for a one-entity refresh, which keeps the mark.
   */
  cycleId?: string;
}

/**
 * The link checks of an analysed doc, settled once the cycle's docs are
 * read: the doc was stored with the targets no doc read had answered yet
 * left unchecked.
 */
export interface DocLinkResults {
  entityRef: string;
  /** The content the report is of; a doc whose content changed meanwhile is left as it is. */
  contentHash: string;
  /** Per link of the stored report, in order: whether its target exists; undefined leaves the link as stored. */
  linkExists: Array<boolean | undefined>;
  /** The doc's broken links; null while any target is unknown. */
  brokenLinks: number | null;
}

/** The write side of the store, as the indexer uses it. */
export interface DocIndexStore {
  /** The stored states of the given entities (absent ones are not in the map). */
  getDocStates(entityRefs: string[]): Promise<Map<string, StoredDocState>>;
  /** Writes one entity's outcome. Never removes an earlier report on `failed`. */
  writeDoc(write: DocWrite): Promise<void>;
  /** Marks the links of stored reports with their targets' existence. */
  writeLinkResults(results: DocLinkResults[]): Promise<void>;
  /**
   * Ends a cycle: removes the entities no finished cycle saw since
   * `cycleId` started (they left the catalog), records today's history
   * snapshot, prunes history older than `historyDays`, and stores the
   * cycle's end time as the index time.
   */
  finishCycle(options: {
    cycleId: string;
    finishedAt: Date;
    historyDays: number;
    /** The template the cycle checked against, in order; the API serves it. */
    templateSections: IndexedTemplateSection[];
    /**
     * What the stored reports were checked against (template and analyzer),
     * so that any process of the plugin may reuse them.
     */
    reportsFingerprint?: string;
  }): Promise<{ removed: number }>;
  /** The `reportsFingerprint` of the last finished cycle, if any. */
  getReportsFingerprint(): Promise<string | undefined>;
  /** Stores why the configured template could not be used, or clears it. */
  setTemplateProblem(problem: string | undefined): Promise<void>;
}

/** Re-reads one entity's doc now; used by the API's refresh route. */
export interface EntityRefresher {
  /** Reads, analyses and stores the doc; resolves once stored. */
  refreshEntity(entityRef: string): Promise<void>;
}
