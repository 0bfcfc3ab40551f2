import type {
  ArchitectureDocReport,
  CoverageEntity,
  IndexedDocError,
  IndexedTemplateSection,
} from 'backstage-plugin-architecture-docs-common';
import type {
  AnalysedDoc,
  DocIndexStore,
  DocLinkResults,
  DocWrite,
  StoredDocState,
} from '../store/types';

/** One entity as the in-memory store keeps it. */
export interface MemoryStoredDoc {
  entity: CoverageEntity;
  docUrl?: string;
  etag?: string;
  contentHash?: string;
  source?: string;
  report?: ArchitectureDocReport;
  analysed?: AnalysedDoc;
  fetchedAt?: Date;
  changedAt?: Date;
  /** The failure of the last read when there is no report. */
  error?: IndexedDocError;
  /** The failure of the last read while an earlier report is kept. */
  stale?: IndexedDocError;
  noAnnotation: boolean;
  /** The last cycle that saw the entity. */
  seenInCycle?: string;
}

/**
 * A `DocIndexStore` in memory, for the indexer's tests. It honours the
 * contract as the database store does: a failed read keeps the earlier
 * report and marks it stale, an unchanged doc only updates its read time,
 * a current one (not read) only its catalog fields, and a finished cycle removes the entities it did not see.
 */
export class MemoryDocIndexStore implements DocIndexStore {
  readonly docs = new Map<string, MemoryStoredDoc>();
  /** Every write, in order. */
  readonly writes: DocWrite[] = [];
  /** Every link result written, in order. */
  readonly linkResults: DocLinkResults[] = [];
  readonly finishedCycles: Array<{
    cycleId: string;
    finishedAt: Date;
    removed: string[];
    templateSections: IndexedTemplateSection[];
  }> = [];
  templateProblem: string | undefined;
  reportsFingerprint: string | undefined;
  /** When set, `writeDoc` rejects for this entity, as a database error would. */
  failWritesFor?: string;

  async getDocStates(
    entityRefs: string[],
  ): Promise<Map<string, StoredDocState>> {
    const states = new Map<string, StoredDocState>();
    for (const entityRef of entityRefs) {
      const doc = this.docs.get(entityRef);
      if (!doc) continue;
      states.set(entityRef, {
        entityRef,
        docUrl: doc.docUrl,
        etag: doc.etag,
        contentHash: doc.contentHash,
        hasReport: doc.report !== undefined,
        fetchedAt: doc.fetchedAt?.toISOString(),
        failure: (() => {
          const failure = doc.error ?? doc.stale;
          return failure ? { kind: failure.kind, at: failure.at } : undefined;
        })(),
      });
    }
    return states;
  }

  async writeLinkResults(results: DocLinkResults[]): Promise<void> {
    for (const result of results) {
      this.linkResults.push(result);
      const doc = this.docs.get(result.entityRef);
      if (!doc?.report || !doc.analysed) continue;
      if (doc.contentHash !== result.contentHash) continue;
      doc.report.links.forEach((link, index) => {
        const exists = result.linkExists[index];
        if (exists !== undefined) link.exists = exists;
      });
      doc.analysed = { ...doc.analysed, brokenLinks: result.brokenLinks };
    }
  }

  async writeDoc(write: DocWrite): Promise<void> {
    const { entity, outcome, at, cycleId } = write;
    if (this.failWritesFor === entity.entityRef) {
      throw new Error('the database is down');
    }
    this.writes.push(write);
    const doc: MemoryStoredDoc = this.docs.get(entity.entityRef) ?? {
      entity,
      noAnnotation: false,
    };
    doc.entity = entity;
    if (cycleId) doc.seenInCycle = cycleId;
    switch (outcome.kind) {
      case 'analysed': {
        const analysed = outcome.doc;
        if (doc.contentHash !== analysed.contentHash) doc.changedAt = at;
        Object.assign(doc, {
          docUrl: analysed.docUrl,
          etag: analysed.etag,
          contentHash: analysed.contentHash,
          source: analysed.source,
          report: analysed.report,
          analysed,
          fetchedAt: at,
          error: undefined,
          stale: undefined,
          noAnnotation: false,
        });
        break;
      }
      case 'unchanged':
        doc.fetchedAt = at;
        doc.stale = undefined;
        doc.error = undefined;
        if (outcome.brokenLinks !== undefined && doc.analysed)
          doc.analysed = { ...doc.analysed, brokenLinks: outcome.brokenLinks };
        break;
      case 'current':
        break;
      case 'no-annotation':
        Object.assign(doc, {
          docUrl: undefined,
          etag: undefined,
          contentHash: undefined,
          source: undefined,
          report: undefined,
          analysed: undefined,
          error: undefined,
          stale: undefined,
          noAnnotation: true,
        });
        break;
      case 'failed':
        if (doc.report) {
          doc.stale = outcome.error;
        } else {
          doc.error = outcome.error;
          doc.docUrl = outcome.docUrl;
        }
        doc.noAnnotation = false;
        break;
      default:
        throw new Error('unknown outcome');
    }
    this.docs.set(entity.entityRef, doc);
  }

  async finishCycle(options: {
    cycleId: string;
    finishedAt: Date;
    historyDays: number;
    templateSections: IndexedTemplateSection[];
    reportsFingerprint?: string;
  }): Promise<{ removed: number }> {
    if (options.reportsFingerprint) {
      this.reportsFingerprint = options.reportsFingerprint;
    }
    const removed: string[] = [];
    for (const [entityRef, doc] of this.docs) {
      if (doc.seenInCycle !== options.cycleId) {
        this.docs.delete(entityRef);
        removed.push(entityRef);
      }
    }
    this.finishedCycles.push({
      cycleId: options.cycleId,
      finishedAt: options.finishedAt,
      removed,
      templateSections: options.templateSections,
    });
    return { removed: removed.length };
  }

  async setTemplateProblem(problem: string | undefined): Promise<void> {
    this.templateProblem = problem;
  }

  async getReportsFingerprint(): Promise<string | undefined> {
    return this.reportsFingerprint;
  }
}
