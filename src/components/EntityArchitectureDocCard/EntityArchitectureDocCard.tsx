import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import type { InfoCardVariants } from '@backstage/core-components';
import { ArchitectureDocError } from '../../api';
import { useArchitectureDoc } from '../../hooks/useArchitectureDoc';
import {
  architectureTabPath,
  DEFAULT_ARCHITECTURE_TAB_PATH,
} from '../../routes';
import { useConfigProblems } from '../../hooks/useConfigProblems';
import { ArchitectureDocsErrorBoundary } from '../ArchitectureDocsErrorBoundary';
import { ArchitectureDocCardView } from './ArchitectureDocCardView';

/**
 * Props of {@link EntityArchitectureDocCard}.
 * @public
 */
export interface EntityArchitectureDocCardProps {
  /** The path of the architecture tab under the entity page. Default `architecture`. */
  tabPath?: string;
  /** The InfoCard variant, e.g. `gridItem` to fill a grid cell. */
  variant?: InfoCardVariants;
}

/** The card's states, from the missing annotation to the score. */
function ArchitectureDocCard(props: EntityArchitectureDocCardProps) {
  const { entity } = useEntity();
  const tabPath = props.tabPath ?? DEFAULT_ARCHITECTURE_TAB_PATH;
  const entityRoute = useRouteRef(entityRouteRef);
  const { state, templateProblem } = useArchitectureDoc(entity, { tabPath });
  const configProblems = useConfigProblems(templateProblem);
  const link = architectureTabPath(
    entityRoute(entityRouteParams(entity)),
    tabPath,
  );
  switch (state.status) {
    case 'no-annotation':
      return (
        <ArchitectureDocCardView
          variant={props.variant}
          configProblems={configProblems}
          error={
            new ArchitectureDocError(
              'no-annotation',
              `Add the ${state.annotation} annotation to link a doc.`,
            )
          }
        />
      );
    case 'loading':
      return (
        <ArchitectureDocCardView
          tabPath={link}
          variant={props.variant}
          configProblems={configProblems}
          loading
        />
      );
    case 'error':
      return (
        <ArchitectureDocCardView
          tabPath={link}
          variant={props.variant}
          configProblems={configProblems}
          error={state.error}
        />
      );
    default:
      return (
        <ArchitectureDocCardView
          tabPath={link}
          variant={props.variant}
          configProblems={configProblems}
          report={state.doc.report}
        />
      );
  }
}

/**
 * The overview card: score gauge, missing and placeholder sections by name,
 * broken links, and a link to the architecture tab.
 * @public
 */
export function EntityArchitectureDocCard(
  props: EntityArchitectureDocCardProps,
) {
  return (
    <ArchitectureDocsErrorBoundary view="card">
      <ArchitectureDocCard {...props} />
    </ArchitectureDocsErrorBoundary>
  );
}
