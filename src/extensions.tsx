import { createComponentExtension } from '@backstage/core-plugin-api';
import { architectureDocsPlugin } from './plugin';

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
