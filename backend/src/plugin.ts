import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { ARCHITECTURE_DOCS_PLUGIN_ID } from 'backstage-plugin-architecture-docs-common';
import { readBackendOptions } from './options';
import { DatabaseDocStore } from './store/DatabaseDocStore';
import { DocIndexer } from './indexer/DocIndexer';
import { createRouter } from './router/createRouter';

/**
 * The backend plugin (`architecture-docs`): a scheduled indexer that reads
 * and analyses every annotated entity's doc, the database that keeps the
 * results and their history, and the REST API the frontend reads.
 * @public
 */
export const architectureDocsPlugin = createBackendPlugin({
  pluginId: ARCHITECTURE_DOCS_PLUGIN_ID,
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const options = readBackendOptions(deps.config);
        const store = DatabaseDocStore.create({
          database: deps.database,
          logger: deps.logger,
        });
        const indexer = new DocIndexer({
          store,
          catalog: deps.catalog,
          auth: deps.auth,
          urlReader: deps.urlReader,
          config: deps.config,
          logger: deps.logger,
          options,
        });
        // Global scope: with several replicas on one database, one of them
        // runs each cycle, so each doc is read once per cycle.
        await deps.scheduler.scheduleTask({
          id: 'architecture-docs-index',
          scope: 'global',
          ...options.schedule,
          fn: async () => {
            await indexer.runCycle();
          },
        });
        deps.httpRouter.use(
          await createRouter({
            store,
            refresher: indexer,
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
