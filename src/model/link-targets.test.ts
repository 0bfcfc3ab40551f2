import { ArchitectureDocError } from '../api';
import { mockArchitectureDocsApi } from '../testing/mockArchitectureDocsApi';
import { checkLinkTargets } from './link-targets';

describe('checkLinkTargets', () => {
  it('should mark a 404 missing, an answer ok and any other failure unknown', async () => {
    const api = mockArchitectureDocsApi();
    api.getDoc.mockImplementation(async url => {
      if (url.endsWith('gone.md'))
        throw new ArchitectureDocError('not-found', 'gone');
      if (url.endsWith('private.md'))
        throw new ArchitectureDocError('sign-in-needed', 'no');
      return { url, content: '# ok' };
    });
    const results: Record<string, string> = {};
    await checkLinkTargets({
      api,
      urls: ['https://h/ok.md', 'https://h/gone.md', 'https://h/private.md'],
      concurrency: 4,
      signal: new AbortController().signal,
      onResult: (url, status) => {
        results[url] = status;
      },
    });
    expect(results).toEqual({
      'https://h/ok.md': 'ok',
      'https://h/gone.md': 'missing',
      'https://h/private.md': 'unknown',
    });
  });

  it('should check at most `concurrency` targets at once', async () => {
    const api = mockArchitectureDocsApi();
    let running = 0;
    let peak = 0;
    api.getDoc.mockImplementation(async url => {
      running++;
      peak = Math.max(peak, running);
      await new Promise(resolve => setTimeout(resolve, 5));
      running--;
      return { url, content: '' };
    });
    const urls = Array.from({ length: 12 }, (_, i) => `https://h/${i}.md`);
    await checkLinkTargets({
      api,
      urls,
      concurrency: 4,
      signal: new AbortController().signal,
      onResult: () => {},
    });
    expect(peak).toBe(4);
    expect(api.getDoc).toHaveBeenCalledTimes(12);
  });

  it('should stop reporting once aborted', async () => {
    const api = mockArchitectureDocsApi();
    const controller = new AbortController();
    api.getDoc.mockImplementation(async url => {
      controller.abort();
      return { url, content: '' };
    });
    const onResult = jest.fn();
    await checkLinkTargets({
      api,
      urls: ['https://h/a.md', 'https://h/b.md'],
      concurrency: 1,
      signal: controller.signal,
      onResult,
    });
    expect(onResult).not.toHaveBeenCalled();
  });
});
