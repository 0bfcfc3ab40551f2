import { defaultTemplateModel } from '../analysis';
import { buildCoverageRow, toCoverageEntity } from './coverage-row';
import { analysed, testRow } from '@internal/architecture-docs-testing';

describe('toCoverageEntity', () => {
  it('should flatten the catalog fields and default the namespace and title', () => {
    expect(
      toCoverageEntity({
        kind: 'Component',
        metadata: { name: 'Checkout-API' },
        spec: {
          owner: 'group:team-a',
          system: 'shop',
          lifecycle: 'production',
        },
      }),
    ).toEqual({
      entityRef: 'component:default/checkout-api',
      kind: 'Component',
      namespace: 'default',
      name: 'Checkout-API',
      title: 'Checkout-API',
      owner: 'group:team-a',
      system: 'shop',
      lifecycle: 'production',
    });
  });

  it('should treat non-string spec values as empty', () => {
    const entity = toCoverageEntity({
      kind: 'Component',
      metadata: { name: 'x' },
      spec: { owner: 3 },
    });
    expect(entity.owner).toBe('');
    expect(entity.system).toBe('');
  });
});

describe('buildCoverageRow', () => {
  const template = defaultTemplateModel();

  it('should list missing and placeholder sections by title in template order', () => {
    const row = testRow(
      'a',
      {},
      analysed(80, ['present', 'missing', 'placeholder', 'missing']),
    );
    expect(row.status).toBe('analysed');
    expect(row.score).toBe(80);
    expect(row.missing).toEqual([
      template.sections[1].title,
      template.sections[3].title,
    ]);
    expect(row.placeholder).toEqual([template.sections[2].title]);
    expect(row.sectionStatus[template.sections[0].id]).toBe('present');
  });

  it('should leave broken links unknown until every target was checked', () => {
    const result = analysed(50, [], ['https://x/a.md', 'https://x/b.md']);
    expect(
      testRow('a', {}, result, new Map([['https://x/a.md', false]]))
        .brokenLinks,
    ).toBeNull();
    expect(
      testRow(
        'a',
        {},
        result,
        new Map([
          ['https://x/a.md', false],
          ['https://x/b.md', true],
        ]),
      ).brokenLinks,
    ).toBe(1);
  });

  it('should count no broken links for a doc without relative links', () => {
    expect(testRow('a', {}, analysed(50, [])).brokenLinks).toBe(0);
  });

  it('should carry the status and message of a doc that could not be read', () => {
    const row = buildCoverageRow(
      toCoverageEntity({ kind: 'Component', metadata: { name: 'b' } }),
      { status: 'sign-in-needed', message: 'sign in to git.example.com' },
      template,
      new Map(),
    );
    expect(row).toMatchObject({
      status: 'sign-in-needed',
      message: 'sign in to git.example.com',
      score: null,
      brokenLinks: null,
      missing: [],
    });
  });

  it('should be pending without a result', () => {
    expect(testRow('a', {}).status).toBe('pending');
  });
});
