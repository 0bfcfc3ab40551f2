import type { CatalogApi } from '@backstage/plugin-catalog-react';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { ArchitectureDocsApi } from '../api';
import { BoundedCache } from '../lib/bounded-cache';
import { safeDecodeURIComponent } from 'backstage-plugin-architecture-docs-common/client';
import { documentKey } from './doc-url';

/** A catalog entity that owns an architecture doc. */
export interface DocOwner {
  entityRef: string;
  entity: Entity;
  /** The entity's system (`system:namespace/name`), when it has one. */
  systemRef?: string;
}

/** The entity's `spec.system` as a full entity ref, if it names one. */
export function systemRefOf(entity: Entity): string | undefined {
  const system = (entity.spec as { system?: unknown } | undefined)?.system;
  if (typeof system !== 'string' || !system.trim()) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(system, {
        defaultKind: 'system',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}

/** Docs of one view whose owners are looked up; links past it are shown without owners. */
export const MAX_OWNER_LOOKUP_DOCS = 200;
/** Annotation values per catalog query, so the query string stays short. */
const VALUES_PER_QUERY = 60;
/** Entities per page of a query. */
const PAGE_SIZE = 100;
/** Pages read per query at most: a value shared by many entities cannot read the whole catalog. */
const MAX_PAGES_PER_QUERY = 10;
/** Doc URLs whose owner (or its absence) is remembered across views. */
export const OWNER_CACHE_MAX_ENTRIES = 2_000;
/** How long a remembered owner is used before the catalog is asked again. */
export const OWNER_CACHE_TTL_MS = 5 * 60_000;

const OWNER_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.annotations',
  'spec.system',
];

/**
 * The annotation values that can point at a doc: its URL, and its path
 * from every folder above it, as `path`, `./path` and `/path` (the forms a
 * ref relative to a `catalog-info.yaml` or the repository root takes),
 * written encoded and decoded. Refs that climb with `..` are not among them.
 */
export function annotationValuesFor(url: string): string[] {
  const key = documentKey(url);
  const values = new Set<string>([key]);
  let pathname: string;
  try {
    pathname = new URL(key).pathname;
  } catch {
    return [...values];
  }
  const segments = pathname.split('/').filter(Boolean);
  for (let i = 0; i < segments.length; i++) {
    const path = segments.slice(i).join('/');
    for (const form of new Set([path, safeDecodeURIComponent(path)])) {
      values.add(form).add(`./${form}`).add(`/${form}`);
    }
  }
  return [...values];
}

interface RememberedOwner {
  owner: DocOwner | null;
  storedAt: number;
}

/** One owner cache per catalog client, shared by every view that uses it. */
const ownerCaches = new WeakMap<
  object,
  BoundedCache<string, RememberedOwner>
>();

function ownerCacheOf(
  catalogApi: object,
): BoundedCache<string, RememberedOwner> {
  let cache = ownerCaches.get(catalogApi);
  if (!cache) {
    cache = new BoundedCache({ maxEntries: OWNER_CACHE_MAX_ENTRIES });
    ownerCaches.set(catalogApi, cache);
  }
  return cache;
}

function rememberedOwner(
  cache: BoundedCache<string, RememberedOwner>,
  key: string,
  now: number,
): RememberedOwner | undefined {
  const entry = cache.get(key);
  return entry && now - entry.storedAt < OWNER_CACHE_TTL_MS ? entry : undefined;
}

/** The documents of `urls` to look up, each once, at most {@link MAX_OWNER_LOOKUP_DOCS}. */
export function lookupKeys(urls: readonly string[]): string[] {
  return [...new Set(urls.map(documentKey))].slice(0, MAX_OWNER_LOOKUP_DOCS);
}

/**
 * The owners of `urls` the cache already knows, or undefined when some
 * must still be asked for.
 */
export function cachedDocOwners(
  catalogApi: object,
  annotation: string,
  urls: readonly string[],
  now = Date.now(),
): Map<string, DocOwner> | undefined {
  const cache = ownerCacheOf(catalogApi);
  const owners = new Map<string, DocOwner>();
  for (const key of lookupKeys(urls)) {
    const entry = rememberedOwner(cache, `${annotation}\n${key}`, now);
    if (!entry) return undefined;
    if (entry.owner) owners.set(key, entry.owner);
  }
  return owners;
}

/**
 * Maps the doc URLs a view links to onto the entities that own them. Asks
 * the catalog only for entities whose annotation holds one of the values
 * that can point at those docs ({@link annotationValuesFor}), a page at a
 * time, and remembers each answer (owner or none) per catalog client, so
 * another view, or the same one mounted again, asks only for what it has
 * not seen.
 */
export async function loadDocOwners(
  catalogApi: Pick<CatalogApi, 'queryEntities'>,
  api: Pick<ArchitectureDocsApi, 'getDocLocation'>,
  annotation: string,
  urls: readonly string[],
): Promise<Map<string, DocOwner>> {
  const cache = ownerCacheOf(catalogApi);
  const now = Date.now();
  const keys = lookupKeys(urls);
  const missing = new Set(
    keys.filter(key => !rememberedOwner(cache, `${annotation}\n${key}`, now)),
  );
  const found = new Map<string, DocOwner>();
  if (missing.size > 0) {
    const values = [...new Set([...missing].flatMap(annotationValuesFor))];
    for (let start = 0; start < values.length; start += VALUES_PER_QUERY) {
      const filter = {
        [`metadata.annotations.${annotation}`]: values.slice(
          start,
          start + VALUES_PER_QUERY,
        ),
      };
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES_PER_QUERY; page++) {
        const response: Awaited<ReturnType<CatalogApi['queryEntities']>> =
          await catalogApi.queryEntities(
            cursor
              ? { cursor, fields: OWNER_FIELDS, limit: PAGE_SIZE }
              : {
                  filter,
                  fields: OWNER_FIELDS,
                  limit: PAGE_SIZE,
                  totalItems: 'exclude',
                },
          );
        for (const entity of response.items) {
          let key: string;
          try {
            key = documentKey(api.getDocLocation(entity).url);
          } catch {
            continue;
          }
          if (missing.has(key) && !found.has(key)) {
            found.set(key, {
              entityRef: stringifyEntityRef(entity),
              entity,
              systemRef: systemRefOf(entity),
            });
          }
        }
        cursor = response.pageInfo.nextCursor;
        if (!cursor) break;
      }
    }
    for (const key of missing)
      cache.set(`${annotation}\n${key}`, {
        owner: found.get(key) ?? null,
        storedAt: now,
      });
  }
  const owners = new Map<string, DocOwner>();
  for (const key of keys) {
    const owner = missing.has(key)
      ? found.get(key)
      : cache.get(`${annotation}\n${key}`)?.owner;
    if (owner) owners.set(key, owner);
  }
  return owners;
}
