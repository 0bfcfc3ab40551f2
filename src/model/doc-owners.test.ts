import { InMemoryCatalogClient } from '@backstage/catalog-client/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { ArchitectureDocError } from '../api';
import { mockArchitectureDocsApi } from '../testing/mockArchitectureDocsApi';
import { testComponent } from '../testing/testComponent';
import {
  annotationValuesFor,
  cachedDocOwners,
  loadDocOwners,
  MAX_OWNER_LOOKUP_DOCS,
  OWNER_CACHE_TTL_MS,
  systemRefOf,
} from './doc-owners';

describe('annotationValuesFor', () => {
  it('should list the URL and the path from every folder above the doc in each ref form', () => {
    expect(annotationValuesFor('https://h/repo/docs/My%20Doc.md#top')).toEqual([
      'https://h/repo/docs/My%20Doc.md',
      'repo/docs/My%20Doc.md',
      './repo/docs/My%20Doc.md',
      '/repo/docs/My%20Doc.md',
      'repo/docs/My Doc.md',
      './repo/docs/My Doc.md',
      '/repo/docs/My Doc.md',
      'docs/My%20Doc.md',
      './docs/My%20Doc.md',
      '/docs/My%20Doc.md',
      'docs/My Doc.md',
      './docs/My Doc.md',
      '/docs/My Doc.md',
      'My%20Doc.md',
      './My%20Doc.md',
      '/My%20Doc.md',
      'My Doc.md',
      './My Doc.md',
      '/My Doc.md',
    ]);
  });

  it('should keep a malformed path as written', () => {
    expect(annotationValuesFor('https://h/%E0%A4%A.md')).toEqual([
      'https://h/%E0%A4%A.md',
      '%E0%A4%A.md',
      './%E0%A4%A.md',
      '/%E0%A4%A.md',
    ]);
  });
});

describe('loadDocOwners', () => {
  function ownerApi() {
    const api = mockArchitectureDocsApi();
    api.getDocLocation.mockImplementation(entity => {
      if (entity.metadata.name === 'broken')
        throw new ArchitectureDocError('invalid-location', 'bad');
      return { ref: 'x', url: `https://h/${entity.metadata.name}.md#top` };
    });
    return api;
  }

  function catalog(...entities: Entity[]) {
    const client = new InMemoryCatalogClient({ entities });
    jest.spyOn(client, 'queryEntities');
    jest.spyOn(client, 'getEntities');
    return client;
  }

  it('should ask the catalog only for entities whose annotation can point at the linked docs', async () => {
    const api = ownerApi();
    const client = catalog(
      testComponent('a', { 'architecture-docs/ref': './a.md' }, 'shop'),
      testComponent('broken', { 'architecture-docs/ref': 'broken.md' }),
      testComponent('other', { 'architecture-docs/ref': './other.md' }),
    );
    const owners = await loadDocOwners(client, api, 'architecture-docs/ref', [
      'https://h/a.md#x',
      'https://h/a.md',
    ]);
    expect(client.getEntities).not.toHaveBeenCalled();
    expect(client.queryEntities).toHaveBeenCalledTimes(1);
    expect(client.queryEntities).toHaveBeenCalledWith(
      expect.objectContaining({
        filter: {
          'metadata.annotations.architecture-docs/ref': [
            'https://h/a.md',
            'a.md',
            './a.md',
            '/a.md',
          ],
        },
      }),
    );
    // Only the matching entity was read and resolved.
    expect(api.getDocLocation).toHaveBeenCalledTimes(1);
    expect([...owners.keys()]).toEqual(['https://h/a.md']);
    expect(owners.get('https://h/a.md')).toMatchObject({
      entityRef: 'component:default/a',
      systemRef: 'system:default/shop',
    });
  });

  it('should read every page of a query', async () => {
    const api = mockArchitectureDocsApi();
    api.getDocLocation.mockImplementation(entity => ({
      ref: 'x',
      url: `https://h/${entity.metadata.name === 'z' ? 'a' : 'b'}.md`,
    }));
    const many = Array.from({ length: 150 }, (_, i) =>
      testComponent(`n${String(i).padStart(3, '0')}`, {
        'architecture-docs/ref': './a.md',
      }),
    );
    const client = catalog(
      ...many,
      testComponent('z', { 'architecture-docs/ref': './a.md' }),
    );
    const owners = await loadDocOwners(client, api, 'architecture-docs/ref', [
      'https://h/a.md',
    ]);
    expect(client.queryEntities).toHaveBeenCalledTimes(2);
    expect(owners.get('https://h/a.md')?.entityRef).toBe('component:default/z');
  });

  it('should answer a second lookup of the same docs from the cache', async () => {
    const api = ownerApi();
    const client = catalog(
      testComponent('a', { 'architecture-docs/ref': './a.md' }),
    );
    await loadDocOwners(client, api, 'architecture-docs/ref', [
      'https://h/a.md',
      'https://h/none.md',
    ]);
    expect(
      cachedDocOwners(client, 'architecture-docs/ref', [
        'https://h/a.md',
        'https://h/none.md',
      ]),
    ).toEqual(
      new Map([
        [
          'https://h/a.md',
          expect.objectContaining({ entityRef: 'component:default/a' }),
        ],
      ]),
    );
    const again = await loadDocOwners(client, api, 'architecture-docs/ref', [
      'https://h/a.md',
      'https://h/none.md',
    ]);
    expect(client.queryEntities).toHaveBeenCalledTimes(1);
    expect([...again.keys()]).toEqual(['https://h/a.md']);
  });

  it('should ask again once the remembered answer is older than the cache TTL', async () => {
    const api = ownerApi();
    const client = catalog(
      testComponent('a', { 'architecture-docs/ref': './a.md' }),
    );
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_000);
    await loadDocOwners(client, api, 'architecture-docs/ref', [
      'https://h/a.md',
    ]);
    now.mockReturnValue(1_000 + OWNER_CACHE_TTL_MS);
    expect(
      cachedDocOwners(
        client,
        'architecture-docs/ref',
        ['https://h/a.md'],
        Date.now(),
      ),
    ).toBeUndefined();
    await loadDocOwners(client, api, 'architecture-docs/ref', [
      'https://h/a.md',
    ]);
    expect(client.queryEntities).toHaveBeenCalledTimes(2);
    now.mockRestore();
  });

  it(`should look up at most ${MAX_OWNER_LOOKUP_DOCS} docs`, async () => {
    const api = ownerApi();
    const client = catalog();
    const urls = Array.from(
      { length: MAX_OWNER_LOOKUP_DOCS + 5 },
      (_, i) => `https://h/d${i}.md`,
    );
    await loadDocOwners(client, api, 'architecture-docs/ref', urls);
    const asked = (client.queryEntities as jest.Mock).mock.calls.flatMap(
      ([request]) =>
        request.filter?.['metadata.annotations.architecture-docs/ref'] ?? [],
    );
    expect(asked).toContain(`https://h/d${MAX_OWNER_LOOKUP_DOCS - 1}.md`);
    expect(asked).not.toContain(`https://h/d${MAX_OWNER_LOOKUP_DOCS}.md`);
  });
});

describe('systemRefOf', () => {
  it('should expand a short system name in the entity namespace', () => {
    expect(systemRefOf(testComponent('a', {}, 'shop'))).toBe(
      'system:default/shop',
    );
    expect(systemRefOf(testComponent('a', {}, 'other/shop'))).toBe(
      'system:other/shop',
    );
    expect(systemRefOf(testComponent('a'))).toBeUndefined();
  });
});
