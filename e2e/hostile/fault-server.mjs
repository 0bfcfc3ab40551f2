/* eslint-disable consistent-return, no-nested-ternary, no-control-regex, @typescript-eslint/no-shadow */
// A doc server that misbehaves on purpose, for e2e/hostile/run-hostile.mjs.
//
//   /docs/<file>       the hostile docs (e2e/hostile/docs), with CORS
//   /fault/<name>.md   one fault each: see FAULTS below
//
// A second server (the "other host") answers redirects and records the
// request headers it receives, so the runner can check that no credentials
// were carried to it.
//
// Run alone: node e2e/hostile/fault-server.mjs [port] [otherPort]

import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DOCS_DIR } from './generate-hostile-docs.mjs';

export const DEFAULT_FAULT_PORT = 7108;
export const DEFAULT_OTHER_PORT = 7109;

const GOOD_DOC = '# Architecture\n\n## Context\n\nA doc served by the fault server.\n';

const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Retry-After, Content-Length',
  'Access-Control-Allow-Headers': 'If-None-Match, Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
};

/** Fault name → the states the tab may show for it. */
export const FAULTS = {
  'not-found': ['not-found'],
  unauthorized: ['sign-in-needed'],
  forbidden: ['sign-in-needed', 'not-found'],
  'rate-limited': ['failed'],
  'server-error': ['failed'],
  hang: ['timeout'],
  trickle: ['timeout', 'too-large'],
  oversized: ['too-large'],
  'oversized-no-length': ['too-large'],
  'html-content': ['unexpected-content'],
  'redirect-other-host': ['rendered', 'not-architecture-doc', 'failed'],
  'changing-etag': ['rendered', 'not-architecture-doc'],
  'reset-connection': ['failed'],
};

export async function startFaultServer({
  port = DEFAULT_FAULT_PORT,
  otherPort = DEFAULT_OTHER_PORT,
  docsDir = DEFAULT_DOCS_DIR,
} = {}) {
  const otherRequests = [];
  const sockets = new Set();
  let etagCounter = 0;

  const other = http.createServer((req, res) => {
    otherRequests.push({ url: req.url, method: req.method, headers: { ...req.headers } });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    res.writeHead(200, { ...cors, 'Content-Type': 'text/markdown; charset=utf-8' }).end(GOOD_DOC);
  });

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, `http://localhost:${port}`);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const md = { ...cors, 'Content-Type': 'text/markdown; charset=utf-8' };
    if (url.pathname.startsWith('/docs/')) {
      const file = path.basename(decodeURIComponent(url.pathname.slice('/docs/'.length)));
      try {
        const body = await readFile(path.join(docsDir, file));
        res.writeHead(200, { ...md, 'Content-Length': body.length }).end(body);
      } catch {
        res.writeHead(404, cors).end('no such doc');
      }
      return;
    }
    const fault = url.pathname.replace(/^\/fault\//, '').replace(/\.md$/, '');
    switch (fault) {
      case 'not-found':
        res.writeHead(404, cors).end('not found');
        return;
      case 'unauthorized':
        res.writeHead(401, { ...cors, 'WWW-Authenticate': 'Bearer' }).end('who are you');
        return;
      case 'forbidden':
        res.writeHead(403, cors).end('forbidden');
        return;
      case 'rate-limited':
        res.writeHead(429, { ...cors, 'Retry-After': '120' }).end('slow down');
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
          .writeHead(200, { ...cors, 'Content-Type': 'text/html; charset=utf-8' })
          .end(`<!doctype html><html><body><script>__x('html')</script>Sign in</body></html>`);
        return;
      case 'redirect-other-host':
        res.writeHead(302, { ...cors, Location: `http://127.0.0.1:${otherPort}/moved.md` }).end();
        return;
      case 'changing-etag': {
        etagCounter += 1;
        const etag = `"v${etagCounter}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { ...cors, ETag: etag }).end();
          return;
        }
        res.writeHead(200, { ...md, ETag: etag }).end(`${GOOD_DOC}\nVersion ${etagCounter}.\n`);
        return;
      }
      case 'reset-connection':
        req.socket.destroy();
        return;
      default:
        res.writeHead(404, cors).end('unknown fault');
    }
  });

  for (const s of [server, other]) {
    s.on('connection', socket => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, 'localhost', resolve);
  });
  await new Promise((resolve, reject) => {
    other.once('error', reject);
    other.listen(otherPort, '127.0.0.1', resolve);
  });
  return {
    url: `http://localhost:${port}`,
    otherUrl: `http://127.0.0.1:${otherPort}`,
    otherRequests,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all([server, other].map(s => new Promise(r => s.close(() => r()))));
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [port, otherPort] = process.argv.slice(2).map(Number);
  const s = await startFaultServer({
    port: port || DEFAULT_FAULT_PORT,
    otherPort: otherPort || DEFAULT_OTHER_PORT,
  });
  process.stdout.write(`fault server at ${s.url}, other host at ${s.otherUrl}\n`);
}
