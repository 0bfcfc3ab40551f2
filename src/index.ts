/**
 * Architecture docs for Backstage: renders a component's architecture doc on
 * its entity page, checks it against the team template and tracks coverage
 * across the catalog.
 *
 * @packageDocumentation
 */
export { architectureDocsPlugin } from './plugin';
export * from './lib';
export * from './api';
