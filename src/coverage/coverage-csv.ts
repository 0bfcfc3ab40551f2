import type { CoverageRow } from 'backstage-plugin-architecture-docs-common';

/** The CSV header, in column order. @public */
export const COVERAGE_CSV_HEADER = [
  'entity',
  'title',
  'owner',
  'system',
  'lifecycle',
  'status',
  'score',
  'missing sections',
  'placeholder sections',
  'broken links',
  'doc url',
] as const;

/**
 * Spreadsheets run a cell starting with one of these as a formula
 * (CSV injection); such cells get a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Quotes one CSV cell (RFC 4180) and defuses text a spreadsheet would run as
 * a formula. Numbers are written as they are.
 * @public
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  if (/[",\r\n]/.test(text) || text !== text.trim()) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

/**
 * The rows as CSV, one line per row in the given order, lines ending in
 * CRLF. Section lists are joined with "; ".
 * @public
 */
export function coverageRowsToCsv(rows: readonly CoverageRow[]): string {
  const lines = [COVERAGE_CSV_HEADER.map(csvCell).join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.entityRef,
        row.title,
        row.owner,
        row.system,
        row.lifecycle,
        row.status,
        row.score,
        row.missing.join('; '),
        row.placeholder.join('; '),
        row.brokenLinks,
        row.docUrl ?? '',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
