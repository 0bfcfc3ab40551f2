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
  // What an SCM resolver does on a host whose repository root it cannot
  // tell: the whole path of the doc is taken for the root.
  const rootUnknown = (url: string, base: string) =>
    url.startsWith('/') ? `${base}${url}` : new URL(url, base).href;

  it('should resolve a root-relative link from the host root when the resolver puts it below the doc', () => {
    expect(
      resolveLinkUrl('/tests', 'http://docs.example/a/b/Doc.md', rootUnknown),
    ).toBe('http://docs.example/tests');
  });

  it('should keep the resolver answer for a root-relative link it places in the repository', () => {
    expect(
      resolveLinkUrl(
        '/docs/c.md',
        'https://git.example/org/repo/blob/main/docs/a.md',
        () => 'https://git.example/org/repo/blob/main/docs/c.md',
      ),
    ).toBe('https://git.example/org/repo/blob/main/docs/c.md');
  });

  it('should keep the resolver answer for a relative link', () => {
    expect(
      resolveLinkUrl('b/c.md', 'http://docs.example/a/', rootUnknown),
    ).toBe('http://docs.example/a/b/c.md');
  });

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
