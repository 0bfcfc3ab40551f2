import { screen, waitFor, within } from '@testing-library/react';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject, JsonValue } from '@backstage/types';
import {
  ApiBlueprint,
  coreExtensionData,
  type ApiFactory,
  type ConfigApi,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  mockApis,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import type { ScmAuthApi } from '@backstage/integration-react';
import { ScmIntegrations } from '@backstage/integration';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import type {
  SearchDocument,
  SearchResult,
} from '@backstage/plugin-search-common';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import { ARCHITECTURE_DOC_SEARCH_TYPE } from 'backstage-plugin-architecture-docs-common/client';
import architectureDocsPlugin, {
  architectureDocsApi,
  architectureDocsEntityCard,
  architectureDocsEntityContent,
  architectureDocsPage,
  architectureDocsSearchResultListItem,
  architectureDocsSearchResultType,
} from './alpha';
import {
  ArchitectureDocError,
  ArchitectureDocsClient,
  architectureDocsApiRef,
  type ArchitectureDocsApi,
} from './api';

jest.mock('./components/MermaidDiagram', () => ({
  MermaidDiagram: (props: { source: string }) => (
    <div data-testid="mermaid-stub">{props.source}</div>
  ),
}));

// The first render of a whole test app loads every lazy chunk of the page.
jest.setTimeout(20_000);

const BASE = 'https://docs.example.com';

function component(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `url:${BASE}/${name}/catalog-info.yaml`,
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'team', lifecycle: 'production' },
  };
}

const checkout = component('checkout', {
  'architecture-docs/ref': './docs/architecture/Checkout.md',
});
const payments = component('payments', {
  'architecture-docs/ref': './docs/architecture/Payments.md',
});
const bare = component('bare');

const CHECKOUT_DOC = `# Checkout architecture

_Related: [Payments](../../../payments/docs/architecture/Payments.md)_

## Purpose

Takes orders from the web shop and hands them to payments.

## Operational flow

\`\`\`mermaid
sequenceDiagram
  Shop->>Checkout: order
\`\`\`
`;

/** A typed stand-in for the fetching boundary: docs by URL, 404 otherwise. */
function mockDocsApi(
  files: Record<string, string>,
): jest.Mocked<ArchitectureDocsApi> {
  const docUrl = (entity: Entity, annotation = 'architecture-docs/ref') => {
    const ref = entity.metadata.annotations?.[annotation];
    if (!ref) throw new ArchitectureDocError('no-annotation', 'no annotation');
    return new URL(ref, `${BASE}/${entity.metadata.name}/catalog-info.yaml`)
      .href;
  };
  const get = async (url: string) => {
    const content = files[url.split('#')[0]];
    if (content === undefined)
      throw new ArchitectureDocError('not-found', `${url} not found`, { url });
    return { url, content };
  };
  return {
    getDocLocation: jest.fn((entity: Entity) => ({
      ref: 'ref',
      url: docUrl(entity),
    })),
    getEntityDoc: jest.fn(async (entity: Entity) => get(docUrl(entity))),
    getDoc: jest.fn(get),
    resolveLink: jest.fn(
      (target: string, base: string) => new URL(target, base).href,
    ),
    getViewUrl: jest.fn((url: string) => `${url}?view`),
    signIn: jest.fn(async (_url: string) => {}),
  };
}

const FILES = {
  [`${BASE}/checkout/docs/architecture/Checkout.md`]: CHECKOUT_DOC,
  [`${BASE}/payments/docs/architecture/Payments.md`]: '# Payments\n',
};

const CONTENT_ID = 'entity-content:architecture-docs/architecture';
const CARD_ID = 'entity-card:architecture-docs/architecture';
const TEST_ENTITY_PAGE_ID = 'page:test/test-entity';
const ENTITY_PATH = '/catalog/:namespace/:kind/:name';

/**
 * Renders an entity page of a test app that installs the plugin itself, with
 * app-config as an app would have it.
 */
function renderEntityPage(entity: Entity, config: JsonObject = {}) {
  const api = mockDocsApi(FILES);
  const appConfig = (config.app ?? {}) as { extensions?: JsonValue[] };
  renderTestApp({
    features: [architectureDocsPlugin],
    extensions: [createTestEntityPage({ entity })],
    // The entity page where the catalog mounts it, so that entity links are real.
    config: {
      ...config,
      app: {
        extensions: [
          { [TEST_ENTITY_PAGE_ID]: { config: { path: ENTITY_PATH } } },
          ...(appConfig.extensions ?? []),
        ],
      },
    },
    initialRouteEntries: [`/catalog/default/component/${entity.metadata.name}`],
    apis: [
      [architectureDocsApiRef, api],
      [
        catalogApiRef,
        new InMemoryCatalogClient({ entities: [checkout, payments, bare] }),
      ],
    ],
  });
  return api;
}

function configureExtensions(
  extensions: Record<string, JsonValue>,
): JsonObject {
  return {
    app: {
      extensions: Object.entries(extensions).map(([id, value]) => ({
        [id]: value,
      })),
    },
  };
}

describe('the new frontend system plugin', () => {
  it('should be the architecture-docs plugin with its api, tab, card and page', () => {
    expect(architectureDocsPlugin.pluginId).toBe('architecture-docs');
    expect(
      architectureDocsPlugin.getExtension('api:architecture-docs'),
    ).toBeDefined();
    expect(architectureDocsPlugin.getExtension(CONTENT_ID)).toBeDefined();
    expect(architectureDocsPlugin.getExtension(CARD_ID)).toBeDefined();
    expect(
      architectureDocsPlugin.getExtension('page:architecture-docs'),
    ).toBeDefined();
  });
});

describe('architectureDocsApi', () => {
  it('should provide the default client for architectureDocsApiRef from the app APIs', () => {
    const factory = createExtensionTester(architectureDocsApi).get(
      ApiBlueprint.dataRefs.factory,
    ) as ApiFactory<
      ArchitectureDocsApi,
      ArchitectureDocsApi,
      {
        configApi: ConfigApi;
        discoveryApi: DiscoveryApi;
        fetchApi: FetchApi;
        scmIntegrationsApi: ScmIntegrations;
        scmAuthApi: ScmAuthApi;
      }
    >;
    expect(factory.api).toBe(architectureDocsApiRef);
    expect(Object.keys(factory.deps).sort()).toEqual([
      'configApi',
      'discoveryApi',
      'fetchApi',
      'scmAuthApi',
      'scmIntegrationsApi',
    ]);
    const configApi = mockApis.config({
      data: {
        architectureDocs: { fetch: { mode: 'proxy', proxyPath: '/docs' } },
      },
    });
    const client = factory.factory({
      configApi,
      discoveryApi: mockApis.discovery(),
      fetchApi: { fetch: jest.fn() },
      scmIntegrationsApi: ScmIntegrations.fromConfig(configApi),
      scmAuthApi: { getCredentials: jest.fn() },
    });
    expect(client).toBeInstanceOf(ArchitectureDocsClient);
  });
});

describe('architectureDocsEntityContent', () => {
  it('should be the Architecture tab at /architecture by default', () => {
    const tester = createExtensionTester(architectureDocsEntityContent);
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe(
      'Architecture',
    );
    expect(tester.get(coreExtensionData.routePath)).toBe('/architecture');
  });

  it('should take its title and path from app-config', () => {
    const tester = createExtensionTester(architectureDocsEntityContent, {
      config: { title: 'Design', path: '/design' },
    });
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Design');
    expect(tester.get(coreExtensionData.routePath)).toBe('/design');
  });

  it('should show only for entities with the annotation', () => {
    const filter = createExtensionTester(architectureDocsEntityContent).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(checkout)).toBe(true);
    expect(filter?.(bare)).toBe(false);
  });

  it('should follow the annotation the app configures', () => {
    const custom = component('custom', { 'example.com/arch-doc': './ARCH.md' });
    const filter = createExtensionTester(architectureDocsEntityContent, {
      apis: [
        mockApis.config({
          data: { architectureDocs: { annotation: 'example.com/arch-doc' } },
        }),
      ],
    }).get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(custom)).toBe(true);
    expect(filter?.(checkout)).toBe(false);
  });

  it('should replace its filter with the one in app-config', () => {
    const tester = createExtensionTester(architectureDocsEntityContent, {
      config: { filter: { 'metadata.name': 'bare' } },
    });
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(bare)).toBe(true);
    expect(filter?.(checkout)).toBe(false);
  });

  it('should render the doc with its diagram on the entity page', async () => {
    const api = renderEntityPage(checkout);
    expect(
      await screen.findByRole(
        'heading',
        { name: /Checkout architecture/ },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('mermaid-stub')).toHaveTextContent(
      'Shop->>Checkout: order',
    );
    expect(api.getEntityDoc.mock.calls[0][0]).toEqual(checkout);
  });

  it('should not appear for an entity without the annotation', async () => {
    renderEntityPage(bare);
    expect(await screen.findByTestId('empty-entity-page')).toBeInTheDocument();
  });

  it("should link other entities' docs to the tab path set in app-config", async () => {
    renderEntityPage(
      checkout,
      configureExtensions({
        [CONTENT_ID]: { config: { path: '/design' } },
        [CARD_ID]: false,
      }),
    );
    const doc = await screen.findByTestId('architecture-markdown');
    await waitFor(() =>
      expect(
        within(doc)
          .getByRole('link', { name: 'Payments' })
          .getAttribute('href'),
      ).toBe('/catalog/default/component/payments/design'),
    );
  });
});

describe('architectureDocsEntityCard', () => {
  it('should show only for entities with the annotation', () => {
    const filter = createExtensionTester(architectureDocsEntityCard).get(
      EntityContentBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(checkout)).toBe(true);
    expect(filter?.(bare)).toBe(false);
  });

  it('should render the score and link to the architecture tab', async () => {
    renderEntityPage(checkout, configureExtensions({ [CONTENT_ID]: false }));
    const link = await screen.findByRole(
      'link',
      { name: /Open architecture/ },
      { timeout: 10_000 },
    );
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/architecture',
    );
  });

  it('should link to the tab path set in app-config', async () => {
    renderEntityPage(
      checkout,
      configureExtensions({
        [CONTENT_ID]: false,
        [CARD_ID]: { config: { tabPath: 'design' } },
      }),
    );
    const link = await screen.findByRole(
      'link',
      { name: /Open architecture/ },
      { timeout: 10_000 },
    );
    expect(link).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/design',
    );
  });
});

describe('architectureDocsPage', () => {
  it('should be the Architecture docs page at /architecture-docs by default', () => {
    const tester = createExtensionTester(architectureDocsPage);
    expect(tester.get(coreExtensionData.routePath)).toBe('/architecture-docs');
    expect(tester.get(coreExtensionData.title)).toBe('Architecture docs');
  });

  it('should take its path and title from app-config', () => {
    const tester = createExtensionTester(architectureDocsPage, {
      config: { path: '/docs/architecture', title: 'Docs coverage' },
    });
    expect(tester.get(coreExtensionData.routePath)).toBe('/docs/architecture');
    expect(tester.get(coreExtensionData.title)).toBe('Docs coverage');
  });
});

/** An architecture doc as the search backend returns it. */
const INVENTORY_SEARCH_RESULT: SearchResult = {
  type: ARCHITECTURE_DOC_SEARCH_TYPE,
  document: {
    title: 'Inventory service architecture',
    text: 'Keeps stock levels for every warehouse.',
    location: '/catalog/default/component/inventory-service/architecture',
    entityRef: 'component:default/inventory-service',
    entityTitle: 'Inventory service',
    score: 58,
    missing: ['Security and compliance'],
    placeholder: [],
    sections: [],
  } as SearchDocument,
};

describe('architectureDocsSearchResultListItem', () => {
  it('should be an item of the search page', () => {
    expect(
      architectureDocsPlugin.getExtension(
        'search-result-list-item:architecture-docs',
      ),
    ).toEqual(expect.objectContaining({ kind: 'search-result-list-item' }));
    expect(String(architectureDocsSearchResultListItem)).toContain(
      'attachTo=page:search@items',
    );
  });

  it('should take the results of type architecture-doc only', () => {
    const { predicate } = createExtensionTester(
      architectureDocsSearchResultListItem,
    ).get(SearchResultListItemBlueprint.dataRefs.item);
    expect(predicate?.(INVENTORY_SEARCH_RESULT)).toBe(true);
    expect(
      predicate?.({ ...INVENTORY_SEARCH_RESULT, type: 'software-catalog' }),
    ).toBe(false);
    expect(predicate?.({ ...INVENTORY_SEARCH_RESULT, type: 'techdocs' })).toBe(
      false,
    );
  });

  it('should render the doc with its title, score and missing sections', async () => {
    const { component: Item } = createExtensionTester(
      architectureDocsSearchResultListItem,
    ).get(SearchResultListItemBlueprint.dataRefs.item);
    renderInTestApp(
      <Item
        result={INVENTORY_SEARCH_RESULT.document}
        rank={1}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: { text: 'Keeps <em>stock</em> levels' },
        }}
      />,
    );
    expect(
      await screen.findByRole(
        'link',
        { name: 'Inventory service architecture' },
        { timeout: 10_000 },
      ),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory-service/architecture',
    );
    expect(
      screen.getByTestId('architecture-doc-search-score'),
    ).toHaveTextContent('Score 58');
    expect(
      screen.getByTestId('architecture-doc-search-missing'),
    ).toHaveTextContent('Security and compliance');
    expect(screen.getByText('stock').tagName).toBe('MARK');
  });
});

describe('architectureDocsSearchResultType', () => {
  it('should add "Architecture docs" to the result types of the search page', () => {
    expect(
      createExtensionTester(architectureDocsSearchResultType).get(
        SearchFilterResultTypeBlueprint.dataRefs.resultType,
      ),
    ).toEqual(
      expect.objectContaining({
        value: 'architecture-doc',
        name: 'Architecture docs',
      }),
    );
    expect(
      architectureDocsPlugin.getExtension(
        'search-filter-result-type:architecture-docs',
      ),
    ).toBeDefined();
    expect(String(architectureDocsSearchResultType)).toContain(
      'attachTo=page:search@resultTypes',
    );
  });
});
