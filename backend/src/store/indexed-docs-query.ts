import type { IndexedDocSummary } from 'backstage-plugin-architecture-docs-common';
import type { Knex } from 'knex';
import { applyVisibility } from './coverage-query';
import {
  entityFieldsOf,
  parseReport,
  parseTitles,
  toNumber,
  type DocColumns,
  type EntityColumns,
} from './doc-columns';
import { CONTENTS_TABLE, DOCS_TABLE } from './tables';
import type { EntityVisibility } from './visibility';

/**
 * The analysed docs for other backend plugins, paged by the database on the
 * entity ref (keyset paging: a page starts after the last ref of the one
 * before, so pages stay consistent while the indexer writes).
 */

/** Which page of the analysed docs to read. */
export interface IndexedDocsPageRequest {
  /** The last entity ref of the previous page; absent for the first page. */
  after?: string;
  limit: number;
  visibility: EntityVisibility;
  /** Whether to read each doc's source too. */
  withSource: boolean;
}

/** One analysed doc of a page, with its source when it was asked for. */
export interface IndexedDocEntry {
  summary: IndexedDocSummary;
  source?: string;
}

/** One page of analysed docs, and the ref the next page starts after. */
export interface IndexedDocEntriesPage {
  entries: IndexedDocEntry[];
  /** Absent on the last page. */
  lastEntityRef?: string;
}

type SelectedRow = EntityColumns &
  Pick<
    DocColumns,
    'score' | 'missing' | 'placeholder' | 'broken_links' | 'changed_at'
  > & { report: string | null; source?: string | null };

function toSummary(row: SelectedRow): IndexedDocSummary {
  const report = parseReport(row.report);
  const sections = Array.isArray(report?.sections) ? report!.sections : [];
  const diagrams = Array.isArray(report?.mermaid) ? report!.mermaid : [];
  return {
    ...entityFieldsOf(row),
    docTitle: typeof report?.title === 'string' ? report.title : null,
    score: toNumber(row.score),
    sections: sections.map(section => ({
      id: section.id,
      title: section.title,
      status: section.status,
      anchor: section.anchor ?? null,
    })),
    missing: parseTitles(row.missing),
    placeholder: parseTitles(row.placeholder),
    brokenLinks:
      row.broken_links === null || row.broken_links === undefined
        ? null
        : toNumber(row.broken_links),
    failingDiagrams: diagrams.filter(block => Boolean(block?.problem)).length,
    changedAt: row.changed_at,
  };
}

/** Reads one page of the analysed docs the visibility allows, in entity ref order. */
export async function readIndexedDocsPage(
  client: Knex,
  request: IndexedDocsPageRequest,
): Promise<IndexedDocEntriesPage> {
  const query = client(`${DOCS_TABLE} as d`)
    .join(`${CONTENTS_TABLE} as c`, 'c.entity_ref', 'd.entity_ref')
    .select(
      'd.entity_ref',
      'd.kind',
      'd.namespace',
      'd.name',
      'd.title',
      'd.owner',
      'd.system',
      'd.lifecycle',
      'd.score',
      'd.missing',
      'd.placeholder',
      'd.broken_links',
      'd.changed_at',
      'c.report',
    )
    .where('d.status', 'analysed');
  if (request.withSource) query.select('c.source');
  applyVisibility(client, query, request.visibility);
  if (request.after !== undefined)
    query.where('d.entity_ref', '>', request.after);
  // One row more than the page tells whether another page follows.
  const rows: SelectedRow[] = await query
    .orderBy('d.entity_ref', 'asc')
    .limit(request.limit + 1);
  const pageRows = rows.slice(0, request.limit);
  const entries = pageRows.map(row => {
    const entry: IndexedDocEntry = { summary: toSummary(row) };
    if (request.withSource) entry.source = row.source ?? '';
    return entry;
  });
  return {
    entries,
    lastEntityRef:
      rows.length > request.limit
        ? pageRows[pageRows.length - 1].entity_ref
        : undefined,
  };
}
