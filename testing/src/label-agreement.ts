import type { SectionStatus } from 'backstage-plugin-architecture-docs-common';

/** One section of one labelled doc: what the labeller said and what the analyzer found. */
export interface LabelledVerdict {
  doc: string;
  section: string;
  expected: SectionStatus;
  actual: SectionStatus;
  uncertain: boolean;
}

const STATUSES: readonly SectionStatus[] = [
  'present',
  'placeholder',
  'missing',
];

/** Share of verdicts that agree with their label, 0–1. */
export function agreement(rows: readonly LabelledVerdict[]): number {
  return rows.length === 0
    ? 0
    : rows.filter(r => r.expected === r.actual).length / rows.length;
}

/**
 * The figures printed for a labelled set: agreement on all labels and on the
 * certain ones, the confusion matrix of the certain ones (rows: label,
 * columns: analyzer) and each disagreement.
 */
export function agreementReport(
  name: string,
  rows: readonly LabelledVerdict[],
): string {
  const certain = rows.filter(r => !r.uncertain);
  const count = (list: readonly LabelledVerdict[]) =>
    list.filter(r => r.expected === r.actual).length;
  const percent = (list: readonly LabelledVerdict[]) =>
    (100 * agreement(list)).toFixed(1);
  const width = 12;
  const cell = (text: string) => text.padStart(width);
  const matrix = [
    `  ${'label \\ found'.padEnd(width)}${STATUSES.map(cell).join('')}`,
    ...STATUSES.map(
      expected =>
        `  ${expected.padEnd(width)}${STATUSES.map(actual =>
          cell(
            String(
              certain.filter(
                r => r.expected === expected && r.actual === actual,
              ).length,
            ),
          ),
        ).join('')}`,
    ),
  ];
  return [
    `${name}: agreement on all labels ${count(rows)}/${rows.length} (${percent(rows)} %), ` +
      `on labels not marked uncertain ${count(certain)}/${certain.length} (${percent(certain)} %)`,
    'Confusion matrix of the certain labels:',
    ...matrix,
    'Disagreements:',
    ...rows
      .filter(r => r.expected !== r.actual)
      .map(
        r =>
          `  ${r.uncertain ? '(uncertain) ' : ''}${r.doc} · ${r.section}: labelled ${r.expected}, analysed ${r.actual}`,
      ),
  ].join('\n');
}
