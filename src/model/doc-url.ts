/** The part of a URL that identifies a document: no fragment, no query. */
export function documentKey(url: string): string {
  const hash = url.indexOf('#');
  const withoutHash = hash >= 0 ? url.slice(0, hash) : url;
  const query = withoutHash.indexOf('?');
  return query >= 0 ? withoutHash.slice(0, query) : withoutHash;
}

/** The URL's fragment with its `#`, or an empty string when it has none. */
export function urlFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(hash) : '';
}
