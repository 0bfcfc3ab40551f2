import { defaultScmResolveUrl } from '@backstage/integration';
import type {
  GithubIntegration,
  GitLabIntegration,
  ScmIntegration,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { BoundedCache } from '../lib/bounded-cache';

/** URL authorities whose integration is remembered; a portal links to a handful of hosts. */
const INTEGRATION_LOOKUP_MAX_ENTRIES = 256;

/**
 * A path relative to the file it is written in, which no URL parser reads as
 * an absolute URL: it starts with `./`, `../` or a name character and has no
 * colon before its first slash.
 */
const PLAIN_RELATIVE_PATH = /^(?:\.\.?\/|[\w-][^:/]*(?:\/|$))/;

/**
 * The app's SCM integration registry, asked once per URL authority: the
 * registry parses the URL once per integration kind, and the catalog-wide
 * page asks for thousands of URLs on a handful of hosts.
 */
export class ScmIntegrationLookup {
  /** The registry asked, for the per-kind lookups this class does not remember. */
  readonly registry: ScmIntegrationRegistry;
  /** The integration for each URL scheme and authority seen; integrations match by host. */
  readonly #byAuthority = new BoundedCache<string, ScmIntegration | null>({
    maxEntries: INTEGRATION_LOOKUP_MAX_ENTRIES,
  });

  constructor(registry: ScmIntegrationRegistry) {
    this.registry = registry;
  }

  /** `registry.byUrl`, remembered per URL scheme and authority. */
  integrationFor(url: string): ScmIntegration | undefined {
    // Scheme and authority: the port a host is matched with depends on both.
    const authority = /^[a-z][a-z\d+.-]*:\/\/[^/?#\\]*/i
      .exec(url)?.[0]
      .toLowerCase();
    if (authority === undefined) return this.registry.byUrl(url);
    const known = this.#byAuthority.get(authority);
    if (known !== undefined) return known ?? undefined;
    const integration = this.registry.byUrl(url);
    this.#byAuthority.set(authority, integration ?? null);
    return integration;
  }

  /**
   * The URL's integration from the per-host lookup, when it is of `type`.
   * The registry's integrations of a type are the ones its `byUrl` returns,
   * so the one remembered is the one to use; no second lookup is needed.
   */
  integrationOfType(url: string, type: 'github'): GithubIntegration | undefined;
  integrationOfType(url: string, type: 'gitlab'): GitLabIntegration | undefined;
  integrationOfType(url: string, type: 'github' | 'gitlab') {
    const integration = this.integrationFor(url);
    return integration?.type === type ? integration : undefined;
  }

  /**
   * `registry.resolveUrl`, with the integration looked up once per host, so
   * that `/path` means the repository root on an SCM host. Throws where the
   * integration's resolver does (e.g. a path leaving the repository).
   */
  resolveUrl(url: string, base: string): string {
    const integration = this.integrationFor(base);
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
}
