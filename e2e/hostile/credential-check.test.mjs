import { checkCredentials } from './credential-check.mjs';

const OWN = 'localhost:7108';
const TOKEN = 'hostile-run-token';
const withToken = host => ({ host, authorization: `Bearer ${TOKEN}` });
const anonymous = host => ({ host });

describe('checkCredentials', () => {
  it('should pass a client that sends the token to the integration host only', () => {
    expect(
      checkCredentials({
        requests: [withToken(OWN), anonymous('127.0.0.1:7108')],
        otherRequests: [anonymous('127.0.0.1:7109')],
        ownHost: OWN,
        token: TOKEN,
        tokenExpected: true,
      }),
    ).toEqual({
      tokenToOwnHost: 1,
      credentialsToPlainHost: 0,
      credentialsToOtherHost: 0,
      failures: [],
    });
  });

  // What a client without its own host check would do once the SCM auth
  // hands the token out for every host.
  it('should fail a client that sends the token to the plain host and the other host', () => {
    const result = checkCredentials({
      requests: [withToken(OWN), withToken('127.0.0.1:7108')],
      otherRequests: [withToken('127.0.0.1:7109')],
      ownHost: OWN,
      token: TOKEN,
      tokenExpected: true,
    });
    expect(result.failures).toEqual([
      '1 request(s) to a host other than localhost:7108 on the fault server carried Authorization/Cookie',
      '1 request(s) to the other host carried Authorization/Cookie',
    ]);
  });

  it('should fail a cookie sent to the other host', () => {
    const result = checkCredentials({
      requests: [withToken(OWN)],
      otherRequests: [{ host: '127.0.0.1:7109', cookie: 'session=1' }],
      ownHost: OWN,
      token: TOKEN,
      tokenExpected: true,
    });
    expect(result.failures).toEqual([
      '1 request(s) to the other host carried Authorization/Cookie',
    ]);
  });

  it('should fail a run in which the integration host never received the token', () => {
    const result = checkCredentials({
      requests: [anonymous(OWN)],
      otherRequests: [],
      ownHost: OWN,
      token: TOKEN,
      tokenExpected: true,
    });
    expect(result.failures).toEqual([
      'localhost:7108 never received the token, so the check proves nothing',
    ]);
  });

  it('should not count another token as the run token', () => {
    const result = checkCredentials({
      requests: [{ host: OWN, authorization: 'Bearer someone-else' }],
      otherRequests: [],
      ownHost: OWN,
      token: TOKEN,
      tokenExpected: true,
    });
    expect(result.tokenToOwnHost).toBe(0);
  });
});
