import {
  exceedsAnalysisBudget,
  templateFromSections,
} from 'backstage-plugin-architecture-docs-common';
import { AnalysisPool, analyzeContent } from './analysisPool';

// The workers load the common package from source, as a backend started
// from source does; jest's own transform does not reach worker threads.
const execArgv = ['-r', require.resolve('sucrase/register')];

const template = templateFromSections([
  { title: 'Purpose' },
  { title: 'Context' },
  { title: 'Risks' },
]);

function doc(index: number): string {
  return `# Service ${index}

## Purpose

Serves request ${index}; see [the contract](../contracts/c${index % 3}.md).

## Context

${index % 2 ? 'TODO' : 'Runs beside the scheduler.'}
`;
}

jest.setTimeout(60_000);

describe('AnalysisPool', () => {
  it('should give the same results as the analysis in this thread', async () => {
    const pool = new AnalysisPool({ size: 2, execArgv });
    try {
      const inputs = Array.from({ length: 8 }, (_, i) => ({
        content: doc(i),
        path: `/repo/docs/s${i}.md`,
        template,
      }));
      inputs.push({
        content: '#'.repeat(5) + ' x\n'.repeat(200_000),
        path: '/big.md',
        template,
      });
      const results = await Promise.all(inputs.map(i => pool.analyze(i)));
      expect(pool.inThreadOnly).toBe(false);
      expect(results).toEqual(inputs.map(i => analyzeContent(i)));
      expect(results.at(-1)?.kind).toBe('too-complex');
      expect(results[0].kind).toBe('report');
    } finally {
      await pool.close();
    }
  });

  it('should stop its idle workers when told, and start one again for the next doc', async () => {
    const pool = new AnalysisPool({ size: 1, execArgv, idleMs: 60_000 });
    try {
      const input = (i: number) => ({
        content: doc(i),
        path: `/repo/docs/s${i}.md`,
        template,
      });
      expect(await pool.analyze(input(1))).toEqual(analyzeContent(input(1)));
      expect(pool.workerCount).toBe(1);
      pool.stopIdleWorkers();
      expect(pool.workerCount).toBe(0);
      expect(await pool.analyze(input(2))).toEqual(analyzeContent(input(2)));
      expect(pool.workerCount).toBe(1);
      expect(pool.inThreadOnly).toBe(false);
    } finally {
      await pool.close();
    }
  });

  it('should analyse a doc at the size limit within the worker heap bound', async () => {
    const onWorkerLost = jest.fn();
    const pool = new AnalysisPool({ size: 1, execArgv, onWorkerLost });
    try {
      // The most work the analysis bound lets through (within 1 MiB, the
      // default size limit): sections, tables, lists and links.
      const part = (i: number) =>
        `## Section ${i}\n\nText with [a link](../c/${i}.md) and \`code\`.\n\n| a | b |\n| - | - |\n| ${i} | [x](x${i}.md) |\n\n- item\n- item\n\n`;
      const build = (parts: number) =>
        `# Big\n\n${Array.from({ length: parts }, (_, i) => part(i)).join('')}`;
      let low = 1;
      let high = Math.floor((1024 * 1024) / part(0).length);
      while (low < high) {
        const middle = Math.ceil((low + high) / 2);
        if (exceedsAnalysisBudget(build(middle))) high = middle - 1;
        else low = middle;
      }
      const content = build(low);
      const input = { content, path: '/big.md', template };
      const result = await pool.analyze(input);
      expect(onWorkerLost).not.toHaveBeenCalled();
      expect(result.kind).toBe('report');
      expect(result).toEqual(analyzeContent(input));
    } finally {
      await pool.close();
    }
  });

  it('should analyze in this thread the doc of a worker that dies, then start another worker', async () => {
    // A worker that exits on a doc saying "crash", as a crash would end it,
    // and marks the answers it gives otherwise.
    const workerSource = `
      const { parentPort } = require('node:worker_threads');
      parentPort.on('message', job => {
        if (job.content.includes('crash')) process.exit(3);
        parentPort.postMessage({ id: job.id, result: { kind: 'too-complex', message: 'from a worker' } });
      });`;
    const onFallback = jest.fn();
    const pool = new AnalysisPool({ size: 1, workerSource, onFallback });
    try {
      const crashing = { content: `${doc(1)}crash\n`, path: '/a.md', template };
      await expect(pool.analyze(crashing)).resolves.toEqual(
        analyzeContent(crashing),
      );
      await expect(
        pool.analyze({ content: doc(2), path: '/b.md', template }),
      ).resolves.toEqual({ kind: 'too-complex', message: 'from a worker' });
      expect(pool.inThreadOnly).toBe(false);
      expect(onFallback).not.toHaveBeenCalled();
    } finally {
      await pool.close();
    }
  });

  it('should fall back to this thread when workers cannot start', async () => {
    const onFallback = jest.fn();
    const pool = new AnalysisPool({
      size: 1,
      workerSource: `throw new Error('no worker here');`,
      onFallback,
    });
    try {
      const inputs = [1, 2, 3, 4].map(i => ({
        content: doc(i),
        path: '/c.md',
        template,
      }));
      for (const input of inputs) {
        await expect(pool.analyze(input)).resolves.toEqual(
          analyzeContent(input),
        );
      }
      expect(pool.inThreadOnly).toBe(true);
      expect(onFallback).toHaveBeenCalledTimes(1);
    } finally {
      await pool.close();
    }
  });
});
