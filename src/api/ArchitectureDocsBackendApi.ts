import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  CoverageFilters,
  CoverageHistoryResponse,
  CoverageRowsResponse,
  CoverageSummaryResponse,
  IndexedEntityDocResponse,
  IndexStatusResponse,
} from 'backstage-plugin-architecture-docs-common/client';

/**
 * Where the views read from, once decided: the backend's index, or the
 * visitor's browser fetching each doc.
 * @public
 */
export type ArchitectureDocsResolvedSource = 'backend' | 'browser';

/**
 * A page of coverage rows to ask for.
 * @public
 */
export interface CoveragePageRequest {
  offset: number;
  limit: number;
}

/**
 * Reads the architecture docs backend's index (`/api/architecture-docs`)
 * with the signed-in user's credentials. Every answer holds only entities
 * the user may read in the catalog.
 * @public
 */
export interface ArchitectureDocsBackendApi {
  /**
   * Whether the views read from the backend, as `architectureDocs.source`
   * says: with `auto`, the backend's `/status` is asked once per app
   * session; `backend` and `browser` decide without asking.
   */
  getSource(): Promise<ArchitectureDocsResolvedSource>;

  /** The index's freshness. Rejects with a `ResponseError` or a network error. */
  getStatus(): Promise<IndexStatusResponse>;

  /** One page of the filtered, sorted coverage rows. */
  getCoverage(
    filters: CoverageFilters,
    page: CoveragePageRequest,
  ): Promise<CoverageRowsResponse>;

  /** The section summary of the filtered view, also by owner. */
  getCoverageSummary(
    filters: CoverageFilters,
  ): Promise<CoverageSummaryResponse>;

  /** The filtered view's daily history, over the last `days` when given. */
  getCoverageHistory(
    filters: CoverageFilters,
    options?: { days?: number },
  ): Promise<CoverageHistoryResponse>;

  /**
   * One entity's doc source and report as indexed. Rejects with an
   * `ArchitectureDocError`: `not-indexed` details when the backend does not
   * hold the entity (or the user may not read it).
   */
  getEntityDoc(entity: CompoundEntityRef): Promise<IndexedEntityDocResponse>;

  /** Re-reads one entity's doc now and answers the new result. */
  refreshEntityDoc(
    entity: CompoundEntityRef,
  ): Promise<IndexedEntityDocResponse>;
}

/**
 * The API ref of {@link ArchitectureDocsBackendApi}.
 * @public
 */
export const architectureDocsBackendApiRef =
  createApiRef<ArchitectureDocsBackendApi>({
    id: 'plugin.architecture-docs.backend',
  });
