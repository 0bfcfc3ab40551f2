import { analyzeArchitectureDoc } from './analyze-architecture-doc';
import { templateFromSections } from './template-model';
import type { ArchitectureDocReport } from './types';

const section = (report: ArchitectureDocReport, id: string) =>
  report.sections.find(s => s.id === id)!;
const doc = (...parts: string[]) => ['# Billing', ...parts].join('\n\n');

describe('sections found by their content', () => {
  it('should take a sequence diagram under any heading as the operational flow', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## How an invoice is made',
        '```mermaid\nsequenceDiagram\n  A->>B: charge\n```',
      ),
    );
    expect(section(report, 'operational-flow')).toMatchObject({
      status: 'present',
      heading: null,
      line: 5,
      evidence: {
        source: 'content',
        signal: 'diagram',
        heading: 'How an invoice is made',
      },
    });
    expect(section(report, 'operational-flow').evidence?.summary).toBe(
      'No heading names Operational flow, but a sequence diagram at line 5 (under "How an invoice is made") serves it.',
    );
  });

  it('should take numbered steps as the operational flow', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Invoicing',
        '1. The order arrives.\n2. The price is computed.\n3. The invoice is sent.',
      ),
    );
    expect(section(report, 'operational-flow').evidence).toMatchObject({
      signal: 'numbered-steps',
    });
  });

  it('should not take a numbered outline with code or sub-lists as a flow', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Setup',
        '1. Install\n\n   ```sh\n   npm i\n   ```\n\n2. Configure\n   - a\n3. Run',
      ),
    );
    expect(section(report, 'operational-flow').status).toBe('missing');
  });

  it('should take steps chained with arrows as the operational flow', () => {
    const report = analyzeArchitectureDoc(
      doc('## Notes', 'order -> invoice -> payment'),
    );
    expect(section(report, 'operational-flow').evidence).toMatchObject({
      signal: 'diagram',
    });
  });

  it('should take a table with a responsibility column as the responsibilities', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Parts',
        '| Part | Owns |\n| --- | --- |\n| Ledger | balances |\n| Mailer | emails |',
      ),
    );
    expect(section(report, 'responsibilities').evidence).toMatchObject({
      signal: 'table-columns',
    });
    expect(section(report, 'responsibilities').evidence?.summary).toMatch(
      /a table with a "Owns" column/,
    );
  });

  it('should take a list of modules, each with what it does, as the responsibilities', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Layout',
        '- `billing/core`: computes prices and taxes\n- `billing/mail`: sends the invoices out\n- `billing/api`: serves the public endpoints',
      ),
    );
    expect(section(report, 'responsibilities').evidence).toMatchObject({
      signal: 'component-list',
    });
  });

  it('should not take a list of bold field names as the responsibilities', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Fields',
        '- **id**: the invoice number, unique\n- **amount**: the total in cents\n- **due**: the date it must be paid by',
      ),
    );
    expect(section(report, 'responsibilities').status).toBe('missing');
  });

  it('should take sub-headings that each name a module as the responsibilities', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Code',
        '### `core`',
        'Prices.',
        '### `mail`',
        'Emails.',
        '### `api`',
        'Endpoints.',
      ),
    );
    expect(section(report, 'responsibilities').evidence).toMatchObject({
      signal: 'component-list',
      heading: 'Code',
    });
  });

  it('should take a schema or payload code block as data and interfaces', () => {
    const report = analyzeArchitectureDoc(
      doc('## Example', '```json\n{ "id": 1, "amount": 300 }\n```'),
    );
    expect(section(report, 'data-and-interfaces').evidence).toMatchObject({
      signal: 'schema-code',
    });
    const proto = analyzeArchitectureDoc(
      doc('## Wire', '```\nmessage Invoice {\n  int64 id = 1;\n}\n```'),
    );
    expect(section(proto, 'data-and-interfaces').evidence).toMatchObject({
      signal: 'schema-code',
    });
  });

  it('should take an error table as the failure behaviour', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## When things go wrong',
        '| Error | Recovery |\n| --- | --- |\n| timeout | retry once |',
      ),
    );
    expect(
      section(report, 'failure-and-fallback-behavior').evidence,
    ).toMatchObject({ signal: 'table-columns' });
  });

  it('should take a closing list of links as the see-also section, but not one in the middle', () => {
    const links = '- [Payments](payments.md)\n- [Ledger](ledger.md)';
    const closing = analyzeArchitectureDoc(
      doc('## Purpose', 'Bills customers.', '## More', links),
    );
    expect(section(closing, 'see-also').evidence).toMatchObject({
      signal: 'link-list',
    });
    const middle = analyzeArchitectureDoc(
      doc('## More', links, '## Purpose', 'Bills customers.'),
    );
    expect(section(middle, 'see-also').status).toBe('missing');
  });

  it("should take a paragraph using several words of a section's guidance as that section", () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Notes',
        'We run two containers per region and add workers for horizontal growth; the runbook covers it.',
      ),
    );
    expect(section(report, 'deployment-and-scaling').evidence).toMatchObject({
      signal: 'guidance-words',
    });
    expect(section(report, 'deployment-and-scaling').evidence?.summary).toMatch(
      /text using the words of its guidance \(containers, workers, horizontal, runbook\)/,
    );
  });

  it('should ask more guidance words of a paragraph when the guidance is long', () => {
    const filler = Array.from(
      { length: 60 },
      (_, i) =>
        `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`,
    );
    const template = (guidance: string) =>
      templateFromSections([
        { title: 'Overview', guidance: 'What the system is.' },
        { title: 'Capacity', guidance },
      ]);
    const paragraph = doc(
      '## Overview',
      'It serves shoppers.',
      '## Notes',
      'Replicas, quotas and burst limits are set per tenant.',
    );
    const short = analyzeArchitectureDoc(paragraph, {
      template: template('Replicas, quotas, burst limits.'),
    });
    expect(section(short, 'capacity').evidence).toMatchObject({
      signal: 'guidance-words',
    });
    const long = analyzeArchitectureDoc(paragraph, {
      template: template(
        `Replicas, quotas, burst limits. ${filler.join(' ')}.`,
      ),
    });
    expect(section(long, 'capacity').status).toBe('missing');
  });

  it('should prefer a matching heading to content evidence', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Operational flow',
        'TODO',
        '## Other',
        '```mermaid\nsequenceDiagram\n  A->>B: x\n```',
      ),
    );
    expect(section(report, 'operational-flow')).toMatchObject({
      status: 'placeholder',
      heading: 'Operational flow',
    });
  });
});

describe('evidence', () => {
  it('should explain every verdict', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Purpose',
        'Bills customers monthly for their usage.',
        '**See also:** [a](a.md)',
        '## Context',
        'TODO',
      ),
    );
    for (const s of report.sections) expect(s.evidence?.summary).toBeTruthy();
    expect(section(report, 'purpose').evidence).toMatchObject({
      source: 'heading',
      rule: 'same-words',
      heading: 'Purpose',
    });
    expect(section(report, 'context').evidence).toMatchObject({
      source: 'heading',
      excerpt: 'TODO',
    });
    expect(section(report, 'see-also').evidence).toMatchObject({
      source: 'label',
      heading: 'See also',
    });
    expect(section(report, 'testing-strategy').evidence).toMatchObject({
      source: 'none',
    });
  });

  it('should name the alias a heading contains', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Error handling in the mailer',
        'Retries three times, then parks the mail.',
      ),
    );
    expect(
      section(report, 'failure-and-fallback-behavior').evidence?.summary,
    ).toBe(
      'Matched "Error handling in the mailer" to Failure and fallback behavior: the heading contains "error handling".',
    );
  });
});

describe('sub-sections', () => {
  it('should count a section present when its own body is empty but its sub-sections have content', () => {
    const report = analyzeArchitectureDoc(
      doc(
        '## Introduction',
        '### Requirements',
        'Invoices must be exact to the cent.',
        '### Stakeholders',
        'Finance and support.',
      ),
    );
    expect(section(report, 'purpose')).toMatchObject({
      status: 'present',
      heading: 'Introduction',
    });
  });

  it('should count a section a placeholder when it and its sub-sections are empty', () => {
    const report = analyzeArchitectureDoc(
      doc('## Introduction', '### Requirements', '### Stakeholders'),
    );
    expect(section(report, 'purpose')).toMatchObject({
      status: 'placeholder',
      placeholderReason: 'empty',
    });
  });
});

describe('template help text left in a doc', () => {
  it('should call a section a placeholder when it keeps the guidance or a close paraphrase', () => {
    const verbatim = analyzeArchitectureDoc(
      doc(
        '## Testing strategy',
        '- Map architecture elements to contract tests and integration suites.',
      ),
    );
    expect(section(verbatim, 'testing-strategy')).toMatchObject({
      status: 'placeholder',
      placeholderReason: 'guidance',
    });
    const paraphrase = analyzeArchitectureDoc(
      doc(
        '## Testing strategy',
        'Mapping the architecture elements onto integration suites and contract tests.',
      ),
    );
    expect(section(paraphrase, 'testing-strategy')).toMatchObject({
      status: 'placeholder',
      placeholderReason: 'guidance',
    });
  });
});
