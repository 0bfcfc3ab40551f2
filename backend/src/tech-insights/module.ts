import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import { loadIndexTemplate } from '../indexer/loadTemplate';
import { readDoc } from '../indexer/readDoc';
import { readBackendOptions } from '../options';
import {
  ARCHITECTURE_DOCS_FACT_RETRIEVER_ID,
  createArchitectureDocsFactRetriever,
} from './architectureDocsFactRetriever';

/**
 * The Tech Insights backend module that adds the architecture docs fact
 * retriever:
 * `backend.add(import('backstage-plugin-architecture-docs-backend/tech-insights'))`.
 * Its fact schema has one status fact per section of the template the
 * configuration names, read at start as the indexer reads it. Like every
 * fact retriever it runs once `techInsights.factRetrievers.architectureDocsFactRetriever.cadence`
 * is configured.
 * @public
 */
export const architectureDocsTechInsightsModule = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'architecture-docs-fact-retriever',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        urlReader: coreServices.urlReader,
        factRetrievers: techInsightsFactRetrieversExtensionPoint,
      },
      async init({ config, logger, urlReader, factRetrievers }) {
        const options = readBackendOptions(config);
        const { template, problem } = await loadIndexTemplate(config, url =>
          readDoc(urlReader, url, {
            maxBytes: options.maxDocBytes,
            timeoutMs: options.readTimeoutMs,
          }),
        );
        if (problem) logger.warn(problem);
        factRetrievers.addFactRetrievers({
          [ARCHITECTURE_DOCS_FACT_RETRIEVER_ID]:
            createArchitectureDocsFactRetriever({
              templateSections: template.sections.map(({ id, title }) => ({
                id,
                title,
              })),
              annotation: options.annotation,
              kinds: options.kinds,
            }),
        });
      },
    });
  },
});
