/* eslint-disable consistent-return, no-nested-ternary, no-control-regex, @typescript-eslint/no-shadow */
// A test script, not plugin code: request handlers that end early, compact
// fault tables, control characters as test input and short local names.
// `npm run test:hostile`: renders every hostile doc (generate-hostile-docs.mjs)
// and every fault of the fault server (fault-server.mjs) in the dev portal's
// /hostile page, in Debian's Chromium, and fails on a crash, a script that
// ran, a frozen tab, a state other than the input's one expected state (each
// doc carries its own, each fault one per mode; the rate-limit fault must also
// show the wait), or credentials sent to the wrong host. Malformed
// percent-encodings are tried in the docs (generate-hostile-docs.mjs), in the
// annotation's value and in the page URL's fragment.
//
// Credentials: the portal starts with app-config.hostile.yaml, a GitHub
// integration whose host is the fault server as `localhost:<port>`, and the
// page gets a fresh token for this run (`architectureDocsDev.testToken`, read
// by the dev portal's SCM auth, which hands it out for ANY host it is asked
// about, so only the plugin's own host check keeps it home; the check itself
// is credential-check.mjs, with a test of a client that leaks it). Every
// fault is read twice: anonymously, as a plain URL on
// `127.0.0.1:<port>` (no integration), and through the integration, with
// the token. A sample of the hostile docs is read through the integration
// too. Two more cases point the annotation at the other host, and the
// integration's redirect fault sends an authenticated request towards it.
// The run fails unless the integration host received the token (otherwise
// the check proves nothing), and if the plain host or the other host ever
// received an Authorization or Cookie header.
//
// Environment:
//   HOSTILE_ONLY=<regex>   only the inputs whose name matches (case-insensitive;
//                          the name is "<doc or fault or case> <plain|token>"),
//                          e.g. HOSTILE_ONLY='redirect|other-host' or
//                          HOSTILE_ONLY='^0[0-4]' or HOSTILE_ONLY='token$'
//   HOSTILE_TIMEOUT_MIN    the whole run's limit (default 25): past it the
//                          portal, the browser and the servers are stopped and
//                          the run fails
//   HOSTILE_PORTAL_PORT    portal port (default 3100)
//   HOSTILE_FAULT_PORT, HOSTILE_OTHER_PORT   fault server and other host
//                          (default 7108, 7109)
//   HOSTILE_PORTAL_URL     reuse a portal that is already running, started with
//                          --config app-config.yaml --config e2e/hostile/app-config.hostile.yaml
//                          and the same HOSTILE_FAULT_PORT
//
// Exit code: 0 when every input passed, 1 on any failure, 2 when the run hit
// its time limit, 128+n on signal n. The portal, the browser and the servers
// are stopped on every one of these paths.

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  ARTIFACTS_DIR,
  BACKEND_PORT,
  PACKAGE_DIR,
  launchBrowser,
  signInAsGuest,
} from '../harness.mjs';
import { portalCliEnv } from '../../dev/portal-cli.mjs';
import { carriesCredentials, checkCredentials } from './credential-check.mjs';
import { FAULTS } from './fault-expectations.mjs';
import {
  DEFAULT_FAULT_PORT,
  DEFAULT_OTHER_PORT,
  startFaultServer,
} from './fault-server.mjs';
import { writeDocs } from './generate-hostile-docs.mjs';

const started = Date.now();
const PORTAL_PORT = Number(process.env.HOSTILE_PORTAL_PORT || 3100);
const FAULT_PORT = Number(process.env.HOSTILE_FAULT_PORT || DEFAULT_FAULT_PORT);
const OTHER_PORT = Number(process.env.HOSTILE_OTHER_PORT || DEFAULT_OTHER_PORT);
const TIMEOUT_MIN = Number(process.env.HOSTILE_TIMEOUT_MIN || 25);
const ONLY = process.env.HOSTILE_ONLY
  ? new RegExp(process.env.HOSTILE_ONLY, 'i')
  : undefined;
const HOSTILE_CONFIG = path.join('e2e', 'hostile', 'app-config.hostile.yaml');
const FREEZE_MS = 2000;
const DOC_WAIT_MS = 15_000;
const MAX_BROWSER_LAUNCHES = 6;
/** Beyond this an input's page no longer answers the runner at all. */
const INPUT_LIMIT_MS = 90_000;
/** The token the dev portal's SCM auth hands out, for any host, in this run. */
const TOKEN = `hostile-${randomUUID()}`;
const log = line =>
  process.stdout.write(
    `[hostile ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`,
  );

/** Malformed percent-encodings tried in the annotation's value and the page URL's fragment. */
const MALFORMED_ENCODINGS = ['%E0%A4%A', '%ZZ', '%', '%C0%AF%'];

// ---------------------------------------------------------------------------
// Cleanup on every exit path.

const cleanups = [];
/** Process groups to kill synchronously if the process exits before cleanup ran. */
const childGroups = new Set();
let cleaning;

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function cleanup() {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop();
      await Promise.race([step().catch(() => {}), delay(15_000)]);
    }
  })();
  return cleaning;
}

/** Set once the watchdog or a signal ends the run; its exit code wins. */
let stopping = false;

async function stopAndExit(code, message) {
  if (stopping) return;
  stopping = true;
  if (message) process.stderr.write(`[hostile] ${message}\n`);
  await Promise.race([cleanup(), delay(30_000)]);
  process.exit(code);
}

process.on('exit', () => {
  for (const pid of childGroups) killGroup(pid, 'SIGKILL');
});
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
]) {
  process.once(signal, () =>
    stopAndExit(
      128 + number,
      `${signal}: stopping the portal, the browser and the servers`,
    ),
  );
}
process.on('unhandledRejection', error => {
  stopAndExit(1, `unhandled rejection: ${error?.stack ?? error}`);
});
const watchdog = setTimeout(() => {
  stopAndExit(
    2,
    `the run took longer than ${TIMEOUT_MIN} min (HOSTILE_TIMEOUT_MIN); stopped the portal, the browser and the servers. FAILED.`,
  );
}, TIMEOUT_MIN * 60_000);

/** `fn()`, or a rejection once `ms` have passed. */
async function withinMs(ms, fn) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer from the page within ${ms / 1000} s`)),
      ms,
    );
  });
  const work = fn();
  // Settles after the time limit, if at all; nobody waits for it then.
  work.catch(() => {});
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------

async function startPortal() {
  if (process.env.HOSTILE_PORTAL_URL) {
    return { baseUrl: process.env.HOSTILE_PORTAL_URL.replace(/\/+$/, '') };
  }
  const baseUrl = `http://localhost:${PORTAL_PORT}`;
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, 'hostile-portal.log');
  const fd = openSync(logFile, 'w');
  const child = spawn(
    path.join(PACKAGE_DIR, 'node_modules', '.bin', 'backstage-cli'),
    [
      'package',
      'start',
      '--config',
      'app-config.yaml',
      '--config',
      HOSTILE_CONFIG,
    ],
    {
      cwd: PACKAGE_DIR,
      detached: true,
      stdio: ['ignore', fd, fd],
      env: {
        ...portalCliEnv(),
        BROWSER: 'none',
        APP_CONFIG_app_baseUrl: baseUrl,
        // No backend runs; the console noise of the guest sign-in's attempt
        // to reach one names this port (KNOWN_CONSOLE_NOISE).
        APP_CONFIG_backend_baseUrl: `http://localhost:${BACKEND_PORT}`,
        HOSTILE_FAULT_PORT: String(FAULT_PORT),
      },
    },
  );
  closeSync(fd);
  childGroups.add(child.pid);
  const stop = async () => {
    killGroup(child.pid, 'SIGTERM');
    await delay(500);
    killGroup(child.pid, 'SIGKILL');
    childGroups.delete(child.pid);
  };
  cleanups.push(stop);
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(baseUrl, {
        signal: AbortSignal.timeout(120_000),
      });
      await res.arrayBuffer();
      if (res.ok) return { baseUrl };
    } catch {
      // still compiling
    }
    await delay(1000);
  }
  throw new Error(
    `The portal did not start at ${baseUrl}; last lines of ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
  );
}

/** Installed before any page script: records everything a payload could do. */
function traps() {
  window.__hostileExecuted = [];
  window.__hostileDialogs = [];
  window.__hostileLongTasks = [];
  window.__hostileViolations = [];
  window.__x = id => window.__hostileExecuted.push(String(id));
  for (const name of ['alert', 'confirm', 'prompt']) {
    const original = window[name];
    window[name] = (...args) => {
      window.__hostileDialogs.push(`${name}(${String(args[0]).slice(0, 80)})`);
      // The guest sign-in confirms a fallback; keep answering yes.
      return name === 'confirm'
        ? true
        : name === 'prompt'
          ? null
          : original
            ? undefined
            : undefined;
    };
  }
  window.open = (...args) => {
    window.__hostileDialogs.push(`open(${String(args[0]).slice(0, 80)})`);
    return null;
  };
  document.addEventListener('securitypolicyviolation', e => {
    window.__hostileViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
  try {
    new PerformanceObserver(list => {
      for (const entry of list.getEntries())
        window.__hostileLongTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  // Anything that lands in the document and could run script.
  window.__hostileUnsafe = [];
  const dangerous = /^[\s\u0000-\u001f]*(javascript|vbscript|data)\s*:/i;
  const inspect = el => {
    if (!(el instanceof Element)) return;
    const within = el.closest?.(
      '[data-testid="architecture-markdown"],[data-testid="mermaid-diagram"]',
    );
    if (!within) return;
    const tag = el.tagName.toLowerCase();
    if (
      [
        'script',
        'iframe',
        'object',
        'embed',
        'frame',
        'base',
        'meta',
        'link',
      ].includes(tag)
    ) {
      window.__hostileUnsafe.push(`<${tag}>`);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) window.__hostileUnsafe.push(`${tag}[${name}]`);
      if (
        [
          'href',
          'src',
          'xlink:href',
          'action',
          'formaction',
          'srcdoc',
        ].includes(name) &&
        dangerous.test(attr.value)
      ) {
        window.__hostileUnsafe.push(
          `${tag}[${name}=${attr.value.slice(0, 40)}]`,
        );
      }
    }
  };
  new MutationObserver(records => {
    for (const record of records) {
      if (record.type === 'attributes') inspect(record.target);
      for (const node of record.addedNodes) {
        if (node instanceof Element) {
          inspect(node);
          node.querySelectorAll('*').forEach(inspect);
        }
      }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

async function takeTrapState(page) {
  return page.evaluate(() => {
    const out = {
      executed: window.__hostileExecuted.splice(0),
      dialogs: window.__hostileDialogs.splice(0),
      longTasks: window.__hostileLongTasks.splice(0),
      violations: window.__hostileViolations.splice(0),
      unsafe: window.__hostileUnsafe.splice(0),
    };
    return out;
  });
}

/**
 * Client-side navigation to /hostile?doc=url (with `hash`, the page URL's
 * fragment), then the state the tab settles on and the state's text. A
 * "too-large" state that explains a limit, or the notice shown in place of a
 * doc past a render limit, is "too-complex".
 */
async function show(page, docUrl, hash = '') {
  const target = `/hostile?doc=${encodeURIComponent(docUrl)}${hash}`;
  await page.evaluate(t => {
    window.history.pushState({}, '', t);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, target);
  const t0 = Date.now();
  let state = 'stuck';
  try {
    const handle = await page.waitForFunction(
      expected => {
        if (new URLSearchParams(location.search).get('doc') !== expected)
          return false;
        const el = document.querySelector(
          '[data-testid="architecture-doc-state"]',
        );
        const md = document.querySelector(
          '[data-testid="architecture-markdown"]',
        );
        if (
          document.querySelector(
            '[data-testid="mermaid-diagram"][data-state="loading"]',
          )
        )
          return false;
        if (el && el.getAttribute('data-state') !== 'loading') {
          const state = el.getAttribute('data-state');
          return state === 'too-large' && /too complex/i.test(el.textContent)
            ? 'too-complex'
            : state;
        }
        // Past a render limit the doc is analysed and scored, and its text
        // is replaced by a notice that says which limit it passed.
        if (document.querySelector('[data-testid="too-complex"]'))
          return 'too-complex';
        if (md) return 'rendered';
        return false;
      },
      docUrl,
      { timeout: DOC_WAIT_MS, polling: 100 },
    );
    state = await handle.jsonValue();
  } catch {
    state = 'stuck';
  }
  const elapsed = Date.now() - t0;
  await delay(100);
  const { diagrams, text } = await page.evaluate(() => ({
    diagrams: Array.from(
      document.querySelectorAll('[data-testid="mermaid-diagram"]'),
    ).map(d => d.getAttribute('data-state')),
    text:
      document.querySelector('[data-testid="architecture-doc-state"]')
        ?.textContent ?? '',
  }));
  return { state, elapsed, diagrams, text };
}

/**
 * One browser with the traps and the run's token, signed in on /hostile;
 * re-created when it is lost.
 */
function createSession(baseUrl) {
  const session = {
    browser: undefined,
    page: undefined,
    pageErrors: [],
    /** Errors and navigations of earlier browsers are kept in the counts. */
    errorOffset: 0,
    navigations: [],
    crashed: 0,
    launches: 0,
    async open() {
      if (session.launches >= MAX_BROWSER_LAUNCHES) {
        throw new Error(`the browser was lost ${session.launches} times`);
      }
      session.launches += 1;
      const browser = await launchBrowser();
      session.browser = browser;
      const { context, page } = browser;
      await context.addInitScript(token => {
        // Runtime config, merged by Backstage's config loader over the bundled one.
        window.__APP_CONFIG__ = { architectureDocsDev: { testToken: token } };
      }, TOKEN);
      await context.addInitScript(traps);
      page.on('framenavigated', frame => {
        if (frame === page.mainFrame() && !frame.url().startsWith(baseUrl))
          session.navigations.push(frame.url());
      });
      page.on('crash', () => {
        session.crashed += 1;
      });
      session.page = page;
      session.pageErrors = browser.pageErrors;
      await page.goto(`${baseUrl}/hostile`, { timeout: 120_000 });
      await signInAsGuest(page, { timeout: 120_000 });
      await delay(500);
      await takeTrapState(page);
    },
    errorCount() {
      return session.errorOffset + session.pageErrors.length;
    },
    errorMessages(from) {
      return session.pageErrors
        .slice(Math.max(0, from - session.errorOffset))
        .map(e => e.message.split('\n')[0]);
    },
    async close() {
      session.errorOffset += session.pageErrors.length;
      session.pageErrors = [];
      await session.browser?.close().catch(() => {});
      session.browser = undefined;
    },
    async relaunch() {
      await session.close();
      await session.open();
    },
    /** Back to a clean page after a navigation away or a tab that never settled. */
    async reload() {
      await session.page.goto(`${baseUrl}/hostile`, { timeout: 120_000 });
      await signInAsGuest(session.page, { timeout: 120_000 });
      await takeTrapState(session.page);
    },
  };
  cleanups.push(() => session.close());
  return session;
}

/** Every input of the run, before HOSTILE_ONLY. */
function buildInputs(docs, server) {
  const inputs = [];
  for (const doc of docs) {
    inputs.push({
      name: doc.name,
      kind: 'doc',
      mode: 'plain',
      url: `${server.plainUrl}/docs/${doc.file}`,
      expected: doc.expected,
    });
  }
  // The first doc of each family of payloads, read through the integration.
  const kindCounts = new Map();
  for (const doc of docs)
    kindCounts.set(doc.kind, (kindCounts.get(doc.kind) ?? 0) + 1);
  const sampled = new Set();
  for (const doc of docs) {
    if (kindCounts.get(doc.kind) < 2 || sampled.has(doc.kind)) continue;
    sampled.add(doc.kind);
    inputs.push({
      name: doc.name,
      kind: 'doc',
      mode: 'token',
      url: `${server.url}/hostile/docs/blob/main/${doc.file}`,
      expected: doc.expected,
    });
  }
  // Malformed percent-encodings in the annotation's value (its query and
  // fragment; the path names the file) and in the page URL's fragment, with a
  // plain architecture doc.
  const shown = docs.find(doc => doc.kind === 'architecture-doc');
  MALFORMED_ENCODINGS.forEach((malformed, k) => {
    const file = `${server.plainUrl}/docs/${shown.file}`;
    inputs.push({
      name: `annotation-encoding-${k}`,
      kind: 'encoding',
      mode: 'plain',
      url: `${file}?v=${malformed}#${malformed}`,
      expected: 'rendered',
    });
    inputs.push({
      name: `page-hash-encoding-${k}`,
      kind: 'encoding',
      mode: 'plain',
      url: file,
      hash: `#${malformed}`,
      expected: 'rendered',
    });
  });
  for (const mode of ['plain', 'token']) {
    for (const fault of Object.keys(FAULTS)) {
      const url =
        mode === 'plain'
          ? `${server.plainUrl}/fault/${fault}.md`
          : `${server.url}/hostile/faults/blob/main/${fault}.md`;
      const expected = FAULTS[fault][mode];
      const shows = FAULTS[fault].shows;
      inputs.push({ name: fault, kind: 'fault', mode, url, expected, shows });
      if (fault === 'changing-etag') {
        // Away and back: the tab asks again, gets a new ETag.
        inputs.push({
          name: 'changing-etag (again)',
          kind: 'fault',
          mode,
          url: `${url}?again`,
          expected,
          shows,
        });
      }
    }
  }
  // The annotation names the other host: it must be read without credentials.
  inputs.push({
    name: 'other-host-annotation',
    kind: 'host',
    mode: 'plain',
    url: `${server.otherUrl}/docs/architecture.md`,
    expected: 'not-architecture-doc',
    otherHostVisited: true,
  });
  inputs.push({
    name: 'other-host-github-path',
    kind: 'host',
    mode: 'plain',
    url: `${server.otherUrl}/hostile/faults/blob/main/architecture.md`,
    expected: 'not-architecture-doc',
    otherHostVisited: true,
  });
  return inputs.map(input => ({
    ...input,
    label: `${input.name} ${input.mode}`,
  }));
}

async function main() {
  const docs = writeDocs();
  const server = await startFaultServer({
    port: FAULT_PORT,
    otherPort: OTHER_PORT,
  });
  cleanups.push(() => server.close());
  const ownHost = new URL(server.url).host;
  const plainHost = new URL(server.plainUrl).host;
  const allInputs = buildInputs(docs, server);
  const inputs = ONLY
    ? allInputs.filter(input => ONLY.test(input.label))
    : allInputs;
  log(
    `${docs.length} hostile docs generated; ${inputs.length} of ${allInputs.length} inputs selected${ONLY ? ` (HOSTILE_ONLY=${process.env.HOSTILE_ONLY})` : ''}`,
  );
  log(
    `fault server: ${server.url} (GitHub integration), ${server.plainUrl} (plain), other host ${server.otherUrl}`,
  );

  const portal = await startPortal();
  log(`portal at ${portal.baseUrl}`);
  const session = createSession(portal.baseUrl);
  await session.open();

  const rows = [];
  const failures = [];
  let stuckInARow = 0;
  let abortedAt;

  for (const [index, input] of inputs.entries()) {
    const errorsBefore = session.errorCount();
    const navBefore = session.navigations.length;
    const crashBefore = session.crashed;
    const requestsBefore = server.requests.length;
    const otherBefore = server.otherRequests.length;
    let shown;
    let trapped;
    let lost;
    try {
      // A page that stops answering altogether counts as a lost browser.
      [shown, trapped] = await withinMs(INPUT_LIMIT_MS, async () => {
        const result = await show(session.page, input.url, input.hash);
        return [result, await takeTrapState(session.page)];
      });
    } catch (error) {
      lost = error.message.split('\n')[0];
    }
    const own = server.requests.slice(requestsBefore);
    const other = server.otherRequests.slice(otherBefore);
    const row = {
      ...input,
      state: lost ? 'browser-lost' : shown.state,
      ms: shown?.elapsed ?? 0,
      diagrams: shown?.diagrams ?? [],
      maxTask: Math.max(0, ...(trapped?.longTasks ?? [])),
      executed: trapped ? trapped.executed.length + trapped.dialogs.length : 0,
      unsafe: trapped?.unsafe.length ?? 0,
      errors:
        session.errorCount() -
        errorsBefore +
        (session.crashed - crashBefore) +
        (lost ? 1 : 0),
      navigated: session.navigations.length - navBefore,
      tokenToOwnHost: own.filter(
        r => r.host === ownHost && r.authorization === `Bearer ${TOKEN}`,
      ).length,
      credentialsElsewhere:
        own.filter(r => r.host !== ownHost && carriesCredentials(r)).length +
        other.filter(carriesCredentials).length,
      otherRequests: other.length,
    };
    const reasons = [];
    if (lost) reasons.push(`browser lost: ${lost}`);
    else if (row.state !== row.expected)
      reasons.push(`expected ${row.expected}, shown ${row.state}`);
    else if (row.shows && !shown.text.includes(row.shows))
      reasons.push(
        `${row.state} without "${row.shows}": ${shown.text.slice(0, 200)}`,
      );
    if (row.executed > 0)
      reasons.push(
        `script ran: ${[...trapped.executed, ...trapped.dialogs].slice(0, 3).join(', ')}`,
      );
    if (row.unsafe > 0)
      reasons.push(`unsafe DOM: ${trapped.unsafe.slice(0, 3).join(', ')}`);
    if (row.navigated > 0)
      reasons.push(
        `navigated to ${session.navigations.slice(navBefore).join(', ')}`,
      );
    if (!lost && row.errors > 0) {
      const messages = session.errorMessages(errorsBefore).slice(0, 2);
      reasons.push(
        `page errors: ${messages.join(' | ') || 'the page crashed'}`,
      );
    }
    if (row.maxTask > FREEZE_MS)
      reasons.push(`frozen: a ${row.maxTask} ms task (limit ${FREEZE_MS} ms)`);
    if (row.diagrams.includes('loading'))
      reasons.push('a diagram still loading');
    if (input.mode === 'token' && !lost && row.tokenToOwnHost === 0)
      reasons.push(`${ownHost} never received the token`);
    if (row.credentialsElsewhere > 0)
      reasons.push(`credentials sent to a host other than ${ownHost}`);
    if (input.otherHostVisited && !lost && row.otherRequests === 0)
      reasons.push(`${server.otherUrl} was never asked`);
    row.ok = reasons.length === 0;
    row.reasons = reasons;
    rows.push(row);
    if (!row.ok) {
      failures.push(row);
      log(`FAIL ${row.kind} ${row.label}: ${reasons.join('; ')}`);
    }
    if ((index + 1) % 25 === 0) log(`${index + 1}/${inputs.length} inputs`);

    stuckInARow = row.state === 'stuck' ? stuckInARow + 1 : 0;
    try {
      if (lost || session.crashed > crashBefore || stuckInARow >= 3) {
        log(
          `${lost ? 'browser lost' : session.crashed > crashBefore ? 'tab crashed' : 'three inputs in a row never settled'}; starting a new browser, ${inputs.length - index - 1} input(s) left`,
        );
        stuckInARow = 0;
        await session.relaunch();
      } else if (row.navigated > 0 || row.state === 'stuck') {
        await session.reload().catch(() => session.relaunch());
      }
    } catch (error) {
      abortedAt = index + 1;
      const detail = `could not start a new browser: ${error.message.split('\n')[0]}`;
      log(`run aborted: ${detail}`);
      failures.push({
        kind: 'run',
        label: 'run aborted',
        reasons: [`${detail}; ${inputs.length - abortedAt} input(s) not tried`],
      });
      break;
    }
  }

  // Totals over every request of the run, including late ones.
  const tokenRuns = rows.filter(r => r.mode === 'token');
  const tokenCheckApplies = tokenRuns.length > 0 || !ONLY;
  const credentials = checkCredentials({
    requests: server.requests,
    otherRequests: server.otherRequests,
    ownHost,
    token: TOKEN,
    tokenExpected: tokenCheckApplies,
  });
  const {
    tokenToOwnHost,
    credentialsToPlainHost: plainWithCredentials,
    credentialsToOtherHost: otherWithCredentials,
  } = credentials;
  for (const reason of credentials.failures)
    failures.push({ kind: 'credentials', label: 'hosts', reasons: [reason] });

  // Table.
  const docRows = rows.filter(r => r.kind === 'doc');
  const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
  const byState = {};
  for (const r of docRows) byState[r.state] = (byState[r.state] ?? 0) + 1;
  const docInputs = inputs.filter(i => i.kind === 'doc');
  const out = [];
  out.push('');
  out.push('Hostile docs');
  out.push(
    `  inputs tried        ${docRows.length} of ${docInputs.length} (${docRows.filter(r => r.mode === 'plain').length} plain, ${docRows.filter(r => r.mode === 'token').length} through the integration)${abortedAt !== undefined ? ' (aborted: browser lost)' : ''}`,
  );
  out.push(
    `  crashes/page errors ${sum(docRows, 'errors')}  (browsers started: ${session.launches})`,
  );
  out.push(
    `  script executions   ${sum(docRows, 'executed')}  (unsafe DOM: ${sum(docRows, 'unsafe')}, navigations away: ${sum(docRows, 'navigated')})`,
  );
  const slowest = [...docRows].sort((a, b) => b.maxTask - a.maxTask)[0];
  out.push(
    `  frozen tabs (>${FREEZE_MS} ms) ${docRows.filter(r => r.maxTask > FREEZE_MS).length}  (max task ${slowest?.maxTask ?? 0} ms, ${slowest?.name ?? '-'})`,
  );
  out.push(
    `  states shown        ${Object.entries(byState)
      .map(([s, c]) => `${s}: ${c}`)
      .join(', ')}`,
  );
  out.push(
    `  other than expected ${docRows.filter(r => r.state !== r.expected).length}`,
  );
  out.push('');
  out.push(
    'Faults and hosts (plain: a URL on a host without integration; token: through the GitHub integration;',
  );
  out.push(
    '                  token column: requests that carried the token to its own host)',
  );
  out.push(
    `  ${'input'.padEnd(24)}${'mode'.padEnd(7)}${'expected'.padEnd(24)}${'shown'.padEnd(22)}${'ms'.padStart(6)}${'token'.padStart(7)}  ok`,
  );
  for (const r of rows.filter(x => x.kind !== 'doc')) {
    out.push(
      `  ${r.name.padEnd(24)}${r.mode.padEnd(7)}${r.expected.padEnd(24)}${r.state.padEnd(22)}${String(r.ms).padStart(6)}${String(r.tokenToOwnHost).padStart(7)}  ${r.ok ? 'yes' : 'NO'}`,
    );
  }
  out.push('');
  out.push('Credentials');
  out.push(
    `  token seen by its own host (${ownHost})           ${tokenToOwnHost} request(s)${tokenCheckApplies ? '  (must be > 0)' : '  (not checked: HOSTILE_ONLY selected nothing through the integration)'}`,
  );
  out.push(
    `  requests to the plain host (${plainHost}) with Authorization/Cookie   ${plainWithCredentials}`,
  );
  out.push(
    `  requests to the other host (${new URL(server.otherUrl).host})   ${server.otherRequests.length}, with Authorization/Cookie: ${otherWithCredentials}  (must be 0)`,
  );
  out.push('');
  out.push(
    `${rows.filter(r => r.ok).length} passed, ${failures.length} failed  (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  for (const f of failures)
    process.stdout.write(
      `FAILED ${f.kind} ${f.label}: ${f.reasons.join('; ')}\n`,
    );
  return failures.length === 0 ? 0 : 1;
}

main()
  .catch(error => {
    if (!stopping) process.stderr.write(`${error.stack ?? error}\n`);
    return 1;
  })
  .then(async code => {
    if (stopping) return;
    clearTimeout(watchdog);
    await Promise.race([cleanup(), delay(30_000)]);
    process.exit(code);
  });
