import type { ReactNode } from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { configApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
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
  analyzeArchitectureDoc,
  type IndexedEntityDocResponse,
} from 'backstage-plugin-architecture-docs-common';
import {
  architectureDocsApiRef,
  architectureDocsBackendApiRef,
  type ArchitectureDocsApi,
  type ArchitectureDocsBackendApi,
} from '../../api';
import { mockArchitectureDocsApi } from '../../testing/mockArchitectureDocsApi';
import { mockArchitectureDocsBackendApi } from '../../testing/mockArchitectureDocsBackendApi';
import { deferred } from '../../testing/deferred';
import { testComponent } from '../../testing/testComponent';
import { EntityArchitectureDocCard } from '../EntityArchitectureDocCard';
import { EntityArchitectureDocContent } from './EntityArchitectureDocContent';

jest.mock('../MermaidDiagram', () => ({
  MermaidDiagram: (props: { source: string }) => (
    <div data-testid="mermaid-stub">{props.source}</div>
  ),
}));

const DOC_URL =
  'https://docs.example.com/checkout/docs/architecture/Checkout.md';
const checkout = testComponent('checkout', {
  'architecture-docs/ref': './docs/architecture/Checkout.md',
});

const SOURCE = `# Checkout architecture

## Purpose

Takes orders from the web shop and hands them to payments.

## Operational flow

\`\`\`mermaid
sequenceDiagram
  Shop->>Checkout: order
\`\`\`

See [the contract](../contracts/Orders.md).
`;

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

function indexedDoc(
  overrides: Partial<IndexedEntityDocResponse> = {},
): IndexedEntityDocResponse {
  return {
    entityRef: 'component:default/checkout',
    status: 'analysed',
    docUrl: DOC_URL,
    source: SOURCE,
    report: analyzeArchitectureDoc(SOURCE, {
      path: 'checkout/docs/architecture/Checkout.md',
    }),
    fetchedAt: minutesAgo(3),
    changedAt: minutesAgo(600),
    indexedAt: minutesAgo(12),
    ...overrides,
  };
}

/** A docs API whose location is the annotation's URL; it fetches nothing. */
function docsApi(): jest.Mocked<ArchitectureDocsApi> {
  const api = mockArchitectureDocsApi();
  api.getDocLocation.mockImplementation(() => ({
    ref: './docs/architecture/Checkout.md',
    url: DOC_URL,
    editUrl: `${DOC_URL}?edit`,
  }));
  return api;
}

function serverError(status: number, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        request: { method: 'GET', url: '/' },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );
}

async function render(
  view: ReactNode,
  options: {
    api?: jest.Mocked<ArchitectureDocsApi>;
    backendApi?: ArchitectureDocsBackendApi;
    config?: object;
  } = {},
) {
  const api = options.api ?? docsApi();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [architectureDocsApiRef, api],
        [catalogApiRef, new InMemoryCatalogClient({ entities: [checkout] })],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
        ...(options.backendApi
          ? [[architectureDocsBackendApiRef, options.backendApi] as const]
          : []),
      ]}
    >
      <EntityProvider entity={checkout}>{view}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return api;
}

function state() {
  return screen
    .getByTestId('architecture-doc-state')
    .getAttribute('data-state');
}

describe('EntityArchitectureDocContent with the backend', () => {
  it('should render the indexed source and report without fetching the doc or asking to sign in', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockResolvedValue(indexedDoc());
    const api = await render(<EntityArchitectureDocContent />, { backendApi });
    expect(
      await screen.findByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('mermaid-stub')).toHaveTextContent(
      'Shop->>Checkout: order',
    );
    expect(screen.getByTestId('completeness-score')).toHaveAttribute(
      'data-score',
      String(indexedDoc().report!.score),
    );
    expect(screen.getByTestId('index-freshness')).toHaveTextContent(
      'Indexed 12 minutes ago · Read 3 minutes ago',
    );
    expect(backendApi.getEntityDoc).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout',
    });
    expect(api.getEntityDoc).not.toHaveBeenCalled();
    expect(api.getDoc).not.toHaveBeenCalled();
    expect(api.signIn).not.toHaveBeenCalled();
  });

  it('should show a loading state while the backend answers', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockReturnValue(new Promise(() => {}));
    await render(<EntityArchitectureDocContent />, { backendApi });
    await waitFor(() => expect(state()).toBe('loading'));
  });

  it('should say that the report is from an earlier read, and why', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockResolvedValue(
      indexedDoc({
        stale: {
          kind: 'timeout',
          message: 'The host did not answer within 10 s.',
          at: minutesAgo(5),
        },
      }),
    );
    await render(<EntityArchitectureDocContent />, { backendApi });
    const notice = await screen.findByTestId('stale-report');
    expect(notice).toHaveAttribute('data-kind', 'timeout');
    expect(notice).toHaveTextContent(
      'The last read (5 minutes ago) failed: The host did not answer within 10 s.',
    );
    expect(
      screen.getByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });

  it('should explain a 503 as the index being unavailable, with a retry', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockRejectedValueOnce(
      await serverError(503, 'The index database is unavailable'),
    );
    backendApi.getEntityDoc.mockResolvedValue(indexedDoc());
    await render(<EntityArchitectureDocContent />, { backendApi });
    await waitFor(() => expect(state()).toBe('failed'));
    expect(screen.getByTestId('architecture-doc-state')).toHaveTextContent(
      'The architecture docs index is unavailable right now (the backend answered 503)',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });

  it('should say the doc is not indexed yet, and show it after "Read now"', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockRejectedValue(
      await serverError(404, 'Not indexed'),
    );
    const read = deferred<IndexedEntityDocResponse>();
    backendApi.refreshEntityDoc.mockReturnValue(read.promise);
    await render(<EntityArchitectureDocContent />, { backendApi });
    await waitFor(() => expect(state()).toBe('not-indexed'));
    expect(screen.getByTestId('index-freshness')).toHaveTextContent(
      'Not indexed yet',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Read now' }));
    expect(
      screen.getByRole('button', { name: 'Reading the doc…' }),
    ).toBeDisabled();
    read.resolve(indexedDoc({ fetchedAt: minutesAgo(0) }));
    expect(
      await screen.findByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
    expect(backendApi.refreshEntityDoc).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('index-freshness')).toHaveTextContent('Read now');
  });

  it('should keep the shown doc and say so when "Read now" fails', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockResolvedValue(indexedDoc());
    backendApi.refreshEntityDoc.mockRejectedValue(
      await serverError(503, 'The index database is unavailable'),
    );
    await render(<EntityArchitectureDocContent />, { backendApi });
    await screen.findByRole('heading', { name: /Checkout architecture/ });
    await userEvent.click(screen.getByRole('button', { name: 'Read now' }));
    expect(
      await screen.findByText(
        /The doc could not be read again: The architecture docs index is unavailable/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: /Checkout architecture/ }),
    ).toBeInTheDocument();
  });

  it('should show the stored failure of the last read when there is no report', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockResolvedValue(
      indexedDoc({
        status: 'not-found',
        source: undefined,
        report: undefined,
        error: {
          kind: 'not-found',
          message: 'docs.example.com has no file there.',
          at: minutesAgo(1),
        },
      }),
    );
    await render(<EntityArchitectureDocContent />, { backendApi });
    await waitFor(() => expect(state()).toBe('not-found'));
    expect(
      screen.queryByRole('button', { name: /Sign in/ }),
    ).not.toBeInTheDocument();
  });
});

describe('EntityArchitectureDocContent source switch', () => {
  it('should read from the backend in auto mode when the backend answers', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockResolvedValue(indexedDoc());
    const api = await render(<EntityArchitectureDocContent />, { backendApi });
    await screen.findByRole('heading', { name: /Checkout architecture/ });
    expect(backendApi.getSource).toHaveBeenCalled();
    expect(api.getEntityDoc).not.toHaveBeenCalled();
  });

  it('should fetch in the browser in auto mode when there is no backend', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getSource.mockResolvedValue('browser');
    const api = docsApi();
    api.getEntityDoc.mockResolvedValue({ url: DOC_URL, content: SOURCE });
    await render(<EntityArchitectureDocContent />, { api, backendApi });
    await screen.findByRole('heading', { name: /Checkout architecture/ });
    expect(api.getEntityDoc).toHaveBeenCalledTimes(1);
    expect(backendApi.getEntityDoc).not.toHaveBeenCalled();
    expect(screen.queryByTestId('index-freshness')).not.toBeInTheDocument();
  });

  it('should never ask the backend when the source is browser', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    const api = docsApi();
    api.getEntityDoc.mockResolvedValue({ url: DOC_URL, content: SOURCE });
    await render(<EntityArchitectureDocContent />, {
      api,
      backendApi,
      config: { architectureDocs: { source: 'browser' } },
    });
    await screen.findByRole('heading', { name: /Checkout architecture/ });
    expect(backendApi.getSource).not.toHaveBeenCalled();
    expect(backendApi.getEntityDoc).not.toHaveBeenCalled();
  });

  it('should say so when the source is backend and the backend cannot be reached, never fetching in the browser', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockRejectedValue(
      new Error(
        'The architecture docs backend at http://localhost/api/architecture-docs could not be reached (fetch failed).',
      ),
    );
    const api = await render(<EntityArchitectureDocContent />, {
      backendApi,
      config: { architectureDocs: { source: 'backend' } },
    });
    await waitFor(() => expect(state()).toBe('failed'));
    expect(screen.getByTestId('architecture-doc-state')).toHaveTextContent(
      'could not be reached',
    );
    expect(backendApi.getSource).not.toHaveBeenCalled();
    expect(api.getEntityDoc).not.toHaveBeenCalled();
  });
});

describe('EntityArchitectureDocContent without a usable backend', () => {
  it('should say so when the source is backend and the app provides no backend API', async () => {
    const api = await render(<EntityArchitectureDocContent />, {
      config: { architectureDocs: { source: 'backend' } },
    });
    expect(state()).toBe('backend-unavailable');
    expect(screen.getByTestId('architecture-doc-state')).toHaveTextContent(
      'The architecture docs backend could not be used',
    );
    expect(api.getEntityDoc).not.toHaveBeenCalled();
  });
});

describe('EntityArchitectureDocCard with the backend', () => {
  it('should show the indexed score and when it was indexed, without fetching the doc', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockResolvedValue(indexedDoc());
    const api = await render(<EntityArchitectureDocCard />, { backendApi });
    await waitFor(() =>
      expect(screen.getByTestId('architecture-doc-card')).toHaveAttribute(
        'data-state',
        'loaded',
      ),
    );
    expect(screen.getByTestId('completeness-score')).toHaveAttribute(
      'data-score',
      String(indexedDoc().report!.score),
    );
    expect(screen.getByTestId('index-freshness')).toHaveTextContent(
      'Indexed 12 minutes ago',
    );
    expect(api.getEntityDoc).not.toHaveBeenCalled();
  });

  it('should say the doc is not indexed yet', async () => {
    const backendApi = mockArchitectureDocsBackendApi();
    backendApi.getEntityDoc.mockRejectedValue(
      await serverError(404, 'Not indexed'),
    );
    await render(<EntityArchitectureDocCard />, { backendApi });
    expect(
      await screen.findByText('This doc has not been indexed yet'),
    ).toBeInTheDocument();
  });
});
