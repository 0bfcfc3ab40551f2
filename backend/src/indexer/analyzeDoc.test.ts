import {
  templateFromSections,
  toCoverageEntity,
} from 'backstage-plugin-architecture-docs-common';
import { analyzeDoc } from './analyzeDoc';

const template = templateFromSections([
  { title: 'Purpose' },
  { title: 'Context' },
  { title: 'Risks' },
]);

const entity = toCoverageEntity({
  kind: 'Component',
  metadata: { name: 'engine' },
  spec: { owner: 'team-a' },
});

const plainResolve = (url: string, base: string) => new URL(url, base).href;

const DOC = `# Engine

## Purpose

Plays out the schedule; see [the contract](../contracts/play.md#v2),
[again](../contracts/play.md), [a gone doc](./gone.md),
[an unknown one](./private.md) and [the web](https://example.org/x).

## Context

TODO
`;

describe('analyzeDoc', () => {
  it('should derive the coverage figures and check each distinct relative target once', async () => {
    const linkExists = jest.fn(async (url: string) => {
      if (url.endsWith('/gone.md')) return false;
      if (url.endsWith('/private.md')) return undefined;
      return true;
    });
    const result = await analyzeDoc(
      {
        entity,
        docUrl: 'https://docs.example/repo/docs/architecture/engine.md',
        content: DOC,
        contentHash: 'h',
        etag: '"e"',
      },
      { template, resolveUrl: plainResolve, linkExists },
    );
    if (result.kind !== 'analysed') throw new Error(result.message);
    const { doc } = result;
    expect(doc.sectionStatus).toEqual({
      purpose: 'present',
      context: 'placeholder',
      risks: 'missing',
    });
    expect(doc.missing).toEqual(['Risks']);
    expect(doc.placeholder).toEqual(['Context']);
    expect(doc.score).toBe(doc.report.score);
    expect(doc).toMatchObject({ etag: '"e"', contentHash: 'h', source: DOC });
    expect(linkExists.mock.calls.map(([url]) => url).sort()).toEqual([
      'https://docs.example/repo/docs/architecture/gone.md',
      'https://docs.example/repo/docs/architecture/private.md',
      'https://docs.example/repo/docs/contracts/play.md',
    ]);
    // One target could not be checked, so the count is unknown, as in the browser.
    expect(doc.brokenLinks).toBeNull();
    expect(doc.report.links.map(link => [link.target, link.exists])).toEqual([
      ['../contracts/play.md#v2', true],
      ['../contracts/play.md', true],
      ['./gone.md', false],
      ['./private.md', undefined],
      ['https://example.org/x', undefined],
    ]);
  });

  it('should count broken links when every target could be checked', async () => {
    const result = await analyzeDoc(
      {
        entity,
        docUrl: 'https://docs.example/a.md',
        content: '# A\n\n## Purpose\n\n[x](./x.md) [y](./y.md)\n',
        contentHash: 'h',
      },
      {
        template,
        resolveUrl: plainResolve,
        linkExists: async url => !url.endsWith('/y.md'),
      },
    );
    expect(result).toMatchObject({ kind: 'analysed', doc: { brokenLinks: 1 } });
  });

  it('should refuse a doc past the analysis bound', async () => {
    const result = await analyzeDoc(
      {
        entity,
        docUrl: 'https://docs.example/a.md',
        content: '# h\n'.repeat(6000),
        contentHash: 'h',
      },
      { template, resolveUrl: plainResolve, linkExists: jest.fn() },
    );
    expect(result.kind).toBe('too-complex');
  });
});
