import type { TemplateModel } from '../lib/types';
import type { CoverageRow } from './coverage-row';

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
