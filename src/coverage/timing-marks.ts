/**
 * Leaves a User Timing mark (`architecture-docs:<name>`) so the scan's
 * phases show in the browser's performance tools.
 */
export function markTiming(name: string): void {
  if (
    typeof performance !== 'undefined' &&
    typeof performance.mark === 'function'
  ) {
    performance.mark(`architecture-docs:${name}`);
  }
}
