import * as fs from 'node:fs';
import { exceedsRenderBudget, measureRenderLoad, RENDER_LIMITS } from './render-budget';
import { corpusDir, markdownFiles } from '../testing/sharedFiles';
import { itWithSharedFiles } from '../testing/withSharedFiles';


const lines = (count: number, line: (k: number) => string) => Array.from({ length: count }, (_, k) => line(k)).join('\n');

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
      diagrams: 1,
      // "- one" 1; "  - two" 1 + 1; "    > three" 2 + 1
      nesting: 6,
    });
  });

  it('should not count what is inside code blocks', () => {
    const doc = ['```', ...Array.from({ length: 50 }, () => '# not a heading [x](y) | a |'), '```', '~~~', '# no', '~~~'].join('\n');
    expect(measureRenderLoad(doc)).toEqual({
      headings: 0,
      links: 0,
      definitions: 0,
      tableCells: 0,
      delimiters: 0,
      diagrams: 0,
      nesting: 0,
    });
  });

  it('should count mermaid fences whatever their case and length', () => {
    expect(measureRenderLoad('````Mermaid\na-->b\n````\n\n~~~mermaid\nx\n~~~\n').diagrams).toBe(2);
  });
});

describe('exceedsRenderBudget', () => {
  itWithSharedFiles('should leave every real doc of the shared corpus within every limit', () => {
    const files = markdownFiles(corpusDir);
    expect(files.length).toBeGreaterThan(200);
    const over = files.filter(file => exceedsRenderBudget(fs.readFileSync(file, 'utf8')) !== undefined);
    expect(over).toEqual([]);
  });

  it.each([
    ['headings', lines(RENDER_LIMITS.headings + 1, k => `## Heading ${k}\n\ntext`)],
    ['links', lines(RENDER_LIMITS.links + 1, k => `[l${k}](https://e.com/${k})`)],
    ['definitions', lines(RENDER_LIMITS.definitions + 1, k => `[r${k}]: https://e.com/${k}`)],
    ['tableCells', `| a | b |\n|---|---|\n${lines(RENDER_LIMITS.tableCells / 3 + 1, () => '| x | y |')}`],
    ['delimiters', `${'*_'.repeat(RENDER_LIMITS.delimiters)}x`],
    ['diagrams', lines(RENDER_LIMITS.diagrams + 1, () => '```mermaid\nflowchart LR\n  a-->b\n```')],
    ['nesting', lines(300, k => `${' '.repeat(k * 2)}- item`)],
  ])('should stop a doc with too many %s', (kind, doc) => {
    expect(exceedsRenderBudget(doc)).toEqual(expect.objectContaining({ kind, limit: RENDER_LIMITS[kind as keyof typeof RENDER_LIMITS] }));
  });

  it('should let a doc at every limit through', () => {
    const doc = [
      lines(RENDER_LIMITS.headings, k => `## Heading ${k}`),
      lines(RENDER_LIMITS.diagrams, () => '```mermaid\na-->b\n```'),
    ].join('\n\n');
    expect(exceedsRenderBudget(doc)).toBeUndefined();
  });
});
