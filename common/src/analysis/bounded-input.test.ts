import {
  boundMarkdownInput,
  MAX_INLINE_DELIMITERS,
  MAX_NESTING,
  MAX_SETEXT_UNDERLINES,
} from './bounded-input';
import { analyzeArchitectureDoc } from './analyze-architecture-doc';

describe('boundMarkdownInput', () => {
  it('should leave ordinary docs untouched', () => {
    const doc = '# T\n\n> quote\n\n- a\n  - b\n    - c\n';
    expect(boundMarkdownInput(doc, 1000)).toEqual({
      text: doc,
      truncated: false,
      flattenedLines: 0,
      limitedParagraphs: 0,
    });
  });

  it('should cut input longer than the limit', () => {
    expect(boundMarkdownInput('abcdef', 3)).toEqual({
      text: 'abc',
      truncated: true,
      flattenedLines: 0,
      limitedParagraphs: 0,
    });
  });

  it('should keep the first levels of deep quote nesting and the text', () => {
    const { text, flattenedLines } = boundMarkdownInput(
      `${'> '.repeat(100)}deep`,
      10_000,
    );
    expect(text).toBe(`${'> '.repeat(MAX_NESTING)}deep`);
    expect(flattenedLines).toBe(1);
  });

  it('should keep the first levels of list markers on one line', () => {
    const { text } = boundMarkdownInput(`${'- '.repeat(50)}x`, 10_000);
    expect(text).toBe(`${'- '.repeat(MAX_NESTING)}x`);
  });

  it('should keep the first levels of ordered list markers on one line', () => {
    const { text, flattenedLines } = boundMarkdownInput(
      `${'1. '.repeat(10000)}x`,
      100_000,
    );
    expect(text).toBe(`${'1. '.repeat(MAX_NESTING)}x`);
    expect(flattenedLines).toBe(1);
  });

  it('should cap indentation', () => {
    const { text } = boundMarkdownInput(`${' '.repeat(1000)}- x`, 10_000);
    expect(text).toBe(`${' '.repeat(MAX_NESTING * 4)}- x`);
  });
});

describe('inline delimiter limit', () => {
  it('leaves a paragraph within the limit untouched', () => {
    const text = `# Doc\n\n${'*a* '.repeat(MAX_INLINE_DELIMITERS / 2)}\n`;
    expect(boundMarkdownInput(text, 1e9)).toEqual({
      text,
      truncated: false,
      flattenedLines: 0,
      limitedParagraphs: 0,
    });
  });

  it('escapes delimiters past the limit in one paragraph only', () => {
    const dense = `${'*_'.repeat(MAX_INLINE_DELIMITERS)}x`;
    const text = `${dense}\n\n*kept* and [link](https://example.com)\n`;
    const bounded = boundMarkdownInput(text, 1e9);
    expect(bounded.limitedParagraphs).toBe(1);
    const [first, , last] = bounded.text.split('\n');
    expect(first.startsWith('*_'.repeat(MAX_INLINE_DELIMITERS / 2))).toBe(true);
    expect(first.match(/\\[*_]/g)).toHaveLength(MAX_INLINE_DELIMITERS);
    expect(last).toBe('*kept* and [link](https://example.com)');
  });

  it('counts across the lines of a paragraph and leaves fenced code alone', () => {
    const line = '[a] '.repeat(MAX_INLINE_DELIMITERS / 4);
    const fence = `\`\`\`\n${'*'.repeat(3 * MAX_INLINE_DELIMITERS)}\n\`\`\``;
    const text = `${line}\n${line}\n${line}\n\n${fence}\n`;
    const bounded = boundMarkdownInput(text, 1e9);
    const lines = bounded.text.split('\n');
    expect(lines[0]).toBe(line);
    expect(lines[1]).toBe(line);
    expect(lines[2]).toBe(line.replace(/[[\]]/g, c => `\\${c}`));
    expect(lines[5]).toBe('*'.repeat(3 * MAX_INLINE_DELIMITERS));
    expect(bounded.limitedParagraphs).toBe(1);
  });

  it.each([
    ['indented by a tab (indented code)', '\t```'],
    ['indented by four spaces (indented code)', '    ```'],
    ['a backtick in its info string (inline code)', '```js`'],
  ])(
    'should still count a paragraph after a line that looks like a fence but is %s',
    (_name, notAFence) => {
      const text = `${notAFence}\n\n${'*_'.repeat(MAX_INLINE_DELIMITERS)}\n`;
      expect(boundMarkdownInput(text, 1e9).limitedParagraphs).toBe(1);
    },
  );

  it('reports the limit and still finds the sections of a doc with 20,000 nested emphasis pairs', () => {
    const doc = `# Architecture\n\n## Purpose\n\n${'*_'.repeat(20_000)}x${'_*'.repeat(20_000)}\n\n## Context\n\nText.\n`;
    const report = analyzeArchitectureDoc(doc);
    expect(
      report.findings.some(f =>
        /more than 1000 emphasis or link delimiters/.test(f.message),
      ),
    ).toBe(true);
    const purpose = report.sections.find(s => s.title === 'Purpose');
    expect(purpose?.status).not.toBe('missing');
  });

  it('should read setext underlines past the limit as text, outside code only', () => {
    const headings = Array.from(
      { length: MAX_SETEXT_UNDERLINES + 3 },
      (_, k) => `Title ${k}\n---\n`,
    ).join('\n');
    const bounded = boundMarkdownInput(
      `${headings}\n\`\`\`\nx\n===\n\`\`\`\n`,
      1e9,
    );
    expect(bounded.limitedUnderlines).toBe(3);
    expect(bounded.text.match(/^\\---$/gm)).toHaveLength(3);
    expect(bounded.text).toContain('x\n===\n');
  });

  it('should leave a doc with few setext headings as it is', () => {
    const text = 'Title\n===\n\nText\n---\n';
    expect(boundMarkdownInput(text, 1e9)).toEqual({
      text,
      truncated: false,
      flattenedLines: 0,
      limitedParagraphs: 0,
    });
  });
});
