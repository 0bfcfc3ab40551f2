import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('should forget the least recently used entry past maxEntries', () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 2 });
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([...cache.keys()]).toEqual(['a', 'c']);
  });

  it('should forget the least recently used entries past maxBytes', () => {
    const cache = new BoundedCache<string, string>({
      maxEntries: 100,
      maxBytes: 10,
      sizeOf: v => v.length,
    });
    cache.set('a', 'xxxx').set('b', 'xxxx').set('c', 'xxxx');
    expect([...cache.keys()]).toEqual(['b', 'c']);
    expect(cache.bytes).toBe(8);
  });

  it('should not store a value larger than maxBytes on its own', () => {
    const cache = new BoundedCache<string, string>({
      maxEntries: 100,
      maxBytes: 4,
      sizeOf: v => v.length,
    });
    cache.set('a', 'xx').set('b', 'xxxxx');
    expect([...cache.keys()]).toEqual(['a']);
    expect(cache.bytes).toBe(2);
  });

  it('should count the bytes of a replaced value once', () => {
    const cache = new BoundedCache<string, string>({
      maxEntries: 100,
      maxBytes: 100,
      sizeOf: v => v.length,
    });
    cache.set('a', 'xxxx').set('a', 'xx');
    expect(cache.bytes).toBe(2);
    expect(cache.size).toBe(1);
  });

  it('should list values without changing which entry is least recently used', () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 2 });
    cache.set('a', 1).set('b', 2);
    expect([...cache.values()]).toEqual([1, 2]);
    cache.set('c', 3);
    expect([...cache.keys()]).toEqual(['b', 'c']);
  });

  it('should keep only the entries retain accepts', () => {
    const cache = new BoundedCache<string, number>({ maxEntries: 10 });
    cache.set('stay', 1).set('left', 2);
    cache.retain(key => key !== 'left');
    expect([...cache.keys()]).toEqual(['stay']);
    expect(cache.has('left')).toBe(false);
  });
});
