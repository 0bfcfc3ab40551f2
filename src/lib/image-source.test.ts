import { imageSourceFor } from './image-source';

describe('imageSourceFor', () => {
  it('should upgrade an http image to https on an https page', () => {
    expect(imageSourceFor('http://img.example.com/a.png?x=1', 'https:')).toBe(
      'https://img.example.com/a.png?x=1',
    );
    expect(imageSourceFor('HTTP://img.example.com/a.png', 'https:')).toBe(
      'https://img.example.com/a.png',
    );
  });

  it('should keep an http image on an http page', () => {
    expect(imageSourceFor('http://img.example.com/a.png', 'http:')).toBe(
      'http://img.example.com/a.png',
    );
  });

  it('should keep an https image on any page', () => {
    expect(imageSourceFor('https://img.example.com/a.png', 'https:')).toBe(
      'https://img.example.com/a.png',
    );
    expect(imageSourceFor('https://img.example.com/a.png', 'http:')).toBe(
      'https://img.example.com/a.png',
    );
  });

  it.each([
    './local.png',
    'data:image/png;base64,AAAA',
    // A script URL is the input under test, never run.
    // eslint-disable-next-line no-script-url
    'javascript:alert(1)',
    '//img.example.com/a.png',
    'ftp://h/a.png',
  ])('should load no image from %s', src => {
    expect(imageSourceFor(src, 'https:')).toBeUndefined();
  });
});
