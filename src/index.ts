/**
 * Architecture docs for Backstage: renders a component's architecture doc on
 * its entity page, checks it against the team template and tracks coverage
 * across the catalog.
 *
 * @packageDocumentation
 */
export { architectureDocsPlugin } from './plugin';
export {
  EntityArchitectureDocContent,
  EntityArchitectureDocCard,
  ArchitectureDocsPage,
} from './extensions';
export type { EntityArchitectureDocContentProps } from './components/EntityArchitectureDocContent';
export type { LinkTargetStatus, LoadedArchitectureDoc, ResolvedDocLink } from './components/types';
export * from './api';
export * from './lib';
