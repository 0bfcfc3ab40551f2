import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  architectureDocs?: {
    /**
     * The backend's indexer. The template (`templateUrl`, `template`,
     * `sections`), the annotation and the size limit (`fetch.maxBytes`) are the
     * same keys the frontend reads.
     */
    backend?: {
      /**
       * How often every annotated entity's doc is read and analysed, and how
       * long one cycle may run. With several backend replicas on one
       * database, one replica runs each cycle. Default: every 30 minutes,
       * with a 25-minute timeout.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Reads at once per host. Default 6. */
      concurrencyPerHost?: number;
      /** Per-read timeout in milliseconds. Default 20000. */
      readTimeoutMs?: number;
      /** Days of daily history kept. Default 180. */
      historyDays?: number;
    };
  };
}
