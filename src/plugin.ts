import {
  configApiRef,
  createApiFactory,
  createPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  scmAuthApiRef,
  scmIntegrationsApiRef,
} from '@backstage/integration-react';
import {
  architectureDocsApiRef,
  architectureDocsBackendApiRef,
  ArchitectureDocsBackendClient,
  ArchitectureDocsClient,
} from './api';
import { rootRouteRef } from './routes';

/**
 * The factory of the default `ArchitectureDocsApi`, shared by both frontend systems.
 * @internal
 */
export const architectureDocsApiFactory = createApiFactory({
  api: architectureDocsApiRef,
  deps: {
    configApi: configApiRef,
    discoveryApi: discoveryApiRef,
    fetchApi: fetchApiRef,
    scmIntegrationsApi: scmIntegrationsApiRef,
    scmAuthApi: scmAuthApiRef,
  },
  factory: ({
    configApi,
    discoveryApi,
    fetchApi,
    scmIntegrationsApi,
    scmAuthApi,
  }) =>
    ArchitectureDocsClient.fromConfig(configApi, {
      discoveryApi,
      fetchApi,
      scmIntegrations: scmIntegrationsApi,
      scmAuthApi,
    }),
});

/**
 * The factory of the default `ArchitectureDocsBackendApi`, shared by both
 * frontend systems.
 * @internal
 */
export const architectureDocsBackendApiFactory = createApiFactory({
  api: architectureDocsBackendApiRef,
  deps: {
    configApi: configApiRef,
    discoveryApi: discoveryApiRef,
    fetchApi: fetchApiRef,
  },
  factory: ({ configApi, discoveryApi, fetchApi }) =>
    ArchitectureDocsBackendClient.fromConfig(configApi, {
      discoveryApi,
      fetchApi,
    }),
});

/**
 * The architecture docs plugin for the legacy frontend system.
 * @public
 */
export const architectureDocsPlugin = createPlugin({
  id: 'architecture-docs',
  routes: { root: rootRouteRef },
  apis: [architectureDocsApiFactory, architectureDocsBackendApiFactory],
});
