import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import type {
  FactRetriever,
  TechInsightFact,
} from '@backstage-community/plugin-tech-insights-node';
import type {
  IndexedDocSummary,
  IndexedTemplateSection,
} from 'backstage-plugin-architecture-docs-common';
import { IndexedDocsClient } from '../client/IndexedDocsClient';

/** The fact retriever's id, which checks name in their `factIds`. @public */
export const ARCHITECTURE_DOCS_FACT_RETRIEVER_ID =
  'architectureDocsFactRetriever';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The fact that holds a template section's status: `section_` and the
 * section id with every character other than a letter or digit as `_`,
 * e.g. `section_security_and_compliance`.
 * @public
 */
export function sectionFactName(sectionId: string): string {
  return `section_${sectionId.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** The facts of every doc, and one status fact per template section. */
function factSchema(templateSections: IndexedTemplateSection[]): FactSchema {
  const schema: FactSchema = {
    score: {
      type: 'integer',
      description:
        'Completeness of the architecture doc against the template, 0–100',
    },
    brokenLinks: {
      type: 'integer',
      description:
        'Relative links of the architecture doc whose target does not exist (absent when not checked)',
    },
    failingDiagrams: {
      type: 'integer',
      description:
        'Mermaid diagrams of the architecture doc that cannot render',
    },
    daysSinceChange: {
      type: 'integer',
      description: 'Whole days since the architecture doc last changed',
    },
  };
  for (const section of templateSections) {
    schema[sectionFactName(section.id)] = {
      type: 'string',
      description: `Status of the "${section.title}" section: present, placeholder or missing`,
    };
  }
  return schema;
}

/** One indexed doc as Tech Insights facts. */
export function docFacts(
  doc: IndexedDocSummary,
  now: Date,
): TechInsightFact['facts'] {
  const facts: TechInsightFact['facts'] = {
    score: doc.score,
    failingDiagrams: doc.failingDiagrams,
  };
  if (doc.brokenLinks !== null) facts.brokenLinks = doc.brokenLinks;
  const changedAt = doc.changedAt ? Date.parse(doc.changedAt) : NaN;
  if (Number.isFinite(changedAt)) {
    facts.daysSinceChange = Math.max(
      0,
      Math.floor((now.getTime() - changedAt) / DAY_MS),
    );
  }
  for (const section of doc.sections) {
    facts[sectionFactName(section.id)] = section.status;
  }
  return facts;
}

/**
 * A Tech Insights fact retriever of every annotated entity's architecture
 * doc, read from the architecture docs backend's index: its score, each
 * template section's status, broken links, diagrams that cannot render and
 * the days since it last changed.
 * @public
 */
export function createArchitectureDocsFactRetriever(options: {
  /** The template's sections, one status fact each. */
  templateSections: IndexedTemplateSection[];
  /** The annotation that points at a doc. */
  annotation: string;
  /** The entity kinds the backend indexes. */
  kinds: string[];
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** For tests; defaults to the current time. */
  now?: () => Date;
}): FactRetriever {
  return {
    id: ARCHITECTURE_DOCS_FACT_RETRIEVER_ID,
    version: '0.1.0',
    title: 'Architecture docs',
    description:
      'Score, section statuses, broken links, failing diagrams and age of each architecture doc',
    entityFilter: [
      {
        kind: options.kinds,
        [`metadata.annotations.${options.annotation}`]: CATALOG_FILTER_EXISTS,
      },
    ],
    schema: factSchema(options.templateSections),
    async handler(ctx) {
      const client = new IndexedDocsClient({
        discovery: ctx.discovery,
        auth: ctx.auth,
        fetch: options.fetch,
      });
      const now = (options.now ?? (() => new Date()))();
      const facts: TechInsightFact[] = [];
      for await (const doc of client.readAll()) {
        facts.push({
          entity: { namespace: doc.namespace, kind: doc.kind, name: doc.name },
          facts: docFacts(doc, now),
        });
      }
      ctx.logger.debug(`Read the facts of ${facts.length} architecture docs`);
      return facts;
    },
  };
}
