import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { catalogEntityPages } from './catalogEntities';

const entities: Entity[] = ['a', 'b', 'c', 'd', 'e'].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: name === 'e' ? 'System' : 'Component',
  metadata: { name, annotations: { 'architecture-docs/ref': `./${name}.md` } },
  spec: { owner: 'team-a', type: 'service' },
}));

async function collect(pages: AsyncGenerator<Entity[]>): Promise<string[][]> {
  const names: string[][] = [];
  for await (const page of pages) names.push(page.map(e => e.metadata.name));
  return names;
}

describe('catalogEntityPages', () => {
  it('should page through the indexed kinds by cursor with only the needed fields', async () => {
    const catalog = catalogServiceMock({ entities });
    const pages = await collect(
      catalogEntityPages({
        catalog,
        auth: mockServices.auth(),
        logger: mockServices.logger.mock(),
        kinds: ['Component'],
        pageSize: 2,
      }),
    );
    expect(pages).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('should leave out the fields the index does not keep', async () => {
    const catalog = catalogServiceMock({ entities });
    const pages: Entity[][] = [];
    for await (const page of catalogEntityPages({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
      kinds: ['Component'],
    }))
      pages.push(page);
    expect(pages[0][0]).toEqual({
      kind: 'Component',
      metadata: {
        name: 'a',
        annotations: { 'architecture-docs/ref': './a.md' },
      },
      spec: { owner: 'team-a' },
    });
  });

  it('should ask for a failing page three times, then end with a CatalogListingError', async () => {
    const catalog = catalogServiceMock({ entities });
    const query = jest
      .spyOn(catalog, 'queryEntities')
      .mockRejectedValue(new Error('500 Internal Server Error'));
    const logger = mockServices.logger.mock();
    await expect(
      collect(
        catalogEntityPages({
          catalog,
          auth: mockServices.auth(),
          logger,
          kinds: ['Component'],
          retryDelayMs: 1,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'CatalogListingError',
      message:
        'Catalog page 1 could not be read after 3 attempts (Error: 500 Internal Server Error)',
    });
    expect(query).toHaveBeenCalledTimes(3);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });
});
