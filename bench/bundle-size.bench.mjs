/* eslint-disable no-console */
// A benchmark reports its figures on the console.
// What the architecture tab costs in JavaScript: the plugin's code is bundled
// for production (minified, split at every dynamic import, as an app's
// bundler does), with what every Backstage app already ships (React, MUI,
// @backstage/*) left out. Then the chunks the tab loads are followed through
// the import graph: once for a doc without diagrams, once for a doc with a
// diagram. Sizes are gzip level 9.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchTarget, reportTargets } from './targets.mjs';

/** Modules of the mermaid package the tab may load for a doc without a diagram. */
const MERMAID_MODULES_WITHOUT_DIAGRAM_MAX = benchTarget(
  'MERMAID_MODULES_WITHOUT_DIAGRAM_MAX',
  0,
);
/** Gzip KiB the tab may load for a doc without a diagram. */
const TAB_WITHOUT_DIAGRAM_KIB_MAX = benchTarget(
  'TAB_WITHOUT_DIAGRAM_KIB_MAX',
  100,
);
/** Gzip KiB of the entry chunk the app registers before the tab is opened. */
const ENTRY_KIB_MAX = benchTarget('ENTRY_KIB_MAX', 16);

const root = process.cwd();
const out = mkdtempSync(join(tmpdir(), 'architecture-docs-bundle-'));

const APP_SHARED = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-router',
  'react-router-dom',
  '@material-ui/*',
  '@backstage/*',
  'react-use',
  'react-use/*',
];

try {
  const result = await build({
    entryPoints: [join(root, 'src/extensions.tsx')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    metafile: true,
    outdir: out,
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    external: APP_SHARED,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const outputs = result.metafile.outputs;
  const gz = file => gzipSync(readFileSync(file), { level: 9 }).length;
  const outputFor = predicate =>
    Object.keys(outputs).filter(
      name => outputs[name].entryPoint && predicate(outputs[name].entryPoint),
    );

  /** Every chunk loaded when `start` loads, following static imports only. */
  const closure = (start, seen = new Set()) => {
    if (seen.has(start)) return seen;
    seen.add(start);
    for (const imp of outputs[start].imports) {
      if (imp.kind === 'import-statement' && !imp.external)
        closure(imp.path, seen);
    }
    return seen;
  };
  const dynamicTargets = chunks =>
    [...chunks].flatMap(c =>
      outputs[c].imports
        .filter(i => i.kind === 'dynamic-import' && !i.external)
        .map(i => i.path),
    );
  const sum = set =>
    [...set].reduce((total, chunk) => total + gz(join(root, chunk)), 0);

  const entry = outputFor(e => e.endsWith('src/extensions.tsx'))[0];
  const entryChunks = closure(entry);
  const contentEntry = dynamicTargets(entryChunks).find(p =>
    (outputs[p].entryPoint ?? '').includes('EntityArchitectureDocContent'),
  );
  const tabChunks = closure(contentEntry, new Set(entryChunks));
  const mermaidEntry = dynamicTargets(tabChunks).find(p =>
    (outputs[p].entryPoint ?? '').includes('mermaid'),
  );
  if (!contentEntry || !mermaidEntry)
    throw new Error('The tab or Mermaid is not split into its own chunk.');
  const withDiagram = closure(mermaidEntry, new Set(tabChunks));
  const mermaidLazy = new Set();
  for (const chunk of withDiagram)
    for (const t of dynamicTargets([chunk]))
      if (!tabChunks.has(t)) closure(t, mermaidLazy);
  for (const chunk of withDiagram) mermaidLazy.delete(chunk);

  const mermaidModules = chunks =>
    [...chunks].reduce(
      (count, chunk) =>
        count +
        Object.keys(outputs[chunk].inputs).filter(i =>
          i.includes('node_modules/mermaid/'),
        ).length,
      0,
    );
  const withoutBytes = sum(tabChunks);
  const withBytes = sum(withDiagram);
  const kib = bytes => `${(bytes / 1024).toFixed(1)} KiB`;
  console.log(
    'JavaScript the architecture tab loads (gzip, production build; React, MUI and @backstage/* come with the app):',
  );
  console.log(
    `  doc without a diagram: ${kib(withoutBytes)} in ${tabChunks.size} chunk(s); modules from the mermaid package among them: ${mermaidModules(tabChunks)}`,
  );
  console.log(
    `  doc with a diagram:    ${kib(withBytes)} in ${withDiagram.size} chunk(s) with ${mermaidModules(withDiagram)} mermaid modules (+ Mermaid's diagram-type chunks loaded on demand, ${kib(sum(mermaidLazy))} for all types together)`,
  );
  console.log(
    `  ratio with / without a diagram: ${(withBytes / withoutBytes).toFixed(2)}x`,
  );
  console.log(
    `  entry chunk registered by the app (before the tab is opened): ${kib(sum(entryChunks))}`,
  );
  const kibFigure = value => `${value.toFixed(1)} KiB`;
  const targetsMet = reportTargets([
    {
      label: 'mermaid modules loaded for a doc without a diagram',
      figure: mermaidModules(tabChunks),
      kind: 'max',
      target: MERMAID_MODULES_WITHOUT_DIAGRAM_MAX,
    },
    {
      label: 'tab without a diagram (gzip)',
      figure: withoutBytes / 1024,
      kind: 'max',
      target: TAB_WITHOUT_DIAGRAM_KIB_MAX,
      format: kibFigure,
    },
    {
      label: 'entry chunk (gzip)',
      figure: sum(entryChunks) / 1024,
      kind: 'max',
      target: ENTRY_KIB_MAX,
      format: kibFigure,
    },
  ]);
  if (!targetsMet) process.exitCode = 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
