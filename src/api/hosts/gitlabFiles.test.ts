/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import {
  DOC_TEXT,
  serve,
  setup,
  text,
} from '../__testUtils__/clientTestSetup';

describe('gitlabFiles', () => {
  describe('fetch URLs per host', () => {
    it('should read a GitLab doc from the repository files API', async () => {
      const { client } = setup();
      const seen = serve('https://gitlab.example.com', () => text(DOC_TEXT));
      await client.getDoc('https://gitlab.example.com/media/tv/playout/-/blob/main/docs/architecture/A.md');
      expect(seen.map(s => s.url)).toEqual([
        'https://gitlab.example.com/api/v4/projects/media%2Ftv%2Fplayout/repository/files/docs%2Farchitecture%2FA.md/raw?ref=main',
      ]);
    });
  });
});
