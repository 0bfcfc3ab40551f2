import type { SearchResult } from '@backstage/plugin-search-common';
import { ARCHITECTURE_DOC_SEARCH_TYPE } from 'backstage-plugin-architecture-docs-common/client';

/**
 * Whether a search result is an architecture doc: the predicate that gives
 * such results to the architecture doc result item, in both frontend systems.
 * Its own module, so that registering the item keeps the item's code out of
 * the app's entry chunk.
 */
export function isArchitectureDocSearchResult(result: SearchResult): boolean {
  return result.type === ARCHITECTURE_DOC_SEARCH_TYPE;
}
