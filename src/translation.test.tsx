import { screen, waitFor, within } from '@testing-library/react';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { createTranslationMessages } from '@backstage/core-plugin-api/alpha';
import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { TranslationBlueprint } from '@backstage/plugin-app-react';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import architectureDocsPlugin from './alpha';
import {
  ArchitectureDocError,
  architectureDocsApiRef,
  type ArchitectureDocsApi,
} from './api';
import { architectureDocsTranslationRef } from './translation';

jest.mock('./components/MermaidDiagram', () => ({
  MermaidDiagram: (props: { source: string }) => (
    <div data-testid="mermaid-stub">{props.source}</div>
  ),
}));

// The first render of a whole test app loads every lazy chunk of the page.
jest.setTimeout(30_000);

const BASE = 'https://docs.example.com';
const DOC_URL = `${BASE}/checkout/docs/architecture/Checkout.md`;

const checkout: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout',
    namespace: 'default',
    annotations: {
      'backstage.io/managed-by-location': `url:${BASE}/checkout/catalog-info.yaml`,
      'architecture-docs/ref': './docs/architecture/Checkout.md',
    },
  },
  spec: { type: 'service', owner: 'team', lifecycle: 'production' },
};

const CHECKOUT_DOC = `# Checkout architecture

## Purpose

Takes orders from the web shop and hands them to payments once stock is reserved.
`;

function mockDocsApi(): jest.Mocked<ArchitectureDocsApi> {
  const get = async (url: string) => {
    if (url !== DOC_URL)
      throw new ArchitectureDocError('not-found', `${url} not found`, { url });
    return { url, content: CHECKOUT_DOC };
  };
  return {
    getDocLocation: jest.fn((_entity: Entity) => ({
      ref: './docs/architecture/Checkout.md',
      url: DOC_URL,
    })),
    getEntityDoc: jest.fn(async (_entity: Entity) => get(DOC_URL)),
    getDoc: jest.fn(get),
    resolveLink: jest.fn(
      (target: string, base: string) => new URL(target, base).href,
    ),
    getViewUrl: jest.fn((url: string) => url),
    signIn: jest.fn(async (_url: string) => {}),
  };
}

/** The app's own wording for a few of the plugin's messages, as an app module provides it. */
const appWording = createFrontendModule({
  pluginId: 'app',
  extensions: [
    TranslationBlueprint.make({
      name: 'architecture-docs-wording',
      params: {
        resource: createTranslationMessages({
          ref: architectureDocsTranslationRef,
          messages: {
            'page.title': 'Design docs',
            'page.table.title': '{{shown}} shown, {{total}} in the catalog',
            'panel.title': 'Doc health',
            'score.present': '{{present}}/{{total}} chapters written',
            'callout.missingSection': 'Still to write: {{section}}',
          },
        }),
      },
    }),
  ],
});

function renderApp(options: { route: string; entityPage?: boolean }) {
  renderTestApp({
    features: [architectureDocsPlugin, appWording],
    extensions: options.entityPage
      ? [createTestEntityPage({ entity: checkout })]
      : [],
    config: {
      app: {
        extensions: [
          {
            'page:test/test-entity': {
              config: { path: '/catalog/:namespace/:kind/:name' },
            },
          },
          { 'entity-card:architecture-docs/architecture': false },
        ],
      },
    },
    initialRouteEntries: [options.route],
    apis: [
      [architectureDocsApiRef, mockDocsApi()],
      [catalogApiRef, new InMemoryCatalogClient({ entities: [checkout] })],
    ],
  });
}

describe('architectureDocsTranslationRef', () => {
  it("should show the app's wording on the catalog-wide page", async () => {
    renderApp({ route: '/architecture-docs', entityPage: true });
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Design docs' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    // The count is there while the catalog loads, then says what it holds.
    await waitFor(
      () =>
        expect(screen.getByTestId('coverage-count')).toHaveTextContent(
          '1 shown, 1 in the catalog',
        ),
      {
        timeout: 10_000,
      },
    );
    // Messages the app leaves alone keep the plugin's wording.
    expect(
      screen.getByRole('button', { name: 'Export CSV' }),
    ).toBeInTheDocument();
  });

  it("should show the app's wording on the architecture tab", async () => {
    renderApp({
      route: '/catalog/default/component/checkout',
      entityPage: true,
    });
    const panel = await screen.findByTestId(
      'architecture-doc-side-panel',
      {},
      { timeout: 10_000 },
    );
    expect(
      within(panel).getByRole('heading', { name: 'Doc health' }),
    ).toBeInTheDocument();
    expect(within(panel).getByTestId('completeness-present')).toHaveTextContent(
      '1/12 chapters written',
    );
    const callouts = screen.getAllByTestId('missing-section-callout');
    expect(callouts[0]).toHaveTextContent('Still to write: Context');
    expect(
      within(panel).getByRole('heading', { name: 'Contracts' }),
    ).toBeInTheDocument();
  });
});
