import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The route of the catalog-wide page, {@link ArchitectureDocsPage}.
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'architecture-docs' });
