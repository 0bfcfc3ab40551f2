export {
  ARCHITECTURE_DOCS_PLUGIN_ID,
  DEFAULT_COVERAGE_PAGE_SIZE,
  MAX_COVERAGE_PAGE_SIZE,
  DEFAULT_INDEXED_DOCS_PAGE_SIZE,
  MAX_INDEXED_DOCS_PAGE_SIZE,
} from './backend-api-types';
export type {
  IndexedDocErrorKind,
  IndexedDocError,
  IndexedDocTimes,
  IndexedCoverageRow,
  IndexedTemplateSection,
  CoverageRowsResponse,
  CoverageSummaryResponse,
  CoverageHistoryPoint,
  CoverageHistoryResponse,
  IndexedEntityDocResponse,
  IndexStatusResponse,
  IndexedDocSection,
  IndexedDocSummary,
  IndexedDocsPageResponse,
} from './backend-api-types';
export { ARCHITECTURE_DOC_SEARCH_TYPE } from './search-document';
export type {
  ArchitectureDocSearchDocument,
  ArchitectureDocSearchSection,
} from './search-document';
