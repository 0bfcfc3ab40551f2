import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import type { IndexedTemplateSection } from 'backstage-plugin-architecture-docs-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRouter } from '../../router/createRouter';
import { DatabaseDocStore } from '../../store/DatabaseDocStore';
import type { DocWrite } from '../../store/types';

/**
 * An `architecture-docs` plugin for test backends: the real store and
 * router, with the given writes as one finished indexing cycle and no
 * indexer, so that other plugins' modules (search, Tech Insights) read a
 * known index through the real API.
 */
export function indexedDocsTestPlugin(options: {
  writes: DocWrite[];
  templateSections: IndexedTemplateSection[];
  finishedAt: Date;
}) {
  let store: DatabaseDocStore | undefined;
  const plugin = createBackendPlugin({
    pluginId: 'architecture-docs',
    register(env) {
      env.registerInit({
        deps: {
          database: coreServices.database,
          logger: coreServices.logger,
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          permissions: coreServices.permissions,
          catalog: catalogServiceRef,
        },
        async init(deps) {
          const docStore = DatabaseDocStore.create({
            database: deps.database,
            logger: deps.logger,
          });
          store = docStore;
          const cycleId = 'test-cycle';
          await Promise.all(
            options.writes.map(write =>
              docStore.writeDoc({ ...write, cycleId }),
            ),
          );
          await docStore.finishCycle({
            cycleId,
            finishedAt: options.finishedAt,
            historyDays: 30,
            templateSections: options.templateSections,
          });
          deps.httpRouter.use(
            await createRouter({
              store: docStore,
              refresher: { refreshEntity: async () => {} },
              httpAuth: deps.httpAuth,
              permissions: deps.permissions,
              catalog: deps.catalog,
              logger: deps.logger,
            }),
          );
        },
      });
    },
  });
  return { plugin, close: () => store?.close() };
}
