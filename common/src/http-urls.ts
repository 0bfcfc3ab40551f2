/**
 * Reading URLs without throwing: annotation values, doc URLs and link
 * targets are written by people, and a malformed one must become a typed
 * error, never a `TypeError` from `new URL`.
 */

/**
 * The parsed URL, or undefined when `value` is not an absolute URL.
 * @public
 */
export function tryParseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether a parsed URL is one a doc may be read from: http or https.
 * @public
 */
export function isHttpUrl(url: URL | undefined): url is URL {
  return (
    url !== undefined && (url.protocol === 'https:' || url.protocol === 'http:')
  );
}

/**
 * Whether a reference starts with a URL scheme, i.e. is not a relative path.
 * @public
 */
export function hasScheme(value: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(value);
}

/**
 * `target` resolved against `base` by the URL standard; undefined when that fails.
 * @public
 */
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
