import { createPlugin } from '@backstage/core-plugin-api';

/**
 * The architecture docs plugin for the legacy frontend system.
 * @public
 */
export const architectureDocsPlugin = createPlugin({
  id: 'architecture-docs',
});
