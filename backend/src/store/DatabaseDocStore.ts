// One file on purpose: the store is the one class the indexer writes to and
// the API reads from; its queries, writes, history and metadata live in the
// modules beside it (coverage-query, doc-writes, doc-history, index-meta).
import {
  resolvePackagePath,
  type DatabaseService,
  type LoggerService,
} from '@backstage/backend-plugin-api';
import {
  type CoverageFilters,
  type CoverageRowsResponse,
  type CoverageSummaryResponse,
  type CoverageHistoryResponse,
  type IndexedEntityDocResponse,
  type IndexedTemplateSection,
  type IndexStatusResponse,
  type SectionStatus,
} from 'backstage-plugin-architecture-docs-common';
import type { Knex } from 'knex';
import {
  applyCoverageFilters,
  applyCoverageSort,
  applyVisibility,
} from './coverage-query';
import {
  DEFAULT_DATABASE_READINESS,
  DatabaseReadiness,
  type DatabaseReadinessOptions,
} from './database-readiness';
import {
  errorOf,
  parseReport,
  toIndexedCoverageRow,
  toNumber,
  type DocColumns,
} from './doc-columns';
import { writeDocBatch, writeLinkResultBatch } from './doc-writes';
import { tuneSqliteForWrites } from './sqlite-tuning';
import { recordHistorySnapshot, readHistory } from './doc-history';
import {
  CONTENTS_TABLE,
  DOCS_TABLE,
  HISTORY_TABLE,
  SECTIONS_TABLE,
} from './tables';
import type {
  DocIndexStore,
  DocLinkResults,
  DocWrite,
  StoredDocState,
} from './types';
import { WriteQueue } from './write-queue';
import {
  readIndexMeta,
  type IndexMeta,
  readReportsFingerprint,
  writeCycleMeta,
  writeReportsFingerprint,
  writeTemplateProblem,
} from './index-meta';
import { summarizeCoverageView } from './coverage-summary-query';
import {
  readIndexedDocsPage,
  type IndexedDocEntriesPage,
  type IndexedDocsPageRequest,
} from './indexed-docs-query';
import type { EntityVisibility } from './visibility';

/** One page of the coverage rows. */
export interface CoveragePage {
  offset: number;
  limit: number;
}

const MIGRATIONS_TABLE = 'architecture_docs_knex_migrations';
/** Entity refs per `IN (...)` list. */
const LOOKUP_CHUNK = 500;
/**
 * Docs whose link results are written per transaction: each is a stored
 * report read, patched and written back, so a few at a time keeps what is
 * read short-lived.
 */
const LINK_RESULTS_CHUNK = 50;

/**
 * The plugin's database: what the indexer read and analysed, per entity, its
 * daily history, and the queries the API answers, all filtered, sorted,
 * paged and counted by the database (SQLite or PostgreSQL).
 * @public
 */
export class DatabaseDocStore implements DocIndexStore {
  private readonly writes = new WriteQueue(async writes => {
    const client = await this.client();
    await client.transaction(tx =>
      writeDocBatch(tx, writes, new Date().toISOString()),
    );
  });
  /** When this store first saw a write of each running cycle. */
  private readonly cycleStarts = new Map<string, string>();

  /**
   * Creates the store at once; its database is connected and migrated in
   * the background (see `DatabaseReadiness`), so a database that is down
   * at start delays the plugin instead of failing the backend.
   */
  static create(options: {
    database: DatabaseService;
    logger: LoggerService;
    readiness?: Partial<DatabaseReadinessOptions>;
  }): DatabaseDocStore {
    const readiness = new DatabaseReadiness(
      options.database,
      async client => {
        await tuneSqliteForWrites(client);
        if (options.database.migrations?.skip) return;
        await client.migrate.latest({
          directory: resolvePackagePath(
            'backstage-plugin-architecture-docs-backend',
            'migrations',
          ),
          tableName: MIGRATIONS_TABLE,
        });
      },
      options.logger,
      { ...DEFAULT_DATABASE_READINESS, ...options.readiness },
    );
    readiness.start();
    return new DatabaseDocStore(readiness);
  }

  private constructor(private readonly readiness: DatabaseReadiness) {}

  /** Stops connection attempts still running (for shutdown and tests). */
  close(): void {
    this.readiness.stop();
  }

  private client(): Promise<Knex> {
    return this.readiness.getClient();
  }

  // The write side -------------------------------------------------------

  async getDocStates(
    entityRefs: string[],
  ): Promise<Map<string, StoredDocState>> {
    const client = await this.client();
    const states = new Map<string, StoredDocState>();
    for (let i = 0; i < entityRefs.length; i += LOOKUP_CHUNK) {
      const rows: Array<
        Pick<
          DocColumns,
          | 'entity_ref'
          | 'status'
          | 'doc_url'
          | 'etag'
          | 'content_hash'
          | 'fetched_at'
          | 'error_kind'
          | 'error_at'
        >
      > = await client(DOCS_TABLE)
        .select(
          'entity_ref',
          'status',
          'doc_url',
          'etag',
          'content_hash',
          'fetched_at',
          'error_kind',
          'error_at',
        )
        .whereIn('entity_ref', entityRefs.slice(i, i + LOOKUP_CHUNK));
      for (const row of rows) {
        states.set(row.entity_ref, {
          entityRef: row.entity_ref,
          docUrl: row.doc_url ?? undefined,
          etag: row.etag ?? undefined,
          contentHash: row.content_hash ?? undefined,
          hasReport: row.status === 'analysed',
          fetchedAt: row.fetched_at ?? undefined,
          failure: row.error_kind
            ? { kind: row.error_kind, at: row.error_at ?? '' }
            : undefined,
        });
      }
    }
    return states;
  }

  /**
   * Queues the write; writes that arrive together are committed in one
   * transaction, which is what makes a cycle of thousands of docs cheap.
   */
  writeDoc(write: DocWrite): Promise<void> {
    if (write.cycleId && !this.cycleStarts.has(write.cycleId)) {
      this.cycleStarts.set(write.cycleId, new Date().toISOString());
    }
    return this.writes.push(write);
  }

  async writeLinkResults(results: DocLinkResults[]): Promise<void> {
    if (results.length === 0) return;
    const client = await this.client();
    for (let i = 0; i < results.length; i += LINK_RESULTS_CHUNK) {
      await client.transaction(tx =>
        writeLinkResultBatch(tx, results.slice(i, i + LINK_RESULTS_CHUNK)),
      );
    }
  }

  async finishCycle(options: {
    cycleId: string;
    finishedAt: Date;
    historyDays: number;
    templateSections: IndexedTemplateSection[];
    reportsFingerprint?: string;
  }): Promise<{ removed: number }> {
    // Writes still queued belong to the cycle.
    await this.writes.drain();
    const client = await this.client();
    // A cycle that wrote nothing saw no entity: all of them left.
    const startedAt =
      this.cycleStarts.get(options.cycleId) ?? new Date().toISOString();
    this.cycleStarts.delete(options.cycleId);
    return client.transaction(async tx => {
      // Unseen by this cycle and not written since it started: the entity
      // left the catalog (a refresh during the cycle is kept).
      const unseen = tx(DOCS_TABLE)
        .select('entity_ref')
        .where(inner =>
          inner
            .whereNull('last_seen_cycle')
            .orWhereNot('last_seen_cycle', options.cycleId),
        )
        .where('written_at', '<', startedAt);
      for (const table of [SECTIONS_TABLE, CONTENTS_TABLE, HISTORY_TABLE]) {
        await tx(table).whereIn('entity_ref', unseen.clone()).delete();
      }
      const removed = await tx(DOCS_TABLE)
        .whereIn('entity_ref', unseen.clone())
        .delete();
      await writeCycleMeta(tx, options.finishedAt, options.templateSections);
      if (options.reportsFingerprint) {
        await writeReportsFingerprint(tx, options.reportsFingerprint);
      }
      await recordHistorySnapshot(tx, {
        at: options.finishedAt,
        historyDays: options.historyDays,
        templateSections: options.templateSections,
      });
      return { removed: toNumber(removed) };
    });
  }

  async setTemplateProblem(problem: string | undefined): Promise<void> {
    const client = await this.client();
    await writeTemplateProblem(client, problem);
  }

  async getReportsFingerprint(): Promise<string | undefined> {
    const client = await this.client();
    return readReportsFingerprint(client);
  }

  // The read side --------------------------------------------------------

  private filtered(
    client: Knex,
    filters: CoverageFilters,
    visibility: EntityVisibility,
  ): Knex.QueryBuilder {
    const query = client(`${DOCS_TABLE} as d`);
    applyVisibility(client, query, visibility);
    applyCoverageFilters(client, query, filters);
    return query;
  }

  /** One page of the filtered, sorted rows, and the total over all pages. */
  async queryRows(
    filters: CoverageFilters,
    page: CoveragePage,
    visibility: EntityVisibility,
  ): Promise<CoverageRowsResponse> {
    const client = await this.client();
    const query = this.filtered(client, filters, visibility).select(
      'd.entity_ref',
      'd.kind',
      'd.namespace',
      'd.name',
      'd.title',
      'd.owner',
      'd.system',
      'd.lifecycle',
      'd.doc_url',
      'd.status',
      'd.error_kind',
      'd.error_message',
      'd.error_at',
      'd.score',
      'd.missing',
      'd.placeholder',
      'd.broken_links',
      'd.fetched_at',
      'd.changed_at',
    );
    applyCoverageSort(query, filters);
    // Independent queries at once: PostgreSQL runs them on two connections.
    const [[{ count }], rows, meta] = await Promise.all([
      this.filtered(client, filters, visibility).count({ count: '*' }),
      query.offset(page.offset).limit(page.limit) as Promise<DocColumns[]>,
      readIndexMeta(client),
    ]);
    const sections = await this.sectionStatuses(
      client,
      rows.filter(row => row.status === 'analysed').map(row => row.entity_ref),
    );
    return {
      rows: rows.map(row =>
        toIndexedCoverageRow(row, sections.get(row.entity_ref) ?? {}),
      ),
      totalCount: toNumber(count),
      offset: page.offset,
      limit: page.limit,
      indexedAt: meta.indexedAt,
      templateSections: meta.templateSections,
    };
  }

  private async sectionStatuses(
    client: Knex,
    entityRefs: string[],
  ): Promise<Map<string, Record<string, SectionStatus>>> {
    const result = new Map<string, Record<string, SectionStatus>>();
    if (entityRefs.length === 0) return result;
    const rows: Array<{
      entity_ref: string;
      section_id: string;
      status: SectionStatus;
    }> = await client(SECTIONS_TABLE)
      .select('entity_ref', 'section_id', 'status')
      .whereIn('entity_ref', entityRefs);
    for (const row of rows) {
      const record = result.get(row.entity_ref) ?? {};
      record[row.section_id] = row.status;
      result.set(row.entity_ref, record);
    }
    return result;
  }

  /**
   * The filtered view's status counts, mean score, and per-section counts
   * overall and per owner, counted by the database. An analysed doc without
   * a stored status for a section counts it as missing, as the page does.
   */
  async summarize(
    filters: CoverageFilters,
    visibility: EntityVisibility,
  ): Promise<CoverageSummaryResponse> {
    const client = await this.client();
    const meta = await readIndexMeta(client);
    const summary = await summarizeCoverageView(
      client,
      () => this.filtered(client, filters, visibility),
      meta.templateSections,
    );
    return { ...summary, indexedAt: meta.indexedAt };
  }

  /** The filtered view's daily points over the last `days` UTC days. */
  async history(
    filters: CoverageFilters,
    visibility: EntityVisibility,
    days: number,
    now: Date = new Date(),
  ): Promise<CoverageHistoryResponse> {
    const client = await this.client();
    const meta = await readIndexMeta(client);
    const points = await readHistory(client, {
      view: query => {
        applyVisibility(client, query, visibility);
        applyCoverageFilters(client, query, filters);
      },
      days,
      now,
    });
    return { points, templateSections: meta.templateSections };
  }

  /** One entity's report and source, or undefined when it is not indexed. */
  async getEntityDoc(
    entityRef: string,
  ): Promise<IndexedEntityDocResponse | undefined> {
    const client = await this.client();
    const row: DocColumns | undefined = await client(DOCS_TABLE)
      .where('entity_ref', entityRef.toLowerCase())
      .first();
    if (!row) return undefined;
    const meta = await readIndexMeta(client);
    const error = errorOf(row);
    const content: { source: string; report: string } | undefined =
      row.status === 'analysed'
        ? await client(CONTENTS_TABLE)
            .select('source', 'report')
            .where('entity_ref', row.entity_ref)
            .first()
        : undefined;
    const response: IndexedEntityDocResponse = {
      entityRef: row.entity_ref,
      status: row.status,
      fetchedAt: row.fetched_at,
      changedAt: row.changed_at,
      indexedAt: meta.indexedAt,
    };
    if (row.doc_url) response.docUrl = row.doc_url;
    if (content) {
      const report = parseReport(content.report);
      if (report) response.report = report;
      response.source = content.source;
      if (error) response.stale = error;
    } else if (error) {
      response.error = error;
    }
    return response;
  }

  /** Whether the index is usable, and how many docs the caller may see. */
  async getStatus(
    visibility: EntityVisibility = { kind: 'all' },
  ): Promise<IndexStatusResponse> {
    const client = await this.client();
    const meta = await readIndexMeta(client);
    const [{ count }] = await this.filtered(client, {}, visibility)
      .whereNot('d.status', 'no-annotation')
      .count({ count: '*' });
    const status: IndexStatusResponse = {
      indexedAt: meta.indexedAt,
      docs: toNumber(count),
    };
    if (meta.templateProblem) status.templateError = meta.templateProblem;
    return status;
  }

  /**
   * One page of the analysed docs the visibility allows, in entity ref
   * order, for other backend plugins (search, scorecards).
   */
  async listIndexedDocs(
    request: IndexedDocsPageRequest,
  ): Promise<IndexedDocEntriesPage & { meta: IndexMeta }> {
    const client = await this.client();
    const [page, meta] = await Promise.all([
      readIndexedDocsPage(client, request),
      readIndexMeta(client),
    ]);
    return { ...page, meta };
  }

  /** The distinct entity kinds in the index (the catalog query's filter). */
  async listKinds(): Promise<string[]> {
    const client = await this.client();
    const rows: Array<{ kind: string }> =
      await client(DOCS_TABLE).distinct('kind');
    return rows.map(row => row.kind).sort();
  }
}
