import { CatalogClient } from '@backstage/catalog-client';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  MAX_PARTICIPANTS_PER_DIAGRAM,
  type MermaidDiagramParser,
} from '../lib/diagram-participants';
import { MAX_FILTER_CHARS, loadDiagramEntities } from './load-diagram-entities';

function component(name: string, title: string, annotations = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', title, annotations },
    spec: {
      owner: 'group:team-checkout',
      lifecycle: 'production',
      system: 'checkout',
    },
  };
}

const inventory = component('inventory-service', 'Inventory service', {
  'architecture-docs/ref': './docs/Inventory.md',
});
const tax = component('tax-calculator', 'Tax calculator');
const unrelated = component('loyalty-points', 'Loyalty points');

/** A parser that knows one sequence diagram per source line "actor:label". */
const parser: MermaidDiagramParser = {
  mermaidAPI: {
    getDiagramFromText: async (text: string) => {
      if (text === 'broken') throw new Error('Parse error');
      const actors = new Map(
        text
          .split('\n')
          .slice(1)
          .map(line => {
            const [name, label] = line.split(':');
            return [name, { name, description: { text: label ?? name } }];
          }),
      );
      return { type: 'sequence', db: { getActors: () => actors } };
    },
  },
};

const pathOf = (entity: Entity, tab: boolean) =>
  `/catalog/default/${entity.kind.toLowerCase()}/${entity.metadata.name}${tab ? '/architecture' : ''}`;

function input(
  catalogApi = new InMemoryCatalogClient({
    entities: [inventory, tax, unrelated],
  }),
) {
  return {
    diagrams: [
      { source: 'sequenceDiagram\nInv:Inventory service\nShopper', line: 10 },
      { source: 'broken', line: 30 },
      { source: 'sequenceDiagram\nTAX_CALCULATOR', line: 40 },
    ],
    mermaid: parser,
    catalogApi,
    annotation: 'architecture-docs/ref',
    pathOf,
  };
}

describe('loadDiagramEntities', () => {
  it('should match each diagram participant to its entity, with the link target', async () => {
    const loaded = await loadDiagramEntities(input());
    expect(loaded.catalogError).toBeUndefined();
    expect(
      loaded.diagrams.map(diagram => ({
        line: diagram.line,
        participants: diagram.participants.map(p => [
          p.participant.label,
          p.entity?.path,
        ]),
      })),
    ).toEqual([
      {
        line: 10,
        participants: [
          [
            'Inventory service',
            '/catalog/default/component/inventory-service/architecture',
          ],
          ['Shopper', undefined],
        ],
      },
      { line: 30, participants: [] },
      {
        line: 40,
        participants: [
          ['TAX_CALCULATOR', '/catalog/default/component/tax-calculator'],
        ],
      },
    ]);
  });

  it('should give the card its facts from the catalog', async () => {
    const loaded = await loadDiagramEntities(input());
    expect(loaded.diagrams[0].participants[0].entity).toEqual({
      ref: 'component:default/inventory-service',
      kind: 'Component',
      name: 'inventory-service',
      namespace: 'default',
      title: 'Inventory service',
      owner: 'group:team-checkout',
      lifecycle: 'production',
      systemRef: 'system:default/checkout',
      hasDoc: true,
      path: '/catalog/default/component/inventory-service/architecture',
    });
  });

  it('should ask the catalog once, for the names found only', async () => {
    const catalogApi = new InMemoryCatalogClient({
      entities: [inventory, tax, unrelated],
    });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    await loadDiagramEntities(input(catalogApi));
    expect(getEntities).toHaveBeenCalledTimes(1);
    const [request] = getEntities.mock.calls[0];
    expect(request?.filter).toEqual([
      {
        'metadata.name': expect.arrayContaining([
          'inventory-service',
          'shopper',
          'tax-calculator',
        ]),
      },
      {
        'metadata.title': [
          'Inventory service',
          'Inv',
          'Shopper',
          'TAX_CALCULATOR',
        ],
      },
    ]);
  });

  it('should not ask the catalog when the diagrams have no participants', async () => {
    const catalogApi = new InMemoryCatalogClient({ entities: [] });
    const getEntities = jest.spyOn(catalogApi, 'getEntities');
    const loaded = await loadDiagramEntities({
      ...input(catalogApi),
      diagrams: [{ source: 'broken', line: 1 }],
    });
    expect(getEntities).not.toHaveBeenCalled();
    expect(loaded.diagrams).toEqual([
      { source: 'broken', line: 1, participants: [] },
    ]);
  });

  it('should leave every participant unmatched and say why when the catalog fails', async () => {
    const catalogApi = new InMemoryCatalogClient({ entities: [inventory] });
    jest
      .spyOn(catalogApi, 'getEntities')
      .mockRejectedValue(new Error('catalog is down'));
    const loaded = await loadDiagramEntities(input(catalogApi));
    expect(loaded.catalogError?.message).toBe('catalog is down');
    expect(
      loaded.diagrams.flatMap(d => d.participants).every(p => !p.entity),
    ).toBe(true);
  });

  it('should look configured names up by entity ref', async () => {
    const catalogApi = new InMemoryCatalogClient({
      entities: [inventory, tax, unrelated],
    });
    const getEntitiesByRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');
    const loaded = await loadDiagramEntities({
      ...input(catalogApi),
      diagrams: [{ source: 'sequenceDiagram\nPoints', line: 1 }],
      diagramEntities: { points: 'component:loyalty-points' },
    });
    expect(getEntitiesByRefs).toHaveBeenCalledWith(
      expect.objectContaining({
        entityRefs: ['component:default/loyalty-points'],
      }),
    );
    expect(loaded.diagrams[0].participants[0].entity?.name).toBe(
      'loyalty-points',
    );
  });

  describe('through the catalog client, as a catalog backend reads the URL', () => {
    /** Backstage's catalog client, recording the `filter` params of each request it sends. */
    function recordingClient(entities: Entity[]) {
      const filters: string[][] = [];
      const urls: string[] = [];
      const catalogApi = new CatalogClient({
        discoveryApi: {
          getBaseUrl: async () => 'http://catalog.test/api/catalog',
        },
        fetchApi: {
          fetch: async (request: RequestInfo | URL) => {
            const url = new URL(
              String(request instanceof Request ? request.url : request),
            );
            if (url.pathname.endsWith('/entities/by-refs')) {
              return new Response(JSON.stringify({ items: [] }));
            }
            urls.push(url.href);
            const params = url.searchParams.getAll('filter');
            filters.push(params);
            // As the catalog backend: comma-separated conditions, each
            // `key=value`; values of one key are alternatives.
            const matched = entities.filter(entity =>
              params.some(param => {
                const statements = param.split(',');
                if (statements.some(statement => !statement.includes('=')))
                  return false;
                return statements.some(statement => {
                  const [key, value] = statement.split('=');
                  const field =
                    key === 'metadata.name'
                      ? entity.metadata.name
                      : entity.metadata.title;
                  return field?.toLowerCase() === value.trim().toLowerCase();
                });
              }),
            );
            return new Response(JSON.stringify(matched));
          },
        },
      });
      return { catalogApi, filters, urls };
    }

    const stock = component('stock-reservation', 'Stock reservation API');

    it('should find a title beside a participant whose name has a comma', async () => {
      const { catalogApi, filters } = recordingClient([stock]);
      const loaded = await loadDiagramEntities({
        ...input(),
        catalogApi,
        diagrams: [
          {
            source:
              'sequenceDiagram\nR:Stock reservation API\nH:Create hold, expires in 15 min',
            line: 1,
          },
        ],
      });
      expect(loaded.catalogError).toBeUndefined();
      expect(loaded.diagrams[0].participants[0].entity?.name).toBe(
        'stock-reservation',
      );
      for (const statement of filters.flat().flatMap(f => f.split(','))) {
        expect(statement).toContain('=');
      }
    });

    it('should split many participants into requests of a bounded length', async () => {
      // As many as one diagram's participants are read.
      const names = Array.from(
        { length: MAX_PARTICIPANTS_PER_DIAGRAM },
        (_, i) => `Participant number ${i} of a very large landscape`,
      );
      const { catalogApi, filters, urls } = recordingClient([]);
      await loadDiagramEntities({
        ...input(),
        catalogApi,
        diagrams: [
          {
            source: `sequenceDiagram\n${names.map((n, i) => `P${i}:${n}`).join('\n')}`,
            line: 1,
          },
        ],
      });
      expect(urls.length).toBeGreaterThan(1);
      for (const params of filters) {
        expect(encodeURIComponent(params.join(',')).length).toBeLessThanOrEqual(
          MAX_FILTER_CHARS + 200,
        );
      }
      const asked = new Set(
        filters
          .flat()
          .flatMap(f => f.split(','))
          .map(s => s.split('=')[1]),
      );
      for (const name of names) expect(asked).toContain(name);
    });
  });
});
