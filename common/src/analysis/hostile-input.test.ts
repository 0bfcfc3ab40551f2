import { analyzeArchitectureDoc } from './analyze-architecture-doc';

/**
 * Input nobody vetted: each case must give a report (never a throw) and the
 * report must still list every template section.
 */
function expectReport(markdown: string) {
  const report = analyzeArchitectureDoc(markdown);
  expect(report.sections).toHaveLength(12);
  expect(report.score).toBeGreaterThanOrEqual(0);
  expect(report.score).toBeLessThanOrEqual(100);
  return report;
}

describe('analyzeArchitectureDoc on hostile input', () => {
  it('should report an empty string as an empty doc', () => {
    const report = expectReport('');
    expect(report.title).toBeNull();
    expect(report.sections.every(s => s.status === 'missing')).toBe(true);
    expect(report.isArchitectureDoc).toBe(false);
  });

  it('should survive binary bytes', () => {
    const bytes = Array.from({ length: 65536 }, (_, i) =>
      String.fromCharCode((i * 7919) % 256),
    ).join('');
    expectReport(bytes);
  });

  it('should survive lone surrogates and NUL characters', () => {
    expectReport('# T\uD800itle\u0000\n\n## Purpose\uDFFF\n\n\u0000\u0000');
  });

  it('should cut 5 MB of text to the analysis limit and say so', () => {
    const block =
      '## Purpose\n\nSome words about the purpose of the system.\n\n- a point\n- another\n\n';
    const big = block.repeat(Math.ceil((5 * 1024 * 1024) / block.length));
    const report = expectReport(big);
    expect(report.truncated).toBe(true);
    expect(report.size).toBe(512 * 1024);
    expect(report.findings[0].kind).toBe('input-truncated');
  });

  it('should survive 10,000 nested list levels', () => {
    const report = expectReport(
      `# Deep\n\n## Purpose\n\n${'- '.repeat(10000)}x\n`,
    );
    expect(report.findings.map(f => f.message)).toContain(
      '1 line(s) nest deeper than 32 levels; the extra levels were ignored.',
    );
  });

  it('should survive 10,000 indented list levels', () => {
    const nested = Array.from(
      { length: 10000 },
      (_, i) => `${' '.repeat(Math.min(i * 2, 400))}- level ${i}`,
    ).join('\n');
    expectReport(`# Deep\n\n## Purpose\n\n${nested}\n`);
  });

  it('should survive 10,000 nested block quotes', () => {
    expectReport(`# Deep\n\n${'>'.repeat(10000)} x\n`);
  });

  it('should treat everything after an unclosed fence as code', () => {
    const report = expectReport(
      '# T\n\n## Purpose\n\nWhy.\n\n```\n## Context\n\nNot a heading.\n',
    );
    expect(report.sections[1].status).toBe('missing');
  });

  it('should ignore headings inside code blocks', () => {
    const report = expectReport('# T\n\n```md\n## Purpose\n\nText\n```\n');
    expect(report.sections[0].status).toBe('missing');
    expect(report.headings.map(h => h.text)).toEqual(['T']);
  });

  it('should report a doc with no headings', () => {
    const report = expectReport('Just a paragraph.\n\nAnd another one.\n');
    expect(report.title).toBeNull();
    expect(report.headings).toEqual([]);
  });

  it('should take the first of duplicated sections and keep anchors unique', () => {
    const report = expectReport(
      '# T\n\n## Purpose\n\nOne.\n\n## Purpose\n\nTwo.\n\n## Purpose\n\n',
    );
    expect(report.sections[0]).toMatchObject({
      status: 'present',
      line: 3,
      anchor: 'purpose',
    });
    expect(report.headings.map(h => h.anchor)).toEqual([
      't',
      'purpose',
      'purpose-1',
      'purpose-2',
    ]);
  });

  it('should read HTML in headings as text and never keep the markup', () => {
    const report = expectReport(
      '# <img src=x onerror=alert(1)>Title\n\n## <script>alert(1)</script>Purpose\n\nWhy.\n',
    );
    expect(report.title).toBe('Title');
    // Raw HTML is dropped; the text between tags stays text, as on the page.
    expect(report.sections[0]).toMatchObject({
      status: 'present',
      heading: 'alert(1)Purpose',
    });
  });

  it('should accept prototype-polluting names as sections and links', () => {
    const report = expectReport(
      '# \\_\\_proto\\_\\_\n\n## constructor\n\n[\\_\\_proto\\_\\_](__proto__.md) [constructor](#constructor)\n',
    );
    expect(report.title).toBe('__proto__');
    expect(report.links.map(l => l.resolved)).toEqual([
      '__proto__.md',
      'constructor',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('should survive thousands of headings', () => {
    const headings = Array.from(
      { length: 5000 },
      (_, i) => `## Heading ${i}\n\nText ${i}.\n`,
    ).join('\n');
    const report = expectReport(`# Many\n\n${headings}`);
    expect(report.headings).toHaveLength(5001);
  });

  it('should turn a non-string input into a report', () => {
    expectReport(undefined as unknown as string);
    expectReport(42 as unknown as string);
  });
});
