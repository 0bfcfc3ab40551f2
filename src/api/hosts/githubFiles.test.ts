/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { ArchitectureDocError } from '../ArchitectureDocsApi';
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
import { githubFileSource, parseGithubFileUrl } from './githubFiles';

describe('githubFiles', () => {
  describe('getDocLocation', () => {
    it.each(['%E0%A4%A', '%', '%zz'])(
      'should reject a GitHub ref whose branch holds malformed %s as invalid-location',
      async encoded => {
        const { client, scmAuthApi } = setup();
        scmAuthApi.getCredentials.mockResolvedValue(credentials('t'));
        const error = await failure(
          client.getDoc(
            `https://github.com/acme/playout/blob/ma${encoded}in/docs/A.md`,
          ),
        );
        expect(error).toMatchObject({
          name: 'ArchitectureDocError',
          kind: 'invalid-location',
        });
      },
    );
  });

  describe('fetch URLs per host', () => {
    it('should read a public GitHub doc from the raw host', async () => {
      const { client } = setup();
      const seen = serve('https://raw.githubusercontent.com', () =>
        text(DOC_TEXT),
      );
      const file = await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([
        {
          url: GITHUB_RAW,
          authorization: null,
          accept: null,
          ifNoneMatch: null,
        },
      ]);
      expect(file).toEqual({
        url: GITHUB_DOC,
        content: DOC_TEXT,
        editUrl:
          'https://github.com/acme/playout/edit/main/docs/architecture/PlayoutEngine.md',
        etag: undefined,
      });
    });

    it('should read a GitHub doc through the contents API with the raw media type when signed in', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('gh-token'));
      const seen = serve('https://api.github.com', () => text(DOC_TEXT));
      await client.getDoc(GITHUB_DOC);
      expect(seen).toEqual([
        {
          url: GITHUB_API,
          authorization: 'Bearer gh-token',
          accept: 'application/vnd.github.raw',
          ifNoneMatch: null,
        },
      ]);
    });

    it('should read a GitHub Enterprise doc from its own API with its token', async () => {
      const { client, scmAuthApi } = setup();
      scmAuthApi.getCredentials.mockResolvedValue(credentials('ghe-token'));
      const seen = serve('https://ghe.example.com', () => text(DOC_TEXT));
      await client.getDoc(
        'https://ghe.example.com/media/playout/blob/release%2F2/docs/A%20B.md',
      );
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
      const error = await failure(
        client.getDoc('https://github.com/acme/playout'),
      );
      expect(error).toMatchObject({ kind: 'invalid-location' });
    });
  });

  describe('parseGithubFileUrl', () => {
    it('should split a file URL into owner, repo, kind, ref and encoded path', () => {
      expect(
        parseGithubFileUrl(
          'https://github.com/acme/playout/tree/release%2F2/docs/A%20B.md',
        ),
      ).toEqual({
        kind: 'tree',
        owner: 'acme',
        repo: 'playout',
        ref: 'release%2F2',
        path: ['docs', 'A%20B.md'],
      });
    });

    it.each([
      'https://github.com/acme/playout',
      'https://github.com/acme/playout/blob/main',
      'https://github.com/acme/playout/commits/main/docs/A.md',
      'https://github.com/acme/playout/blob/main/docs//A.md',
      'not a url',
    ])('should find no file in %s', url => {
      expect(parseGithubFileUrl(url)).toBeUndefined();
    });
  });

  describe('githubFileSource', () => {
    const config = {
      host: 'github.com',
      apiBaseUrl: 'https://api.github.com',
      rawBaseUrl: 'https://raw.githubusercontent.com',
    };

    it('should offer credentials to the web, API and raw hosts only', () => {
      expect([...githubFileSource(GITHUB_DOC, config).credentialHosts]).toEqual(
        ['github.com', 'api.github.com', 'raw.githubusercontent.com'],
      );
    });

    it('should read anonymously from the raw host and signed in from the contents API', () => {
      const source = githubFileSource(GITHUB_DOC, config);
      expect(source.rawRequest(false)).toEqual({
        url: GITHUB_RAW,
        headers: {},
        format: 'text',
      });
      expect(source.rawRequest(true)).toEqual({
        url: GITHUB_API,
        headers: { Accept: 'application/vnd.github.raw' },
        format: 'text',
      });
    });

    it('should read anonymously from the contents API when there is no raw host', () => {
      const source = githubFileSource(GITHUB_DOC, {
        host: 'github.com',
        apiBaseUrl: 'https://api.github.com',
      });
      expect(source.rawRequest(false).url).toBe(GITHUB_API);
    });

    it('should reject an integration with neither API nor raw host as invalid-location', () => {
      const source = githubFileSource(GITHUB_DOC, { host: 'github.com' });
      expect(() => source.rawRequest(false)).toThrow(
        new ArchitectureDocError(
          'invalid-location',
          'The GitHub integration for github.com has neither apiBaseUrl nor rawBaseUrl; set one in integrations.github.',
        ),
      );
    });

    it('should reject a URL that names no file as invalid-location', () => {
      expect(() =>
        githubFileSource('https://github.com/acme/playout', config),
      ).toThrow(
        new ArchitectureDocError(
          'invalid-location',
          'https://github.com/acme/playout is not a GitHub file URL; expected one like https://github.com/org/repo/blob/main/docs/architecture/Service.md.',
        ),
      );
    });
  });
});
