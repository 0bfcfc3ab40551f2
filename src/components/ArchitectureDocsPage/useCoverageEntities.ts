import { useEffect, useState } from 'react';
import type { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { COVERAGE_ENTITY_FIELDS } from '../../coverage';
import { markTiming } from '../../coverage/timing-marks';
import { startTransitionCompat } from './reactCompat';

/** The entities of the configured kinds, one catalog query. */
export function useCoverageEntities(kindsKey: string): {
  loading: boolean;
  error?: Error;
  value?: Entity[];
} {
  const catalogApi = useApi(catalogApiRef);
  const [state, setState] = useState<{
    loading: boolean;
    error?: Error;
    value?: Entity[];
  }>({ loading: true });
  useEffect(() => {
    let active = true;
    setState({ loading: true });
    catalogApi
      .getEntities({
        filter: { kind: kindsKey.split('\n') },
        fields: COVERAGE_ENTITY_FIELDS,
      })
      .then(
        ({ items }) => {
          markTiming('entities-loaded');
          // As a transition: the first render of thousands of rows then
          // yields to the browser instead of holding the main thread.
          if (active)
            startTransitionCompat(() =>
              setState({ loading: false, value: items }),
            );
        },
        error => {
          if (active)
            setState({
              loading: false,
              error: error instanceof Error ? error : new Error(String(error)),
            });
        },
      );
    return () => {
      active = false;
    };
  }, [catalogApi, kindsKey]);
  return state;
}
