import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type RootConfigService,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, type HumanDuration } from '@backstage/types';
import { ARCHITECTURE_DOC_ANNOTATION } from 'backstage-plugin-architecture-docs-common';

/** The backend's settings, read once from `architectureDocs`. */
export interface BackendOptions {
  /** The entity annotation that points at a doc. */
  annotation: string;
  /**
   * The entity kinds indexed (`architectureDocs.coverage.kinds`, as the
   * catalog-wide page lists them); entities without the annotation are
   * indexed as having no doc.
   */
  kinds: string[];
  /** When and how long the indexer runs. */
  schedule: SchedulerServiceTaskScheduleDefinition;
  /** Reads at once per host. */
  concurrencyPerHost: number;
  /** Per-read timeout. */
  readTimeoutMs: number;
  /**
   * How long a doc read by a cycle counts as current: a later cycle asks the
   * host about it again only once this has passed since its last read. New
   * entities, moved docs, reads that timed out or failed on the host's side,
   * and a changed template are read by every cycle regardless; a refresh
   * always reads.
   */
  revalidateAfterMs: number;
  /** Largest doc read and stored, in bytes. */
  maxDocBytes: number;
  /** Days of daily history kept. */
  historyDays: number;
}

/** Defaults of every optional setting. */
export const DEFAULT_BACKEND_OPTIONS = {
  kinds: ['Component'],
  schedule: {
    frequency: { minutes: 30 },
    timeout: { minutes: 25 },
    initialDelay: { seconds: 10 },
  },
  concurrencyPerHost: 6,
  readTimeoutMs: 20_000,
  revalidateAfter: { minutes: 15 },
  maxDocBytes: 1024 * 1024,
  historyDays: 180,
} as const;

function positiveInteger(
  config: RootConfigService,
  key: string,
  fallback: number,
): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(
      `Invalid config: ${key} must be a positive whole number, got ${value}`,
    );
  }
  return value;
}

function nonNegativeDurationMs(
  config: RootConfigService,
  key: string,
  fallback: HumanDuration,
): number {
  if (!config.has(key)) return durationToMilliseconds(fallback);
  let ms: number;
  try {
    ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  } catch (error) {
    throw new Error(
      `Invalid config: ${key} must be a duration such as { minutes: 15 } or 'PT15M': ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  if (!Number.isFinite(ms) || ms < 0) {
    throw new Error(`Invalid config: ${key} must not be negative`);
  }
  return ms;
}

/**
 * Reads the backend's settings. A malformed value fails the plugin's start
 * with a message naming the key, rather than running with a surprise.
 */
export function readBackendOptions(config: RootConfigService): BackendOptions {
  const scheduleConfig = config.getOptionalConfig(
    'architectureDocs.backend.schedule',
  );
  return {
    annotation:
      config.getOptionalString('architectureDocs.annotation') ??
      ARCHITECTURE_DOC_ANNOTATION,
    kinds: config.getOptionalStringArray('architectureDocs.coverage.kinds') ?? [
      ...DEFAULT_BACKEND_OPTIONS.kinds,
    ],
    schedule: scheduleConfig
      ? readSchedulerServiceTaskScheduleDefinitionFromConfig(scheduleConfig)
      : DEFAULT_BACKEND_OPTIONS.schedule,
    concurrencyPerHost: positiveInteger(
      config,
      'architectureDocs.backend.concurrencyPerHost',
      DEFAULT_BACKEND_OPTIONS.concurrencyPerHost,
    ),
    readTimeoutMs: positiveInteger(
      config,
      'architectureDocs.backend.readTimeoutMs',
      DEFAULT_BACKEND_OPTIONS.readTimeoutMs,
    ),
    revalidateAfterMs: nonNegativeDurationMs(
      config,
      'architectureDocs.backend.revalidateAfter',
      DEFAULT_BACKEND_OPTIONS.revalidateAfter,
    ),
    maxDocBytes: positiveInteger(
      config,
      'architectureDocs.fetch.maxBytes',
      DEFAULT_BACKEND_OPTIONS.maxDocBytes,
    ),
    historyDays: positiveInteger(
      config,
      'architectureDocs.backend.historyDays',
      DEFAULT_BACKEND_OPTIONS.historyDays,
    ),
  };
}
