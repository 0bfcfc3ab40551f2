import { tryParseUrl } from 'backstage-plugin-architecture-docs-common/client';

// The URL readers that never throw live in the common package, which the
// backend's indexer shares; they are re-exported for the client's modules.
export {
  hasScheme,
  isHttpUrl,
  tryParseUrl,
  tryResolveUrl,
} from 'backstage-plugin-architecture-docs-common/client';

/** The host (with port) of a URL; undefined for no URL or one that does not parse. */
export function hostOf(url: string | undefined): string | undefined {
  return url ? tryParseUrl(url)?.host : undefined;
}
