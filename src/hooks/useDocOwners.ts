import { useApi } from '@backstage/core-plugin-api';
import {
  CATALOG_FILTER_EXISTS,
  catalogApiRef,
  type CatalogApi,
} from '@backstage/plugin-catalog-react';
import { parseEntityRef, stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import useAsync from 'react-use/esm/useAsync';
import { architectureDocsApiRef, type ArchitectureDocsApi } from '../api';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';

/** A catalog entity that owns an architecture doc. */
export interface DocOwner {
  entityRef: string;
  entity: Entity;
  /** The entity's system (`system:namespace/name`), when it has one. */
  systemRef?: string;
}

/** The part of a URL that identifies a document: no fragment, no query. */
export function documentKey(url: string): string {
  const hash = url.indexOf('#');
  const withoutHash = hash >= 0 ? url.slice(0, hash) : url;
  const query = withoutHash.indexOf('?');
  return query >= 0 ? withoutHash.slice(0, query) : withoutHash;
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

/**
 * Maps every doc URL in the catalog to the entity that owns it, from one
 * catalog query that asks only for the fields needed.
 */
export async function loadDocOwners(
  catalogApi: Pick<CatalogApi, 'getEntities'>,
  api: ArchitectureDocsApi,
  annotation: string,
): Promise<Map<string, DocOwner>> {
  const { items } = await catalogApi.getEntities({
    filter: { [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS },
    fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title', 'metadata.annotations', 'spec.system'],
  });
  const owners = new Map<string, DocOwner>();
  for (const entity of items) {
    let url: string;
    try {
      url = api.getDocLocation(entity).url;
    } catch {
      continue;
    }
    owners.set(documentKey(url), {
      entityRef: stringifyEntityRef(entity),
      entity,
      systemRef: systemRefOf(entity),
    });
  }
  return owners;
}

/**
 * One empty map for every render without owners: callers memoise on the map,
 * and a new one on each render would rebuild (and re-check) the doc forever
 * when the catalog query fails.
 */
const NO_OWNERS: Map<string, DocOwner> = new Map();

/** The doc owners of the catalog; an empty map while loading or on failure. */
export function useDocOwners(): { owners: Map<string, DocOwner>; loading: boolean; error?: Error } {
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(architectureDocsApiRef);
  const { annotation } = useArchitectureDocsConfig();
  const state = useAsync(() => loadDocOwners(catalogApi, api, annotation), [catalogApi, api, annotation]);
  return { owners: state.value ?? NO_OWNERS, loading: state.loading, error: state.error };
}
