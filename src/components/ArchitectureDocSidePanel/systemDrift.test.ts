import type { Entity, EntityRelation } from '@backstage/catalog-model';
import type { ResolvedDocLink } from '../../model/loaded-doc';
import { computeSystemDrift } from './systemDrift';

function checkout(
  relations: EntityRelation[],
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'checkout', namespace: 'default' },
    spec: {
      type: 'service',
      owner: 'team-a',
      lifecycle: 'production',
      ...spec,
    },
    relations,
  };
}

function docLink(
  index: number,
  entityRef?: string,
  entitySystemRef?: string,
): ResolvedDocLink {
  return {
    index,
    link: {
      target: `../x/${index}.md`,
      text: `Doc ${index}`,
      kind: 'doc',
      resolved: `docs/x/${index}.md`,
      line: index + 1,
      column: 1,
      origin: 'body',
    },
    url: `https://host.example/docs/x/${index}.md`,
    viewUrl: `https://host.example/view/docs/x/${index}.md`,
    entityRef,
    entitySystemRef,
    status: 'ok',
  };
}

describe('computeSystemDrift', () => {
  it('should find no relations when the entity has none and the doc links no entity docs', () => {
    expect(
      computeSystemDrift({ entity: checkout([]), links: [docLink(0)] }),
    ).toEqual({
      both: [],
      docOnly: [],
      catalogOnly: [],
    });
  });

  it("should put the entity's own system in both groups when a linked doc belongs to it", () => {
    const entity = checkout([
      { type: 'partOf', targetRef: 'system:default/shop' },
    ]);
    const links = [
      docLink(0, 'component:default/payments', 'system:default/shop'),
    ];
    expect(computeSystemDrift({ entity, links }).both).toEqual([
      {
        ref: 'system:default/shop',
        subject: 'system',
        catalog: ['partOf'],
        links: [0],
      },
    ]);
  });

  it('should report a system only the doc links, and one only the catalog relates', () => {
    const entity = checkout([
      { type: 'partOf', targetRef: 'system:default/shop' },
    ]);
    const links = [
      docLink(0, 'component:default/ledger', 'system:default/finance'),
    ];
    expect(computeSystemDrift({ entity, links })).toEqual({
      both: [],
      docOnly: [
        {
          ref: 'system:default/finance',
          subject: 'system',
          catalog: [],
          links: [0],
        },
        {
          ref: 'component:default/ledger',
          subject: 'entity',
          catalog: [],
          links: [0],
        },
      ],
      catalogOnly: [
        {
          ref: 'system:default/shop',
          subject: 'system',
          catalog: ['partOf'],
          links: [],
        },
      ],
    });
  });

  it('should compare dependsOn, providesApi and consumesApi targets with linked entities', () => {
    const entity = checkout([
      { type: 'dependsOn', targetRef: 'component:default/payments' },
      { type: 'providesApi', targetRef: 'api:default/orders' },
      { type: 'consumesApi', targetRef: 'api:default/stock' },
      { type: 'ownedBy', targetRef: 'group:default/team-a' },
    ]);
    const links = [
      docLink(0, 'component:default/payments'),
      docLink(1, 'component:default/search'),
    ];
    expect(computeSystemDrift({ entity, links })).toEqual({
      both: [
        {
          ref: 'component:default/payments',
          subject: 'entity',
          catalog: ['dependsOn'],
          links: [0],
        },
      ],
      docOnly: [
        {
          ref: 'component:default/search',
          subject: 'entity',
          catalog: [],
          links: [1],
        },
      ],
      catalogOnly: [
        {
          ref: 'api:default/orders',
          subject: 'entity',
          catalog: ['providesApi'],
          links: [],
        },
        {
          ref: 'api:default/stock',
          subject: 'entity',
          catalog: ['consumesApi'],
          links: [],
        },
      ],
    });
  });

  it('should count the known system of a related entity on the catalog side', () => {
    const entity = checkout([
      { type: 'consumesApi', targetRef: 'api:default/ledger-api' },
    ]);
    const links = [
      docLink(0, 'component:default/ledger', 'system:default/finance'),
    ];
    const knownSystems = new Map([
      ['api:default/ledger-api', 'system:default/finance'],
    ]);
    expect(computeSystemDrift({ entity, links, knownSystems }).both).toEqual([
      {
        ref: 'system:default/finance',
        subject: 'system',
        catalog: ['system of api:default/ledger-api'],
        links: [0],
      },
    ]);
  });

  it("should learn a related entity's system from a link to its doc", () => {
    const entity = checkout([
      { type: 'dependsOn', targetRef: 'component:default/payments' },
    ]);
    const links = [
      docLink(0, 'component:default/payments', 'system:default/billing'),
    ];
    expect(computeSystemDrift({ entity, links }).both).toEqual([
      {
        ref: 'system:default/billing',
        subject: 'system',
        catalog: ['system of component:default/payments'],
        links: [0],
      },
      {
        ref: 'component:default/payments',
        subject: 'entity',
        catalog: ['dependsOn'],
        links: [0],
      },
    ]);
  });

  it('should read spec.system when the entity has no relations yet', () => {
    const entity = checkout([], { system: 'shop' });
    expect(computeSystemDrift({ entity, links: [] }).catalogOnly).toEqual([
      {
        ref: 'system:default/shop',
        subject: 'system',
        catalog: ['partOf'],
        links: [],
      },
    ]);
  });

  it('should match refs case-insensitively and return them in canonical form', () => {
    const entity = checkout([
      { type: 'dependsOn', targetRef: 'component:default/Payments' },
    ]);
    const links = [docLink(0, 'Component:Default/payments')];
    expect(computeSystemDrift({ entity, links }).both).toEqual([
      {
        ref: 'component:default/payments',
        subject: 'entity',
        catalog: ['dependsOn'],
        links: [0],
      },
    ]);
  });

  it('should treat a linked system doc as a system, not an entity', () => {
    const links = [docLink(0, 'system:default/shop')];
    expect(computeSystemDrift({ entity: checkout([]), links }).docOnly).toEqual(
      [
        {
          ref: 'system:default/shop',
          subject: 'system',
          catalog: [],
          links: [0],
        },
      ],
    );
  });

  it("should leave out links to the entity's own doc", () => {
    const links = [docLink(0, 'component:default/checkout')];
    expect(computeSystemDrift({ entity: checkout([]), links }).docOnly).toEqual(
      [],
    );
  });

  it('should list each linked ref once with every link that points at it', () => {
    const links = [
      docLink(0, 'component:default/search'),
      docLink(3, 'component:default/search'),
    ];
    expect(computeSystemDrift({ entity: checkout([]), links }).docOnly).toEqual(
      [
        {
          ref: 'component:default/search',
          subject: 'entity',
          catalog: [],
          links: [0, 3],
        },
      ],
    );
  });

  it('should skip malformed refs instead of throwing', () => {
    const entity = checkout([{ type: 'dependsOn', targetRef: 'not a ref:' }], {
      system: 42,
    });
    const links = [docLink(0, ':::', '')];
    expect(computeSystemDrift({ entity, links })).toEqual({
      both: [],
      docOnly: [],
      catalogOnly: [],
    });
  });
});

describe('computeSystemDrift with diagram participants', () => {
  const entity = checkout(
    [
      { type: 'partOf', targetRef: 'system:default/shop' },
      { type: 'dependsOn', targetRef: 'component:default/payments' },
      { type: 'dependsOn', targetRef: 'component:default/inventory' },
      { type: 'consumesApi', targetRef: 'api:default/orders' },
    ],
    { system: 'shop' },
  );

  it('should list a participant the catalog does not relate', () => {
    const drift = computeSystemDrift({
      entity,
      links: [],
      diagramEntities: [{ ref: 'component:default/fraud' }],
    });
    expect(drift.diagramOnly).toEqual([
      {
        ref: 'component:default/fraud',
        subject: 'entity',
        catalog: [],
        links: [],
        inDiagrams: true,
      },
    ]);
  });

  it('should list catalog relations that no diagram and no link mention', () => {
    const drift = computeSystemDrift({
      entity,
      links: [docLink(0, 'component:default/payments')],
      diagramEntities: [
        {
          ref: 'component:default/inventory',
          systemRef: 'system:default/shop',
        },
      ],
    });
    expect(drift.unmentioned?.map(ref => ref.ref)).toEqual([
      'api:default/orders',
    ]);
    expect(drift.catalogOnly.map(ref => [ref.ref, ref.inDiagrams])).toEqual([
      ['system:default/shop', true],
      ['component:default/inventory', true],
    ]);
    expect(drift.both.map(ref => [ref.ref, ref.inDiagrams])).toEqual([
      ['component:default/payments', undefined],
    ]);
    expect(drift.diagramOnly).toEqual([]);
  });

  it('should leave the entity itself out of the diagram participants', () => {
    const drift = computeSystemDrift({
      entity,
      links: [],
      diagramEntities: [{ ref: 'Component:default/Checkout' }],
    });
    expect(drift.diagramOnly).toEqual([]);
  });

  it('should not list a participant twice when the doc also links it', () => {
    const drift = computeSystemDrift({
      entity,
      links: [docLink(0, 'component:default/fraud')],
      diagramEntities: [{ ref: 'component:default/fraud' }],
    });
    expect(drift.diagramOnly).toEqual([]);
    expect(drift.docOnly).toEqual([
      {
        ref: 'component:default/fraud',
        subject: 'entity',
        catalog: [],
        links: [0],
        inDiagrams: true,
      },
    ]);
  });

  it('should ignore a participant ref that cannot be read', () => {
    const drift = computeSystemDrift({
      entity,
      links: [],
      diagramEntities: [{ ref: '' }, { ref: 'component:' }],
    });
    expect(drift.diagramOnly).toEqual([]);
  });

  it('should leave the diagram groups out when no diagrams are compared', () => {
    const drift = computeSystemDrift({ entity, links: [] });
    expect(drift.diagramOnly).toBeUndefined();
    expect(drift.unmentioned).toBeUndefined();
  });
});
