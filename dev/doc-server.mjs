// A static, read-only file server for dev/sample-docs. The dev portal fetches
// docs from it with the browser's fetch, exactly as it would fetch from a plain
// internal web host, so it speaks CORS and ETag revalidation the way such a host
// should. It has no dependencies so that it can start before anything is built.

import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the sample repositories live. */
export const DEFAULT_DOC_ROOT = path.join(here, 'sample-docs');

/** The port the sample catalog's URLs point at. */
export const DEFAULT_DOC_SERVER_PORT = 7008;

// Loopback only: the samples are harmless, but a dev tool should not open a
// port to the network by default.
const DEFAULT_HOST = '127.0.0.1';

const CONTENT_TYPES = {
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match, Authorization',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '600',
};

function send(res, status, headers = {}, body) {
  res.writeHead(status, { ...CORS_HEADERS, ...headers });
  res.end(body);
}

function sendText(req, res, status, message, headers = {}) {
  const body = `${message}\n`;
  send(
    res,
    status,
    {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      ...headers,
    },
    req.method === 'HEAD' ? undefined : body,
  );
}

/**
 * The file a request path names inside root, or undefined when the path is
 * malformed or tries to leave root. Hidden segments are refused too, so that
 * nothing like a `.git` folder can ever be served.
 */
function resolveRequestPath(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some(segment => segment.startsWith('.'))) return undefined;
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
    return undefined;
  }
  return file;
}

/**
 * Whether an If-None-Match header matches the current tag. RFC 9110 uses the
 * weak comparison here, so `W/"x"` from a cache matches our strong `"x"`.
 */
function ifNoneMatchHits(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map(tag => tag.trim().replace(/^W\//, ''))
    .some(tag => tag === bare);
}

function strongEtag(content) {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

async function handle(req, res, realRoot) {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    send(res, 204, { 'Content-Length': '0' });
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    sendText(req, res, 405, 'Method not allowed', { Allow: 'GET, HEAD, OPTIONS' });
    return;
  }

  let pathname;
  try {
    pathname = new URL(req.url ?? '/', 'http://doc-server.invalid').pathname;
  } catch {
    sendText(req, res, 400, 'Bad request');
    return;
  }
  const requested = resolveRequestPath(realRoot, pathname);
  if (!requested) {
    sendText(req, res, 404, 'Not found');
    return;
  }

  let file;
  try {
    // A symlink inside the samples must not lead outside them.
    file = await realpath(requested);
    const relative = path.relative(realRoot, file);
    if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
      sendText(req, res, 404, 'Not found');
      return;
    }
    if (!(await stat(file)).isFile()) {
      // Directories are never listed.
      sendText(req, res, 404, 'Not found');
      return;
    }
  } catch {
    sendText(req, res, 404, 'Not found');
    return;
  }

  const content = await readFile(file);
  const etag = strongEtag(content);
  const headers = {
    ETag: etag,
    // Docs change while someone edits them, so caches must always revalidate;
    // revalidation is cheap thanks to the ETag.
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (ifNoneMatchHits(req.headers['if-none-match'], etag)) {
    send(res, 304, headers);
    return;
  }
  send(
    res,
    200,
    {
      ...headers,
      'Content-Type':
        CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': content.length,
    },
    method === 'HEAD' ? undefined : content,
  );
}

/**
 * Starts the sample doc server.
 *
 * @param {object} [options]
 * @param {number} [options.port] Port to listen on; 0 picks a free one. Default 7008.
 * @param {string} [options.host] Interface to bind. Default 127.0.0.1.
 * @param {string} [options.root] Folder to serve. Default dev/sample-docs.
 * @param {number} [options.latencyMs] Delay added before every answer, to see
 *   loading states. Default 0.
 * @param {(line: string) => void} [options.log] Called once per request.
 * @returns {Promise<{ server: import('node:http').Server, port: number, url: string, close: () => Promise<void> }>}
 */
export async function startDocServer(options = {}) {
  const {
    port = DEFAULT_DOC_SERVER_PORT,
    host = DEFAULT_HOST,
    root = DEFAULT_DOC_ROOT,
    latencyMs = 0,
    log,
  } = options;
  const realRoot = await realpath(root);

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => {
      log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`);
    });
    const run = () =>
      handle(req, res, realRoot).catch(() => {
        if (!res.headersSent) sendText(req, res, 500, 'Internal error');
        else res.destroy();
      });
    if (latencyMs > 0) setTimeout(run, latencyMs);
    else run();
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  let closing;
  const close = () => {
    closing ??= new Promise(resolve => {
      server.close(() => resolve());
      // Keep-alive sockets from a browser would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };

  return { server, port: actualPort, url: `http://localhost:${actualPort}`, close };
}

function readNonNegativeInt(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

/** Options for {@link startDocServer} taken from the environment. */
export function docServerOptionsFromEnv() {
  return {
    port: readNonNegativeInt('DOC_SERVER_PORT', DEFAULT_DOC_SERVER_PORT),
    latencyMs: readNonNegativeInt('DOC_SERVER_LATENCY_MS', 0),
  };
}

const executedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (executedDirectly) {
  try {
    const { url, close } = await startDocServer({
      ...docServerOptionsFromEnv(),
      log: process.env.DOC_SERVER_LOG ? line => process.stdout.write(`${line}\n`) : undefined,
    });
    process.stdout.write(`Sample docs served at ${url}/ from ${DEFAULT_DOC_ROOT}\n`);
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        close().then(() => process.exit(0));
      });
    }
  } catch (error) {
    process.stderr.write(`Could not start the sample doc server: ${error.message}\n`);
    process.exit(1);
  }
}
