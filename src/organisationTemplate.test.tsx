// An organisation's own template, from `architectureDocs.templateUrl`, through
// the real client: the template and the docs are served over HTTP and every
// view checks the docs against the organisation's sections.
import type { ReactElement } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import {
  configApiRef,
  type DiscoveryApi,
  type FetchApi,
} from '@backstage/core-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import type { ScmAuthApi } from '@backstage/integration-react';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { JsonObject } from '@backstage/types';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { ArchitectureDocsClient, architectureDocsApiRef } from './api';
import { ArchitectureDocsPage } from './components/ArchitectureDocsPage';
import { clearCoverageSessionCache } from './coverage/session-result-caches';
import { EntityArchitectureDocCard } from './components/EntityArchitectureDocCard';
import { EntityArchitectureDocContent } from './components/EntityArchitectureDocContent';
import { clearTemplateCache } from './model/configured-template';
import { defaultTemplateModel } from 'backstage-plugin-architecture-docs-common';

const server = setupServer();
registerMswTestHooks(server);

jest.setTimeout(30_000);

const TEMPLATE_URL = 'https://templates.example.com/architecture-template.md';
const RAW = 'https://raw.githubusercontent.com/acme/shop/main';

const ORG_TEMPLATE = `# <Service> architecture

## Problem statement

What the service solves, and for whom.

## Building blocks

The parts the service is made of and what each one owns.

## Runtime view

How a request moves through the building blocks.

## Risks and technical debt

Known risks, each with an owner.
`;

/** Written to the organisation's template: two sections done, one TODO, one absent. */
const CHECKOUT_DOC = `# Checkout architecture

## Problem statement

Checkout turns a basket into a paid order for the web shop, and does nothing else.

## Building blocks

The basket API, the order store and the payment adapter, all owned by the checkout team.

## Runtime view

TODO
`;

function component(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `url:https://github.com/acme/shop/blob/main/${name}/catalog-info.yaml`,
        'architecture-docs/ref': `./docs/architecture/${name}.md`,
      },
    },
    spec: { type: 'service', owner: 'team-shop', lifecycle: 'production' },
  };
}

const checkout = component('checkout');
const orders = component('orders');

/** Serves the template and the docs; anything else is a 404, as a host would answer. */
function serve(files: Record<string, string>) {
  const requested: string[] = [];
  const answer = ({ request }: { request: Request }) => {
    requested.push(request.url);
    const body = files[request.url];
    return body === undefined
      ? new HttpResponse('Not Found', { status: 404 })
      : new HttpResponse(body, {
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
  };
  server.use(
    http.get('https://templates.example.com/*', answer),
    http.get(`${RAW}/*`, answer),
  );
  return requested;
}

async function renderWithClient(
  element: ReactElement,
  architectureDocs: JsonObject,
  entity?: Entity,
) {
  const configApi = mockApis.config({
    data: {
      architectureDocs,
      integrations: { github: [{ host: 'github.com' }] },
    },
  });
  const scmAuthApi: jest.Mocked<ScmAuthApi> = { getCredentials: jest.fn() };
  scmAuthApi.getCredentials.mockRejectedValue(
    new Error('No auth provider available'),
  );
  const discoveryApi: DiscoveryApi = {
    getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
  };
  const fetchApi: FetchApi = { fetch: (input, init) => fetch(input, init) };
  const client = ArchitectureDocsClient.fromConfig(configApi, {
    scmIntegrations: ScmIntegrations.fromConfig(configApi),
    scmAuthApi,
    discoveryApi,
    fetchApi,
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [architectureDocsApiRef, client],
        [
          catalogApiRef,
          new InMemoryCatalogClient({ entities: [checkout, orders] }),
        ],
        [configApiRef, configApi],
      ]}
    >
      {entity ? (
        <EntityProvider entity={entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

function checklist(): Array<[string | null, string | null]> {
  return Array.from(
    screen
      .getByTestId('section-checklist')
      .querySelectorAll('[data-section-id]'),
    item => [
      item.getAttribute('data-section-id'),
      item.getAttribute('data-status'),
    ],
  );
}

beforeEach(() => {
  clearTemplateCache();
  clearCoverageSessionCache();
});

describe('an organisation template at architectureDocs.templateUrl', () => {
  const files = {
    [TEMPLATE_URL]: ORG_TEMPLATE,
    [`${RAW}/checkout/docs/architecture/checkout.md`]: CHECKOUT_DOC,
  };

  it("should check the tab's doc against the organisation's sections", async () => {
    const requested = serve(files);
    await renderWithClient(
      <EntityArchitectureDocContent />,
      { templateUrl: TEMPLATE_URL },
      checkout,
    );
    await screen.findByTestId('section-checklist', {}, { timeout: 10_000 });
    expect(checklist()).toEqual([
      ['problem-statement', 'present'],
      ['building-blocks', 'present'],
      ['runtime-view', 'placeholder'],
      ['risks-and-technical-debt', 'missing'],
    ]);
    expect(screen.getByTestId('completeness-present')).toHaveTextContent(
      '2 of 4 sections present',
    );
    expect(screen.getByTestId('completeness-gaps')).toHaveTextContent(
      '1 placeholder, 1 missing',
    );
    expect(screen.getByTestId('completeness-score')).toHaveAttribute(
      'data-score',
      '50',
    );
    const callout = screen.getByTestId('missing-section-callout');
    expect(callout).toHaveTextContent(
      'Missing section: Risks and technical debt',
    );
    expect(callout).toHaveTextContent('Known risks, each with an owner.');
    expect(screen.queryByTestId('architecture-config-problems')).toBeNull();
    expect(requested.filter(url => url === TEMPLATE_URL)).toHaveLength(1);
  });

  it("should prefill the organisation's template in the link that creates a missing doc", async () => {
    serve(files);
    await renderWithClient(
      <EntityArchitectureDocContent />,
      { templateUrl: TEMPLATE_URL },
      orders,
    );
    const create = await screen.findByRole(
      'link',
      { name: 'Create from template' },
      { timeout: 10_000 },
    );
    expect(create).toHaveAttribute(
      'href',
      `https://github.com/acme/shop/new/main/orders/docs/architecture?filename=orders.md&value=${encodeURIComponent(ORG_TEMPLATE)}`,
    );
  });

  it('should prefill a skeleton of the configured sections when they are given inline', async () => {
    serve(files);
    await renderWithClient(
      <EntityArchitectureDocContent />,
      { sections: [{ title: 'Problem statement' }, { title: 'Runtime view' }] },
      orders,
    );
    const create = await screen.findByRole(
      'link',
      { name: 'Create from template' },
      { timeout: 10_000 },
    );
    const skeleton =
      '# <System or capability name> architecture\n\n## Problem statement\n\n## Runtime view\n';
    expect(create.getAttribute('href')).toContain(
      `&value=${encodeURIComponent(skeleton)}`,
    );
  });

  it("should score the card against the organisation's sections", async () => {
    serve(files);
    await renderWithClient(
      <EntityArchitectureDocCard />,
      { templateUrl: TEMPLATE_URL },
      checkout,
    );
    await waitFor(
      () =>
        expect(screen.getByTestId('architecture-doc-card')).toHaveAttribute(
          'data-state',
          'loaded',
        ),
      { timeout: 10_000 },
    );
    expect(screen.getByTestId('completeness-score')).toHaveAttribute(
      'data-score',
      '50',
    );
    expect(screen.getByTestId('completeness-present')).toHaveTextContent(
      '2 of 4 sections present',
    );
    const missing = screen.getByTestId('card-missing-sections');
    expect(
      Array.from(
        missing.querySelectorAll('[data-section-id]'),
        chip => chip.textContent,
      ),
    ).toEqual(['Risks and technical debt']);
  });

  it("should summarise the catalog over the organisation's sections", async () => {
    serve(files);
    await renderWithClient(<ArchitectureDocsPage />, {
      templateUrl: TEMPLATE_URL,
    });
    await waitFor(
      () =>
        expect(screen.getByTestId('coverage-progress')).toHaveAttribute(
          'data-finished',
          'true',
        ),
      {
        timeout: 10_000,
      },
    );
    const summary = screen.getByRole('list', { name: 'Section coverage' });
    expect(
      within(summary)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('data-section')),
    ).toEqual([
      'problem-statement',
      'building-blocks',
      'runtime-view',
      'risks-and-technical-debt',
    ]);
    const row = screen.getByRole('link', { name: 'checkout' }).closest('tr')!;
    expect(within(row).getByText('50')).toBeInTheDocument();
    // The row's strip has a cell per section of this template.
    const strip = within(row).getByRole('list', { name: /^Sections: / });
    expect(within(strip).getAllByRole('listitem')).toHaveLength(4);
    expect(
      within(strip).getByRole('listitem', {
        name: 'Risks and technical debt: missing',
      }),
    ).toBeInTheDocument();
  });

  it('should say the template cannot be used when its URL answers 404, and check against the built-in one', async () => {
    const missingTemplate = 'https://templates.example.com/missing.md';
    serve(files);
    await renderWithClient(
      <EntityArchitectureDocContent />,
      { templateUrl: missingTemplate },
      checkout,
    );
    const problems = await screen.findByTestId(
      'architecture-config-problems',
      {},
      { timeout: 10_000 },
    );
    expect(problems).toHaveTextContent(
      'Configuration problems (defaults used instead):',
    );
    expect(problems.querySelector('li')).toHaveTextContent(
      `The template at ${missingTemplate} cannot be used (templates.example.com has no file at ${missingTemplate}.); the built-in template is used instead.`,
    );
    await screen.findByTestId('section-checklist');
    expect(checklist().map(([id]) => id)).toEqual(
      defaultTemplateModel().sections.map(section => section.id),
    );
    // The doc itself still shows, headings and all.
    expect(
      screen.getByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });
});
