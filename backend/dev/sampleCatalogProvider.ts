import type { Entity } from '@backstage/catalog-model';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
  type EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
// The dev portal's own catalog (the root's dev/ folder, in no published
// package): the dev backend serves exactly the entities the dev frontend shows.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  GENERATED_COMPONENT_COUNT,
  devCatalogEntities,
} from '../../dev/generated-catalog';

/**
 * The dev portal's catalog as the catalog backend reads it: the sample
 * entities (dev/sample-catalog.ts) and the generated large catalog
 * (dev/generated-catalog.ts), the ones the dev frontend shows. Offline:
 * nothing is read from a repository.
 */
export class SampleCatalogProvider implements EntityProvider {
  readonly #entities: Entity[];

  /** @param generatedCount - How many generated components follow the samples. */
  constructor(generatedCount: number) {
    // As written in a catalog-info.yaml: the catalog computes relations itself.
    this.#entities = devCatalogEntities(generatedCount).map(
      ({ relations: _relations, ...declared }) => declared,
    );
  }

  getProviderName(): string {
    return 'architecture-docs-dev-sample-catalog';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    await connection.applyMutation({
      type: 'full',
      entities: this.#entities.map(entity => ({
        entity,
        locationKey: this.getProviderName(),
      })),
    });
  }
}

/**
 * Feeds {@link SampleCatalogProvider} to the catalog.
 * `architectureDocsDev.generatedComponents` sets how many generated
 * components it adds (default: as many as the dev frontend's catalog).
 */
export const sampleCatalogModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'architecture-docs-dev-sample-catalog',
  register(env) {
    env.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        const generatedCount =
          config.getOptionalNumber('architectureDocsDev.generatedComponents') ??
          GENERATED_COMPONENT_COUNT;
        catalog.addEntityProvider(new SampleCatalogProvider(generatedCount));
      },
    });
  },
});
