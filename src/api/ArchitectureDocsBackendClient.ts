import type {
  ConfigApi,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  ARCHITECTURE_DOCS_PLUGIN_ID,
  filtersToSearchParams,
  type CoverageFilters,
  type CoverageHistoryResponse,
  type CoverageRowsResponse,
  type CoverageSummaryResponse,
  type IndexedEntityDocResponse,
  type IndexStatusResponse,
} from 'backstage-plugin-architecture-docs-common/client';
import type {
  ArchitectureDocsBackendApi,
  ArchitectureDocsResolvedSource,
  CoveragePageRequest,
} from './ArchitectureDocsBackendApi';
import {
  readArchitectureDocsConfig,
  type ArchitectureDocsSource,
} from './readArchitectureDocsConfig';

/**
 * Options of {@link ArchitectureDocsBackendClient}.
 * @public
 */
export interface ArchitectureDocsBackendClientOptions {
  discoveryApi: DiscoveryApi;
  /** Adds the signed-in user's Backstage token to each request. */
  fetchApi: FetchApi;
  /** `architectureDocs.source`; default `auto`. */
  source?: ArchitectureDocsSource;
}

/**
 * A failed request that never got an answer: the backend is not served at
 * its discovery URL, or the network is down.
 */
function unreachable(baseUrl: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `The architecture docs backend at ${baseUrl} could not be reached (${reason}).`,
  );
}

/** The path of one entity's resource, each part encoded. */
function entityPath(entity: CompoundEntityRef): string {
  // The backend, like the catalog, writes entity refs with lower-case kinds.
  return [
    'entities',
    entity.kind.toLocaleLowerCase('en-US'),
    entity.namespace,
    entity.name,
  ]
    .map(encodeURIComponent)
    .join('/');
}

/**
 * The default {@link ArchitectureDocsBackendApi}: requests go through
 * `fetchApi` (which adds the user's Backstage token, and only to the
 * backend's own host) to `discoveryApi.getBaseUrl('architecture-docs')`.
 * Answers that are not a success reject with Backstage's `ResponseError`.
 * @public
 */
export class ArchitectureDocsBackendClient implements ArchitectureDocsBackendApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly source: ArchitectureDocsSource;
  /** The `auto` decision, made once per client (once per app session). */
  private probe?: Promise<ArchitectureDocsResolvedSource>;

  /** A client for the app's `architectureDocs.source`. */
  static fromConfig(
    configApi: ConfigApi,
    dependencies: Omit<ArchitectureDocsBackendClientOptions, 'source'>,
  ): ArchitectureDocsBackendClient {
    return new ArchitectureDocsBackendClient({
      ...dependencies,
      source: readArchitectureDocsConfig(configApi).source,
    });
  }

  constructor(options: ArchitectureDocsBackendClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
    this.source = options.source ?? 'auto';
  }

  getSource(): Promise<ArchitectureDocsResolvedSource> {
    if (this.source !== 'auto') return Promise.resolve(this.source);
    // Any failure (not installed: 404 or a page of the app; network down;
    // an answer that is not the status) means the browser reads the docs.
    this.probe ??= this.getStatus().then(
      status =>
        status && typeof status === 'object' && 'indexedAt' in status
          ? 'backend'
          : 'browser',
      () => 'browser',
    );
    return this.probe;
  }

  getStatus(): Promise<IndexStatusResponse> {
    return this.request('status');
  }

  getCoverage(
    filters: CoverageFilters,
    page: CoveragePageRequest,
  ): Promise<CoverageRowsResponse> {
    const query = filtersToSearchParams(filters);
    query.set('offset', String(page.offset));
    query.set('limit', String(page.limit));
    return this.request(`coverage?${query}`);
  }

  getCoverageSummary(
    filters: CoverageFilters,
  ): Promise<CoverageSummaryResponse> {
    const query = filtersToSearchParams(filters).toString();
    return this.request(`coverage/summary${query ? `?${query}` : ''}`);
  }

  getCoverageHistory(
    filters: CoverageFilters,
    options: { days?: number } = {},
  ): Promise<CoverageHistoryResponse> {
    const query = filtersToSearchParams(filters);
    if (options.days !== undefined) query.set('days', String(options.days));
    const text = query.toString();
    return this.request(`coverage/history${text ? `?${text}` : ''}`);
  }

  getEntityDoc(entity: CompoundEntityRef): Promise<IndexedEntityDocResponse> {
    return this.request(entityPath(entity));
  }

  refreshEntityDoc(
    entity: CompoundEntityRef,
  ): Promise<IndexedEntityDocResponse> {
    return this.request(`${entityPath(entity)}/refresh`, { method: 'POST' });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      ARCHITECTURE_DOCS_PLUGIN_ID,
    );
    let response: Response;
    try {
      response = await this.fetchApi.fetch(`${baseUrl}/${path}`, init);
    } catch (error) {
      throw unreachable(baseUrl, error);
    }
    if (!response.ok) throw await ResponseError.fromResponse(response);
    try {
      return (await response.json()) as T;
    } catch {
      throw new Error(
        `The architecture docs backend at ${baseUrl} answered ${path.split('?')[0]} with something other than JSON; is the backend plugin installed?`,
      );
    }
  }
}
