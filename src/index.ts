/**
 * Architecture docs for Backstage: renders a component's architecture doc on
 * its entity page, checks it against the team template and tracks coverage
 * across the catalog.
 *
 * Every public name is listed here by name, so that nothing internal becomes
 * public by accident; `src/public-api.test.ts` pins the list.
 *
 * @packageDocumentation
 */

// The plugin and its extensions (legacy frontend system).
export { architectureDocsPlugin } from './plugin';
export {
  ArchitectureDocsPage,
  EntityArchitectureDocContent,
  EntityArchitectureDocCard,
  ArchitectureDocSearchResultListItem,
} from './extensions';
export type { ArchitectureDocsPageProps } from './components/ArchitectureDocsPage';
export type { ArchitectureDocSearchResultListItemProps } from './components/ArchitectureDocSearchResultListItem';
export type { EntityArchitectureDocContentProps } from './components/EntityArchitectureDocContent';
export { rootRouteRef as architectureDocsRouteRef } from './routes';

// The annotation that points an entity at its doc.
export {
  ARCHITECTURE_DOC_ANNOTATION,
  getArchitectureDocRef,
  isArchitectureDocAvailable,
} from 'backstage-plugin-architecture-docs-common';

// The search document of an architecture doc, which the result item shows.
export { ARCHITECTURE_DOC_SEARCH_TYPE } from 'backstage-plugin-architecture-docs-common/client';
export type {
  ArchitectureDocSearchDocument,
  ArchitectureDocSearchSection,
} from 'backstage-plugin-architecture-docs-common/client';

// The API that fetches docs, and its default implementation.
export {
  ArchitectureDocError,
  architectureDocsApiRef,
} from './api/ArchitectureDocsApi';
export type {
  ArchitectureDocErrorKind,
  ArchitectureDocFetchOptions,
  ArchitectureDocFile,
  ArchitectureDocLocation,
  ArchitectureDocLocationOptions,
  ArchitectureDocsApi,
} from './api/ArchitectureDocsApi';
export {
  ANALYSIS_WORK_LIMIT,
  RENDER_LIMITS,
} from 'backstage-plugin-architecture-docs-common';
export type {
  RenderBudgetExcess,
  RenderLoadKind,
} from 'backstage-plugin-architecture-docs-common';
export { ArchitectureDocsClient } from './api/ArchitectureDocsClient';
export type {
  ArchitectureDocsClientConfig,
  ArchitectureDocsClientDependencies,
  ArchitectureDocsClientOptions,
} from './api/ArchitectureDocsClient';

// The API that reads the architecture docs backend's index, and its default implementation.
export { architectureDocsBackendApiRef } from './api/ArchitectureDocsBackendApi';
export type {
  ArchitectureDocsBackendApi,
  ArchitectureDocsResolvedSource,
  CoveragePageRequest,
} from './api/ArchitectureDocsBackendApi';
export { ArchitectureDocsBackendClient } from './api/ArchitectureDocsBackendClient';
export type { ArchitectureDocsBackendClientOptions } from './api/ArchitectureDocsBackendClient';
export type {
  CoverageFilters,
  CoverageHistoryPoint,
  CoverageHistoryResponse,
  CoverageRowsResponse,
  CoverageSortKey,
  CoverageStatus,
  CoverageSummaryResponse,
  IndexedCoverageRow,
  IndexedDocError,
  IndexedDocErrorKind,
  IndexedEntityDocResponse,
  IndexedTemplateSection,
  IndexStatusResponse,
} from 'backstage-plugin-architecture-docs-common';

// Configuration.
export {
  DEFAULT_ARCHITECTURE_DOCS_CONFIG,
  readArchitectureDocsConfig,
} from './api/readArchitectureDocsConfig';
export type {
  ArchitectureDocsConfig,
  ArchitectureDocsCoverageConfig,
  ArchitectureDocsFetchConfig,
  ArchitectureDocsFetchMode,
  ArchitectureDocsSectionConfig,
  ArchitectureDocsSource,
} from './api/readArchitectureDocsConfig';

// Templates.
export {
  parseTemplate,
  templateFromSections,
  defaultTemplateModel,
  TemplateError,
} from 'backstage-plugin-architecture-docs-common';
export type {
  TemplateModelOptions,
  TemplateSectionInput,
} from 'backstage-plugin-architecture-docs-common';
export { DEFAULT_TEMPLATE_MARKDOWN } from 'backstage-plugin-architecture-docs-common';
export { arc42TemplateModel } from 'backstage-plugin-architecture-docs-common';
export { BUILT_IN_TEMPLATE_NAMES } from 'backstage-plugin-architecture-docs-common';
export { builtInTemplateModel } from 'backstage-plugin-architecture-docs-common';
export {
  ARC42_SECTION_ALIASES,
  DEFAULT_SECTION_ALIASES,
} from 'backstage-plugin-architecture-docs-common';

// The analysis and its report.
export { analyzeArchitectureDoc } from 'backstage-plugin-architecture-docs-common';
export type { AnalyzeOptions } from 'backstage-plugin-architecture-docs-common';
export { SECTION_STATUSES } from 'backstage-plugin-architecture-docs-common';
export type {
  ArchitectureDocReport,
  ContentSignal,
  ContractRow,
  Finding,
  FindingKind,
  HeadingInfo,
  HeadingMatchRule,
  LinkKind,
  LinkOrigin,
  LinkReport,
  MermaidBlock,
  SectionEvidence,
  SectionReport,
  SectionStatus,
  TemplateModel,
  TemplateSection,
} from 'backstage-plugin-architecture-docs-common';
