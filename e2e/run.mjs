// `npm run test:e2e`: starts the doc server and the dev portal once per mode,
// runs the e2e/*.e2e.mjs files of that mode against them with node:test (one
// file at a time, since each drives a real browser on a small machine), then
// tears everything down. Browser mode first (every file but backend-*), then
// backend mode (backend-*.e2e.mjs, with the dev backend running).
//
//   npm run test:e2e                  all test files
//   npm run test:e2e -- portal        only files whose name contains "portal"
//   npm run test:e2e -- backend-      only the backend-mode files
//
// Exit code: 0 when every test passed, 1 otherwise.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  PACKAGE_DIR,
  isBackendModeFile,
  startEnvironment,
} from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const started = Date.now();
const seconds = since => `${((Date.now() - since) / 1000).toFixed(1)}s`;
const say = line => process.stdout.write(`[e2e] ${line}\n`);
const complain = line => process.stderr.write(`[e2e] ${line}\n`);

const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter(file => file.endsWith('.e2e.mjs'))
  .filter(
    file =>
      filters.length === 0 || filters.some(filter => file.includes(filter)),
  )
  .sort()
  .map(file => path.join(here, file));

if (files.length === 0) {
  complain(`no e2e/*.e2e.mjs file matches ${filters.join(', ') || '(any)'}`);
  process.exit(1);
}

const run = { environment: undefined, tests: undefined, interrupted: false };

async function stopRunning() {
  const { tests, environment } = run;
  if (tests && tests.exitCode === null && tests.signalCode === null) {
    const exited = new Promise(resolve => tests.once('exit', resolve));
    tests.kill('SIGTERM');
    await exited;
  }
  // A portal still starting is killed by the harness's exit hook instead.
  if (environment) await environment.stop();
  run.tests = undefined;
  run.environment = undefined;
}

async function shutDown(code) {
  await stopRunning();
  say(`finished in ${seconds(started)}`);
  process.exit(code);
}

function onSignal(signal) {
  if (run.interrupted) return;
  run.interrupted = true;
  say(`${signal} received, stopping`);
  shutDown(130);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, onSignal);
}

/** Runs `modeFiles` against a fresh environment; resolves to whether all passed. */
async function runMode(mode, modeFiles) {
  const backend = mode === 'backend';
  try {
    const portalStarted = Date.now();
    run.environment = await startEnvironment({ log: say, backend });
    say(
      `${mode} mode: portal ready at ${run.environment.baseUrl}${backend ? `, backend at ${run.environment.backendUrl}` : ''} after ${seconds(portalStarted)}`,
    );
  } catch (error) {
    complain(error.message);
    return false;
  }

  const testsStarted = Date.now();
  run.tests = spawn(
    process.execPath,
    [
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=1',
      // node:test applies this to each file as a whole as well as to each test,
      // so it is a safety net; tests that need less set their own timeout.
      `--test-timeout=${Number(process.env.E2E_TEST_TIMEOUT_MS || 900_000)}`,
      ...modeFiles,
    ],
    {
      cwd: PACKAGE_DIR,
      stdio: 'inherit',
      env: {
        ...process.env,
        E2E_PORTAL_URL: run.environment.baseUrl,
        E2E_DOC_SERVER_URL: run.environment.docServerUrl,
        ...(backend ? { E2E_BACKEND_URL: run.environment.backendUrl } : {}),
      },
    },
  );
  const passed = await new Promise(resolve =>
    run.tests.on('exit', (code, signal) =>
      resolve(code === 0 && signal === null),
    ),
  );
  say(`${mode} mode: tests ran in ${seconds(testsStarted)}`);
  await stopRunning();
  return passed;
}

let failed = false;
for (const [mode, modeFiles] of [
  ['browser', files.filter(file => !isBackendModeFile(file))],
  ['backend', files.filter(isBackendModeFile)],
]) {
  if (modeFiles.length === 0 || run.interrupted) continue;
  if (!(await runMode(mode, modeFiles))) failed = true;
}
if (!run.interrupted) {
  say(failed ? 'FAILED' : 'all tests passed');
  await shutDown(failed ? 1 : 0);
}
