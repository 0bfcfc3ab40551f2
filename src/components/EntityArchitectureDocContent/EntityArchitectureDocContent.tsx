import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import {
  Box,
  Button,
  Grid,
  Paper,
  Tooltip,
  Typography,
  makeStyles,
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import RefreshIcon from '@material-ui/icons/Refresh';
import { EmptyState } from '@backstage/core-components';
import {
  architectureDocsApiRef,
  type ArchitectureDocsBackendApi,
} from '../../api';
import { safeDecodeURIComponent } from 'backstage-plugin-architecture-docs-common/client';
import {
  useArchitectureDoc,
  type ArchitectureDocState,
} from '../../hooks/useArchitectureDoc';
import { useDocSource } from '../../hooks/useDocSource';
import { useIndexedArchitectureDoc } from '../../hooks/useIndexedArchitectureDoc';
import {
  BackendUnavailableNotice,
  IndexFreshness,
  StaleReportNotice,
} from '../IndexFreshness';
import { useArchitectureDocsConfig } from '../../hooks/useArchitectureDocsConfig';
import { useConfigProblems } from '../../hooks/useConfigProblems';
import {
  ArchitectureMarkdown,
  type ArchitectureLinkRenderProps,
} from '../ArchitectureMarkdown';
import { ArchitectureDocSidePanel } from '../ArchitectureDocSidePanel';
import { ConfigProblemsNotice } from '../ConfigProblemsNotice';
import { ArchitectureDocsErrorBoundary } from '../ArchitectureDocsErrorBoundary';
import {
  ArchitectureDocErrorState,
  EmptyDocState,
  LoadingState,
  NoAnnotationState,
  NotArchitectureDocNotice,
  TooComplexNotice,
} from '../ArchitectureDocStates';
import type { LoadedArchitectureDoc } from '../../model/loaded-doc';
import { useFocusRingStyles } from '../focusRing';
import { DiagramEntitiesContext } from '../MermaidDiagram/DiagramEntitiesContext';
import { useDiagramEntities } from '../../hooks/useDiagramEntities';
import { DEFAULT_ARCHITECTURE_TAB_PATH } from '../../routes';
import { architectureDocsTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  doc: { padding: theme.spacing(3), overflowWrap: 'anywhere' },
  side: { position: 'sticky', top: theme.spacing(2) },
  broken: {
    textDecoration: 'line-through wavy',
    textDecorationColor: theme.palette.error.main,
  },
  removed: {
    color: theme.palette.text.secondary,
    borderBottom: `1px dotted ${theme.palette.text.secondary}`,
  },
}));

/**
 * Props of {@link EntityArchitectureDocContent}.
 * @public
 */
export interface EntityArchitectureDocContentProps {
  /**
   * The path of the architecture tab under an entity page, used for links to
   * other entities' docs. Default `architecture`.
   */
  tabPath?: string;
}

function scrollToId(id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'start' });
  window.history.replaceState(window.history.state, '', `#${id}`);
}

function DocLink(
  props: ArchitectureLinkRenderProps & { doc: LoadedArchitectureDoc },
) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { href, children, index, doc } = props;
  const resolved = index >= 0 ? doc.links[index] : undefined;
  if (!href) {
    // The renderer emptied an unsafe target (javascript:, data:, …).
    return (
      <Tooltip title={t('tab.linkRemoved')}>
        <span className={classes.removed}>{children}</span>
      </Tooltip>
    );
  }
  if (href.startsWith('#')) {
    const id = safeDecodeURIComponent(href.slice(1));
    return (
      <a
        href={href}
        onClick={event => {
          event.preventDefault();
          scrollToId(id);
        }}
      >
        {children}
      </a>
    );
  }
  if (resolved?.entityPath) {
    return (
      <Link to={resolved.entityPath} data-entity-ref={resolved.entityRef}>
        {children}
      </Link>
    );
  }
  const target = resolved?.viewUrl ?? resolved?.url ?? href;
  const broken = resolved?.status === 'missing';
  const link = (
    <Link
      to={target}
      target="_blank"
      rel="noopener noreferrer"
      className={broken ? classes.broken : undefined}
      data-broken={broken || undefined}
    >
      {children}
    </Link>
  );
  return broken ? <Tooltip title={t('tab.linkBroken')}>{link}</Tooltip> : link;
}

/** The doc and its side panel, once loaded. */
function LoadedDoc(props: {
  doc: LoadedArchitectureDoc;
  entity: Entity;
  tabPath: string;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { doc } = props;
  const diagrams = useDiagramEntities(doc, props.entity, props.tabPath);
  const participantsBySource = useMemo(
    () =>
      new Map(
        diagrams.diagrams.map(diagram => [
          diagram.source,
          diagram.participants,
        ]),
      ),
    [diagrams.diagrams],
  );
  const renderLink = useCallback(
    (linkProps: ArchitectureLinkRenderProps): ReactNode => (
      <DocLink {...linkProps} doc={doc} />
    ),
    [doc],
  );
  // Deep links: scroll to the section named in the URL once the doc is drawn.
  useEffect(() => {
    const id = safeDecodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
  }, [doc.file.url]);
  const editUrl = doc.location.editUrl ?? doc.file.editUrl;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={8}>
        {!doc.report.isArchitectureDoc && <NotArchitectureDocNotice />}
        <Paper className={classes.doc}>
          {editUrl && (
            <Box display="flex" justifyContent="flex-end">
              <Button
                size="small"
                startIcon={<EditIcon />}
                href={editUrl}
                target="_blank"
                rel="noopener noreferrer"
              >
                {t('tab.edit')}
              </Button>
            </Box>
          )}
          {doc.renderExcess ? (
            <TooComplexNotice budget={doc.renderExcess} />
          ) : (
            <DiagramEntitiesContext.Provider value={participantsBySource}>
              <ArchitectureMarkdown
                parsed={doc.parsed}
                report={doc.report}
                renderLink={renderLink}
              />
            </DiagramEntitiesContext.Provider>
          )}
        </Paper>
      </Grid>
      <Grid item xs={12} md={4}>
        <Box className={classes.side}>
          <ArchitectureDocSidePanel
            entity={props.entity}
            doc={doc}
            diagrams={doc.report.mermaid.length > 0 ? diagrams : undefined}
          />
        </Box>
      </Grid>
    </Grid>
  );
}

/** The body for each of the tab's states, from the missing annotation to the loaded doc. */
function DocStateBody(props: {
  state: ArchitectureDocState;
  entity: Entity;
  retry(): void;
  tabPath?: string;
}) {
  const { state, entity, retry } = props;
  const api = useApi(architectureDocsApiRef);
  const config = useArchitectureDocsConfig();
  switch (state.status) {
    case 'no-annotation':
      return <NoAnnotationState annotation={state.annotation} />;
    case 'loading':
      return <LoadingState />;
    case 'error':
      return (
        <ArchitectureDocErrorState
          error={state.error}
          location={state.location}
          annotation={config.annotation}
          timeoutMs={config.fetch.timeoutMs}
          maxBytes={config.fetch.maxBytes}
          onRetry={retry}
          onSignIn={url => api.signIn(url)}
        />
      );
    case 'empty':
      return (
        <EmptyDocState
          url={state.doc.file.url}
          editUrl={state.doc.location.editUrl ?? state.doc.file.editUrl}
        />
      );
    default:
      return (
        <LoadedDoc
          doc={state.doc}
          entity={entity}
          tabPath={props.tabPath ?? DEFAULT_ARCHITECTURE_TAB_PATH}
        />
      );
  }
}

/** The tab's frame: the configuration problems above the body. */
function TabFrame(props: { problems: string[]; children: ReactNode }) {
  const focusRing = useFocusRingStyles();
  return (
    <Box data-testid="architecture-doc-content" className={focusRing.focusRing}>
      <ConfigProblemsNotice problems={props.problems} />
      {props.children}
    </Box>
  );
}

/** The tab when the browser fetches the doc from its host. */
function BrowserDocTab(props: EntityArchitectureDocContentProps) {
  const { entity } = useEntity();
  const { state, retry, templateProblem } = useArchitectureDoc(entity, {
    tabPath: props.tabPath,
  });
  const problems = useConfigProblems(templateProblem);
  return (
    <TabFrame problems={problems}>
      <DocStateBody
        state={state}
        entity={entity}
        retry={retry}
        tabPath={props.tabPath}
      />
    </TabFrame>
  );
}

/**
 * The tab when the backend's index serves the doc: when it was indexed and
 * read, a note when the report is from an earlier read, and "Read now".
 */
function IndexedDocTab(
  props: EntityArchitectureDocContentProps & {
    backendApi: ArchitectureDocsBackendApi;
  },
) {
  const { entity } = useEntity();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const problems = useConfigProblems();
  const { state, indexed, retry, refresh, refreshing, refreshError } =
    useIndexedArchitectureDoc(entity, props.backendApi, {
      tabPath: props.tabPath,
    });
  const refreshButton = (
    <Button
      variant="outlined"
      size="small"
      startIcon={<RefreshIcon />}
      onClick={refresh}
      disabled={refreshing}
      data-testid="architecture-doc-refresh"
    >
      {refreshing ? t('index.refreshing') : t('index.refresh')}
    </Button>
  );
  const showsIndex = state.status !== 'no-annotation';
  return (
    <TabFrame problems={problems}>
      {showsIndex && (
        <Box display="flex" alignItems="center" gridGap={16} mb={2}>
          <IndexFreshness
            indexedAt={indexed?.indexedAt ?? null}
            fetchedAt={indexed?.fetchedAt}
          />
          {refreshButton}
          <span role="status" aria-live="polite">
            {refreshError && (
              <Typography variant="body2" color="error">
                {t('index.refreshFailed', { message: refreshError.message })}
              </Typography>
            )}
          </span>
        </Box>
      )}
      {indexed?.stale && state.status === 'loaded' && (
        <Box mb={2}>
          <StaleReportNotice stale={indexed.stale} />
        </Box>
      )}
      {state.status === 'not-indexed' ? (
        <Box data-testid="architecture-doc-state" data-state="not-indexed">
          <EmptyState
            missing="data"
            title={t('index.notIndexed.title')}
            description={t('index.notIndexed.description')}
          />
        </Box>
      ) : (
        <DocStateBody
          state={state}
          entity={entity}
          retry={retry}
          tabPath={props.tabPath}
        />
      )}
    </TabFrame>
  );
}

/** The tab, reading from the backend or the browser as configured. */
function ArchitectureDocTab(props: EntityArchitectureDocContentProps) {
  const source = useDocSource();
  if (source.source === 'deciding') {
    return (
      <TabFrame problems={[]}>
        <LoadingState />
      </TabFrame>
    );
  }
  if (source.source === 'unavailable') {
    return (
      <TabFrame problems={[]}>
        <BackendUnavailableNotice error={source.error} />
      </TabFrame>
    );
  }
  if (source.source === 'backend') {
    return <IndexedDocTab {...props} backendApi={source.backendApi} />;
  }
  return <BrowserDocTab {...props} />;
}

/**
 * The architecture tab of an entity page: the doc rendered with its
 * diagrams, missing sections shown in place, and a side panel with the
 * score, the section checklist, contracts, related docs and systems.
 * @public
 */
export function EntityArchitectureDocContent(
  props: EntityArchitectureDocContentProps,
) {
  return (
    <ArchitectureDocsErrorBoundary view="tab">
      <ArchitectureDocTab {...props} />
    </ArchitectureDocsErrorBoundary>
  );
}
