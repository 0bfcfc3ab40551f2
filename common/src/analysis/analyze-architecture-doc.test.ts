import {
  analyzeArchitectureDoc,
  analyzeTree,
} from './analyze-architecture-doc';
import { DEFAULT_TEMPLATE_MARKDOWN } from './default-template';
import { parseMarkdown } from './markdown-tree';
import { templateFromSections } from './template-model';
import type { ArchitectureDocReport, SectionStatus } from './types';

function statuses(
  report: ArchitectureDocReport,
): Record<string, SectionStatus> {
  return Object.fromEntries(report.sections.map(s => [s.id, s.status]));
}

function section(report: ArchitectureDocReport, id: string) {
  return report.sections.find(s => s.id === id)!;
}

const COMPLETE_DOC = `# Ledger architecture

_Related: [Overview](../architecture/Overview.md) • [Accounts](../domain/Accounts.md)_

## Purpose

The ledger records every money movement exactly once so balances can be rebuilt.

## Context

It sits between the payment gateway (upstream) and reporting (downstream).

## Design drivers

- Exactly-once postings.
- Auditability over speed.

## Responsibilities

| Responsibility | Details | Contracts/tests |
| --- | --- | --- |
| Post entries | Double-entry postings | [Posting contract](../contracts/Posting.md) |
| Close periods | Monthly close | [Close contract](../contracts/Close.md), [Close test](../../tests/close.md) |

## Data and interfaces

### Inputs

Payment events from the gateway topic.

### Outputs

Balance snapshots written to the warehouse.

## Operational flow

\`\`\`mermaid
sequenceDiagram
    Gateway->>Ledger: payment.settled
    Ledger-->>Warehouse: snapshot
\`\`\`

Settled payments become postings; snapshots follow hourly.

## Failure and fallback behavior

Unbalanced postings are rejected and parked in a review queue.

## Deployment and scaling

Two replicas behind a queue consumer group; scale on lag.

## Security and compliance

Ledger data is confidential; only the finance role reads it.

## Testing strategy

Contract tests per posting rule; a nightly replay of production events.

## Open questions

- Should period close move to the warehouse? See issue #12.

## See also

- [Payments](../architecture/Payments.md) — the upstream
- [External spec](https://example.com/spec)
`;

describe('analyzeArchitectureDoc', () => {
  describe('sections', () => {
    it('should report the template itself as twelve placeholders with score 0', () => {
      const report = analyzeArchitectureDoc(DEFAULT_TEMPLATE_MARKDOWN);
      expect(report.sections.map(s => s.status)).toEqual(
        Array(12).fill('placeholder'),
      );
      expect(report.score).toBe(0);
    });

    it('should score a doc that fills all twelve sections 100', () => {
      const report = analyzeArchitectureDoc(COMPLETE_DOC);
      expect(Object.values(statuses(report))).toEqual(
        Array(12).fill('present'),
      );
      expect(report.score).toBe(100);
    });

    it('should give the matched heading text and line', () => {
      const report = analyzeArchitectureDoc(COMPLETE_DOC);
      expect(section(report, 'context')).toMatchObject({
        title: 'Context',
        heading: 'Context',
        line: 9,
        anchor: 'context',
      });
    });

    it('should report a section nothing covers as missing with null heading and line', () => {
      const report = analyzeArchitectureDoc(
        '# X\n\n## Purpose\n\nWhy it exists, at length.\n',
      );
      expect(section(report, 'testing-strategy')).toMatchObject({
        status: 'missing',
        heading: null,
        line: null,
      });
    });

    it.each([
      ['## 1. Purpose', 'purpose'],
      ['### 🎯 Purpose:', 'purpose'],
      ['#### PURPOSE', 'purpose'],
      ['## Overview', 'purpose'],
      ['## 4.2) Error handling', 'failure-and-fallback-behavior'],
      ['## Failure modes', 'failure-and-fallback-behavior'],
      ['## Failure / Fallback Behavior', 'failure-and-fallback-behavior'],
      ['## References', 'see-also'],
      ['## Related', 'see-also'],
      ['## **Design Principles**', 'design-drivers'],
      ['## Goals', 'design-drivers'],
      ['## Contract / interface', 'data-and-interfaces'],
      ['## Execution model', 'operational-flow'],
      ['## Scalability', 'deployment-and-scaling'],
      ['## Troubleshooting', 'failure-and-fallback-behavior'],
      ['## Future enhancements', 'open-questions'],
    ])('should recognise "%s" as %s', (heading, id) => {
      const report = analyzeArchitectureDoc(
        `# Doc\n\n${heading}\n\nReal content about this part of the system.\n`,
      );
      expect(section(report, id).status).toBe('present');
      expect(section(report, id).heading).toBe(
        heading.replace(/^#+ /, '').replace(/\*\*/g, ''),
      );
    });

    it('should not match a whole-heading-only alias inside a longer heading', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Bulk operations on sources\n\nText.\n',
      );
      expect(section(report, 'deployment-and-scaling').status).toBe('missing');
    });

    it('should match a whole-heading-only alias when it is the whole heading', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Operations\n\nTwo replicas per region.\n',
      );
      expect(section(report, 'deployment-and-scaling').status).toBe('present');
    });

    it('should flag an empty section as a placeholder', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Purpose\n\n## Context\n\nReal context.\n',
      );
      expect(section(report, 'purpose')).toMatchObject({
        status: 'placeholder',
        placeholderReason: 'empty',
      });
    });

    it.each([
      'TODO',
      'TBD.',
      'TODO: describe the purpose',
      '_To be written_',
      '...',
      'N/A',
    ])('should flag a section whose body is "%s" as a placeholder', body => {
      const report = analyzeArchitectureDoc(`# Doc\n\n## Purpose\n\n${body}\n`);
      expect(section(report, 'purpose')).toMatchObject({
        status: 'placeholder',
        placeholderReason: 'todo',
      });
    });

    it("should flag a section that still holds the template's guidance", () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Security and compliance\n\n- Call out data classification, access constraints, token handling, audit requirements.\n',
      );
      expect(section(report, 'security-and-compliance')).toMatchObject({
        status: 'placeholder',
        placeholderReason: 'guidance',
      });
    });

    it('should flag a close paraphrase of the guidance', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Purpose\n\nState the design problem this service solves and why its architecture exists.\n',
      );
      expect(section(report, 'purpose').status).toBe('placeholder');
    });

    it('should count a section with guidance and real content as present', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Testing strategy\n\n- Outline manual validation steps for major changes.\n- Nightly replay of the order stream against staging.\n',
      );
      expect(section(report, 'testing-strategy').status).toBe('present');
    });

    it('should count content under subheadings as the section body', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Data and interfaces\n\n### Inputs\n\nOrder events.\n',
      );
      expect(section(report, 'data-and-interfaces').status).toBe('present');
    });

    it('should recognise a bold label paragraph without a heading', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n**Purpose:** keeps carts alive across devices and sessions.\n',
      );
      expect(section(report, 'purpose')).toMatchObject({
        status: 'present',
        heading: null,
        line: 3,
      });
    });

    it('should take a long untitled introduction as the purpose', () => {
      const intro =
        'The cart service exists to solve the problem of carts lost between devices. '.repeat(
          6,
        );
      const report = analyzeArchitectureDoc(
        `# Cart\n\n${intro}\n\n## Context\n\nUpstream web.\n`,
      );
      expect(section(report, 'purpose')).toMatchObject({
        status: 'present',
        heading: null,
        line: 3,
      });
      expect(section(report, 'purpose').evidence?.source).toBe('introduction');
    });

    it('should not take a long introduction that only walks through the parts as the purpose', () => {
      const intro =
        'The cart service keeps shopping carts consistent across devices and browsers. '.repeat(
          6,
        );
      const report = analyzeArchitectureDoc(
        `# Cart\n\n${intro}\n\n## Context\n\nUpstream web.\n`,
      );
      expect(section(report, 'purpose').status).toBe('missing');
    });

    it('should not take a one-line introduction as the purpose', () => {
      const report = analyzeArchitectureDoc(
        '# Cart\n\nThis document describes the cart.\n\n## Context\n\nUpstream web.\n',
      );
      expect(section(report, 'purpose').status).toBe('missing');
    });

    it('should let a title that names a section cover it', () => {
      const report = analyzeArchitectureDoc(
        '# Data flow\n\n## 1. Ingest\n\nFiles arrive and are parsed.\n',
      );
      expect(section(report, 'operational-flow')).toMatchObject({
        status: 'present',
        heading: 'Data flow',
      });
    });

    it('should prefer the first heading among duplicates of a section at the same level', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Purpose\n\nFirst.\n\n## Purpose\n\nSecond.\n',
      );
      expect(section(report, 'purpose').line).toBe(3);
    });

    it('should weight the score by section weights', () => {
      const template = templateFromSections([
        { title: 'Purpose', weight: 3 },
        { title: 'Context', weight: 1 },
      ]);
      const report = analyzeArchitectureDoc('# Doc\n\n## Purpose\n\nWhy.\n', {
        template,
      });
      expect(report.score).toBe(75);
    });

    it('should use configured aliases', () => {
      const template = templateFromSections([
        { title: 'Runbook', aliases: ['On-call notes'] },
      ]);
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## On-call notes\n\nPage the owner.\n',
        { template },
      );
      expect(report.sections[0]).toMatchObject({
        status: 'present',
        heading: 'On-call notes',
      });
    });

    it('should say whether the doc looks like an architecture doc', () => {
      expect(analyzeArchitectureDoc(COMPLETE_DOC).isArchitectureDoc).toBe(true);
      expect(
        analyzeArchitectureDoc('# Shopping list\n\n- milk\n- eggs\n')
          .isArchitectureDoc,
      ).toBe(false);
    });
  });

  describe('title and related line', () => {
    it('should read the title and the Related line links', () => {
      const report = analyzeArchitectureDoc(COMPLETE_DOC, {
        path: 'docs/architecture/Ledger.md',
      });
      expect(report.title).toBe('Ledger architecture');
      expect(report.titleLine).toBe(1);
      expect(report.relatedLine).toBe(3);
      expect(report.related.map(i => report.links[i].resolved)).toEqual([
        'docs/architecture/Overview.md',
        'docs/domain/Accounts.md',
      ]);
    });

    it('should report a doc without a title', () => {
      const report = analyzeArchitectureDoc('## Purpose\n\nWhy.\n');
      expect(report.title).toBeNull();
      expect(report.findings.map(f => f.kind)).toContain('no-title');
    });
  });

  describe('links', () => {
    it('should classify and resolve links against the doc path', () => {
      const report = analyzeArchitectureDoc(COMPLETE_DOC, {
        path: 'docs/architecture/Ledger.md',
      });
      const seeAlso = report.links.filter(l => l.origin === 'see-also');
      expect(seeAlso.map(l => [l.kind, l.resolved, l.line])).toEqual([
        ['doc', 'docs/architecture/Payments.md', 67],
        ['external', 'https://example.com/spec', 68],
      ]);
    });

    it('should mark links from the contracts column as contracts, per row', () => {
      const report = analyzeArchitectureDoc(COMPLETE_DOC, {
        path: 'docs/architecture/Ledger.md',
      });
      expect(
        report.contracts.map(row => [
          row.responsibility,
          row.links.map(i => report.links[i].resolved),
        ]),
      ).toEqual([
        ['Post entries', ['docs/contracts/Posting.md']],
        ['Close periods', ['docs/contracts/Close.md', 'tests/close.md']],
      ]);
      expect(
        report.links
          .filter(l => l.origin === 'responsibilities')
          .map(l => l.kind),
      ).toEqual(['contract', 'contract', 'contract']);
    });

    it('should mark a link into a contracts folder as a contract anywhere in the doc', () => {
      const report = analyzeArchitectureDoc(
        '# D\n\nSee [c](contracts/X.md).\n',
        { path: 'docs/D.md' },
      );
      expect(report.links[0]).toMatchObject({
        kind: 'contract',
        resolved: 'docs/contracts/X.md',
      });
    });

    it('should keep anchors and fragments apart', () => {
      const report = analyzeArchitectureDoc(
        '# D\n\n[a](#purpose) [b](Other.md#flow)\n',
        { path: 'docs/D.md' },
      );
      expect(report.links.map(l => [l.kind, l.resolved, l.fragment])).toEqual([
        ['anchor', 'purpose', 'purpose'],
        ['doc', 'docs/Other.md', 'flow'],
      ]);
    });

    it('should resolve reference-style links through their definitions', () => {
      const report = analyzeArchitectureDoc(
        '# D\n\n[the contract][c]\n\n[c]: ../contracts/Y.md\n',
        { path: 'docs/a/D.md' },
      );
      expect(report.links[0]).toMatchObject({
        kind: 'contract',
        resolved: 'docs/contracts/Y.md',
        line: 3,
      });
    });

    it('should report broken links when the caller can tell', () => {
      const report = analyzeArchitectureDoc(
        '# D\n\n[x](Gone.md) [y](Here.md)\n',
        {
          path: 'docs/D.md',
          linkExists: resolved => resolved === 'docs/Here.md',
        },
      );
      expect(report.links.map(l => l.exists)).toEqual([false, true]);
      expect(
        report.findings
          .filter(f => f.kind === 'broken-link')
          .map(f => f.target),
      ).toEqual(['Gone.md']);
    });

    it('should leave exists unset when the caller cannot tell', () => {
      const report = analyzeArchitectureDoc('# D\n\n[x](Gone.md)\n');
      expect('exists' in report.links[0]).toBe(false);
    });

    it('should neutralise javascript: links', () => {
      const report = analyzeArchitectureDoc(
        '# D\n\n[x](javascript:alert(1))\n',
      );
      expect(report.links[0]).toMatchObject({
        kind: 'external',
        resolved: null,
        unsafe: true,
      });
      expect(report.findings.map(f => f.kind)).toContain('unsafe-link');
    });
  });

  describe('mermaid', () => {
    it('should list Mermaid blocks with their diagram type and line', () => {
      const report = analyzeArchitectureDoc(COMPLETE_DOC);
      expect(report.mermaid.map(m => [m.type, m.line])).toEqual([
        ['sequenceDiagram', 37],
      ]);
    });

    it('should flag a diagram with an unknown type', () => {
      const report = analyzeArchitectureDoc(
        '# D\n\n```mermaid\nsequenceDiagramm\n  A->>B: x\n```\n',
      );
      expect(report.mermaid[0].type).toBe('unknown');
      expect(report.findings.map(f => f.kind)).toContain('invalid-mermaid');
    });
  });

  describe('headings', () => {
    it('should give every heading a unique GitHub-style anchor', () => {
      const report = analyzeArchitectureDoc(
        '# Doc\n\n## Purpose\n\nx\n\n## Purpose\n\ny\n\n## Data & interfaces!\n',
      );
      expect(report.headings.map(h => h.anchor)).toEqual([
        'doc',
        'purpose',
        'purpose-1',
        'data--interfaces',
      ]);
    });
  });

  it('should analyse an already parsed tree to the same report', () => {
    const tree = parseMarkdown(COMPLETE_DOC);
    expect(analyzeTree(tree)).toEqual({
      ...analyzeArchitectureDoc(COMPLETE_DOC),
      size: 0,
    });
  });

  it('should produce a report that survives a JSON round trip', () => {
    const report = analyzeArchitectureDoc(COMPLETE_DOC);
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
