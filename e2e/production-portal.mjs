// The dev portal as users' apps ship it: `dev/index` bundled by Backstage's
// own bundler in production mode (minified React and libraries, no dev-only
// checks), then served as static files with the app's routes falling back to
// index.html. Benchmarks measure this build, which is what users run; the
// development server runs development builds of React and the markdown
// parser, which are slower.
//
//   node e2e/production-portal.mjs <out-dir> <port>
//
// Reads app-config.yaml (and APP_CONFIG_* variables) like `package start`.

import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const require = createRequire(path.join(packageDir, 'package.json'));
// The CLI's config loader must see the workspace root as a package.
require('./dev/cli-workspace-root.cjs');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** Builds `dev/index` into `outDir` with the bundler `backstage-cli package build` uses for apps. */
export async function buildProductionPortal(outDir) {
  // The CLI's build command only bundles an app's src/index; its bundler
  // takes any entry.
  const {
    buildBundle,
  } = require('@backstage/cli-module-build/dist/lib/bundler/bundle.cjs.js');
  const {
    loadCliConfig,
  } = require('@backstage/cli-module-build/dist/lib/config.cjs.js');
  const packageName = require('./package.json').name;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const config = await loadCliConfig({ args: [], fromPackage: packageName });
  await buildBundle({
    targetDir: packageDir,
    entry: 'dev/index',
    dist: outDir,
    ...config,
  });
}

/** Serves `root` on `port` (loopback, IPv4 and IPv6 where there is one); paths that are not files get index.html. */
export async function serveStatic(root, port) {
  const handler = async (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(
        new URL(req.url ?? '/', 'http://localhost').pathname,
      );
    } catch {
      pathname = '/';
    }
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep)) file = path.join(root, 'index.html');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) file = path.join(root, 'index.html');
    const type =
      CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, {
      'content-type': type,
      'cache-control': file.includes(`${path.sep}static${path.sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
  const listen = host =>
    new Promise((resolve, reject) => {
      const server = createServer(handler);
      server.once('error', reject);
      server.listen(port, host, () => resolve(server));
    });
  const servers = [await listen('127.0.0.1')];
  // A machine without IPv6 has no ::1; IPv4 is enough there.
  const v6 = await listen('::1').catch(() => undefined);
  if (v6) servers.push(v6);
  return servers;
}

if (
  process.argv[1] &&
  path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
) {
  const [outDir, port] = process.argv.slice(2);
  if (!outDir || !Number(port)) {
    process.stderr.write(
      'Usage: node e2e/production-portal.mjs <out-dir> <port>\n',
    );
    process.exit(2);
  }
  const started = Date.now();
  const root = path.resolve(outDir);
  await buildProductionPortal(root);
  process.stdout.write(
    `Built the production portal in ${Math.round((Date.now() - started) / 1000)} s\n`,
  );
  await serveStatic(root, Number(port));
  process.stdout.write(`Serving ${root} at http://localhost:${port}\n`);
}
