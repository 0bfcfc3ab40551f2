/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { HttpResponse } from 'msw';
import { ArchitectureDocError } from './ArchitectureDocsApi';
import {
  DOC_TEXT,
  failure,
  GITHUB_DOC,
  PLAIN_DOC,
  serve,
  setup,
  text,
} from './__testUtils__/clientTestSetup';

describe('readDocResponse', () => {
  describe('errors', () => {
    it('should report unexpected-content for an HTML answer', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () => HttpResponse.html('<html><body>Sign in</body></html>'));
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content', status: 200 });
    });

    it('should report unexpected-content for an image', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () =>
        new HttpResponse(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } }),
      );
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });

    it('should report unexpected-content for JSON from a host that serves raw text', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () => HttpResponse.json({ message: 'hello' }));
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });

    it('should accept an answer without a content type', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () => new HttpResponse(new TextEncoder().encode(DOC_TEXT)));
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toBe(DOC_TEXT);
    });
  });

  describe('size limit', () => {
    it('should report too-large from Content-Length without reading the body', async () => {
      const { client } = setup({ config: { fetch: { maxBytes: 1000 } } });
      serve('https://docs.example.net', () => text('small', { 'Content-Length': '5000' }));
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'too-large' });
    });

    it('should report too-large from a streamed body without Content-Length', async () => {
      const { client } = setup({ config: { fetch: { maxBytes: 1000 } } });
      serve('https://docs.example.net', () => {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(600).fill(97));
            controller.enqueue(new Uint8Array(600).fill(97));
            controller.close();
          },
        });
        return new HttpResponse(stream, { headers: { 'Content-Type': 'text/plain' } });
      });
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toEqual(
        new ArchitectureDocError('too-large', 'The doc is larger than 1000 bytes (architectureDocs.fetch.maxBytes).'),
      );
    });

    it('should accept a doc of exactly maxBytes', async () => {
      const { client } = setup({ config: { fetch: { maxBytes: 1000 } } });
      serve('https://docs.example.net', () => text('a'.repeat(1000)));
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toHaveLength(1000);
    });

    it('should replace invalid UTF-8 bytes with U+FFFD', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () =>
        new HttpResponse(new Uint8Array([0x23, 0x20, 0x41, 0xff, 0x42]), {
          headers: { 'Content-Type': 'text/markdown' },
        }),
      );
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toBe('# A\uFFFDB');
    });
  });
});
