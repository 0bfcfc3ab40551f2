/**
 * Architecture docs for Backstage: renders a component's architecture doc on
 * its entity page, checks it against the team template and tracks coverage
 * across the catalog.
 *
 * @packageDocumentation
 */
export { architectureDocsPlugin } from './plugin';
export {
  ArchitectureDocsPage,
  EntityArchitectureDocContent,
  EntityArchitectureDocCard,
} from './extensions';
export type { ArchitectureDocsPageProps } from './components/ArchitectureDocsPage';
export { rootRouteRef as architectureDocsRouteRef } from './routes';
export type { EntityArchitectureDocContentProps } from './components/EntityArchitectureDocContent';
export type { LinkTargetStatus, LoadedArchitectureDoc, ResolvedDocLink } from './model/loaded-doc';
export * from './api';
export * from './lib';
