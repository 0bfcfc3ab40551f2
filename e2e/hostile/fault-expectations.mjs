// The faults of the fault server (fault-server.mjs) and the one state the
// architecture tab must show for each, for the hostile run (run-hostile.mjs).

/** The wait the rate-limit fault asks for (`Retry-After`, in seconds). */
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 120;

/**
 * Fault name → the one state the tab shows for it, read anonymously from the
 * plain host (`plain`) and through the integration with the token (`token`),
 * and text that state must show (`shows`). The fault server's good doc has
 * one template section, so it is shown under the "not an architecture doc"
 * notice.
 */
export const FAULTS = {
  'not-found': { plain: 'not-found', token: 'not-found' },
  unauthorized: { plain: 'sign-in-needed', token: 'sign-in-needed' },
  forbidden: { plain: 'sign-in-needed', token: 'sign-in-needed' },
  'rate-limited': {
    plain: 'failed',
    token: 'failed',
    shows: `wait ${RATE_LIMIT_RETRY_AFTER_SECONDS} s`,
  },
  'server-error': { plain: 'failed', token: 'failed' },
  hang: { plain: 'timeout', token: 'timeout' },
  trickle: { plain: 'timeout', token: 'timeout' },
  oversized: { plain: 'too-large', token: 'too-large' },
  'oversized-no-length': { plain: 'too-large', token: 'too-large' },
  'html-content': { plain: 'unexpected-content', token: 'unexpected-content' },
  // Followed anonymously; with the token, a redirect is never followed.
  'redirect-other-host': { plain: 'not-architecture-doc', token: 'failed' },
  'changing-etag': {
    plain: 'not-architecture-doc',
    token: 'not-architecture-doc',
  },
  'stable-etag': {
    plain: 'not-architecture-doc',
    token: 'not-architecture-doc',
  },
  'reset-connection': { plain: 'failed', token: 'failed' },
};
