import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  RELATION_API_CONSUMED_BY,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
  type EntityRelation,
} from '@backstage/catalog-model';
import { ARCHITECTURE_DOC_ANNOTATION } from 'backstage-plugin-architecture-docs-common';

/**
 * The port of the sample doc server (`dev/doc-server.mjs`). The sample
 * entities' locations point at it, so the server must run on this port for the
 * dev portal to find its docs.
 */
export const DOC_SERVER_PORT = 7008;

/** Base URL of the sample doc server, without a trailing slash. */
export const DOC_SERVER_BASE_URL = `http://localhost:${DOC_SERVER_PORT}`;

/**
 * The `catalog-info.yaml` URL of a sample repository, the way the catalog
 * records it in `backstage.io/managed-by-location` (without the `url:` prefix).
 */
export function sampleCatalogInfoUrl(repo: string): string {
  return `${DOC_SERVER_BASE_URL}/${repo}/catalog-info.yaml`;
}

/** Annotations the catalog would have set for an entity read from `repo`. */
function locationAnnotations(repo: string): Record<string, string> {
  const location = `url:${sampleCatalogInfoUrl(repo)}`;
  return {
    [ANNOTATION_LOCATION]: location,
    [ANNOTATION_ORIGIN_LOCATION]: location,
  };
}

const SYSTEM = 'checkout';
const CHECKOUT_TEAM = 'group:team-checkout';
const PAYMENTS_TEAM = 'group:team-payments';

/*
 * The entities as they are written in dev/sample-docs/<repo>/catalog-info.yaml.
 * Keep the two in step: the YAML is what a reader of the sample repositories
 * sees, these objects are what the portal renders.
 */
const declaredEntities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: SYSTEM,
      namespace: DEFAULT_NAMESPACE,
      title: 'Checkout',
      description:
        'Everything between "Go to checkout" and the order confirmation e-mail.',
      annotations: locationAnnotations('checkout-api'),
    },
    spec: { owner: CHECKOUT_TEAM },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'team-checkout',
      namespace: DEFAULT_NAMESPACE,
      title: 'Checkout team',
      annotations: locationAnnotations('checkout-api'),
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name: 'team-payments',
      namespace: DEFAULT_NAMESPACE,
      title: 'Payments team',
      annotations: locationAnnotations('checkout-api'),
    },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout-api',
      namespace: DEFAULT_NAMESPACE,
      title: 'Checkout API',
      description: 'Turns a basket into a paid, stock-backed order.',
      annotations: {
        ...locationAnnotations('checkout-api'),
        [ARCHITECTURE_DOC_ANNOTATION]: './docs/architecture/CheckoutApi.md',
      },
      tags: ['http', 'orders'],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
      dependsOn: [
        'component:inventory-service',
        'component:tax-calculator',
        'component:payment-gateway',
      ],
      providesApis: ['checkout-rest', 'order-events'],
      consumesApis: ['stock-reservation', 'payment-authorization'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payment-gateway',
      namespace: DEFAULT_NAMESPACE,
      title: 'Payment gateway',
      description: 'The only service that talks to the card payment provider.',
      annotations: {
        ...locationAnnotations('payment-gateway'),
        [ARCHITECTURE_DOC_ANNOTATION]: './docs/architecture/PaymentGateway.md',
      },
      tags: ['payments', 'pci'],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: PAYMENTS_TEAM,
      system: SYSTEM,
      dependsOn: ['component:fraud-screening'],
      providesApis: ['payment-authorization'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'inventory-service',
      namespace: DEFAULT_NAMESPACE,
      title: 'Inventory service',
      description:
        'Sellable stock levels and short-lived stock holds for checkout.',
      annotations: {
        ...locationAnnotations('inventory-service'),
        [ARCHITECTURE_DOC_ANNOTATION]:
          './docs/architecture/InventoryService.md',
      },
      tags: ['stock'],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
      providesApis: ['stock-reservation'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'notification-worker',
      namespace: DEFAULT_NAMESPACE,
      title: 'Notification worker',
      description:
        'Sends order confirmations, dispatch notices and low-stock alerts.',
      annotations: {
        ...locationAnnotations('notification-worker'),
        [ARCHITECTURE_DOC_ANNOTATION]:
          './docs/architecture/NotificationWorker.md',
      },
      tags: ['email', 'worker'],
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
      consumesApis: ['order-events'],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'fraud-screening',
      namespace: DEFAULT_NAMESPACE,
      title: 'Fraud screening',
      description: 'Risk scores for card payments before authorisation.',
      annotations: {
        ...locationAnnotations('fraud-screening'),
        [ARCHITECTURE_DOC_ANNOTATION]: './docs/architecture/FraudScreening.md',
      },
      tags: ['payments', 'risk'],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: PAYMENTS_TEAM,
      system: SYSTEM,
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'tax-calculator',
      namespace: DEFAULT_NAMESPACE,
      title: 'Tax calculator',
      description: 'Deterministic tax quotes from published rate tables.',
      annotations: {
        ...locationAnnotations('tax-calculator'),
        // The absolute form of the annotation, next to the relative ones.
        [ARCHITECTURE_DOC_ANNOTATION]: `${DOC_SERVER_BASE_URL}/tax-calculator/docs/architecture/TaxCalculator.md`,
      },
      tags: ['tax'],
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'loyalty-points',
      namespace: DEFAULT_NAMESPACE,
      title: 'Loyalty points',
      description:
        'Points earned on orders; its architecture doc has not been written yet.',
      annotations: {
        ...locationAnnotations('loyalty-points'),
        [ARCHITECTURE_DOC_ANNOTATION]: './docs/architecture/LoyaltyPoints.md',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'experimental',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'receipt-renderer',
      namespace: DEFAULT_NAMESPACE,
      title: 'Receipt renderer',
      description:
        'Renders PDF receipts; it does not point at an architecture doc.',
      annotations: locationAnnotations('receipt-renderer'),
    },
    spec: {
      type: 'library',
      lifecycle: 'production',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: 'checkout-rest',
      namespace: DEFAULT_NAMESPACE,
      title: 'Checkout REST API',
      description:
        'Sessions and order submission for the storefront and mobile app.',
      annotations: locationAnnotations('checkout-api'),
    },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
      definition: [
        'openapi: 3.0.3',
        'info:',
        '  title: Checkout REST API',
        '  version: 1.4.0',
        'paths:',
        '  /sessions:',
        '    post:',
        '      summary: Create a checkout session from a basket',
        "      responses: { '201': { description: Session with held stock and priced totals } }",
        '  /sessions/{sessionId}/orders:',
        '    post:',
        '      summary: Submit the order for a session',
        "      responses: { '201': { description: Order created }, '402': { description: Payment declined } }",
        '',
      ].join('\n'),
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: 'order-events',
      namespace: DEFAULT_NAMESPACE,
      title: 'Order events',
      description:
        'OrderPlaced messages published after an order is committed.',
      annotations: locationAnnotations('checkout-api'),
    },
    spec: {
      type: 'asyncapi',
      lifecycle: 'production',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
      definition: [
        'asyncapi: 2.6.0',
        'info:',
        '  title: Order events',
        '  version: 2.0.0',
        'channels:',
        '  order-events:',
        '    subscribe:',
        '      message: { name: OrderPlaced }',
        '',
      ].join('\n'),
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: 'payment-authorization',
      namespace: DEFAULT_NAMESPACE,
      title: 'Payment authorisation API',
      description: 'Authorise, capture, void and refund payment intents.',
      annotations: locationAnnotations('payment-gateway'),
    },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: PAYMENTS_TEAM,
      system: SYSTEM,
      definition: [
        'openapi: 3.0.3',
        'info:',
        '  title: Payment authorisation API',
        '  version: 2.1.0',
        'paths:',
        '  /intents/{intentId}/authorisations:',
        '    post:',
        '      summary: Authorise a payment intent',
        "      responses: { '200': { description: Authorised, declined or rejected }, '202': { description: Outcome unknown } }",
        '',
      ].join('\n'),
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: {
      name: 'stock-reservation',
      namespace: DEFAULT_NAMESPACE,
      title: 'Stock reservation API',
      description: 'Hold, extend and release stock for a checkout session.',
      annotations: locationAnnotations('inventory-service'),
    },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: CHECKOUT_TEAM,
      system: SYSTEM,
      definition: [
        'openapi: 3.0.3',
        'info:',
        '  title: Stock reservation API',
        '  version: 1.0.0',
        'paths:',
        '  /holds:',
        '    post:',
        '      summary: Hold stock for the lines of a session',
        "      responses: { '201': { description: Every line held }, '409': { description: Some lines are short } }",
        '',
      ].join('\n'),
    },
  },
];

/** A spec field that names other entities, and the relations it produces. */
interface RelationField {
  field: string;
  defaultKind: string;
  type: string;
  reverseType: string;
}

// The same mapping the catalog's built-in processor applies, so the relations
// look like the ones a real catalog returns, in both directions.
const RELATION_FIELDS: RelationField[] = [
  {
    field: 'owner',
    defaultKind: 'Group',
    type: RELATION_OWNED_BY,
    reverseType: RELATION_OWNER_OF,
  },
  {
    field: 'system',
    defaultKind: 'System',
    type: RELATION_PART_OF,
    reverseType: RELATION_HAS_PART,
  },
  {
    field: 'dependsOn',
    defaultKind: 'Component',
    type: RELATION_DEPENDS_ON,
    reverseType: RELATION_DEPENDENCY_OF,
  },
  {
    field: 'providesApis',
    defaultKind: 'API',
    type: RELATION_PROVIDES_API,
    reverseType: RELATION_API_PROVIDED_BY,
  },
  {
    field: 'consumesApis',
    defaultKind: 'API',
    type: RELATION_CONSUMES_API,
    reverseType: RELATION_API_CONSUMED_BY,
  },
];

function referencedEntities(entity: Entity, field: string): string[] {
  const value = entity.spec?.[field];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    return value.filter((item): item is string => typeof item === 'string');
  }
  return [];
}

function withCatalogRelations(entities: Entity[]): Entity[] {
  const relations = new Map<string, EntityRelation[]>(
    entities.map(entity => [stringifyEntityRef(entity), []]),
  );
  const add = (from: string, type: string, targetRef: string) => {
    const list = relations.get(from);
    if (list && !list.some(r => r.type === type && r.targetRef === targetRef)) {
      list.push({ type, targetRef });
    }
  };
  for (const entity of entities) {
    const source = stringifyEntityRef(entity);
    for (const { field, defaultKind, type, reverseType } of RELATION_FIELDS) {
      for (const ref of referencedEntities(entity, field)) {
        const target = stringifyEntityRef(
          parseEntityRef(ref, {
            defaultKind,
            defaultNamespace: DEFAULT_NAMESPACE,
          }),
        );
        add(source, type, target);
        add(target, reverseType, source);
      }
    }
  }
  return entities.map(entity => ({
    ...entity,
    relations: relations.get(stringifyEntityRef(entity)) ?? [],
  }));
}

/**
 * Every sample entity (System, Groups, Components and APIs) with its catalog
 * relations filled in both directions.
 */
export const sampleEntities: Entity[] = withCatalogRelations(declaredEntities);

/** The sample Components, the entities that may carry an architecture doc. */
export const sampleComponents: Entity[] = sampleEntities.filter(
  entity => entity.kind === 'Component',
);

/**
 * The sample entity with this ref (`component:checkout-api`, or the full
 * `component:default/checkout-api`). Throws for an unknown ref so that a typo
 * in a dev page fails loudly.
 */
export function getSampleEntity(ref: string): Entity {
  const wanted = stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind: 'Component',
      defaultNamespace: DEFAULT_NAMESPACE,
    }),
  );
  const entity = sampleEntities.find(e => stringifyEntityRef(e) === wanted);
  if (!entity) throw new Error(`No sample entity ${wanted}`);
  return entity;
}

/**
 * Where a sample entity's doc is served, resolved the simple way against its
 * `catalog-info.yaml`. Only for listing the samples: the plugin's own client
 * resolves through the SCM integrations.
 */
export function sampleDocUrl(entity: Entity): string | undefined {
  const ref = entity.metadata.annotations?.[ARCHITECTURE_DOC_ANNOTATION];
  const location = entity.metadata.annotations?.[ANNOTATION_LOCATION];
  if (!ref) return undefined;
  const base = location?.startsWith('url:') ? location.slice(4) : undefined;
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

/** What one sample Component is there to show. */
export interface SampleScenario {
  /** The component's entity ref, e.g. `component:default/checkout-api`. */
  entityRef: string;
  /** A short name for the case, usable as a page title. */
  title: string;
  /** What the doc (or its absence) demonstrates. */
  demonstrates: string;
}

/** The sample Components, each with the case it covers. */
export const sampleScenarios: SampleScenario[] = [
  {
    entityRef: 'component:default/checkout-api',
    title: 'Complete doc',
    demonstrates:
      'All twelve sections; Responsibilities table linking existing contracts (one in another repository); a valid sequenceDiagram; related docs in other repositories.',
  },
  {
    entityRef: 'component:default/payment-gateway',
    title: 'Invalid diagram',
    demonstrates:
      'A valid stateDiagram followed by a sequenceDiagram that does not parse.',
  },
  {
    entityRef: 'component:default/inventory-service',
    title: 'Incomplete doc',
    demonstrates:
      'Six template sections missing; alias headings ("Overview", "Where it fits", "Interfaces"); links a doc the catalog does not relate (drift).',
  },
  {
    entityRef: 'component:default/notification-worker',
    title: 'Placeholder doc',
    demonstrates:
      'Every heading present, most bodies still template guidance, TODO/TBD or empty.',
  },
  {
    entityRef: 'component:default/fraud-screening',
    title: 'Broken links',
    demonstrates:
      'A contract link, a related-doc link and a runbook link to files that do not exist.',
  },
  {
    entityRef: 'component:default/tax-calculator',
    title: 'No diagram',
    demonstrates:
      'A full doc with no Mermaid diagram at all; the annotation is an absolute URL.',
  },
  {
    entityRef: 'component:default/loyalty-points',
    title: 'Doc not found',
    demonstrates: 'The annotation points at a file that does not exist (404).',
  },
  {
    entityRef: 'component:default/receipt-renderer',
    title: 'No annotation',
    demonstrates: 'The entity does not point at an architecture doc.',
  },
];
