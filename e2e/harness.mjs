// Browser test harness for the dev portal: starts the sample doc server,
// `backstage-cli package start` for the portal and, in backend mode, for the
// dev backend (backend/dev/index.ts), drives Debian's Chromium through
// playwright-core, and always tears down what it started.
//
// Two modes: browser mode (the default) sets `architectureDocs.source:
// browser` and starts no backend, so the portal reads every doc in the
// browser; backend mode starts the dev backend and leaves `source` at the
// app-config's `auto`, so the portal reads the backend's index.
//
// Typical use, as the body of a node:test test in an `e2e/*.e2e.mjs` file:
//
//   withPortal(async ({ page, open, screenshot }) => {
//     await open('/sample-docs');
//     await screenshot('sample-docs');
//   }, { name: 'sample-docs' })
//
// `npm run test:e2e` (e2e/run.mjs) starts one portal per mode and hands its
// URLs down through E2E_PORTAL_URL, E2E_DOC_SERVER_URL and, in backend mode,
// E2E_BACKEND_URL. A test file run on its own (`node --test
// e2e/portal.e2e.mjs`) starts a portal on first use and stops it when the
// process is about to exit.

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEFAULT_DOC_SERVER_PORT, startDocServer } from '../dev/doc-server.mjs';
import { BACKSTAGE_CLI, portalCliEnv } from '../dev/portal-cli.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The package root, where `backstage-cli package start` must run. */
export const PACKAGE_DIR = path.resolve(here, '..');

/** Screenshots and the portal log land here; CI keeps the folder. */
export const ARTIFACTS_DIR = path.join(here, 'screenshots');

/** The Chromium the harness drives; browser downloads are not used. */
export const CHROMIUM_PATH =
  process.env.E2E_CHROMIUM_PATH || '/usr/bin/chromium';

/** Chromium switches: quiet, no sandbox (containers, root), no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The portal port. Fixed by app-config.yaml (3000) unless E2E_PORTAL_PORT
 * overrides it, e.g. when a colleague's `npm start` already holds 3000.
 */
export const PORTAL_PORT = Number(process.env.E2E_PORTAL_PORT || 3000);

/**
 * The dev backend's port in backend mode, and the backend URL the portal is
 * given in both modes (app-config.yaml says 7007); E2E_BACKEND_PORT moves it.
 */
export const BACKEND_PORT = Number(process.env.E2E_BACKEND_PORT || 7007);

/**
 * Whether a test file runs in backend mode: files named `backend-*.e2e.mjs`
 * (e2e/run.mjs starts their portal with the dev backend).
 */
export function isBackendModeFile(file) {
  return path.basename(file).startsWith('backend-');
}

/**
 * The sample entities carry doc-server URLs on this port (see
 * dev/sample-catalog.ts), so unlike the portal it cannot move.
 */
export const DOC_SERVER_PORT = DEFAULT_DOC_SERVER_PORT;

const REACT_DEPRECATION_WARNING =
  /^Warning: (?:findDOMNode is deprecated|%s: Support for defaultProps will be removed)/;

/**
 * React's deprecation warnings about components of the libraries the portal
 * is built from (Material UI v4, material-table); React names the component
 * first in the stack it logs, so a warning about the plugin's own code still
 * counts.
 */
function isThirdPartyDeprecationWarning({ text }) {
  if (!REACT_DEPRECATION_WARNING.test(text)) return false;
  const firstSource = text.match(/\(webpack-internal:\/\/\/\.\/([^/]+)\//);
  return firstSource?.[1] === 'node_modules';
}

/**
 * Console errors every dev-portal page produces, not caused by the plugin:
 * regular expressions (matched against the message and the logging script's
 * URL) or predicates over `{ text, url }`.
 */
export const KNOWN_CONSOLE_NOISE = [
  // In browser mode the portal has no backend: the guest sign-in first tries
  // the auth backend at backend.baseUrl, fails, and falls back to the legacy
  // token.
  new RegExp(`localhost:${BACKEND_PORT}/`),
  isThirdPartyDeprecationWarning,
];

const PORTAL_READY_TIMEOUT_MS = Number(
  process.env.E2E_PORTAL_TIMEOUT_MS || 300_000,
);

function portalLogPath() {
  return path.join(ARTIFACTS_DIR, 'portal.log');
}

function backendLogPath() {
  return path.join(ARTIFACTS_DIR, 'backend.log');
}

function lastLines(file, count = 30) {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-count)
      .join('\n');
  } catch {
    return '(no output)';
  }
}

/** Whether something already accepts connections on a loopback port. */
async function isPortInUse(port) {
  const probe = host =>
    new Promise(resolve => {
      const socket = net.connect({ host, port });
      const done = inUse => {
        socket.destroy();
        resolve(inUse);
      };
      socket.setTimeout(1000, () => done(false));
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
    });
  const answers = await Promise.all([probe('127.0.0.1'), probe('::1')]);
  return answers.some(Boolean);
}

function killGroup(pid, signal) {
  try {
    // The portal runs in its own process group; this reaches its workers too.
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

async function waitForPortal(
  baseUrl,
  child,
  deadline,
  { what = 'dev portal', logPath = portalLogPath() } = {},
) {
  let exited;
  child.once('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `code ${code}`;
  });
  while (Date.now() < deadline) {
    if (exited) {
      throw new Error(
        `The ${what} exited (${exited}) before answering. Last lines of ${logPath}:\n${lastLines(logPath)}`,
      );
    }
    try {
      // The dev server holds the first request until the bundle is compiled,
      // so a 200 here means the app is ready to load.
      const res = await fetch(baseUrl, {
        signal: AbortSignal.timeout(
          Math.max(1000, Math.min(120_000, deadline - Date.now())),
        ),
      });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // Not listening yet, or still compiling.
    }
    await delay(1000);
  }
  throw new Error(
    `The ${what} did not answer at ${baseUrl} within ${Math.round(PORTAL_READY_TIMEOUT_MS / 1000)}s. Last lines of ${logPath}:\n${lastLines(logPath)}`,
  );
}

/**
 * Starts `command` in its own process group (so that stopping it reaches its
 * workers), its output going to `logPath`. Returns the child and a `stop`
 * that ends the group: SIGTERM, then SIGKILL after 15 s.
 */
function startProcessGroup(command, args, { cwd, env, logPath, unref }) {
  const logFd = openSync(logPath, 'w');
  let child;
  try {
    child = spawn(command, args, {
      cwd,
      detached: true,
      stdio: ['ignore', logFd, logFd],
      env,
    });
  } finally {
    closeSync(logFd);
  }
  const pid = child.pid;
  if (unref) child.unref();

  // Last resort: a crash or process.exit() in a test must not leave it behind.
  const killOnExit = () => {
    if (
      pid !== undefined &&
      child.exitCode === null &&
      child.signalCode === null
    ) {
      killGroup(pid, 'SIGKILL');
    }
  };
  process.on('exit', killOnExit);

  const stop = async () => {
    if (
      pid !== undefined &&
      child.exitCode === null &&
      child.signalCode === null
    ) {
      child.ref();
      const exited = new Promise(resolve => child.once('exit', resolve));
      killGroup(pid, 'SIGTERM');
      const forced = await Promise.race([
        exited.then(() => false),
        delay(15_000, true, { ref: false }),
      ]);
      if (forced) {
        killGroup(pid, 'SIGKILL');
        await exited;
      }
    }
    // Workers of the CLI may outlive it, even when it exited on its own.
    if (pid !== undefined) killGroup(pid, 'SIGKILL');
    process.off('exit', killOnExit);
  };
  return { child, stop };
}

/**
 * Starts the sample doc server (in this process), the dev backend in backend
 * mode, and the dev portal (`backstage-cli package start` children, each in
 * its own process group), and waits until they answer.
 *
 * @param {object} [options]
 * @param {number} [options.latencyMs] Delay the doc server adds to every answer.
 * @param {boolean} [options.backend] Backend mode: start the dev backend on
 *   {@link BACKEND_PORT} and leave `architectureDocs.source` at `auto`.
 *   Otherwise (browser mode) no backend runs and `source` is `browser`.
 * @param {boolean} [options.unref] Let this process exit while they run; used
 *   by the lazily started shared environment, which stops on `beforeExit`.
 * @param {(line: string) => void} [options.log] Progress messages.
 * @param {'development' | 'production'} [options.build] `development` (the
 *   default) runs `backstage-cli package start`; `production` bundles the
 *   portal in production mode, as apps ship, and serves the files
 *   (e2e/production-portal.mjs).
 * @param {(line: string) => void} [options.docServerLog] Called by the doc
 *   server once per request answered: `<method> <url> <status> <ms>ms`.
 * @param {Record<string, string>} [options.backendConfig] Extra `APP_CONFIG_*`
 *   variables for the dev backend, e.g. the generated catalog's size.
 * @returns {Promise<{ baseUrl: string, docServerUrl: string, backendUrl?: string, stop: () => Promise<void> }>}
 */
export async function startEnvironment(options = {}) {
  const {
    latencyMs = 0,
    backend = false,
    unref = false,
    log = () => {},
    build = 'development',
    docServerLog,
    backendConfig = {},
  } = options;
  const baseUrl = `http://localhost:${PORTAL_PORT}`;
  const backendUrl = `http://localhost:${BACKEND_PORT}`;
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  if (await isPortInUse(PORTAL_PORT)) {
    throw new Error(
      `Port ${PORTAL_PORT} is already in use, probably by another \`npm start\`. ` +
        'Stop it, point the tests at it with E2E_PORTAL_URL and E2E_DOC_SERVER_URL, ' +
        'or choose another port with E2E_PORTAL_PORT.',
    );
  }
  if (backend && (await isPortInUse(BACKEND_PORT))) {
    throw new Error(
      `Port ${BACKEND_PORT} is already in use, probably by another dev backend. ` +
        'Stop it or choose another port with E2E_BACKEND_PORT.',
    );
  }

  let docServer;
  try {
    docServer = await startDocServer({
      port: DOC_SERVER_PORT,
      latencyMs,
      log: docServerLog,
    });
  } catch (error) {
    const hint =
      error.code === 'EADDRINUSE' ? ' (is another `npm start` running?)' : '';
    throw new Error(
      `Could not start the sample doc server on port ${DOC_SERVER_PORT}: ${error.message}${hint}`,
    );
  }
  if (unref) docServer.server.unref();
  log(`doc server listening at ${docServer.url}`);

  const backstageCli = BACKSTAGE_CLI;
  // Both children read app-config.yaml; these variables override it.
  const sharedConfig = {
    APP_CONFIG_app_baseUrl: baseUrl,
    APP_CONFIG_backend_baseUrl: backendUrl,
  };
  const backendProcess = backend
    ? startProcessGroup(backstageCli, ['package', 'start'], {
        cwd: path.join(PACKAGE_DIR, 'backend'),
        logPath: backendLogPath(),
        unref,
        env: {
          ...process.env,
          ...sharedConfig,
          APP_CONFIG_backend_listen_port: String(BACKEND_PORT),
          ...backendConfig,
        },
      })
    : undefined;

  // A production build goes to a fresh folder, removed on stop.
  const buildDir =
    build === 'production'
      ? await mkdtemp(path.join(os.tmpdir(), 'architecture-docs-portal-'))
      : undefined;
  const [command, args] =
    build === 'production'
      ? [
          process.execPath,
          [
            path.join(here, 'production-portal.mjs'),
            buildDir,
            String(PORTAL_PORT),
          ],
        ]
      : [backstageCli, ['package', 'start']];
  const portalProcess = startProcessGroup(command, args, {
    cwd: PACKAGE_DIR,
    logPath: portalLogPath(),
    unref,
    env: {
      ...portalCliEnv(),
      BROWSER: 'none',
      ...sharedConfig,
      ...(backend ? {} : { APP_CONFIG_architectureDocs_source: 'browser' }),
    },
  });

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      await Promise.all([portalProcess.stop(), backendProcess?.stop()]);
      if (buildDir) await rm(buildDir, { recursive: true, force: true });
      await docServer.close();
      log(`portal${backend ? ', backend' : ''} and doc server stopped`);
    })();
    return stopping;
  };

  try {
    const deadline = Date.now() + PORTAL_READY_TIMEOUT_MS;
    if (backendProcess) {
      log(
        `starting the dev backend at ${backendUrl} (log: ${path.relative(PACKAGE_DIR, backendLogPath())})`,
      );
    }
    log(
      `starting the ${build} portal at ${baseUrl} (log: ${path.relative(PACKAGE_DIR, portalLogPath())})`,
    );
    await Promise.all([
      waitForPortal(baseUrl, portalProcess.child, deadline),
      backendProcess &&
        waitForPortal(
          `${backendUrl}/.backstage/health/v1/readiness`,
          backendProcess.child,
          deadline,
          { what: 'dev backend', logPath: backendLogPath() },
        ),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    docServerUrl: docServer.url,
    ...(backend ? { backendUrl } : {}),
    stop,
  };
}

/**
 * A guest's Backstage token from a backend's auth backend (the guest
 * provider), for calling the backend's API as a signed-in user.
 *
 * @param {string} backendUrl
 * @returns {Promise<string>}
 */
export async function backendGuestToken(backendUrl) {
  const response = await fetch(`${backendUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!response.ok) {
    throw new Error(
      `The guest sign-in at ${backendUrl} answered ${response.status}`,
    );
  }
  const body = await response.json();
  return body.backstageIdentity.token;
}

/** The plugin's indexing task, as its scheduler's task API names it. */
const INDEX_TASK_TRIGGER_PATH =
  '/api/architecture-docs/.backstage/scheduler/v1/tasks/architecture-docs-index/trigger';

/**
 * Starts an indexing cycle of the architecture docs backend now, through the
 * scheduler's task API; while a cycle runs (409), asks again until it has
 * ended.
 *
 * @param {string} backendUrl
 * @param {string} token A user's or service's Backstage token.
 * @param {object} [options]
 * @param {number} [options.timeoutMs] How long a running cycle may delay it.
 */
export async function triggerBackendIndexCycle(
  backendUrl,
  token,
  { timeoutMs = 1_800_000 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${backendUrl}${INDEX_TASK_TRIGGER_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.ok) return;
    if (response.status !== 409 || Date.now() > deadline) {
      throw new Error(
        `Triggering the indexing cycle at ${backendUrl} answered ${response.status} ${await response.text()}`,
      );
    }
    await delay(500);
  }
}

/** The dev catalog's generated components (dev/generated-catalog.ts). */
export const DEV_GENERATED_COMPONENTS = 2000;

/**
 * How long the dev backend's first index of the generated catalog may take:
 * it reads every doc at the doc server's latency, six at a time; a busy
 * machine needs more.
 */
export const DEV_INDEX_TIMEOUT_MS = 480_000;

/**
 * Waits until the dev backend has indexed the whole generated catalog
 * ({@link waitForBackendIndex}). Returns the status answer.
 *
 * @param {string} backendUrl
 */
export function waitForDevBackendIndex(backendUrl) {
  return waitForBackendIndex(backendUrl, {
    minimumComponents: DEV_GENERATED_COMPONENTS,
    timeoutMs: DEV_INDEX_TIMEOUT_MS,
  });
}

/**
 * Waits for an index of the whole catalog: until the backend's catalog lists
 * at least `minimumComponents` components (and the count has settled), then
 * triggers a cycle and waits until `GET /api/architecture-docs/status`
 * reports a cycle that ended after it. Returns that answer.
 *
 * @param {string} backendUrl
 * @param {object} [options]
 * @param {number} [options.minimumComponents] Default 1.
 * @param {number} [options.timeoutMs] Default 8 minutes.
 * @returns {Promise<{ indexedAt: string, docs: number }>}
 */
export async function waitForBackendIndex(
  backendUrl,
  { minimumComponents = 1, timeoutMs = 480_000 } = {},
) {
  const token = await backendGuestToken(backendUrl);
  const headers = { Authorization: `Bearer ${token}` };
  const deadline = Date.now() + timeoutMs;
  let last = '(no answer)';
  let listed = -1;
  for (;;) {
    const response = await fetch(
      `${backendUrl}/api/catalog/entities/by-query?filter=kind=component&limit=1`,
      { headers },
    ).catch(() => undefined);
    const { totalItems = 0 } = response?.ok ? await response.json() : {};
    if (totalItems >= minimumComponents && totalItems === listed) break;
    listed = totalItems;
    if (Date.now() > deadline) {
      throw new Error(
        `The catalog at ${backendUrl} listed ${totalItems} of ${minimumComponents}+ components within ${Math.round(timeoutMs / 1000)}s`,
      );
    }
    await delay(3000);
  }
  await triggerBackendIndexCycle(backendUrl, token, {
    timeoutMs: Math.max(0, deadline - Date.now()),
  });
  const triggeredAt = Date.now();
  while (Date.now() < deadline) {
    try {
      const response = await fetch(
        `${backendUrl}/api/architecture-docs/status`,
        { headers },
      );
      const text = await response.text();
      last = `${response.status} ${text}`;
      if (response.ok) {
        const status = JSON.parse(text);
        // Second precision at worst: allow for it.
        if (
          status.indexedAt &&
          Date.parse(status.indexedAt) >= triggeredAt - 1000
        )
          return status;
      }
    } catch (error) {
      last = error.message;
    }
    await delay(2000);
  }
  throw new Error(
    `The backend at ${backendUrl} finished no indexing cycle within ${Math.round(timeoutMs / 1000)}s of the trigger; last status: ${last}`,
  );
}

let sharedEnvironment;

/**
 * The portal and doc server the tests use: the ones named by E2E_PORTAL_URL /
 * E2E_DOC_SERVER_URL (and E2E_BACKEND_URL in backend mode) when set
 * (e2e/run.mjs, or a portal you already run), otherwise one started on first
 * use and stopped before this process exits.
 *
 * @param {object} [options]
 * @param {boolean} [options.backend] Backend mode (see {@link startEnvironment}).
 * @returns {Promise<{ baseUrl: string, docServerUrl: string, backendUrl?: string }>}
 */
export function ensureEnvironment({ backend = false } = {}) {
  if (process.env.E2E_PORTAL_URL) {
    if (backend && !process.env.E2E_BACKEND_URL) {
      return Promise.reject(
        new Error(
          'A backend-mode test needs E2E_BACKEND_URL beside E2E_PORTAL_URL (e2e/run.mjs sets both for backend-*.e2e.mjs files).',
        ),
      );
    }
    return Promise.resolve({
      baseUrl: process.env.E2E_PORTAL_URL.replace(/\/+$/, ''),
      docServerUrl: (
        process.env.E2E_DOC_SERVER_URL || `http://localhost:${DOC_SERVER_PORT}`
      ).replace(/\/+$/, ''),
      ...(backend
        ? { backendUrl: process.env.E2E_BACKEND_URL.replace(/\/+$/, '') }
        : {}),
    });
  }
  sharedEnvironment ??= startEnvironment({ unref: true, backend }).then(
    environment => {
      process.once('beforeExit', () => {
        environment.stop();
      });
      // The portal has its own process group, so a Ctrl-C in the terminal does
      // not reach it: stop it before leaving.
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
        process.once(signal, () => {
          environment.stop().finally(() => process.exit(130));
        });
      }
      return environment;
    },
  );
  return sharedEnvironment;
}

/** Stops the environment {@link ensureEnvironment} started, if it did. */
export async function stopSharedEnvironment() {
  if (!sharedEnvironment) return;
  const environment = await sharedEnvironment.catch(() => undefined);
  await environment?.stop();
}

function sanitizeFileName(name) {
  return (
    name.replace(/[^a-z0-9._-]+/gi, '-').replace(/^-+|-+$/g, '') || 'screenshot'
  );
}

/**
 * Launches Chromium with a fresh profile and one page, recording console
 * errors and uncaught page errors.
 *
 * @param {object} [options]
 * @param {{ width: number, height: number }} [options.viewport]
 * @returns {Promise<{
 *   context: import('playwright-core').BrowserContext,
 *   page: import('playwright-core').Page,
 *   consoleErrors: Array<{ text: string, url: string }>,
 *   pageErrors: Error[],
 *   close: () => Promise<void>,
 * }>}
 */
export async function launchBrowser(options = {}) {
  const { viewport = { width: 1366, height: 900 } } = options;
  const userDataDir = await mkdtemp(
    path.join(os.tmpdir(), 'architecture-docs-e2e-'),
  );
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      timeout: 60_000,
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `Could not launch Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium): ${error.message}`,
    );
  }

  const consoleErrors = [];
  const pageErrors = [];
  const watch = page => {
    // The dev portal's guest sign-in asks, through confirm(), to fall back to
    // the legacy guest token; any other dialog is accepted too so that a test
    // never hangs on one.
    page.on('dialog', dialog => dialog.accept().catch(() => {}));
    page.on('console', message => {
      if (message.type() === 'error') {
        consoleErrors.push({
          text: message.text(),
          url: message.location()?.url ?? '',
        });
      }
    });
    page.on('pageerror', error => pageErrors.push(error));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());

  let closing;
  const close = () => {
    closing ??= (async () => {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    })();
    return closing;
  };
  return { context, page, consoleErrors, pageErrors, close };
}

/**
 * Passes the dev portal's sign-in page, if it shows, as a guest, and waits
 * until the app's sidebar is there.
 *
 * @param {import('playwright-core').Page} page
 */
export async function signInAsGuest(page, { timeout = 60_000 } = {}) {
  const enter = page.getByRole('button', { name: /^enter$/i });
  // The sidebar only mounts once someone is signed in. Its <nav> has no box
  // of its own, so Playwright never calls it visible: wait for it to exist.
  const sidebar = page.locator('nav[aria-label="sidebar nav"]');
  await enter.or(sidebar).first().waitFor({ state: 'attached', timeout });
  if ((await sidebar.count()) === 0) {
    await enter.click({ timeout });
  }
  await sidebar.waitFor({ state: 'attached', timeout });
}

/** The theme the dev portal shows now, read from its theme switch. */
async function activeTheme(page) {
  const text = await page.getByTestId('theme-toggle').textContent();
  return /light theme/i.test(text ?? '') ? 'dark' : 'light';
}

/**
 * Switches the dev portal to `theme` ('light' or 'dark') with its theme
 * switch, if it shows the other one, and waits until the switch says so.
 *
 * @param {import('playwright-core').Page} page
 * @param {'light' | 'dark'} theme
 */
export async function setTheme(page, theme) {
  if ((await activeTheme(page)) !== theme)
    await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(
    wanted =>
      (
        document.querySelector('[data-testid="theme-toggle"]')?.textContent ??
        ''
      )
        .toLowerCase()
        .includes(wanted),
    theme === 'dark' ? 'light theme' : 'dark theme',
  );
}

/**
 * Console errors not in `ignore`: regular expressions matched against the
 * message and the URL of the script or resource that logged it, or
 * predicates over `{ text, url }`. Defaults to {@link KNOWN_CONSOLE_NOISE}.
 */
export function filterConsoleErrors(
  consoleErrors,
  ignore = KNOWN_CONSOLE_NOISE,
) {
  const ignored = entry =>
    ignore.some(rule =>
      typeof rule === 'function'
        ? rule(entry)
        : rule.test(`${entry.text} ${entry.url}`),
    );
  return consoleErrors.filter(entry => !ignored(entry));
}

/** One line per console error, for assertion messages. */
export function describeConsoleErrors(consoleErrors) {
  return consoleErrors
    .map(({ text, url }) => `  ${text.split('\n')[0]}${url ? ` (${url})` : ''}`)
    .join('\n');
}

/**
 * Waits until the page shows `expectedCount` diagrams (any number when
 * omitted) and none is still loading: each is drawn, or explained as text.
 * A diagram drawn late changes the page's height, so tests that scroll or
 * measure positions wait for this first.
 */
export async function waitForDiagramsDrawn(page, expectedCount) {
  await page.waitForFunction(
    count => {
      const diagrams = document.querySelectorAll(
        '[data-testid="mermaid-diagram"]',
      );
      return (
        (count === undefined || diagrams.length === count) &&
        Array.from(diagrams).every(
          diagram => diagram.getAttribute('data-state') !== 'loading',
        )
      );
    },
    expectedCount,
    { timeout: 60_000 },
  );
}

/**
 * Runs `fn` against the portal in a fresh Chromium profile, signed in, on
 * `options.path`. Saves a screenshot and fails with the page errors when `fn`
 * throws; always closes the browser.
 *
 * `fn` receives:
 * - `page`, `context`: the Playwright page and its context;
 * - `baseUrl`, `docServerUrl`: the portal and sample doc server URLs;
 * - `backendUrl`: the dev backend's URL, in backend mode;
 * - `open(path)`: goes to a portal path and signs in if asked to;
 * - `screenshot(name)`: saves `e2e/screenshots/<name>.png`, returns the path;
 * - `consoleErrors`, `pageErrors`: everything recorded so far;
 * - `unexpectedConsoleErrors(ignore?)`: console errors minus known noise
 *   ({@link KNOWN_CONSOLE_NOISE} unless `ignore` is given).
 *
 * @template T
 * @param {(portal: object) => Promise<T>} fn
 * @param {object} [options]
 * @param {string} [options.name] Used for the failure screenshot's file name.
 * @param {string} [options.path] Portal path opened before `fn`; default `/`.
 * @param {boolean} [options.failOnPageErrors] Fail when the page threw an
 *   uncaught error, even if `fn` passed. Default true.
 * @param {{ width: number, height: number }} [options.viewport]
 * @param {boolean} [options.backend] Backend mode (see {@link startEnvironment}).
 * @returns {Promise<T>}
 */
export async function withPortal(fn, options = {}) {
  const {
    name = 'portal',
    path: startPath = '/',
    failOnPageErrors = true,
    viewport,
    backend = false,
  } = options;
  const { baseUrl, docServerUrl, backendUrl } = await ensureEnvironment({
    backend,
  });
  const browser = await launchBrowser({ viewport });
  const { page, context, consoleErrors, pageErrors } = browser;
  mkdirSync(ARTIFACTS_DIR, { recursive: true });

  const screenshot = async shotName => {
    const file = path.join(ARTIFACTS_DIR, `${sanitizeFileName(shotName)}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  const open = async portalPath => {
    await page.goto(new URL(portalPath, `${baseUrl}/`).href, {
      waitUntil: 'domcontentloaded',
    });
    await signInAsGuest(page);
  };

  try {
    await open(startPath);
    const result = await fn({
      page,
      context,
      baseUrl,
      docServerUrl,
      backendUrl,
      open,
      screenshot,
      consoleErrors,
      pageErrors,
      unexpectedConsoleErrors: ignore =>
        filterConsoleErrors(consoleErrors, ignore),
    });
    if (failOnPageErrors && pageErrors.length > 0) {
      throw new Error(
        `The page threw ${pageErrors.length} uncaught error(s):\n${pageErrors.map(e => `  ${e.stack ?? e.message}`).join('\n')}`,
      );
    }
    return result;
  } catch (error) {
    const shot = await screenshot(`${name}-failure`).catch(() => undefined);
    const unexpected = filterConsoleErrors(consoleErrors);
    const details = [
      shot && `screenshot: ${path.relative(PACKAGE_DIR, shot)}`,
      pageErrors.length &&
        `page errors:\n${pageErrors.map(e => `  ${e.message}`).join('\n')}`,
      unexpected.length &&
        `console errors (known noise left out):\n${describeConsoleErrors(unexpected)}`,
    ].filter(Boolean);
    if (details.length > 0 && error instanceof Error) {
      const original = error.message;
      error.message = `${original}\n${details.join('\n')}`;
      // Reporters print the stack, which captured the message at creation.
      if (
        typeof error.stack === 'string' &&
        original &&
        error.stack.includes(original)
      ) {
        error.stack = error.stack.replace(original, error.message);
      }
    }
    throw error;
  } finally {
    await browser.close();
  }
}
