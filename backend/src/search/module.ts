import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { ArchitectureDocsCollatorFactory } from './ArchitectureDocsCollatorFactory';

/** Where the collator's schedule is configured. */
export const SEARCH_SCHEDULE_CONFIG_KEY =
  'search.collators.architectureDocs.schedule';

/**
 * How often the search index of architecture docs is rebuilt when the
 * configuration does not say: every 10 minutes, at most 15 minutes a run,
 * the first run 3 seconds after start (the catalog collator's defaults).
 */
export const DEFAULT_SEARCH_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 3 },
};

/**
 * The search backend module that indexes every analysed architecture doc:
 * `backend.add(import('backstage-plugin-architecture-docs-backend/search'))`.
 * @public
 */
export const architectureDocsSearchModule = createBackendModule({
  pluginId: 'search',
  moduleId: 'architecture-docs-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        discovery,
        auth,
        logger,
        scheduler,
        indexRegistry,
      }) {
        const schedule = config.has(SEARCH_SCHEDULE_CONFIG_KEY)
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig(SEARCH_SCHEDULE_CONFIG_KEY),
            )
          : DEFAULT_SEARCH_SCHEDULE;
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new ArchitectureDocsCollatorFactory({
            discovery,
            auth,
            logger,
          }),
        });
      },
    });
  },
});
