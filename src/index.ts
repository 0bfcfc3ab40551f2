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
} from './extensions';
export type { ArchitectureDocsPageProps } from './components/ArchitectureDocsPage';
export type { EntityArchitectureDocContentProps } from './components/EntityArchitectureDocContent';
export { rootRouteRef as architectureDocsRouteRef } from './routes';

// The annotation that points an entity at its doc.
export {
  ARCHITECTURE_DOC_ANNOTATION,
  getArchitectureDocRef,
  isArchitectureDocAvailable,
} from './lib/annotation';

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
export { ANALYSIS_WORK_LIMIT, RENDER_LIMITS } from './analysis/render-budget';
export type {
  RenderBudgetExcess,
  RenderLoadKind,
} from './analysis/render-budget';
export { ArchitectureDocsClient } from './api/ArchitectureDocsClient';
export type {
  ArchitectureDocsClientConfig,
  ArchitectureDocsClientDependencies,
  ArchitectureDocsClientOptions,
} from './api/ArchitectureDocsClient';

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
} from './api/readArchitectureDocsConfig';

// Templates.
export {
  parseTemplate,
  templateFromSections,
  defaultTemplateModel,
  TemplateError,
} from './analysis/template-model';
export type {
  TemplateModelOptions,
  TemplateSectionInput,
} from './analysis/template-model';
export { DEFAULT_TEMPLATE_MARKDOWN } from './analysis/default-template';
export { arc42TemplateModel } from './analysis/arc42-template';
export { BUILT_IN_TEMPLATE_NAMES } from './analysis/built-in-template-names';
export { builtInTemplateModel } from './analysis/built-in-templates';
export {
  ARC42_SECTION_ALIASES,
  DEFAULT_SECTION_ALIASES,
} from './analysis/section-aliases';

// The analysis and its report.
export { analyzeArchitectureDoc } from './analysis/analyze-architecture-doc';
export type { AnalyzeOptions } from './analysis/analyze-architecture-doc';
export { SECTION_STATUSES } from './analysis/types';
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
} from './analysis/types';
