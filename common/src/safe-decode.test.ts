import {
  decodedUrlPath,
  safeDecodeURIComponent,
  tryDecodeURIComponent,
} from './safe-decode';

const MALFORMED = ['%E0%A4%A', '%', '%zz', 'a%2', '%C3%28'];

describe('tryDecodeURIComponent', () => {
  it('should decode well-formed percent-encoding', () => {
    expect(tryDecodeURIComponent('a%20b%C3%A9')).toBe('a bé');
  });

  it.each(MALFORMED)('should return undefined for malformed %s', value => {
    expect(tryDecodeURIComponent(value)).toBeUndefined();
  });
});

describe('safeDecodeURIComponent', () => {
  it('should decode well-formed percent-encoding', () => {
    expect(safeDecodeURIComponent('Sequence%20diagram')).toBe(
      'Sequence diagram',
    );
  });

  it.each(MALFORMED)('should return malformed %s as written', value => {
    expect(safeDecodeURIComponent(value)).toBe(value);
  });
});

describe('decodedUrlPath', () => {
  it('should decode the path and drop its leading slashes', () => {
    expect(decodedUrlPath('https://h/o/r/blob/main/docs/a%20b.md?x=1#y')).toBe(
      'o/r/blob/main/docs/a b.md',
    );
  });

  it('should keep a malformed path as written', () => {
    expect(decodedUrlPath('https://h/docs/%E0%A4%A/x.md')).toBe(
      'docs/%E0%A4%A/x.md',
    );
  });

  it('should return an empty path for a value that is not a URL', () => {
    expect(decodedUrlPath('docs/x.md')).toBe('');
  });
});
