import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { MermaidDiagramParser } from '../lib/diagram-participants';
import { loadDiagramEntities } from './load-diagram-entities';

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
});
