/**
 * @jest-environment node
 */
// Mermaid's parser package is published for `import` only, which Jest's
// resolver does not follow; Node and the bundled command find it themselves.
jest.mock(
  '@mermaid-js/parser',
  () =>
    jest.requireActual(
      require('node:path').resolve(
        __dirname,
        '../../node_modules/@mermaid-js/parser/dist/mermaid-parser.core.mjs',
      ),
    ),
  { virtual: true },
);

import {
  analyzeArchitectureDoc,
  RENDER_LIMITS,
} from 'backstage-plugin-architecture-docs-common';
import { MAX_DIAGRAM_EDGES, MAX_DIAGRAM_TEXT } from '../lib/mermaid-config';
import { loadMermaidInNode } from './load-mermaid-in-node';
import {
  findDiagramRejection,
  validateMermaidDiagrams,
} from './validate-mermaid';

function fenced(diagram: string): string {
  return `# Foo\n\n## Operational flow\n\n\`\`\`mermaid\n${diagram}\n\`\`\`\n`;
}

/** The fence opens on line 5 of {@link fenced}, so diagram line n is doc line 5 + n. */
const FENCE_LINE = 5;

async function rejectionsOf(markdown: string) {
  const report = analyzeArchitectureDoc(markdown, { path: 'docs/Foo.md' });
  await validateMermaidDiagrams([report]);
  return report.findings.filter(f => f.kind === 'invalid-mermaid');
}

describe('validateMermaidDiagrams', () => {
  // Loading Mermaid under Jest is slow and varies with the machine; load it once,
  // outside the time limit of the tests that parse diagrams.
  beforeAll(() => loadMermaidInNode(), 60_000);

  it("should report unquoted parentheses in a node label with Mermaid's message and the doc line", async () => {
    const findings = await rejectionsOf(
      fenced('flowchart TD\n  A[Start] --> B[Call foo(x)]\n  B --> C[End]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      line: FENCE_LINE + 2,
    });
    expect(findings[0].message).toContain('Parse error on line 2');
    expect(findings[0].message).toContain("got 'PS'");
  });

  it("should report a quote inside a node label with Mermaid's message and the doc line", async () => {
    const findings = await rejectionsOf(
      fenced('flowchart LR\n  A --> B\n  B --> C[Say "hi" to the user]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].line).toBe(FENCE_LINE + 3);
    expect(findings[0].message).toContain('Parse error on line 3');
    expect(findings[0].message).toContain("got 'STR'");
  });

  it("should set the block's problem to Mermaid's message", async () => {
    const report = analyzeArchitectureDoc(
      fenced('sequenceDiagram\n  A->>: hi'),
      { path: 'docs/Foo.md' },
    );
    await validateMermaidDiagrams([report]);
    expect(report.mermaid[0].problem).toMatch(/^Parse error on line 2:/);
  });

  it('should report nothing for valid diagrams of several kinds', async () => {
    const markdown = [
      fenced('flowchart TD\n  A["Call foo(x)"] --> B["Say #quot;hi#quot;"]'),
      fenced('sequenceDiagram\n  participant A\n  A->>B: hi\n  B-->>A: ok'),
      fenced('classDiagram\n  class A {\n    +int x\n  }\n  A <|-- B'),
      fenced('erDiagram\n  A ||--o{ B : has'),
      fenced('pie title Share\n  "a": 1\n  "b": 2'),
    ].join('\n');
    const report = analyzeArchitectureDoc(markdown, { path: 'docs/Foo.md' });
    expect(report.mermaid).toHaveLength(5);
    await validateMermaidDiagrams([report]);
    expect(report.findings.filter(f => f.kind === 'invalid-mermaid')).toEqual(
      [],
    );
    expect(report.mermaid.every(block => block.problem === undefined)).toBe(
      true,
    );
  }, 30_000); // The first diagram of each kind loads that kind's parser.

  it('should name the line the author wrote past front matter, directives and comments', async () => {
    const diagram = [
      '---',
      'title: Flow',
      '---',
      '%%{init: {"theme": "dark"}}%%',
      'flowchart TD',
      '  %% the entry point',
      '',
      '  A --> B[Call foo(x)]',
    ].join('\n');
    const [finding] = await rejectionsOf(fenced(diagram));
    expect(finding.line).toBe(FENCE_LINE + 8);
  });

  it('should not parse a block the analyzer already flagged again', async () => {
    const findings = await rejectionsOf(fenced('not-a-diagram\n  A --> B'));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('is not a Mermaid diagram type');
  });

  it('should not load Mermaid for docs without diagrams', async () => {
    const load = jest.fn(loadMermaidInNode);
    await validateMermaidDiagrams(
      [analyzeArchitectureDoc('# Foo\n\nNo diagram.\n', {})],
      load,
    );
    expect(load).not.toHaveBeenCalled();
  });

  it('should parse no more diagrams in a doc than the tab would draw', async () => {
    const parse = jest.fn(async () => {
      throw new Error('Parse error on line 1');
    });
    const diagrams = Array.from({ length: RENDER_LIMITS.diagrams + 5 }, () =>
      fenced('flowchart TD'),
    );
    const report = analyzeArchitectureDoc(diagrams.join('\n'), {});
    await validateMermaidDiagrams([report], async () => ({ parse }));
    expect(parse).toHaveBeenCalledTimes(RENDER_LIMITS.diagrams);
    expect(
      report.findings.filter(f => f.kind === 'invalid-mermaid'),
    ).toHaveLength(RENDER_LIMITS.diagrams);
  });

  it('should reject a diagram over the edge limit the tab draws with', async () => {
    const edges = Array.from(
      { length: MAX_DIAGRAM_EDGES + 1 },
      (_, i) => `  n${i} --> n${i + 1}`,
    );
    const [finding] = await rejectionsOf(
      fenced(`flowchart TD\n${edges.join('\n')}`),
    );
    expect(finding.message).toContain('Edge limit exceeded');
    expect(finding.line).toBe(FENCE_LINE + 1);
  });

  it('should reject a diagram over the text limit without parsing it', async () => {
    const parse = jest.fn();
    const source = `flowchart TD\n  A[${'x'.repeat(MAX_DIAGRAM_TEXT)}]`;
    const rejection = await findDiagramRejection(
      { parse },
      { source, line: 3 },
    );
    expect(parse).not.toHaveBeenCalled();
    expect(rejection).toEqual({
      message: expect.stringContaining('Maximum text size in diagram exceeded'),
      line: 4,
    });
  });

  it('should never reject, whatever Mermaid throws', async () => {
    const throwing = async () => {
      throw Object.create(null);
    };
    await expect(
      findDiagramRejection(
        { parse: throwing },
        { source: 'flowchart TD', line: 1 },
      ),
    ).resolves.toEqual({
      message: 'Mermaid rejects the diagram without saying why.',
      line: 2,
    });
  });

  it('should not blame the diagram when Mermaid cannot load its own code', async () => {
    const missing = async () => {
      throw Object.assign(
        new Error("Cannot find module '@mermaid-js/parser'"),
        { code: 'ERR_MODULE_NOT_FOUND' },
      );
    };
    await expect(
      findDiagramRejection({ parse: missing }, { source: 'pie', line: 1 }),
    ).rejects.toThrow('Cannot find module');
  });

  it('should finish quickly on hostile diagrams just under the text limit', async () => {
    // Each fills the text limit with one construct repeated.
    const filled = (head: string, unit: string, tail = '') =>
      `${head}${unit.repeat(Math.floor((MAX_DIAGRAM_TEXT - head.length - tail.length) / unit.length))}${tail}`;
    const hostile = [
      filled('flowchart TD\n  A[', '(', ']'),
      filled('flowchart TD\n', '  A-->'),
      filled('flowchart TD\n', '\n', 'A-->B('),
      filled('sequenceDiagram\n', '%%{'),
      filled('', '%% c\n\n', 'flowchart TD\n  A --> B('),
      filled('classDiagram\n  class A {\n', '    +f(a b c\n'),
      filled('flowchart TD\n  A["', '\\"'),
    ];
    const mermaid = await loadMermaidInNode();
    for (const source of hostile) {
      expect(source.length).toBeLessThanOrEqual(MAX_DIAGRAM_TEXT);
      const started = Date.now();
      await findDiagramRejection(mermaid, { source, line: 1 });
      // A bounded parse of a full-size diagram ends well inside this limit,
      // even on a busy machine; a runaway one would not end at all.
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  }, 120_000);
});
