import {
  ArchitectureDocError,
  ArchitectureDocFile,
} from './ArchitectureDocsApi';
import type { DocSource, PreparedRequest } from './hostRequests';
import { giteaContentsByteBudget, giteaFileBytes } from './hosts/giteaContents';
import { answeredBy, redirectError, statusError } from './responseErrors';

/** What a host's answer to a doc request says. */
export type DocResponse =
  /** The cached copy being revalidated is still current. */
  | { kind: 'not-modified'; file: ArchitectureDocFile }
  /** The doc's text, and the entity tag to revalidate it with. */
  | { kind: 'content'; content: string; etag?: string };

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
  return (
    mediaType.startsWith('application/vnd.github') && mediaType.includes('raw')
  );
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
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
export async function readBodyWithin(
  response: Response,
  limit: number,
): Promise<Uint8Array | undefined> {
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

/** What {@link readDocResponse} needs to know besides the answer. */
export interface ReadDocResponseOptions {
  /** The cached copy being revalidated, which a 304 confirms. */
  previous: ArchitectureDocFile | undefined;
  /** The largest doc accepted, in bytes (`architectureDocs.fetch.maxBytes`). */
  maxBytes: number;
}

/**
 * Reads a host's answer to a doc request: the doc's text (UTF-8, invalid
 * bytes replaced), or that the cached copy is current. Throws an
 * {@link ArchitectureDocError} for a redirect, an error status, a body that
 * is not a text document (or Gitea file) and one larger than `maxBytes`,
 * which is never read past the limit.
 */
export async function readDocResponse(
  source: DocSource,
  request: PreparedRequest,
  response: Response,
  options: ReadDocResponseOptions,
): Promise<DocResponse> {
  const { docUrl: url, host } = source;
  const { maxBytes } = options;
  const status = response.status;

  if (
    response.type === 'opaqueredirect' ||
    (status >= 300 && status < 400 && status !== 304)
  ) {
    discardBody(response);
    throw redirectError(source, request, response);
  }
  if (status === 304) {
    discardBody(response);
    if (options.previous)
      return { kind: 'not-modified', file: options.previous };
    throw new ArchitectureDocError(
      'failed',
      `${answeredBy(source, request)} answered 304 to a request that was not conditional.`,
      { url, status },
    );
  }
  if (!response.ok) {
    discardBody(response);
    throw statusError(source, request, response);
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
      `${answeredBy(source, request)} answered with ${mediaType}, not a text document.${hint}`,
      { url, status },
    );
  }

  const budget = expectsJson ? giteaContentsByteBudget(maxBytes) : maxBytes;
  const tooLarge = () =>
    new ArchitectureDocError(
      'too-large',
      `The doc is larger than ${formatBytes(maxBytes)} (architectureDocs.fetch.maxBytes).`,
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
    const bytes = giteaFileBytes(decodeUtf8(body), url, host, status);
    if (bytes.byteLength > maxBytes) throw tooLarge();
    content = decodeUtf8(bytes);
  } else {
    content = decodeUtf8(body);
  }
  return {
    kind: 'content',
    content,
    etag: response.headers.get('etag') ?? undefined,
  };
}
