import { useCallback, useEffect, type ReactNode } from 'react';
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
  makeStyles,
} from '@material-ui/core';
import EditIcon from '@material-ui/icons/Edit';
import { architectureDocsApiRef } from '../../api';
import { safeDecodeURIComponent } from 'backstage-plugin-architecture-docs-common';
import { useArchitectureDoc } from '../../hooks/useArchitectureDoc';
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
function LoadedDoc(props: { doc: LoadedArchitectureDoc; entity: Entity }) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { doc } = props;
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
            <ArchitectureMarkdown
              parsed={doc.parsed}
              report={doc.report}
              renderLink={renderLink}
            />
          )}
        </Paper>
      </Grid>
      <Grid item xs={12} md={4}>
        <Box className={classes.side}>
          <ArchitectureDocSidePanel entity={props.entity} doc={doc} />
        </Box>
      </Grid>
    </Grid>
  );
}

/** The tab's states, from the missing annotation to the loaded doc. */
function ArchitectureDocTab(props: EntityArchitectureDocContentProps) {
  const { entity } = useEntity();
  const api = useApi(architectureDocsApiRef);
  const config = useArchitectureDocsConfig();
  const { state, retry, templateProblem } = useArchitectureDoc(entity, {
    tabPath: props.tabPath,
  });
  const problems = useConfigProblems(templateProblem);
  const focusRing = useFocusRingStyles();

  let body: ReactNode;
  switch (state.status) {
    case 'no-annotation':
      body = <NoAnnotationState annotation={state.annotation} />;
      break;
    case 'loading':
      body = <LoadingState />;
      break;
    case 'error':
      body = (
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
      break;
    case 'empty':
      body = (
        <EmptyDocState
          url={state.doc.file.url}
          editUrl={state.doc.location.editUrl ?? state.doc.file.editUrl}
        />
      );
      break;
    default:
      body = <LoadedDoc doc={state.doc} entity={entity} />;
  }
  return (
    <Box data-testid="architecture-doc-content" className={focusRing.focusRing}>
      <ConfigProblemsNotice problems={problems} />
      {body}
    </Box>
  );
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
