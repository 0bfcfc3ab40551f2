/**
 * The architecture docs backend plugin: reads every annotated entity's
 * architecture doc once per cycle, analyses it against the template and
 * serves coverage, reports and history to the frontend plugin.
 *
 * @packageDocumentation
 */
export { architectureDocsPlugin as default } from './plugin';
