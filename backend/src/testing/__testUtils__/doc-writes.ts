import { createHash } from 'node:crypto';
import {
  analyzeArchitectureDoc,
  type CoverageEntity,
  type IndexedDocErrorKind,
  type IndexedTemplateSection,
  type SectionStatus,
} from 'backstage-plugin-architecture-docs-common';
import type { AnalysedDoc, DocWrite } from '../../store/types';

/** Builders of the indexer's writes, for the store's and the API's tests. */

/** A three-section template the test docs are checked against. */
export const TEST_TEMPLATE_SECTIONS: IndexedTemplateSection[] = [
  { id: 'context', title: 'Context' },
  { id: 'decisions', title: 'Decisions' },
  { id: 'risks', title: 'Risks' },
];

/** A component entity with the given name and catalog fields. */
export function testEntity(
  name: string,
  fields: Partial<Omit<CoverageEntity, 'entityRef' | 'name'>> = {},
): CoverageEntity {
  const kind = fields.kind ?? 'Component';
  const namespace = fields.namespace ?? 'default';
  return {
    entityRef: `${kind}:${namespace}/${name}`.toLowerCase(),
    kind,
    namespace,
    name,
    title: fields.title ?? name,
    owner: fields.owner ?? '',
    system: fields.system ?? '',
    lifecycle: fields.lifecycle ?? '',
  };
}

/**
 * An analysed doc whose sections have the given statuses, in the order of
 * `TEST_TEMPLATE_SECTIONS`; the report is the analyzer's own.
 */
export function analysedDoc(
  statuses: SectionStatus[],
  options: {
    score?: number;
    contentHash?: string;
    brokenLinks?: number | null;
  } = {},
): AnalysedDoc {
  const source = `# Doc\n\n${statuses.join(', ')}\n`;
  const sectionStatus: Record<string, SectionStatus> = {};
  const missing: string[] = [];
  const placeholder: string[] = [];
  TEST_TEMPLATE_SECTIONS.forEach((section, index) => {
    const status = statuses[index] ?? 'missing';
    sectionStatus[section.id] = status;
    if (status === 'missing') missing.push(section.title);
    if (status === 'placeholder') placeholder.push(section.title);
  });
  const present = statuses.filter(status => status === 'present').length;
  return {
    docUrl: 'https://docs.example.com/doc.md',
    etag: '"v1"',
    contentHash: options.contentHash ?? `hash-${statuses.join('-')}`,
    source,
    report: analyzeArchitectureDoc(source),
    score:
      options.score ??
      Math.round((present / TEST_TEMPLATE_SECTIONS.length) * 100),
    sectionStatus,
    missing,
    placeholder,
    isArchitectureDoc: present > 0,
    brokenLinks: options.brokenLinks === undefined ? 0 : options.brokenLinks,
  };
}

/** The write of an analysed doc. */
export function analysedWrite(
  entity: CoverageEntity,
  doc: AnalysedDoc,
  at: Date,
  cycleId?: string,
): DocWrite {
  return { entity, outcome: { kind: 'analysed', doc }, at, cycleId };
}

/** The write of a failed read. */
export function failedWrite(
  entity: CoverageEntity,
  kind: IndexedDocErrorKind,
  at: Date,
  cycleId?: string,
): DocWrite {
  return {
    entity,
    outcome: {
      kind: 'failed',
      docUrl: 'https://docs.example.com/doc.md',
      error: {
        kind,
        message: `The read failed: ${kind}`,
        at: at.toISOString(),
      },
    },
    at,
    cycleId,
  };
}

/**
 * A doc analysed from its source against the built-in template, with the
 * columns the indexer derives from its report.
 */
export function analysedSource(
  source: string,
  options: { brokenLinks?: number | null } = {},
): AnalysedDoc {
  const report = analyzeArchitectureDoc(source);
  const titlesWith = (status: SectionStatus) =>
    report.sections
      .filter(section => section.status === status)
      .map(section => section.title);
  return {
    docUrl: 'https://docs.example.com/doc.md',
    contentHash: createHash('sha256').update(source).digest('hex'),
    source,
    report,
    score: report.score,
    sectionStatus: Object.fromEntries(
      report.sections.map(section => [section.id, section.status]),
    ),
    missing: titlesWith('missing'),
    placeholder: titlesWith('placeholder'),
    isArchitectureDoc: report.isArchitectureDoc,
    brokenLinks: options.brokenLinks === undefined ? 0 : options.brokenLinks,
  };
}
