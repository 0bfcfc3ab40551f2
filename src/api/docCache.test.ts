/**
 * @jest-environment node
 */
// The client is DOM-free; Node's fetch and streams are what msw intercepts.
import { delay, HttpResponse } from 'msw';
import {
  ArchitectureDocError,
  type ArchitectureDocFile,
} from './ArchitectureDocsApi';
import {
  DOC_TEXT,
  failure,
  GITHUB_DOC,
  PLAIN_DOC,
  serve,
  setup,
  text,
} from './__testUtils__/clientTestSetup';
import { DocCache } from './docCache';

describe('docCache', () => {
  describe('cache', () => {
    it('should serve a second call within the TTL without a request', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', () =>
        text(DOC_TEXT, { ETag: '"v1"' }),
      );
      await client.getDoc(PLAIN_DOC);
      const file = await client.getDoc(PLAIN_DOC);
      expect(seen).toHaveLength(1);
      expect(file.content).toBe(DOC_TEXT);
    });

    it('should revalidate with If-None-Match after the TTL and keep the content on 304', async () => {
      const { client } = setup({ cacheTtlMs: 0 });
      const seen = serve('https://docs.example.net', request =>
        request.headers.get('if-none-match') === '"v1"'
          ? new HttpResponse(null, { status: 304, headers: { ETag: '"v1"' } })
          : text(DOC_TEXT, { ETag: '"v1"' }),
      );
      await client.getDoc(PLAIN_DOC);
      const file = await client.getDoc(PLAIN_DOC);
      expect(seen.map(s => s.ifNoneMatch)).toEqual([null, '"v1"']);
      expect(file).toEqual({
        url: PLAIN_DOC,
        content: DOC_TEXT,
        editUrl: undefined,
        etag: '"v1"',
      });
    });

    it('should replace the content when revalidation answers 200', async () => {
      const { client } = setup({ cacheTtlMs: 0 });
      let version = 0;
      serve('https://docs.example.net', () => {
        version += 1;
        return text(`version ${version}`, { ETag: `"v${version}"` });
      });
      await client.getDoc(PLAIN_DOC);
      const file = await client.getDoc(PLAIN_DOC);
      expect(file).toMatchObject({ content: 'version 2', etag: '"v2"' });
    });

    it('should share one request between concurrent calls for the same URL', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', async () => {
        await delay(20);
        return text(DOC_TEXT);
      });
      const [first, second] = await Promise.all([
        client.getDoc(PLAIN_DOC),
        client.getDoc(PLAIN_DOC),
      ]);
      expect(seen).toHaveLength(1);
      expect(second).toBe(first);
    });

    it('should not cache a failure', async () => {
      const { client } = setup();
      let calls = 0;
      serve('https://docs.example.net', () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse(null, { status: 500 })
          : text(DOC_TEXT);
      });
      await failure(client.getDoc(PLAIN_DOC));
      const file = await client.getDoc(PLAIN_DOC);
      expect(file.content).toBe(DOC_TEXT);
    });

    it('should evict the oldest doc when the cache is full', async () => {
      const { client } = setup({ cacheMaxEntries: 1 });
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      await client.getDoc(PLAIN_DOC);
      await client.getDoc('https://docs.example.net/architecture/Other.md');
      await client.getDoc(PLAIN_DOC);
      expect(seen.map(s => s.url)).toEqual([
        PLAIN_DOC,
        'https://docs.example.net/architecture/Other.md',
        PLAIN_DOC,
      ]);
    });

    it('should forget the least recently used docs past cacheMaxBytes', async () => {
      // Room for two docs of DOC_TEXT, at two bytes per character.
      const { client } = setup({ cacheMaxBytes: DOC_TEXT.length * 2 * 2 });
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      const other = 'https://docs.example.net/architecture/Other.md';
      const third = 'https://docs.example.net/architecture/Third.md';
      await client.getDoc(PLAIN_DOC);
      await client.getDoc(other);
      await client.getDoc(PLAIN_DOC);
      await client.getDoc(third);
      await client.getDoc(PLAIN_DOC);
      await client.getDoc(other);
      expect(seen.map(s => s.url)).toEqual([PLAIN_DOC, other, third, other]);
    });

    it('should not cache a doc larger than cacheMaxBytes', async () => {
      const { client } = setup({ cacheMaxBytes: DOC_TEXT.length });
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      await client.getDoc(PLAIN_DOC);
      await client.getDoc(PLAIN_DOC);
      expect(seen).toHaveLength(2);
    });

    it('should key GitHub tree and blob URLs of one file to the same entry', async () => {
      const { client } = setup();
      const seen = serve('https://raw.githubusercontent.com', () =>
        text(DOC_TEXT),
      );
      await client.getDoc(GITHUB_DOC);
      const file = await client.getDoc(GITHUB_DOC.replace('/blob/', '/tree/'));
      expect(seen).toHaveLength(1);
      expect(file.url).toBe(GITHUB_DOC);
    });
  });

  describe('abort', () => {
    it('should reject with the AbortError when the caller aborts', async () => {
      const { client } = setup();
      serve('https://docs.example.net', async () => {
        await delay('infinite');
        return text(DOC_TEXT);
      });
      const controller = new AbortController();
      const pending = client.getDoc(PLAIN_DOC, { signal: controller.signal });
      controller.abort();
      const error = await failure(pending);
      expect(error).toMatchObject({ name: 'AbortError' });
      expect(error).not.toBeInstanceOf(ArchitectureDocError);
    });

    it('should reject at once when the signal is already aborted', async () => {
      const { client } = setup();
      const seen = serve('https://docs.example.net', () => text(DOC_TEXT));
      const controller = new AbortController();
      controller.abort();
      const error = await failure(
        client.getDoc(PLAIN_DOC, { signal: controller.signal }),
      );
      expect(error).toMatchObject({ name: 'AbortError' });
      expect(seen).toEqual([]);
    });

    it('should keep a shared request running for the callers that did not abort', async () => {
      const { client } = setup();
      serve('https://docs.example.net', async () => {
        await delay(20);
        return text(DOC_TEXT);
      });
      const controller = new AbortController();
      const leaving = client.getDoc(PLAIN_DOC, { signal: controller.signal });
      const staying = client.getDoc(PLAIN_DOC);
      controller.abort();
      await failure(leaving);
      const file = await staying;
      expect(file.content).toBe(DOC_TEXT);
    });
  });

  describe('DocCache', () => {
    const file = (content: string) => ({ url: PLAIN_DOC, content });
    const options = {
      ttlMs: 1000,
      maxEntries: 10,
      maxBytes: 1000,
      timeoutMs: 1000,
    };

    afterEach(() => {
      jest.useRealTimers();
    });

    it('should serve a stored doc as fresh within the TTL and as due after it', () => {
      jest.useFakeTimers();
      const cache = new DocCache(options);
      cache.store(PLAIN_DOC, file('a'));
      expect(cache.get(PLAIN_DOC)).toEqual({ file: file('a'), fresh: true });
      jest.advanceTimersByTime(1000);
      expect(cache.get(PLAIN_DOC)).toEqual({ file: file('a'), fresh: false });
      expect(cache.get('https://docs.example.net/other.md')).toBeUndefined();
    });

    it('should run one load for every caller that asks while it runs', async () => {
      const cache = new DocCache(options);
      const load = jest.fn(async () => file('a'));
      const [first, second] = await Promise.all([
        cache.share(PLAIN_DOC, 'docs.example.net', load),
        cache.share(PLAIN_DOC, 'docs.example.net', load),
      ]);
      expect(load).toHaveBeenCalledTimes(1);
      expect(second).toBe(first);
    });

    it('should abort the load once the last waiter has left', async () => {
      const cache = new DocCache(options);
      let loadSignal: AbortSignal | undefined;
      const load = (signal: AbortSignal) => {
        loadSignal = signal;
        return new Promise<never>(() => undefined);
      };
      const one = new AbortController();
      const two = new AbortController();
      const first = cache.share(
        PLAIN_DOC,
        'docs.example.net',
        load,
        one.signal,
      );
      const second = cache.share(
        PLAIN_DOC,
        'docs.example.net',
        load,
        two.signal,
      );
      one.abort();
      await failure(first);
      expect(loadSignal?.aborted).toBe(false);
      two.abort();
      await failure(second);
      expect(loadSignal?.aborted).toBe(true);
    });

    it('should fail a load that outlasts the timeout as timeout', async () => {
      const cache = new DocCache({ ...options, timeoutMs: 20 });
      const load = (signal: AbortSignal) =>
        new Promise<never>((_, reject) =>
          signal.addEventListener('abort', () => reject(signal.reason)),
        );
      const error = await failure(
        cache.share(PLAIN_DOC, 'docs.example.net', load),
      );
      expect(error).toEqual(
        new ArchitectureDocError(
          'timeout',
          'docs.example.net did not answer completely within 20 ms (architectureDocs.fetch.timeoutMs).',
        ),
      );
    });

    it('should start a new load after the requests to its host are forgotten', async () => {
      const cache = new DocCache(options);
      let release: (value: ArchitectureDocFile) => void = () => undefined;
      const slow = () =>
        new Promise<ArchitectureDocFile>(resolve => (release = resolve));
      const waiting = cache.share(PLAIN_DOC, 'docs.example.net', slow);
      cache.forgetRequestsTo('docs.example.net');
      const fresh = await cache.share(PLAIN_DOC, 'docs.example.net', async () =>
        file('new'),
      );
      release(file('old'));
      expect(fresh.content).toBe('new');
      expect((await waiting).content).toBe('old');
    });
  });
});
