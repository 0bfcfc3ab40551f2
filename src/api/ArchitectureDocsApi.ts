import { createApiRef } from '@backstage/core-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { RenderBudgetExcess } from 'backstage-plugin-architecture-docs-common';

/**
 * Why a doc could not be fetched. Each kind has its own state on the page.
 * - `no-annotation`: the entity does not point at a doc;
 * - `not-found`: the host answered 404;
 * - `sign-in-needed`: the host answered 401/403 (or 404 to an anonymous
 *   request for a host that has credentials to offer);
 * - `timeout`: no complete answer within `fetch.timeoutMs`;
 * - `too-large`: the doc is larger than `fetch.maxBytes`, or holds more of
 *   some construct than the entity page renders (`budget`, see `RENDER_LIMITS`);
 * - `unexpected-content`: the answer is not a text document (an HTML login
 *   page, an image);
 * - `invalid-location`: the annotation or a link cannot be turned into a URL;
 * - `failed`: any other failure (network error, 5xx, 429), worth a retry.
 * @public
 */
export type ArchitectureDocErrorKind =
  | 'no-annotation'
  | 'not-found'
  | 'sign-in-needed'
  | 'timeout'
  | 'too-large'
  | 'unexpected-content'
  | 'invalid-location'
  | 'failed';

/**
 * A failure to fetch a doc, with what the page needs to explain it.
 * @public
 */
export class ArchitectureDocError extends Error {
  readonly kind: ArchitectureDocErrorKind;
  /** The URL that was requested, when there was one. */
  readonly url?: string;
  /** The HTTP status, when the host answered. */
  readonly status?: number;
  /** The host to sign in to, for `sign-in-needed`. */
  readonly host?: string;
  /** Seconds the host asked to wait (Retry-After), when it said. */
  readonly retryAfterSeconds?: number;
  /** For `too-large`: the render limit the doc passed, when it was not its size. */
  readonly budget?: RenderBudgetExcess;

  constructor(
    kind: ArchitectureDocErrorKind,
    message: string,
    details: {
      url?: string;
      status?: number;
      host?: string;
      retryAfterSeconds?: number;
      budget?: RenderBudgetExcess;
    } = {},
  ) {
    super(message);
    this.name = 'ArchitectureDocError';
    this.kind = kind;
    this.url = details.url;
    this.status = details.status;
    this.host = details.host;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.budget = details.budget;
  }
}

/**
 * A fetched doc.
 * @public
 */
export interface ArchitectureDocFile {
  /** The doc's canonical URL (its SCM file URL); links resolve against it. */
  url: string;
  /** The markdown text. */
  content: string;
  /** The URL to edit the doc on its host, when the host has one. */
  editUrl?: string;
  /** The entity tag the host gave, used to revalidate the cache. */
  etag?: string;
}

/**
 * Where an entity's doc lives, before fetching it.
 * @public
 */
export interface ArchitectureDocLocation {
  /** The annotation value as written. */
  ref: string;
  /** The doc's absolute URL. */
  url: string;
  /** The URL to edit the doc, when the host has one. */
  editUrl?: string;
  /**
   * The host's "new file" URL with the template prefilled where supported,
   * for docs that do not exist yet.
   */
  createUrl?: string;
}

/**
 * Options of {@link ArchitectureDocsApi.getDocLocation}.
 * @public
 */
export interface ArchitectureDocLocationOptions {
  /**
   * The markdown the `createUrl` prefills: the template the app configures
   * (`architectureDocs.templateUrl` or `sections`). Default: the template the
   * implementation was created with.
   */
  templateMarkdown?: string;
}

/**
 * Options for one fetch.
 * @public
 */
export interface ArchitectureDocFetchOptions {
  signal?: AbortSignal;
}

/**
 * Finds and fetches architecture docs. Apps may replace the default client
 * by registering their own implementation for {@link architectureDocsApiRef}.
 * @public
 */
export interface ArchitectureDocsApi {
  /**
   * Where the entity's doc lives, from its annotation. Throws an
   * {@link ArchitectureDocError} of kind `no-annotation` or
   * `invalid-location`.
   */
  getDocLocation(
    entity: Entity,
    options?: ArchitectureDocLocationOptions,
  ): ArchitectureDocLocation;

  /** Fetches the entity's doc. Rejects with an {@link ArchitectureDocError}. */
  getEntityDoc(
    entity: Entity,
    options?: ArchitectureDocFetchOptions,
  ): Promise<ArchitectureDocFile>;

  /**
   * Fetches any doc by absolute URL (a contract or related doc a link points
   * at). Rejects with an {@link ArchitectureDocError}.
   */
  getDoc(
    url: string,
    options?: ArchitectureDocFetchOptions,
  ): Promise<ArchitectureDocFile>;

  /** Resolves a link as written in a doc against the doc's URL. */
  resolveLink(target: string, baseUrl: string): string;

  /** The page that shows a file on its host (for links that are not docs). */
  getViewUrl(url: string): string;

  /**
   * Asks the user to sign in to the host of `url` (opens the provider's
   * login). Only called from a user action, never on page load.
   */
  signIn(url: string): Promise<void>;
}

/**
 * The API reference of {@link ArchitectureDocsApi}.
 * @public
 */
export const architectureDocsApiRef = createApiRef<ArchitectureDocsApi>({
  id: 'plugin.architecture-docs.service',
});
