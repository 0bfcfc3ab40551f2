import type { CoverageStatus } from '../../coverage';

const KEYS = {
  pending: 'page.status.pending',
  'no-annotation': 'page.status.noAnnotation',
  'not-found': 'page.status.notFound',
  'sign-in-needed': 'page.status.signInNeeded',
  error: 'page.status.error',
  analysed: 'page.status.analysed',
} as const;

/** The translation key of a row status's label. */
export function statusMessageKey(
  status: CoverageStatus,
): (typeof KEYS)[CoverageStatus] {
  return KEYS[status];
}
