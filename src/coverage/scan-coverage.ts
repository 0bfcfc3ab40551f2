import { runWithConcurrency } from '../lib/run-with-concurrency';
import type { CoverageDocResult } from 'backstage-plugin-architecture-docs-common';

/**
 * What loading one entity's doc gave: a final result (no annotation, an
 * error, or a cached analysis still valid), or a doc to analyse.
 * @public
 */
export type CoverageLoadOutcome<D> = { result: CoverageDocResult } | { doc: D };

/**
 * Options of {@link scanCoverage}.
 * @public
 */
export interface CoverageScanOptions<E, D> {
  entities: readonly E[];
  /** Docs fetched at once. */
  concurrency: number;
  /** Fetches one entity's doc. A rejection becomes an `error` result. */
  load(entity: E, signal: AbortSignal): Promise<CoverageLoadOutcome<D>>;
  /**
   * Analyses a fetched doc, off the fetching lanes: a lane does not wait for
   * the analysis (which runs in a worker, or in time slices) to fetch more.
   */
  analyze(entity: E, doc: D): CoverageDocResult | Promise<CoverageDocResult>;
  /** Called once per entity as soon as its result is known. */
  onResult(entity: E, result: CoverageDocResult): void;
  signal: AbortSignal;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Fetches every entity's doc with bounded concurrency and analyses each as it
 * arrives. Fetching does not wait for analysis: a lane starts its next fetch
 * as soon as a doc has arrived. Resolves when every entity has a result (or
 * the signal aborted); never rejects.
 * @public
 */
export async function scanCoverage<E, D>(
  options: CoverageScanOptions<E, D>,
): Promise<void> {
  const { signal, onResult } = options;
  const analyses: Promise<void>[] = [];
  const report = (entity: E, result: CoverageDocResult) => {
    if (!signal.aborted) onResult(entity, result);
  };
  await runWithConcurrency(
    options.entities,
    options.concurrency,
    async entity => {
      let outcome: CoverageLoadOutcome<D>;
      try {
        outcome = await options.load(entity, signal);
      } catch (error) {
        if (signal.aborted) return;
        report(entity, { status: 'error', message: messageOf(error) });
        return;
      }
      if ('result' in outcome) {
        report(entity, outcome.result);
        return;
      }
      const doc = outcome.doc;
      analyses.push(
        Promise.resolve()
          .then(() =>
            signal.aborted ? undefined : options.analyze(entity, doc),
          )
          .then(
            result => {
              if (result) report(entity, result);
            },
            error =>
              report(entity, {
                status: 'error',
                message: `The doc could not be analysed: ${messageOf(error)}`,
              }),
          ),
      );
    },
    signal,
  );
  await Promise.all(analyses);
}
