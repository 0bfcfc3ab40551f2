import type { ReactNode } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { configApiRef, type ConfigApi } from '@backstage/core-plugin-api';
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
import { EntityArchitectureDocContent } from './EntityArchitectureDocContent';

jest.mock('../MermaidDiagram', () => ({
  MermaidDiagram: (props: { source: string }) => (
    <div data-testid="mermaid-stub">{props.source}</div>
  ),
}));

const BASE = 'https://docs.example.com';

function component(name: string, ref?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': `url:${BASE}/${name}/catalog-info.yaml`,
        ...(ref ? { 'architecture-docs/ref': ref } : {}),
      },
    },
    spec: {
      type: 'service',
      owner: 'team',
      lifecycle: 'production',
      system: 'shop',
    },
  };
}

const checkout = component('checkout', './docs/architecture/Checkout.md');
const payments = component('payments', './docs/architecture/Payments.md');

const CHECKOUT_DOC = `# Checkout architecture

_Related: [Payments](../../../payments/docs/architecture/Payments.md)_

## Purpose

Takes orders from the web shop and hands them to payments.

## Responsibilities

| Responsibility | Details | Contracts/tests |
| --- | --- | --- |
| Orders | Accepts orders | [Order contract](../contracts/Orders.md) |

## Operational flow

\`\`\`mermaid
sequenceDiagram
  Shop->>Checkout: order
\`\`\`

See [the spec](https://example.com/spec), [gone](../contracts/Gone.md) and [bad](javascript:alert(1)).
`;

function mockApi(
  files: Record<string, string | ArchitectureDocError>,
): jest.Mocked<ArchitectureDocsApi> {
  const get = async (url: string) => {
    const file = files[url.split('#')[0]];
    if (file === undefined)
      throw new ArchitectureDocError('not-found', `${url} not found`, { url });
    if (file instanceof ArchitectureDocError) throw file;
    return { url, content: file, editUrl: `${url}?edit` };
  };
  return {
    getDocLocation: jest.fn((entity: Entity) => {
      const ref = entity.metadata.annotations?.['architecture-docs/ref'];
      if (!ref)
        throw new ArchitectureDocError('no-annotation', 'no annotation');
      const url = new URL(
        ref,
        `${BASE}/${entity.metadata.name}/catalog-info.yaml`,
      ).href;
      return { ref, url, createUrl: `${url}?new` };
    }),
    getEntityDoc: jest.fn(async (entity: Entity) => {
      const ref = entity.metadata.annotations!['architecture-docs/ref'];
      return get(
        new URL(ref, `${BASE}/${entity.metadata.name}/catalog-info.yaml`).href,
      );
    }),
    getDoc: jest.fn(get),
    resolveLink: jest.fn(
      (target: string, base: string) => new URL(target, base).href,
    ),
    getViewUrl: jest.fn((url: string) => `${url}?view`),
    signIn: jest.fn(async (_url: string) => {}),
  };
}

async function renderTab(
  entity: Entity,
  api: jest.Mocked<ArchitectureDocsApi>,
  config: object | ConfigApi = {},
  catalogApi: InMemoryCatalogClient = new InMemoryCatalogClient({
    entities: [checkout, payments],
  }),
) {
  const configApi =
    'getOptional' in config
      ? (config as ConfigApi)
      : mockApis.config({ data: config });
  const wrap = (children: ReactNode) => (
    <TestApiProvider
      apis={[
        [architectureDocsApiRef, api],
        [catalogApiRef, catalogApi],
        [configApiRef, configApi],
      ]}
    >
      <EntityProvider entity={entity}>{children}</EntityProvider>
    </TestApiProvider>
  );
  return renderInTestApp(wrap(<EntityArchitectureDocContent />), {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

function state() {
  return screen
    .getByTestId('architecture-doc-state')
    .getAttribute('data-state');
}

describe('EntityArchitectureDocContent', () => {
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
          <EntityArchitectureDocContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    expect(screen.getByTestId('architecture-docs-view-failed')).toHaveAttribute(
      'data-view',
      'tab',
    );
    expect(
      screen.getByText(/The architecture doc could not be shown/),
    ).toBeInTheDocument();
    consoleError.mockRestore();
  });

  it('should explain the missing annotation with the snippet to add', async () => {
    await renderTab(component('bare'), mockApi({}));
    expect(state()).toBe('no-annotation');
    expect(screen.getByText('No architecture doc linked')).toBeInTheDocument();
    expect(screen.getByTestId('architecture-doc-state')).toHaveTextContent(
      'architecture-docs/ref: ./docs/architecture/<Component>.md',
    );
  });

  it('should show a loading state while the doc is fetched', async () => {
    const api = mockApi({});
    api.getEntityDoc.mockReturnValue(new Promise(() => {}));
    await renderTab(checkout, api);
    expect(state()).toBe('loading');
  });

  it('should offer to create a doc that does not exist, with the annotation', async () => {
    await renderTab(checkout, mockApi({}));
    await waitFor(() => expect(state()).toBe('not-found'));
    expect(
      screen.getByRole('link', { name: 'Create from template' }),
    ).toHaveAttribute(
      'href',
      `${BASE}/checkout/docs/architecture/Checkout.md?new`,
    );
    expect(screen.getByTestId('architecture-doc-state')).toHaveTextContent(
      'architecture-docs/ref: ./docs/architecture/Checkout.md',
    );
  });

  it('should ask to sign in to the host on 401/403 and retry after signing in', async () => {
    const url = `${BASE}/checkout/docs/architecture/Checkout.md`;
    const files: Record<string, string | ArchitectureDocError> = {
      [url]: new ArchitectureDocError(
        'sign-in-needed',
        'The host answered 401.',
        { url, host: 'docs.example.com', status: 401 },
      ),
    };
    const api = mockApi(files);
    api.signIn.mockImplementation(async () => {
      files[url] = CHECKOUT_DOC;
    });
    await renderTab(checkout, api);
    await waitFor(() => expect(state()).toBe('sign-in-needed'));
    expect(api.signIn).not.toHaveBeenCalled();
    await userEvent.click(
      screen.getByRole('button', { name: 'Sign in to docs.example.com' }),
    );
    expect(api.signIn).toHaveBeenCalledWith(url);
    expect(
      await screen.findByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });

  it.each([
    [
      'failed',
      new ArchitectureDocError('failed', 'The host answered 500.'),
      'The architecture doc could not be loaded',
    ],
    [
      'timeout',
      new ArchitectureDocError('timeout', 'slow'),
      'The doc took longer than 10 s to load',
    ],
    [
      'too-large',
      new ArchitectureDocError('too-large', 'big'),
      'The doc is larger than the 1 MiB limit',
    ],
    [
      'unexpected-content',
      new ArchitectureDocError('unexpected-content', 'HTML answered.'),
      'The location does not serve a markdown doc',
    ],
  ])('should explain the %s state', async (kind, error, title) => {
    await renderTab(
      checkout,
      mockApi({ [`${BASE}/checkout/docs/architecture/Checkout.md`]: error }),
    );
    await waitFor(() => expect(state()).toBe(kind));
    expect(screen.getByTestId('architecture-doc-state')).toHaveTextContent(
      title,
    );
  });

  it('should not render a doc past a render limit, say which limit, and show the same score as the command-line check', async () => {
    const parts = Array.from({ length: 1001 }, (_, k) => `## Part ${k}`).join(
      '\n\n',
    );
    const doc = `# Checkout architecture\n\n## Purpose\n\nTakes orders from the web shop.\n\n${parts}\n`;
    await renderTab(
      checkout,
      mockApi({ [`${BASE}/checkout/docs/architecture/Checkout.md`]: doc }),
    );
    const notice = await screen.findByTestId(
      'too-complex',
      {},
      { timeout: 20_000 },
    );
    expect(notice).toHaveTextContent('The doc is too complex to show here');
    expect(notice).toHaveTextContent(
      'It holds 1,003 headings; the entity page shows docs with up to 1,000',
    );
    expect(
      screen.queryByRole('heading', { name: 'Part 0' }),
    ).not.toBeInTheDocument();
    const cli = analyzeArchitectureDoc(doc, {
      path: 'checkout/docs/architecture/Checkout.md',
    });
    expect(cli.score).toBeGreaterThan(0);
    expect(screen.getByTestId('completeness-score')).toHaveAttribute(
      'data-score',
      String(cli.score),
    );
  }, 30_000);

  it('should give a doc past the analysis bound no score, as the command-line check does', async () => {
    const doc = `# Checkout architecture\n\n## Purpose\n\n${'https://e.com/a '.repeat(20_000)}\n`;
    await renderTab(
      checkout,
      mockApi({ [`${BASE}/checkout/docs/architecture/Checkout.md`]: doc }),
    );
    await waitFor(() => expect(state()).toBe('too-large'), { timeout: 20_000 });
    expect(screen.getByTestId('too-complex')).toHaveAttribute(
      'data-kind',
      'work',
    );
    expect(screen.getByTestId('architecture-doc-state')).toHaveTextContent(
      'It has no score here',
    );
    expect(screen.queryByTestId('completeness-score')).not.toBeInTheDocument();
  }, 30_000);

  it('should retry a failed fetch', async () => {
    const url = `${BASE}/checkout/docs/architecture/Checkout.md`;
    const files: Record<string, string | ArchitectureDocError> = {
      [url]: new ArchitectureDocError('failed', 'down'),
    };
    const api = mockApi(files);
    await renderTab(checkout, api);
    await waitFor(() => expect(state()).toBe('failed'));
    files[url] = CHECKOUT_DOC;
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });

  it('should say when the doc is empty', async () => {
    await renderTab(
      checkout,
      mockApi({ [`${BASE}/checkout/docs/architecture/Checkout.md`]: '  \n' }),
    );
    await waitFor(() => expect(state()).toBe('empty'));
    expect(
      screen.getByText('The architecture doc is empty'),
    ).toBeInTheDocument();
  });

  it('should warn when the file is not an architecture doc, and still show it', async () => {
    await renderTab(
      checkout,
      mockApi({
        [`${BASE}/checkout/docs/architecture/Checkout.md`]:
          '# Groceries\n\n- milk\n',
      }),
    );
    await waitFor(() => expect(state()).toBe('not-architecture-doc'));
    expect(
      screen.getByRole('heading', { name: /Groceries/ }),
    ).toBeInTheDocument();
  });

  it('should show configuration problems without failing', async () => {
    await renderTab(
      checkout,
      mockApi({
        [`${BASE}/checkout/docs/architecture/Checkout.md`]: CHECKOUT_DOC,
      }),
      {
        architectureDocs: { fetch: { timeoutMs: -5 } },
      },
    );
    expect(
      await screen.findByTestId('architecture-config-problems'),
    ).toHaveTextContent('timeoutMs');
    expect(
      await screen.findByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });

  it('should list every invalid value, at any depth, and use the defaults', async () => {
    await renderTab(
      checkout,
      mockApi({
        [`${BASE}/checkout/docs/architecture/Checkout.md`]: CHECKOUT_DOC,
      }),
      {
        architectureDocs: {
          sections: [{ title: 'Purpose', weight: 'heavy' }],
          coverage: 'all',
          fetch: { mode: 7 },
        },
      },
    );
    const problems = await screen.findByTestId('architecture-config-problems');
    expect(
      Array.from(problems.querySelectorAll('li'), item => item.textContent),
    ).toEqual([
      'architectureDocs.sections[0].weight must be a number of 0 or more, got "heavy"; using 1.',
      'architectureDocs.fetch.mode must be "scm" or "proxy", got 7; using "scm".',
      'architectureDocs.coverage must be an object, got "all"; using the defaults for its keys.',
    ]);
    expect(
      await screen.findByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });

  it('should show the doc when the configuration cannot be read at all', async () => {
    const configApi = mockApis.config();
    jest.spyOn(configApi, 'getOptional').mockImplementation(() => {
      throw new Error('Invalid type in config for key architectureDocs');
    });
    await renderTab(
      checkout,
      mockApi({
        [`${BASE}/checkout/docs/architecture/Checkout.md`]: CHECKOUT_DOC,
      }),
      configApi,
    );
    expect(
      await screen.findByTestId('architecture-config-problems'),
    ).toHaveTextContent(
      'architectureDocs could not be read (Error: Invalid type in config for key architectureDocs); using the defaults.',
    );
    expect(
      await screen.findByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });

  describe('with the doc loaded', () => {
    const files = {
      [`${BASE}/checkout/docs/architecture/Checkout.md`]: CHECKOUT_DOC,
      [`${BASE}/payments/docs/architecture/Payments.md`]: '# Payments\n',
      [`${BASE}/checkout/docs/contracts/Orders.md`]: '# Orders contract\n',
    };

    it('should render the doc with its diagram and missing-section callouts', async () => {
      await renderTab(checkout, mockApi(files));
      expect(
        await screen.findByRole('heading', { name: /Checkout architecture/ }),
      ).toBeInTheDocument();
      expect(screen.getByTestId('mermaid-stub')).toHaveTextContent(
        'Shop->>Checkout: order',
      );
      expect(screen.getAllByTestId('missing-section-callout').length).toBe(9);
      expect(screen.getByTestId('section-checklist')).toBeInTheDocument();
    });

    it("should list the diagram's participants with their entities, read with Mermaid's parser", async () => {
      await renderTab(checkout, mockApi(files));
      const list = await screen.findByTestId('diagram-systems');
      await waitFor(
        () =>
          expect(list.querySelectorAll('li[data-participant]')).toHaveLength(2),
        { timeout: 20_000 },
      );
      const shop = list.querySelector<HTMLElement>(
        '[data-participant="Shop"]',
      )!;
      expect(shop).toHaveTextContent('not in the catalog');
      const own = list.querySelector<HTMLElement>(
        '[data-participant="Checkout"]',
      )!;
      expect(within(own).getByRole('link')).toHaveAttribute(
        'href',
        '/catalog/default/component/checkout/architecture',
      );
    }, 30_000);

    it('should match a participant through the diagramEntities map', async () => {
      await renderTab(checkout, mockApi(files), {
        architectureDocs: { diagramEntities: { Shop: 'component:payments' } },
      });
      const list = await screen.findByTestId('diagram-systems');
      await waitFor(
        () =>
          expect(
            list.querySelector('[data-participant="Shop"]'),
          ).toHaveAttribute('data-entity-ref', 'component:default/payments'),
        { timeout: 20_000 },
      );
    }, 30_000);

    it("should rewrite a link to another entity's doc to that entity's architecture tab", async () => {
      await renderTab(checkout, mockApi(files));
      const doc = await screen.findByTestId('architecture-markdown');
      await waitFor(() =>
        expect(
          within(doc).getByRole('link', { name: 'Payments' }),
        ).toHaveAttribute(
          'href',
          '/catalog/default/component/payments/architecture',
        ),
      );
    });

    it('should show the doc, with links to the host, when the catalog cannot say who owns docs', async () => {
      const failing = new InMemoryCatalogClient({
        entities: [checkout, payments],
      });
      jest
        .spyOn(failing, 'queryEntities')
        .mockRejectedValue(new Error('catalog unavailable'));
      const consoleError = jest.spyOn(console, 'error');
      const api = mockApi(files);
      await renderTab(checkout, api, {}, failing);
      const doc = await screen.findByTestId('architecture-markdown');
      await waitFor(() =>
        expect(
          within(doc).getByRole('link', { name: /^gone/ }),
        ).toHaveAttribute('data-broken', 'true'),
      );
      expect(
        within(doc).getByRole('link', { name: /^Payments/ }),
      ).toHaveAttribute(
        'href',
        `${BASE}/payments/docs/architecture/Payments.md?view`,
      );
      // Each link target is checked once, not again on every render.
      const checks = api.getDoc.mock.calls.length;
      await new Promise(resolve => setTimeout(resolve, 200));
      expect(api.getDoc.mock.calls.length).toBe(checks);
      expect(
        consoleError.mock.calls.filter(([message]) =>
          /Maximum update depth/.test(String(message)),
        ),
      ).toEqual([]);
      consoleError.mockRestore();
    });

    it('should render the doc while the owner lookup is pending and route the link when it answers', async () => {
      const catalogApi = new InMemoryCatalogClient({
        entities: [checkout, payments],
      });
      const query = catalogApi.queryEntities.bind(catalogApi);
      let answer: () => void = () => {};
      const answered = new Promise<void>(resolve => {
        answer = resolve;
      });
      jest
        .spyOn(catalogApi, 'queryEntities')
        .mockImplementation(async request => {
          await answered;
          return query(request);
        });
      await renderTab(checkout, mockApi(files), {}, catalogApi);
      // The first render of a file warms up the renderer, whose time varies with the machine.
      const doc = await screen.findByTestId(
        'architecture-markdown',
        {},
        { timeout: 10_000 },
      );
      expect(
        within(doc).getByRole('link', { name: /^Payments/ }),
      ).toHaveAttribute(
        'href',
        `${BASE}/payments/docs/architecture/Payments.md?view`,
      );
      answer();
      await waitFor(() =>
        expect(
          within(doc).getByRole('link', { name: 'Payments' }),
        ).toHaveAttribute(
          'href',
          '/catalog/default/component/payments/architecture',
        ),
      );
    }, 30_000);

    it('should reuse the owners a previous mount looked up', async () => {
      const catalogApi = new InMemoryCatalogClient({
        entities: [checkout, payments],
      });
      const queryEntities = jest.spyOn(catalogApi, 'queryEntities');
      const getEntities = jest.spyOn(catalogApi, 'getEntities');
      const first = await renderTab(checkout, mockApi(files), {}, catalogApi);
      await waitFor(() =>
        expect(
          within(screen.getByTestId('architecture-markdown')).getByRole(
            'link',
            { name: 'Payments' },
          ),
        ).toHaveAttribute(
          'href',
          '/catalog/default/component/payments/architecture',
        ),
      );
      const asked = queryEntities.mock.calls.length;
      first.unmount();
      await renderTab(checkout, mockApi(files), {}, catalogApi);
      const doc = await screen.findByTestId('architecture-markdown');
      expect(
        within(doc).getByRole('link', { name: 'Payments' }),
      ).toHaveAttribute(
        'href',
        '/catalog/default/component/payments/architecture',
      );
      expect(queryEntities.mock.calls.length).toBe(asked);
      // Only the bounded look-up of the diagrams' participants, never a list of the whole catalog.
      for (const [request] of getEntities.mock.calls)
        expect(request?.filter).toBeDefined();
    });

    it('should send other relative links to the file on its host', async () => {
      await renderTab(checkout, mockApi(files));
      const doc = await screen.findByTestId('architecture-markdown');
      expect(
        within(doc).getByRole('link', { name: /^Order contract/ }),
      ).toHaveAttribute(
        'href',
        `${BASE}/checkout/docs/contracts/Orders.md?view`,
      );
      expect(
        within(doc).getByRole('link', { name: /^the spec/ }),
      ).toHaveAttribute('href', 'https://example.com/spec?view');
    });

    it('should mark a link whose target is not found as broken', async () => {
      await renderTab(checkout, mockApi(files));
      const doc = await screen.findByTestId('architecture-markdown');
      await waitFor(() =>
        expect(
          within(doc).getByRole('link', { name: /^gone/ }),
        ).toHaveAttribute('data-broken', 'true'),
      );
      expect(
        within(doc).getByRole('link', { name: /^Order contract/ }),
      ).not.toHaveAttribute('data-broken');
    });

    it('should never render a javascript: link as a link', async () => {
      await renderTab(checkout, mockApi(files));
      const doc = await screen.findByTestId('architecture-markdown');
      expect(within(doc).queryByRole('link', { name: 'bad' })).toBeNull();
      expect(within(doc).getByText('bad')).toBeInTheDocument();
    });

    describe('with malformed percent-encoding', () => {
      const MALFORMED = ['%E0%A4%A', '%', '%zz'];

      afterEach(() => window.history.replaceState(null, '', '/'));

      it.each(MALFORMED)(
        'should render a doc whose links carry the fragment #%s',
        async fragment => {
          const doc = `${CHECKOUT_DOC}\nJump to [here](#${fragment}) or [the order rules](../contracts/Orders.md#${fragment}).\n`;
          const api = mockApi({
            ...files,
            [`${BASE}/checkout/docs/architecture/Checkout.md`]: doc,
          });
          await renderTab(checkout, api);
          const rendered = await screen.findByTestId('architecture-markdown');
          const anchor = within(rendered).getByRole('link', { name: 'here' });
          // The renderer re-encodes a lone `%`; the fragment stays an in-page link.
          expect(anchor.getAttribute('href')).toMatch(/^#/);
          await userEvent.click(anchor);
          expect(
            within(rendered).getByRole('link', { name: /^the order rules/ }),
          ).toBeInTheDocument();
          expect(
            screen.getByTestId('architecture-markdown'),
          ).toBeInTheDocument();
        },
      );

      it.each(MALFORMED)(
        'should render the doc when the page URL ends in #%s',
        async fragment => {
          window.history.replaceState(null, '', `/#${fragment}`);
          await renderTab(checkout, mockApi(files));
          expect(
            await screen.findByRole('heading', {
              name: /Checkout architecture/,
            }),
          ).toBeInTheDocument();
          expect(
            screen.getByTestId('architecture-markdown'),
          ).toBeInTheDocument();
        },
      );

      it.each(MALFORMED)(
        'should render the doc an annotation with %s points at',
        async encoded => {
          const entity = component(
            'checkout',
            `./docs/architecture/${encoded}.md`,
          );
          const url = `${BASE}/checkout/docs/architecture/${encoded}.md`;
          const api = mockApi({ ...files, [url]: CHECKOUT_DOC });
          await renderTab(entity, api);
          expect(
            await screen.findByRole('heading', {
              name: /Checkout architecture/,
            }),
          ).toBeInTheDocument();
          expect(api.getEntityDoc).toHaveBeenCalled();
        },
      );
    });

    it('should offer an edit link to the doc on its host', async () => {
      await renderTab(checkout, mockApi(files));
      await screen.findByTestId('architecture-markdown');
      expect(screen.getAllByRole('link', { name: /Edit/ })[0]).toHaveAttribute(
        'href',
        `${BASE}/checkout/docs/architecture/Checkout.md?edit`,
      );
    });
  });
});
