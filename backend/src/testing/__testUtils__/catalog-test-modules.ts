import { createBackendModule } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';

/**
 * Real catalog and permission parts for the API's tests: an entity provider
 * that puts a fixed set of entities in the catalog, and a permission policy
 * that lets some users read only part of the catalog.
 */

/** The label that makes an entity readable by `LIMITED_USER`. */
export const PUBLIC_LABEL = 'architecture-docs-test/public';
/** A user who may read only the entities labelled `PUBLIC_LABEL`. */
export const LIMITED_USER = 'user:default/limited';
/** A user who may read no entity. */
export const DENIED_USER = 'user:default/denied';
/** A user who may read every entity. */
export const ALLOWED_USER = 'user:default/allowed';

/** A component entity, labelled public or not. */
export function catalogComponent(
  name: string,
  options: { owner?: string; isPublic: boolean },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      labels: options.isPublic ? { [PUBLIC_LABEL]: 'true' } : {},
      annotations: {
        'backstage.io/managed-by-location': 'url:https://example.com/catalog',
        'backstage.io/managed-by-origin-location':
          'url:https://example.com/catalog',
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: options.owner ?? 'team-a',
    },
  };
}

/** A catalog module whose provider serves `entities`. */
export function testEntityProviderModule(entities: Entity[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'architecture-docs-test-entities',
    register(env) {
      env.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'architecture-docs-test',
            connect: async connection => {
              await connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({
                  entity,
                  locationKey: 'architecture-docs-test',
                })),
              });
            },
          });
        },
      });
    },
  });
}

/**
 * Catalog reads: `ALLOWED_USER` (and the backend's own services) read all,
 * `LIMITED_USER` only the public entities (a conditional decision the
 * catalog applies), `DENIED_USER` nothing. Other permissions are allowed.
 */
class PartialCatalogReadPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isPermission(request.permission, catalogEntityReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const userRef = user?.info.userEntityRef;
    if (userRef === DENIED_USER) return { result: AuthorizeResult.DENY };
    if (userRef === LIMITED_USER) {
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.hasLabel({ label: PUBLIC_LABEL }),
      );
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/** A permission module installing `PartialCatalogReadPolicy`. */
export const partialCatalogReadPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'architecture-docs-test-policy',
  register(env) {
    env.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new PartialCatalogReadPolicy());
      },
    });
  },
});
