/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { HttpResponse } from 'msw';
import { failure, serve, setup } from '../__testUtils__/clientTestSetup';
import { giteaContentsByteBudget, giteaFileBytes } from './giteaContents';

describe('giteaContents', () => {
  describe('fetch URLs per host', () => {
    it('should read a Gitea doc from the contents API and decode its base64 content', async () => {
      const { client } = setup();
      const seen = serve('https://gitea.example.com', () =>
        HttpResponse.json({
          type: 'file',
          encoding: 'base64',
          content: Buffer.from(
            '# Ablaufsteuerung – Übersicht\n',
            'utf8',
          ).toString('base64'),
        }),
      );
      const file = await client.getDoc(
        'https://gitea.example.com/acme/playout/src/branch/main/docs/A.md',
      );
      expect(seen.map(s => s.url)).toEqual([
        'https://gitea.example.com/api/v1/repos/acme/playout/contents/docs/A.md?ref=main',
      ]);
      expect(file.content).toBe('# Ablaufsteuerung – Übersicht\n');
    });

    it('should reject a Gitea answer for a folder', async () => {
      const { client } = setup();
      serve('https://gitea.example.com', () =>
        HttpResponse.json([{ type: 'file', name: 'A.md' }]),
      );
      const error = await failure(
        client.getDoc(
          'https://gitea.example.com/acme/playout/src/branch/main/docs',
        ),
      );
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });
  });

  describe('giteaFileBytes', () => {
    const read = (json: string) =>
      giteaFileBytes(
        json,
        'https://gitea.example.com/a.md',
        'gitea.example.com',
        200,
      );

    it('should decode base64 content with line breaks', () => {
      const content = Buffer.from('# Übersicht\n', 'utf8')
        .toString('base64')
        .replace(/(.{4})/g, '$1\n');
      expect(
        new TextDecoder().decode(
          read(JSON.stringify({ type: 'file', encoding: 'base64', content })),
        ),
      ).toBe('# Übersicht\n');
    });

    it.each([
      ['not json', 'the answer is not valid JSON'],
      ['null', 'the path is a folder'],
      ['{"type":"symlink","content":""}', 'the path is a symlink'],
      [
        '{"type":"file","encoding":"utf-8","content":"abc"}',
        'the answer has no base64 content',
      ],
      ['{"type":"file"}', 'the answer has no base64 content'],
      [
        '{"type":"file","encoding":"base64","content":"***"}',
        'the content is not valid base64',
      ],
    ])('should reject %s as unexpected-content: %s', (json, why) => {
      expect(() => read(json)).toThrow(
        expect.objectContaining({
          kind: 'unexpected-content',
          message: `gitea.example.com did not return a file: ${why}.`,
          url: 'https://gitea.example.com/a.md',
          status: 200,
        }),
      );
    });
  });

  describe('giteaContentsByteBudget', () => {
    it('should allow for base64 growth and the JSON envelope', () => {
      expect(giteaContentsByteBudget(3000)).toBe(4000 + 16 * 1024);
    });
  });
});
