import type { Entity } from '@backstage/catalog-model';
import { resolveEntityDocUrl, resolveLinkUrl } from './doc-location';

const plainResolve = (url: string, base: string) => new URL(url, base).href;

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'engine', annotations },
  };
}

const options = {
  annotation: 'architecture-docs/ref',
  resolveUrl: plainResolve,
  reader: 'the backend',
};

describe('resolveEntityDocUrl', () => {
  it('should resolve a relative ref against the managed-by-location', () => {
    expect(
      resolveEntityDocUrl(
        entity({
          'architecture-docs/ref': './docs/A.md',
          'backstage.io/managed-by-location':
            'url:https://git.example/repo/catalog-info.yaml',
        }),
        options,
      ),
    ).toEqual({
      ok: true,
      ref: './docs/A.md',
      url: 'https://git.example/repo/docs/A.md',
    });
  });

  it('should name the reader when the location is not a url location', () => {
    const result = resolveEntityDocUrl(
      entity({
        'architecture-docs/ref': './A.md',
        'backstage.io/managed-by-location': 'file:/repo/catalog-info.yaml',
      }),
      options,
    );
    expect(result).toEqual({
      ok: false,
      kind: 'invalid-location',
      message: expect.stringContaining('which the backend cannot reach'),
    });
  });

  it('should give no-annotation for an entity without the annotation', () => {
    expect(resolveEntityDocUrl(entity({}), options)).toMatchObject({
      ok: false,
      kind: 'no-annotation',
    });
  });

  it('should give invalid-location for a resolver that throws', () => {
    const result = resolveEntityDocUrl(
      entity({
        'architecture-docs/ref': '../../A.md',
        'backstage.io/managed-by-location':
          'url:https://git.example/repo/catalog-info.yaml',
      }),
      {
        ...options,
        resolveUrl: () => {
          throw new Error('leaves the repository');
        },
      },
    );
    expect(result).toEqual({
      ok: false,
      kind: 'invalid-location',
      message:
        '"../../A.md" cannot be resolved against https://git.example/repo/catalog-info.yaml: leaves the repository',
    });
  });

  it('should reject an absolute ref that is not http(s)', () => {
    expect(
      resolveEntityDocUrl(
        entity({ 'architecture-docs/ref': 'ftp://files.example/A.md' }),
        options,
      ),
    ).toMatchObject({ ok: false, kind: 'invalid-location' });
  });
});

describe('resolveLinkUrl', () => {
  it('should fall back to URL resolution when the resolver throws', () => {
    expect(
      resolveLinkUrl('b.md', 'https://git.example/repo/a.md', () => {
        throw new Error('no');
      }),
    ).toBe('https://git.example/repo/b.md');
  });

  it('should give undefined for a base that is not a URL', () => {
    expect(
      resolveLinkUrl('b.md', 'not a url', () => {
        throw new Error('no');
      }),
    ).toBeUndefined();
  });
});
