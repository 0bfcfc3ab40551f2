/**
 * The architecture docs backend plugin: reads every annotated entity's
 * architecture doc once per cycle, analyses it against the template and
 * serves coverage, reports and history to the frontend plugin. The search
 * collator and the Tech Insights fact retriever modules are also at
 * `/search` and `/tech-insights`.
 *
 * @packageDocumentation
 */
export { architectureDocsPlugin as default } from './plugin';
export { architectureDocsSearchModule } from './search';
export { architectureDocsTechInsightsModule } from './tech-insights';
