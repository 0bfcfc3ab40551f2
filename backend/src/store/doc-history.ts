import type {
  CoverageHistoryPoint,
  IndexedTemplateSection,
} from 'backstage-plugin-architecture-docs-common';
import type { Knex } from 'knex';
import { toNumber } from './doc-columns';
import {
  DOCS_TABLE,
  HISTORY_SECTIONS_TABLE,
  HISTORY_STATUS_CHAR,
  HISTORY_TABLE,
  SECTIONS_TABLE,
} from './tables';

/**
 * The daily history: one row per analysed entity per UTC day, holding the
 * score and a status string with one character per template section; the
 * characters' order is stored per day (see the first migration). Both the
 * snapshot and the aggregation of a filtered view run in SQL.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of a time, in UTC. */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Records today's snapshot of every analysed doc (replacing an earlier
 * snapshot of the same day) and prunes the days older than `historyDays`.
 */
export async function recordHistorySnapshot(
  tx: Knex.Transaction,
  options: {
    at: Date;
    historyDays: number;
    templateSections: IndexedTemplateSection[];
  },
): Promise<void> {
  const day = utcDay(options.at);
  await tx(HISTORY_TABLE).where('day', day).delete();
  await tx(HISTORY_SECTIONS_TABLE).where('day', day).delete();
  if (options.templateSections.length > 0) {
    await tx(HISTORY_SECTIONS_TABLE).insert(
      options.templateSections.map((section, index) => ({
        day,
        section_id: section.id,
        position: index + 1,
      })),
    );
  }
  // One correlated lookup per template section, concatenated in template
  // order; a section without a stored status counts as missing.
  const charOf = `CASE s.status WHEN 'present' THEN '${HISTORY_STATUS_CHAR.present}' WHEN 'placeholder' THEN '${HISTORY_STATUS_CHAR.placeholder}' ELSE '${HISTORY_STATUS_CHAR.missing}' END`;
  const parts = options.templateSections.map(
    () =>
      `COALESCE((SELECT ${charOf} FROM ${SECTIONS_TABLE} s WHERE s.entity_ref = d.entity_ref AND s.section_id = ?), '${HISTORY_STATUS_CHAR.missing}')`,
  );
  const statuses = parts.length > 0 ? parts.join(' || ') : "''";
  await tx.raw(
    `INSERT INTO ${HISTORY_TABLE} (entity_ref, day, score, statuses)
     SELECT d.entity_ref, ?, d.score, ${statuses}
     FROM ${DOCS_TABLE} d
     WHERE d.status = 'analysed' AND d.score IS NOT NULL`,
    [day, ...options.templateSections.map(section => section.id)],
  );
  const oldestKept = utcDay(
    new Date(options.at.getTime() - (options.historyDays - 1) * DAY_MS),
  );
  await tx(HISTORY_TABLE).where('day', '<', oldestKept).delete();
  await tx(HISTORY_SECTIONS_TABLE).where('day', '<', oldestKept).delete();
}

/**
 * The daily points of a view over the last `days` UTC days, oldest first:
 * the entities the view selects now (`view` adds its conditions on the docs
 * table, aliased `d`), with their snapshots of each day.
 */
export async function readHistory(
  client: Knex,
  options: {
    view: (query: Knex.QueryBuilder) => void;
    days: number;
    now: Date;
  },
): Promise<CoverageHistoryPoint[]> {
  const firstDay = utcDay(
    new Date(options.now.getTime() - (options.days - 1) * DAY_MS),
  );
  const base = () => {
    const query = client(`${HISTORY_TABLE} as h`)
      .join(`${DOCS_TABLE} as d`, 'd.entity_ref', 'h.entity_ref')
      .where('h.day', '>=', firstDay);
    options.view(query);
    return query;
  };
  const dayRows: Array<{ day: string; docs: unknown; average: unknown }> =
    await base()
      .select(
        'h.day',
        client.raw('COUNT(*) as docs'),
        client.raw('AVG(h.score) as average'),
      )
      .groupBy('h.day')
      .orderBy('h.day');
  const sectionRows: Array<{
    day: string;
    section_id: string;
    present: unknown;
  }> = await base()
    .join(`${HISTORY_SECTIONS_TABLE} as p`, 'p.day', 'h.day')
    .select('h.day', 'p.section_id')
    .sum({
      present: client.raw(
        `CASE WHEN substr(h.statuses, p.position, 1) = '${HISTORY_STATUS_CHAR.present}' THEN 1 ELSE 0 END`,
      ),
    })
    .groupBy('h.day', 'p.section_id');

  const points = new Map<string, CoverageHistoryPoint>();
  for (const row of dayRows) {
    const docs = toNumber(row.docs);
    points.set(row.day, {
      day: row.day,
      docs,
      averageScore:
        docs > 0 && row.average !== null ? toNumber(row.average) : null,
      sectionPresentShare: {},
    });
  }
  for (const row of sectionRows) {
    const point = points.get(row.day);
    if (point && point.docs > 0) {
      point.sectionPresentShare[row.section_id] =
        toNumber(row.present) / point.docs;
    }
  }
  return [...points.values()];
}
