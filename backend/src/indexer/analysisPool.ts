import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  analyzeParsedDoc,
  exceedsAnalysisBudget,
  parseArchitectureDoc,
  tooComplexToAnalyze,
  type ArchitectureDocReport,
  type TemplateModel,
} from 'backstage-plugin-architecture-docs-common';

/** The analyzer's verdict on a doc's text, before its links are checked. */
export type ContentAnalysis =
  | { kind: 'report'; report: ArchitectureDocReport }
  | { kind: 'too-complex'; message: string };

/** What one doc's text is analysed with. */
export interface ContentToAnalyze {
  content: string;
  /** The doc's path, decoded, for the report. */
  path: string;
  template: TemplateModel;
}

/**
 * Analyses a doc's text with the common analyzer in this thread: the
 * analysis bound first (a doc past it is refused, not analysed in part),
 * then the report.
 */
export function analyzeContent(input: ContentToAnalyze): ContentAnalysis {
  const excess = exceedsAnalysisBudget(input.content);
  if (excess)
    return { kind: 'too-complex', message: tooComplexToAnalyze(excess) };
  return {
    kind: 'report',
    report: analyzeParsedDoc(parseArchitectureDoc(input.content), {
      template: input.template,
      path: input.path,
    }),
  };
}

/**
 * The worker's code. It loads the common package by its resolved path, so
 * it needs no file of its own in the built package; the parent's
 * `execArgv` (a TypeScript require hook when run from source) applies.
 * Templates are sent once per worker and then named by key.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const common = require(workerData.commonModule);
const templates = new Map();
parentPort.on('message', job => {
  try {
    if (job.template) {
      templates.clear();
      templates.set(job.templateKey, job.template);
    }
    const template = templates.get(job.templateKey);
    if (!template) throw new Error('unknown template');
    const excess = common.exceedsAnalysisBudget(job.content);
    const result = excess
      ? { kind: 'too-complex', message: common.tooComplexToAnalyze(excess) }
      : {
          kind: 'report',
          report: common.analyzeParsedDoc(
            common.parseArchitectureDoc(job.content),
            { template, path: job.path },
          ),
        };
    parentPort.postMessage({ id: job.id, result });
  } catch (error) {
    parentPort.postMessage({ id: job.id, error: String(error) });
  }
});
`;

const DEFAULT_WORKER_HEAP_MB = 160;
/**
 * Room for one doc's parse (the parser's token lists and the tree) to die
 * young. With less, each parse outlives a few scavenges and is promoted, and
 * the old generation's collections take much of the worker's time.
 */
const WORKER_YOUNG_GENERATION_MB = 48;

/** Worker start failures after which the pool analyses in this thread only. */
const MAX_WORKER_FAILURES = 3;

/** Idle time after which the workers are stopped, to free their memory between cycles. */
const DEFAULT_IDLE_MS = 10_000;

interface Job {
  id: number;
  input: ContentToAnalyze;
  resolve(result: ContentAnalysis): void;
}

interface PoolWorker {
  worker: Worker;
  /** The job it runs, if any. */
  job?: Job;
  /** The template key it holds. */
  templateKey?: string;
}

/** What an {@link AnalysisPool} is built with. */
export interface AnalysisPoolOptions {
  /**
   * Workers at most. Default: one fewer than the cores available (at least
   * one), so that a core stays free for the backend's requests and reads.
   */
  size?: number;
  /** Idle time before the workers are stopped. Default 10 s. */
  idleMs?: number;
  /** Node options of the workers. Default: the process's. */
  execArgv?: string[];
  /**
   * Each worker's heap bound in MB (V8's old generation). Without it a
   * worker's heap grows with the garbage of thousands of docs before it is
   * collected; a doc within the analysis bound needs far less. A worker past
   * it stops and its doc is analysed in this thread. Default 160.
   */
  workerHeapMb?: number;
  /** The worker's code; replaced by tests only. */
  workerSource?: string;
  /** Told when workers cannot be used and analysis falls back to this thread. */
  onFallback?(reason: string): void;
  /** Told when a worker stopped (its doc is analysed in this thread). */
  onWorkerLost?(reason: string): void;
}

/**
 * Analyses docs on worker threads, one doc per worker at a time, so that
 * the analysis of large docs does not hold up the event loop while reads
 * wait for their answers. Jobs wait in a queue bounded by the caller (the
 * indexer keeps a bounded number of docs in flight). A job whose worker
 * fails or exits is analysed in this thread, so no doc is lost; when
 * workers repeatedly fail to start, the pool analyses in this thread.
 */
export class AnalysisPool {
  readonly #size: number;
  readonly #idleMs: number;
  readonly #options: AnalysisPoolOptions;
  readonly #workers: PoolWorker[] = [];
  readonly #queue: Job[] = [];
  readonly #templateKeys = new WeakMap<TemplateModel, string>();
  #nextId = 1;
  #nextTemplateKey = 1;
  #failures = 0;
  #disabled = false;
  #idleTimer?: ReturnType<typeof setTimeout>;

  constructor(options: AnalysisPoolOptions = {}) {
    this.#options = options;
    this.#size = Math.max(1, options.size ?? availableParallelism() - 1);
    this.#idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  }

  /** Whether the pool has given up on workers. */
  get inThreadOnly(): boolean {
    return this.#disabled;
  }

  /** Analyses the doc's text; resolves with what {@link analyzeContent} gives. Never rejects for a worker's failure. */
  analyze(input: ContentToAnalyze): Promise<ContentAnalysis> {
    if (this.#disabled) return Promise.resolve(analyzeContent(input));
    return new Promise(resolve => {
      this.#queue.push({ id: this.#nextId++, input, resolve });
      this.#dispatch();
    });
  }

  /** Workers running (with or without a job). */
  get workerCount(): number {
    return this.#workers.length;
  }

  /**
   * Stops the workers without a job now rather than after the idle time,
   * for a caller that knows no doc follows soon (a cycle whose docs are all
   * analysed), so that their memory is given back at once. The next doc
   * starts a worker again.
   */
  stopIdleWorkers(): void {
    this.#clearIdle();
    for (const idle of this.#workers.filter(w => !w.job)) void this.#stop(idle);
  }

  /** Stops the workers; jobs still queued are analysed in this thread. */
  async close(): Promise<void> {
    this.#disabled = true;
    this.#clearIdle();
    for (const job of this.#queue.splice(0)) this.#inThread(job);
    await Promise.all(this.#workers.map(w => this.#stop(w)));
  }

  #dispatch(): void {
    this.#clearIdle();
    while (this.#queue.length > 0) {
      const idle = this.#workers.find(w => !w.job);
      const target =
        idle ?? (this.#workers.length < this.#size ? this.#start() : undefined);
      if (!target) {
        if (this.#workers.length > 0) return;
        // No worker could start: the job is analysed here.
        this.#inThread(this.#queue.shift()!);
        continue;
      }
      const job = this.#queue.shift()!;
      target.job = job;
      // A worker with a job keeps the process alive, as its caller waits.
      target.worker.ref();
      const templateKey = this.#templateKey(job.input.template);
      const sendTemplate = target.templateKey !== templateKey;
      target.templateKey = templateKey;
      try {
        target.worker.postMessage({
          id: job.id,
          content: job.input.content,
          path: job.input.path,
          templateKey,
          template: sendTemplate ? job.input.template : undefined,
        });
      } catch {
        // A template that cannot be cloned: analysed here.
        target.job = undefined;
        target.templateKey = undefined;
        target.worker.unref();
        this.#inThread(job);
      }
    }
    if (this.#workers.every(w => !w.job)) this.#armIdle();
  }

  #start(): PoolWorker | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.#options.workerSource ?? WORKER_SOURCE, {
        eval: true,
        workerData: {
          commonModule:
            require.resolve('backstage-plugin-architecture-docs-common'),
        },
        execArgv: this.#options.execArgv,
        resourceLimits: {
          maxOldGenerationSizeMb:
            this.#options.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB,
          maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
        },
      });
    } catch (error) {
      this.#failed(String(error));
      return undefined;
    }
    // An idle worker never keeps the process alive.
    worker.unref();
    const entry: PoolWorker = { worker };
    this.#workers.push(entry);
    worker.on(
      'message',
      (message: { id: number; result?: ContentAnalysis; error?: string }) => {
        const job = entry.job;
        if (!job || job.id !== message.id) return;
        entry.job = undefined;
        entry.worker.unref();
        this.#failures = 0;
        if (message.result) job.resolve(message.result);
        else this.#inThread(job);
        this.#dispatch();
      },
    );
    const lost = (reason: string) => {
      const index = this.#workers.indexOf(entry);
      if (index < 0) return;
      this.#workers.splice(index, 1);
      const job = entry.job;
      entry.job = undefined;
      void entry.worker.terminate();
      if (job) this.#inThread(job);
      this.#options.onWorkerLost?.(reason);
      this.#failed(reason);
      if (!this.#disabled) this.#dispatch();
    };
    worker.on('error', error => lost(String(error)));
    worker.on('exit', code => lost(`the analysis worker exited (${code})`));
    return entry;
  }

  #failed(reason: string): void {
    this.#failures += 1;
    if (this.#failures < MAX_WORKER_FAILURES || this.#disabled) return;
    this.#disabled = true;
    this.#options.onFallback?.(reason);
    for (const job of this.#queue.splice(0)) this.#inThread(job);
  }

  #inThread(job: Job): void {
    job.resolve(analyzeContent(job.input));
  }

  #templateKey(template: TemplateModel): string {
    let key = this.#templateKeys.get(template);
    if (!key) {
      key = String(this.#nextTemplateKey++);
      this.#templateKeys.set(template, key);
    }
    return key;
  }

  #armIdle(): void {
    if (this.#workers.length === 0) return;
    this.#idleTimer = setTimeout(() => {
      this.#idleTimer = undefined;
      for (const w of this.#workers.splice(0)) void this.#stop(w);
    }, this.#idleMs);
    this.#idleTimer.unref();
  }

  #clearIdle(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = undefined;
  }

  async #stop(entry: PoolWorker): Promise<void> {
    entry.worker.removeAllListeners('exit');
    entry.worker.removeAllListeners('error');
    const index = this.#workers.indexOf(entry);
    if (index >= 0) this.#workers.splice(index, 1);
    await entry.worker.terminate();
  }
}
