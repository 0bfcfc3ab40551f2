import type { ReactNode } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  ArchitectureDocError,
  architectureDocsApiRef,
  type ArchitectureDocsApi,
} from '../../api';
import { analyzeArchitectureDoc } from 'backstage-plugin-architecture-docs-common';
import { EntityArchitectureDocCard } from './EntityArchitectureDocCard';

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

Takes orders from the web shop and hands them to payments.

## Context

Sits between the web shop and payments.
`;

function mockApi(
  files: Record<string, string>,
): jest.Mocked<ArchitectureDocsApi> {
  const get = async (url: string) => {
    const content = files[url];
    if (content === undefined)
      throw new ArchitectureDocError('not-found', `${url} not found`, { url });
    return { url, content };
  };
  const locate = (entity: Entity) => {
    const ref = entity.metadata.annotations?.['architecture-docs/ref'];
    if (!ref) throw new ArchitectureDocError('no-annotation', 'no annotation');
    return {
      ref,
      url: new URL(ref, `${BASE}/${entity.metadata.name}/catalog-info.yaml`)
        .href,
    };
  };
  return {
    getDocLocation: jest.fn(locate),
    getEntityDoc: jest.fn(async (entity: Entity) => get(locate(entity).url)),
    getDoc: jest.fn(get),
    resolveLink: jest.fn(
      (target: string, base: string) => new URL(target, base).href,
    ),
    getViewUrl: jest.fn((url: string) => url),
    signIn: jest.fn(async (_url: string) => {}),
  };
}

async function renderCard(api: ArchitectureDocsApi, config: object = {}) {
  const wrap = (children: ReactNode) => (
    <TestApiProvider
      apis={[
        [architectureDocsApiRef, api],
        [catalogApiRef, new InMemoryCatalogClient({ entities: [checkout] })],
        [configApiRef, mockApis.config({ data: config })],
      ]}
    >
      <EntityProvider entity={checkout}>{children}</EntityProvider>
    </TestApiProvider>
  );
  return renderInTestApp(wrap(<EntityArchitectureDocCard />), {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

async function waitForLoaded() {
  await waitFor(() =>
    expect(screen.getByTestId('architecture-doc-card')).toHaveAttribute(
      'data-state',
      'loaded',
    ),
  );
}

describe('EntityArchitectureDocCard', () => {
  it('should explain a failure of its own instead of blanking the entity page', async () => {
    const consoleError = jest
      .spyOn(console, 'error')
      .mockImplementation(() => {});
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [architectureDocsApiRef, mockApi({})],
          [catalogApiRef, new InMemoryCatalogClient({ entities: [] })],
          [configApiRef, mockApis.config()],
        ]}
      >
        {/* No entity loaded: the entity hook throws. */}
        <EntityProvider>
          <EntityArchitectureDocCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(screen.getByTestId('architecture-docs-view-failed')).toHaveAttribute(
      'data-view',
      'card',
    );
    expect(
      screen.getByText(/The architecture doc summary could not be shown/),
    ).toBeInTheDocument();
    consoleError.mockRestore();
  });

  it('should show the same score as the command-line check for a doc past a render limit', async () => {
    const doc = `${CHECKOUT_DOC}\n${Array.from({ length: 1001 }, (_, k) => `## Part ${k}`).join('\n\n')}\n`;
    await renderCard(mockApi({ [DOC_URL]: doc }));
    await waitFor(
      () =>
        expect(screen.getByTestId('architecture-doc-card')).toHaveAttribute(
          'data-state',
          'loaded',
        ),
      { timeout: 20_000 },
    );
    const cli = analyzeArchitectureDoc(doc, {
      path: new URL(DOC_URL).pathname.slice(1),
    });
    expect(cli.score).toBeGreaterThan(0);
    expect(screen.getByTestId('completeness-score')).toHaveAttribute(
      'data-score',
      String(cli.score),
    );
  }, 30_000);

  it('should say a doc past the analysis bound is too complex to analyse, with no score', async () => {
    await renderCard(
      mockApi({ [DOC_URL]: `${CHECKOUT_DOC}\n${'a@b.co '.repeat(20_000)}\n` }),
    );
    expect(
      await screen.findByText(
        'The architecture doc is too complex to analyse.',
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('completeness-score')).toBeNull();
  }, 30_000);

  it('should show the score of the entity and link to its architecture tab', async () => {
    await renderCard(mockApi({ [DOC_URL]: CHECKOUT_DOC }));
    await waitForLoaded();
    expect(screen.getByTestId('completeness-present')).toHaveTextContent(
      '2 of 12 sections present',
    );
    expect(
      screen.getByRole('link', { name: /Open architecture/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/architecture',
    );
    expect(screen.queryByTestId('architecture-config-problems')).toBeNull();
  });

  it('should list invalid configuration values and show the doc with the defaults', async () => {
    await renderCard(mockApi({ [DOC_URL]: CHECKOUT_DOC }), {
      architectureDocs: {
        coverage: { concurrency: 'lots' },
        sections: 42,
        fetch: { timeoutMs: 'soon' },
      },
    });
    await waitForLoaded();
    const problems = screen.getByTestId('architecture-config-problems');
    expect(problems).toHaveTextContent(
      'Configuration problems (defaults used instead):',
    );
    expect(
      Array.from(problems.querySelectorAll('li'), item => item.textContent),
    ).toEqual([
      'architectureDocs.sections must be a list of sections, got 42; using the template instead.',
      'architectureDocs.fetch.timeoutMs must be a whole number above 0, got "soon"; using 10000.',
      'architectureDocs.coverage.concurrency must be a whole number above 0, got "lots"; using 6.',
    ]);
    expect(screen.getByTestId('completeness-present')).toHaveTextContent(
      '2 of 12 sections present',
    );
  });

  it('should name an annotation setting that cannot be used and read the default annotation instead', async () => {
    await renderCard(mockApi({ [DOC_URL]: CHECKOUT_DOC }), {
      architectureDocs: { annotation: ['a', 'b'] },
    });
    const problems = await screen.findByTestId('architecture-config-problems');
    expect(problems).toHaveTextContent(
      'architectureDocs.annotation must be a non-empty string, got a list; using "architecture-docs/ref".',
    );
    await waitForLoaded();
  });

  it('should say why an organisation template cannot be used and score against the built-in one', async () => {
    await renderCard(mockApi({ [DOC_URL]: CHECKOUT_DOC }), {
      architectureDocs: { templateUrl: `${BASE}/templates/Missing.md` },
    });
    await waitForLoaded();
    expect(
      await screen.findByTestId('architecture-config-problems'),
    ).toHaveTextContent(
      `The template at ${BASE}/templates/Missing.md cannot be used`,
    );
    expect(screen.getByTestId('completeness-present')).toHaveTextContent(
      '2 of 12 sections present',
    );
  });
});
