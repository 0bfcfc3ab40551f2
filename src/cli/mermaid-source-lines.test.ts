import {
  mermaidCommentSpans,
  sourceLineOfParsedLine,
} from './mermaid-source-lines';

/** The pattern Mermaid removes comment lines with, as its source writes it. */
const MERMAID_COMMENT_LINE = /^\s*%%(?!{)[^\n]+\n?/gm;

function withoutSpans(text: string, spans: Array<[number, number]>): string {
  let out = '';
  let kept = 0;
  for (const [start, end] of spans) {
    out += text.slice(kept, start);
    kept = end;
  }
  return out + text.slice(kept);
}

/** A small deterministic generator, so a failure names an input that can be replayed. */
function* randomTexts(count: number): Generator<string> {
  const alphabet = ['%', '%', '{', ' ', '\t', '\n', '\n', 'a', '\r', '\u2028'];
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let i = 0; i < count; i++) {
    const length = next() % 40;
    let text = '';
    for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
    yield text;
  }
}

describe('mermaidCommentSpans', () => {
  it("should remove exactly what Mermaid's comment pattern removes", () => {
    for (const text of randomTexts(5000)) {
      expect([text, withoutSpans(text, mermaidCommentSpans(text))]).toEqual([
        text,
        text.replace(MERMAID_COMMENT_LINE, ''),
      ]);
    }
  });

  it('should stay linear on long blank runs', () => {
    const blankRuns = (lines: number) =>
      `${'\n'.repeat(lines)}%% c\n${' \n'.repeat(lines)}flowchart`;
    const small = blankRuns(2_000);
    expect(withoutSpans(small, mermaidCommentSpans(small))).toBe(
      small.replace(MERMAID_COMMENT_LINE, ''),
    );
    // Far more blank lines than the quadratic pattern could get through in
    // this limit; one pass reads them quickly.
    const large = blankRuns(200_000);
    const started = Date.now();
    expect(mermaidCommentSpans(large)).toEqual([[0, 200_005]]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('sourceLineOfParsedLine', () => {
  it('should count lines as written when Mermaid removes nothing', () => {
    expect(
      sourceLineOfParsedLine('flowchart TD\n  A --> B\n  B --> C', 3),
    ).toBe(3);
  });

  it('should skip front matter, a directive across lines, comments and blank lines before them', () => {
    const source = [
      '---', // 1
      'title: T', // 2
      '---', // 3
      '', // 4
      '%%{init: {', // 5
      '  "theme": "dark"}}%%', // 6
      'flowchart TD', // 7
      '', // 8
      '  %% a comment', // 9
      '  A --> B', // 10
    ].join('\n');
    expect(sourceLineOfParsedLine(source, 1)).toBe(7);
    expect(sourceLineOfParsedLine(source, 2)).toBe(10);
  });

  it('should read Windows line endings', () => {
    expect(sourceLineOfParsedLine('%% c\r\nflowchart TD\r\n  A --> B', 2)).toBe(
      3,
    );
  });

  it('should map a line past the end to the last line', () => {
    expect(sourceLineOfParsedLine('flowchart TD\n  A --> B(\n', 9)).toBe(2);
    expect(sourceLineOfParsedLine('', 4)).toBe(1);
  });

  it('should never throw on any text', () => {
    for (const text of randomTexts(500)) {
      for (const line of [0, 1, 2, 50]) {
        expect(() =>
          sourceLineOfParsedLine(`---\n${text}`, line),
        ).not.toThrow();
        expect(Number.isInteger(sourceLineOfParsedLine(text, line))).toBe(true);
      }
    }
  });
});
