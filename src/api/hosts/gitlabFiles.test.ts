/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { DOC_TEXT, serve, setup, text } from '../__testUtils__/clientTestSetup';
import { gitlabFileSource, parseGitlabFileUrl } from './gitlabFiles';

describe('gitlabFiles', () => {
  describe('fetch URLs per host', () => {
    it('should read a GitLab doc from the repository files API', async () => {
      const { client } = setup();
      const seen = serve('https://gitlab.example.com', () => text(DOC_TEXT));
      await client.getDoc(
        'https://gitlab.example.com/media/tv/playout/-/blob/main/docs/architecture/A.md',
      );
      expect(seen.map(s => s.url)).toEqual([
        'https://gitlab.example.com/api/v4/projects/media%2Ftv%2Fplayout/repository/files/docs%2Farchitecture%2FA.md/raw?ref=main',
      ]);
    });
  });

  describe('parseGitlabFileUrl', () => {
    const config = {
      host: 'example.com',
      baseUrl: 'https://example.com/gitlab',
      apiBaseUrl: 'https://example.com/gitlab/api/v4',
    };

    it('should read the project path after the path the instance is served under', () => {
      expect(
        parseGitlabFileUrl(
          'https://example.com/gitlab/media/tv/playout/-/blob/main/docs/A%20B.md',
          config,
        ),
      ).toEqual({
        root: 'https://example.com/gitlab',
        project: 'media/tv/playout',
        ref: 'main',
        path: ['docs', 'A%20B.md'],
      });
    });

    it('should read the legacy form without the `/-/` marker', () => {
      expect(
        parseGitlabFileUrl(
          'https://example.com/gitlab/media/playout/raw/main/A.md',
          config,
        ),
      ).toMatchObject({
        project: 'media/playout',
        ref: 'main',
        path: ['A.md'],
      });
    });

    it.each([
      'https://example.com/other/media/playout/-/blob/main/A.md',
      'https://example.com/gitlab/media/playout',
      'https://example.com/gitlab/media/playout/-/blob/main',
      'https://example.com/gitlab/media/playout/-/blob/main/docs//A.md',
    ])('should find no file in %s', url => {
      expect(parseGitlabFileUrl(url, config)).toBeUndefined();
    });
  });

  describe('gitlabFileSource', () => {
    const config = {
      host: 'gitlab.example.com',
      baseUrl: 'https://gitlab.example.com',
      apiBaseUrl: 'https://api.gitlab.example.com/v4',
    };
    const doc =
      'https://gitlab.example.com/media/playout/-/blob/release%2F2/docs/A%20B.md';

    it('should read the same encoded raw endpoint with and without credentials', () => {
      const source = gitlabFileSource(doc, config);
      const expected = {
        url: 'https://api.gitlab.example.com/v4/projects/media%2Fplayout/repository/files/docs%2FA%20B.md/raw?ref=release%2F2',
        headers: {},
        format: 'text',
      };
      expect(source.rawRequest(false)).toEqual(expected);
      expect(source.rawRequest(true)).toEqual(expected);
    });

    it('should offer credentials to the web and API hosts only', () => {
      expect([...gitlabFileSource(doc, config).credentialHosts]).toEqual([
        'gitlab.example.com',
        'api.gitlab.example.com',
      ]);
    });

    it('should reject a URL that names no file as invalid-location', () => {
      expect(() =>
        gitlabFileSource('https://gitlab.example.com/media/playout', config),
      ).toThrow(
        expect.objectContaining({
          name: 'ArchitectureDocError',
          kind: 'invalid-location',
        }),
      );
    });
  });
});
