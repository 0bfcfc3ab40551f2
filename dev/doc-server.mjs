// A static, read-only file server for dev/sample-docs. The dev portal fetches
// docs from it with the browser's fetch, exactly as it would fetch from a plain
// internal web host, so it speaks CORS and ETag revalidation the way such a host
// should. It has no dependencies so that it can start before anything is built.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Where the sample repositories live. */
export const DEFAULT_DOC_ROOT = path.join(here, 'sample-docs');

/**
 * Where the shared corpus of real docs lives when it is beside the project;
 * its docs are extra shapes for the generated catalog. The portal works
 * without it.
 */
export const DEFAULT_CORPUS_ROOT = path.resolve(
  here,
  '..',
  '..',
  'shared',
  'corpus',
);

/** Latency of the generated catalog's answers: a plausible internal host. */
export const DEFAULT_GENERATED_LATENCY_MS = 100;

/** Corpus docs above this size are left out of the shapes, like generated docs of a real size. */
const MAX_SHAPE_BYTES = 40 * 1024;

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

function markdownFilesUnder(dir, keep) {
  const found = [];
  const walk = current => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.md$/i.test(entry.name) && keep(full)) found.push(full);
    }
  };
  walk(dir);
  return found;
}

/**
 * The doc shapes generated docs copy: the sample architecture docs, then
 * the corpus docs when the corpus is there. Read once, in a stable order.
 */
export function loadDocShapes({
  root = DEFAULT_DOC_ROOT,
  corpusRoot = DEFAULT_CORPUS_ROOT,
} = {}) {
  const samples = markdownFilesUnder(root, file =>
    file.includes(`${path.sep}architecture${path.sep}`),
  );
  const corpus = existsSync(corpusRoot)
    ? markdownFilesUnder(
        corpusRoot,
        file => statSync(file).size <= MAX_SHAPE_BYTES,
      )
    : [];
  return [...samples, ...corpus].map(file => readFileSync(file, 'utf8'));
}

function stableHash(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Generated docs sit at /generated/<variant>/<shape>/<name>/docs/architecture/;
 * five levels up is /generated/, where the shared linked docs live.
 */
const SHARED_PREFIX = '../../../../../shared';

/**
 * Points every relative link at the shared folder, so that the thousands of
 * generated docs link a few hundred distinct docs, as docs of one
 * organisation do. `broken` renames every other target to one that does not
 * exist.
 */
function rewriteLinks(markdown, broken) {
  let count = 0;
  return markdown.replace(/\]\(([^)\s]+)\)/g, (whole, target) => {
    if (/^([a-z][a-z\d+.-]*:|#|\/)/i.test(target)) return whole;
    const file = target.split(/[?#]/)[0].split('/').filter(Boolean).pop();
    if (!file) return whole;
    const folder = /(^|\/)contracts\//.test(target) ? 'contracts' : 'docs';
    count += 1;
    const name = broken && count % 2 === 1 ? `Missing-${file}` : file;
    return `](${SHARED_PREFIX}/${folder}/${encodeURIComponent(name)})`;
  });
}

/** The doc's parts: what comes before the first H2, then one part per H2. */
function splitSections(markdown) {
  const parts = markdown.split(/^(?=## )/m);
  return { head: parts[0], sections: parts.slice(1) };
}

/**
 * The content of a generated doc, or undefined for a path that is not one.
 * Deterministic: the same path always gives the same text.
 */
export function generatedDoc(shapes, variant, shapeIndex, name) {
  if (shapes.length === 0) return undefined;
  const shape = shapes[Number(shapeIndex) % shapes.length];
  const seed = stableHash(name);
  let doc = shape.replace(/^# .*$/m, `# ${name}`);
  if (variant === 'trimmed' || variant === 'placeholder') {
    const { head, sections } = splitSections(doc);
    const every = 2 + (seed % 3);
    const changed = sections.map((section, index) => {
      if ((index + seed) % every !== 0) return section;
      if (variant === 'trimmed') return '';
      const heading = section.split('\n')[0];
      return `${heading}\n\n${seed % 2 ? 'TODO' : 'TBD'}\n\n`;
    });
    doc = head + changed.join('');
  }
  return rewriteLinks(doc, variant === 'broken');
}

/** Whether a shared linked doc exists: most do, `Missing-…` ones never. */
function sharedDocExists(file) {
  return !file.startsWith('Missing-') && stableHash(file) % 7 !== 0;
}

const GENERATED_STATUS = {
  404: 'Not found',
  401: 'Unauthorized',
  500: 'Internal error',
};

/** Generated answers kept at once; the catalog has about 2,000 docs. */
const MAX_KEPT_ANSWERS = 10_000;

/**
 * Answers `/generated/...`: the docs of the generated catalog
 * (dev/generated-catalog.ts) and the shared docs they link. A doc is built
 * once and kept with its entity tag, as a real host serves stored files: the
 * server's own work should not weigh on the portal it is measured with.
 */
function handleGenerated(req, res, segments, generatedDocs) {
  const key = segments.join('/');
  let answer = generatedDocs.answers.get(key);
  if (!answer) {
    answer = buildGeneratedAnswer(segments, generatedDocs.shapes);
    if (generatedDocs.answers.size >= MAX_KEPT_ANSWERS)
      generatedDocs.answers.clear();
    generatedDocs.answers.set(key, answer);
  }
  if (answer.status) {
    sendText(req, res, answer.status, answer.message);
    return;
  }
  sendContent(req, res, answer.body, CONTENT_TYPES['.md'], answer.etag);
}

/** What a `/generated/...` path answers: a status and message, or a body and its tag. */
function buildGeneratedAnswer(segments, shapes) {
  let content;
  if (segments[1] === 'shared' && segments.length === 4) {
    const file = segments[3];
    if (/\.md$/i.test(file) && sharedDocExists(file)) {
      content = `# ${file.replace(/\.md$/i, '')}\n\nA document linked from generated architecture docs.\n`;
    }
  } else if (
    segments.length === 7 &&
    segments[4] === 'docs' &&
    segments[5] === 'architecture'
  ) {
    const [, variant, shapeIndex, name] = segments;
    const status = Number(variant);
    if (GENERATED_STATUS[status])
      return { status, message: GENERATED_STATUS[status] };
    if (
      ['full', 'trimmed', 'placeholder', 'broken'].includes(variant) &&
      /^\d+$/.test(shapeIndex)
    ) {
      content = generatedDoc(shapes, variant, shapeIndex, name);
    }
  }
  if (content === undefined) return { status: 404, message: 'Not found' };
  const body = Buffer.from(content, 'utf8');
  return { body, etag: strongEtag(body) };
}

function sendContent(
  req,
  res,
  content,
  contentType,
  etag = strongEtag(content),
) {
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
      'Content-Type': contentType,
      'Content-Length': content.length,
    },
    req.method === 'HEAD' ? undefined : content,
  );
}

async function handle(req, res, realRoot, generatedDocs) {
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    send(res, 204, { 'Content-Length': '0' });
    return;
  }
  if (method !== 'GET' && method !== 'HEAD') {
    sendText(req, res, 405, 'Method not allowed', {
      Allow: 'GET, HEAD, OPTIONS',
    });
    return;
  }

  let pathname;
  try {
    pathname = new URL(req.url ?? '/', 'http://doc-server.invalid').pathname;
  } catch {
    sendText(req, res, 400, 'Bad request');
    return;
  }
  const segments = pathname
    .split('/')
    .filter(Boolean)
    .map(segment => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  if (segments[0] === 'generated') {
    handleGenerated(req, res, segments, generatedDocs);
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
  sendContent(
    req,
    res,
    content,
    CONTENT_TYPES[path.extname(file).toLowerCase()] ??
      'application/octet-stream',
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
 * @param {number} [options.generatedLatencyMs] Delay added before every answer
 *   under /generated/ (the generated catalog), like a real host's. Default 100.
 * @param {string} [options.corpusRoot] The shared corpus, whose docs are
 *   extra shapes for generated docs when it exists.
 * @param {(line: string) => void} [options.log] Called once per request.
 * @returns {Promise<{ server: import('node:http').Server, port: number, url: string, close: () => Promise<void> }>}
 */
export async function startDocServer(options = {}) {
  const {
    port = DEFAULT_DOC_SERVER_PORT,
    host = DEFAULT_HOST,
    root = DEFAULT_DOC_ROOT,
    latencyMs = 0,
    generatedLatencyMs = DEFAULT_GENERATED_LATENCY_MS,
    corpusRoot = DEFAULT_CORPUS_ROOT,
    log,
  } = options;
  const realRoot = await realpath(root);
  const shapes = loadDocShapes({ root: realRoot, corpusRoot });
  const generatedDocs = { shapes, answers: new Map() };

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => {
      log?.(
        `${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`,
      );
    });
    const run = () =>
      handle(req, res, realRoot, generatedDocs).catch(() => {
        if (!res.headersSent) sendText(req, res, 500, 'Internal error');
        else res.destroy();
      });
    const generated =
      (req.url ?? '').startsWith('/generated/') && req.method !== 'OPTIONS';
    const delay = generated ? generatedLatencyMs : latencyMs;
    if (delay > 0) setTimeout(run, delay);
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
  const actualPort =
    typeof address === 'object' && address ? address.port : port;
  let closing;
  const close = () => {
    closing ??= new Promise(resolve => {
      server.close(() => resolve());
      // Keep-alive sockets from a browser would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };

  return {
    server,
    port: actualPort,
    url: `http://localhost:${actualPort}`,
    close,
    shapeCount: shapes.length,
  };
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
    generatedLatencyMs: readNonNegativeInt(
      'DOC_SERVER_GENERATED_LATENCY_MS',
      DEFAULT_GENERATED_LATENCY_MS,
    ),
  };
}

const executedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (executedDirectly) {
  try {
    const { url, close } = await startDocServer({
      ...docServerOptionsFromEnv(),
      log: process.env.DOC_SERVER_LOG
        ? line => process.stdout.write(`${line}\n`)
        : undefined,
    });
    process.stdout.write(
      `Sample docs served at ${url}/ from ${DEFAULT_DOC_ROOT}\n`,
    );
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, () => {
        close().then(() => process.exit(0));
      });
    }
  } catch (error) {
    process.stderr.write(
      `Could not start the sample doc server: ${error.message}\n`,
    );
    process.exit(1);
  }
}
