import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The route of the catalog-wide architecture docs page.
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'architecture-docs' });
