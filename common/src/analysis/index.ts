// The analysis core (the package's `/analysis` entry point, which views that
// only analyse docs import): the template model, the parser with its bounds, the
// section matching and the report. Pure TypeScript without React or browser
// APIs, so the entity views, the coverage workers and the command-line check
// all run the same code.
export * from './types';
export {
  analyzeArchitectureDoc,
  analyzeParsedDoc,
  analyzeTree,
  parseArchitectureDoc,
  DEFAULT_MAX_ANALYSIS_LENGTH,
} from './analyze-architecture-doc';
export type { ParsedArchitectureDoc } from './analyze-architecture-doc';
export { MAX_NESTING } from './bounded-input';
export type { AnalyzeOptions } from './analyze-architecture-doc';
export {
  parseTemplate,
  templateFromSections,
  defaultTemplateModel,
  TemplateError,
  templateSkeleton,
} from './template-model';
export type {
  TemplateModelOptions,
  TemplateSectionInput,
} from './template-model';
export { DEFAULT_TEMPLATE_MARKDOWN } from './default-template';
export {
  ARC42_SECTION_ALIASES,
  DEFAULT_SECTION_ALIASES,
} from './section-aliases';
export { arc42TemplateModel } from './arc42-template';
export { BUILT_IN_TEMPLATE_NAMES } from './built-in-template-names';
export { builtInTemplateModel } from './built-in-templates';
export { normalizeHeadingText } from './heading-text';
export { parseMarkdown } from './markdown-tree';
export {
  resolveDocLink,
  isSafeLinkTarget,
  isCheckableLink,
  normalizePosixPath,
} from './doc-links';
export type { ResolvedTarget } from './doc-links';
export { detectMermaidBlock } from './mermaid-blocks';
export {
  ANALYSIS_WORK_LIMIT,
  RENDER_LIMITS,
  exceedsAnalysisBudget,
  exceedsRenderBudget,
  measureAnalysisWork,
  measureRenderLoad,
  tooComplexToAnalyze,
} from './render-budget';
export type {
  RenderBudgetExcess,
  RenderLoad,
  RenderLoadKind,
} from './render-budget';
