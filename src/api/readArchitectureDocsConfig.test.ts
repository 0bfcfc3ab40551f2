import { mockApis } from '@backstage/test-utils';
import { readArchitectureDocsConfig } from './readArchitectureDocsConfig';
import { readDiagramEntitiesConfig } from './readDiagramEntitiesConfig';

type ConfigData = NonNullable<
  NonNullable<Parameters<typeof mockApis.config>[0]>['data']
>;

function read(architectureDocs: ConfigData[string] | undefined) {
  const data: ConfigData =
    architectureDocs === undefined ? {} : { architectureDocs };
  return readArchitectureDocsConfig(mockApis.config({ data }));
}

const DEFAULTS = {
  annotation: 'architecture-docs/ref',
  templateUrl: undefined,
  sections: undefined,
  fetch: {
    mode: 'scm',
    proxyPath: undefined,
    timeoutMs: 10000,
    maxBytes: 1048576,
  },
  coverage: { kinds: ['Component'], concurrency: 6 },
  problems: [],
};

describe('readArchitectureDocsConfig', () => {
  it('should return the defaults when nothing is configured', () => {
    expect(read(undefined)).toEqual(DEFAULTS);
  });

  it('should read every valid key', () => {
    expect(
      read({
        annotation: 'example.com/architecture',
        templateUrl: 'https://example.com/template.md',
        sections: [
          {
            title: 'Purpose',
            aliases: ['Overview'],
            weight: 2,
            required: false,
          },
          { title: 'Context' },
        ],
        fetch: {
          mode: 'proxy',
          proxyPath: '/architecture-docs',
          timeoutMs: 5000,
          maxBytes: 2048,
        },
        coverage: { kinds: ['Component', 'System'], concurrency: 3 },
      }),
    ).toEqual({
      annotation: 'example.com/architecture',
      templateUrl: 'https://example.com/template.md',
      sections: [
        { title: 'Purpose', aliases: ['Overview'], weight: 2, required: false },
        { title: 'Context' },
      ],
      fetch: {
        mode: 'proxy',
        proxyPath: '/architecture-docs',
        timeoutMs: 5000,
        maxBytes: 2048,
      },
      coverage: { kinds: ['Component', 'System'], concurrency: 3 },
      problems: [],
    });
  });

  it('should accept numbers written as strings', () => {
    const config = read({ fetch: { timeoutMs: '2500' } });
    expect(config.fetch.timeoutMs).toBe(2500);
    expect(config.problems).toEqual([]);
  });

  it('should normalise the proxy path to one leading slash and no trailing slash', () => {
    const config = read({
      fetch: { mode: 'proxy', proxyPath: 'architecture-docs/' },
    });
    expect(config.fetch.proxyPath).toBe('/architecture-docs');
  });

  it('should replace a root that is not an object', () => {
    expect(read('yes')).toEqual({
      ...DEFAULTS,
      problems: [
        'architectureDocs must be an object, got "yes"; using the defaults.',
      ],
    });
  });

  it('should replace an annotation of the wrong type', () => {
    const config = read({ annotation: 42 });
    expect(config.annotation).toBe('architecture-docs/ref');
    expect(config.problems).toEqual([
      'architectureDocs.annotation must be a non-empty string, got 42; using "architecture-docs/ref".',
    ]);
  });

  it('should replace an annotation containing spaces', () => {
    const config = read({ annotation: 'my annotation' });
    expect(config.annotation).toBe('architecture-docs/ref');
    expect(config.problems).toEqual([
      'architectureDocs.annotation must not contain spaces, got "my annotation"; using "architecture-docs/ref".',
    ]);
  });

  it('should ignore an empty templateUrl', () => {
    const config = read({ templateUrl: '  ' });
    expect(config.templateUrl).toBeUndefined();
    expect(config.problems).toEqual([
      'architectureDocs.templateUrl must be a non-empty string, got "  "; using the default template.',
    ]);
  });

  it('should ignore sections that are not a list', () => {
    const config = read({ sections: { title: 'Purpose' } });
    expect(config.sections).toBeUndefined();
    expect(config.problems).toEqual([
      'architectureDocs.sections must be a list of sections, got an object; using the template instead.',
    ]);
  });

  it('should drop a section without a title and keep the others', () => {
    const config = read({
      sections: [{ aliases: ['Overview'] }, { title: 'Context' }],
    });
    expect(config.sections).toEqual([{ title: 'Context' }]);
    expect(config.problems).toEqual([
      'architectureDocs.sections[0].title is missing; ignoring this section.',
    ]);
  });

  it('should drop a negative section weight', () => {
    const config = read({ sections: [{ title: 'Purpose', weight: -1 }] });
    expect(config.sections).toEqual([{ title: 'Purpose' }]);
    expect(config.problems).toEqual([
      'architectureDocs.sections[0].weight must be a number of 0 or more, got -1; using 1.',
    ]);
  });

  it('should drop a section required flag that is not a boolean', () => {
    const config = read({
      sections: [{ title: 'Purpose', required: 'sometimes' }],
    });
    expect(config.sections).toEqual([{ title: 'Purpose' }]);
    expect(config.problems).toEqual([
      'architectureDocs.sections[0].required must be true or false, got "sometimes"; using true.',
    ]);
  });

  it('should drop alias entries that are not strings', () => {
    const config = read({
      sections: [{ title: 'Purpose', aliases: ['Overview', 7] }],
    });
    expect(config.sections).toEqual([
      { title: 'Purpose', aliases: ['Overview'] },
    ]);
    expect(config.problems).toEqual([
      'architectureDocs.sections[0].aliases[1] must be a non-empty string, got 7; ignoring it.',
    ]);
  });

  it('should fall back to the template when no section is usable', () => {
    const config = read({ sections: [] });
    expect(config.sections).toBeUndefined();
    expect(config.problems).toEqual([
      'architectureDocs.sections has no usable section; using the template instead.',
    ]);
  });

  it('should replace fetch when it is not an object', () => {
    const config = read({ fetch: 'proxy' });
    expect(config.fetch).toEqual(DEFAULTS.fetch);
    expect(config.problems).toEqual([
      'architectureDocs.fetch must be an object, got "proxy"; using the defaults for its keys.',
    ]);
  });

  it('should replace an unknown fetch mode', () => {
    const config = read({ fetch: { mode: 'direct' } });
    expect(config.fetch.mode).toBe('scm');
    expect(config.problems).toEqual([
      'architectureDocs.fetch.mode must be "scm" or "proxy", got "direct"; using "scm".',
    ]);
  });

  it('should fall back to scm mode when proxy mode has no proxyPath', () => {
    const config = read({ fetch: { mode: 'proxy' } });
    expect(config.fetch.mode).toBe('scm');
    expect(config.problems).toEqual([
      'architectureDocs.fetch.mode is "proxy" but architectureDocs.fetch.proxyPath is not set; using "scm".',
    ]);
  });

  it('should ignore a proxyPath that is a full URL', () => {
    const config = read({ fetch: { proxyPath: 'https://example.com/proxy' } });
    expect(config.fetch.proxyPath).toBeUndefined();
    expect(config.problems).toEqual([
      'architectureDocs.fetch.proxyPath must be a path such as "/architecture-docs", got "https://example.com/proxy"; ignoring it.',
    ]);
  });

  it('should ignore a proxyPath that is only slashes', () => {
    const config = read({ fetch: { proxyPath: '/' } });
    expect(config.fetch.proxyPath).toBeUndefined();
    expect(config.problems).toEqual([
      'architectureDocs.fetch.proxyPath must name a proxy path such as "/architecture-docs"; ignoring it.',
    ]);
  });

  it('should replace a zero timeoutMs', () => {
    const config = read({ fetch: { timeoutMs: 0 } });
    expect(config.fetch.timeoutMs).toBe(10000);
    expect(config.problems).toEqual([
      'architectureDocs.fetch.timeoutMs must be a whole number above 0, got 0; using 10000.',
    ]);
  });

  it('should replace a timeoutMs that is not a number', () => {
    const config = read({ fetch: { timeoutMs: 'soon' } });
    expect(config.fetch.timeoutMs).toBe(10000);
    expect(config.problems).toEqual([
      'architectureDocs.fetch.timeoutMs must be a whole number above 0, got "soon"; using 10000.',
    ]);
  });

  it('should replace a negative maxBytes', () => {
    const config = read({ fetch: { maxBytes: -5 } });
    expect(config.fetch.maxBytes).toBe(1048576);
    expect(config.problems).toEqual([
      'architectureDocs.fetch.maxBytes must be a whole number above 0, got -5; using 1048576.',
    ]);
  });

  it('should replace a fractional maxBytes', () => {
    const config = read({ fetch: { maxBytes: 1.5 } });
    expect(config.fetch.maxBytes).toBe(1048576);
    expect(config.problems).toEqual([
      'architectureDocs.fetch.maxBytes must be a whole number above 0, got 1.5; using 1048576.',
    ]);
  });

  it('should replace coverage when it is not an object', () => {
    const config = read({ coverage: ['Component'] });
    expect(config.coverage).toEqual(DEFAULTS.coverage);
    expect(config.problems).toEqual([
      'architectureDocs.coverage must be an object, got a list; using the defaults for its keys.',
    ]);
  });

  it('should replace coverage kinds that are not a list', () => {
    const config = read({ coverage: { kinds: 'Component' } });
    expect(config.coverage.kinds).toEqual(['Component']);
    expect(config.problems).toEqual([
      'architectureDocs.coverage.kinds must be a list of strings, got "Component"; using ["Component"].',
    ]);
  });

  it('should replace coverage kinds with no usable kind', () => {
    const config = read({ coverage: { kinds: [''] } });
    expect(config.coverage.kinds).toEqual(['Component']);
    expect(config.problems).toEqual([
      'architectureDocs.coverage.kinds[0] must be a non-empty string, got ""; ignoring it.',
      'architectureDocs.coverage.kinds has no usable kind; using ["Component"].',
    ]);
  });

  it('should replace a zero concurrency', () => {
    const config = read({ coverage: { concurrency: 0 } });
    expect(config.coverage.concurrency).toBe(6);
    expect(config.problems).toEqual([
      'architectureDocs.coverage.concurrency must be a whole number above 0, got 0; using 6.',
    ]);
  });

  it('should keep valid keys next to invalid ones', () => {
    const config = read({
      fetch: { mode: 'proxy', proxyPath: '/docs', timeoutMs: -1 },
    });
    expect(config.fetch).toEqual({
      mode: 'proxy',
      proxyPath: '/docs',
      timeoutMs: 10000,
      maxBytes: 1048576,
    });
    expect(config.problems).toEqual([
      'architectureDocs.fetch.timeoutMs must be a whole number above 0, got -1; using 10000.',
    ]);
  });

  describe('with a value of the wrong type at any key', () => {
    type Value = Exclude<ConfigData[string], undefined>;
    const WRONG_VALUES: Value[] = [
      42,
      -1,
      0.5,
      true,
      'lots',
      '',
      ' ',
      [],
      [1, 'x', null],
      {},
      { a: 1 },
    ];
    const KEYS: Array<(value: Value) => Value> = [
      value => value,
      value => ({ annotation: value }),
      value => ({ templateUrl: value }),
      value => ({ sections: value }),
      value => ({ sections: [value] }),
      value => ({ sections: [{ title: value }] }),
      value => ({ sections: [{ title: 'Purpose', aliases: value }] }),
      value => ({ sections: [{ title: 'Purpose', aliases: [value] }] }),
      value => ({ sections: [{ title: 'Purpose', weight: value }] }),
      value => ({ sections: [{ title: 'Purpose', required: value }] }),
      value => ({ fetch: value }),
      value => ({ fetch: { mode: value } }),
      value => ({ fetch: { mode: 'proxy', proxyPath: value } }),
      value => ({ fetch: { timeoutMs: value } }),
      value => ({ fetch: { maxBytes: value } }),
      value => ({ coverage: value }),
      value => ({ coverage: { kinds: value } }),
      value => ({ coverage: { kinds: [value] } }),
      value => ({ coverage: { concurrency: value } }),
    ];
    const cases = KEYS.flatMap(key =>
      WRONG_VALUES.map(
        value => [JSON.stringify(key(value)), key(value)] as const,
      ),
    );

    it.each(cases)(
      'should not throw for %s, and return usable values',
      (_name, architectureDocs) => {
        const config = read(architectureDocs);
        expect(typeof config.annotation).toBe('string');
        expect(['scm', 'proxy']).toContain(config.fetch.mode);
        expect(config.fetch.timeoutMs).toBeGreaterThan(0);
        expect(config.fetch.maxBytes).toBeGreaterThan(0);
        expect(config.coverage.kinds.length).toBeGreaterThan(0);
        expect(config.coverage.concurrency).toBeGreaterThan(0);
        expect(
          config.problems.every(problem => typeof problem === 'string'),
        ).toBe(true);
      },
    );
  });

  it('should report a configuration that cannot be read instead of throwing', () => {
    const configApi = mockApis.config();
    jest.spyOn(configApi, 'getOptional').mockImplementation(() => {
      throw new Error('Invalid type in config for key architectureDocs');
    });
    expect(readArchitectureDocsConfig(configApi)).toEqual({
      ...DEFAULTS,
      problems: [
        'architectureDocs could not be read (Error: Invalid type in config for key architectureDocs); using the defaults.',
      ],
    });
  });

  it('should read a built-in template name and reject an unknown one', () => {
    expect(read({ template: 'arc42' })).toEqual({
      ...DEFAULTS,
      template: 'arc42',
    });
    expect(read({ template: 'ARC42' }).template).toBe('arc42');
    const unknown = read({ template: 'c4' });
    expect(unknown.template).toBeUndefined();
    expect(unknown.problems).toEqual([
      'architectureDocs.template must be one of "default", "arc42", got "c4"; using the default template.',
    ]);
  });
});

describe('readArchitectureDocsConfig source', () => {
  it('should leave the source out when it is not configured', () => {
    expect(read({}).source).toBeUndefined();
  });

  it.each(['auto', 'backend', 'browser'] as const)(
    'should read the source %s',
    source => {
      const config = read({ source });
      expect(config.source).toBe(source);
      expect(config.problems).toEqual([]);
    },
  );

  it('should report an unknown source and leave it out', () => {
    const config = read({ source: 'server' });
    expect(config.source).toBeUndefined();
    expect(config.problems).toEqual([
      'architectureDocs.source must be one of "auto", "backend", "browser", got "server"; using "auto".',
    ]);
  });
});

describe('readArchitectureDocsConfig diagramEntities', () => {
  it('should read the map of participant names to entity refs', () => {
    const config = read({
      diagramEntities: {
        Stock: 'component:inventory-service',
        'Card payments': 'component:payments/payment-gateway',
      },
    });
    expect(config.diagramEntities).toEqual({
      Stock: 'component:inventory-service',
      'Card payments': 'component:payments/payment-gateway',
    });
    expect(config.problems).toEqual([]);
  });

  it('should leave out an entry that is not an entity ref with a kind', () => {
    const config = read({
      diagramEntities: {
        Stock: 'inventory-service',
        Tax: 'component:tax-calculator',
      },
    });
    expect(config.diagramEntities).toEqual({ Tax: 'component:tax-calculator' });
    expect(config.problems).toEqual([
      'architectureDocs.diagramEntities.Stock must be an entity ref with a kind such as "component:inventory-service", got "inventory-service"; ignoring it.',
    ]);
  });

  it('should ignore a value that is not a map', () => {
    const config = read({ diagramEntities: ['component:a'] });
    expect(config.diagramEntities).toBeUndefined();
    expect(config.problems).toEqual([
      'architectureDocs.diagramEntities must map participant names to entity refs, got a list; ignoring it.',
    ]);
  });

  it('should keep a "__proto__" name as a name', () => {
    const problems: string[] = [];
    const map = readDiagramEntitiesConfig(
      JSON.parse('{"__proto__": "component:inventory-service"}'),
      problems,
    );
    expect(Object.keys(map ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });
});
