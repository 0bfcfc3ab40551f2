import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
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
import { defaultTemplateModel } from 'backstage-plugin-architecture-docs-common';
import { ArchitectureDocsPage } from './ArchitectureDocsPage';
import { clearCoverageSessionCache } from '../../coverage/session-result-caches';

const BASE = 'https://docs.example.com';
const sections = defaultTemplateModel().sections;

function component(
  name: string,
  spec: Record<string, string>,
  ref?: string,
): Entity {
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
    spec: { type: 'service', ...spec },
  };
}

const DOC = './docs/architecture/Doc.md';
const entities = [
  component(
    'checkout',
    { owner: 'team-a', system: 'shop', lifecycle: 'production' },
    DOC,
  ),
  component(
    'payments',
    { owner: 'team-b', system: 'shop', lifecycle: 'experimental' },
    DOC,
  ),
  component('legacy', {
    owner: 'team-b',
    system: 'back-office',
    lifecycle: 'deprecated',
  }),
  component(
    'ledger',
    { owner: 'team-c', system: 'back-office', lifecycle: 'production' },
    DOC,
  ),
  component(
    'vault',
    { owner: 'team-c', system: 'back-office', lifecycle: 'production' },
    DOC,
  ),
  component(
    'flaky',
    { owner: 'team-a', system: 'shop', lifecycle: 'production' },
    DOC,
  ),
];

const FULL_DOC = `# Checkout

${sections
  .map(
    section =>
      `## ${section.title}\n\nThe checkout service keeps ${section.title.toLowerCase()} concerns in one place, as agreed by the team in the design review of March.\n`,
  )
  .join('\n')}
See [orders](../contracts/Orders.md) and [gone](../contracts/Gone.md).
`;

const PARTIAL_DOC = `# Payments

## Purpose

TODO

## Context

Payments sits between checkout and the card processors and owns the authorisation records.
`;

function docUrl(name: string) {
  return `${BASE}/${name}/docs/architecture/Doc.md`;
}

const files: Record<string, string | ArchitectureDocError> = {
  [docUrl('checkout')]: FULL_DOC,
  [docUrl('payments')]: PARTIAL_DOC,
  [docUrl('vault')]: new ArchitectureDocError(
    'sign-in-needed',
    'docs.example.com answered 401',
    { status: 401 },
  ),
  [docUrl('flaky')]: new ArchitectureDocError(
    'failed',
    'docs.example.com answered 500; try again later.',
    { status: 500 },
  ),
  [`${BASE}/checkout/docs/contracts/Orders.md`]: '# Orders',
};

function mockDocsApi(): jest.Mocked<ArchitectureDocsApi> {
  const get = async (url: string) => {
    const file = files[url];
    if (file === undefined)
      throw new ArchitectureDocError('not-found', `${url} not found`, {
        url,
        status: 404,
      });
    if (file instanceof ArchitectureDocError) throw file;
    return { url, content: file, etag: `"${file.length}"` };
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
    signIn: jest.fn(),
  };
}

const CONFIG = { architectureDocs: { coverage: { concurrency: 2 } } };

async function renderPage(
  api: ArchitectureDocsApi,
  route = '/architecture-docs',
  catalog = new InMemoryCatalogClient({ entities }),
  config: Parameters<typeof mockApis.config>[0] = { data: CONFIG },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [catalogApiRef, catalog],
        [architectureDocsApiRef, api],
        [configApiRef, mockApis.config(config)],
      ]}
    >
      <ArchitectureDocsPage />
    </TestApiProvider>,
    {
      routeEntries: [route],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

/** The table's body rows, by entity name. */
function tableRows(): Map<string, HTMLElement> {
  const rows = new Map<string, HTMLElement>();
  for (const link of document.querySelectorAll<HTMLElement>(
    'a[data-entity-ref]',
  )) {
    rows.set(link.textContent ?? '', link.closest('tr')!);
  }
  return rows;
}

async function waitForScan() {
  await waitFor(
    () =>
      expect(screen.getByTestId('coverage-progress')).toHaveAttribute(
        'data-finished',
        'true',
      ),
    {
      timeout: 5000,
    },
  );
}

jest.setTimeout(30_000);

beforeEach(() => clearCoverageSessionCache());

describe('ArchitectureDocsPage', () => {
  it('should explain a failure of its own under the page header', async () => {
    const consoleError = jest
      .spyOn(console, 'error')
      .mockImplementation(() => {});
    // Without the catalog's entity route the rows cannot link anywhere: the page's content throws.
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [catalogApiRef, new InMemoryCatalogClient({ entities })],
          [architectureDocsApiRef, mockDocsApi()],
          [configApiRef, mockApis.config({ data: CONFIG })],
        ]}
      >
        <ArchitectureDocsPage />
      </TestApiProvider>,
    );
    expect(screen.getByTestId('architecture-docs-view-failed')).toHaveAttribute(
      'data-view',
      'page',
    );
    expect(
      screen.getByText(/The architecture docs overview could not be shown/),
    ).toBeInTheDocument();
    expect(screen.getByText('Architecture docs')).toBeInTheDocument();
    consoleError.mockRestore();
  });

  it('should ask the catalog once for the configured kinds and only the needed fields', async () => {
    const catalog = new InMemoryCatalogClient({ entities });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    await renderPage(mockDocsApi(), '/architecture-docs', catalog);
    await waitForScan();
    expect(getEntities).toHaveBeenCalledTimes(1);
    expect(getEntities).toHaveBeenCalledWith({
      filter: { kind: ['Component'] },
      fields: expect.arrayContaining([
        'metadata.annotations',
        'spec.owner',
        'spec.system',
        'spec.lifecycle',
      ]),
    });
    expect(getEntities.mock.calls[0][0]!.fields).not.toContain('spec');
  });

  it('should show each row status, the score, sections and broken links', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    const rows = tableRows();
    expect([...rows.keys()].sort()).toEqual([
      'checkout',
      'flaky',
      'ledger',
      'legacy',
      'payments',
      'vault',
    ]);
    const statusOf = (name: string) =>
      rows
        .get(name)!
        .querySelector('[data-status]')!
        .getAttribute('data-status');
    expect(statusOf('checkout')).toBe('analysed');
    expect(statusOf('legacy')).toBe('no-annotation');
    expect(statusOf('ledger')).toBe('not-found');
    expect(statusOf('vault')).toBe('sign-in-needed');
    expect(statusOf('flaky')).toBe('error');
    const checkout = within(rows.get('checkout')!);
    expect(checkout.getByText('Analysed')).toBeInTheDocument();
    expect(checkout.getByText('100')).toBeInTheDocument();
    // One of its two contract links is missing.
    expect(checkout.getByText('1')).toBeInTheDocument();
    const payments = within(rows.get('payments')!);
    const strip = payments.getByRole('list', {
      name: `Sections: 1 present, 1 placeholder, ${sections.length - 2} missing`,
    });
    expect(
      within(strip)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('aria-label')),
    ).toEqual([
      `${sections[0].title}: placeholder`,
      `${sections[1].title}: present`,
      ...sections.slice(2).map(section => `${section.title}: missing`),
    ]);
    expect(
      within(strip).getByRole('listitem', {
        name: `${sections[1].title}: present`,
      }),
    ).toHaveAttribute('title', `${sections[1].title}: present`);
    // Rows without an analysis have no strip.
    expect(within(rows.get('ledger')!).queryByRole('list')).toBeNull();
    expect(
      within(rows.get('legacy')!).getByText('No annotation'),
    ).toBeInTheDocument();
    expect(
      within(rows.get('ledger')!).getByText('Not found'),
    ).toBeInTheDocument();
    expect(
      within(rows.get('vault')!).getByText('Sign-in needed'),
    ).toBeInTheDocument();
    expect(within(rows.get('flaky')!).getByText('Error')).toBeInTheDocument();
    // A status cut short by its column shows whole in its tooltip, with the reason.
    expect(rows.get('vault')!.querySelector('[data-status]')).toHaveAttribute(
      'title',
      'Sign-in needed: docs.example.com answered 401',
    );
    expect(
      rows.get('checkout')!.querySelector('[data-status]'),
    ).toHaveAttribute('title', 'Analysed');
  });

  it('should link a row to the architecture tab, or to the entity page without a doc', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    expect(screen.getByRole('link', { name: 'checkout' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout/architecture',
    );
    expect(screen.getByRole('link', { name: 'legacy' })).toHaveAttribute(
      'href',
      '/catalog/default/component/legacy',
    );
  });

  it('should count the progress up to the total', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    expect(screen.getByTestId('coverage-progress')).toHaveAttribute(
      'data-done',
      '6',
    );
    expect(screen.getByText('Analysed all 6 docs')).toBeInTheDocument();
  });

  it('should name every filter by its label and give the page an ordered outline of headings', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    const expectNamedByLabel = (pairs: string[][]) => {
      for (const [testId, label] of pairs) {
        const control = within(screen.getByTestId(testId)).getByRole('button');
        expect(control).toHaveAccessibleName(
          expect.stringMatching(new RegExp(`^${label} `)),
        );
        expect(control).not.toHaveAttribute('aria-label');
      }
    };
    expect(screen.getByLabelText('Search')).toBe(
      screen.getByTestId('coverage-search'),
    );
    expectNamedByLabel([
      ['filter-owner', 'Owner'],
      ['filter-status', 'Doc status'],
      ['filter-section', 'Section'],
      ['filter-section-status', 'Section is'],
    ]);
    const more = screen.getByRole('button', { name: 'More filters' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    expect(
      screen.getByRole('dialog', { name: 'More filters' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Min score')).toBe(
      screen.getByTestId('filter-min-score'),
    );
    expect(screen.getByLabelText('Max score')).toBe(
      screen.getByTestId('filter-max-score'),
    );
    expectNamedByLabel([
      ['filter-system', 'System'],
      ['filter-lifecycle', 'Lifecycle'],
    ]);
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(more).toHaveFocus();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Section coverage' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: '6 of 6 entities' }),
    ).toBeInTheDocument();
  });

  it('should narrow the rows as a search is typed', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    await userEvent.type(screen.getByTestId('coverage-search'), 'pay');
    await waitFor(() => expect([...tableRows().keys()]).toEqual(['payments']));
    expect(screen.getByTestId('coverage-count')).toHaveTextContent(
      '1 of 6 entities',
    );
  });

  it('should open the view a URL describes: owner, status, score range and sort', async () => {
    await renderPage(
      mockDocsApi(),
      '/architecture-docs?owner=team-b&status=analysed',
    );
    await waitForScan();
    expect([...tableRows().keys()]).toEqual(['payments']);
  });

  it('should filter by score range', async () => {
    await renderPage(mockDocsApi(), '/architecture-docs?minScore=60');
    await waitForScan();
    expect([...tableRows().keys()]).toEqual(['checkout']);
  });

  it('should filter by a missing section and by a placeholder section', async () => {
    await renderPage(
      mockDocsApi(),
      `/architecture-docs?section=${sections[2].id}`,
    );
    await waitForScan();
    expect([...tableRows().keys()]).toEqual(['payments']);
    await userEvent.click(
      within(screen.getByTestId('filter-section')).getByRole('button'),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: sections[0].title }),
    );
    await userEvent.click(
      within(screen.getByTestId('filter-section-status')).getByRole('button'),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'placeholder' }),
    );
    await waitFor(() => expect([...tableRows().keys()]).toEqual(['payments']));
    await userEvent.click(
      within(screen.getByTestId('filter-section-status')).getByRole('button'),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'present' }),
    );
    await waitFor(() => expect([...tableRows().keys()]).toEqual(['checkout']));
  });

  it('should filter by a status chosen in its menu', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    await userEvent.click(
      within(screen.getByTestId('filter-status')).getByRole('button'),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Not found' }),
    );
    await waitFor(() => expect([...tableRows().keys()]).toEqual(['ledger']));
  });

  it('should sort by score when its header is clicked, twice for descending', async () => {
    await renderPage(mockDocsApi(), '/architecture-docs?status=analysed');
    await waitForScan();
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect([...tableRows().keys()]).toEqual(['payments', 'checkout']),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Score' }));
    await waitFor(() =>
      expect([...tableRows().keys()]).toEqual(['checkout', 'payments']),
    );
  });

  it('should summarise each section over analysed docs and filter when a bar is clicked', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    const summary = screen.getByRole('list', { name: 'Section coverage' });
    const purpose = within(summary).getAllByRole('listitem')[0];
    // checkout has Purpose, payments only a TODO under it.
    expect(purpose).toHaveTextContent(`${sections[0].title}1 / 1 / 0`);
    const designDrivers = within(summary).getAllByRole('listitem')[2];
    expect(designDrivers).toHaveTextContent('1 / 0 / 1');
    const missingSegment = `${sections[2].title}: 1 present, 0 placeholder, 1 missing. Lists the 1 docs where the section is missing`;
    await userEvent.click(
      within(designDrivers).getByRole('button', { name: missingSegment }),
    );
    await waitFor(() => expect([...tableRows().keys()]).toEqual(['payments']));
    expect(
      within(designDrivers).getByRole('button', { name: missingSegment }),
    ).toHaveAttribute('aria-pressed', 'true');
  });

  it('should fold system, lifecycle and score into More filters, counting those set', async () => {
    await renderPage(mockDocsApi(), '/architecture-docs?minScore=0');
    await waitForScan();
    expect(screen.queryByTestId('filter-system')).toBeNull();
    await userEvent.click(
      screen.getByRole('button', { name: 'More filters (1)' }),
    );
    await userEvent.click(
      within(screen.getByTestId('filter-system')).getByRole('button'),
    );
    await userEvent.click(await screen.findByRole('option', { name: 'shop' }));
    await waitFor(() =>
      expect([...tableRows().keys()].sort()).toEqual(['checkout', 'payments']),
    );
    await userEvent.keyboard('{Escape}');
    expect(
      await screen.findByRole('button', { name: 'More filters (2)' }),
    ).toBeInTheDocument();
  });

  it('should show section coverage by owner and filter to an owner and section when a cell is clicked', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    await userEvent.click(screen.getByRole('button', { name: 'By owner' }));
    expect(screen.getByRole('button', { name: 'By owner' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const grid = screen.getByRole('table', {
      name: 'Section coverage by owner',
    });
    const ownerRows = within(grid).getAllByRole('row').slice(1);
    expect(
      ownerRows.map(row => within(row).getByRole('rowheader').textContent),
    ).toEqual(['team-a', 'team-b', 'team-c']);
    // team-a: checkout has every section; team-c has no analysed doc.
    expect(
      within(ownerRows[0])
        .getAllByRole('button')
        .map(cell => cell.textContent),
    ).toEqual(sections.map(() => '100%'));
    expect(within(ownerRows[2]).queryAllByRole('button')).toHaveLength(0);
    const cellName = `team-b, ${sections[2].title}: 0% present (0 of 1 docs). Lists the 1 docs where it is missing`;
    const cell = within(ownerRows[1]).getByRole('button', { name: cellName });
    expect(cell).toHaveTextContent('0%');
    await userEvent.click(cell);
    await waitFor(() => expect([...tableRows().keys()]).toEqual(['payments']));
    expect(screen.getByRole('button', { name: cellName })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(
      within(screen.getByTestId('filter-owner')).getByRole('button'),
    ).toHaveTextContent('team-b');
    expect(
      within(screen.getByTestId('filter-section')).getByRole('button'),
    ).toHaveTextContent(sections[2].title);
  });

  it('should export the rows of the current view as CSV', async () => {
    let saved: Blob | undefined;
    const createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:csv';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    await renderPage(
      mockDocsApi(),
      '/architecture-docs?system=shop&sort=score&dir=desc',
    );
    await waitForScan();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    const text = await new Response(saved!).text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'entity,title,owner,system,lifecycle,status,score,missing sections,placeholder sections,broken links,doc url',
    );
    expect(lines.slice(1, -1).map(line => line.split(',')[0])).toEqual([
      'component:default/checkout',
      'component:default/payments',
      'component:default/flaky',
    ]);
    expect(lines[1]).toBe(
      `component:default/checkout,checkout,team-a,shop,production,analysed,100,,,1,${docUrl('checkout')}`,
    );
    expect(lines[3]).toContain(',error,,,,,');
  });

  it('should show kept results at once on a second visit while it revalidates', async () => {
    const api = mockDocsApi();
    const first = await renderPage(api);
    await waitForScan();
    first.unmount();
    const slow = mockDocsApi();
    slow.getDoc.mockImplementation(() => new Promise(() => {}));
    await renderPage(slow);
    await waitFor(() =>
      expect(screen.getByTestId('coverage-progress')).toHaveAttribute(
        'data-done',
        '6',
      ),
    );
    const checkout = within(tableRows().get('checkout')!);
    expect(checkout.getByText('100')).toBeInTheDocument();
    expect(screen.getByTestId('coverage-progress')).toHaveTextContent(
      'checking 6 docs for changes',
    );
    // Both lanes (coverage.concurrency: 2) wait for their hosts; nothing else is requested.
    expect(slow.getDoc).toHaveBeenCalledTimes(2);
  });

  it('should show the page loading until the catalog answers, then fill it in', async () => {
    const catalog = new InMemoryCatalogClient({ entities });
    let answer: () => void = () => {};
    const answered = new Promise<void>(resolve => {
      answer = resolve;
    });
    const getEntities = catalog.getEntities.bind(catalog);
    jest.spyOn(catalog, 'getEntities').mockImplementation(async request => {
      await answered;
      return getEntities(request);
    });
    await renderPage(mockDocsApi(), '/architecture-docs?owner=team-b', catalog);
    const progress = screen.getByTestId('coverage-progress');
    expect(progress).toHaveAttribute('data-loading', 'true');
    expect(progress).toHaveTextContent('Loading the catalog…');
    expect(tableRows().size).toBe(0);
    expect(
      screen.getByRole('progressbar', { name: 'Loading the table' }),
    ).toBeInTheDocument();
    // The owner the link filters by is offered even before any row has it.
    await userEvent.click(
      within(screen.getByTestId('filter-owner')).getByRole('button'),
    );
    expect(
      await screen.findByRole('option', { name: 'team-b' }),
    ).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    answer();
    await waitForScan();
    expect(screen.getByTestId('coverage-progress')).not.toHaveAttribute(
      'data-loading',
    );
    expect([...tableRows().keys()].sort()).toEqual(['legacy', 'payments']);
  });

  it('should show the catalog error when the entities cannot be listed', async () => {
    const catalog = new InMemoryCatalogClient({ entities });
    jest
      .spyOn(catalog, 'getEntities')
      .mockRejectedValue(new Error('The catalog answered 503'));
    await renderPage(mockDocsApi(), '/architecture-docs', catalog);
    expect(
      (await screen.findAllByText(/The catalog answered 503/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('coverage-progress')).not.toBeInTheDocument();
  });

  it('should explain an empty catalog', async () => {
    await renderPage(
      mockDocsApi(),
      '/architecture-docs',
      new InMemoryCatalogClient({ entities: [] }),
    );
    expect(await screen.findByText('No entity to list')).toBeInTheDocument();
  });

  it('should list invalid configuration values and scan with the defaults instead', async () => {
    const api = mockDocsApi();
    await renderPage(
      api,
      '/architecture-docs',
      new InMemoryCatalogClient({ entities }),
      {
        data: {
          architectureDocs: { coverage: { concurrency: 'lots' }, sections: 42 },
        },
      },
    );
    const problems = await screen.findByTestId('architecture-config-problems');
    expect(problems).toHaveTextContent(
      'Configuration problems (defaults used instead):',
    );
    expect(
      Array.from(problems.querySelectorAll('li'), item => item.textContent),
    ).toEqual([
      'architectureDocs.sections must be a list of sections, got 42; using the template instead.',
      'architectureDocs.coverage.concurrency must be a whole number above 0, got "lots"; using 6.',
    ]);
    await waitForScan();
    expect(tableRows().size).toBe(6);
    expect(
      within(tableRows().get('checkout')!).getByText('100'),
    ).toBeInTheDocument();
  });

  it('should say why an organisation template cannot be used and check against the built-in one', async () => {
    const api = mockDocsApi();
    await renderPage(
      api,
      '/architecture-docs',
      new InMemoryCatalogClient({ entities }),
      {
        data: {
          architectureDocs: { templateUrl: `${BASE}/templates/Missing.md` },
        },
      },
    );
    expect(
      await screen.findByTestId('architecture-config-problems'),
    ).toHaveTextContent(
      `The template at ${BASE}/templates/Missing.md cannot be used (${BASE}/templates/Missing.md not found); the built-in template is used instead.`,
    );
    await waitForScan();
    expect(
      within(tableRows().get('checkout')!).getByText('100'),
    ).toBeInTheDocument();
  });

  it('should show no configuration problems when the configuration is valid', async () => {
    await renderPage(mockDocsApi());
    await waitForScan();
    expect(screen.queryByTestId('architecture-config-problems')).toBeNull();
  });
});
