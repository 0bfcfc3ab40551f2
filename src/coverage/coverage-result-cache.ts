import { BoundedCache } from '../lib/bounded-cache';
import type { CoverageDocResult } from 'backstage-plugin-architecture-docs-common';

/** Results (and as many link statuses) kept when no bound is given. */
export const DEFAULT_COVERAGE_CACHE_MAX_ENTRIES = 10_000;

/**
 * Analyses kept across visits of the page, and what is known of link
 * targets, bounded in size (the least recently used entries go first) and
 * pruned of entities that left the catalog. A cached analysis is shown at
 * once on the next visit and revalidated: it is reused as long as the doc's
 * entity tag is unchanged.
 * @public
 */
export class CoverageResultCache {
  readonly #results: BoundedCache<string, CoverageDocResult>;
  readonly #links: BoundedCache<string, boolean>;

  constructor(options: { maxEntries?: number } = {}) {
    const maxEntries = options.maxEntries ?? DEFAULT_COVERAGE_CACHE_MAX_ENTRIES;
    this.#results = new BoundedCache({ maxEntries });
    this.#links = new BoundedCache({ maxEntries });
  }

  /** The last result for an entity, if kept. */
  get(entityRef: string): CoverageDocResult | undefined {
    return this.#results.get(entityRef);
  }

  /** Keeps a result; only analyses and final statuses are worth keeping. */
  set(entityRef: string, result: CoverageDocResult): void {
    this.#results.set(entityRef, result);
  }

  /** Whether a link target existed when last checked. */
  getLink(url: string): boolean | undefined {
    return this.#links.get(url);
  }

  setLink(url: string, exists: boolean): void {
    this.#links.set(url, exists);
  }

  /**
   * Forgets the results of entities not in `entityRefs` (they left the
   * catalog) and the link statuses no kept result links to.
   */
  retainEntities(entityRefs: ReadonlySet<string>): void {
    this.#results.retain(ref => entityRefs.has(ref));
    const linked = new Set<string>();
    for (const result of this.#results.values()) {
      for (const url of result.linkTargets ?? []) linked.add(url);
    }
    this.#links.retain(url => linked.has(url));
  }

  get size(): number {
    return this.#results.size;
  }
}
