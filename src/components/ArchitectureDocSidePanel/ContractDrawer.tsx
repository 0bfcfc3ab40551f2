import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Box,
  Button,
  Drawer,
  IconButton,
  Tooltip,
  Typography,
  makeStyles,
} from '@material-ui/core';
import CloseIcon from '@material-ui/icons/Close';
import OpenInNewIcon from '@material-ui/icons/OpenInNew';
import {
  ArchitectureDocError,
  architectureDocsApiRef,
  type ArchitectureDocFile,
  type ArchitectureDocsApi,
} from '../../api';
import {
  analyzeParsedDoc,
  isSafeLinkTarget,
  parseArchitectureDoc,
} from 'backstage-plugin-architecture-docs-common/analysis';
import {
  decodedUrlPath,
  safeDecodeURIComponent,
} from 'backstage-plugin-architecture-docs-common/client';
import { asDocError } from '../../model/doc-error';
import { ArchitectureMarkdown } from '../ArchitectureMarkdown';
import { ArchitectureDocsErrorBoundary } from '../ArchitectureDocsErrorBoundary';
import type { ArchitectureLinkRenderProps } from '../ArchitectureMarkdown/types';
import { useFocusRingStyles } from '../focusRing';
import { architectureDocsTranslationRef } from '../../translation';

/** Keeps the contract's heading ids apart from those of the doc behind the drawer. */
const CONTRACT_ID_PREFIX = 'contract-';

const useStyles = makeStyles(theme => ({
  paper: { width: '50vw', minWidth: 360, maxWidth: '100vw' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(2, 2, 1, 3),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  title: { flex: 1, overflowWrap: 'anywhere' },
  body: {
    padding: theme.spacing(2, 3),
    overflowY: 'auto',
    overflowWrap: 'anywhere',
    flex: 1,
  },
  removed: { color: theme.palette.text.secondary },
}));

/**
 * A contract doc to show in {@link ContractDrawer}.
 * @public
 */
export interface ContractDrawerTarget {
  /** The contract's absolute URL, fetched with `getDoc`. */
  url: string;
  /** The link text that led here; the drawer's title. */
  title: string;
  /** The contract's page on its host, for "Open on host". */
  viewUrl?: string | null;
}

/**
 * Props of {@link ContractDrawer}.
 * @public
 */
export interface ContractDrawerProps {
  /** The contract to show; the drawer is closed while undefined. */
  contract?: ContractDrawerTarget;
  onClose(): void;
}

type FetchState =
  | { url?: string; status: 'loading' }
  | { url: string; status: 'error'; error: ArchitectureDocError }
  | { url: string; status: 'loaded'; file: ArchitectureDocFile };

/**
 * Fetches the contract while the drawer shows it; closing the drawer or
 * switching contracts aborts the request in flight.
 */
function useContractFile(api: ArchitectureDocsApi, url: string | undefined) {
  const [state, setState] = useState<FetchState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!url) return undefined;
    const controller = new AbortController();
    setState({ url, status: 'loading' });
    api.getDoc(url, { signal: controller.signal }).then(
      file => {
        if (!controller.signal.aborted)
          setState({ url, status: 'loaded', file });
      },
      error => {
        if (!controller.signal.aborted)
          setState({ url, status: 'error', error: asDocError(error) });
      },
    );
    return () => controller.abort();
  }, [api, url, attempt]);
  const retry = useCallback(() => setAttempt(n => n + 1), []);
  // A result for the previous contract is never shown under the new title.
  const current: FetchState =
    state.url === url ? state : { url, status: 'loading' };
  return { state: current, retry };
}

function ContractLink(
  props: ArchitectureLinkRenderProps & {
    api: ArchitectureDocsApi;
    baseUrl: string;
  },
) {
  const classes = useStyles();
  const { href, children, link, api, baseUrl } = props;
  const removed = <span className={classes.removed}>{children}</span>;
  if (!href || link?.unsafe || !isSafeLinkTarget(href)) return removed;
  if (href.startsWith('#')) {
    const id = `${CONTRACT_ID_PREFIX}${safeDecodeURIComponent(href.slice(1))}`;
    return (
      <a
        href={`#${encodeURIComponent(id)}`}
        onClick={event => {
          // The page's own URL stays on the doc behind the drawer.
          event.preventDefault();
          document
            .getElementById(id)
            ?.scrollIntoView({ behavior: 'smooth', block: 'start' });
        }}
      >
        {children}
      </a>
    );
  }
  let target: string;
  try {
    target = api.resolveLink(href, baseUrl);
  } catch {
    return removed;
  }
  if (!isSafeLinkTarget(target)) return removed;
  return (
    <a href={target} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

function ContractError(props: {
  error: ArchitectureDocError;
  url: string;
  onRetry(): void;
  onSignIn(): Promise<void>;
}) {
  const { error, url, onRetry } = props;
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const [signInProblem, setSignInProblem] = useState<string>();
  const retry = (
    <Button variant="outlined" color="primary" onClick={onRetry}>
      {t('drawer.retry')}
    </Button>
  );
  let title: string;
  let detail: ReactNode;
  let action: ReactNode = null;
  switch (error.kind) {
    case 'not-found':
      title = t('drawer.notFound.title');
      detail = t('drawer.notFound.detail', { url });
      break;
    case 'sign-in-needed': {
      const host = error.host ?? t('drawer.unknownHost');
      title = t('drawer.signInNeeded.title');
      detail = t('drawer.signInNeeded.detail', { host });
      action = (
        <Button
          variant="contained"
          color="primary"
          onClick={() =>
            props
              .onSignIn()
              .then(onRetry, e =>
                setSignInProblem(e instanceof Error ? e.message : String(e)),
              )
          }
        >
          {t('drawer.signIn', { host })}
        </Button>
      );
      break;
    }
    case 'timeout':
      title = t('drawer.timeout.title');
      detail = t('drawer.timeout.detail');
      action = retry;
      break;
    case 'too-large':
      title = t('drawer.tooLarge.title');
      detail = t('drawer.tooLarge.detail');
      break;
    case 'unexpected-content':
      title = t('drawer.unexpectedContent.title');
      detail = t('drawer.unexpectedContent.detail');
      break;
    case 'invalid-location':
      title = t('drawer.invalidLocation.title');
      detail = t('drawer.invalidLocation.detail', { message: error.message });
      break;
    default:
      title = t('drawer.failed.title');
      detail = error.message;
      action = retry;
  }
  return (
    <Box data-testid="contract-drawer-error" data-kind={error.kind}>
      <Typography variant="h6" gutterBottom>
        {title}
      </Typography>
      <Typography variant="body2" paragraph>
        {detail}
      </Typography>
      {signInProblem && (
        <Typography variant="body2" color="error" paragraph>
          {t('drawer.signInFailed', { message: signInProblem })}
        </Typography>
      )}
      {action}
    </Box>
  );
}

function ContractBody(props: {
  api: ArchitectureDocsApi;
  file: ArchitectureDocFile;
}) {
  const { api, file } = props;
  // One parse and one analysis per fetched contract, shared by every render.
  const analyzed = useMemo(() => {
    const parsed = parseArchitectureDoc(file.content);
    return {
      parsed,
      report: analyzeParsedDoc(parsed, { path: decodedUrlPath(file.url) }),
    };
  }, [file]);
  const renderLink = useCallback(
    (linkProps: ArchitectureLinkRenderProps) => (
      <ContractLink {...linkProps} api={api} baseUrl={file.url} />
    ),
    [api, file.url],
  );
  return (
    <ArchitectureMarkdown
      parsed={analyzed.parsed}
      report={analyzed.report}
      showCompleteness={false}
      idPrefix={CONTRACT_ID_PREFIX}
      renderLink={renderLink}
    />
  );
}

/**
 * A contract doc rendered in a drawer beside the architecture doc, so the
 * reader can check a contract without leaving the page.
 * @public
 */
export function ContractDrawer(props: ContractDrawerProps) {
  const classes = useStyles();
  const focusRing = useFocusRingStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const api = useApi(architectureDocsApiRef);
  const { contract, onClose } = props;
  // The last contract stays drawn while the drawer slides shut.
  const shown = useRef<ContractDrawerTarget | undefined>(contract);
  if (contract) shown.current = contract;
  const target = shown.current;
  const { state, retry } = useContractFile(api, contract?.url);

  return (
    <Drawer
      anchor="right"
      open={!!contract}
      onClose={onClose}
      classes={{ paper: `${classes.paper} ${focusRing.focusRing}` }}
    >
      {target && (
        <Box
          display="flex"
          flexDirection="column"
          height="100%"
          data-testid="contract-drawer"
          data-url={target.url}
        >
          <Box className={classes.header}>
            <Typography variant="h5" component="h2" className={classes.title}>
              {target.title}
            </Typography>
            {target.viewUrl && (
              <Button
                href={target.viewUrl}
                target="_blank"
                rel="noopener noreferrer"
                size="small"
                startIcon={<OpenInNewIcon />}
              >
                {t('drawer.openOnHost')}
              </Button>
            )}
            <Tooltip title={t('drawer.close')}>
              <IconButton aria-label={t('drawer.close')} onClick={onClose}>
                <CloseIcon />
              </IconButton>
            </Tooltip>
          </Box>
          <Box className={classes.body}>
            {/* Keyed by contract: another contract starts without the previous one's failure. */}
            <ArchitectureDocsErrorBoundary view="drawer" key={target.url}>
              {state.status === 'loading' && <Progress />}
              {state.status === 'error' && (
                <ContractError
                  error={state.error}
                  url={target.url}
                  onRetry={retry}
                  onSignIn={() => api.signIn(target.url)}
                />
              )}
              {state.status === 'loaded' && (
                <ContractBody api={api} file={state.file} />
              )}
            </ArchitectureDocsErrorBoundary>
          </Box>
        </Box>
      )}
    </Drawer>
  );
}
