import type { Entity } from '@backstage/catalog-model';
import type { DiagramParticipant } from './diagram-participants';
import {
  createParticipantMatcher,
  normalizeParticipantName,
} from './participant-entity-match';
import { participantEntityRef } from './participant-entity-ref';

function entity(
  kind: string,
  name: string,
  title?: string,
  namespace = 'default',
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace, ...(title ? { title } : {}) },
  };
}

function named(...names: string[]): DiagramParticipant {
  return { nodeId: names[0], label: names[0], names };
}

const inventory = entity('Component', 'inventory-service', 'Inventory service');
const payments = entity('Component', 'payment-gateway', 'Payment gateway');
const checkoutSystem = entity('System', 'checkout', 'Checkout');
const checkoutApi = entity('Component', 'checkout-api', 'Checkout API');
const orderEvents = entity('API', 'order-events');

const entities = [
  inventory,
  payments,
  checkoutSystem,
  checkoutApi,
  orderEvents,
];

describe('normalizeParticipantName', () => {
  it('should ignore case, spaces, punctuation and accents', () => {
    expect(normalizeParticipantName('  Inventory-Service! ')).toBe(
      'inventoryservice',
    );
    expect(normalizeParticipantName('Café_Übersicht')).toBe('cafeubersicht');
  });
});

describe('participantEntityRef', () => {
  it('should read a full or kind-and-name ref in canonical form', () => {
    expect(participantEntityRef('Component:Inventory-Service', 'default')).toBe(
      'component:default/inventory-service',
    );
    expect(participantEntityRef('api:shop/order-events', 'default')).toBe(
      'api:shop/order-events',
    );
  });

  it('should not read a name without a kind, or with spaces, as a ref', () => {
    expect(
      participantEntityRef('inventory-service', 'default'),
    ).toBeUndefined();
    expect(participantEntityRef('Note: a remark', 'default')).toBeUndefined();
  });
});

describe('createParticipantMatcher', () => {
  const match = createParticipantMatcher({ entities });

  it('should match a label to an entity title', () => {
    expect(match(named('Inventory service', 'Inventory'))).toBe(inventory);
  });

  it('should match an id to an entity name regardless of case and punctuation', () => {
    expect(match(named('Payments', 'PAYMENT_GATEWAY'))).toBe(payments);
  });

  it('should match a name written as an entity ref', () => {
    expect(match(named('component:default/checkout-api'))).toBe(checkoutApi);
  });

  it('should try the label before the id', () => {
    expect(match(named('Checkout API', 'Checkout'))).toBe(checkoutApi);
  });

  it('should match a name that is both a name and a title to the name', () => {
    const byTitle = entity('Component', 'legacy-shop', 'order-events');
    const matcher = createParticipantMatcher({
      entities: [byTitle, orderEvents],
    });
    expect(matcher(named('order-events'))).toBe(orderEvents);
  });

  it('should use the configured map before anything else', () => {
    const matcher = createParticipantMatcher({
      entities,
      diagramEntities: {
        Stock: 'component:inventory-service',
        'Checkout API': 'system:checkout',
      },
    });
    expect(matcher(named('stock'))).toBe(inventory);
    expect(matcher(named('Checkout API'))).toBe(checkoutSystem);
  });

  it('should match nothing when the configured entity is not in the answer', () => {
    const matcher = createParticipantMatcher({
      entities,
      diagramEntities: { 'Inventory service': 'component:retired-stock' },
    });
    expect(matcher(named('Inventory service'))).toBeUndefined();
  });

  it('should leave a participant the catalog does not know unmatched', () => {
    expect(match(named('Shopper'))).toBeUndefined();
  });

  it('should prefer the doc namespace, then a component, when names collide', () => {
    const other = entity('Component', 'checkout', 'Checkout', 'shop');
    const group = entity('Group', 'checkout');
    const matcher = createParticipantMatcher({
      entities: [other, group, checkoutSystem],
    });
    expect(matcher(named('checkout'))).toBe(checkoutSystem);
    const inShop = createParticipantMatcher({
      entities: [other, group, checkoutSystem],
      namespace: 'shop',
    });
    expect(inShop(named('checkout'))).toBe(other);
  });

  it('should ignore entities of an unexpected shape', () => {
    const broken = [{ kind: 'Component' }, null] as unknown as Entity[];
    const matcher = createParticipantMatcher({
      entities: [...broken, inventory],
    });
    expect(matcher(named('inventory service'))).toBe(inventory);
  });

  it('should not match through prototype names', () => {
    const matcher = createParticipantMatcher({
      entities,
      diagramEntities: { constructor: 'component:inventory-service' },
    });
    expect(matcher(named('__proto__'))).toBeUndefined();
    expect(matcher(named('toString'))).toBeUndefined();
  });
});
