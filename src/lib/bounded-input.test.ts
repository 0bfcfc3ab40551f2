import { boundMarkdownInput, MAX_NESTING } from './bounded-input';

describe('boundMarkdownInput', () => {
  it('should leave ordinary docs untouched', () => {
    const doc = '# T\n\n> quote\n\n- a\n  - b\n    - c\n';
    expect(boundMarkdownInput(doc, 1000)).toEqual({ text: doc, truncated: false, flattenedLines: 0 });
  });

  it('should cut input longer than the limit', () => {
    expect(boundMarkdownInput('abcdef', 3)).toEqual({ text: 'abc', truncated: true, flattenedLines: 0 });
  });

  it('should keep the first levels of deep quote nesting and the text', () => {
    const { text, flattenedLines } = boundMarkdownInput(`${'> '.repeat(100)}deep`, 10_000);
    expect(text).toBe(`${'> '.repeat(MAX_NESTING)}deep`);
    expect(flattenedLines).toBe(1);
  });

  it('should keep the first levels of list markers on one line', () => {
    const { text } = boundMarkdownInput(`${'- '.repeat(50)}x`, 10_000);
    expect(text).toBe(`${'- '.repeat(MAX_NESTING)}x`);
  });

  it('should keep the first levels of ordered list markers on one line', () => {
    const { text, flattenedLines } = boundMarkdownInput(`${'1. '.repeat(10000)}x`, 100_000);
    expect(text).toBe(`${'1. '.repeat(MAX_NESTING)}x`);
    expect(flattenedLines).toBe(1);
  });

  it('should cap indentation', () => {
    const { text } = boundMarkdownInput(`${' '.repeat(1000)}- x`, 10_000);
    expect(text).toBe(`${' '.repeat(MAX_NESTING * 4)}- x`);
  });
});
