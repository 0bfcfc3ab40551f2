/**
 * The architecture docs plugin for the new frontend system.
 *
 * @packageDocumentation
 */
import {
  architectureDocsApiFactory,
  architectureDocsBackendApiFactory,
} from './plugin';
import type { Entity } from '@backstage/catalog-model';
import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import {
  configApiRef,
  ApiBlueprint,
  PageBlueprint,
  createFrontendPlugin,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import DescriptionIcon from '@material-ui/icons/Description';
import { z } from 'zod/v4';
import { readArchitectureDocsConfig, type ArchitectureDocsConfig } from './api';
import {
  ARCHITECTURE_DOC_SEARCH_TYPE,
  isArchitectureDocAvailable,
} from 'backstage-plugin-architecture-docs-common';
import { isArchitectureDocSearchResult } from './model/search-result-type';
import { DEFAULT_ARCHITECTURE_TAB_PATH, rootRouteRef } from './routes';

export { architectureDocsTranslationRef } from './translation';

/**
 * Whether an entity points at a doc through the annotation the app
 * configures (`architectureDocs.annotation`), so that renaming the
 * annotation keeps the tab and the card where the docs are.
 */
function docAvailableFilter(config: ArchitectureDocsConfig) {
  return (entity: Entity) =>
    isArchitectureDocAvailable(entity, config.annotation);
}

/**
 * The default `ArchitectureDocsApi`: reads docs through the app's SCM
 * integrations or its proxy, as `architectureDocs.fetch` configures.
 * @alpha
 */
export const architectureDocsApi = ApiBlueprint.make({
  params: defineParams => defineParams(architectureDocsApiFactory),
});

/**
 * The default `ArchitectureDocsBackendApi`: reads the architecture docs
 * backend's index with the user's credentials, when
 * `architectureDocs.source` lets the views use it.
 * @alpha
 */
export const architectureDocsBackendApi = ApiBlueprint.make({
  name: 'backend',
  params: defineParams => defineParams(architectureDocsBackendApiFactory),
});

/**
 * The architecture tab of the entity page, shown for entities that point at
 * a doc. `path`, `title` and `filter` can be set in app-config under
 * `app.extensions: - entity-content:architecture-docs/architecture`.
 * @alpha
 */
export const architectureDocsEntityContent =
  EntityContentBlueprint.makeWithOverrides({
    name: 'architecture',
    factory(originalFactory, { config, apis }) {
      const tabPath = config.path ?? DEFAULT_ARCHITECTURE_TAB_PATH;
      const configApi = apis.get(configApiRef);
      return originalFactory({
        path: DEFAULT_ARCHITECTURE_TAB_PATH,
        title: 'Architecture',
        filter: configApi
          ? docAvailableFilter(readArchitectureDocsConfig(configApi))
          : isArchitectureDocAvailable,
        loader: () =>
          import('./components/EntityArchitectureDocContent').then(m => (
            <m.EntityArchitectureDocContent tabPath={tabPath} />
          )),
      });
    },
  });

/**
 * The overview card of the entity page, shown for entities that point at a
 * doc. Besides the card's `filter` and `type`, app-config can set `tabPath`
 * when the architecture tab was moved to another path.
 * @alpha
 */
export const architectureDocsEntityCard = EntityCardBlueprint.makeWithOverrides(
  {
    name: 'architecture',
    configSchema: {
      tabPath: z.string().optional(),
    },
    factory(originalFactory, { config, apis }) {
      const configApi = apis.get(configApiRef);
      return originalFactory({
        filter: configApi
          ? docAvailableFilter(readArchitectureDocsConfig(configApi))
          : isArchitectureDocAvailable,
        loader: () =>
          import('./components/EntityArchitectureDocCard').then(m => (
            <m.EntityArchitectureDocCard tabPath={config.tabPath} />
          )),
      });
    },
  },
);

/**
 * The catalog-wide page at `/architecture-docs`; `path` and `title` can be
 * set in app-config.
 * @alpha
 */
export const architectureDocsPage = PageBlueprint.make({
  params: {
    path: '/architecture-docs',
    title: 'Architecture docs',
    icon: <DescriptionIcon fontSize="inherit" />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('./components/ArchitectureDocsPage').then(m => (
        <m.ArchitectureDocsPage />
      )),
  },
});

/**
 * The architecture doc item of the app's search page, for results of type
 * `architecture-doc`: the doc's title, entity, score and missing sections.
 * `noTrack` can be set in app-config.
 * @alpha
 */
export const architectureDocsSearchResultListItem =
  SearchResultListItemBlueprint.make({
    params: {
      predicate: isArchitectureDocSearchResult,
      icon: <DescriptionIcon />,
      component: () =>
        import('./components/ArchitectureDocSearchResultListItem').then(
          m => m.ArchitectureDocSearchResultListItem,
        ),
    },
  });

/**
 * "Architecture docs" among the result types of the app's search page, to
 * show only architecture docs.
 * @alpha
 */
export const architectureDocsSearchResultType =
  SearchFilterResultTypeBlueprint.make({
    params: {
      value: ARCHITECTURE_DOC_SEARCH_TYPE,
      name: 'Architecture docs',
      icon: <DescriptionIcon />,
    },
  });

/**
 * The architecture docs plugin for the new frontend system. Apps that
 * discover features from their dependencies pick it up by installing the
 * package; others pass it to `createApp({ features: [...] })`.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'architecture-docs',
  title: 'Architecture docs',
  icon: <DescriptionIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: { root: convertLegacyRouteRef(rootRouteRef) },
  extensions: [
    architectureDocsApi,
    architectureDocsBackendApi,
    architectureDocsEntityContent,
    architectureDocsEntityCard,
    architectureDocsPage,
    architectureDocsSearchResultListItem,
    architectureDocsSearchResultType,
  ],
});
