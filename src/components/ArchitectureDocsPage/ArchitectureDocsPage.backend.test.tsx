import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import { configApiRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type {
  CoverageHistoryResponse,
  CoverageRowsResponse,
  CoverageSummaryResponse,
  IndexedCoverageRow,
} from 'backstage-plugin-architecture-docs-common';
import {
  architectureDocsApiRef,
  architectureDocsBackendApiRef,
  type ArchitectureDocsBackendApi,
} from '../../api';
import { mockArchitectureDocsApi } from '../../testing/mockArchitectureDocsApi';
import { mockArchitectureDocsBackendApi } from '../../testing/mockArchitectureDocsBackendApi';
import { downloadCsv } from '../../coverage/download-csv';
import { ArchitectureDocsPage } from './ArchitectureDocsPage';

jest.mock('../../coverage/download-csv', () => ({ downloadCsv: jest.fn() }));

// Backstage's table renders slowly in jsdom: a page change re-renders every row.
jest.setTimeout(20_000);

const SECTIONS = [
  { id: 'purpose', title: 'Purpose' },
  { id: 'context', title: 'Context' },
];

const minutesAgo = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

function row(
  name: string,
  overrides: Partial<IndexedCoverageRow> = {},
): IndexedCoverageRow {
  return {
    entityRef: `component:default/${name}`,
    kind: 'Component',
    namespace: 'default',
    name,
    title: name,
    owner: 'team-a',
    system: 'shop',
    lifecycle: 'production',
    status: 'analysed',
    docUrl: `https://docs.example.com/${name}.md`,
    score: 50,
    sectionStatus: { purpose: 'present', context: 'missing' },
    missing: ['context'],
    placeholder: [],
    brokenLinks: 0,
    isArchitectureDoc: true,
    fetchedAt: minutesAgo(20),
    changedAt: minutesAgo(600),
    ...overrides,
  } as IndexedCoverageRow;
}

/** A backend that serves `all` rows in pages, as the real one does. */
function backend(
  all: IndexedCoverageRow[],
  options: {
    indexedAt?: string | null;
    history?: CoverageHistoryResponse;
  } = {},
): jest.Mocked<ArchitectureDocsBackendApi> {
  const indexedAt =
    options.indexedAt === undefined ? minutesAgo(12) : options.indexedAt;
  const api = mockArchitectureDocsBackendApi();
  api.getStatus.mockResolvedValue({ indexedAt, docs: all.length });
  api.getCoverage.mockImplementation(
    async (_filters, page): Promise<CoverageRowsResponse> => ({
      rows: all.slice(page.offset, page.offset + page.limit),
      totalCount: all.length,
      offset: page.offset,
      limit: page.limit,
      indexedAt,
      templateSections: SECTIONS,
    }),
  );
  const summary: CoverageSummaryResponse = {
    statusCounts: {
      analysed: all.length,
      'no-annotation': 0,
      'not-found': 0,
      'sign-in-needed': 0,
      error: 0,
      pending: 0,
    },
    averageScore: 50,
    sections: [
      {
        id: 'purpose',
        title: 'Purpose',
        present: all.length,
        placeholder: 0,
        missing: 0,
      },
      {
        id: 'context',
        title: 'Context',
        present: 0,
        placeholder: 0,
        missing: all.length,
      },
    ],
    byOwner: [],
    indexedAt,
  };
  api.getCoverageSummary.mockResolvedValue(summary);
  api.getCoverageHistory.mockResolvedValue(
    options.history ?? { points: [], templateSections: SECTIONS },
  );
  return api;
}

async function renderPage(
  backendApi: ArchitectureDocsBackendApi,
  route = '/architecture-docs',
) {
  const docsApi = mockArchitectureDocsApi();
  const catalogApi = new InMemoryCatalogClient({ entities: [] });
  const getEntities = jest.spyOn(catalogApi, 'getEntities');
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalogApi],
        [architectureDocsApiRef, docsApi],
        [architectureDocsBackendApiRef, backendApi],
        [configApiRef, mockApis.config()],
      ]}
    >
      <ArchitectureDocsPage />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
  return { docsApi, getEntities };
}

describe('ArchitectureDocsPage with the backend', () => {
  it('should show the backend rows and when they were indexed, fetching no doc and scanning nothing', async () => {
    const api = backend([row('checkout'), row('payments')]);
    const { docsApi, getEntities } = await renderPage(api);
    expect(
      await screen.findByRole('link', { name: 'checkout' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'payments' })).toBeInTheDocument();
    expect(screen.getByTestId('index-freshness')).toHaveTextContent(
      'Indexed 12 minutes ago',
    );
    expect(screen.getByTestId('coverage-count')).toHaveTextContent(
      '2 of 2 entities',
    );
    expect(docsApi.getDoc).not.toHaveBeenCalled();
    expect(docsApi.getEntityDoc).not.toHaveBeenCalled();
    expect(getEntities).not.toHaveBeenCalled();
    expect(screen.queryByTestId('coverage-progress')).not.toBeInTheDocument();
  });

  it('should ask the backend once for each part while the page shows them one after the other', async () => {
    const api = backend([row('checkout')]);
    await renderPage(api);
    expect(
      await screen.findByRole('link', { name: 'checkout' }),
    ).toBeInTheDocument();
    // The parts mounted after the table: the filter bar, the summary, the chart.
    expect(await screen.findByLabelText('Search')).toBeInTheDocument();
    expect(
      await screen.findByRole('list', { name: 'Section coverage' }),
    ).toBeInTheDocument();
    expect(
      await screen.findByTestId('coverage-history-empty'),
    ).toBeInTheDocument();
    // The rows' page, and one row for the unfiltered count.
    expect(api.getCoverage).toHaveBeenCalledTimes(2);
    expect(api.getCoverageSummary).toHaveBeenCalledTimes(1);
    expect(api.getCoverageHistory).toHaveBeenCalledTimes(1);
    expect(api.getStatus).toHaveBeenCalledTimes(1);
  });

  it('should show the table loading until the first page arrives', async () => {
    const api = backend([row('checkout')]);
    api.getCoverage.mockReturnValue(new Promise(() => {}));
    await renderPage(api);
    expect(
      await screen.findByRole('progressbar', { name: /Loading/ }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: 'checkout' }),
    ).not.toBeInTheDocument();
  });

  it('should show the summary and the owner view from the backend, without the section filter', async () => {
    const api = backend([row('checkout')]);
    api.getCoverageSummary.mockResolvedValue({
      ...(await api.getCoverageSummary({})),
      byOwner: [
        {
          owner: 'team-b',
          analysed: 3,
          sections: [
            {
              id: 'purpose',
              title: 'Purpose',
              present: 3,
              placeholder: 0,
              missing: 0,
            },
            {
              id: 'context',
              title: 'Context',
              present: 1,
              placeholder: 0,
              missing: 2,
            },
          ],
        },
      ],
    });
    await renderPage(api, '/architecture-docs?owner=team-b&section=context');
    const bars = await screen.findByRole('list', { name: 'Section coverage' });
    await waitFor(() =>
      expect(
        within(bars)
          .getAllByRole('listitem')
          .map(i => i.getAttribute('data-section')),
      ).toEqual(['purpose', 'context']),
    );
    expect(api.getCoverageSummary).toHaveBeenLastCalledWith({
      owner: 'team-b',
    });
    await userEvent.click(screen.getByTestId('coverage-view-owners'));
    const grid = await screen.findByTestId('owner-coverage');
    expect(grid.querySelector('[data-owner="team-b"]')).not.toBeNull();
  });

  it('should say when nothing has been indexed yet', async () => {
    await renderPage(backend([], { indexedAt: null }));
    await waitFor(() =>
      expect(screen.getByTestId('index-freshness')).toHaveTextContent(
        'Not indexed yet',
      ),
    );
  });

  it('should send the URL filters to the backend and page through it', async () => {
    const all = Array.from({ length: 45 }, (_, i) =>
      row(`svc-${String(i).padStart(2, '0')}`),
    );
    const api = backend(all);
    await renderPage(
      api,
      '/architecture-docs?owner=team-a&sort=score&dir=desc',
    );
    expect(
      await screen.findByRole('link', { name: 'svc-00' }),
    ).toBeInTheDocument();
    expect(api.getCoverage).toHaveBeenLastCalledWith(
      expect.objectContaining({ owner: 'team-a', sort: 'score' }),
      { offset: 0, limit: 20 },
    );
    expect(api.getCoverage).toHaveBeenCalledWith({}, { offset: 0, limit: 1 });
    await userEvent.click(screen.getByRole('button', { name: /next page/i }));
    // The next page's cells are rendered in a transition, in slices that
    // jsdom's scheduler runs slowly.
    expect(
      await screen.findByRole('link', { name: 'svc-20' }, { timeout: 8000 }),
    ).toBeInTheDocument();
    expect(api.getCoverage).toHaveBeenLastCalledWith(
      expect.objectContaining({ owner: 'team-a' }),
      { offset: 20, limit: 20 },
    );
    expect(
      screen.queryByRole('link', { name: 'svc-00' }),
    ).not.toBeInTheDocument();
  });

  it('should mark a row whose report is from an earlier read, and why', async () => {
    await renderPage(
      backend([
        row('checkout', {
          stale: {
            kind: 'rate-limited',
            message: 'The host asked to wait past the cycle.',
            at: minutesAgo(2),
          },
        }),
      ]),
    );
    const link = await screen.findByRole('link', { name: 'checkout' });
    const status = within(link.closest('tr')!).getByText(
      /From an earlier read; the last read failed: The host asked to wait past the cycle\./,
    );
    expect(status.closest('[data-stale]')).toHaveAttribute(
      'data-stale',
      'rate-limited',
    );
  });

  it('should explain a 503 and recover on retry', async () => {
    const api = backend([row('checkout')]);
    const unavailable = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'ServiceUnavailableError', message: 'down' },
          request: { method: 'GET', url: '/coverage' },
          response: { statusCode: 503 },
        }),
        { status: 503, headers: { 'content-type': 'application/json' } },
      ),
    );
    // The first request for the table's page fails; the count's does not.
    const serve = api.getCoverage.getMockImplementation()!;
    let failed = false;
    api.getCoverage.mockImplementation(async (filters, page) => {
      if (!failed && page.limit !== 1) {
        failed = true;
        throw unavailable;
      }
      return serve(filters, page);
    });
    await renderPage(api);
    const error = await screen.findByTestId('coverage-backend-error');
    expect(error).toHaveTextContent(
      'The architecture docs index is unavailable right now (the backend answered 503)',
    );
    await userEvent.click(within(error).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('link', { name: 'checkout' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByTestId('coverage-backend-error'),
    ).not.toBeInTheDocument();
  });

  it('should export every page of the filtered rows as CSV', async () => {
    const all = Array.from({ length: 620 }, (_, i) => row(`svc-${i}`));
    const api = backend(all);
    await renderPage(api);
    await screen.findByRole('link', { name: 'svc-0' });
    await userEvent.click(screen.getByRole('button', { name: /CSV/ }));
    await waitFor(() => expect(downloadCsv).toHaveBeenCalledTimes(1));
    const csv = jest.mocked(downloadCsv).mock.calls[0][1];
    expect(csv.trim().split('\n')).toHaveLength(621);
    expect(api.getCoverage).toHaveBeenCalledWith(
      {},
      { offset: 500, limit: 500 },
    );
  });

  it('should chart the history, with the same figures as a table', async () => {
    const api = backend([row('checkout')], {
      history: {
        templateSections: SECTIONS,
        points: [
          {
            day: '2026-12-03',
            docs: 2,
            averageScore: 40,
            sectionPresentShare: { purpose: 0.5, context: 0 },
          },
          {
            day: '2026-12-04',
            docs: 2,
            averageScore: 55.5,
            sectionPresentShare: { purpose: 1, context: 0.5 },
          },
        ],
      },
    });
    await renderPage(api, '/architecture-docs?system=shop');
    const chart = await screen.findByRole('img', {
      name: /from 2026-12-03 to 2026-12-04/,
    });
    expect(chart.querySelectorAll('[data-series]')).toHaveLength(3);
    expect(api.getCoverageHistory).toHaveBeenCalledWith({ system: 'shop' });
    const toggle = screen.getByRole('button', { name: 'Show as a table' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const table = screen.getByRole('table', {
      name: 'History of the filtered view',
    });
    const cells = within(table)
      .getAllByRole('row')
      .map(r => Array.from(r.children).map(c => c.textContent));
    expect(cells).toEqual([
      ['Day', 'Docs', 'Average score', 'Purpose (%)', 'Context (%)'],
      ['2026-12-03', '2', '40', '50', '0'],
      ['2026-12-04', '2', '56', '100', '50'],
    ]);
    expect(
      screen.getByRole('button', { name: 'Hide the table' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it("should list the backend's template problem with the configuration problems", async () => {
    const api = backend([row('checkout')]);
    api.getStatus.mockResolvedValue({
      indexedAt: minutesAgo(1),
      docs: 1,
      templateError:
        'architectureDocs.templateUrl could not be read (404); using the default template.',
    });
    await renderPage(api);
    expect(
      await screen.findByText(
        /architectureDocs\.templateUrl could not be read \(404\); using the default template\./,
      ),
    ).toBeInTheDocument();
  });

  it('should say there is no history yet', async () => {
    await renderPage(backend([row('checkout')]));
    expect(
      await screen.findByTestId('coverage-history-empty'),
    ).toHaveTextContent('No history yet');
  });
});
