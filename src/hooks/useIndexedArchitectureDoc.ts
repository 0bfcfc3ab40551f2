import { useCallback, useMemo, useState } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { getCompoundEntityRef, type Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import type { IndexedEntityDocResponse } from 'backstage-plugin-architecture-docs-common';
import {
  ArchitectureDocError,
  architectureDocsApiRef,
  type ArchitectureDocLocation,
  type ArchitectureDocsBackendApi,
} from '../api';
import { asDocError } from '../model/doc-error';
import type { DocOwner } from '../model/doc-owners';
import { ownerLookupUrls, withDocOwners } from '../model/build-loaded-doc';
import {
  buildIndexedDoc,
  indexedDocError,
  indexedRequestProblem,
} from '../model/indexed-doc';
import { architectureTabPath, DEFAULT_ARCHITECTURE_TAB_PATH } from '../routes';
import type { ArchitectureDocState } from './useArchitectureDoc';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';
import { useDocOwners } from './useDocOwners';

/**
 * What the entity page shows when it reads from the backend: the browser's
 * states, and `not-indexed` while the backend does not hold the entity.
 */
export type IndexedArchitectureDocState =
  ArchitectureDocState | { status: 'not-indexed' };

/** An entity's indexed doc for the entity page, and its "read now". */
export interface IndexedArchitectureDoc {
  state: IndexedArchitectureDocState;
  /** The backend's answer, for when it was read and whether it is stale. */
  indexed?: IndexedEntityDocResponse;
  /** Asks the backend again. */
  retry(): void;
  /** Has the backend re-read the doc now; the answer replaces the shown one. */
  refresh(): void;
  refreshing: boolean;
  /** Why the last refresh failed; the earlier answer stays shown. */
  refreshError?: ArchitectureDocError;
}

/**
 * Loads an entity's doc source and report from the backend's index: nothing
 * is fetched from the doc's host and no sign-in is asked. Links resolve
 * against the doc's URL and move to other entities' tabs as in the browser.
 */
export function useIndexedArchitectureDoc(
  entity: Entity,
  backendApi: ArchitectureDocsBackendApi,
  options: { tabPath?: string } = {},
): IndexedArchitectureDoc {
  const api = useApi(architectureDocsApiRef);
  const config = useArchitectureDocsConfig();
  const entityRoute = useRouteRef(entityRouteRef);
  const tabPath = options.tabPath ?? DEFAULT_ARCHITECTURE_TAB_PATH;
  const entityPath = useCallback(
    (owner: DocOwner) => {
      try {
        return architectureTabPath(
          entityRoute(entityRouteParams(owner.entity)),
          tabPath,
        );
      } catch {
        return undefined;
      }
    },
    [entityRoute, tabPath],
  );

  let location: ArchitectureDocLocation | undefined;
  let locationError: ArchitectureDocError | undefined;
  try {
    location = api.getDocLocation(entity);
  } catch (error) {
    locationError = asDocError(error);
  }
  const locationUrl = location?.url;
  const ref = getCompoundEntityRef(entity);
  const refKey = `${ref.kind}:${ref.namespace}/${ref.name}`;

  const [refreshed, setRefreshed] = useState<{
    key: string;
    response: IndexedEntityDocResponse;
  }>();
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<ArchitectureDocError>();

  const fetched = useAsyncRetry(async () => {
    if (!locationUrl) return undefined;
    return backendApi.getEntityDoc(ref);
    // The entity object changes identity on refresh; its ref is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backendApi, refKey, locationUrl]);

  const response =
    refreshed?.key === refKey ? refreshed.response : fetched.value;

  const refresh = useCallback(() => {
    setRefreshing(true);
    setRefreshError(undefined);
    backendApi.refreshEntityDoc(ref).then(
      next => {
        setRefreshed({ key: refKey, response: next });
        setRefreshing(false);
      },
      error => {
        const problem = indexedRequestProblem(error);
        setRefreshError(
          problem === 'not-indexed'
            ? new ArchitectureDocError(
                'failed',
                'The backend does not hold this entity yet.',
                { status: 404 },
              )
            : problem,
        );
        setRefreshing(false);
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backendApi, refKey]);

  const fetchedRetry = fetched.retry;
  // Asking again shows the stored answer, not an earlier "Read now".
  const retry = useCallback(() => {
    setRefreshed(undefined);
    fetchedRetry();
  }, [fetchedRetry]);

  const built = useMemo(() => {
    if (!response || !location) return undefined;
    if (response.report && response.source !== undefined) {
      return buildIndexedDoc({
        api,
        location,
        response: {
          ...response,
          source: response.source,
          report: response.report,
        },
      });
    }
    if (response.error) {
      return indexedDocError(response.error, response.docUrl ?? location.url);
    }
    return undefined;
    // `location` is derived from `locationUrl` on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, response, locationUrl]);

  const loaded = built instanceof ArchitectureDocError ? undefined : built;
  const lookupUrls = useMemo(
    () => (loaded ? ownerLookupUrls(loaded) : []),
    [loaded],
  );
  const { owners } = useDocOwners(lookupUrls);
  const doc = useMemo(
    () => (loaded ? withDocOwners(loaded, owners, entityPath) : undefined),
    [loaded, owners, entityPath],
  );

  let state: IndexedArchitectureDocState;
  if (locationError?.kind === 'no-annotation') {
    state = { status: 'no-annotation', annotation: config.annotation };
  } else if (locationError) {
    state = { status: 'error', error: locationError };
  } else if (fetched.error && !response) {
    const problem = indexedRequestProblem(fetched.error);
    state =
      problem === 'not-indexed'
        ? { status: 'not-indexed' }
        : { status: 'error', error: problem, location };
  } else if (!response) {
    state = { status: 'loading' };
  } else if (built instanceof ArchitectureDocError) {
    state =
      built.kind === 'no-annotation'
        ? { status: 'no-annotation', annotation: config.annotation }
        : { status: 'error', error: built, location };
  } else if (!doc) {
    // Known to the backend, but not read yet.
    state = { status: 'not-indexed' };
  } else if (!doc.file.content.trim()) {
    state = { status: 'empty', doc };
  } else {
    state = { status: 'loaded', doc };
  }
  return {
    state,
    indexed: response,
    retry,
    refresh,
    refreshing,
    refreshError,
  };
}
