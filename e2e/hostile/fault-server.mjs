/* eslint-disable consistent-return, no-nested-ternary, no-control-regex, @typescript-eslint/no-shadow */
// A test script, not plugin code: request handlers that end early, compact
// fault tables, control characters as test input and short local names.
// A doc server that misbehaves on purpose, for e2e/hostile/run-hostile.mjs.
// It listens on the loopback address, so it is reachable under two host
// names: `localhost:<port>`, the host of a GitHub integration in
// app-config.hostile.yaml, and `127.0.0.1:<port>`, a plain host.
//
//   /docs/<file>                                the hostile docs (e2e/hostile/docs), with CORS
//   /fault/<name>.md                            one fault each: see FAULTS in fault-expectations.mjs
//   /api/v3/repos/hostile/<repo>/contents/<path>  GitHub's contents API (authenticated reads)
//   /raw/hostile/<repo>/<ref>/<path>            GitHub's raw host (anonymous reads)
//
// In the GitHub endpoints the repository `docs` holds the hostile docs and
// the repository `faults` the faults (`<name>.md`), so the same inputs can be
// read through the integration: http://localhost:<port>/hostile/faults/blob/main/<name>.md
//
// A second server (the "other host") answers redirects and any doc. Both
// record every request with its Host, Authorization and Cookie headers
// (`requests`, `otherRequests`), so the runner can tell which host received
// credentials.
//
// Run alone: node e2e/hostile/fault-server.mjs [port] [otherPort]

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DOCS_DIR } from './generate-hostile-docs.mjs';
import { RATE_LIMIT_RETRY_AFTER_SECONDS } from './fault-expectations.mjs';

export const DEFAULT_FAULT_PORT = 7108;
export const DEFAULT_OTHER_PORT = 7109;

const GOOD_DOC =
  '# Architecture\n\n## Context\n\nA doc served by the fault server.\n';

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After, Content-Length',
  'Access-Control-Allow-Headers': 'If-None-Match, Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
};

/** A path segment decoded, or `undefined` when its percent-encoding is malformed. */
function decodePath(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

export async function startFaultServer({
  port = DEFAULT_FAULT_PORT,
  otherPort = DEFAULT_OTHER_PORT,
  docsDir = DEFAULT_DOCS_DIR,
} = {}) {
  const requests = [];
  const otherRequests = [];
  const sockets = new Set();
  let etagCounter = 0;

  const record = (list, req) =>
    list.push({
      host: req.headers.host ?? '',
      method: req.method,
      url: req.url,
      authorization: req.headers.authorization,
      cookie: req.headers.cookie,
    });

  const other = http.createServer((req, res) => {
    record(otherRequests, req);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    res
      .writeHead(200, {
        ...cors,
        'Content-Type': 'text/markdown; charset=utf-8',
      })
      .end(GOOD_DOC);
  });

  const serveDoc = async (file, res, contentType) => {
    try {
      if (file === undefined) throw new Error('malformed path');
      const body = await readFile(path.join(docsDir, path.basename(file)));
      res
        .writeHead(200, {
          ...cors,
          'Content-Type': contentType,
          'Content-Length': body.length,
        })
        .end(body);
    } catch {
      res.writeHead(404, cors).end('no such doc');
    }
  };

  const serveFault = (fault, req, res, contentType) => {
    const md = { ...cors, 'Content-Type': contentType };
    switch (fault) {
      case 'not-found':
        res.writeHead(404, cors).end('not found');
        return;
      case 'unauthorized':
        res
          .writeHead(401, { ...cors, 'WWW-Authenticate': 'Bearer' })
          .end('who are you');
        return;
      case 'forbidden':
        res.writeHead(403, cors).end('forbidden');
        return;
      case 'rate-limited':
        res
          .writeHead(429, {
            ...cors,
            'Retry-After': String(RATE_LIMIT_RETRY_AFTER_SECONDS),
          })
          .end('slow down');
        return;
      case 'server-error':
        res.writeHead(500, cors).end('boom');
        return;
      case 'hang':
        // Never answers; the socket is destroyed on close.
        return;
      case 'trickle': {
        res.writeHead(200, md);
        res.write('# Architecture\n\n');
        const timer = setInterval(() => {
          if (res.destroyed) clearInterval(timer);
          else res.write('slow ');
        }, 200);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'oversized': {
        const body = Buffer.alloc(3 * 1024 * 1024, 'a');
        res.writeHead(200, { ...md, 'Content-Length': body.length }).end(body);
        return;
      }
      case 'oversized-no-length': {
        res.writeHead(200, md);
        const chunk = Buffer.alloc(64 * 1024, 'b');
        let sent = 0;
        const pump = () => {
          while (sent < 4 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          res.end();
        };
        pump();
        return;
      }
      case 'html-content':
        res
          .writeHead(200, {
            ...cors,
            'Content-Type': 'text/html; charset=utf-8',
          })
          .end(
            `<!doctype html><html><body><script>__x('html')</script>Sign in</body></html>`,
          );
        return;
      case 'redirect-other-host':
        res
          .writeHead(302, {
            ...cors,
            Location: `http://127.0.0.1:${otherPort}/moved.md`,
          })
          .end();
        return;
      case 'changing-etag': {
        etagCounter += 1;
        const etag = `"v${etagCounter}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { ...cors, ETag: etag }).end();
          return;
        }
        res
          .writeHead(200, { ...md, ETag: etag })
          .end(`${GOOD_DOC}\nVersion ${etagCounter}.\n`);
        return;
      }
      case 'stable-etag': {
        // The same content and tag on every read; a matching If-None-Match gets 304.
        const etag = '"stable"';
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { ...cors, ETag: etag }).end();
          return;
        }
        res.writeHead(200, { ...md, ETag: etag }).end(GOOD_DOC);
        return;
      }
      case 'reset-connection':
        req.socket.destroy();
        return;
      default:
        res.writeHead(404, cors).end('unknown fault');
    }
  };

  /** A file of the `docs` or `faults` repository, as the GitHub endpoints serve it. */
  const serveRepoFile = (repo, filePath, req, res, contentType) => {
    if (filePath === undefined) {
      res.writeHead(404, cors).end('malformed path');
      return;
    }
    if (repo === 'docs') return serveDoc(filePath, res, contentType);
    if (repo === 'faults')
      return serveFault(filePath.replace(/\.md$/, ''), req, res, contentType);
    res
      .writeHead(404, { ...cors, 'Content-Type': 'application/json' })
      .end('{"message":"Not Found"}');
  };

  const handler = async (req, res) => {
    record(requests, req);
    const url = new URL(req.url, `http://localhost:${port}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const markdown = 'text/markdown; charset=utf-8';
    if (url.pathname.startsWith('/docs/')) {
      await serveDoc(
        decodePath(url.pathname.slice('/docs/'.length)),
        res,
        markdown,
      );
      return;
    }
    if (url.pathname.startsWith('/fault/')) {
      serveFault(
        url.pathname.replace(/^\/fault\//, '').replace(/\.md$/, ''),
        req,
        res,
        markdown,
      );
      return;
    }
    // GitHub's contents API, asked for the raw file (Accept: application/vnd.github.raw).
    const contents = url.pathname.match(
      /^\/api\/v3\/repos\/hostile\/([^/]+)\/contents\/(.+)$/,
    );
    if (contents) {
      await serveRepoFile(
        contents[1],
        decodePath(contents[2]),
        req,
        res,
        'application/vnd.github.raw; charset=utf-8',
      );
      return;
    }
    const raw = url.pathname.match(/^\/raw\/hostile\/([^/]+)\/[^/]+\/(.+)$/);
    if (raw) {
      await serveRepoFile(
        raw[1],
        decodePath(raw[2]),
        req,
        res,
        'text/plain; charset=utf-8',
      );
      return;
    }
    res.writeHead(404, cors).end('unknown path');
  };

  // 127.0.0.1, and ::1 where the machine has it, so that `localhost` reaches
  // the server whichever address the browser tries first.
  const servers = [
    http.createServer(handler),
    http.createServer(handler),
    other,
  ];
  for (const s of servers) {
    s.on('connection', socket => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  const listen = (s, p, host) =>
    new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(p, host, () => {
        s.off('error', reject);
        resolve();
      });
    });
  await listen(servers[0], port, '127.0.0.1');
  const listening = [servers[0], other];
  try {
    await listen(servers[1], port, '::1');
    listening.push(servers[1]);
  } catch {
    // no IPv6 loopback here
  }
  await listen(other, otherPort, '127.0.0.1');
  return {
    /** The fault server as the host of the GitHub integration. */
    url: `http://localhost:${port}`,
    /** The same server as a plain host, without an integration. */
    plainUrl: `http://127.0.0.1:${port}`,
    otherUrl: `http://127.0.0.1:${otherPort}`,
    requests,
    otherRequests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(
        listening.map(s => new Promise(r => s.close(() => r()))),
      );
    },
  };
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const [port, otherPort] = process.argv.slice(2).map(Number);
  // Not a top-level await: the backend's tests load this module as CommonJS.
  startFaultServer({
    port: port || DEFAULT_FAULT_PORT,
    otherPort: otherPort || DEFAULT_OTHER_PORT,
  }).then(s =>
    process.stdout.write(
      `fault server at ${s.url} (integration) and ${s.plainUrl} (plain), other host at ${s.otherUrl}\n`,
    ),
  );
}
