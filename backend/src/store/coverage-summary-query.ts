import {
  COVERAGE_STATUSES,
  type CoverageStatus,
  type CoverageSummaryResponse,
  type IndexedTemplateSection,
  type SectionCoverage,
  type SectionStatus,
} from 'backstage-plugin-architecture-docs-common';
import type { Knex } from 'knex';
import { toNumber } from './doc-columns';
import { SECTIONS_TABLE } from './tables';

/** Owners sort as the page's owner menu does. */
const ownerOrder = new Intl.Collator('en-US', {
  sensitivity: 'base',
  numeric: true,
});

/**
 * The status counts, mean score, and per-section counts overall and per
 * owner of a view (`view` returns a fresh query over the docs table, aliased
 * `d`, with the view's conditions), counted by the database. An analysed doc
 * without a stored status for a section counts it as missing, as the page
 * does; owners with no analysed doc are listed with zero counts.
 */
export async function summarizeCoverageView(
  client: Knex,
  view: () => Knex.QueryBuilder,
  templateSections: IndexedTemplateSection[],
): Promise<Omit<CoverageSummaryResponse, 'indexedAt'>> {
  const statusRows: Array<{ status: CoverageStatus; count: unknown }> =
    await view().select('d.status').count({ count: '*' }).groupBy('d.status');
  const statusCounts = Object.fromEntries(
    COVERAGE_STATUSES.map(status => [status, 0]),
  ) as Record<CoverageStatus, number>;
  for (const row of statusRows) {
    if (row.status in statusCounts)
      statusCounts[row.status] = toNumber(row.count);
  }
  const [average] = await view()
    .where('d.status', 'analysed')
    .avg({ average: 'd.score' });

  const ownerRows: Array<{ owner: string; analysed: unknown }> = await view()
    .whereNot('d.owner', '')
    .select('d.owner')
    .sum({
      analysed: client.raw("CASE WHEN d.status = 'analysed' THEN 1 ELSE 0 END"),
    })
    .groupBy('d.owner');
  const sectionRows: Array<{
    owner: string;
    section_id: string;
    status: SectionStatus;
    count: unknown;
  }> = await view()
    .join(`${SECTIONS_TABLE} as s`, 's.entity_ref', 'd.entity_ref')
    .where('d.status', 'analysed')
    .select('d.owner', 's.section_id', 's.status')
    .count({ count: '*' })
    .groupBy('d.owner', 's.section_id', 's.status');

  // Present and placeholder counts per owner and section, and per section
  // over all owners.
  const keyOf = (owner: string | undefined, sectionId: string) =>
    owner === undefined
      ? `all\u0000${sectionId}`
      : `owner\u0000${owner}\u0000${sectionId}`;
  const counted = new Map<string, { present: number; placeholder: number }>();
  for (const row of sectionRows) {
    if (row.status !== 'present' && row.status !== 'placeholder') continue;
    for (const key of [
      keyOf(row.owner, row.section_id),
      keyOf(undefined, row.section_id),
    ]) {
      const entry = counted.get(key) ?? { present: 0, placeholder: 0 };
      entry[row.status] += toNumber(row.count);
      counted.set(key, entry);
    }
  }
  const countsFor = (owner: string | undefined, analysed: number) =>
    templateSections.map((section): SectionCoverage => {
      const entry = counted.get(keyOf(owner, section.id)) ?? {
        present: 0,
        placeholder: 0,
      };
      return {
        id: section.id,
        title: section.title,
        present: entry.present,
        placeholder: entry.placeholder,
        missing: analysed - entry.present - entry.placeholder,
      };
    });

  const owners = ownerRows
    .map(row => ({ owner: row.owner, analysed: toNumber(row.analysed) }))
    .sort((a, b) => ownerOrder.compare(a.owner, b.owner));
  const averageScore =
    average?.average === null || average?.average === undefined
      ? null
      : toNumber(average.average);
  return {
    statusCounts,
    averageScore,
    sections: countsFor(undefined, statusCounts.analysed),
    byOwner: owners.map(({ owner, analysed }) => ({
      owner,
      analysed,
      sections: countsFor(owner, analysed),
    })),
  };
}
