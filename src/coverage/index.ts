// The catalog-wide scan's plain data and pure steps, which the page's views
// read. The parts that need a browser or the docs API (the analysis workers,
// loading a doc, the session caches, the CSV download) are imported from
// their own files, so this entry stays free of them.
export * from 'backstage-plugin-architecture-docs-common';
export * from './coverage-csv';
export * from './scan-coverage';
export * from './coverage-result-cache';
export * from './time-sliced-queue';
export {
  analyzeCoverageContent,
  COVERAGE_STATUSES,
  COVERAGE_ENTITY_FIELDS,
  toCoverageEntity,
  buildCoverageRow,
  filtersFromSearchParams,
  filtersToSearchParams,
  matchesCoverageFilters,
  compareCoverageRows,
  applyCoverageFilters,
  distinctValues,
  summarizeSectionCoverage,
  sectionPresentShare,
  summarizeSectionCoverageByOwner,
} from 'backstage-plugin-architecture-docs-common';
export type {
  CoverageAnalysis,
  CoverageStatus,
  CoverageEntity,
  CoverageDocResult,
  CoverageRow,
  CoverageSortKey,
  CoverageFilters,
  SectionCoverage,
  OwnerSectionCoverage,
} from 'backstage-plugin-architecture-docs-common';
