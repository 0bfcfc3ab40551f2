// `npm run test:e2e`: starts the doc server and the dev portal once, runs every
// e2e/*.e2e.mjs file against them with node:test (one file at a time, since
// each drives a real browser on a small machine), then tears everything down.
//
//   npm run test:e2e                  all test files
//   npm run test:e2e -- portal        only files whose name contains "portal"
//
// Exit code: 0 when every test passed, 1 otherwise.

import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_DIR, startEnvironment } from './harness.mjs';

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

async function shutDown(code) {
  const { tests, environment } = run;
  if (tests && tests.exitCode === null && tests.signalCode === null) {
    const exited = new Promise(resolve => tests.once('exit', resolve));
    tests.kill('SIGTERM');
    await exited;
  }
  // A portal still starting is killed by the harness's exit hook instead.
  if (environment) await environment.stop();
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

try {
  const portalStarted = Date.now();
  run.environment = await startEnvironment({ log: say });
  say(
    `portal ready at ${run.environment.baseUrl} after ${seconds(portalStarted)}`,
  );
} catch (error) {
  complain(error.message);
  await shutDown(1);
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
    ...files,
  ],
  {
    cwd: PACKAGE_DIR,
    stdio: 'inherit',
    env: {
      ...process.env,
      E2E_PORTAL_URL: run.environment.baseUrl,
      E2E_DOC_SERVER_URL: run.environment.docServerUrl,
    },
  },
);

run.tests.on('exit', (code, signal) => {
  if (run.interrupted) return;
  say(`tests ran in ${seconds(testsStarted)}`);
  const failed = code !== 0 || signal !== null;
  say(failed ? 'FAILED' : 'all tests passed');
  shutDown(failed ? 1 : 0);
});
