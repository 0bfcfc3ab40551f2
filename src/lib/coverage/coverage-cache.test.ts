import { CoverageResultCache } from './coverage-cache';

describe('CoverageResultCache', () => {
  it('should keep results and drop the oldest beyond its bound', () => {
    const cache = new CoverageResultCache({ maxEntries: 2 });
    cache.set('a', { status: 'not-found' });
    cache.set('b', { status: 'no-annotation' });
    cache.set('a', { status: 'analysed', score: 10 });
    cache.set('c', { status: 'error', message: 'x' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ status: 'analysed', score: 10 });
    expect(cache.size).toBe(2);
  });

  it('should remember link targets', () => {
    const cache = new CoverageResultCache();
    cache.setLink('https://x/a.md', false);
    expect(cache.getLink('https://x/a.md')).toBe(false);
    expect(cache.getLink('https://x/b.md')).toBeUndefined();
  });
});
