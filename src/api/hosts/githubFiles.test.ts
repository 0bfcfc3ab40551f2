/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import {
  credentials,
  DOC_TEXT,
  failure,
  GITHUB_API,
  GITHUB_DOC,
  GITHUB_RAW,
  serve,
  setup,
  text,
} from '../__testUtils__/clientTestSetup';

describe('githubFiles', () => {
  describe('getDocLocation', () => {
    it.each(['%E0%A4%A', '%', '%zz'])('should reject a GitHub ref whose branch holds malformed %s as invalid-location', async encoded => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('t'));
      const error = await failure(client.getDoc(`https://github.com/acme/playout/blob/ma${encoded}in/docs/A.md`));
      expect(error).toMatchObject({ name: 'ArchitectureDocError', kind: 'invalid-location' });
    });
  });

  describe('fetch URLs per host', () => {
    it('should read a public GitHub doc from the raw host', async () => {
      const { client } = setup();
      const seen = serve('https://raw.githubusercontent.com', () => text(DOC_TEXT));
      const file = await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([{ url: GITHUB_RAW, authorization: null, accept: null, ifNoneMatch: null }]);
      expect(file).toEqual({
        url: GITHUB_DOC,
        content: DOC_TEXT,
        editUrl: 'https://github.com/acme/playout/edit/main/docs/architecture/PlayoutEngine.md',
        etag: undefined,
      });
    });

    it('should read a GitHub doc through the contents API with the raw media type when signed in', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      const seen = serve('https://api.github.com', () => text(DOC_TEXT));
      await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([
        { url: GITHUB_API, authorization: 'Bearer gh-token', accept: 'application/vnd.github.raw', ifNoneMatch: null },
      ]);
    });

    it('should read a GitHub Enterprise doc from its own API with its token', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('ghe-token'));
      const seen = serve('https://ghe.example.com', () => text(DOC_TEXT));
      await client.getDoc('https://ghe.example.com/media/playout/blob/release%2F2/docs/A%20B.md');
      expect(seen).toEqual([
        {
          url: 'https://ghe.example.com/api/v3/repos/media/playout/contents/docs/A%20B.md?ref=release%2F2',
          authorization: 'Bearer ghe-token',
          accept: 'application/vnd.github.raw',
          ifNoneMatch: null,
        },
      ]);
    });

    it('should reject a GitHub URL that does not name a file', async () => {
      const { client } = setup();
      const error = await failure(client.getDoc('https://github.com/acme/playout'));
      expect(error).toMatchObject({ kind: 'invalid-location' });
    });
  });
});
