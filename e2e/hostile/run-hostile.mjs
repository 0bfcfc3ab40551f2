/* eslint-disable consistent-return, no-nested-ternary, no-control-regex, @typescript-eslint/no-shadow */
// `npm run test:hostile`: renders every hostile doc (generate-hostile-docs.mjs)
// and every fault of the fault server (fault-server.mjs) in the dev portal's
// /hostile page, in Debian's Chromium, and fails on a crash, a script that
// ran, a frozen tab, a state no one explained, or credentials sent to the
// wrong host.
//
// Ports: portal 3100 (HOSTILE_PORTAL_PORT), fault server 7108 and 7109
// (HOSTILE_FAULT_PORT, HOSTILE_OTHER_PORT). HOSTILE_PORTAL_URL reuses a portal
// that is already running (started with the same config overrides).

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ARTIFACTS_DIR, PACKAGE_DIR, launchBrowser, signInAsGuest } from '../harness.mjs';
import { DEFAULT_FAULT_PORT, DEFAULT_OTHER_PORT, FAULTS, startFaultServer } from './fault-server.mjs';
import { writeDocs } from './generate-hostile-docs.mjs';

const started = Date.now();
const PORTAL_PORT = Number(process.env.HOSTILE_PORTAL_PORT || 3100);
const FAULT_PORT = Number(process.env.HOSTILE_FAULT_PORT || DEFAULT_FAULT_PORT);
const OTHER_PORT = Number(process.env.HOSTILE_OTHER_PORT || DEFAULT_OTHER_PORT);
const FETCH_TIMEOUT_MS = 3000;
const FREEZE_MS = 2000;
const DOC_WAIT_MS = 15_000;
const log = line => process.stdout.write(`[hostile ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);

/** States a hostile doc may end in; anything else is unexplained. */
const DOC_STATES = new Set([
  'rendered',
  'empty',
  'not-architecture-doc',
  'too-large',
  'unexpected-content',
]);

async function startPortal() {
  if (process.env.HOSTILE_PORTAL_URL) {
    return { baseUrl: process.env.HOSTILE_PORTAL_URL.replace(/\/+$/, ''), stop: async () => {} };
  }
  const baseUrl = `http://localhost:${PORTAL_PORT}`;
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, 'hostile-portal.log');
  const fd = openSync(logFile, 'w');
  const child = spawn(path.join(PACKAGE_DIR, 'node_modules', '.bin', 'backstage-cli'), ['package', 'start'], {
    cwd: PACKAGE_DIR,
    detached: true,
    stdio: ['ignore', fd, fd],
    env: {
      ...process.env,
      BROWSER: 'none',
      APP_CONFIG_app_baseUrl: baseUrl,
      APP_CONFIG_architectureDocs_fetch_timeoutMs: String(FETCH_TIMEOUT_MS),
    },
  });
  closeSync(fd);
  const kill = signal => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  process.on('exit', () => kill('SIGKILL'));
  const stop = async () => {
    kill('SIGTERM');
    await delay(500);
    kill('SIGKILL');
  };
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(baseUrl, { signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
      if (res.ok) return { baseUrl, stop };
    } catch {
      // still compiling
    }
    await delay(1000);
  }
  await stop();
  throw new Error(`The portal did not start at ${baseUrl}:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
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
      return name === 'confirm' ? true : name === 'prompt' ? null : original ? undefined : undefined;
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
      for (const entry of list.getEntries()) window.__hostileLongTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no long-task timing in this browser
  }
  // Anything that lands in the document and could run script.
  window.__hostileUnsafe = [];
  const dangerous = /^[\s\u0000-\u001f]*(javascript|vbscript|data)\s*:/i;
  const inspect = el => {
    if (!(el instanceof Element)) return;
    const within = el.closest?.('[data-testid="architecture-markdown"],[data-testid="mermaid-diagram"]');
    if (!within) return;
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link'].includes(tag)) {
      window.__hostileUnsafe.push(`<${tag}>`);
    }
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) window.__hostileUnsafe.push(`${tag}[${name}]`);
      if (['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc'].includes(name) && dangerous.test(attr.value)) {
        window.__hostileUnsafe.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
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

/** Client-side navigation to /hostile?doc=url, then the state the tab settles on. */
async function show(page, docUrl) {
  const target = `/hostile?doc=${encodeURIComponent(docUrl)}`;
  await page.evaluate(t => {
    window.history.pushState({}, '', t);
    window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
  }, target);
  const t0 = Date.now();
  let state = 'stuck';
  try {
    const handle = await page.waitForFunction(
      expected => {
        if (new URLSearchParams(location.search).get('doc') !== expected) return false;
        const el = document.querySelector('[data-testid="architecture-doc-state"]');
        const md = document.querySelector('[data-testid="architecture-markdown"]');
        if (document.querySelector('[data-testid="mermaid-diagram"][data-state="loading"]')) return false;
        if (el && el.getAttribute('data-state') !== 'loading') return el.getAttribute('data-state');
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
  const diagrams = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="mermaid-diagram"]')).map(d => d.getAttribute('data-state')),
  );
  return { state, elapsed, diagrams };
}

async function main() {
  const docs = writeDocs();
  log(`${docs.length} hostile docs generated`);
  const faultServer = await startFaultServer({ port: FAULT_PORT, otherPort: OTHER_PORT });
  log(`fault server at ${faultServer.url}, other host at ${faultServer.otherUrl}`);
  let portal;
  let browser;
  const failures = [];
  const rows = [];
  try {
    portal = await startPortal();
    log(`portal at ${portal.baseUrl}`);
    browser = await launchBrowser();
    const { context } = browser;
    let { page, pageErrors } = browser;
    await context.addInitScript(traps);
    const navigations = [];
    page.on('framenavigated', frame => {
      if (frame === page.mainFrame() && !frame.url().startsWith(portal.baseUrl)) navigations.push(frame.url());
    });
    let crashed = 0;
    page.on('crash', () => {
      crashed += 1;
    });
    await page.goto(`${portal.baseUrl}/hostile?doc=${encodeURIComponent(`${faultServer.url}/fault/changing-etag.md`)}`, {
      timeout: 120_000,
    });
    await signInAsGuest(page, { timeout: 120_000 });
    await delay(500);
    await takeTrapState(page);

    let stuckInARow = 0;
    const run = async (label, kind, docUrl, allowed) => {
      const errorsBefore = pageErrors.length;
      const navBefore = navigations.length;
      const crashBefore = crashed;
      let shown;
      let traps;
      try {
        shown = await show(page, docUrl);
        traps = await takeTrapState(page);
      } catch (error) {
        const row = { label, kind, state: 'crash', ms: 0, diagrams: '-', maxTask: 0, executed: 0, unsafe: 0, errors: 1, navigated: 0, detail: error.message.split('\n')[0], ok: false };
        rows.push(row);
        failures.push(row);
        log(`FAIL ${label}: ${row.detail}`);
        throw error;
      }
      const row = {
        label,
        kind,
        state: shown.state,
        ms: shown.elapsed,
        diagrams: shown.diagrams.join(',') || '-',
        maxTask: Math.max(0, ...traps.longTasks),
        executed: traps.executed.length + traps.dialogs.length,
        unsafe: traps.unsafe.length,
        errors: pageErrors.length - errorsBefore + (crashed - crashBefore),
        navigated: navigations.length - navBefore,
        detail: [...traps.executed, ...traps.dialogs, ...traps.unsafe, ...navigations.slice(navBefore), ...pageErrors.slice(errorsBefore).map(e => e.message.split('\n')[0])]
          .slice(0, 4)
          .join(' | '),
      };
      row.ok =
        allowed.includes(row.state) &&
        row.executed === 0 &&
        row.unsafe === 0 &&
        row.errors === 0 &&
        row.navigated === 0 &&
        row.maxTask <= FREEZE_MS &&
        !shown.diagrams.includes('loading');
      rows.push(row);
      stuckInARow = row.state === 'stuck' ? stuckInARow + 1 : 0;
      if (stuckInARow >= 3) throw new Error(`three inputs in a row never settled; last: ${row.detail}`);
      if (!row.ok) {
        failures.push(row);
        log(`FAIL ${label}: state=${row.state} maxTask=${row.maxTask} exec=${row.executed} unsafe=${row.unsafe} errors=${row.errors} nav=${row.navigated} ${row.detail}`);
        if (navigations.length > navBefore || crashed > crashBefore || row.state === 'stuck') {
          // Back to a clean page for the next input.
          await page.goto(`${portal.baseUrl}/hostile`, { timeout: 120_000 }).catch(() => {});
          await signInAsGuest(page, { timeout: 120_000 }).catch(() => {});
          await takeTrapState(page).catch(() => {});
        }
      }
      return row;
    };

    let aborted;
    try {
      for (const [index, doc] of docs.entries()) {
        await run(doc.name, 'doc', `${faultServer.url}/docs/${doc.file}`, [...DOC_STATES]);
        if (index % 25 === 24) log(`${index + 1}/${docs.length} docs`);
      }
    } catch (error) {
      aborted = error;
      log(`hostile docs aborted: ${error.message.split('\n')[0]}`);
      failures.push({ label: 'run aborted', detail: error.message.split('\n')[0] });
      // A fresh browser for the faults.
      await browser.close();
      browser = await launchBrowser();
      await browser.context.addInitScript(traps);
      page = browser.page;
      pageErrors = browser.pageErrors;
      page.on('framenavigated', frame => {
        if (frame === page.mainFrame() && !frame.url().startsWith(portal.baseUrl)) navigations.push(frame.url());
      });
      page.on('crash', () => {
        crashed += 1;
      });
      await page.goto(`${portal.baseUrl}/hostile`, { timeout: 120_000 });
      await signInAsGuest(page, { timeout: 120_000 });
      await delay(500);
      await takeTrapState(page);
    }

    for (const [fault, allowed] of Object.entries(FAULTS)) {
      await run(fault, 'fault', `${faultServer.url}/fault/${fault}.md`, allowed);
      if (fault === 'changing-etag') {
        // Away and back: the tab asks again with If-None-Match, gets a new ETag.
        await run('changing-etag (again)', 'fault', `${faultServer.url}/fault/changing-etag.md?again`, allowed);
      }
    }
    const leaked = faultServer.otherRequests.filter(r => r.headers.authorization || r.headers.cookie);
    if (leaked.length > 0) {
      failures.push({ label: 'redirect-other-host', detail: `credentials sent to ${faultServer.otherUrl}` });
    }

    // Table.
    const docRows = rows.filter(r => r.kind === 'doc');
    const sum = (list, key) => list.reduce((a, r) => a + r[key], 0);
    const byState = {};
    for (const r of docRows) byState[r.state] = (byState[r.state] ?? 0) + 1;
    const out = [];
    out.push('');
    out.push('Hostile docs');
    out.push(`  inputs tried        ${docRows.length} of ${docs.length}${aborted ? ' (aborted: browser lost)' : ''}`);
    out.push(`  crashes/page errors ${sum(docRows, 'errors')}`);
    out.push(`  script executions   ${sum(docRows, 'executed')}  (unsafe DOM: ${sum(docRows, 'unsafe')}, navigations away: ${sum(docRows, 'navigated')})`);
    const slowest = [...docRows].sort((a, b) => b.maxTask - a.maxTask)[0];
    out.push(`  frozen tabs (>${FREEZE_MS} ms) ${docRows.filter(r => r.maxTask > FREEZE_MS).length}  (max task ${slowest?.maxTask ?? 0} ms, ${slowest?.label ?? '-'})`);
    out.push(`  states shown        ${Object.entries(byState).map(([s, c]) => `${s}: ${c}`).join(', ')}`);
    out.push(`  unexplained states  ${docRows.filter(r => !DOC_STATES.has(r.state)).length}`);
    out.push('');
    out.push('Faults');
    out.push(`  ${'fault'.padEnd(24)}${'expected'.padEnd(28)}${'shown'.padEnd(20)}${'ms'.padStart(7)}  ok`);
    for (const r of rows.filter(x => x.kind === 'fault')) {
      const expected = (FAULTS[r.label.replace(' (again)', '')] ?? []).join('|');
      out.push(`  ${r.label.padEnd(24)}${expected.padEnd(28)}${r.state.padEnd(20)}${String(r.ms).padStart(7)}  ${r.ok ? 'yes' : 'NO'}`);
    }
    out.push(
      `  other host received ${faultServer.otherRequests.length} request(s); with Authorization/Cookie: ${leaked.length}`,
    );
    out.push('');
    out.push(`${rows.length - failures.filter(f => f.kind).length} passed, ${failures.length} failed  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await browser?.close();
    await portal?.stop();
    await faultServer.close();
  }
  if (failures.length > 0) {
    for (const f of failures) process.stdout.write(`FAILED ${f.label}: ${f.state ?? ''} ${f.detail ?? ''}\n`);
    process.exitCode = 1;
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
