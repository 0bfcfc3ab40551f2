// The API reports of the packages' public surface: `report.api.md` for the
// frontend plugin's main entry point and `report-alpha.api.md` for `/alpha`,
// and `report.api.md` in each workspace package (common/, backend/), written with
// API Extractor from the declarations tsc emits, so that every change to the
// public surface shows in review as a change to these files.
//
//   npm run api-report          rewrite the reports from the sources
//   npm run api-report:check    fail when the reports differ from the sources
//                               (or an export lacks a release tag)

import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const here = path.dirname(fileURLToPath(import.meta.url));
const PACKAGE_DIR = path.resolve(here, '..');

/**
 * Entry points and their report files, as Backstage packages name them; each
 * report sits in its package's folder (`dir`, relative to the repository).
 */
const ENTRY_POINTS = [
  { dir: '.', source: 'src/index.ts', report: 'report.api.md' },
  { dir: '.', source: 'src/alpha.tsx', report: 'report-alpha.api.md' },
  { dir: 'common', source: 'common/src/index.ts', report: 'report.api.md' },
  {
    dir: 'common',
    source: 'common/src/analysis/index.ts',
    report: 'report-analysis.api.md',
  },
  {
    dir: 'common',
    source: 'common/src/client.ts',
    report: 'report-client.api.md',
  },
  { dir: 'backend', source: 'backend/src/index.ts', report: 'report.api.md' },
  {
    dir: 'backend',
    source: 'backend/src/search/index.ts',
    report: 'report-search.api.md',
  },
  {
    dir: 'backend',
    source: 'backend/src/tech-insights/index.ts',
    report: 'report-tech-insights.api.md',
  },
];

const check = process.argv.includes('--check');

/**
 * tsc writes inferred element types as the global `JSX.Element`, which API
 * Extractor cannot follow; React's own `JSX` namespace is the same type.
 */
function pointJsxAtReact(dir) {
  for (const entry of readdirSync(dir, {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    if (
      /\bJSX\./.test(text) &&
      !/import[^;]*\bJSX\b[^;]*from 'react'/.test(text)
    ) {
      // The @packageDocumentation comment must stay first.
      const firstComment = text.startsWith('/**')
        ? text.slice(0, text.indexOf('*/') + 3)
        : '';
      const at = firstComment.includes('@packageDocumentation')
        ? firstComment.length
        : 0;
      writeFileSync(
        file,
        `${text.slice(0, at)}import type { JSX } from 'react';\n${text.slice(at)}`,
      );
    }
  }
}
const say = line => process.stdout.write(`[api-report] ${line}\n`);

const typesDir = mkdtempSync(
  path.join(os.tmpdir(), 'architecture-docs-api-types-'),
);
let failures = 0;
try {
  execFileSync(
    path.join(PACKAGE_DIR, 'node_modules', '.bin', 'tsc'),
    [
      '-p',
      'tsconfig.json',
      '--noEmit',
      'false',
      '--declaration',
      '--emitDeclarationOnly',
      '--outDir',
      typesDir,
    ],
    { cwd: PACKAGE_DIR, stdio: 'inherit' },
  );

  pointJsxAtReact(typesDir);

  for (const { dir, source, report } of ENTRY_POINTS) {
    const entry = path.join(typesDir, source.replace(/\.tsx?$/, '.d.ts'));
    const packageDir = path.join(PACKAGE_DIR, dir);
    const reportName = path.join(dir, report);
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: packageDir,
        mainEntryPointFilePath: entry,
        bundledPackages: [],
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'ES2022',
              module: 'ESNext',
              moduleResolution: 'bundler',
              jsx: 'react-jsx',
              strict: true,
              skipLibCheck: true,
              resolveJsonModule: true,
              esModuleInterop: true,
              types: ['node', 'jest'],
            },
            include: [path.join(typesDir, '**', '*.d.ts')],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: report,
          reportFolder: packageDir,
          reportTempFolder: path.join(typesDir, 'api-report-temp'),
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          extractorMessageReporting: {
            default: { logLevel: 'warning' },
            // Same-named declarations in separate modules are fine.
            'ae-forgotten-export': {
              logLevel: 'none',
              addToApiReportFile: true,
            },
            // Members are documented where it helps; the report is about the shape.
            'ae-undocumented': { logLevel: 'none' },
          },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: path.join(packageDir, 'package.json'),
    });
    const result = Extractor.invoke(config, {
      localBuild: !check,
      showVerboseMessages: false,
    });
    if (check && result.apiReportChanged) {
      say(
        `${reportName} is out of date: run \`npm run api-report\` and commit it`,
      );
      failures += 1;
    } else if (!result.succeeded) {
      say(
        `${reportName}: ${result.errorCount} error(s), ${result.warningCount} warning(s)`,
      );
      failures += 1;
    } else {
      say(
        `${reportName}: ${check ? 'up to date' : 'written'}${result.warningCount ? ` (${result.warningCount} warning(s))` : ''}`,
      );
    }
  }
} finally {
  rmSync(typesDir, { recursive: true, force: true });
}
process.exit(failures > 0 ? 1 : 0);
