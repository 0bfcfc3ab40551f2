/* eslint-disable no-console */
// A benchmark reports its figures on the console.
/**
 * Rendering the largest corpus doc: the plugin's renderer (one bounded parse,
 * the analysis, then React from that tree, with callouts and chips) as a
 * ratio to a bare react-markdown + remark-gfm render of the same text, both
 * rendered to HTML in this process, alternating.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, markdownFiles } from './corpus';
import { renderToString } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { ThemeProvider } from '@material-ui/core/styles';
import { lightTheme } from '@backstage/theme';
import { errorApiRef } from '@backstage/core-plugin-api';
import { translationApiRef } from '@backstage/core-plugin-api/alpha';
import { MockErrorApi, mockApis, TestApiProvider } from '@backstage/test-utils';
import {
  analyzeParsedDoc,
  parseArchitectureDoc,
} from 'backstage-plugin-architecture-docs-common';
import { ArchitectureMarkdown } from '../src/components/ArchitectureMarkdown';
import { benchTarget, reportTargets } from './targets.mjs';

/** The plugin's render may take at most this many times a bare react-markdown render. */
const RENDER_RATIO_MAX = benchTarget('RENDER_RATIO_MAX', 1.5);

const corpus = corpusDir;

const largest = markdownFiles(corpus)
  .map(file => ({ file, size: fs.statSync(file).size }))
  .sort((a, b) => b.size - a.size)[0];
const text = fs.readFileSync(largest.file, 'utf8');

function bare(): number {
  return renderToString(<Markdown remarkPlugins={[remarkGfm]}>{text}</Markdown>)
    .length;
}

// The renderer reads its wording through the app's translation API, as in an app.
const apis = [
  [translationApiRef, mockApis.translation()],
  [errorApiRef, new MockErrorApi()],
] as const;

function plugin(): number {
  const parsed = parseArchitectureDoc(text);
  const report = analyzeParsedDoc(parsed, {
    path: path.relative(corpus, largest.file),
  });
  return renderToString(
    <TestApiProvider apis={apis}>
      <ThemeProvider theme={lightTheme}>
        <ArchitectureMarkdown
          parsed={parsed}
          report={report}
          renderLink={p => <a href={p.href}>{p.children}</a>}
        />
      </ThemeProvider>
    </TestApiProvider>,
  ).length;
}

function time(fn: () => number): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
bare();
plugin();
const bareTimes: number[] = [];
const pluginTimes: number[] = [];
for (let round = 0; round < rounds; round++) {
  if (round % 2) {
    bareTimes.push(time(bare));
    pluginTimes.push(time(plugin));
  } else {
    pluginTimes.push(time(plugin));
    bareTimes.push(time(bare));
  }
}
const ratios = bareTimes.map((b, i) => pluginTimes[i] / b);
console.log(
  `Rendering the largest corpus doc (${path.relative(corpus, largest.file)}, ${(largest.size / 1024).toFixed(1)} KiB), ${rounds} alternating rounds, server-side to HTML:`,
);
console.log(
  `  bare react-markdown + remark-gfm (baseline): median ${median(bareTimes).toFixed(1)} ms`,
);
console.log(
  `  plugin: parse + analysis + ArchitectureMarkdown: median ${median(pluginTimes).toFixed(1)} ms`,
);
console.log(
  `  ratio plugin / bare: ${median(ratios).toFixed(2)}x (per round: ${ratios.map(r => r.toFixed(2)).join(', ')})`,
);
const targetsMet = reportTargets([
  {
    label: 'plugin render / bare render',
    figure: median(ratios),
    kind: 'max',
    target: RENDER_RATIO_MAX,
    format: x => `${x.toFixed(2)}x`,
  },
]);
if (!targetsMet) process.exitCode = 1;
