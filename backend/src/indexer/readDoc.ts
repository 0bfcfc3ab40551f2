import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type {
  UrlReaderService,
  UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import {
  classifyReadError,
  describeUrl,
  type DocReadFailure,
} from './readErrors';

/**
 * The outcome of one read:
 * - `content`: the doc's text (UTF-8, invalid bytes replaced), its SHA-256
 *   and the host's entity tag;
 * - `not-modified`: the host confirmed the entity tag passed; no body came;
 * - `failed`: why not, as the index stores it.
 */
export type DocRead =
  | { kind: 'content'; content: string; contentHash: string; etag?: string }
  | { kind: 'not-modified' }
  | { kind: 'failed'; failure: DocReadFailure };

/** What {@link readDoc} needs besides the reader and the URL. */
export interface ReadDocOptions {
  /** The stored entity tag; the host answers "not modified" when it still matches. */
  etag?: string;
  /** Largest body accepted, in bytes; the read stops at the first byte past it. */
  maxBytes: number;
  /** The whole read, answer and body, must end within this. */
  timeoutMs: number;
  /** The clock, for `Retry-After` dates. */
  now?: () => number;
}

class TooLargeError extends Error {
  constructor() {
    super('too large');
    this.name = 'TooLargeError';
  }
}

/** Reads the stream up to `limit` bytes; throws {@link TooLargeError} past it. */
async function readStreamWithin(
  stream: Readable,
  limit: number,
  signal: AbortSignal,
): Promise<Buffer> {
  // The readers tie the body to the signal, but a stalled source may not
  // notice; destroying the stream ends the iteration in every case.
  const onAbort = () => stream.destroy(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      total += bytes.byteLength;
      if (total > limit) {
        stream.destroy();
        throw new TooLargeError();
      }
      chunks.push(bytes);
    }
    if (signal.aborted) throw signal.reason;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  return Buffer.concat(chunks, total);
}

async function readBodyWithin(
  response: UrlReaderServiceReadUrlResponse,
  limit: number,
  signal: AbortSignal,
): Promise<Buffer> {
  if (response.stream) {
    return readStreamWithin(response.stream() as Readable, limit, signal);
  }
  // A reader without streams hands over the whole body; its size is
  // checked once it has arrived.
  const buffer = await Promise.race([
    response.buffer(),
    new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), {
        once: true,
      });
    }),
  ]);
  if (buffer.byteLength > limit) throw new TooLargeError();
  return buffer;
}

/** Whether the bytes are an HTML page or binary data rather than a text doc. */
function unexpectedContent(bytes: Buffer): string | undefined {
  // A NUL byte never occurs in UTF-8 text.
  if (bytes.includes(0)) return 'binary data';
  const start = bytes
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html'))
    return 'an HTML page';
  return undefined;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

/**
 * Reads one doc through the app's URL reader, passing the stored entity tag.
 * The body is read as a stream and abandoned at the first byte past
 * `maxBytes`; the answer and the body share one timeout. Never throws.
 */
export async function readDoc(
  urlReader: UrlReaderService,
  url: string,
  options: ReadDocOptions,
): Promise<DocRead> {
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  let timedOut = false;
  let bodyRead = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('read timeout'));
  }, options.timeoutMs);
  try {
    const response = await urlReader.readUrl(url, {
      etag: options.etag,
      signal: controller.signal,
    });
    const bytes = await readBodyWithin(
      response,
      options.maxBytes,
      controller.signal,
    );
    bodyRead = true;
    const unexpected = unexpectedContent(bytes);
    if (unexpected) {
      return {
        kind: 'failed',
        failure: {
          kind: 'unexpected-content',
          message: `${describeUrl(url)} answered with ${unexpected}, not a markdown doc. This is usually a login page or the host's web page for the file rather than the file itself.`,
        },
      };
    }
    return {
      kind: 'content',
      // Not fatal: a stray invalid byte becomes U+FFFD instead of losing the doc.
      content: bytes.toString('utf8'),
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      etag: response.etag,
    };
  } catch (error) {
    if (error instanceof TooLargeError) {
      return {
        kind: 'failed',
        failure: {
          kind: 'too-large',
          message: `${describeUrl(url)} is larger than ${formatBytes(options.maxBytes)} (architectureDocs.fetch.maxBytes).`,
        },
      };
    }
    if (
      !timedOut &&
      error instanceof Error &&
      error.name === 'NotModifiedError'
    ) {
      return { kind: 'not-modified' };
    }
    return {
      kind: 'failed',
      failure: classifyReadError(error, {
        url,
        timedOut,
        timeoutMs: options.timeoutMs,
        now: now(),
      }),
    };
  } finally {
    clearTimeout(timer);
    // Ends a body left unread (past the size limit, or refused): without it
    // the connection would keep receiving it. A body read to its end needs
    // nothing more, and aborting its request would only raise abort errors
    // nobody listens to.
    if (!bodyRead) controller.abort();
  }
}
