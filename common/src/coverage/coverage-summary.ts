import type { TemplateModel } from '../analysis';
import type { CoverageRow } from './coverage-row';
import { distinctValues } from './coverage-filters';

/**
 * How many analysed docs have one template section present, placeholder or
 * missing.
 * @public
 */
export interface SectionCoverage {
  id: string;
  title: string;
  present: number;
  placeholder: number;
  missing: number;
}

/**
 * Counts, for every template section in template order, the analysed docs
 * among `rows` that have it present, placeholder or missing. Rows that are
 * not analysed (no doc, errors, pending) are not counted.
 * @public
 */
export function summarizeSectionCoverage(
  rows: readonly CoverageRow[],
  template: TemplateModel,
): SectionCoverage[] {
  const summary = template.sections.map(section => ({
    id: section.id,
    title: section.title,
    present: 0,
    placeholder: 0,
    missing: 0,
  }));
  for (const row of rows) {
    if (row.status !== 'analysed') continue;
    for (const entry of summary) {
      entry[row.sectionStatus[entry.id] ?? 'missing'] += 1;
    }
  }
  return summary;
}

/**
 * The section coverage of one owner's analysed docs.
 * @public
 */
export interface OwnerSectionCoverage {
  /** `spec.owner` as written on the entities. */
  owner: string;
  /** The owner's analysed docs, the base of every share. */
  analysed: number;
  /** Every template section, in template order, counted over those docs. */
  sections: SectionCoverage[];
}

/**
 * The share (0–1) of the counted docs that have the section present, or
 * null when no doc was counted.
 * @public
 */
export function sectionPresentShare(coverage: SectionCoverage): number | null {
  const counted = coverage.present + coverage.placeholder + coverage.missing;
  return counted === 0 ? null : coverage.present / counted;
}

/**
 * Groups `rows` by owner and counts, for each owner and template section,
 * the analysed docs that have it present, placeholder or missing: the view a
 * platform team reads to see which teams are behind on which sections.
 * Owners come in the order of the owner filter's menu; an owner without an
 * analysed doc is kept with zero counts, and rows without an owner are left
 * out (the owner filter cannot select them).
 * @public
 */
export function summarizeSectionCoverageByOwner(
  rows: readonly CoverageRow[],
  template: TemplateModel,
): OwnerSectionCoverage[] {
  const byOwner = new Map<string, CoverageRow[]>(
    distinctValues(rows, 'owner').map(owner => [owner, []]),
  );
  for (const row of rows) byOwner.get(row.owner)?.push(row);
  return [...byOwner].map(([owner, ownRows]) => ({
    owner,
    analysed: ownRows.filter(row => row.status === 'analysed').length,
    sections: summarizeSectionCoverage(ownRows, template),
  }));
}
