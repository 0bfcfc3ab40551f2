import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import { CatalogVisibility } from './CatalogVisibility';

const LIMITED = mockCredentials.user('user:default/limited');
const OTHER = mockCredentials.user('user:default/other');

function component(name: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
  };
}

function setup(result: AuthorizeResult) {
  const decision: PolicyDecision =
    result === AuthorizeResult.CONDITIONAL
      ? {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'HAS_LABEL',
            resourceType: 'catalog-entity',
            params: { label: 'public' },
          },
        }
      : ({ result } as PolicyDecision);
  const permissions = mockServices.permissions.mock({
    authorizeConditional: jest.fn(async () => [decision]),
  });
  const catalog = catalogServiceMock.mock({
    queryEntities: jest.fn(async request =>
      request && 'cursor' in request
        ? { items: [component('Second')], totalItems: 2, pageInfo: {} }
        : {
            items: [component('first')],
            totalItems: 2,
            pageInfo: { nextCursor: 'page-2' },
          },
    ),
    getEntityByRef: jest.fn(async ref =>
      ref === 'component:default/first' ? component('first') : undefined,
    ),
  });
  let now = 1_000_000;
  const visibility = new CatalogVisibility({
    permissions,
    catalog,
    listKinds: async () => ['API', 'Component'],
    now: () => now,
  });
  return {
    visibility,
    catalog,
    permissions,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CatalogVisibility', () => {
  it('should not restrict a caller the policy allows, nor ask the catalog', async () => {
    const { visibility, catalog } = setup(AuthorizeResult.ALLOW);
    expect(await visibility.forCaller(LIMITED)).toEqual({ kind: 'all' });
    expect(await visibility.canRead(LIMITED, 'component:default/x')).toBe(true);
    expect(catalog.queryEntities).not.toHaveBeenCalled();
  });

  it('should show nothing to a caller the policy denies', async () => {
    const { visibility } = setup(AuthorizeResult.DENY);
    expect(await visibility.forCaller(LIMITED)).toEqual({ kind: 'none' });
    expect(await visibility.canRead(LIMITED, 'component:default/first')).toBe(
      false,
    );
  });

  it('should ask the catalog with the caller credentials, page by page, for a conditional decision', async () => {
    const { visibility, catalog, permissions } = setup(
      AuthorizeResult.CONDITIONAL,
    );
    expect(await visibility.forCaller(LIMITED)).toEqual({
      kind: 'some',
      entityRefs: ['component:default/first', 'component:default/second'],
    });
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
        },
      ],
      { credentials: LIMITED },
    );
    expect(catalog.queryEntities).toHaveBeenNthCalledWith(
      1,
      {
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        filter: { kind: ['API', 'Component'] },
        limit: 1000,
      },
      { credentials: LIMITED },
    );
    expect(catalog.queryEntities).toHaveBeenNthCalledWith(
      2,
      {
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
        cursor: 'page-2',
        limit: 1000,
      },
      { credentials: LIMITED },
    );
  });

  it('should reuse a user readable set for a minute, and not for another user', async () => {
    const { visibility, catalog, advance } = setup(AuthorizeResult.CONDITIONAL);
    await visibility.forCaller(LIMITED);
    advance(59_000);
    await visibility.forCaller(LIMITED);
    expect(catalog.queryEntities).toHaveBeenCalledTimes(2);
    await visibility.forCaller(OTHER);
    expect(catalog.queryEntities).toHaveBeenCalledTimes(4);
    advance(2_000);
    await visibility.forCaller(LIMITED);
    expect(catalog.queryEntities).toHaveBeenCalledTimes(6);
  });

  it('should check one entity with the catalog for a conditional decision', async () => {
    const { visibility, catalog } = setup(AuthorizeResult.CONDITIONAL);
    expect(await visibility.canRead(LIMITED, 'component:default/first')).toBe(
      true,
    );
    expect(await visibility.canRead(LIMITED, 'component:default/hidden')).toBe(
      false,
    );
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      'component:default/hidden',
      { credentials: LIMITED },
    );
  });
});
