/**
 * Reading URLs without throwing: the client meets annotation values, doc
 * URLs and link targets as written by people, and a malformed one must
 * become a typed error, never a `TypeError` from `new URL`.
 */

/** The parsed URL, or undefined when `value` is not an absolute URL. */
export function tryParseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Whether a parsed URL is one the browser may fetch: http or https. */
export function isHttpUrl(url: URL | undefined): url is URL {
  return (
    url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:')
  );
}

/** Whether a reference starts with a URL scheme, i.e. is not a relative path. */
export function hasScheme(value: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(value);
}

/** The host (with port) of a URL; undefined for no URL or one that does not parse. */
export function hostOf(url: string | undefined): string | undefined {
  return url ? tryParseUrl(url)?.host : undefined;
}

/** `target` resolved against `base` by the URL standard; undefined when that fails. */
export function tryResolveUrl(
  target: string,
  base: string,
): string | undefined {
  try {
    return new URL(target, base).toString();
  } catch {
    return undefined;
  }
}
