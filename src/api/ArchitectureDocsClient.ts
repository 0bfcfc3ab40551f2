// One file on purpose, for now: the client's per-host URL parsing, response
// reading, cache and error mapping share private state (the integration
// lookup and the in-flight request map) that splitting would have to expose.
// Its test file is already organised by these concerns, which are the seams
// along which it is to be split into modules.
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { Entity } from '@backstage/catalog-model';
import type { ConfigApi, DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import {
  defaultScmResolveUrl,
  getAzureFileFetchUrl,
  getBitbucketCloudFileFetchUrl,
  getBitbucketServerFileFetchUrl,
  getGiteaFileContentsUrl,
} from '@backstage/integration';
import type {
  GithubIntegration,
  GithubIntegrationConfig,
  GitLabIntegration,
  GitLabIntegrationConfig,
  ScmIntegration,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import type { ScmAuthApi } from '@backstage/integration-react';
import { getArchitectureDocRef } from '../lib/annotation';
import { tryDecodeURIComponent } from '../lib/safe-decode';
import { BoundedCache } from '../lib/bounded-cache';
import { DEFAULT_TEMPLATE_MARKDOWN } from '../lib/default-template';
import {
  ArchitectureDocError,
  ArchitectureDocFetchOptions,
  ArchitectureDocFile,
  ArchitectureDocLocation,
  ArchitectureDocLocationOptions,
  ArchitectureDocsApi,
} from './ArchitectureDocsApi';
import {
  ArchitectureDocsFetchConfig,
  DEFAULT_ARCHITECTURE_DOCS_CONFIG,
  readArchitectureDocsConfig,
} from './readArchitectureDocsConfig';

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
/** URL authorities whose integration is remembered; a portal links to a handful of hosts. */
const INTEGRATION_LOOKUP_MAX_ENTRIES = 256;
/** Room for the fields Gitea's contents API sends around the base64 content. */
const GITEA_ENVELOPE_BYTES = 16 * 1024;
/**
 * Hosts reject very long URLs; above this the create URL only names the
 * file and leaves the content to the author.
 */
const MAX_PREFILL_URL_CHARS = 8000;

type BodyFormat = 'text' | 'gitea-contents';

/** A request for a file's bytes, before credentials are added. */
interface RawRequest {
  url: string;
  headers: Record<string, string>;
  format: BodyFormat;
}

/** What the client knows about an SCM host serving a doc. */
interface IntegrationSource {
  /** Hosts this integration's credentials may be sent to. */
  credentialHosts: ReadonlySet<string>;
  /** The raw-file request, which may differ with credentials (GitHub). */
  rawRequest(authenticated: boolean): RawRequest;
}

interface DocSource {
  /** The doc's canonical URL: the cache key and the URL links resolve against. */
  docUrl: string;
  host: string;
  integration?: IntegrationSource;
}

interface PreparedRequest extends RawRequest {
  authenticated: boolean;
  viaProxy: boolean;
}

interface CacheEntry {
  file: ArchitectureDocFile;
  storedAt: number;
}

interface Flight {
  key: string;
  host: string;
  controller: AbortController;
  waiters: number;
  promise: Promise<ArchitectureDocFile>;
}

function tryParseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isHttpUrl(url: URL | undefined): url is URL {
  return url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:');
}

/**
 * A path relative to the file it is written in, which no URL parser reads as
 * an absolute URL: it starts with `./`, `../` or a name character and has no
 * colon before its first slash.
 */
const PLAIN_RELATIVE_PATH = /^(?:\.\.?\/|[\w-][^:/]*(?:\/|$))/;

/** Whether a reference starts with a URL scheme, i.e. is not a relative path. */
function hasScheme(value: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(value);
}

function hostOf(url: string | undefined): string | undefined {
  return url ? tryParseUrl(url)?.host : undefined;
}

/** Decodes a URL path segment; malformed encoding is an invalid location, reported as such. */
function decodePathSegment(value: string): string {
  const decoded = tryDecodeURIComponent(value);
  if (decoded === undefined) {
    throw new ArchitectureDocError('invalid-location', `"${value}" is not a valid URL path segment.`);
  }
  return decoded;
}

function invalidFileUrl(url: string, kind: string, example: string): ArchitectureDocError {
  return new ArchitectureDocError(
    'invalid-location',
    `${url} is not a ${kind} file URL; expected one like ${example}.`,
    { url },
  );
}

/** The parts of a GitHub file URL `/<owner>/<repo>/<blob|tree|raw|edit>/<ref>/<path>`, still URL-encoded. */
interface GithubFileParts {
  kind: string;
  owner: string;
  repo: string;
  ref: string;
  path: string[];
}

function parseGithubFileUrl(url: string): GithubFileParts | undefined {
  const parsed = tryParseUrl(url);
  if (!parsed) return undefined;
  const [owner, repo, kind, ref, ...path] = parsed.pathname.split('/').slice(1);
  if (!owner || !repo || !ref || !['blob', 'tree', 'raw', 'edit'].includes(kind)) return undefined;
  if (path.length === 0 || path.some(segment => !segment)) return undefined;
  return { kind, owner, repo, ref, path };
}

/** The parts of a GitLab file URL, still URL-encoded. */
interface GitlabFileParts {
  /** The instance's web root, e.g. `https://example.com/gitlab`. */
  root: string;
  project: string;
  ref: string;
  path: string[];
}

function parseGitlabFileUrl(url: string, config: GitLabIntegrationConfig): GitlabFileParts | undefined {
  const parsed = tryParseUrl(url);
  const base = tryParseUrl(config.baseUrl);
  if (!parsed || !base) return undefined;
  // GitLab may be served under a path (https://example.com/gitlab); the
  // project path starts after it.
  const prefix = base.pathname.replace(/\/+$/, '');
  if (prefix && !parsed.pathname.startsWith(`${prefix}/`)) return undefined;
  const rest = parsed.pathname.slice(prefix.length);
  // `/-/` marks the end of the project path; the bare form is the legacy one.
  const marker = ['/-/blob/', '/-/raw/', '/blob/', '/raw/'].find(m => rest.includes(m));
  if (!marker) return undefined;
  const index = rest.indexOf(marker);
  const project = rest.slice(1, index);
  const [ref, ...path] = rest.slice(index + marker.length).split('/');
  if (!project || !ref || path.length === 0 || path.some(segment => !segment)) return undefined;
  return { root: `${parsed.origin}${prefix}`, project, ref, path };
}

/** The page of a GitHub file of the given kind; the hash is kept for anchors. */
function githubPageUrl(url: string, parts: GithubFileParts, kind: 'blob'): string {
  const parsed = new URL(url);
  const path = [parts.owner, parts.repo, kind, parts.ref, ...parts.path].join('/');
  return `${parsed.origin}/${path}${parsed.search}${parsed.hash}`;
}

function githubSource(url: string, config: GithubIntegrationConfig): IntegrationSource {
  const parts = parseGithubFileUrl(url);
  if (!parts) {
    throw invalidFileUrl(url, 'GitHub', `https://${config.host}/org/repo/blob/main/docs/architecture/Service.md`);
  }
  const { owner, repo, ref, path } = parts;
  const { apiBaseUrl, rawBaseUrl } = config;
  const apiRequest = (base: string): RawRequest => ({
    url: `${base}/repos/${owner}/${repo}/contents/${path.join('/')}?ref=${encodeURIComponent(decodePathSegment(ref))}`,
    headers: { Accept: 'application/vnd.github.raw' },
    format: 'text',
  });
  return {
    credentialHosts: new Set(
      [config.host, hostOf(apiBaseUrl), hostOf(rawBaseUrl)].filter((h): h is string => !!h),
    ),
    rawRequest(authenticated) {
      // The contents API accepts tokens across origins; the raw host is for
      // anonymous reads and does not count against the API rate limit.
      if (authenticated && apiBaseUrl) return apiRequest(apiBaseUrl);
      if (rawBaseUrl) {
        return { url: `${rawBaseUrl}/${owner}/${repo}/${ref}/${path.join('/')}`, headers: {}, format: 'text' };
      }
      if (apiBaseUrl) return apiRequest(apiBaseUrl);
      throw new ArchitectureDocError(
        'invalid-location',
        `The GitHub integration for ${config.host} has neither apiBaseUrl nor rawBaseUrl; set one in integrations.github.`,
        { url },
      );
    },
  };
}

function gitlabSource(url: string, config: GitLabIntegrationConfig): IntegrationSource {
  const parts = parseGitlabFileUrl(url, config);
  if (!parts) {
    throw invalidFileUrl(url, 'GitLab', `${config.baseUrl}/group/project/-/blob/main/docs/architecture/Service.md`);
  }
  const project = encodeURIComponent(decodePathSegment(parts.project));
  const filePath = encodeURIComponent(decodePathSegment(parts.path.join('/')));
  const ref = encodeURIComponent(decodePathSegment(parts.ref));
  const request: RawRequest = {
    url: `${config.apiBaseUrl}/projects/${project}/repository/files/${filePath}/raw?ref=${ref}`,
    headers: {},
    format: 'text',
  };
  return {
    credentialHosts: new Set(
      [config.host, hostOf(config.apiBaseUrl), hostOf(config.baseUrl)].filter((h): h is string => !!h),
    ),
    rawRequest: () => request,
  };
}

/** Wraps a URL builder of `@backstage/integration`, which throws plain errors. */
function fromIntegrationBuilder(url: string, kind: string, build: () => string): string {
  try {
    return build();
  } catch (error) {
    throw new ArchitectureDocError(
      'invalid-location',
      `${url} is not a ${kind} file URL: ${error instanceof Error ? error.message : String(error)}`,
      { url },
    );
  }
}

function fixedSource(request: RawRequest, hosts: Array<string | undefined>): IntegrationSource {
  return {
    credentialHosts: new Set(hosts.filter((h): h is string => !!h)),
    rawRequest: () => request,
  };
}

function mediaTypeOf(response: Response): string | undefined {
  const header = response.headers.get('content-type');
  if (!header) return undefined;
  return header.split(';')[0].trim().toLowerCase() || undefined;
}

function isTextMediaType(mediaType: string | undefined): boolean {
  if (mediaType === undefined) return true;
  if (mediaType === 'text/html') return false;
  if (mediaType.startsWith('text/')) return true;
  if (mediaType === 'application/octet-stream') return true;
  // GitHub labels raw answers with its own vendor types, e.g. application/vnd.github.raw.
  return mediaType.startsWith('application/vnd.github') && mediaType.includes('raw');
}

function parseRetryAfter(response: Response): number | undefined {
  const retryAfter = response.headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  // GitHub announces the end of a rate-limit window as epoch seconds.
  const reset = response.headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) {
    return Math.max(0, Number(reset) - Math.floor(Date.now() / 1000));
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/** Releases a body that will not be read; some runtimes keep the connection otherwise. */
function discardBody(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/**
 * Reads at most `limit` bytes; undefined when the body is longer. The read
 * stops at the first chunk past the limit, so a huge body is never buffered.
 */
async function readBodyWithin(response: Response, limit: number): Promise<Uint8Array | undefined> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength > limit ? undefined : bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: a stalled source may never acknowledge the cancel.
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

let utf8Decoder: TextDecoder | undefined;

function decodeUtf8(bytes: Uint8Array): string {
  // Not fatal: a stray invalid byte becomes U+FFFD instead of losing the doc.
  // One decoder serves every call: without `stream`, each decode starts afresh.
  utf8Decoder ??= new TextDecoder('utf-8');
  return utf8Decoder.decode(bytes);
}

function decodeBase64(value: string): Uint8Array | undefined {
  try {
    const binary = atob(value.replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Settles with `promise`, or rejects as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      error => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

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

  readonly #scmIntegrations: ScmIntegrationRegistry;
  readonly #scmAuthApi: ScmAuthApi;
  readonly #discoveryApi: DiscoveryApi;
  readonly #fetchApi: FetchApi;
  readonly #fetch: typeof fetch;
  readonly #annotation: string;
  readonly #proxyPath: string | undefined;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;
  readonly #templateMarkdown: string;
  readonly #cacheTtlMs: number;
  readonly #cache: BoundedCache<string, CacheEntry>;
  readonly #inflight = new Map<string, Flight>();
  /** The integration for each URL scheme and authority seen; integrations match by host. */
  readonly #integrationByAuthority = new BoundedCache<string, ScmIntegration | null>({
    maxEntries: INTEGRATION_LOOKUP_MAX_ENTRIES,
  });

  constructor(options: ArchitectureDocsClientOptions) {
    const defaults = DEFAULT_ARCHITECTURE_DOCS_CONFIG;
    const fetchConfig = options.config?.fetch ?? {};
    this.#scmIntegrations = options.scmIntegrations;
    this.#scmAuthApi = options.scmAuthApi;
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi;
    // Looked up on each call so that a fetch installed later (polyfills,
    // test interceptors) is used, and never called detached from `window`.
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#annotation = options.config?.annotation ?? defaults.annotation;
    // Without a path there is nothing to proxy to; the config reader reports it.
    this.#proxyPath =
      fetchConfig.mode === 'proxy' && fetchConfig.proxyPath
        ? `/${fetchConfig.proxyPath.replace(/^\/+/, '').replace(/\/+$/, '')}`
        : undefined;
    this.#timeoutMs = positiveOr(fetchConfig.timeoutMs, defaults.fetch.timeoutMs);
    this.#maxBytes = positiveOr(fetchConfig.maxBytes, defaults.fetch.maxBytes);
    this.#templateMarkdown = options.templateMarkdown ?? DEFAULT_TEMPLATE_MARKDOWN;
    this.#cacheTtlMs = Math.max(0, options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS);
    this.#cache = new BoundedCache<string, CacheEntry>({
      maxEntries: options.cacheMaxEntries ?? DEFAULT_CACHE_MAX_ENTRIES,
      maxBytes: positiveOr(options.cacheMaxBytes, DEFAULT_CACHE_MAX_BYTES),
      sizeOf: entry => entry.file.content.length * 2,
    });
  }

  /**
   * Where the entity's doc lives. A relative annotation value resolves
   * against the entity's `backstage.io/managed-by-location` (or, when
   * absent, `backstage.io/managed-by-origin-location`), which must be a
   * `url:` location. The create URL prefills `options.templateMarkdown`
   * when given, else the client's `templateMarkdown`.
   */
  getDocLocation(entity: Entity, options: ArchitectureDocLocationOptions = {}): ArchitectureDocLocation {
    const ref = getArchitectureDocRef(entity, this.#annotation);
    if (!ref) {
      throw new ArchitectureDocError(
        'no-annotation',
        `The entity has no "${this.#annotation}" annotation. Add it with the doc's path relative to catalog-info.yaml (for example ./docs/architecture/${entity.metadata.name}.md) or its URL.`,
      );
    }
    const url = hasScheme(ref) ? this.#absoluteRef(ref) : this.#relativeRef(ref, entity);
    return {
      ref,
      url,
      editUrl: this.#editUrl(url),
      createUrl: this.#createUrl(url, options.templateMarkdown ?? this.#templateMarkdown),
    };
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
  async getDoc(url: string, options?: ArchitectureDocFetchOptions): Promise<ArchitectureDocFile> {
    const signal = options?.signal;
    if (signal?.aborted) throw abortReason(signal);
    const source = this.#describe(url);
    const cached = this.#cache.get(source.docUrl);
    if (cached && Date.now() - cached.storedAt < this.#cacheTtlMs) {
      return cached.file;
    }
    let flight = this.#inflight.get(source.docUrl);
    if (!flight) {
      flight = this.#startFlight(source, cached);
    }
    return this.#join(flight, signal);
  }

  /**
   * Resolves a link as written in a doc against the doc's URL, through the
   * SCM integrations so that `/path` means the repository root. URLs with a
   * scheme are returned unchanged (rendering decides which are safe). Throws
   * an {@link ArchitectureDocError} of kind `invalid-location` when the
   * result is not a URL.
   */
  resolveLink(target: string, baseUrl: string): string {
    const trimmed = target.trim();
    if (hasScheme(trimmed)) return trimmed;
    if (trimmed.startsWith('#')) {
      const base = tryParseUrl(baseUrl);
      if (base) {
        base.hash = trimmed;
        return base.toString();
      }
    }
    try {
      return this.#resolveUrl(trimmed, baseUrl);
    } catch {
      // The SCM resolvers reject some paths (e.g. leaving the repository);
      // plain URL resolution still gives a link the host can answer.
    }
    const resolved = safeResolve(trimmed, baseUrl);
    if (!resolved) {
      throw new ArchitectureDocError(
        'invalid-location',
        `The link "${target}" cannot be resolved against ${baseUrl}.`,
        { url: baseUrl },
      );
    }
    return resolved;
  }

  /**
   * The page that shows a file on its host. Doc URLs are such pages already;
   * GitHub and GitLab raw URLs are turned into their blob pages.
   */
  getViewUrl(url: string): string {
    const github = this.#integrationOfType(url, 'github') && parseGithubFileUrl(url);
    // Only raw answers are not pages; `tree` links may name folders.
    if (github && github.kind === 'raw') return githubPageUrl(url, github, 'blob');
    const gitlab = this.#integrationOfType(url, 'gitlab');
    const gitlabParts = gitlab && parseGitlabFileUrl(url, gitlab.config);
    if (gitlabParts && new URL(url).pathname.includes('/-/raw/')) {
      const path = [gitlabParts.project, '-', 'blob', gitlabParts.ref, ...gitlabParts.path].join('/');
      return `${gitlabParts.root}/${path}`;
    }
    return url;
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
    for (const [key, flight] of this.#inflight) {
      if (flight.host === host) this.#inflight.delete(key);
    }
  }

  #absoluteRef(ref: string): string {
    if (!isHttpUrl(tryParseUrl(ref))) {
      throw new ArchitectureDocError(
        'invalid-location',
        `The "${this.#annotation}" annotation is "${ref}", which is neither an http(s) URL nor a path relative to catalog-info.yaml.`,
      );
    }
    return ref;
  }

  #relativeRef(ref: string, entity: Entity): string {
    const annotations = entity.metadata.annotations ?? {};
    const location = annotations[ANNOTATION_LOCATION] ?? annotations[ANNOTATION_ORIGIN_LOCATION];
    const useAbsolute = `Set "${this.#annotation}" to the doc's absolute URL, for example https://github.com/org/repo/blob/main/docs/architecture/${entity.metadata.name}.md.`;
    if (!location) {
      throw new ArchitectureDocError(
        'invalid-location',
        `"${ref}" is relative, but the entity has no ${ANNOTATION_LOCATION} annotation to resolve it against. ${useAbsolute}`,
      );
    }
    let parsed: { type: string; target: string };
    try {
      parsed = parseLocationRef(location);
    } catch {
      throw new ArchitectureDocError(
        'invalid-location',
        `The entity's location "${location}" is not a valid location reference. ${useAbsolute}`,
      );
    }
    if (parsed.type !== 'url') {
      throw new ArchitectureDocError(
        'invalid-location',
        `"${ref}" is relative, but the entity was read from a ${parsed.type} location (${location}), which the browser cannot reach. ${useAbsolute}`,
      );
    }
    let resolved: string;
    try {
      resolved = this.#resolveUrl(ref, parsed.target);
    } catch (error) {
      throw new ArchitectureDocError(
        'invalid-location',
        `"${ref}" cannot be resolved against ${parsed.target}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!isHttpUrl(tryParseUrl(resolved))) {
      throw new ArchitectureDocError(
        'invalid-location',
        `"${ref}" resolves to ${resolved}, which is not an http(s) URL. ${useAbsolute}`,
      );
    }
    return this.#canonicalUrl(resolved);
  }

  /**
   * GitHub's resolver returns `tree` URLs because a path may be a folder; a
   * doc is a file, whose page is the `blob` URL.
   */
  #canonicalUrl(url: string): string {
    const github = this.#integrationOfType(url, 'github') && parseGithubFileUrl(url);
    return github ? githubPageUrl(url, github, 'blob') : url;
  }

  #editUrl(url: string): string | undefined {
    const integration = this.#integrationFor(url);
    if (!integration) return undefined;
    try {
      return integration.resolveEditUrl(url);
    } catch {
      return undefined;
    }
  }

  #createUrl(url: string, templateMarkdown: string): string | undefined {
    const withTemplate = (base: string, contentParam: string): string => {
      const full = `${base}&${contentParam}=${encodeURIComponent(templateMarkdown)}`;
      return full.length <= MAX_PREFILL_URL_CHARS ? full : base;
    };
    try {
      if (this.#integrationOfType(url, 'github')) {
        const parts = parseGithubFileUrl(url);
        if (!parts) return undefined;
        const dir = parts.path.slice(0, -1);
        const name = decodePathSegment(parts.path[parts.path.length - 1]);
        const target = [parts.owner, parts.repo, 'new', parts.ref, ...dir].join('/');
        return withTemplate(
          `${new URL(url).origin}/${target}?filename=${encodeURIComponent(name)}`,
          'value',
        );
      }
      const gitlab = this.#integrationOfType(url, 'gitlab');
      if (gitlab) {
        const parts = parseGitlabFileUrl(url, gitlab.config);
        if (!parts) return undefined;
        const dir = parts.path.slice(0, -1);
        const name = decodePathSegment(parts.path[parts.path.length - 1]);
        const target = [parts.project, '-', 'new', parts.ref, ...dir].join('/');
        return withTemplate(
          `${parts.root}/${target}?file_name=${encodeURIComponent(name)}`,
          'content',
        );
      }
    } catch {
      return undefined;
    }
    return undefined;
  }

  /** Works out where a doc URL is read from, without any request. */
  #describe(url: string): DocSource {
    const parsed = tryParseUrl(url);
    if (!isHttpUrl(parsed)) {
      throw new ArchitectureDocError(
        'invalid-location',
        `"${url}" is not an http(s) URL, so it cannot be fetched.`,
        { url },
      );
    }
    // The fragment names a place in the doc, not another file.
    parsed.hash = '';
    const docUrl = this.#canonicalUrl(parsed.toString());
    return { docUrl, host: parsed.host, integration: this.#integrationSource(docUrl) };
  }

  /**
   * `scmIntegrations.byUrl`, remembered per URL authority: the registry
   * parses the URL once per integration kind, and the catalog-wide page asks
   * for thousands of URLs on a handful of hosts.
   */
  #integrationFor(url: string): ScmIntegration | undefined {
    // Scheme and authority: the port a host is matched with depends on both.
    const authority = /^[a-z][a-z\d+.-]*:\/\/[^/?#\\]*/i.exec(url)?.[0].toLowerCase();
    if (authority === undefined) return this.#scmIntegrations.byUrl(url);
    const known = this.#integrationByAuthority.get(authority);
    if (known !== undefined) return known ?? undefined;
    const integration = this.#scmIntegrations.byUrl(url);
    this.#integrationByAuthority.set(authority, integration ?? null);
    return integration;
  }

  /**
   * The URL's integration from the per-host lookup, when it is of `type`.
   * The registry's integrations of a type are the ones its `byUrl` returns,
   * so the one remembered is the one to use; no second lookup is needed.
   */
  #integrationOfType(url: string, type: 'github'): GithubIntegration | undefined;
  #integrationOfType(url: string, type: 'gitlab'): GitLabIntegration | undefined;
  #integrationOfType(url: string, type: 'github' | 'gitlab') {
    const integration = this.#integrationFor(url);
    return integration?.type === type ? integration : undefined;
  }

  /** `scmIntegrations.resolveUrl`, with the integration looked up once per host. */
  #resolveUrl(url: string, base: string): string {
    const integration = this.#integrationFor(base);
    if (integration) return integration.resolveUrl({ url, base });
    if (PLAIN_RELATIVE_PATH.test(url)) {
      // What defaultScmResolveUrl does with a path relative to the file,
      // without first trying the path as an absolute URL: the exception that
      // attempt throws costs more than the rest, once per link of every doc.
      const resolved = new URL(url, base);
      resolved.search = new URL(base).search;
      return resolved.toString();
    }
    return defaultScmResolveUrl({ url, base });
  }

  #integrationSource(url: string): IntegrationSource | undefined {
    const integrations = this.#scmIntegrations;
    switch (this.#integrationFor(url)?.type) {
      case 'github': {
        const config = integrations.github.byUrl(url)?.config;
        return config && githubSource(url, config);
      }
      case 'gitlab': {
        const config = integrations.gitlab.byUrl(url)?.config;
        return config && gitlabSource(url, config);
      }
      case 'bitbucketCloud': {
        const config = integrations.bitbucketCloud.byUrl(url)?.config;
        if (!config) return undefined;
        const fetchUrl = fromIntegrationBuilder(url, 'Bitbucket Cloud', () => getBitbucketCloudFileFetchUrl(url, config));
        return fixedSource({ url: fetchUrl, headers: {}, format: 'text' }, [config.host, hostOf(config.apiBaseUrl)]);
      }
      case 'bitbucketServer': {
        const config = integrations.bitbucketServer.byUrl(url)?.config;
        if (!config) return undefined;
        const fetchUrl = fromIntegrationBuilder(url, 'Bitbucket Server', () => getBitbucketServerFileFetchUrl(url, config));
        return fixedSource({ url: fetchUrl, headers: {}, format: 'text' }, [config.host, hostOf(config.apiBaseUrl)]);
      }
      case 'azure': {
        const config = integrations.azure.byUrl(url)?.config;
        if (!config) return undefined;
        const fetchUrl = fromIntegrationBuilder(url, 'Azure DevOps', () => getAzureFileFetchUrl(url));
        // Without it the items API may answer with the file's JSON metadata.
        const headers = { Accept: 'application/octet-stream, text/plain' };
        return fixedSource({ url: fetchUrl, headers, format: 'text' }, [config.host]);
      }
      case 'gitea': {
        const config = integrations.gitea.byUrl(url)?.config;
        if (!config) return undefined;
        const fetchUrl = fromIntegrationBuilder(url, 'Gitea', () => getGiteaFileContentsUrl(config, url));
        return fixedSource({ url: fetchUrl, headers: {}, format: 'gitea-contents' }, [
          config.host,
          hostOf(config.baseUrl),
        ]);
      }
      default:
        // Other integration kinds (object stores, Gerrit, ...) have no file
        // endpoint here; their URLs are read like any public URL.
        return undefined;
    }
  }

  #startFlight(source: DocSource, previous: CacheEntry | undefined): Flight {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The doc request timed out.', 'TimeoutError'));
    }, this.#timeoutMs);

    const key = source.docUrl;
    const promise = this.#load(source, previous, controller.signal)
      .catch(error => {
        if (timedOut) {
          throw new ArchitectureDocError(
            'timeout',
            `${source.host} did not answer completely within ${this.#timeoutMs} ms (architectureDocs.fetch.timeoutMs).`,
            { url: key, host: source.host },
          );
        }
        throw error;
      })
      .finally(() => {
        clearTimeout(timer);
        // A newer request for the key (after sign-in) must stay.
        if (this.#inflight.get(key)?.controller === controller) this.#inflight.delete(key);
      });
    const flight: Flight = { key, host: source.host, controller, waiters: 0, promise };
    // Every waiter may have left; the outcome must not surface as unhandled.
    flight.promise.catch(() => undefined);
    this.#inflight.set(flight.key, flight);
    return flight;
  }

  /**
   * Waits for a shared request. One caller aborting leaves the request to
   * the others; it is cancelled only when nobody waits any longer.
   */
  #join(flight: Flight, signal: AbortSignal | undefined): Promise<ArchitectureDocFile> {
    flight.waiters += 1;
    if (!signal) return flight.promise;
    return new Promise<ArchitectureDocFile>((resolve, reject) => {
      const onAbort = () => {
        flight.waiters -= 1;
        if (flight.waiters === 0) {
          if (this.#inflight.get(flight.key) === flight) this.#inflight.delete(flight.key);
          flight.controller.abort(abortReason(signal));
        }
        reject(abortReason(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        file => {
          signal.removeEventListener('abort', onAbort);
          resolve(file);
        },
        error => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  async #load(
    source: DocSource,
    previous: CacheEntry | undefined,
    signal: AbortSignal,
  ): Promise<ArchitectureDocFile> {
    const request = await this.#prepare(source, signal);
    const etag = previous?.file.etag;
    let response: Response;
    try {
      response = await this.#send(request, etag, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      if (!etag) throw this.#networkError(source, error);
      // A host may refuse the conditional header across origins (CORS
      // preflight); an unconditional request can still succeed.
      try {
        response = await this.#send(request, undefined, signal);
      } catch (retryError) {
        if (signal.aborted) throw retryError;
        throw this.#networkError(source, retryError);
      }
    }
    return this.#readResponse(source, request, response, previous);
  }

  async #prepare(source: DocSource, signal: AbortSignal): Promise<PreparedRequest> {
    if (this.#proxyPath !== undefined) {
      const raw = source.integration?.rawRequest(false) ?? {
        url: source.docUrl,
        headers: {},
        format: 'text' as const,
      };
      const target = new URL(raw.url);
      const base = (await raceAbort(this.#discoveryApi.getBaseUrl('proxy'), signal)).replace(/\/+$/, '');
      return {
        ...raw,
        url: `${base}${this.#proxyPath}${target.pathname}${target.search}`,
        authenticated: false,
        viaProxy: true,
      };
    }
    if (!source.integration) {
      return { url: source.docUrl, headers: {}, format: 'text', authenticated: false, viaProxy: false };
    }

    let credentialHeaders: Record<string, string> | undefined;
    try {
      // `optional` returns an empty token instead of prompting when there
      // is no session: a page load never opens a login.
      const credentials = await raceAbort(
        this.#scmAuthApi.getCredentials({ url: source.docUrl, optional: true }),
        signal,
      );
      if (credentials.token) credentialHeaders = credentials.headers;
    } catch (error) {
      if (signal.aborted) throw error;
      // No provider for this host: anonymous access is all there is.
    }

    if (credentialHeaders) {
      const authenticated = source.integration.rawRequest(true);
      const targetHost = hostOf(authenticated.url);
      if (targetHost && source.integration.credentialHosts.has(targetHost)) {
        return {
          ...authenticated,
          headers: { ...authenticated.headers, ...credentialHeaders },
          authenticated: true,
          viaProxy: false,
        };
      }
    }
    return { ...source.integration.rawRequest(false), authenticated: false, viaProxy: false };
  }

  #send(request: PreparedRequest, etag: string | undefined, signal: AbortSignal): Promise<Response> {
    const headers = { ...request.headers };
    if (etag) headers['If-None-Match'] = etag;
    const init: RequestInit = {
      headers,
      signal,
      // A followed redirect would carry the credentials to wherever it points.
      redirect: request.authenticated ? 'manual' : 'follow',
    };
    return request.viaProxy ? this.#fetchApi.fetch(request.url, init) : this.#fetch(request.url, init);
  }

  #networkError(source: DocSource, error: unknown): ArchitectureDocError {
    const reason = error instanceof Error ? error.message : String(error);
    return new ArchitectureDocError(
      'failed',
      `Could not reach ${source.host} (${reason}). Check the network, and that ${source.host} accepts requests from this portal (CORS).`,
      { url: source.docUrl },
    );
  }

  async #readResponse(
    source: DocSource,
    request: PreparedRequest,
    response: Response,
    previous: CacheEntry | undefined,
  ): Promise<ArchitectureDocFile> {
    const { docUrl: url, host } = source;
    const status = response.status;
    const answeredBy = request.viaProxy ? 'The proxy' : hostOf(request.url) ?? host;

    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400 && status !== 304)) {
      discardBody(response);
      const location = response.headers.get('location');
      throw new ArchitectureDocError(
        'failed',
        `${answeredBy} answered with a redirect${location ? ` to ${location}` : ''}. It was not followed, so that the credentials for ${host} are not sent elsewhere; point the annotation at the file's current URL.`,
        { url, status: status || undefined },
      );
    }
    if (status === 304) {
      discardBody(response);
      if (previous) {
        this.#store(url, previous.file);
        return previous.file;
      }
      throw new ArchitectureDocError('failed', `${answeredBy} answered 304 to a request that was not conditional.`, {
        url,
        status,
      });
    }
    if (!response.ok) {
      discardBody(response);
      throw this.#statusError(source, request, response);
    }

    const mediaType = mediaTypeOf(response);
    const expectsJson = request.format === 'gitea-contents';
    const acceptable = expectsJson
      ? mediaType === undefined || mediaType === 'application/json'
      : isTextMediaType(mediaType);
    if (!acceptable) {
      discardBody(response);
      const hint =
        mediaType === 'text/html'
          ? ' This is usually a login page or the host’s web page for the file rather than the file itself.'
          : '';
      throw new ArchitectureDocError(
        'unexpected-content',
        `${answeredBy} answered with ${mediaType}, not a text document.${hint}`,
        { url, status },
      );
    }

    // Gitea sends the file base64-encoded inside JSON, a third larger.
    const budget = expectsJson
      ? Math.ceil(this.#maxBytes / 3) * 4 + GITEA_ENVELOPE_BYTES
      : this.#maxBytes;
    const tooLarge = () =>
      new ArchitectureDocError(
        'too-large',
        `The doc is larger than ${formatBytes(this.#maxBytes)} (architectureDocs.fetch.maxBytes).`,
        { url, status },
      );
    const declaredLength = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declaredLength) && declaredLength > budget) {
      discardBody(response);
      throw tooLarge();
    }
    const body = await readBodyWithin(response, budget);
    if (!body) throw tooLarge();

    let content: string;
    if (expectsJson) {
      const bytes = this.#giteaFileBytes(decodeUtf8(body), url, host, status);
      if (bytes.byteLength > this.#maxBytes) throw tooLarge();
      content = decodeUtf8(bytes);
    } else {
      content = decodeUtf8(body);
    }

    const file: ArchitectureDocFile = {
      url,
      content,
      editUrl: this.#editUrl(url),
      etag: response.headers.get('etag') ?? undefined,
    };
    this.#store(url, file);
    return file;
  }

  #giteaFileBytes(json: string, url: string, host: string, status: number): Uint8Array {
    const notAFile = (why: string) =>
      new ArchitectureDocError('unexpected-content', `${host} did not return a file: ${why}.`, {
        url,
        status,
      });
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw notAFile('the answer is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw notAFile('the path is a folder');
    }
    const { type, encoding, content } = parsed as Record<string, unknown>;
    if (type !== undefined && type !== 'file') throw notAFile(`the path is a ${String(type)}`);
    if (typeof content !== 'string' || (encoding !== undefined && encoding !== 'base64')) {
      throw notAFile('the answer has no base64 content');
    }
    const bytes = decodeBase64(content);
    if (!bytes) throw notAFile('the content is not valid base64');
    return bytes;
  }

  #statusError(source: DocSource, request: PreparedRequest, response: Response): ArchitectureDocError {
    const { docUrl: url, host } = source;
    const status = response.status;
    const answeredBy = request.viaProxy ? 'The proxy' : hostOf(request.url) ?? host;
    // Signing in can only help on a host whose credentials this client sends.
    const signInHost = !request.viaProxy && source.integration ? host : undefined;
    const rateLimited =
      status === 429 ||
      (status === 403 && response.headers.get('x-ratelimit-remaining') === '0');

    if (rateLimited) {
      const retryAfterSeconds = parseRetryAfter(response);
      return new ArchitectureDocError(
        'failed',
        `${answeredBy} is limiting requests${retryAfterSeconds !== undefined ? `; try again in ${retryAfterSeconds} s` : '; try again later'}.`,
        { url, status, retryAfterSeconds },
      );
    }
    if (status === 401 || status === 403) {
      const message = request.viaProxy
        ? `The proxy answered ${status} for ${url}; the token configured on the proxy cannot read it.`
        : `${answeredBy} answered ${status}: ${signInHost ? `sign in to ${host} with an account that can read this file.` : 'the file is not public.'}`;
      return new ArchitectureDocError('sign-in-needed', message, { url, status, host: signInHost });
    }
    if (status === 404) {
      // An anonymous 404 is also how private repositories answer.
      const privateHint = signInHost && !request.authenticated;
      return new ArchitectureDocError(
        'not-found',
        privateHint
          ? `${host} has no file at ${url}, or it is private and needs you to sign in.`
          : `${host} has no file at ${url}.`,
        { url, status, host: privateHint ? signInHost : undefined },
      );
    }
    if (status >= 500) {
      return new ArchitectureDocError('failed', `${answeredBy} answered ${status}; try again later.`, {
        url,
        status,
      });
    }
    return new ArchitectureDocError(
      'failed',
      `${answeredBy} answered ${status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      { url, status },
    );
  }

  #store(url: string, file: ArchitectureDocFile): void {
    this.#cache.set(url, { file, storedAt: Date.now() });
  }
}

function positiveOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

function safeResolve(target: string, base: string): string | undefined {
  try {
    return new URL(target, base).toString();
  } catch {
    return undefined;
  }
}
