export {
  ARCHITECTURE_DOCS_PLUGIN_ID,
  DEFAULT_COVERAGE_PAGE_SIZE,
  MAX_COVERAGE_PAGE_SIZE,
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
} from './backend-api-types';
