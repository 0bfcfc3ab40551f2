/**
 * @jest-environment node
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { DEFAULT_TEMPLATE_MARKDOWN } from 'backstage-plugin-architecture-docs-common';
import { runCli, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from './check-command';
import { loadMermaidInNode } from './load-mermaid-in-node';

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd,
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

const COMPLETE = `# Foo

## Purpose
Why Foo exists, in a sentence.
## Context
Upstream bar.
## Design drivers
Latency.
## Responsibilities
| Responsibility | Details | Contracts/tests |
| --- | --- | --- |
| Serve | HTTP | [X](../contracts/X.md) |
## Data and interfaces
REST.
## Operational flow
\`\`\`mermaid
sequenceDiagram
  A->>B: hi
\`\`\`
Requests flow.
## Failure and fallback behavior
Retries.
## Deployment and scaling
Two pods.
## Security and compliance
Internal only.
## Testing strategy
Contract tests.
## Open questions
None open right now, reviewed monthly.
## See also
- [Bar](Bar.md)
`;

describe('architecture-docs check', () => {
  let dir: string;

  // Loading Mermaid under Jest is slow and varies with the machine; load it once,
  // outside the time limit of the tests that parse diagrams.
  beforeAll(() => loadMermaidInNode(), 60_000);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'architecture-docs-cli-'));
    fs.mkdirSync(path.join(dir, 'docs/architecture'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'docs/contracts'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'docs/architecture/Foo.md'), COMPLETE);
    fs.writeFileSync(
      path.join(dir, 'docs/architecture/Bar.md'),
      '# Bar\n\n## Purpose\n\nBar does things.\n',
    );
    fs.writeFileSync(path.join(dir, 'docs/contracts/X.md'), '# X\n');
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('should print one JSON document in the documented shape', async () => {
    const { code, stdout } = await run(
      ['check', '--json', 'docs/architecture/Foo.md'],
      dir,
    );
    expect(code).toBe(EXIT_OK);
    const result = JSON.parse(stdout);
    expect(result.template).toBe('default');
    expect(result.docs).toHaveLength(1);
    const [doc] = result.docs;
    expect(doc).toMatchObject({
      file: 'docs/architecture/Foo.md',
      title: 'Foo',
      score: 100,
    });
    expect(doc.sections).toHaveLength(12);
    expect(doc.sections[0]).toEqual({
      title: 'Purpose',
      status: 'present',
      heading: 'Purpose',
      line: 3,
      evidence: {
        source: 'heading',
        heading: 'Purpose',
        matched: 'Purpose',
        rule: 'same-words',
        summary: 'Matched "Purpose" to Purpose: same words.',
      },
    });
    expect(doc.links).toEqual([
      {
        target: '../contracts/X.md',
        kind: 'contract',
        line: 12,
        resolved: 'docs/contracts/X.md',
        exists: true,
      },
      {
        target: 'Bar.md',
        kind: 'doc',
        line: 32,
        resolved: 'docs/architecture/Bar.md',
        exists: true,
      },
    ]);
    expect(doc.mermaid).toEqual([{ type: 'sequenceDiagram', line: 16 }]);
  });

  it('should fail a doc past the analysis bound as too complex, with no score, as the portal does', async () => {
    fs.writeFileSync(
      path.join(dir, 'docs/architecture/Flood.md'),
      `${COMPLETE}\n${'https://e.com/a '.repeat(20_000)}\n`,
    );
    const readable = await run(
      ['check', 'docs/architecture/Flood.md', 'docs/architecture/Foo.md'],
      dir,
    );
    expect(readable.code).toBe(EXIT_FAILED);
    expect(readable.stdout).toMatch(
      /^docs\/architecture\/Flood\.md {2}Too complex to analyse: .* FAIL$/m,
    );
    expect(readable.stdout).toMatch(
      /^docs\/architecture\/Foo\.md {2}Foo {2}score 100\/100 {2}ok$/m,
    );
    const json = JSON.parse(
      (await run(['check', '--json', 'docs/architecture/Flood.md'], dir))
        .stdout,
    );
    expect(json.docs[0]).toMatchObject({
      file: 'docs/architecture/Flood.md',
      score: null,
      passed: false,
      tooComplex: { kind: 'work' },
    });
  });

  it('should search directories for markdown files in a stable order', async () => {
    fs.writeFileSync(path.join(dir, 'docs/architecture/UPPER.MD'), '# Upper\n');
    fs.writeFileSync(
      path.join(dir, 'docs/architecture/notes.txt'),
      'not markdown',
    );
    const { stdout } = await run(['check', '--json', 'docs/architecture'], dir);
    expect(
      JSON.parse(stdout).docs.map((d: { file: string }) => d.file),
    ).toEqual([
      'docs/architecture/Bar.md',
      'docs/architecture/Foo.md',
      'docs/architecture/UPPER.MD',
    ]);
  });

  it('should report a link whose target does not exist and exit 1', async () => {
    fs.rmSync(path.join(dir, 'docs/contracts/X.md'));
    const { code, stdout } = await run(
      ['check', '--json', 'docs/architecture/Foo.md'],
      dir,
    );
    expect(code).toBe(EXIT_FAILED);
    expect(JSON.parse(stdout).docs[0].links[0]).toMatchObject({
      resolved: 'docs/contracts/X.md',
      exists: false,
    });
  });

  it('should report a diagram Mermaid rejects with its message and doc line, and exit 1', async () => {
    const broken = COMPLETE.replace(
      '  A->>B: hi',
      '  A->>B: hi\n  B-->>A: ok\n  A->>: nobody',
    );
    fs.writeFileSync(path.join(dir, 'docs/architecture/Foo.md'), broken);
    const json = await run(
      ['check', '--json', 'docs/architecture/Foo.md'],
      dir,
    );
    expect(json.code).toBe(EXIT_FAILED);
    const [doc] = JSON.parse(json.stdout).docs;
    expect(doc.passed).toBe(false);
    expect(doc.score).toBe(100);
    // The fence opens on line 16; the rejected message is the diagram's fourth line.
    expect(doc.findings).toContainEqual({
      kind: 'invalid-mermaid',
      severity: 'error',
      message: expect.stringMatching(
        /^Mermaid diagram at line 16: Parse error on line 4:/,
      ),
      line: 20,
    });
    expect(doc.mermaid[0].problem).toMatch(/^Parse error on line 4:/);

    const text = await run(['check', 'docs/architecture/Foo.md'], dir);
    expect(text.code).toBe(EXIT_FAILED);
    expect(text.stdout).toContain(
      'docs/architecture/Foo.md  Foo  score 100/100  FAIL',
    );
    expect(text.stdout).toContain(
      '  invalid mermaid: line 20 Mermaid diagram at line 16: Parse error on line 4:\n      ',
    );
    expect(text.stdout.trim().split('\n').pop()).toBe(
      '1 doc(s) checked: 1 fail (0 below min score 0, 0 broken link(s), 1 invalid diagram(s)).',
    );
  });

  it('should exit 1 when a doc scores below --min-score', async () => {
    expect(
      (
        await run(
          ['check', '--min-score', '50', 'docs/architecture/Bar.md'],
          dir,
        )
      ).code,
    ).toBe(EXIT_FAILED);
    expect(
      (await run(['check', '--min-score=8', 'docs/architecture/Bar.md'], dir))
        .code,
    ).toBe(EXIT_OK);
  });

  it('should print a readable report with a summary line', async () => {
    const { stdout } = await run(
      ['check', '--min-score', '50', 'docs/architecture'],
      dir,
    );
    expect(stdout).toContain(
      'docs/architecture/Bar.md  Bar  score 8/100  FAIL',
    );
    expect(stdout).toContain('  missing: Context, Design drivers');
    expect(stdout.trim().split('\n').pop()).toBe(
      '2 doc(s) checked: 1 fail (1 below min score 50, 0 broken link(s), 0 invalid diagram(s)).',
    );
  });

  it('should check against a template given with --template', async () => {
    fs.writeFileSync(
      path.join(dir, 'tpl.md'),
      '# T\n\n## Purpose\n\nWhy.\n\n## Runbook\n\nSteps.\n',
    );
    const { stdout } = await run(
      ['check', '--json', '--template', 'tpl.md', 'docs/architecture/Bar.md'],
      dir,
    );
    const result = JSON.parse(stdout);
    expect(result.template).toBe('tpl.md');
    expect(
      result.docs[0].sections.map((s: { title: string; status: string }) => [
        s.title,
        s.status,
      ]),
    ).toEqual([
      ['Purpose', 'present'],
      ['Runbook', 'missing'],
    ]);
    expect(result.docs[0].score).toBe(50);
  });

  it('should report the template itself with twelve placeholders', async () => {
    fs.writeFileSync(path.join(dir, 'template.md'), DEFAULT_TEMPLATE_MARKDOWN);
    const { stdout } = await run(['check', '--json', 'template.md'], dir);
    const [doc] = JSON.parse(stdout).docs;
    expect(doc.score).toBe(0);
    expect(
      new Set(doc.sections.map((s: { status: string }) => s.status)),
    ).toEqual(new Set(['placeholder']));
  });

  it.each([
    [['check'], 'Give at least one file or directory to check.'],
    [['lint', 'x.md'], 'Unknown command "lint"'],
    [['check', '--fast', 'x.md'], 'Unknown option "--fast"'],
    [
      ['check', '--min-score', 'high', 'x.md'],
      '--min-score must be a number from 0 to 100, not "high".',
    ],
    [
      ['check', '--min-score', '101', 'x.md'],
      '--min-score must be a number from 0 to 100, not "101".',
    ],
    [['check', '--template'], '--template needs a value.'],
  ])('should exit 2 on usage error %j', async (args, message) => {
    const { code, stderr, stdout } = await run(args, dir);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
  });

  it('should exit 2 naming a file that does not exist', async () => {
    const { code, stderr } = await run(['check', 'docs/Nope.md'], dir);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toBe(
      'architecture-docs: Cannot read "docs/Nope.md": no such file or directory.\n',
    );
  });

  it('should exit 2 naming an unreadable template', async () => {
    const { code, stderr } = await run(
      ['check', '--template', 'missing.md', 'docs'],
      dir,
    );
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toBe(
      'architecture-docs: Cannot read template "missing.md".\n',
    );
  });

  it('should exit 2 when a template has no sections', async () => {
    fs.writeFileSync(path.join(dir, 'empty.md'), '# Only a title\n');
    const { code, stderr } = await run(
      ['check', '--template', 'empty.md', 'docs'],
      dir,
    );
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toContain(
      'Template "empty.md" cannot be used: The template has no section headings',
    );
  });

  it('should exit 2 when a directory holds no markdown', async () => {
    fs.mkdirSync(path.join(dir, 'empty'));
    const { code, stderr } = await run(['check', 'empty'], dir);
    expect(code).toBe(EXIT_USAGE);
    expect(stderr).toBe(
      'architecture-docs: No markdown files found in "empty".\n',
    );
  });

  it('should print help with exit 0', async () => {
    const { code, stdout } = await run(['--help'], dir);
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('Usage: architecture-docs check');
  });

  it('should run as the installed bin with the same exit code and JSON', () => {
    const bin = path.resolve(__dirname, '../../bin/architecture-docs.js');
    const bundle = path.resolve(
      __dirname,
      '../../dist-cli/architecture-docs.cjs',
    );
    // Rebuild so the bin runs the code under test, not an older bundle.
    execFileSync('npm', ['run', '--silent', 'build:cli'], {
      cwd: path.resolve(__dirname, '../..'),
    });
    expect(fs.existsSync(bundle)).toBe(true);
    const ok = spawnSync(
      process.execPath,
      [bin, 'check', '--json', 'docs/architecture/Foo.md'],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).docs[0].score).toBe(100);
    const usage = spawnSync(process.execPath, [bin, 'check'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
    // Mermaid runs in plain Node, outside Jest, for flowcharts and for the
    // diagrams whose parser Mermaid loads from its own parser package.
    fs.writeFileSync(
      path.join(dir, 'docs/architecture/Diagrams.md'),
      '# Diagrams\n\n```mermaid\nflowchart TD\n  A --> B[Call foo(x)]\n```\n\n```mermaid\npie\n  "a": 1\n```\n',
    );
    const diagrams = spawnSync(
      process.execPath,
      [bin, 'check', '--json', 'docs/architecture/Diagrams.md'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(diagrams.stderr).toBe('');
    expect(diagrams.status).toBe(1);
    const findings = JSON.parse(diagrams.stdout).docs[0].findings.filter(
      (f: { kind: string }) => f.kind === 'invalid-mermaid',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        line: 5,
        message: expect.stringContaining("got 'PS'"),
      }),
    ]);
  });

  it('should check against the built-in arc42 template with --template arc42', async () => {
    fs.writeFileSync(
      path.join(dir, 'docs/architecture/Arc.md'),
      '# Arc\n\n## 1 Introduction and goals\n\nSells books.\n\n## Kontextabgrenzung\n\nTalks to payments.\n\n## Glossary\n\nTODO\n',
    );
    const { code, stdout } = await run(
      ['check', '--json', '--template', 'arc42', 'docs/architecture/Arc.md'],
      dir,
    );
    expect(code).toBe(EXIT_OK);
    const result = JSON.parse(stdout);
    expect(result.template).toBe('arc42');
    const sections = result.docs[0].sections;
    expect(sections).toHaveLength(12);
    expect(sections[0]).toMatchObject({
      title: 'Introduction and Goals',
      status: 'present',
    });
    expect(sections[2]).toMatchObject({
      title: 'Context and Scope',
      status: 'present',
      heading: 'Kontextabgrenzung',
    });
    expect(sections[11]).toMatchObject({
      title: 'Glossary',
      status: 'placeholder',
    });
  });

  it('should give each section its evidence in the JSON and explain placeholders in the readable report', async () => {
    fs.writeFileSync(
      path.join(dir, 'docs/architecture/Ev.md'),
      '# Ev\n\n## Scaling and deployment\n\nTwo pods.\n\n## Context\n\nTBD\n',
    );
    const json = JSON.parse(
      (await run(['check', '--json', 'docs/architecture/Ev.md'], dir)).stdout,
    );
    const byTitle = (title: string) =>
      json.docs[0].sections.find((s: { title: string }) => s.title === title);
    expect(byTitle('Deployment and scaling').evidence).toMatchObject({
      source: 'heading',
      rule: 'word-order',
      heading: 'Scaling and deployment',
      summary:
        'Matched "Scaling and deployment" to Deployment and scaling: same words in another order.',
    });
    expect(byTitle('Context').evidence).toMatchObject({
      source: 'heading',
      excerpt: 'TBD',
    });
    expect(byTitle('Testing strategy').evidence).toMatchObject({
      source: 'none',
    });
    const readable = (await run(['check', 'docs/architecture/Ev.md'], dir))
      .stdout;
    expect(readable).toContain(
      'Its body only holds a marker of unfinished work: "TBD".',
    );
  });
});
