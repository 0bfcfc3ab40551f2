import {
  createComponentExtension,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import { isArchitectureDocSearchResult } from './model/search-result-type';
import { architectureDocsPlugin } from './plugin';
import { rootRouteRef } from './routes';

/**
 * The architecture tab of an entity page (legacy frontend system). Add it to
 * an `EntityLayout` with `isArchitectureDocAvailable` as its `if`.
 * @public
 */
export const EntityArchitectureDocContent = architectureDocsPlugin.provide(
  createComponentExtension({
    name: 'EntityArchitectureDocContent',
    component: {
      lazy: () =>
        import('./components/EntityArchitectureDocContent').then(
          m => m.EntityArchitectureDocContent,
        ),
    },
  }),
);

/**
 * The overview card of an entity page (legacy frontend system): score,
 * missing and placeholder sections, broken links, link to the tab.
 * @public
 */
export const EntityArchitectureDocCard = architectureDocsPlugin.provide(
  createComponentExtension({
    name: 'EntityArchitectureDocCard',
    component: {
      lazy: () =>
        import('./components/EntityArchitectureDocCard').then(
          m => m.EntityArchitectureDocCard,
        ),
    },
  }),
);

/**
 * The catalog-wide page (legacy frontend system): every entity of the
 * configured kinds with its doc's status, score, missing and placeholder
 * sections and broken links, a per-section summary, filters kept in the URL
 * and CSV export. Mount it on a route of the app, e.g.
 * `<Route path="/architecture-docs" element={<ArchitectureDocsPage />} />`.
 * @public
 */
export const ArchitectureDocsPage = architectureDocsPlugin.provide(
  createRoutableExtension({
    name: 'ArchitectureDocsPage',
    component: () =>
      import('./components/ArchitectureDocsPage').then(
        m => m.ArchitectureDocsPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * An architecture doc in the app's search results (legacy frontend system):
 * the doc's title, entity, score and missing sections. Add it among the
 * result items of the app's search page, e.g. inside `<SearchResult>`; it
 * renders the results of type `architecture-doc` and leaves the others to
 * the items after it.
 * @public
 */
export const ArchitectureDocSearchResultListItem =
  architectureDocsPlugin.provide(
    createSearchResultListItemExtension({
      name: 'ArchitectureDocSearchResultListItem',
      component: () =>
        import('./components/ArchitectureDocSearchResultListItem').then(
          m => m.ArchitectureDocSearchResultListItem,
        ),
      predicate: isArchitectureDocSearchResult,
    }),
  );
