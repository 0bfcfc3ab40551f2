import type { Entity } from '@backstage/catalog-model';
import type {
  ConfigApi,
  DiscoveryApi,
  FetchApi,
} from '@backstage/core-plugin-api';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { ScmAuthApi } from '@backstage/integration-react';
import { DEFAULT_TEMPLATE_MARKDOWN } from 'backstage-plugin-architecture-docs-common/client';
import { abortReason } from './abortSignals';
import {
  ArchitectureDocError,
  ArchitectureDocFetchOptions,
  ArchitectureDocFile,
  ArchitectureDocLocation,
  ArchitectureDocLocationOptions,
  ArchitectureDocsApi,
} from './ArchitectureDocsApi';
import { DocCache } from './docCache';
import { locateEntityDoc, resolveDocLinkUrl } from './docLocation';
import { editPageUrl, viewPageUrl } from './hostPages';
import {
  describeDocSource,
  DocSource,
  HostRequestContext,
  prepareHostRequest,
  sendHostRequest,
} from './hostRequests';
import { tryParseUrl } from './httpUrls';
import { readDocResponse } from './readDocResponse';
import {
  ArchitectureDocsFetchConfig,
  DEFAULT_ARCHITECTURE_DOCS_CONFIG,
  readArchitectureDocsConfig,
} from './readArchitectureDocsConfig';
import { networkError } from './responseErrors';
import { ScmIntegrationLookup } from './scmIntegrationLookup';

/**
 * The configuration values the client uses; the result of
 * {@link readArchitectureDocsConfig} fits as is. Absent values take the
 * documented defaults.
 * @public
 */
export interface ArchitectureDocsClientConfig {
  /** The entity annotation that points at the doc. */
  annotation?: string;
  /** How docs are fetched. */
  fetch?: Partial<ArchitectureDocsFetchConfig>;
}

/**
 * Options of {@link ArchitectureDocsClient}.
 * @public
 */
export interface ArchitectureDocsClientOptions {
  /** The app's SCM integrations (`scmIntegrationsApiRef`). */
  scmIntegrations: ScmIntegrationRegistry;
  /** Credentials for SCM hosts (`scmAuthApiRef`). */
  scmAuthApi: ScmAuthApi;
  /** Finds the proxy backend in `proxy` mode. */
  discoveryApi: DiscoveryApi;
  /** Backstage's fetch; used only for proxy requests, which go to the backend. */
  fetchApi: FetchApi;
  /** The configuration values; see {@link readArchitectureDocsConfig}. */
  config?: ArchitectureDocsClientConfig;
  /** The fetch used for requests to SCM and other hosts. Default: the global fetch. */
  fetch?: typeof fetch;
  /** The markdown prefilled in "create" URLs. Default: the shipped template. */
  templateMarkdown?: string;
  /** How long a fetched doc is served without asking its host again. Default 60000 ms. */
  cacheTtlMs?: number;
  /** How many docs the cache keeps; the least recently used go first. Default 2000. */
  cacheMaxEntries?: number;
  /**
   * How many bytes of doc text the cache keeps (two per UTF-16 code unit, as
   * the browser holds them); the least recently used go first. Default 32 MiB.
   */
  cacheMaxBytes?: number;
}

/**
 * The dependencies {@link ArchitectureDocsClient.fromConfig} takes besides
 * the configuration.
 * @public
 */
export type ArchitectureDocsClientDependencies = Omit<
  ArchitectureDocsClientOptions,
  'config'
>;

const DEFAULT_CACHE_TTL_MS = 60_000;
const DEFAULT_CACHE_MAX_ENTRIES = 2000;
const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The default {@link ArchitectureDocsApi}: finds a doc from the entity's
 * annotation and fetches it from its SCM host, with a timeout, a size limit
 * and an in-memory cache revalidated by ETag.
 *
 * Fetching, per `architectureDocs.fetch.mode`:
 *
 * - `scm` (default): the file is read from the raw or contents endpoint of
 *   the integration that matches the doc's host: GitHub and GitHub
 *   Enterprise (`rawBaseUrl` anonymously, the contents API with the raw media
 *   type when signed in), GitLab (`<apiBaseUrl>/projects/<project>/repository/files/<path>/raw`),
 *   Bitbucket Cloud, Bitbucket Server, Azure DevOps and Gitea (contents API,
 *   base64 decoded). The user's existing session from `scmAuthApi` is used
 *   when there is one, without ever opening a login popup; its headers go
 *   only to the integration's own host, API host and raw host, and such
 *   requests do not follow redirects. A URL on no supported integration is
 *   fetched as is, without credentials.
 *
 * - `proxy`: the request goes to
 *   `<proxy base URL><proxyPath><path>`, where `<path>` is the path and query
 *   of the anonymous raw URL the `scm` mode would use (for a URL on no
 *   integration, its own path and query). The proxy endpoint's target must
 *   therefore be the origin of the host serving raw files, for example
 *   `https://raw.githubusercontent.com` for github.com, or
 *   `https://gitlab.example.com` for a GitLab instance, with the token set on
 *   the proxy. One proxy path serves one host. Requests use Backstage's
 *   `fetchApi` and carry no SCM credentials.
 *
 * Create URLs (`createUrl`) are offered for GitHub, GitHub Enterprise and
 * GitLab, which open a new-file page with the name and the template filled
 * in; other hosts have no such page and get none.
 *
 * @public
 */
export class ArchitectureDocsClient implements ArchitectureDocsApi {
  /**
   * Creates a client from the app configuration (`architectureDocs.*`).
   * Invalid values fall back to their defaults; read them with
   * {@link readArchitectureDocsConfig} to show what to fix.
   */
  static fromConfig(
    configApi: ConfigApi,
    dependencies: ArchitectureDocsClientDependencies,
  ): ArchitectureDocsClient {
    return new ArchitectureDocsClient({
      ...dependencies,
      config: readArchitectureDocsConfig(configApi),
    });
  }

  readonly #scmAuthApi: ScmAuthApi;
  readonly #annotation: string;
  readonly #maxBytes: number;
  readonly #templateMarkdown: string;
  readonly #integrations: ScmIntegrationLookup;
  readonly #requests: HostRequestContext;
  readonly #cache: DocCache;

  constructor(options: ArchitectureDocsClientOptions) {
    const defaults = DEFAULT_ARCHITECTURE_DOCS_CONFIG;
    const fetchConfig = options.config?.fetch ?? {};
    this.#scmAuthApi = options.scmAuthApi;
    this.#annotation = options.config?.annotation ?? defaults.annotation;
    this.#maxBytes = positiveOr(fetchConfig.maxBytes, defaults.fetch.maxBytes);
    this.#templateMarkdown =
      options.templateMarkdown ?? DEFAULT_TEMPLATE_MARKDOWN;
    this.#integrations = new ScmIntegrationLookup(options.scmIntegrations);
    this.#requests = {
      // Without a path there is nothing to proxy to; the config reader reports it.
      proxyPath:
        fetchConfig.mode === 'proxy' && fetchConfig.proxyPath
          ? `/${fetchConfig.proxyPath.replace(/^\/+/, '').replace(/\/+$/, '')}`
          : undefined,
      discoveryApi: options.discoveryApi,
      scmAuthApi: options.scmAuthApi,
      fetchApi: options.fetchApi,
      // Looked up on each call so that a fetch installed later (polyfills,
      // test interceptors) is used, and never called detached from `window`.
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    };
    this.#cache = new DocCache({
      ttlMs: Math.max(0, options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS),
      maxEntries: options.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
      maxBytes: positiveOr(options.cacheMaxBytes, DEFAULT_CACHE_MAX_BYTES),
      timeoutMs: positiveOr(fetchConfig.timeoutMs, defaults.fetch.timeoutMs),
    });
  }

  /**
   * Where the entity's doc lives. A relative annotation value resolves
   * against the entity's `backstage.io/managed-by-location` (or, when
   * absent, `backstage.io/managed-by-origin-location`), which must be a
   * `url:` location. The create URL prefills `options.templateMarkdown`
   * when given, else the client's `templateMarkdown`.
   */
  getDocLocation(
    entity: Entity,
    options: ArchitectureDocLocationOptions = {},
  ): ArchitectureDocLocation {
    return locateEntityDoc(entity, {
      annotation: this.#annotation,
      templateMarkdown: options.templateMarkdown ?? this.#templateMarkdown,
      integrations: this.#integrations,
    });
  }

  /** Fetches the entity's doc; see {@link ArchitectureDocsClient.getDoc}. */
  async getEntityDoc(
    entity: Entity,
    options?: ArchitectureDocFetchOptions,
  ): Promise<ArchitectureDocFile> {
    const location = this.getDocLocation(entity);
    return this.getDoc(location.url, options);
  }

  /**
   * Fetches a doc by its absolute URL. A doc fetched less than the cache TTL
   * ago is returned without a request; an older one is revalidated with its
   * ETag. Calls for the same URL while a request is running share it.
   * Aborting `options.signal` rejects with the signal's reason (an
   * `AbortError`), not an {@link ArchitectureDocError}.
   */
  async getDoc(
    url: string,
    options?: ArchitectureDocFetchOptions,
  ): Promise<ArchitectureDocFile> {
    const signal = options?.signal;
    if (signal?.aborted) throw abortReason(signal);
    const source = describeDocSource(url, this.#integrations);
    const cached = this.#cache.get(source.docUrl);
    if (cached?.fresh) return cached.file;
    return this.#cache.share(
      source.docUrl,
      source.host,
      loadSignal => this.#load(source, cached?.file, loadSignal),
      signal,
    );
  }

  /**
   * Resolves a link as written in a doc against the doc's URL, through the
   * SCM integrations so that `/path` means the repository root. URLs with a
   * scheme are returned unchanged (rendering decides which are safe). Throws
   * an {@link ArchitectureDocError} of kind `invalid-location` when the
   * result is not a URL.
   */
  resolveLink(target: string, baseUrl: string): string {
    return resolveDocLinkUrl(target, baseUrl, this.#integrations);
  }

  /**
   * The page that shows a file on its host. Doc URLs are such pages already;
   * GitHub and GitLab raw URLs are turned into their blob pages.
   */
  getViewUrl(url: string): string {
    return viewPageUrl(url, this.#integrations);
  }

  /**
   * Opens the login of the provider for `url`'s host. The next fetch of any
   * doc on that host starts a new request with the new credentials.
   */
  async signIn(url: string): Promise<void> {
    const host = tryParseUrl(url)?.host ?? url;
    try {
      // Reached before the first await: browsers only allow the popup
      // within the user's click.
      await this.#scmAuthApi.getCredentials({ url, instantPopup: true });
    } catch (error) {
      throw new ArchitectureDocError(
        'failed',
        `Could not sign in to ${host}: ${error instanceof Error ? error.message : String(error)}`,
        { url, host },
      );
    }
    // Requests still running were sent without the new credentials.
    this.#cache.forgetRequestsTo(host);
  }

  /** One request for a doc, revalidating `previous` when there is one; stores the outcome. */
  async #load(
    source: DocSource,
    previous: ArchitectureDocFile | undefined,
    signal: AbortSignal,
  ): Promise<ArchitectureDocFile> {
    const request = await prepareHostRequest(source, signal, this.#requests);
    const etag = previous?.etag;
    let response: Response;
    try {
      response = await sendHostRequest(request, etag, signal, this.#requests);
    } catch (error) {
      if (signal.aborted) throw error;
      if (!etag) throw networkError(source, error);
      // A host may refuse the conditional header across origins (CORS
      // preflight); an unconditional request can still succeed.
      try {
        response = await sendHostRequest(
          request,
          undefined,
          signal,
          this.#requests,
        );
      } catch (retryError) {
        if (signal.aborted) throw retryError;
        throw networkError(source, retryError);
      }
    }
    const read = await readDocResponse(source, request, response, {
      previous,
      maxBytes: this.#maxBytes,
    });
    const file: ArchitectureDocFile =
      read.kind === 'not-modified'
        ? read.file
        : {
            url: source.docUrl,
            content: read.content,
            editUrl: editPageUrl(source.docUrl, this.#integrations),
            etag: read.etag,
          };
    this.#cache.store(source.docUrl, file);
    return file;
  }
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0
    ? value
    : fallback;
}
