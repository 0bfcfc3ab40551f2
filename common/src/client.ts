/**
 * What a client of the architecture docs needs before any doc is analysed:
 * the backend API's paths and types, the coverage filters' URL codec, doc
 * locations, URL and decoding helpers, the annotation and the built-in
 * template names. It leaves the analyzer out, so an app's entry chunk that
 * registers the plugin's APIs stays small; the analyzer loads with the views.
 *
 * @packageDocumentation
 */
export {
  ARCHITECTURE_DOCS_PLUGIN_ID,
  DEFAULT_COVERAGE_PAGE_SIZE,
  MAX_COVERAGE_PAGE_SIZE,
} from './api/backend-api-types';
export type {
  CoverageHistoryPoint,
  CoverageHistoryResponse,
  CoverageRowsResponse,
  CoverageSummaryResponse,
  IndexedCoverageRow,
  IndexedDocError,
  IndexedDocErrorKind,
  IndexedDocTimes,
  IndexedEntityDocResponse,
  IndexedTemplateSection,
  IndexStatusResponse,
} from './api/backend-api-types';
export { ARCHITECTURE_DOC_SEARCH_TYPE } from './api/search-document';
export type {
  ArchitectureDocSearchDocument,
  ArchitectureDocSearchSection,
} from './api/search-document';
export {
  filtersFromSearchParams,
  filtersToSearchParams,
} from './coverage/coverage-filter-params';
export type {
  CoverageFilters,
  CoverageSortKey,
} from './coverage/coverage-filter-params';
export { resolveEntityDocUrl, resolveLinkUrl } from './doc-location';
export type {
  EntityDocUrl,
  ResolveEntityDocUrlOptions,
  ScmResolveUrl,
} from './doc-location';
export { hasScheme, isHttpUrl, tryParseUrl, tryResolveUrl } from './http-urls';
export {
  tryDecodeURIComponent,
  safeDecodeURIComponent,
  decodedUrlPath,
} from './safe-decode';
export {
  ARCHITECTURE_DOC_ANNOTATION,
  getArchitectureDocRef,
  isArchitectureDocAvailable,
} from './annotation';
export { BUILT_IN_TEMPLATE_NAMES } from './analysis/built-in-template-names';
export { DEFAULT_TEMPLATE_MARKDOWN } from './analysis/default-template';
