import { useCallback, useMemo } from 'react';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { useTheme } from '@material-ui/core/styles';
import useAsync from 'react-use/esm/useAsync';
import { loadMermaid } from '../components/MermaidDiagram/loadMermaid';
import { mermaidConfig } from '../lib/mermaid-config';
import type { LoadedArchitectureDoc } from '../model/loaded-doc';
import type { DiagramEntities } from '../model/diagram-entities';
import { useArchitectureDocsConfig } from './useArchitectureDocsConfig';

/**
 * The participants of a doc's diagrams with their catalog entities.
 * @public
 */
export interface DiagramEntitiesState {
  /** True until the participants are read and the catalog has answered. */
  loading: boolean;
  /** One entry per diagram, in doc order; empty while loading. */
  diagrams: DiagramEntities[];
  /** Set when the catalog could not be asked. */
  catalogError?: Error;
}

const NO_DIAGRAMS: DiagramEntities[] = [];

/**
 * Reads the participants of the doc's diagrams with Mermaid's parser and
 * matches them to catalog entities. Mermaid is loaded only when the doc has
 * diagrams; the catalog is asked for the names found only.
 */
export function useDiagramEntities(
  doc: LoadedArchitectureDoc,
  entity: Entity,
  tabPath: string,
): DiagramEntitiesState {
  const catalogApi = useApi(catalogApiRef);
  const { annotation, diagramEntities } = useArchitectureDocsConfig();
  const entityRoute = useRouteRef(entityRouteRef);
  const mermaidTheme = useTheme().palette.type === 'dark' ? 'dark' : 'default';
  const namespace = entity.metadata.namespace ?? 'default';
  const diagrams = useMemo(
    () =>
      doc.renderExcess
        ? []
        : doc.report.mermaid
            .filter(block => !block.problem)
            .map(block => ({ source: block.source, line: block.line })),
    [doc],
  );
  const pathOf = useCallback(
    (target: Entity, tab: boolean) => {
      const base = entityRoute(entityRouteParams(target));
      return tab ? `${base}/${tabPath.replace(/^\/+/, '')}` : base;
    },
    [entityRoute, tabPath],
  );
  const state = useAsync(async () => {
    if (diagrams.length === 0) return { diagrams: NO_DIAGRAMS };
    // The parsing and matching code loads with the first doc that has a
    // diagram, beside Mermaid.
    const [mermaid, { loadDiagramEntities }] = await Promise.all([
      loadMermaid(),
      import('../model/load-diagram-entities'),
    ]);
    // The parser reads the configuration the diagrams are drawn with.
    mermaid.initialize(mermaidConfig(mermaidTheme));
    return loadDiagramEntities({
      diagrams,
      mermaid,
      catalogApi,
      annotation,
      diagramEntities,
      namespace,
      pathOf,
    });
    // The theme is left out: a theme change must not ask the catalog again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [diagrams, catalogApi, annotation, diagramEntities, namespace, pathOf]);
  return {
    loading: state.loading,
    diagrams: state.value?.diagrams ?? NO_DIAGRAMS,
    catalogError: state.value?.catalogError ?? state.error,
  };
}
