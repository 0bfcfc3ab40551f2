// `npm start`: the sample doc server and the dev portal together, so that the
// portal's sample entities find their docs without a second terminal.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { docServerOptionsFromEnv, startDocServer } from './doc-server.mjs';

const packageDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const backstageCli = path.join(
  packageDir,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'backstage-cli.cmd' : 'backstage-cli',
);

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

// Extra arguments go to the CLI, e.g. `npm start -- --check`.
const portal = spawn(
  backstageCli,
  ['package', 'start', ...process.argv.slice(2)],
  {
    cwd: packageDir,
    env,
    stdio: 'inherit',
  },
);

// Ctrl-C in a terminal already reaches the CLI through the process group;
// forwarding covers `kill <pid>` and supervisors that signal only this process.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (portal.exitCode === null && portal.signalCode === null) {
      portal.kill(signal);
    }
  });
}

portal.on('error', async error => {
  process.stderr.write(`Could not start ${backstageCli}: ${error.message}\n`);
  await docServer.close();
  process.exit(1);
});

portal.on('exit', async (code, signal) => {
  await docServer.close();
  if (signal) {
    // Leave the way the child left, so callers see the same signal.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
