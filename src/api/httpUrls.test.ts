import {
  hasScheme,
  hostOf,
  isHttpUrl,
  tryParseUrl,
  tryResolveUrl,
} from './httpUrls';

describe('httpUrls', () => {
  it('should parse an absolute URL and give undefined for anything else', () => {
    expect(tryParseUrl('https://h.example/a')?.pathname).toBe('/a');
    expect(tryParseUrl('./a.md')).toBeUndefined();
  });

  it('should accept only http and https as fetchable', () => {
    expect(isHttpUrl(tryParseUrl('http://h.example/a'))).toBe(true);
    expect(isHttpUrl(tryParseUrl('https://h.example/a'))).toBe(true);
    expect(isHttpUrl(tryParseUrl('data:text/plain,a'))).toBe(false);
    expect(isHttpUrl(tryParseUrl('ftp://h.example/a'))).toBe(false);
    expect(isHttpUrl(undefined)).toBe(false);
  });

  it.each([
    ['https://h.example/a', true],
    ['mailto:team@example.com', true],
    ['./a.md', false],
    ['a/b:c.md', false],
    ['1http://h.example', false],
  ])('should tell whether %s starts with a scheme', (value, expected) => {
    expect(hasScheme(value)).toBe(expected);
  });

  it('should give the host with its port, and undefined for no URL', () => {
    expect(hostOf('https://h.example:8443/a')).toBe('h.example:8443');
    expect(hostOf('not a url')).toBeUndefined();
    expect(hostOf(undefined)).toBeUndefined();
  });

  it('should resolve against a base and give undefined when the base is not a URL', () => {
    expect(tryResolveUrl('../b.md', 'https://h.example/x/a.md')).toBe(
      'https://h.example/b.md',
    );
    expect(tryResolveUrl('b.md', 'not a url')).toBeUndefined();
  });
});
