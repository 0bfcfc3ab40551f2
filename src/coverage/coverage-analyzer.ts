import {
  type TemplateModel,
  analyzeCoverageContent,
  type CoverageAnalysis,
} from 'backstage-plugin-architecture-docs-common';
import { createTimeSlicedQueue } from './time-sliced-queue';
import type {
  AnalysisRequest,
  AnalysisResponse,
  WorkerStatus,
} from './coverage-analyzer-protocol';

/** The part of a `Worker` the analyzer uses. */
export interface AnalysisWorker {
  postMessage(message: AnalysisRequest): void;
  addEventListener(
    type: 'message',
    listener: (event: { data: AnalysisResponse | WorkerStatus }) => void,
  ): void;
  addEventListener(type: 'error' | 'messageerror', listener: () => void): void;
  terminate(): void;
}

/** Analyses docs for the catalog-wide page, in workers when the browser has them. */
export interface CoverageAnalyzer {
  analyze(content: string, url: string): Promise<CoverageAnalysis>;
  /** Where analyses run now: `workers`, or `main-thread` in time slices. */
  readonly where: 'workers' | 'main-thread';
  /** Stops the workers; analyses still waiting reject. */
  dispose(): void;
}

/** Options of {@link createCoverageAnalyzer}. */
export interface CoverageAnalyzerOptions {
  /** Workers to start. Default: one per core but one, from 1 to 4. */
  workers?: number;
  /** Starts one worker, or answers undefined when workers are unavailable. */
  startWorker?: () => AnalysisWorker | undefined;
  /**
   * How long a worker may take to say it is ready (its code loaded) before
   * it is given up. Default 30 s.
   */
  readyTimeoutMs?: number;
}

/**
 * One worker per core but one, at least one and at most four: parsing is
 * CPU-bound, and the page's own thread, which receives the docs, needs a
 * core too, for the fetches that feed the workers.
 */
export function defaultWorkerCount(): number {
  const cores =
    typeof navigator !== 'undefined'
      ? Number(navigator.hardwareConcurrency)
      : NaN;
  return Math.max(
    1,
    Math.min(4, (Number.isFinite(cores) && cores > 0 ? cores : 2) - 1),
  );
}

/** Starts the bundled analysis worker; undefined where there are no workers (tests, old browsers). */
export function startAnalysisWorker(): AnalysisWorker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./coverage-analyzer.worker', import.meta.url), {
    name: 'architecture-docs-analysis',
  }) as unknown as AnalysisWorker;
}

interface Task {
  content: string;
  url: string;
  resolve(analysis: CoverageAnalysis): void;
  reject(error: Error): void;
}

interface Lane {
  worker: AnalysisWorker;
  pending: Map<number, Task>;
  readyTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Creates an analyzer for one scan against `template`. Docs go to the worker
 * with the fewest waiting; a worker that fails (its script cannot load, it
 * crashes, it never says it is ready) is dropped and its docs go to the
 * others. With no worker left,
 * docs are analysed on the main thread, one doc per task between which the
 * page handles input; the analysis bound keeps each task short.
 */
export function createCoverageAnalyzer(
  template: TemplateModel,
  options: CoverageAnalyzerOptions = {},
): CoverageAnalyzer {
  const startWorker = options.startWorker ?? startAnalysisWorker;
  const queue = createTimeSlicedQueue();
  const lanes: Lane[] = [];
  let nextId = 0;
  let disposed = false;

  const onMainThread = (task: Task) => {
    queue
      .run(() => analyzeCoverageContent(task.content, task.url, template))
      .then(task.resolve, task.reject);
  };

  const dispatch = (task: Task): void => {
    if (disposed) {
      task.reject(new Error('The scan was stopped.'));
      return;
    }
    let lane: Lane | undefined;
    for (const candidate of lanes) {
      if (!lane || candidate.pending.size < lane.pending.size) lane = candidate;
    }
    if (!lane) {
      onMainThread(task);
      return;
    }
    const id = nextId++;
    lane.pending.set(id, task);
    try {
      lane.worker.postMessage({
        type: 'analyze',
        id,
        content: task.content,
        url: task.url,
      });
    } catch {
      lane.pending.delete(id);
      retire(lane);
      dispatch(task);
    }
  };

  function retire(lane: Lane): void {
    const index = lanes.indexOf(lane);
    if (index < 0) return;
    lanes.splice(index, 1);
    clearTimeout(lane.readyTimer);
    lane.worker.terminate();
    const orphans = [...lane.pending.values()];
    lane.pending.clear();
    orphans.forEach(dispatch);
  }

  const count = Math.max(
    0,
    Math.floor(options.workers ?? defaultWorkerCount()),
  );
  for (let i = 0; i < count; i++) {
    let worker: AnalysisWorker | undefined;
    try {
      worker = startWorker();
    } catch {
      worker = undefined;
    }
    if (!worker) break;
    const lane: Lane = { worker, pending: new Map() };
    lane.readyTimer = setTimeout(
      () => retire(lane),
      options.readyTimeoutMs ?? 30_000,
    );
    worker.addEventListener('message', event => {
      const response = event.data;
      if (response && 'status' in response) {
        if (response.status === 'ready') clearTimeout(lane.readyTimer);
        else retire(lane);
        return;
      }
      const task = lane.pending.get(response?.id);
      if (!task) return;
      lane.pending.delete(response.id);
      if ('analysis' in response) task.resolve(response.analysis);
      else task.reject(new Error(response.error));
    });
    worker.addEventListener('error', () => retire(lane));
    worker.addEventListener('messageerror', () => retire(lane));
    try {
      worker.postMessage({ type: 'template', template });
      lanes.push(lane);
    } catch {
      worker.terminate();
      break;
    }
  }

  return {
    analyze(content, url) {
      return new Promise<CoverageAnalysis>((resolve, reject) =>
        dispatch({ content, url, resolve, reject }),
      );
    },
    get where() {
      return lanes.length > 0 ? 'workers' : 'main-thread';
    },
    dispose() {
      disposed = true;
      for (const lane of lanes.splice(0)) {
        clearTimeout(lane.readyTimer);
        lane.worker.terminate();
        for (const task of lane.pending.values())
          task.reject(new Error('The scan was stopped.'));
      }
    },
  };
}
