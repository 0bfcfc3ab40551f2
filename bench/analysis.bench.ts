/* eslint-disable no-console */
// A benchmark reports its figures on the console.
/**
 * Analysis speed on the shared corpus of real docs: the analyzer's time as a
 * ratio to a bare mdast + GFM parse of the same texts, both measured in this
 * run, alternating, so machine noise hits both alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusDir, markdownFiles } from './corpus';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import {
  analyzeArchitectureDoc,
  parseArchitectureDoc,
} from 'backstage-plugin-architecture-docs-common';
import { benchTarget, reportTargets } from './targets.mjs';

/** The analysis may take at most this many times a bare parse of the same texts. */
const ANALYSIS_RATIO_MAX = benchTarget('ANALYSIS_RATIO_MAX', 1.3);

const corpus = corpusDir;

const files = markdownFiles(corpus);
const docs = files.map(file => ({
  path: path.relative(corpus, file).split(path.sep).join('/'),
  text: fs.readFileSync(file, 'utf8'),
}));
const bytes = docs.reduce((sum, d) => sum + Buffer.byteLength(d.text), 0);

function bareParse() {
  for (const doc of docs) {
    fromMarkdown(doc.text, {
      extensions: [gfm()],
      mdastExtensions: [gfmFromMarkdown()],
    });
  }
}

function ownParse() {
  for (const doc of docs) parseArchitectureDoc(doc.text);
}

function analyze() {
  for (const doc of docs) {
    analyzeArchitectureDoc(doc.text, {
      path: doc.path,
      linkExists: resolved => fs.existsSync(path.join(corpus, resolved)),
    });
  }
}

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
bareParse();
analyze();
const parseTimes: number[] = [];
const analyzeTimes: number[] = [];
const ownParseTimes: number[] = [];
for (let round = 0; round < rounds; round++) {
  if (round % 2 === 0) {
    parseTimes.push(time(bareParse));
    ownParseTimes.push(time(ownParse));
    analyzeTimes.push(time(analyze));
  } else {
    analyzeTimes.push(time(analyze));
    ownParseTimes.push(time(ownParse));
    parseTimes.push(time(bareParse));
  }
}
const ratios = parseTimes.map((p, i) => analyzeTimes[i] / p);
const ratio = median(ratios);
console.log(
  `Analysis of the corpus: ${docs.length} docs, ${(bytes / 1024).toFixed(0)} KiB, ${rounds} alternating rounds`,
);
console.log(
  `  bare mdast + GFM parse (baseline): median ${median(parseTimes).toFixed(0)} ms`,
);
console.log(
  `  analyzeArchitectureDoc (parse + analysis + link checks on disk): median ${median(analyzeTimes).toFixed(0)} ms`,
);
console.log(
  `  the analyzer's own bounded parse alone: median ${median(ownParseTimes).toFixed(0)} ms ` +
    `(${(median(ownParseTimes) / median(parseTimes)).toFixed(2)}x the bare parse)`,
);
console.log(
  `  analysis on top of its own parse: ${(median(analyzeTimes) / median(ownParseTimes)).toFixed(2)}x`,
);
console.log(
  `  ratio analysis / bare parse: ${ratio.toFixed(2)}x (per round: ${ratios.map(r => r.toFixed(2)).join(', ')})`,
);
const targetsMet = reportTargets([
  {
    label: 'analysis / bare parse',
    figure: ratio,
    kind: 'max',
    target: ANALYSIS_RATIO_MAX,
    format: x => `${x.toFixed(2)}x`,
  },
]);
if (!targetsMet) process.exitCode = 1;
