import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { SearchResult } from '@backstage/plugin-search-common';
import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import { ArchitectureDocSearchResultListItem } from './extensions';

const ARCHITECTURE_RESULT: SearchResult = {
  type: 'architecture-doc',
  rank: 1,
  document: {
    title: 'Inventory service architecture',
    text: 'Keeps stock levels for every warehouse.',
    location: '/catalog/default/component/inventory-service/architecture',
    entityRef: 'component:default/inventory-service',
    score: 58,
    missing: ['Security and compliance'],
    placeholder: [],
    sections: [],
  } as SearchResult['document'],
  highlight: {
    preTag: '<b>',
    postTag: '</b>',
    fields: { title: '<b>Inventory</b> service architecture' },
  },
};

const CATALOG_RESULT: SearchResult = {
  type: 'software-catalog',
  rank: 2,
  document: {
    title: 'inventory-service',
    text: 'The inventory service',
    location: '/catalog/default/component/inventory-service',
  },
};

describe('ArchitectureDocSearchResultListItem (legacy frontend system)', () => {
  it("should render the architecture doc results among the search page's items", async () => {
    await renderInTestApp(
      <SearchResultListItemExtensions
        results={[ARCHITECTURE_RESULT, CATALOG_RESULT]}
      >
        <ArchitectureDocSearchResultListItem />
      </SearchResultListItemExtensions>,
    );
    const item = await screen.findByTestId(
      'architecture-doc-search-result',
      {},
      { timeout: 10_000 },
    );
    expect(
      within(item).getByRole('link', {
        name: 'Inventory service architecture',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/inventory-service/architecture',
    );
    expect(within(item).getByText('Inventory').tagName).toBe('MARK');
    expect(
      within(item).getByTestId('architecture-doc-search-missing'),
    ).toHaveTextContent('Security and compliance');
  });

  it('should leave results of other types to the other items', async () => {
    await renderInTestApp(
      <SearchResultListItemExtensions
        results={[CATALOG_RESULT, ARCHITECTURE_RESULT]}
      >
        <ArchitectureDocSearchResultListItem />
      </SearchResultListItemExtensions>,
    );
    await screen.findByTestId(
      'architecture-doc-search-result',
      {},
      { timeout: 10_000 },
    );
    expect(
      screen.getAllByTestId('architecture-doc-search-result'),
    ).toHaveLength(1);
    expect(
      screen.getByRole('link', { name: 'inventory-service' }),
    ).toHaveAttribute('href', '/catalog/default/component/inventory-service');
  });
});
