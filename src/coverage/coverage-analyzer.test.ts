import fs from 'node:fs';
import path from 'node:path';
import {
  defaultTemplateModel,
  exceedsAnalysisBudget,
  tooComplexToAnalyze,
  analyzeCoverageContent,
} from 'backstage-plugin-architecture-docs-common';
import { coverageResultFromAnalysis } from './load-coverage-doc';
import {
  createCoverageAnalyzer,
  type AnalysisWorker,
} from './coverage-analyzer';
import {
  createAnalysisHandler,
  type AnalysisRequest,
  type AnalysisResponse,
} from './coverage-analyzer-protocol';

const SAMPLE_DIR = path.resolve(__dirname, '../../dev/sample-docs');
const DOCS = [
  'checkout-api/docs/architecture/CheckoutApi.md',
  'payment-gateway/docs/architecture/PaymentGateway.md',
  'tax-calculator/docs/architecture/TaxCalculator.md',
].map(file => ({
  url: `https://git.example.com/org/repo/blob/main/${file}`,
  content: fs.readFileSync(path.join(SAMPLE_DIR, file), 'utf8'),
}));

/**
 * A worker that runs the real message handler, one macrotask later, with the
 * messages cloned as postMessage would; `fail()` makes it die like a worker
 * whose script cannot load.
 */
class InProcessWorker implements AnalysisWorker {
  readonly received: AnalysisRequest[] = [];
  terminated = false;
  paused = false;
  readonly #handle = createAnalysisHandler();
  readonly #listeners = new Map<string, Array<(event: any) => void>>();

  /** Says it is ready once started, as the real worker does after loading the parser. */
  constructor(options: { silent?: boolean } = {}) {
    if (!options.silent)
      setTimeout(() => this.#emit('message', { data: { status: 'ready' } }), 0);
  }

  postMessage(message: AnalysisRequest): void {
    const copy = structuredClone(message);
    this.received.push(copy);
    setTimeout(() => {
      if (this.terminated || this.paused) return;
      const response = this.#handle(copy);
      if (response) this.#emit('message', { data: structuredClone(response) });
    }, 0);
  }

  addEventListener(type: string, listener: (event: any) => void): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  fail(): void {
    this.#emit('error', {});
  }

  say(data: unknown): void {
    this.#emit('message', { data });
  }

  #emit(type: string, event: unknown) {
    for (const listener of this.#listeners.get(type) ?? []) listener(event);
  }
}

function startWorkers(workers: InProcessWorker[]) {
  let next = 0;
  return () => workers[next++];
}

describe('createCoverageAnalyzer', () => {
  const template = defaultTemplateModel();
  const expected = DOCS.map(doc =>
    analyzeCoverageContent(doc.content, doc.url, template),
  );

  it('should analyse docs in its workers, spread over them, with the results of an analysis on the page', async () => {
    const workers = [new InProcessWorker(), new InProcessWorker()];
    const analyzer = createCoverageAnalyzer(template, {
      workers: 2,
      startWorker: startWorkers(workers),
    });
    expect(analyzer.where).toBe('workers');
    const results = await Promise.all(
      DOCS.map(doc => analyzer.analyze(doc.content, doc.url)),
    );
    expect(results).toEqual(expected);
    expect(results[0].sections.length).toBe(template.sections.length);
    for (const worker of workers) {
      expect(worker.received[0]).toEqual({ type: 'template', template });
      expect(
        worker.received.filter(message => message.type === 'analyze').length,
      ).toBeGreaterThan(0);
    }
    analyzer.dispose();
    expect(workers.every(worker => worker.terminated)).toBe(true);
  });

  it('should hand the docs of a failed worker to the others, and finish on the page once none is left', async () => {
    const workers = [new InProcessWorker(), new InProcessWorker()];
    const analyzer = createCoverageAnalyzer(template, {
      workers: 2,
      startWorker: startWorkers(workers),
    });
    workers[0].paused = true;
    const first = Promise.all(
      DOCS.map(doc => analyzer.analyze(doc.content, doc.url)),
    );
    workers[0].fail();
    expect(workers[0].terminated).toBe(true);
    expect(await first).toEqual(expected);

    workers[1].paused = true;
    const second = analyzer.analyze(DOCS[1].content, DOCS[1].url);
    workers[1].fail();
    expect(analyzer.where).toBe('main-thread');
    expect(await second).toEqual(expected[1]);
  });

  it('should give up a worker that could not load the parser, or never says it is ready', async () => {
    jest.useFakeTimers();
    try {
      const failing = new InProcessWorker({ silent: true });
      const silent = new InProcessWorker({ silent: true });
      failing.paused = true;
      silent.paused = true;
      const analyzer = createCoverageAnalyzer(template, {
        workers: 2,
        startWorker: startWorkers([failing, silent]),
        readyTimeoutMs: 5000,
      });
      const result = analyzer.analyze(DOCS[0].content, DOCS[0].url);
      failing.say({ status: 'failed', reason: 'ChunkLoadError' });
      expect(failing.terminated).toBe(true);
      expect(analyzer.where).toBe('workers');
      jest.advanceTimersByTime(5000);
      expect(silent.terminated).toBe(true);
      expect(analyzer.where).toBe('main-thread');
      await jest.runAllTimersAsync();
      expect(await result).toEqual(expected[0]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('should analyse on the page when workers cannot be started', async () => {
    const analyzer = createCoverageAnalyzer(template, {
      workers: 2,
      startWorker: () => {
        throw new Error('Workers are blocked by the content security policy');
      },
    });
    expect(analyzer.where).toBe('main-thread');
    expect(await analyzer.analyze(DOCS[0].content, DOCS[0].url)).toEqual(
      expected[0],
    );
  });

  it('should give a doc past the analysis bound, on the page, the verdict of the tab and the check, in one short task', async () => {
    const analyzer = createCoverageAnalyzer(template, { workers: 0 });
    expect(analyzer.where).toBe('main-thread');
    const flood = `# Flood\n\n## Purpose\n\n${'www.e.co '.repeat(20_000)}\n`;
    const started = performance.now();
    const analysis = await analyzer.analyze(
      flood,
      `https://git.example.com/org/repo/blob/main/Flood.md`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(analysis.tooComplex).toBe(
      tooComplexToAnalyze(exceedsAnalysisBudget(flood)!),
    );
    const result = coverageResultFromAnalysis(
      {
        url: `https://git.example.com/org/repo/blob/main/Flood.md`,
        content: flood,
      },
      analysis,
      {
        resolveLink: (target, base) => new URL(target, base).href,
      },
    );
    expect(result).toMatchObject({
      status: 'error',
      message: analysis.tooComplex,
    });
    expect(result.score).toBeUndefined();
  });

  it('should use no worker where the environment has none', async () => {
    // jsdom has no Worker: the default start answers undefined.
    const analyzer = createCoverageAnalyzer(template);
    expect(analyzer.where).toBe('main-thread');
    expect(await analyzer.analyze(DOCS[2].content, DOCS[2].url)).toEqual(
      expected[2],
    );
  });

  it('should reject the analyses still waiting when disposed', async () => {
    const worker = new InProcessWorker();
    worker.paused = true;
    const analyzer = createCoverageAnalyzer(template, {
      workers: 1,
      startWorker: () => worker,
    });
    const waiting = analyzer.analyze(DOCS[0].content, DOCS[0].url);
    analyzer.dispose();
    await expect(waiting).rejects.toThrow('The scan was stopped.');
    await expect(
      analyzer.analyze(DOCS[0].content, DOCS[0].url),
    ).rejects.toThrow('The scan was stopped.');
  });
});

describe('createAnalysisHandler', () => {
  it('should answer a doc sent before the template with an error, and ignore other messages', () => {
    const handle = createAnalysisHandler();
    expect(
      handle({ type: 'analyze', id: 7, content: '# A', url: 'https://x/a.md' }),
    ).toEqual({
      id: 7,
      error: 'no template was sent before the doc',
    });
    expect(handle(undefined as unknown as AnalysisRequest)).toBeUndefined();
    expect(
      handle({ type: 'other' } as unknown as AnalysisRequest),
    ).toBeUndefined();
  });

  it('should answer every doc, whatever its content, once it has the template', () => {
    const handle = createAnalysisHandler();
    handle({ type: 'template', template: defaultTemplateModel() });
    const response = handle({
      type: 'analyze',
      id: 1,
      content: '\u0000\uFFFD## Purpose\n\nTODO',
      url: 'not a url',
    }) as AnalysisResponse;
    expect(response.id).toBe(1);
    expect('analysis' in response && response.analysis.sections.length).toBe(
      defaultTemplateModel().sections.length,
    );
  });
});
