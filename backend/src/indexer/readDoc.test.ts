import { Readable } from 'node:stream';
import { NotModifiedError } from '@backstage/errors';
import type {
  UrlReaderService,
  UrlReaderServiceReadUrlOptions,
} from '@backstage/backend-plugin-api';
import { readDoc } from './readDoc';

const URL = 'https://docs.example/a.md';

function readerOf(
  answer: (
    options: UrlReaderServiceReadUrlOptions | undefined,
  ) => Promise<{ stream: () => Readable; etag?: string }>,
): jest.Mocked<UrlReaderService> {
  return {
    readUrl: jest.fn(async (_url, options) => {
      const { stream, etag } = await answer(options);
      return {
        buffer: async () => {
          throw new Error('buffer() is not used');
        },
        stream,
        etag,
      };
    }),
    readTree: jest.fn(),
    search: jest.fn(),
  };
}

const options = { maxBytes: 1024, timeoutMs: 500 };

describe('readDoc', () => {
  it('should read the text, its SHA-256 and the entity tag', async () => {
    const reader = readerOf(async () => ({
      stream: () => Readable.from([Buffer.from('# A\n')]),
      etag: '"e1"',
    }));
    await expect(readDoc(reader, URL, options)).resolves.toEqual({
      kind: 'content',
      content: '# A\n',
      contentHash:
        'aa1237b773c38dbddef583c4868aaea7a44c5237ea7923aecca5513764b42d80',
      etag: '"e1"',
    });
  });

  it('should pass the stored entity tag and answer not-modified without a body', async () => {
    const reader = readerOf(async () => {
      throw new NotModifiedError();
    });
    await expect(
      readDoc(reader, URL, { ...options, etag: '"e1"' }),
    ).resolves.toEqual({ kind: 'not-modified' });
    expect(reader.readUrl).toHaveBeenCalledWith(URL, {
      etag: '"e1"',
      signal: expect.any(AbortSignal),
    });
  });

  it('should stop reading at the first byte past the limit', async () => {
    let pulled = 0;
    const reader = readerOf(async () => ({
      stream: () =>
        new Readable({
          read() {
            pulled += 1;
            this.push(Buffer.alloc(512, 'a'));
          },
        }),
    }));
    const result = await readDoc(reader, URL, options);
    expect(result).toEqual({
      kind: 'failed',
      failure: {
        kind: 'too-large',
        message:
          'https://docs.example/a.md is larger than 1 KiB (architectureDocs.fetch.maxBytes).',
      },
    });
    expect(pulled).toBeLessThan(10);
    // The request is ended, so that the rest of the body is not received.
    expect(reader.readUrl.mock.calls[0][1]?.signal?.aborted).toBe(true);
  });

  it('should time out a body that never ends', async () => {
    const reader = readerOf(async () => ({
      stream: () => new Readable({ read() {} }),
    }));
    const result = await readDoc(reader, URL, { ...options, timeoutMs: 50 });
    expect(result).toMatchObject({ failure: { kind: 'timeout' } });
  });

  it('should time out an answer that never comes', async () => {
    const reader = readerOf(
      readOptions =>
        new Promise((_, reject) =>
          readOptions?.signal?.addEventListener('abort', () =>
            reject(new Error('Unable to read x, AbortError: aborted')),
          ),
        ),
    );
    const result = await readDoc(reader, URL, { ...options, timeoutMs: 50 });
    expect(result).toMatchObject({ failure: { kind: 'timeout' } });
  });

  it.each([
    ['<!DOCTYPE html><html><body>Sign in</body></html>', 'an HTML page'],
    ['\n  <html lang="en"></html>', 'an HTML page'],
    ['PK\u0003\u0004\u0000\u0000', 'binary data'],
  ])('should reject %p as unexpected content', async (body, what) => {
    const reader = readerOf(async () => ({
      stream: () => Readable.from([Buffer.from(body)]),
    }));
    const result = await readDoc(reader, URL, options);
    expect(result).toMatchObject({
      kind: 'failed',
      failure: {
        kind: 'unexpected-content',
        message: expect.stringContaining(`answered with ${what}`),
      },
    });
  });

  it('should keep markdown that mentions HTML further down', async () => {
    const reader = readerOf(async () => ({
      stream: () =>
        Readable.from([Buffer.from('# A\n\n<html> is fine here\n')]),
    }));
    await expect(readDoc(reader, URL, options)).resolves.toMatchObject({
      kind: 'content',
    });
  });
});
