import type { CoverageDocResult } from './coverage-row';

/**
 * Analyses kept across visits of the page, and what is known of link
 * targets, bounded in size (the oldest entries go first). A cached analysis
 * is shown at once on the next visit and revalidated: it is reused as long as
 * the doc's entity tag is unchanged.
 * @public
 */
export class CoverageResultCache {
  readonly #maxEntries: number;
  readonly #results = new Map<string, CoverageDocResult>();
  readonly #links = new Map<string, boolean>();

  constructor(options: { maxEntries?: number } = {}) {
    this.#maxEntries = Math.max(1, options.maxEntries ?? 10_000);
  }

  /** The last result for an entity, if kept. */
  get(entityRef: string): CoverageDocResult | undefined {
    return this.#results.get(entityRef);
  }

  /** Keeps a result; only analyses and final statuses are worth keeping. */
  set(entityRef: string, result: CoverageDocResult): void {
    this.#results.delete(entityRef);
    this.#results.set(entityRef, result);
    trim(this.#results, this.#maxEntries);
  }

  /** Whether a link target existed when last checked. */
  getLink(url: string): boolean | undefined {
    return this.#links.get(url);
  }

  setLink(url: string, exists: boolean): void {
    this.#links.delete(url);
    this.#links.set(url, exists);
    trim(this.#links, this.#maxEntries);
  }

  get size(): number {
    return this.#results.size;
  }
}

function trim(map: Map<string, unknown>, max: number): void {
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) return;
    map.delete(oldest);
  }
}
