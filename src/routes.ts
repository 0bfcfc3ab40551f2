import { createRouteRef } from '@backstage/core-plugin-api';

/**
 * The route of the catalog-wide page, {@link ArchitectureDocsPage}.
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'architecture-docs' });

/**
 * The path of the architecture tab under an entity page when the app does
 * not set one.
 */
export const DEFAULT_ARCHITECTURE_TAB_PATH = '/architecture';

/**
 * The portal path of the architecture tab under the entity page at
 * `entityPagePath`; `tabPath` may be written with or without its leading slash.
 */
export function architectureTabPath(
  entityPagePath: string,
  tabPath: string,
): string {
  return `${entityPagePath}/${tabPath.replace(/^\/+/, '')}`;
}
