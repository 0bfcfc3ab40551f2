/**
 * Total decoding of percent-encoded text from docs, links, fragments, page
 * URLs and annotations. `decodeURIComponent` throws `URIError` on malformed
 * input such as `%`, `%zz` or a truncated UTF-8 sequence (`%E0%A4%A`); these
 * helpers never throw, so one bad link cannot take a view down.
 */

/**
 * Decodes percent-encoded text, or returns undefined when the encoding is
 * malformed. Use it where malformed input must be told apart, e.g. to reject
 * a location with a typed error.
 * @public
 */
export function tryDecodeURIComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Decodes percent-encoded text; malformed encoding is returned as written.
 * @public
 */
export function safeDecodeURIComponent(value: string): string {
  return tryDecodeURIComponent(value) ?? value;
}

/**
 * The decoded path of a URL without its leading slashes
 * (`https://h/o/r/blob/main/docs/a%20b.md` → `o/r/blob/main/docs/a b.md`),
 * so the analysis can tell contract folders apart; empty when `url` is not
 * an absolute URL.
 * @public
 */
export function decodedUrlPath(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return '';
  }
  return safeDecodeURIComponent(pathname).replace(/^\/+/, '');
}
