import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeText, parseMarkdown } from './markdown-tree';
import {
  ARC42_SECTION_ALIASES,
  DEFAULT_SECTION_ALIASES,
} from './section-aliases';
import { matcherFor, matchHeading } from './section-matching';
import { templateFromSections } from './template-model';
import {
  corpusDir,
  missingSharedFiles,
  itWithSharedFiles,
} from '@internal/architecture-docs-testing';

/**
 * Headings that architecture and design docs use in general: the sections of
 * widely used templates (arc42, C4, design-doc and RFC templates, service
 * runbooks, ADRs) and everyday wording for the same ideas. An alias earns its
 * place by meaning something here, not by naming one doc's heading.
 */
const GENERAL_HEADINGS = [
  // Purpose
  'Introduction',
  'Intro',
  'Overview',
  'Summary',
  'Executive summary',
  'Abstract',
  'Purpose and scope',
  'Vision',
  'Product vision',
  'Motivation',
  'Problem statement',
  'The problem',
  'Why',
  'About',
  'TL;DR',
  // Context
  'Context',
  'System context',
  'System context diagram',
  'Background',
  'Where it fits',
  'Relationship to other services',
  'Relationships',
  'Integration points',
  'Integration with other systems',
  'Dependencies',
  'Upstream and downstream',
  'Upstream dependencies',
  'Downstream consumers',
  'System boundaries',
  'External systems and dependencies',
  'High-level architecture',
  'Landscape',
  'Environment',
  'Ecosystem',
  'Interactions with other components',
  'Collaborators',
  // Design drivers
  'Design drivers',
  'Architectural drivers',
  'Goals',
  'Goals and non-goals',
  'Non-goals',
  'Objectives',
  'Design principles',
  'Principles',
  'Design philosophy',
  'Constraints',
  'Requirements',
  'Non-functional requirements',
  'Quality attributes',
  'Tenets',
  'Design rationale',
  'Design decisions',
  'Key decisions',
  'Trade-offs',
  'Tradeoffs',
  // Responsibilities
  'Responsibilities',
  'Roles and responsibilities',
  'What it is responsible for',
  'Duties',
  'What it does',
  'Ownership',
  'Capabilities',
  'Components',
  'Modules',
  'Module structure',
  'Code map',
  'Code organization',
  'Project structure',
  'Directory structure',
  'Repository layout',
  'Crates',
  'Building blocks',
  'Main components',
  // Data and interfaces
  'Data and interfaces',
  'Interfaces',
  'Interface',
  'Contract interface',
  'Contracts',
  'API',
  'APIs',
  'Public APIs',
  'Inputs',
  'Outputs',
  'Inputs and outputs',
  'Data model',
  'Domain model',
  'Persistence model',
  'Schema',
  'Database schema',
  'Tables',
  'Events',
  'Messages',
  'Endpoints',
  'Data structures',
  'Data formats',
  'Extension points',
  'SPI',
  'Protocol',
  'Communication between services',
  'Command-line interface',
  'Wire format',
  'Storage format',
  // Operational flow
  'Operational flow',
  'Flow',
  'Data flow',
  'Control flow',
  'Request flow',
  'Process flow',
  'Execution',
  'Execution model',
  'Runtime behavior',
  'Runtime behaviour',
  'Runtime model',
  'Lifecycle',
  'Life cycle',
  'Pipeline',
  'Workflow',
  'How it works',
  'Sequence',
  'Processing',
  // Failure and fallback behaviour
  'Failure and fallback behavior',
  'Failure modes',
  'Fallbacks',
  'Error handling',
  'Errors',
  'Error cases',
  'Troubleshooting',
  'Disaster recovery',
  'Recovery',
  'Resilience',
  'Resiliency',
  'Fault tolerance',
  'Degraded mode',
  'Retries',
  'Fail-safe behaviour',
  'Failover',
  'Reliability',
  'Risks and mitigations',
  'Error recovery',
  // Deployment and scaling
  'Deployment and scaling',
  'Deployment',
  'Deploy',
  'Deploying the service',
  'Scaling',
  'Scalability',
  'Topology',
  'Runtime footprint',
  'Infrastructure',
  'Hosting',
  'Capacity planning',
  'Operations',
  'Runbook',
  'Installation',
  'Provisioning',
  'Rollout plan',
  'Sharding',
  'Shards and partitions',
  'Helm chart',
  // Security and compliance
  'Security and compliance',
  'Security',
  'Compliance',
  'Privacy',
  'Authentication',
  'Authorization',
  'Auth',
  'Access control',
  'Permissions',
  'Secrets',
  'Threat model',
  'Data protection',
  'Safety',
  'Audit logging',
  'Auditing',
  // Testing strategy
  'Testing strategy',
  'Testing',
  'Tests',
  'Test strategy',
  'Test plan',
  'Validation',
  'Verification',
  'Quality assurance',
  'QA',
  'Acceptance criteria',
  'Test requirements',
  'Integration tests',
  // Open questions
  'Open questions',
  'Questions',
  'Open issues',
  'Unresolved questions',
  'Future work',
  'Future',
  'Roadmap',
  'Next steps',
  'Deferred',
  'Remaining work',
  'Known limitations',
  'TODO',
  'To do',
  'Open points',
  'Open items',
  // See also
  'See also',
  'Related',
  'Related docs',
  'Related documents',
  'Related documentation',
  'References',
  'Reference',
  'Cross-references',
  'Further reading',
  'Links',
  'Resources',
  // arc42 and its common alternatives
  'Introduction and goals',
  'Requirements overview',
  'Quality goals',
  'Stakeholders',
  'Architecture constraints',
  'Technical constraints',
  'Organizational constraints',
  'Conventions',
  'Context and scope',
  'Business context',
  'Technical context',
  'Scope',
  'System scope',
  'External interfaces',
  'Solution strategy',
  'Solution approach',
  'Architecture strategy',
  'Strategy',
  'Building block view',
  'Component view',
  'Static view',
  'Whitebox overall system',
  'White box',
  'Runtime view',
  'Runtime',
  'Runtime scenarios',
  'Dynamic view',
  'Scenarios',
  'Deployment view',
  'Physical view',
  'Distribution',
  'Cross-cutting concepts',
  'Concepts',
  'Crosscutting concerns',
  'Cross-cutting concerns',
  'Technical concepts',
  'Architecture decisions',
  'Architecture decision records',
  'ADR',
  'ADRs',
  'Quality requirements',
  'Quality',
  'Quality tree',
  'Quality scenarios',
  'Risks and technical debts',
  'Risks',
  'Technical debt',
  'Known issues',
  'Glossary',
  'Terms',
  'Terminology',
  'Definitions',
  // German arc42 titles
  'Einführung und Ziele',
  'Einführung',
  'Aufgabenstellung',
  'Qualitätsziele',
  'Randbedingungen',
  'Architekturrandbedingungen',
  'Kontextabgrenzung',
  'Fachlicher Kontext',
  'Technischer Kontext',
  'Lösungsstrategie',
  'Bausteinsicht',
  'Laufzeitsicht',
  'Verteilungssicht',
  'Querschnittliche Konzepte',
  'Konzepte',
  'Architekturentscheidungen',
  'Entwurfsentscheidungen',
  'Qualitätsanforderungen',
  'Qualitätsszenarien',
  'Qualitätsbaum',
  'Risiken und technische Schulden',
  'Risiken',
  'Technische Schulden',
  'Glossar',
  'Begriffe',
];

/** The headings of every labelled doc of the shared corpora. */
function labelledCorpusHeadings(): string[] {
  // The open-source set names its local copy `file` (`path` is where it
  // lives in its own repository); the Retrovue set has only `path`.
  interface LabelledFile {
    path?: string;
    file?: string;
  }
  const sets = [
    {
      labels: path.join(corpusDir, 'retrovue-labels.json'),
      root: path.join(corpusDir, 'retrovue'),
    },
    {
      labels: path.join(corpusDir, 'oss', 'labels.json'),
      root: path.join(corpusDir, 'oss'),
    },
  ];
  const headings: string[] = [];
  for (const set of sets) {
    const docs: LabelledFile[] = JSON.parse(
      fs.readFileSync(set.labels, 'utf8'),
    ).docs;
    for (const doc of docs) {
      const tree = parseMarkdown(
        fs.readFileSync(
          path.join(set.root, doc.file ?? doc.path ?? ''),
          'utf8',
        ),
      );
      for (const node of tree.children)
        if (node.type === 'heading') headings.push(nodeText(node).trim());
    }
  }
  return headings;
}

/** The headings a single alias matches on its own. */
function matchedBy(alias: string, headings: readonly string[]): string[] {
  const matcher = matcherFor(
    templateFromSections([{ title: '\u2060', aliases: [alias] }]),
  );
  return headings.filter(
    heading => matchHeading(heading, matcher) !== undefined,
  );
}

const ALL_ALIASES = [
  ...Object.values(DEFAULT_SECTION_ALIASES).flat(),
  ...Object.values(ARC42_SECTION_ALIASES).flat(),
];

describe('section aliases', () => {
  // Read when the tests run, so that a clone without the corpus only skips them.
  let corpus: string[];
  beforeAll(() => {
    corpus = missingSharedFiles().length === 0 ? labelledCorpusHeadings() : [];
  });

  itWithSharedFiles(
    'should hold no alias whose only reason is one heading of the labelled docs',
    () => {
      const suspicious = ALL_ALIASES.filter(
        alias =>
          matchedBy(alias, corpus).length === 1 &&
          matchedBy(alias, GENERAL_HEADINGS).length === 0,
      ).map(alias => `${alias} → ${matchedBy(alias, corpus)[0]}`);
      expect(suspicious).toEqual([]);
    },
  );

  it('should give every alias a general heading it stands for', () => {
    const unused = ALL_ALIASES.filter(
      alias => matchedBy(alias, GENERAL_HEADINGS).length === 0,
    );
    expect(unused).toEqual([]);
  });

  itWithSharedFiles(
    'should flag an alias made for one labelled heading',
    () => {
      const oneOff = corpus.find(
        heading =>
          matchedBy(heading, corpus).length === 1 &&
          matchedBy(heading, GENERAL_HEADINGS).length === 0,
      );
      expect(oneOff).toBeDefined();
    },
  );
});
