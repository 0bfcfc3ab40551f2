import * as fs from 'node:fs';
import {
  ANALYSIS_WORK_LIMIT,
  exceedsAnalysisBudget,
  exceedsRenderBudget,
  measureAnalysisWork,
  measureRenderLoad,
  RENDER_LIMITS,
} from './render-budget';
import {
  corpusDir,
  markdownFiles,
  itWithSharedFiles,
} from '@internal/architecture-docs-testing';

const lines = (count: number, line: (k: number) => string) =>
  Array.from({ length: count }, (_, k) => line(k)).join('\n');

describe('measureRenderLoad', () => {
  it('should count each kind of construct', () => {
    const doc = [
      '# Title',
      '',
      '## Context',
      '',
      'A [link](https://e.com) and ![img](a.png), a [ref][r], *em* and ~~gone~~.',
      '',
      '[r]: https://e.com',
      '',
      '| a | b |',
      '|---|---|',
      '',
      '- one',
      '  - two',
      '    > three',
      '',
      '```mermaid',
      'flowchart LR',
      '  a --> b',
      '```',
    ].join('\n');
    expect(measureRenderLoad(doc)).toEqual({
      headings: 2,
      links: 3,
      definitions: 1,
      tableCells: 6,
      // [ ] ( [ ] [ ] * * ~~ ~~ on the prose line, [ ] on the definition
      delimiters: 16,
      // https:// in the link and in the definition
      autolinks: 2,
      inlineMarkup: 0,
      diagrams: 1,
      // "- one" 1; "  - two" 1 + 1; "    > three" 2 + 1
      nesting: 6,
    });
  });

  it('should not count what is inside code blocks', () => {
    const doc = [
      '```',
      ...Array.from({ length: 50 }, () => '# not a heading [x](y) | a |'),
      '```',
      '~~~',
      '# no',
      '~~~',
    ].join('\n');
    expect(measureRenderLoad(doc)).toEqual({
      headings: 0,
      links: 0,
      definitions: 0,
      tableCells: 0,
      delimiters: 0,
      autolinks: 0,
      inlineMarkup: 0,
      diagrams: 0,
      nesting: 0,
    });
  });

  it('should count literal and angle autolinks, HTML, character references, escapes and code spans', () => {
    const load = measureRenderLoad(
      'See https://e.com, www.e.com and a@b.co; <https://e.com> <b>x</b> &amp; \\* `c`',
    );
    // https:// twice, www., @
    expect(load.autolinks).toBe(4);
    // < three times, &, \, ` twice
    expect(load.inlineMarkup).toBe(7);
  });

  it('should count mermaid fences whatever their case and length', () => {
    expect(
      measureRenderLoad('````Mermaid\na-->b\n````\n\n~~~mermaid\nx\n~~~\n')
        .diagrams,
    ).toBe(2);
  });
});

describe('exceedsRenderBudget', () => {
  itWithSharedFiles(
    'should leave every real doc of the shared corpus within every limit',
    () => {
      const files = markdownFiles(corpusDir);
      expect(files.length).toBeGreaterThan(200);
      const over = files.filter(
        file =>
          exceedsRenderBudget(fs.readFileSync(file, 'utf8')) !== undefined,
      );
      expect(over).toEqual([]);
    },
  );

  it.each([
    [
      'headings',
      lines(RENDER_LIMITS.headings + 1, k => `## Heading ${k}\n\ntext`),
    ],
    ['links', `${'[a](b)'.repeat(RENDER_LIMITS.links + 1)}`],
    ['definitions', lines(RENDER_LIMITS.definitions + 1, k => `[r${k}]: u`)],
    [
      'tableCells',
      `| a | b |\n|---|---|\n${lines(Math.floor(RENDER_LIMITS.tableCells / 3) + 1, () => '| x | y |')}`,
    ],
    ['delimiters', `${'*_'.repeat(RENDER_LIMITS.delimiters / 2 + 1)}x`],
    ['autolinks', `${'a@b '.repeat(RENDER_LIMITS.autolinks + 1)}`],
    ['inlineMarkup', `${'&amp;'.repeat(RENDER_LIMITS.inlineMarkup + 1)}`],
    [
      'diagrams',
      lines(
        RENDER_LIMITS.diagrams + 1,
        () => '```mermaid\nflowchart LR\n  a-->b\n```',
      ),
    ],
    ['nesting', lines(90, k => `${' '.repeat(k * 2)}- item`)],
  ])('should stop a doc with too many %s, and analyse it', (kind, doc) => {
    expect(exceedsAnalysisBudget(doc)).toBeUndefined();
    expect(exceedsRenderBudget(doc)).toEqual(
      expect.objectContaining({
        kind,
        limit: RENDER_LIMITS[kind as keyof typeof RENDER_LIMITS],
      }),
    );
  });

  it('should let a doc at every limit through', () => {
    const doc = [
      lines(RENDER_LIMITS.headings, k => `## Heading ${k}`),
      lines(RENDER_LIMITS.diagrams, () => '```mermaid\na-->b\n```'),
    ].join('\n\n');
    expect(exceedsRenderBudget(doc)).toBeUndefined();
  });
});

describe('exceedsAnalysisBudget', () => {
  it.each([
    ['bare URLs', 'https://e.com/a '],
    ['www hosts', 'www.e.com '],
    ['email addresses', 'a@b.co '],
    ['angle autolinks', '<https://e.com> '],
  ])(
    'should stop a doc of 20,000 %s, which the render limits let through before',
    (_name, unit) => {
      const doc = unit.repeat(20_000);
      expect(exceedsRenderBudget(doc)).toEqual(
        expect.objectContaining({ kind: 'work', limit: ANALYSIS_WORK_LIMIT }),
      );
      expect(exceedsAnalysisBudget(doc)).toEqual(
        expect.objectContaining({ kind: 'work', limit: ANALYSIS_WORK_LIMIT }),
      );
    },
  );

  it('should stop a doc of many short lines, which no render limit counts', () => {
    const doc = 'a\n'.repeat(ANALYSIS_WORK_LIMIT);
    expect(exceedsAnalysisBudget(doc)?.kind).toBe('work');
  });

  it('should measure only the part of a doc that is analysed', () => {
    const doc = `# Title\n\n${'x'.repeat(1000)}${'a\n'.repeat(ANALYSIS_WORK_LIMIT)}`;
    expect(measureAnalysisWork(doc, 1000)).toBeLessThan(100);
    expect(exceedsAnalysisBudget(doc, 1000)).toBeUndefined();
  });

  itWithSharedFiles(
    'should leave every real doc of the shared corpus within half the bound',
    () => {
      const most = Math.max(
        ...markdownFiles(corpusDir).map(file =>
          measureAnalysisWork(fs.readFileSync(file, 'utf8')),
        ),
      );
      expect(most).toBeLessThan(ANALYSIS_WORK_LIMIT / 2);
    },
  );
});
