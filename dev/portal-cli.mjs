// How the dev portal's Backstage CLI is run: the CLI binary of this
// repository, with dev/cli-workspace-root.cjs preloaded so that it finds the
// frontend plugin at the workspace root.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);

/** The repository's `backstage-cli`. */
export const BACKSTAGE_CLI = path.join(
  packageDir,
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'backstage-cli.cmd' : 'backstage-cli',
);

/** The preload that shows the workspace root to the CLI as a package. */
export const CLI_WORKSPACE_ROOT_PRELOAD = path.join(
  packageDir,
  'dev',
  'cli-workspace-root.cjs',
);

/**
 * `env` with the preload added to NODE_OPTIONS, for a CLI that serves or
 * bundles the dev portal from the workspace root.
 */
export function portalCliEnv(env = process.env) {
  const preload = `--require ${JSON.stringify(CLI_WORKSPACE_ROOT_PRELOAD)}`;
  const current = env.NODE_OPTIONS ?? '';
  return current.includes(CLI_WORKSPACE_ROOT_PRELOAD)
    ? env
    : { ...env, NODE_OPTIONS: `${current} ${preload}`.trim() };
}
