#!/usr/bin/env node
/* eslint-disable no-console */
// A benchmark reports its figures on the console.
// Runs every benchmark of the project. Each prints ratios against a baseline
// measured in the same run; absolute times are printed for context only.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter(name => /\.bench\.(tsx?|mjs)$/.test(name))
  .filter(name => only.length === 0 || only.some(o => name.includes(o)))
  .sort();

const out = mkdtempSync(join(tmpdir(), 'architecture-docs-bench-'));
let failed = false;
try {
  for (const name of benches) {
    let script = join(root, 'bench', name);
    if (/\.tsx?$/.test(name)) {
      const bundle = join(out, name.replace(/\.tsx?$/, '.cjs'));
      execFileSync(
        join(root, 'node_modules/.bin/esbuild'),
        [
          script,
          '--bundle',
          '--jsx=automatic',
          '--platform=node',
          '--target=node20',
          '--format=cjs',
          // Backstage's components import their illustrations; a bench
          // renders on Node and never shows them.
          '--loader:.svg=empty',
          '--log-level=warning',
          `--outfile=${bundle}`,
        ],
        { stdio: 'inherit' },
      );
      script = bundle;
    }
    console.log(`\n== ${name}`);
    const result = spawnSync(process.execPath, [script], {
      stdio: 'inherit',
      cwd: root,
    });
    if (result.status !== 0) failed = true;
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
