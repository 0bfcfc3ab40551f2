import {
  MAX_SHOWN_SECTIONS,
  linkableLocation,
  readArchitectureDocSearchResult,
} from './search-result';

const TAB = '/catalog/default/component/checkout/architecture';

describe('linkableLocation', () => {
  it.each([
    [TAB, TAB],
    [`${TAB}#purpose`, `${TAB}#purpose`],
    [
      'https://backstage.example.com/docs',
      'https://backstage.example.com/docs',
    ],
    ['http://localhost:3000/catalog', 'http://localhost:3000/catalog'],
  ])('should keep %j', (value, expected) => {
    expect(linkableLocation(value)).toBe(expected);
  });

  it.each([
    // eslint-disable-next-line no-script-url
    'javascript:alert(1)',
    'vbscript:msgbox',
    'data:text/html,x',
    'file:///etc/passwd',
    '//evil.example',
    '/\\evil.example',
    'catalog/default',
    '',
    42,
    undefined,
  ])('should drop %j', value => {
    expect(linkableLocation(value)).toBeUndefined();
  });
});

describe('readArchitectureDocSearchResult', () => {
  it('should read a collator document with its section links', () => {
    expect(
      readArchitectureDocSearchResult(
        {
          title: 'Checkout',
          text: 'Takes orders.',
          location: TAB,
          entityRef: 'component:default/checkout',
          entityTitle: 'Checkout',
          kind: 'Component',
          owner: 'group:default/shop',
          score: 66.6,
          missing: ['Context'],
          placeholder: ['Testing strategy'],
          sections: [
            { title: 'Context', status: 'missing' },
            {
              title: 'Testing strategy',
              status: 'placeholder',
              location: `${TAB}#testing-strategy`,
            },
          ],
        } as never,
        { preTag: '<b>', postTag: '</b>', fields: { text: '<b>Takes</b>' } },
      ),
    ).toEqual({
      title: 'Checkout',
      location: TAB,
      text: 'Takes orders.',
      entityRef: 'component:default/checkout',
      entityTitle: 'Checkout',
      kind: 'Component',
      owner: 'group:default/shop',
      lifecycle: undefined,
      score: 67,
      missing: [{ title: 'Context' }],
      placeholder: [
        { title: 'Testing strategy', location: `${TAB}#testing-strategy` },
      ],
      highlight: {
        title: undefined,
        text: { text: '<b>Takes</b>', preTag: '<b>', postTag: '</b>' },
      },
    });
  });

  it("should fall back to the entity's title when the doc has none", () => {
    expect(
      readArchitectureDocSearchResult({
        title: ' ',
        text: '',
        location: TAB,
        entityTitle: 'Checkout',
      } as never)?.title,
    ).toBe('Checkout');
  });

  it(`should show at most ${MAX_SHOWN_SECTIONS} sections of a list`, () => {
    const missing = Array.from({ length: 1000 }, (_, i) => `Section ${i}`);
    expect(
      readArchitectureDocSearchResult({
        title: 'Big',
        text: '',
        location: TAB,
        missing,
      } as never)?.missing,
    ).toHaveLength(MAX_SHOWN_SECTIONS);
  });

  it('should not throw on a document that is not an object', () => {
    expect(readArchitectureDocSearchResult(null as never)).toBeUndefined();
    expect(readArchitectureDocSearchResult('doc' as never)).toBeUndefined();
  });
});
