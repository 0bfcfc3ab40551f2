import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type RootConfigService,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
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
