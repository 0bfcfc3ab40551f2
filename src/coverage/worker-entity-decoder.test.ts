/**
 * @jest-environment node
 */
import path from 'node:path';
import { characterEntities } from 'character-entities';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { provideEntityDecodingDocument } from './worker-entity-decoder';

describe('provideEntityDecodingDocument', () => {
  it('should let the browser build of the entity decoder load without a document and decode as the package does elsewhere', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe(
      'undefined',
    );
    expect(provideEntityDecodingDocument()).toBe(true);
    expect(provideEntityDecodingDocument()).toBe(false);
    // The build a bundler gives a worker ("browser" in the package's exports).
    const browserBuild = path.join(
      path.dirname(require.resolve('decode-named-character-reference')),
      'index.dom.js',
    );
    const dom: {
      decodeNamedCharacterReference(value: string): string | false;
    } = await import(browserBuild);
    const names = [
      ...Object.keys(characterEntities),
      'notit',
      'nope',
      '',
      'amp;x',
      '__proto__',
      'constructor',
      'semi',
    ];
    for (const name of names) {
      expect([name, dom.decodeNamedCharacterReference(name)]).toEqual([
        name,
        decodeNamedCharacterReference(name),
      ]);
    }
    expect(dom.decodeNamedCharacterReference('amp')).toBe('&');
  });
});
