import type { Knex } from 'knex';
import {
  NO_CONTENT_COLUMNS,
  NO_ERROR_COLUMNS,
  entityColumns,
  statusOfError,
  type DocColumns,
} from './doc-columns';
import { CONTENTS_TABLE, DOCS_TABLE, SECTIONS_TABLE } from './tables';
import { parseReport } from './doc-columns';
import type { DocLinkResults, DocWrite } from './types';

/** Rows per multi-row insert, well under SQLite's bound-parameter limit. */
const INSERT_CHUNK = 200;

type ExistingDoc = Pick<
  DocColumns,
  'entity_ref' | 'status' | 'content_hash' | 'changed_at' | 'last_seen_cycle'
>;

async function chunkedUpsert(
  tx: Knex.Transaction,
  rows: DocColumns[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await tx(DOCS_TABLE)
      .insert(rows.slice(i, i + INSERT_CHUNK))
      .onConflict('entity_ref')
      .merge();
  }
}

/**
 * Writes a batch of outcomes in one transaction (each entity at most once):
 * - `analysed`, `no-annotation` and a first failure replace the whole row
 *   (one multi-row upsert) and its section statuses;
 * - `unchanged` updates the read time, the catalog fields and, when
 *   checked, the broken links;
 * - `current` (not read this cycle) updates the catalog fields only;
 * - `failed` over an earlier report keeps that report and records the
 *   failure, which the API serves as stale.
 */
export async function writeDocBatch(
  tx: Knex.Transaction,
  writes: DocWrite[],
  writtenAt: string,
): Promise<void> {
  const refs = writes.map(write => write.entity.entityRef);
  const existingRows: ExistingDoc[] = await tx(DOCS_TABLE)
    .select(
      'entity_ref',
      'status',
      'content_hash',
      'changed_at',
      'last_seen_cycle',
    )
    .whereIn('entity_ref', refs);
  const existing = new Map(existingRows.map(row => [row.entity_ref, row]));

  const replaced: DocColumns[] = [];
  const contents: Array<{
    entity_ref: string;
    source: string;
    report: string;
  }> = [];
  const sections: Array<{
    entity_ref: string;
    section_id: string;
    status: string;
  }> = [];

  for (const { entity, outcome, at, cycleId } of writes) {
    const before = existing.get(entity.entityRef);
    // Only an analysed write makes a row `analysed`, and only it stores a
    // report; a failure after it keeps both.
    const hadReport = before?.status === 'analysed';
    const common = {
      ...entityColumns(entity),
      written_at: writtenAt,
      last_seen_cycle: cycleId ?? before?.last_seen_cycle ?? null,
    };
    const atIso = at.toISOString();

    if (outcome.kind === 'analysed') {
      const { doc } = outcome;
      replaced.push({
        ...common,
        ...NO_ERROR_COLUMNS,
        doc_url: doc.docUrl,
        status: 'analysed',
        etag: doc.etag ?? null,
        content_hash: doc.contentHash,
        score: Math.round(doc.score),
        missing_count: doc.missing.length,
        placeholder_count: doc.placeholder.length,
        missing: JSON.stringify(doc.missing),
        placeholder: JSON.stringify(doc.placeholder),
        broken_links: doc.brokenLinks,
        is_architecture_doc: doc.isArchitectureDoc,
        fetched_at: atIso,
        changed_at:
          before?.content_hash === doc.contentHash && before.changed_at
            ? before.changed_at
            : atIso,
      });
      contents.push({
        entity_ref: entity.entityRef,
        source: doc.source,
        report: JSON.stringify(doc.report),
      });
      for (const [sectionId, status] of Object.entries(doc.sectionStatus)) {
        sections.push({
          entity_ref: entity.entityRef,
          section_id: sectionId,
          status,
        });
      }
    } else if (outcome.kind === 'no-annotation') {
      replaced.push({
        ...common,
        ...NO_CONTENT_COLUMNS,
        ...NO_ERROR_COLUMNS,
        doc_url: null,
        status: 'no-annotation',
        fetched_at: null,
        changed_at: null,
      });
    } else if (outcome.kind === 'failed' && !hadReport) {
      replaced.push({
        ...common,
        ...NO_CONTENT_COLUMNS,
        doc_url: outcome.docUrl ?? null,
        status: statusOfError(outcome.error.kind),
        error_kind: outcome.error.kind,
        error_message: outcome.error.message,
        error_at: outcome.error.at,
        fetched_at: null,
        changed_at: null,
      });
    } else if (outcome.kind === 'failed') {
      await tx(DOCS_TABLE)
        .where('entity_ref', entity.entityRef)
        .update({
          ...common,
          error_kind: outcome.error.kind,
          error_message: outcome.error.message,
          error_at: outcome.error.at,
        });
    } else if (outcome.kind === 'current') {
      // Nothing was read: the cycle only marks the entity as seen and
      // refreshes its catalog fields.
      if (before) {
        await tx(DOCS_TABLE)
          .where('entity_ref', entity.entityRef)
          .update(common);
      }
    } else if (before) {
      await tx(DOCS_TABLE)
        .where('entity_ref', entity.entityRef)
        .update({
          ...common,
          ...NO_ERROR_COLUMNS,
          doc_url: outcome.docUrl,
          fetched_at: atIso,
          ...(outcome.brokenLinks !== undefined
            ? { broken_links: outcome.brokenLinks }
            : {}),
        });
    } else {
      // "Not modified" for a doc the store never had: nothing to show yet.
      replaced.push({
        ...common,
        ...NO_CONTENT_COLUMNS,
        ...NO_ERROR_COLUMNS,
        doc_url: outcome.docUrl,
        status: 'pending',
        fetched_at: atIso,
        changed_at: null,
      });
    }
  }

  if (replaced.length > 0) {
    const replacedRefs = replaced.map(row => row.entity_ref);
    await tx(SECTIONS_TABLE).whereIn('entity_ref', replacedRefs).delete();
    await tx(CONTENTS_TABLE).whereIn('entity_ref', replacedRefs).delete();
    await chunkedUpsert(tx, replaced);
    // Sources can be large: a few per statement.
    for (let i = 0; i < contents.length; i += 20) {
      await tx(CONTENTS_TABLE).insert(contents.slice(i, i + 20));
    }
    for (let i = 0; i < sections.length; i += INSERT_CHUNK * 3) {
      await tx(SECTIONS_TABLE).insert(sections.slice(i, i + INSERT_CHUNK * 3));
    }
  }
}

/**
 * Marks the links of stored reports with their targets' existence and
 * stores each doc's broken links, in one transaction. A doc whose stored
 * content is no longer the one checked (read again or refreshed meanwhile)
 * is left as it is.
 */
export async function writeLinkResultBatch(
  tx: Knex.Transaction,
  results: DocLinkResults[],
): Promise<void> {
  const byRef = new Map(results.map(result => [result.entityRef, result]));
  const stored: Array<{
    entity_ref: string;
    content_hash: string | null;
    report: string;
  }> = await tx(DOCS_TABLE)
    .join(
      CONTENTS_TABLE,
      `${CONTENTS_TABLE}.entity_ref`,
      `${DOCS_TABLE}.entity_ref`,
    )
    .select(
      `${DOCS_TABLE}.entity_ref`,
      `${DOCS_TABLE}.content_hash`,
      `${CONTENTS_TABLE}.report`,
    )
    .where(`${DOCS_TABLE}.status`, 'analysed')
    .whereIn(`${DOCS_TABLE}.entity_ref`, [...byRef.keys()]);
  for (const row of stored) {
    const result = byRef.get(row.entity_ref);
    const report = parseReport(row.report);
    if (!result || !report || row.content_hash !== result.contentHash) continue;
    report.links.forEach((link, index) => {
      const exists = result.linkExists[index];
      if (exists !== undefined) link.exists = exists;
    });
    await tx(CONTENTS_TABLE)
      .where('entity_ref', row.entity_ref)
      .update({ report: JSON.stringify(report) });
    await tx(DOCS_TABLE)
      .where('entity_ref', row.entity_ref)
      .update({ broken_links: result.brokenLinks });
  }
}
