/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { HttpResponse } from 'msw';
import {
  failure,
  serve,
  setup,
} from '../__testUtils__/clientTestSetup';

describe('giteaContents', () => {
  describe('fetch URLs per host', () => {
    it('should read a Gitea doc from the contents API and decode its base64 content', async () => {
      const { client } = setup();
      const seen = serve('https://gitea.example.com', () =>
        HttpResponse.json({
          type: 'file',
          encoding: 'base64',
          content: Buffer.from('# Ablaufsteuerung – Übersicht\n', 'utf8').toString('base64'),
        }),
      );
      const file = await client.getDoc('https://gitea.example.com/acme/playout/src/branch/main/docs/A.md');
      expect(seen.map(s => s.url)).toEqual([
        'https://gitea.example.com/api/v1/repos/acme/playout/contents/docs/A.md?ref=main',
      ]);
      expect(file.content).toBe('# Ablaufsteuerung – Übersicht\n');
    });

    it('should reject a Gitea answer for a folder', async () => {
      const { client } = setup();
      serve('https://gitea.example.com', () => HttpResponse.json([{ type: 'file', name: 'A.md' }]));
      const error = await failure(client.getDoc('https://gitea.example.com/acme/playout/src/branch/main/docs'));
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });
  });
});
