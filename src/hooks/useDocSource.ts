import { useEffect, useMemo, useState } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import {
  architectureDocsBackendApiRef,
  type ArchitectureDocsBackendApi,
  type ArchitectureDocsResolvedSource,
} from '../api';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';

/** Where a view reads from: decided, or still being asked. */
export type DocSourceState =
  | { source: 'deciding' }
  | { source: 'browser' }
  | { source: 'backend'; backendApi: ArchitectureDocsBackendApi }
  /** `source: backend` is configured, but the app cannot create the client. */
  | { source: 'unavailable'; error: Error };

/**
 * Decisions already made, per client: views mounted after the first one
 * render their source at once instead of a loading state.
 */
const decided = new WeakMap<
  ArchitectureDocsBackendApi,
  ArchitectureDocsResolvedSource
>();

function stateOf(
  source: ArchitectureDocsResolvedSource,
  backendApi: ArchitectureDocsBackendApi,
): DocSourceState {
  return source === 'backend' ? { source, backendApi } : { source };
}

/**
 * Whether the views read from the backend's index or fetch docs in the
 * browser, as `architectureDocs.source` says. An app that registers no
 * backend API (a custom setup of the plugin's APIs), or one whose client
 * cannot be created, reads in the browser, unless `backend` is configured:
 * then the views say the backend cannot be used.
 */
export function useDocSource(): DocSourceState {
  const apiHolder = useApiHolder();
  const { source } = useArchitectureDocsConfig();
  // Creating the client fails in an app without `backend.baseUrl`, where
  // discovery cannot be created either.
  const [backendApi, creationError] = useMemo((): [
    ArchitectureDocsBackendApi | undefined,
    Error | undefined,
  ] => {
    if (source === 'browser') return [undefined, undefined];
    try {
      return [apiHolder.get(architectureDocsBackendApiRef), undefined];
    } catch (error) {
      return [
        undefined,
        error instanceof Error ? error : new Error(String(error)),
      ];
    }
  }, [apiHolder, source]);
  const initial = (): DocSourceState => {
    if (source === 'backend' && !backendApi) {
      return {
        source: 'unavailable',
        error:
          creationError ??
          new Error(
            'architectureDocs.source is "backend", but the app provides no architectureDocsBackendApiRef.',
          ),
      };
    }
    if (!backendApi) return { source: 'browser' };
    if (source === 'backend') return { source: 'backend', backendApi };
    const known = decided.get(backendApi);
    return known ? stateOf(known, backendApi) : { source: 'deciding' };
  };
  const [state, setState] = useState<DocSourceState>(initial);
  const deciding = state.source === 'deciding';
  useEffect(() => {
    if (!backendApi || !deciding) return undefined;
    let current = true;
    backendApi.getSource().then(
      resolved => {
        decided.set(backendApi, resolved);
        if (current) setState(stateOf(resolved, backendApi));
      },
      () => {
        if (current) setState({ source: 'browser' });
      },
    );
    return () => {
      current = false;
    };
  }, [backendApi, deciding]);
  return state;
}
