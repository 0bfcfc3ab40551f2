import { CoverageResultCache } from './coverage-result-cache';

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

  it('should forget the results of entities that left and the links only they pointed at', () => {
    const cache = new CoverageResultCache();
    cache.set('component:default/stays', {
      status: 'analysed',
      score: 10,
      linkTargets: ['https://x/kept.md'],
    });
    cache.set('component:default/left', {
      status: 'analysed',
      score: 20,
      linkTargets: ['https://x/gone.md'],
    });
    cache.setLink('https://x/kept.md', true);
    cache.setLink('https://x/gone.md', false);
    cache.retainEntities(new Set(['component:default/stays']));
    expect(cache.get('component:default/left')).toBeUndefined();
    expect(cache.get('component:default/stays')).toMatchObject({ score: 10 });
    expect(cache.getLink('https://x/gone.md')).toBeUndefined();
    expect(cache.getLink('https://x/kept.md')).toBe(true);
    expect(cache.size).toBe(1);
  });
});
