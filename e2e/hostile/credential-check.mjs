/**
 * The hostile run's credential check, over the request logs of the fault
 * server (`requests`: the integration's host and the plain host, told apart by
 * their Host header) and of the other host (`otherRequests`).
 *
 * The dev portal's SCM auth hands the run's token out for any URL it is asked
 * about, so the client's own host check is all that keeps the token home: a
 * request that carries `Authorization` or `Cookie` to any host but the
 * integration's fails the run. So does a run in which the integration's host
 * never received the token (the check would then prove nothing).
 */

/** Whether a logged request carried credentials of any kind. */
export function carriesCredentials(request) {
  return Boolean(request.authorization || request.cookie);
}

/**
 * Counts and failures of the credential check.
 *
 * @param {object} log
 * @param {Array<{host: string, authorization?: string, cookie?: string}>} log.requests requests to the fault server, either host name
 * @param {Array<{host: string, authorization?: string, cookie?: string}>} log.otherRequests requests to the other host
 * @param {string} log.ownHost the integration's host (`localhost:<port>`)
 * @param {string} log.token the token of this run
 * @param {boolean} log.tokenExpected whether some input was read through the integration
 * @returns {{ tokenToOwnHost: number, credentialsToPlainHost: number, credentialsToOtherHost: number, failures: string[] }}
 */
export function checkCredentials({
  requests,
  otherRequests,
  ownHost,
  token,
  tokenExpected,
}) {
  const tokenToOwnHost = requests.filter(
    r => r.host === ownHost && r.authorization === `Bearer ${token}`,
  ).length;
  const credentialsToPlainHost = requests.filter(
    r => r.host !== ownHost && carriesCredentials(r),
  ).length;
  const credentialsToOtherHost =
    otherRequests.filter(carriesCredentials).length;
  const failures = [];
  if (tokenExpected && tokenToOwnHost === 0) {
    failures.push(
      `${ownHost} never received the token, so the check proves nothing`,
    );
  }
  if (credentialsToPlainHost > 0) {
    failures.push(
      `${credentialsToPlainHost} request(s) to a host other than ${ownHost} on the fault server carried Authorization/Cookie`,
    );
  }
  if (credentialsToOtherHost > 0) {
    failures.push(
      `${credentialsToOtherHost} request(s) to the other host carried Authorization/Cookie`,
    );
  }
  return {
    tokenToOwnHost,
    credentialsToPlainHost,
    credentialsToOtherHost,
    failures,
  };
}
