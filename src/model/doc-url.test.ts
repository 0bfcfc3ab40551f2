import { documentKey, urlFragment } from './doc-url';

describe('documentKey', () => {
  it('should drop fragment and query', () => {
    expect(documentKey('https://h/a.md?ref=main#x')).toBe('https://h/a.md');
  });
});

describe('urlFragment', () => {
  it('should keep the fragment with its hash', () => {
    expect(urlFragment('https://h/a.md?ref=main#x')).toBe('#x');
  });

  it('should give an empty string without a fragment', () => {
    expect(urlFragment('https://h/a.md')).toBe('');
  });
});
