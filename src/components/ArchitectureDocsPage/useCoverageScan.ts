import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { architectureDocsApiRef, type ArchitectureDocFile } from '../../api';
import type { TemplateModel } from 'backstage-plugin-architecture-docs-common';
import {
  buildCoverageRow,
  scanCoverage,
  toCoverageEntity,
  type CoverageDocResult,
  type CoverageEntity,
  type CoverageRow,
} from '../../coverage';
import {
  createCoverageAnalyzer,
  type CoverageAnalyzer,
} from '../../coverage/coverage-analyzer';
import {
  coverageResultFromAnalysis,
  loadCoverageDoc,
} from '../../coverage/load-coverage-doc';
import { sessionCacheFor } from '../../coverage/session-result-caches';
import { markTiming } from '../../coverage/timing-marks';
import { checkLinkTargets } from '../../model/link-targets';
import { startTransitionCompat } from './reactCompat';

/**
 * Rows are re-rendered at most this often while results arrive: soon for the
 * first results, then once a second, since every render of thousands of rows
 * costs the main thread time that typing in a filter needs.
 */
const FIRST_FLUSH_INTERVAL_MS = 250;
const FLUSH_INTERVAL_MS = 1000;
/** Flushes at the first interval before the longer one applies. */
const FIRST_FLUSHES = 4;

/** Where the scan stands. */
export interface CoverageProgress {
  /** Entities with a result shown (fresh or kept from an earlier visit). */
  done: number;
  total: number;
  /** Entities shown from an earlier visit and not yet revalidated. */
  revalidating: number;
  /** Linked docs checked, of those to check; the link check follows the docs. */
  linksDone: number;
  linksTotal: number;
  /** True once docs and links are all done. */
  finished: boolean;
  /** Where docs are analysed: in workers, or on the page's thread in slices. */
  analyzedIn?: 'workers' | 'main-thread';
}

/** The rows and the progress of one moment of the scan, always in step. */
export interface CoverageScan {
  rows: CoverageRow[];
  progress: CoverageProgress;
}

/**
 * Scans the docs of `entities`: bounded concurrency, analysis in time slices,
 * rows updated in batches as results arrive, results kept for the next visit.
 */
export function useCoverageScan(options: {
  entities: Entity[] | undefined;
  template: TemplateModel;
  templateReady: boolean;
  concurrency: number;
}): CoverageScan {
  const { entities, template, templateReady, concurrency } = options;
  const api = useApi(architectureDocsApiRef);
  const flat = useMemo(
    () =>
      (entities ?? []).map(entity => ({
        entity,
        info: toCoverageEntity(entity),
      })),
    [entities],
  );
  const results = useRef(new Map<string, CoverageDocResult>());
  const links = useRef(new Map<string, boolean>());
  // A row is rebuilt only when its result or the link statuses changed, so
  // the parts of the page that show unchanged rows can skip re-rendering.
  const built = useRef(
    new Map<
      string,
      {
        info: CoverageEntity;
        result?: CoverageDocResult;
        template: TemplateModel;
        links: ReadonlyMap<string, boolean>;
        linksChecked: number;
        row: CoverageRow;
      }
    >(),
  );
  const [snapshot, setSnapshot] = useState<CoverageProgress>({
    done: 0,
    total: 0,
    revalidating: 0,
    linksDone: 0,
    linksTotal: 0,
    finished: false,
  });

  // The analysis worker starts as soon as the template is known, while the
  // catalog is still answering: loading and compiling its code then does not
  // compete for the cores with the page's first renders of the entities.
  // The next scan takes it over.
  const warm = useRef<{
    template: TemplateModel;
    analyzer: CoverageAnalyzer;
  }>();
  useEffect(() => {
    if (!templateReady) return undefined;
    const analyzer = createCoverageAnalyzer(template);
    warm.current = { template, analyzer };
    return () => {
      if (warm.current?.analyzer === analyzer) {
        warm.current = undefined;
        analyzer.dispose();
      }
    };
  }, [template, templateReady]);

  // Called once each batch is on screen (see `flush` below).
  const committed = useRef<() => void>();
  useEffect(() => committed.current?.(), [snapshot]);

  useEffect(() => {
    if (!entities || !templateReady) return undefined;
    const controller = new AbortController();
    const { signal } = controller;
    const cache = sessionCacheFor(template);
    // Entities that left the catalog leave the kept results too.
    cache.retainEntities(new Set(flat.map(({ info }) => info.entityRef)));
    const current = new Map<string, CoverageDocResult>();
    const linkStatus = new Map<string, boolean>();
    results.current = current;
    links.current = linkStatus;
    const counts: Omit<CoverageProgress, 'total'> = {
      done: 0,
      revalidating: 0,
      linksDone: 0,
      linksTotal: 0,
      finished: false,
    };
    const stale = new Set<string>();
    for (const { info } of flat) {
      const kept = cache.get(info.entityRef);
      if (kept) {
        current.set(info.entityRef, kept);
        stale.add(info.entityRef);
        for (const url of kept.linkTargets ?? []) {
          const exists = cache.getLink(url);
          if (exists !== undefined) linkStatus.set(url, exists);
        }
      }
    }
    counts.done = stale.size;
    counts.revalidating = stale.size;
    const taken = warm.current;
    warm.current = undefined;
    if (taken && taken.template !== template) taken.analyzer.dispose();
    const analyzer =
      taken?.template === template
        ? taken.analyzer
        : createCoverageAnalyzer(template);
    counts.analyzedIn = analyzer.where;

    let timer: ReturnType<typeof setTimeout> | undefined;
    let flushes = 0;
    // A transition that has not committed yet is restarted by the next one,
    // so a batch waits for the previous one to be on screen: otherwise slow
    // renders would be thrown away, and rows would appear late.
    let rendering = false;
    let waiting = false;
    const flush = () => {
      timer = undefined;
      flushes += 1;
      if (signal.aborted) return;
      rendering = true;
      // A new object on every flush: it also tells the rows to rebuild. As a
      // transition, the render yields to typing and clicks.
      const next = { ...counts, total: flat.length };
      startTransitionCompat(() => setSnapshot(next));
    };
    const scheduleFlush = () => {
      if (rendering) {
        waiting = true;
      } else if (timer === undefined) {
        timer = setTimeout(
          flush,
          flushes <= FIRST_FLUSHES
            ? FIRST_FLUSH_INTERVAL_MS
            : FLUSH_INTERVAL_MS,
        );
      }
    };
    committed.current = () => {
      rendering = false;
      if (waiting) {
        waiting = false;
        scheduleFlush();
      }
    };
    flush();

    const run = async () => {
      await scanCoverage<
        { entity: Entity; info: CoverageEntity },
        ArchitectureDocFile
      >({
        entities: flat,
        concurrency,
        signal,
        load: ({ entity, info }, abortSignal) =>
          loadCoverageDoc(api, entity, info.entityRef, cache, abortSignal),
        analyze: async (_item, file) => {
          counts.analyzedIn = analyzer.where;
          return coverageResultFromAnalysis(
            file,
            await analyzer.analyze(file.content, file.url),
            api,
          );
        },
        onResult: ({ info }, result) => {
          current.set(info.entityRef, result);
          cache.set(info.entityRef, result);
          if (stale.delete(info.entityRef)) counts.revalidating -= 1;
          else counts.done += 1;
          scheduleFlush();
        },
      });
      analyzer.dispose();
      if (signal.aborted) return;
      markTiming('docs-scanned');
      const urls = new Set<string>();
      for (const result of current.values())
        for (const url of result.linkTargets ?? []) urls.add(url);
      counts.linksTotal = urls.size;
      flush();
      await checkLinkTargets({
        api,
        urls: [...urls],
        concurrency,
        signal,
        onResult: (url, status) => {
          counts.linksDone += 1;
          scheduleFlush();
          // A target that could not be checked is neither broken nor fine.
          if (status === 'unknown') return;
          linkStatus.set(url, status === 'ok');
          cache.setLink(url, status === 'ok');
        },
      });
      if (signal.aborted) return;
      markTiming('links-checked');
      counts.finished = true;
      if (timer !== undefined) clearTimeout(timer);
      flush();
    };
    run();
    return () => {
      committed.current = undefined;
      controller.abort();
      analyzer.dispose();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api, entities, flat, template, templateReady, concurrency]);

  return useMemo(() => {
    // Only the rows of the current entities are kept for the next render.
    const previous = built.current;
    const next: typeof previous = new Map();
    built.current = next;
    return {
      rows: flat.map(({ info }) => {
        const result = results.current.get(info.entityRef);
        const kept = previous.get(info.entityRef);
        // Only an analysed row depends on the template and the link statuses;
        // rows still waiting for their doc are kept when a scan starts.
        if (
          kept?.info === info &&
          kept.result === result &&
          (result?.status !== 'analysed' ||
            (kept.template === template &&
              kept.links === links.current &&
              kept.linksChecked === snapshot.linksDone))
        ) {
          next.set(info.entityRef, kept);
          return kept.row;
        }
        const row = buildCoverageRow(info, result, template, links.current);
        next.set(info.entityRef, {
          info,
          result,
          template,
          links: links.current,
          linksChecked: snapshot.linksDone,
          row,
        });
        return row;
      }),
      progress: { ...snapshot, total: flat.length },
    };
    // `snapshot` changes whenever the refs hold new results.
  }, [flat, template, snapshot]);
}
