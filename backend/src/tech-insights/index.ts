/**
 * Tech Insights facts of architecture docs: the fact retriever module and
 * the retriever, for `backend.add(import('backstage-plugin-architecture-docs-backend/tech-insights'))`.
 *
 * @packageDocumentation
 */
export { architectureDocsTechInsightsModule as default } from './module';
export { architectureDocsTechInsightsModule } from './module';
export {
  ARCHITECTURE_DOCS_FACT_RETRIEVER_ID,
  createArchitectureDocsFactRetriever,
  sectionFactName,
} from './architectureDocsFactRetriever';
