import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityVisibility } from '../store/visibility';

/** How long a user's readable set is reused. */
const CACHE_TTL_MS = 60_000;
/** Users whose readable sets are kept at most. */
const CACHE_MAX_USERS = 500;
/** Entities per catalog page. */
const CATALOG_PAGE_SIZE = 1000;

interface CachedSet {
  expiresAt: number;
  entityRefs: Promise<string[]>;
}

/**
 * Decides which indexed entities a caller may read, with the catalog's own
 * read permission: the permission policy's answer for the caller, and, when
 * it depends on the entity (a conditional decision), the catalog's list of
 * the entities it serves to that caller (asked with the caller's
 * credentials, so the catalog applies the policy's conditions). That list
 * is kept per user for a minute.
 */
export class CatalogVisibility {
  private readonly cache = new Map<string, CachedSet>();

  constructor(
    private readonly options: {
      permissions: PermissionsService;
      catalog: CatalogService;
      /** The kinds of the indexed entities (the catalog query's filter). */
      listKinds: () => Promise<string[]>;
      now?: () => number;
    },
  ) {}

  private async decision(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<AuthorizeResult> {
    const [decision] = await this.options.permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    return decision.result;
  }

  /** The caller's visible entities, for the coverage queries. */
  async forCaller(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<EntityVisibility> {
    const result = await this.decision(credentials);
    if (result === AuthorizeResult.ALLOW) return { kind: 'all' };
    if (result === AuthorizeResult.DENY) return { kind: 'none' };
    return {
      kind: 'some',
      entityRefs: await this.readableRefs(credentials),
    };
  }

  /** Whether the caller may read one entity (lower-case ref). */
  async canRead(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
    entityRef: string,
  ): Promise<boolean> {
    const result = await this.decision(credentials);
    if (result === AuthorizeResult.ALLOW) return true;
    if (result === AuthorizeResult.DENY) return false;
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    return entity !== undefined;
  }

  private readableRefs(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string[]> {
    const now = (this.options.now ?? Date.now)();
    const key = credentials.principal.userEntityRef;
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > now) return cached.entityRefs;
    const entityRefs = this.fetchReadableRefs(credentials);
    // A failed read is not kept: the next request asks again.
    entityRefs.catch(() => this.cache.delete(key));
    this.cache.delete(key);
    this.cache.set(key, { expiresAt: now + CACHE_TTL_MS, entityRefs });
    while (this.cache.size > CACHE_MAX_USERS) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return entityRefs;
  }

  private async fetchReadableRefs(
    credentials: BackstageCredentials<BackstageUserPrincipal>,
  ): Promise<string[]> {
    const kinds = await this.options.listKinds();
    if (kinds.length === 0) return [];
    const fields = ['kind', 'metadata.namespace', 'metadata.name'];
    const refs: string[] = [];
    let response = await this.options.catalog.queryEntities(
      { fields, filter: { kind: kinds }, limit: CATALOG_PAGE_SIZE },
      { credentials },
    );
    for (;;) {
      for (const entity of response.items) {
        refs.push(stringifyEntityRef(entity).toLowerCase());
      }
      const cursor = response.pageInfo.nextCursor;
      if (!cursor || response.items.length === 0) break;
      response = await this.options.catalog.queryEntities(
        { fields, cursor, limit: CATALOG_PAGE_SIZE },
        { credentials },
      );
    }
    return refs;
  }
}
