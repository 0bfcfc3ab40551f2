import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';

/** Share of the schedule's timeout kept back for the writes that end a cycle. */
const FINISH_RESERVE_SHARE = 0.1;
/** The most kept back, for long timeouts. */
const FINISH_RESERVE_MAX_MS = 60_000;

/** The schedule's timeout in milliseconds (a Luxon duration or a human duration). */
export function timeoutMs(
  timeout: SchedulerServiceTaskScheduleDefinition['timeout'],
): number {
  if ('toMillis' in timeout && typeof timeout.toMillis === 'function')
    return timeout.toMillis();
  return durationToMilliseconds(
    timeout as Parameters<typeof durationToMilliseconds>[0],
  );
}

/**
 * When a cycle that starts at `start` must stop reading: the schedule's
 * timeout less a reserve to store the cycle's end. A rate-limit wait that
 * would end later is not taken, and no doc is started after it.
 */
export function cycleDeadline(
  start: number,
  schedule: Pick<SchedulerServiceTaskScheduleDefinition, 'timeout'>,
): number {
  const total = timeoutMs(schedule.timeout);
  return (
    start +
    total -
    Math.min(total * FINISH_RESERVE_SHARE, FINISH_RESERVE_MAX_MS)
  );
}
