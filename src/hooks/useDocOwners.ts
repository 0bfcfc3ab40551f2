import { useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { architectureDocsApiRef } from '../api';
import {
  cachedDocOwners,
  loadDocOwners,
  lookupKeys,
  type DocOwner,
} from '../model/doc-owners';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';

/**
 * One empty map for every render without owners: callers memoise on the map,
 * and a new one on each render would rebuild (and re-check) the doc forever
 * when the catalog query fails.
 */
const NO_OWNERS: Map<string, DocOwner> = new Map();

/**
 * The owners of the docs at `urls`: from the shared cache at once when it
 * knows them all, else an empty map until the catalog answers (and on
 * failure). Views render without waiting and fill owners in when they arrive.
 */
export function useDocOwners(urls: readonly string[]): {
  owners: Map<string, DocOwner>;
  loading: boolean;
  error?: Error;
} {
  const catalogApi = useApi(catalogApiRef);
  const api = useApi(architectureDocsApiRef);
  const { annotation } = useArchitectureDocsConfig();
  const urlsKey = lookupKeys(urls).join('\n');
  const cached = useMemo(
    () =>
      urlsKey
        ? cachedDocOwners(catalogApi, annotation, urlsKey.split('\n'))
        : NO_OWNERS,
    [catalogApi, annotation, urlsKey],
  );
  const state = useAsync(async () => {
    if (cached) return cached;
    return loadDocOwners(catalogApi, api, annotation, urlsKey.split('\n'));
  }, [catalogApi, api, annotation, urlsKey, cached]);
  if (cached) return { owners: cached, loading: false };
  return {
    owners: state.value ?? NO_OWNERS,
    loading: state.loading,
    error: state.error,
  };
}
