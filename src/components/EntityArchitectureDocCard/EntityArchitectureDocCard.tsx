import type { ReactNode } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type { Entity } from '@backstage/catalog-model';
import { Box, Typography } from '@material-ui/core';
import {
  entityRouteParams,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import type { InfoCardVariants } from '@backstage/core-components';
import {
  ArchitectureDocError,
  type ArchitectureDocsBackendApi,
} from '../../api';
import {
  useArchitectureDoc,
  type ArchitectureDocState,
} from '../../hooks/useArchitectureDoc';
import { useDocSource } from '../../hooks/useDocSource';
import {
  useIndexedArchitectureDoc,
  type IndexedArchitectureDocState,
} from '../../hooks/useIndexedArchitectureDoc';
import { architectureDocsTranslationRef } from '../../translation';
import { IndexFreshness } from '../IndexFreshness';
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
function CardStates(props: {
  state: ArchitectureDocState | IndexedArchitectureDocState;
  link: string;
  variant?: InfoCardVariants;
  configProblems: string[];
  footer?: ReactNode;
}) {
  const { state, link, variant, configProblems, footer } = props;
  const common = { variant, configProblems, footer };
  switch (state.status) {
    case 'no-annotation':
      return (
        <ArchitectureDocCardView
          variant={variant}
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
      return <ArchitectureDocCardView tabPath={link} {...common} loading />;
    case 'not-indexed':
      return <ArchitectureDocCardView tabPath={link} {...common} />;
    case 'error':
      return (
        <ArchitectureDocCardView
          tabPath={link}
          {...common}
          error={state.error}
        />
      );
    default:
      return (
        <ArchitectureDocCardView
          tabPath={link}
          {...common}
          report={state.doc.report}
        />
      );
  }
}

/** The path of the entity's architecture tab. */
function useTabLink(entity: Entity, tabPath: string): string {
  const entityRoute = useRouteRef(entityRouteRef);
  return architectureTabPath(entityRoute(entityRouteParams(entity)), tabPath);
}

/** The card when the browser fetches the doc from its host. */
function BrowserDocCard(props: EntityArchitectureDocCardProps) {
  const { entity } = useEntity();
  const tabPath = props.tabPath ?? DEFAULT_ARCHITECTURE_TAB_PATH;
  const { state, templateProblem } = useArchitectureDoc(entity, { tabPath });
  const configProblems = useConfigProblems(templateProblem);
  return (
    <CardStates
      state={state}
      link={useTabLink(entity, tabPath)}
      variant={props.variant}
      configProblems={configProblems}
    />
  );
}

/** The card when the backend's index serves the report. */
function IndexedDocCard(
  props: EntityArchitectureDocCardProps & {
    backendApi: ArchitectureDocsBackendApi;
  },
) {
  const { entity } = useEntity();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const tabPath = props.tabPath ?? DEFAULT_ARCHITECTURE_TAB_PATH;
  const { state, indexed } = useIndexedArchitectureDoc(
    entity,
    props.backendApi,
    { tabPath },
  );
  const configProblems = useConfigProblems();
  const footer =
    state.status === 'no-annotation' ||
    state.status === 'loading' ? undefined : (
      <Box mt={1.5}>
        {state.status === 'not-indexed' && (
          <Typography variant="body2">{t('index.notIndexed.title')}</Typography>
        )}
        <IndexFreshness
          indexedAt={indexed?.indexedAt ?? null}
          fetchedAt={indexed?.fetchedAt}
        />
        {indexed?.stale && (
          <Typography variant="body2" data-testid="stale-report">
            {t('index.staleRow', { message: indexed.stale.message })}
          </Typography>
        )}
      </Box>
    );
  return (
    <CardStates
      state={state}
      link={useTabLink(entity, tabPath)}
      variant={props.variant}
      configProblems={configProblems}
      footer={footer}
    />
  );
}

/** The card, reading from the backend or the browser as configured. */
function ArchitectureDocCard(props: EntityArchitectureDocCardProps) {
  const source = useDocSource();
  if (source.source === 'deciding') {
    return <ArchitectureDocCardView variant={props.variant} loading />;
  }
  if (source.source === 'unavailable') {
    return (
      <ArchitectureDocCardView variant={props.variant} error={source.error} />
    );
  }
  if (source.source === 'backend') {
    return <IndexedDocCard {...props} backendApi={source.backendApi} />;
  }
  return <BrowserDocCard {...props} />;
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
