/**
 * The part of the architecture docs plugin that the browser, the backend and
 * the command-line check share: the template model, the analyzer and its
 * report, link classification, safe decoding and the backend API's types.
 *
 * @packageDocumentation
 */
export * from './analysis';
export {
  tryDecodeURIComponent,
  safeDecodeURIComponent,
  decodedUrlPath,
} from './safe-decode';
export {
  COVERAGE_STATUSES,
  COVERAGE_ENTITY_FIELDS,
  toCoverageEntity,
  buildCoverageRow,
  countBrokenLinks,
} from './coverage/coverage-row';
export type {
  CoverageStatus,
  CoverageEntity,
  CoverageDocResult,
  CoverageRow,
} from './coverage/coverage-row';
export {
  filtersFromSearchParams,
  filtersToSearchParams,
} from './coverage/coverage-filter-params';
export {
  matchesCoverageFilters,
  compareCoverageRows,
  applyCoverageFilters,
  distinctValues,
} from './coverage/coverage-filters';
export type {
  CoverageSortKey,
  CoverageFilters,
} from './coverage/coverage-filter-params';
export {
  summarizeSectionCoverage,
  sectionPresentShare,
  summarizeSectionCoverageByOwner,
} from './coverage/coverage-summary';
export type {
  SectionCoverage,
  OwnerSectionCoverage,
} from './coverage/coverage-summary';
export {
  ARCHITECTURE_DOC_ANNOTATION,
  getArchitectureDocRef,
  isArchitectureDocAvailable,
} from './annotation';
export { tryParseUrl, isHttpUrl, hasScheme, tryResolveUrl } from './http-urls';
export { resolveEntityDocUrl, resolveLinkUrl } from './doc-location';
export type {
  EntityDocUrl,
  ResolveEntityDocUrlOptions,
  ScmResolveUrl,
} from './doc-location';
export { analyzeCoverageContent } from './coverage/analyze-coverage-content';
export type { CoverageAnalysis } from './coverage/analyze-coverage-content';
export * from './api';
