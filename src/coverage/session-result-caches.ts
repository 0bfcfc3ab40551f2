import { BoundedCache } from '../lib/bounded-cache';
import type { TemplateModel } from 'backstage-plugin-architecture-docs-common';
import { CoverageResultCache } from './coverage-result-cache';

/** Templates whose results are kept at once; an app uses one, a preview or a config change adds another. */
const MAX_SESSION_TEMPLATES = 4;

/**
 * Results kept for the app session, per template (a result says which
 * sections are present for one template). Each cache bounds its own entries.
 */
let sessionCaches = new BoundedCache<string, CoverageResultCache>({
  maxEntries: MAX_SESSION_TEMPLATES,
});

function templateKey(template: TemplateModel): string {
  return `${template.name}\n${template.sections.map(s => `${s.id}:${s.weight}`).join(',')}`;
}

/** The results kept for `template` this app session. */
export function sessionCacheFor(template: TemplateModel): CoverageResultCache {
  const key = templateKey(template);
  let cache = sessionCaches.get(key);
  if (!cache) {
    cache = new CoverageResultCache();
    sessionCaches.set(key, cache);
  }
  return cache;
}

/** Forgets every kept result; for tests. */
export function clearCoverageSessionCache(): void {
  sessionCaches = new BoundedCache({ maxEntries: MAX_SESSION_TEMPLATES });
}
