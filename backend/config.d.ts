import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import type { HumanDuration } from '@backstage/types';

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
      /**
       * How long a doc a cycle read stays current: a later cycle asks the
       * host about it again (with its ETag) only once this has passed. New
       * entities, moved docs, reads that timed out or failed on the host's side,
       * and a changed template are read by every cycle; a refresh always reads. Below the schedule's frequency
       * minus a cycle's duration, every cycle revalidates every doc; longer,
       * cycles can run often (new docs appear soon) while each host is asked
       * about an unchanged doc once per this period. A duration object or an
       * ISO 8601 duration; 0 revalidates every doc every cycle. Default
       * 15 minutes.
       */
      revalidateAfter?: HumanDuration | string;
      /** Days of daily history kept. Default 180. */
      historyDays?: number;
    };
  };
  search?: {
    collators?: {
      /**
       * The search collator of architecture docs
       * (`backstage-plugin-architecture-docs-backend/search`).
       */
      architectureDocs?: {
        /**
         * How often the search index of architecture docs is rebuilt from
         * the backend's index, and how long one run may take. Default:
         * every 10 minutes, with a 15-minute timeout, the first run 3
         * seconds after start.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
