export {
  ArchitectureDocError,
  architectureDocsApiRef,
} from './ArchitectureDocsApi';
export type {
  ArchitectureDocErrorKind,
  ArchitectureDocFetchOptions,
  ArchitectureDocFile,
  ArchitectureDocLocation,
  ArchitectureDocLocationOptions,
  ArchitectureDocsApi,
} from './ArchitectureDocsApi';
export { ArchitectureDocsClient } from './ArchitectureDocsClient';
export type {
  ArchitectureDocsClientConfig,
  ArchitectureDocsClientDependencies,
  ArchitectureDocsClientOptions,
} from './ArchitectureDocsClient';
export {
  DEFAULT_ARCHITECTURE_DOCS_CONFIG,
  readArchitectureDocsConfig,
} from './readArchitectureDocsConfig';
export type {
  ArchitectureDocsConfig,
  ArchitectureDocsCoverageConfig,
  ArchitectureDocsFetchConfig,
  ArchitectureDocsFetchMode,
  ArchitectureDocsSectionConfig,
  ArchitectureDocsSource,
} from './readArchitectureDocsConfig';
export { architectureDocsBackendApiRef } from './ArchitectureDocsBackendApi';
export type {
  ArchitectureDocsBackendApi,
  ArchitectureDocsResolvedSource,
  CoveragePageRequest,
} from './ArchitectureDocsBackendApi';
export { ArchitectureDocsBackendClient } from './ArchitectureDocsBackendClient';
export type { ArchitectureDocsBackendClientOptions } from './ArchitectureDocsBackendClient';
