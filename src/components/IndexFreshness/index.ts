export { IndexFreshness, StaleReportNotice } from './IndexFreshness';
export type { IndexFreshnessProps } from './IndexFreshness';
export { BackendUnavailableNotice } from './BackendUnavailableNotice';
