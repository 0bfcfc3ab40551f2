import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  Content,
  Header,
  Link,
  Page,
  Table,
  type TableColumn,
} from '@backstage/core-components';
import { createDevApp } from '@backstage/dev-utils';
import {
  appThemeApiRef,
  configApiRef,
  createApiFactory,
  useApi,
} from '@backstage/core-plugin-api';
import {
  CatalogEntityPage,
  CatalogIndexPage,
  EntityAboutCard,
  EntityLayout,
  catalogPlugin,
} from '@backstage/plugin-catalog';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { SearchPage, searchPlugin } from '@backstage/plugin-search';
import { Button, Grid } from '@material-ui/core';
import { useObservable } from 'react-use';
import { useLocation } from 'react-router-dom';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  ScmAuth,
  type ScmAuthTokenResponse,
  scmAuthApiRef,
} from '@backstage/integration-react';
import {
  ArchitectureDocsPage,
  EntityArchitectureDocCard,
  EntityArchitectureDocContent,
  isArchitectureDocAvailable,
} from '../src';
import { ARCHITECTURE_DOC_ANNOTATION } from 'backstage-plugin-architecture-docs-common';
import { architectureDocsPlugin } from '../src/plugin';
import {
  DOC_SERVER_BASE_URL,
  getSampleEntity,
  sampleDocUrl,
  sampleScenarios,
} from './sample-catalog';
import { DevCatalogClient } from './devCatalogClient';
import { SearchResultSamplesPage } from './SearchResultSamplesPage';
import { DevSearchPage } from './DevSearchPage';

interface SampleDocRow {
  id: string;
  entityRef: string;
  title: string;
  demonstrates: string;
  annotation: string;
  docUrl?: string;
}

const sampleDocRows: SampleDocRow[] = sampleScenarios.map(scenario => {
  const entity = getSampleEntity(scenario.entityRef);
  return {
    id: stringifyEntityRef(entity),
    entityRef: stringifyEntityRef(entity),
    title: scenario.title,
    demonstrates: scenario.demonstrates,
    annotation:
      entity.metadata.annotations?.[ARCHITECTURE_DOC_ANNOTATION] ?? '(none)',
    docUrl: sampleDocUrl(entity),
  };
});

const sampleDocColumns: TableColumn<SampleDocRow>[] = [
  { title: 'Entity', field: 'entityRef' },
  { title: 'Case', field: 'title' },
  { title: 'Demonstrates', field: 'demonstrates' },
  { title: 'Annotation', field: 'annotation' },
  {
    title: 'Entity page',
    field: 'id',
    render: row => {
      const entity = getSampleEntity(row.entityRef);
      const path = `/catalog/${entity.metadata.namespace ?? 'default'}/${entity.kind.toLocaleLowerCase('en-US')}/${entity.metadata.name}`;
      return (
        <>
          <Link to={path}>Overview</Link> ·{' '}
          <Link to={`${path}/architecture`}>Architecture</Link>
        </>
      );
    },
  },
  {
    title: 'Doc URL',
    field: 'docUrl',
    render: row =>
      row.docUrl ? <Link to={row.docUrl}>{row.docUrl}</Link> : '—',
  },
];

const SampleDocsPage = () => (
  <Page themeId="tool">
    <Header
      title="Sample docs"
      subtitle={`Sample entities and the docs served from ${DOC_SERVER_BASE_URL}`}
    />
    <Content>
      <Table<SampleDocRow>
        title="Sample entities"
        options={{ paging: false, search: false }}
        columns={sampleDocColumns}
        data={sampleDocRows}
      />
    </Content>
  </Page>
);

/** The entity page of the development portal, laid out as an app would. */
const entityPage = (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        <Grid item md={6} xs={12}>
          <EntityAboutCard />
        </Grid>
        <Grid item md={6} xs={12}>
          <EntityArchitectureDocCard />
        </Grid>
      </Grid>
    </EntityLayout.Route>
    <EntityLayout.Route
      path="/architecture"
      title="Architecture"
      if={isArchitectureDocAvailable}
    >
      <EntityArchitectureDocContent />
    </EntityLayout.Route>
  </EntityLayout>
);

/** Switches light and dark theme in place, so a theme change can be seen and tested. */
const ThemeToggle = () => {
  const themeApi = useApi(appThemeApiRef);
  const active = useObservable(
    themeApi.activeThemeId$(),
    themeApi.getActiveThemeId(),
  );
  const dark = active === 'dark';
  return (
    <Button
      variant="outlined"
      size="small"
      data-testid="theme-toggle"
      style={{ position: 'fixed', right: 16, bottom: 16, zIndex: 2000 }}
      onClick={() => themeApi.setActiveThemeId(dark ? 'light' : 'dark')}
    >
      {dark ? 'Light theme' : 'Dark theme'}
    </Button>
  );
};

/**
 * `/hostile?doc=<url>`: the architecture tab for a synthetic Component whose
 * annotation is that URL; used by e2e/hostile/run-hostile.mjs.
 */
const HostileDocPage = () => {
  const doc = new URLSearchParams(useLocation().search).get('doc') ?? '';
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'hostile',
      namespace: 'default',
      annotations: { [ARCHITECTURE_DOC_ANNOTATION]: doc },
    },
    spec: { type: 'service', lifecycle: 'experimental', owner: 'guests' },
  };
  return (
    <EntityProvider key={doc} entity={entity}>
      <EntityArchitectureDocContent />
    </EntityProvider>
  );
};

const defaultScmAuthFactory = ScmAuth.createDefaultApiFactory();

/**
 * SCM credentials. By default Backstage's ScmAuth, as in any app. With
 * `architectureDocsDev.testToken` in the app's config (set at runtime by
 * e2e/hostile/run-hostile.mjs), that token for any URL it is asked about,
 * whatever its host: only the plugin's own host check then keeps the token
 * from hosts other than its integration's, and the test sees every host the
 * token reaches.
 */
const scmAuthFactory = createApiFactory({
  api: scmAuthApiRef,
  deps: {
    ...defaultScmAuthFactory.deps,
    configApi: configApiRef,
  },
  factory: ({ configApi, ...providers }) => {
    const testToken = configApi.getOptionalString(
      'architectureDocsDev.testToken',
    );
    if (!testToken) return defaultScmAuthFactory.factory(providers);
    return {
      async getCredentials(): Promise<ScmAuthTokenResponse> {
        return {
          token: testToken,
          headers: { Authorization: `Bearer ${testToken}` },
        };
      },
    };
  },
});

createDevApp()
  .registerPlugin(catalogPlugin)
  .registerPlugin(architectureDocsPlugin)
  .registerPlugin(searchPlugin)
  .registerApi(
    createApiFactory({
      api: catalogApiRef,
      deps: {},
      // The sample entities, then a large generated catalog for the
      // catalog-wide page (dev/generated-catalog.ts).
      factory: () => new DevCatalogClient(),
    }),
  )
  .registerApi(scmAuthFactory)
  .addRootChild(<ThemeToggle key="theme-toggle" />)
  .addPage({
    path: '/sample-docs',
    title: 'Sample docs',
    element: <SampleDocsPage />,
  })
  .addPage({
    path: '/architecture-docs',
    title: 'Architecture docs',
    element: <ArchitectureDocsPage />,
  })
  .addPage({
    path: '/hostile',
    title: 'Hostile docs',
    element: <HostileDocPage />,
  })
  .addPage({
    path: '/search',
    title: 'Search',
    element: <SearchPage />,
    children: <DevSearchPage />,
  })
  .addPage({
    path: '/search-result-samples',
    title: 'Search result samples',
    element: <SearchResultSamplesPage />,
  })
  .addPage({
    path: '/catalog',
    title: 'Catalog',
    element: <CatalogIndexPage />,
  })
  .addPage({
    path: '/catalog/:namespace/:kind/:name',
    element: <CatalogEntityPage />,
    children: entityPage,
  })
  .render();
