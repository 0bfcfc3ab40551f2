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
import { readBodyWithin, readDocResponse } from './readDocResponse';

describe('readDocResponse', () => {
  describe('errors', () => {
    it('should report unexpected-content for an HTML answer', async () => {
      const { client } = setup();
      serve('https://docs.example.net', () =>
        HttpResponse.html('<html><body>Sign in</body></html>'),
      );
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content', status: 200 });
    });

    it('should report unexpected-content for an image', async () => {
      const { client } = setup();
      serve(
        'https://docs.example.net',
        () =>
          new HttpResponse(new Uint8Array([137, 80, 78, 71]), {
            headers: { 'Content-Type': 'image/png' },
          }),
      );
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });

    it('should report unexpected-content for JSON from a host that serves raw text', async () => {
      const { client } = setup();
      serve('https://raw.githubusercontent.com', () =>
        HttpResponse.json({ message: 'hello' }),
      );
      const error = await failure(client.getDoc(GITHUB_DOC));
      expect(error).toMatchObject({ kind: 'unexpected-content' });
    });

    it('should accept an answer without a content type', async () => {
      const { client } = setup();
      serve(
        'https://docs.example.net',
        () => new HttpResponse(new TextEncoder().encode(DOC_TEXT)),
      );
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toBe(DOC_TEXT);
    });
  });

  describe('size limit', () => {
    it('should report too-large from Content-Length without reading the body', async () => {
      const { client } = setup({ config: { fetch: { maxBytes: 1000 } } });
      serve('https://docs.example.net', () =>
        text('small', { 'Content-Length': '5000' }),
      );
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
        return new HttpResponse(stream, {
          headers: { 'Content-Type': 'text/plain' },
        });
      });
      const error = await failure(client.getDoc(PLAIN_DOC));
      expect(error).toEqual(
        new ArchitectureDocError(
          'too-large',
          'The doc is larger than 1000 bytes (architectureDocs.fetch.maxBytes).',
        ),
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
      serve(
        'https://docs.example.net',
        () =>
          new HttpResponse(new Uint8Array([0x23, 0x20, 0x41, 0xff, 0x42]), {
            headers: { 'Content-Type': 'text/markdown' },
          }),
      );
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toBe('# A\uFFFDB');
    });
  });

  describe('readBodyWithin', () => {
    const streamOf = (...chunks: number[]) =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const size of chunks)
              controller.enqueue(new Uint8Array(size).fill(97));
            controller.close();
          },
        }),
      );

    it('should join the chunks of a body within the limit', async () => {
      expect(await readBodyWithin(streamOf(3, 4), 7)).toEqual(
        new Uint8Array(7).fill(97),
      );
    });

    it('should stop at the first chunk past the limit and cancel the rest', async () => {
      let pulls = 0;
      const endless = new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulls += 1;
            controller.enqueue(new Uint8Array(10));
          },
        }),
      );
      expect(await readBodyWithin(endless, 25)).toBeUndefined();
      expect(pulls).toBeLessThan(10);
    });

    it('should read an empty body', async () => {
      expect(await readBodyWithin(new Response(null), 0)).toEqual(
        new Uint8Array(0),
      );
    });
  });

  describe('reading an answer', () => {
    const source = { docUrl: PLAIN_DOC, host: 'docs.example.net' };
    const request = {
      url: PLAIN_DOC,
      headers: {},
      format: 'text' as const,
      authenticated: false,
      viaProxy: false,
    };
    const previous = { url: PLAIN_DOC, content: DOC_TEXT, etag: '"v1"' };

    it('should confirm the cached copy on 304', async () => {
      const read = await readDocResponse(
        source,
        request,
        new Response(null, { status: 304 }),
        {
          previous,
          maxBytes: 1000,
        },
      );
      expect(read).toEqual({ kind: 'not-modified', file: previous });
    });

    it('should report a 304 without a cached copy as failed', async () => {
      const error = await failure(
        readDocResponse(source, request, new Response(null, { status: 304 }), {
          previous: undefined,
          maxBytes: 1000,
        }),
      );
      expect(error).toEqual(
        new ArchitectureDocError(
          'failed',
          'docs.example.net answered 304 to a request that was not conditional.',
        ),
      );
    });

    it('should give the text and the entity tag of a success', async () => {
      const response = new Response(DOC_TEXT, {
        headers: { 'Content-Type': 'text/markdown', ETag: '"v2"' },
      });
      expect(
        await readDocResponse(source, request, response, {
          previous,
          maxBytes: 1000,
        }),
      ).toEqual({
        kind: 'content',
        content: DOC_TEXT,
        etag: '"v2"',
      });
    });

    it('should hold a Gitea file to maxBytes after decoding, not before', async () => {
      const content = Buffer.from('a'.repeat(20)).toString('base64');
      const gitea = { ...request, format: 'gitea-contents' as const };
      const answer = () =>
        Response.json({ type: 'file', encoding: 'base64', content });
      expect(
        await readDocResponse(source, gitea, answer(), {
          previous: undefined,
          maxBytes: 20,
        }),
      ).toMatchObject({
        content: 'a'.repeat(20),
      });
      const error = await failure(
        readDocResponse(source, gitea, answer(), {
          previous: undefined,
          maxBytes: 19,
        }),
      );
      expect(error).toMatchObject({ kind: 'too-large' });
    });

    it('should name the size limit in KiB and MiB', async () => {
      const big = () =>
        new Response('x', {
          headers: { 'Content-Length': String(4 * 1024 * 1024) },
        });
      await expect(
        readDocResponse(source, request, big(), {
          previous: undefined,
          maxBytes: 1536,
        }),
      ).rejects.toThrow(
        'The doc is larger than 1.5 KiB (architectureDocs.fetch.maxBytes).',
      );
      await expect(
        readDocResponse(source, request, big(), {
          previous: undefined,
          maxBytes: 2 * 1024 * 1024,
        }),
      ).rejects.toThrow(
        'The doc is larger than 2 MiB (architectureDocs.fetch.maxBytes).',
      );
    });
  });
});
