/**
 * Backstage search for architecture docs: the collator module and its
 * factory, for `backend.add(import('backstage-plugin-architecture-docs-backend/search'))`.
 *
 * @packageDocumentation
 */
export { architectureDocsSearchModule as default } from './module';
export { architectureDocsSearchModule } from './module';
export { ArchitectureDocsCollatorFactory } from './ArchitectureDocsCollatorFactory';
