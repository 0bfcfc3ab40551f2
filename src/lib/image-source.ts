/** Only web images are fetched; relative, `data:` and other sources are not. */
const WEB_IMAGE_SOURCE = /^(https?):\/\//i;

/**
 * The URL to load a doc's image from, or undefined when it is not loaded.
 * Only `http:` and `https:` images are loaded. On an `https:` page an
 * `http:` image is upgraded to `https:`, so a doc never makes the portal load
 * mixed content (or tell a plain-text observer which doc is open).
 */
export function imageSourceFor(
  src: string,
  pageProtocol: string,
): string | undefined {
  const scheme = WEB_IMAGE_SOURCE.exec(src)?.[1];
  if (!scheme) return undefined;
  if (scheme.toLowerCase() === 'http' && pageProtocol === 'https:')
    return `https${src.slice(scheme.length)}`;
  return src;
}
