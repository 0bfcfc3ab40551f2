import type { IndexedTemplateSection } from 'backstage-plugin-architecture-docs-common';
import type { Knex } from 'knex';
import { META_TABLE } from './tables';

/** Facts of the index as a whole, kept as key/value rows. */

const INDEXED_AT = 'indexed_at';
const TEMPLATE_SECTIONS = 'template_sections';
const TEMPLATE_PROBLEM = 'template_problem';
const REPORTS_FINGERPRINT = 'reports_fingerprint';

/** What the API reports about the index as a whole. */
export interface IndexMeta {
  /** ISO end time of the last finished cycle; null before the first. */
  indexedAt: string | null;
  /** The template the last cycle checked against, in order. */
  templateSections: IndexedTemplateSection[];
  /** Why the configured template could not be used, when it could not. */
  templateProblem?: string;
}

async function setMeta(
  client: Knex,
  key: string,
  value: string | null,
): Promise<void> {
  await client(META_TABLE).insert({ key, value }).onConflict('key').merge();
}

function parseSections(
  text: string | null | undefined,
): IndexedTemplateSection[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value)
      ? value.filter(
          (item): item is IndexedTemplateSection =>
            typeof item?.id === 'string' && typeof item?.title === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** Reads the index's facts. */
export async function readIndexMeta(client: Knex): Promise<IndexMeta> {
  const rows: Array<{ key: string; value: string | null }> = await client(
    META_TABLE,
  ).select('key', 'value');
  const values = new Map(rows.map(row => [row.key, row.value]));
  const meta: IndexMeta = {
    indexedAt: values.get(INDEXED_AT) ?? null,
    templateSections: parseSections(values.get(TEMPLATE_SECTIONS)),
  };
  const problem = values.get(TEMPLATE_PROBLEM);
  if (problem) meta.templateProblem = problem;
  return meta;
}

/** Records a finished cycle's end time and template. */
export async function writeCycleMeta(
  client: Knex,
  finishedAt: Date,
  templateSections: IndexedTemplateSection[],
): Promise<void> {
  await setMeta(client, INDEXED_AT, finishedAt.toISOString());
  await setMeta(client, TEMPLATE_SECTIONS, JSON.stringify(templateSections));
}

/** Records what the stored reports were checked against. */
export async function writeReportsFingerprint(
  client: Knex,
  fingerprint: string,
): Promise<void> {
  await setMeta(client, REPORTS_FINGERPRINT, fingerprint);
}

/** What the stored reports were checked against, if a cycle recorded it. */
export async function readReportsFingerprint(
  client: Knex,
): Promise<string | undefined> {
  const row: { value: string | null } | undefined = await client(META_TABLE)
    .where('key', REPORTS_FINGERPRINT)
    .first('value');
  return row?.value ?? undefined;
}

/** Stores why the template could not be used, or clears it. */
export async function writeTemplateProblem(
  client: Knex,
  problem: string | undefined,
): Promise<void> {
  await setMeta(client, TEMPLATE_PROBLEM, problem ?? null);
}
