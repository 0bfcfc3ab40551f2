// `npm start`: the sample doc server, the dev backend (backend/dev/index.ts:
// catalog, guest sign-in, permissions and the architecture docs backend) and
// the dev portal together, so that everything the portal needs runs from one
// terminal. When either child exits, the other is stopped too.
//
//   npm start                  all three
//   npm start -- --check       extra arguments go to the portal's CLI

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { docServerOptionsFromEnv, startDocServer } from './doc-server.mjs';
import { BACKSTAGE_CLI, portalCliEnv } from './portal-cli.mjs';

const packageDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const backstageCli = BACKSTAGE_CLI;

let docServer;
try {
  docServer = await startDocServer(docServerOptionsFromEnv());
} catch (error) {
  const hint =
    error.code === 'EADDRINUSE'
      ? ' Another doc server (or another `npm start`) is probably running; stop it or set DOC_SERVER_PORT.'
      : '';
  process.stderr.write(
    `Could not start the sample doc server: ${error.message}.${hint}\n`,
  );
  process.exit(1);
}
process.stdout.write(`Sample docs served at ${docServer.url}/\n`);

const env = { ...process.env };
// Without a display the CLI's attempt to open a browser can only fail, and on
// some machines it leaves a stray browser process behind.
if (
  process.platform === 'linux' &&
  !env.DISPLAY &&
  !env.WAYLAND_DISPLAY &&
  env.BROWSER === undefined
) {
  env.BROWSER = 'none';
}

// Both read the repository's app-config.yaml; the backend's CLI finds it at
// the workspace root.
const children = [
  {
    name: 'dev backend',
    process: spawn(backstageCli, ['package', 'start'], {
      cwd: path.join(packageDir, 'backend'),
      env,
      stdio: 'inherit',
    }),
  },
  {
    name: 'dev portal',
    process: spawn(
      backstageCli,
      ['package', 'start', ...process.argv.slice(2)],
      { cwd: packageDir, env: portalCliEnv(env), stdio: 'inherit' },
    ),
  },
];

const running = child =>
  child.process.exitCode === null && child.process.signalCode === null;

// Ctrl-C in a terminal already reaches the CLIs through the process group;
// forwarding covers `kill <pid>` and supervisors that signal only this process.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    for (const child of children)
      if (running(child)) child.process.kill(signal);
  });
}

let leaving = false;
async function leave(code, signal) {
  if (leaving) return;
  leaving = true;
  for (const child of children)
    if (running(child)) child.process.kill('SIGTERM');
  await Promise.all(
    children
      .filter(running)
      .map(
        child => new Promise(resolve => child.process.once('exit', resolve)),
      ),
  );
  await docServer.close();
  if (signal) {
    // Leave the way the child left, so callers see the same signal.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
}

function watch(child) {
  child.process.on('error', error => {
    process.stderr.write(
      `Could not start the ${child.name} (${backstageCli}): ${error.message}\n`,
    );
    leave(1);
  });
  child.process.on('exit', (code, signal) => {
    if (!leaving && code !== 0) {
      process.stderr.write(
        `The ${child.name} exited (${signal ?? `code ${code}`}); stopping the rest.\n`,
      );
    }
    leave(code, signal);
  });
}
children.forEach(watch);
