import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { CoverageRow } from '../../coverage';

/**
 * Where a row links to: its entity's architecture tab, or its entity page
 * when it has no doc; undefined when the app has no entity route.
 */
export function useCoverageEntityPath(
  tabPath: string,
): (row: CoverageRow) => string | undefined {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (row: CoverageRow) => {
      try {
        const base = entityRoute(
          entityRouteParams({
            kind: row.kind,
            namespace: row.namespace,
            name: row.name,
          }),
        );
        return row.status === 'no-annotation'
          ? base
          : `${base}/${tabPath.replace(/^\/+/, '')}`;
      } catch {
        return undefined;
      }
    },
    [entityRoute, tabPath],
  );
}
