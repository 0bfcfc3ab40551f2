import { Content, Header, Page } from '@backstage/core-components';
import type { SearchResult } from '@backstage/plugin-search-common';
import { SearchResultListItemExtensions } from '@backstage/plugin-search-react';
import {
  ARCHITECTURE_DOC_SEARCH_TYPE,
  type ArchitectureDocSearchDocument,
} from 'backstage-plugin-architecture-docs-common/client';
import { ArchitectureDocSearchResultListItem } from '../src';

const tab = (name: string) => `/catalog/default/component/${name}/architecture`;

/** A sample doc's search document, as the backend's search module writes it. */
function searchResult(
  document: ArchitectureDocSearchDocument,
  rank: number,
  highlightedText?: string,
): SearchResult {
  return {
    type: ARCHITECTURE_DOC_SEARCH_TYPE,
    rank,
    document,
    highlight: highlightedText
      ? { preTag: '<b>', postTag: '</b>', fields: { text: highlightedText } }
      : undefined,
  };
}

const SAMPLE_RESULTS: SearchResult[] = [
  searchResult(
    {
      title: 'Inventory service architecture',
      text: 'The inventory service knows how many of each item can still be sold and lets checkout hold stock for a shopper while they pay.',
      location: tab('inventory-service'),
      entityRef: 'component:default/inventory-service',
      entityTitle: 'Inventory service',
      kind: 'Component',
      namespace: 'default',
      name: 'inventory-service',
      owner: 'group:default/team-checkout',
      system: 'system:default/checkout',
      lifecycle: 'production',
      score: 67,
      missing: ['Security and compliance', 'Operational concerns'],
      placeholder: ['Testing strategy'],
      sections: [
        { title: 'Security and compliance', status: 'missing' },
        { title: 'Operational concerns', status: 'missing' },
        {
          title: 'Testing strategy',
          status: 'placeholder',
          location: `${tab('inventory-service')}#testing-strategy`,
        },
      ],
    },
    1,
    'lets checkout hold <b>stock</b> for a shopper while they pay',
  ),
  searchResult(
    {
      title: 'Checkout API architecture',
      text: 'Takes orders from the web shop, reserves stock and asks the payment gateway to charge the customer.',
      location: tab('checkout-api'),
      entityRef: 'component:default/checkout-api',
      entityTitle: 'Checkout API',
      kind: 'Component',
      namespace: 'default',
      name: 'checkout-api',
      owner: 'group:default/team-checkout',
      lifecycle: 'production',
      score: 100,
      missing: [],
      placeholder: [],
      sections: [],
    },
    2,
  ),
  searchResult(
    {
      title: 'Receipt renderer',
      text: '',
      location: tab('receipt-renderer'),
      entityRef: 'component:default/receipt-renderer',
      entityTitle: 'Receipt renderer',
      kind: 'Component',
      namespace: 'default',
      name: 'receipt-renderer',
      missing: [],
      placeholder: [],
      sections: [],
    },
    3,
  ),
];

/**
 * The search result item as an app's search page lists it: a scored doc
 * with missing and placeholder sections and a marked term, a complete doc,
 * and one the backend has not analysed. Static, so that it shows without
 * the dev backend; the search page at /search asks the backend.
 */
export const SearchResultSamplesPage = () => (
  <Page themeId="home">
    <Header title="Search result samples" />
    <Content>
      <SearchResultListItemExtensions results={SAMPLE_RESULTS}>
        <ArchitectureDocSearchResultListItem />
      </SearchResultListItemExtensions>
    </Content>
  </Page>
);
