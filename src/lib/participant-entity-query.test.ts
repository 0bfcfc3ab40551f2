import type { DiagramParticipant } from './diagram-participants';
import {
  MAX_QUERY_VALUES,
  participantEntityQuery,
} from './participant-entity-query';

function named(...names: string[]): DiagramParticipant {
  return { nodeId: names[0], label: names[0], names };
}

describe('participantEntityQuery', () => {
  it('should ask for each name as the catalog would spell it and as a title', () => {
    expect(participantEntityQuery([named('Inventory service', 'Inv')])).toEqual(
      {
        entityRefs: [],
        names: [
          'inventory-service',
          'inventory_service',
          'inventoryservice',
          'inventory.service',
          'inv',
        ],
        titles: ['Inventory service', 'Inv'],
      },
    );
  });

  it('should ask for names written as refs by ref', () => {
    const query = participantEntityQuery([named('component:checkout-api')]);
    expect(query.entityRefs).toEqual(['component:default/checkout-api']);
  });

  it('should ask for the configured entity instead of the name', () => {
    const query = participantEntityQuery([named('Stock')], {
      stock: 'component:inventory-service',
    });
    expect(query).toEqual({
      entityRefs: ['component:default/inventory-service'],
      names: [],
      titles: [],
    });
  });

  it('should leave out spellings the catalog cannot hold', () => {
    const query = participantEntityQuery([named('!!!', 'x'.repeat(80))]);
    expect(query.names).toEqual([]);
    expect(query.titles).toEqual(['!!!', 'x'.repeat(80)]);
  });

  it('should not ask for a title with a comma, which would split the filter', () => {
    const query = participantEntityQuery([
      named('Create hold, expires in 15 min', 'Stock reservation API'),
    ]);
    expect(query.titles).toEqual(['Stock reservation API']);
    expect(query.names).toContain('stock-reservation-api');
  });

  it('should ask for each value once and for at most the limit', () => {
    const participants = Array.from({ length: MAX_QUERY_VALUES + 10 }, (_, i) =>
      named(`svc${i}`),
    );
    const query = participantEntityQuery([...participants, named('svc0')]);
    expect(query.titles).toHaveLength(MAX_QUERY_VALUES);
    expect(query.names).toHaveLength(MAX_QUERY_VALUES);
    expect(new Set(query.names).size).toBe(MAX_QUERY_VALUES);
  });
});
