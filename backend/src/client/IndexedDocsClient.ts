import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ARCHITECTURE_DOCS_PLUGIN_ID,
  type IndexedDocSummary,
  type IndexedDocsPageResponse,
} from 'backstage-plugin-architecture-docs-common';

/** What to read of the indexed docs. @public */
export interface ReadIndexedDocsOptions {
  /** Whether each doc's plain text is wanted. Default false. */
  withText?: boolean;
  /** Docs per request. Default: the backend's default page size. */
  pageSize?: number;
}

/**
 * Reads the architecture docs backend's analysed docs (`GET /indexed-docs`)
 * from another backend plugin, as the catalog collator reads the catalog:
 * the URL from the discovery service, a service token for the
 * `architecture-docs` plugin from the auth service, and every page in turn.
 * @public
 */
export class IndexedDocsClient {
  private readonly fetchFn: typeof fetch;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      /** For tests; defaults to the global fetch. */
      fetch?: typeof fetch;
    },
  ) {
    this.fetchFn = options.fetch ?? fetch;
  }

  /** One page, after the page whose `nextCursor` is `cursor`. */
  async getPage(
    options: ReadIndexedDocsOptions & { cursor?: string } = {},
  ): Promise<IndexedDocsPageResponse> {
    const baseUrl = await this.options.discovery.getBaseUrl(
      ARCHITECTURE_DOCS_PLUGIN_ID,
    );
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: await this.options.auth.getOwnServiceCredentials(),
      targetPluginId: ARCHITECTURE_DOCS_PLUGIN_ID,
    });
    const params = new URLSearchParams();
    if (options.cursor) params.set('cursor', options.cursor);
    if (options.pageSize) params.set('limit', String(options.pageSize));
    if (options.withText) params.set('text', 'true');
    const query = params.toString();
    const response = await this.fetchFn(
      `${baseUrl}/indexed-docs${query ? `?${query}` : ''}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as IndexedDocsPageResponse;
  }

  /** Every analysed doc, page by page; rejects when a page cannot be read. */
  async *readAll(
    options: ReadIndexedDocsOptions = {},
  ): AsyncGenerator<IndexedDocSummary> {
    let cursor: string | undefined;
    do {
      const page = await this.getPage({ ...options, cursor });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor);
  }
}
