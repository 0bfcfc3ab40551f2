import { useState, type ReactNode } from 'react';
import { CodeSnippet, EmptyState, Link, Progress, WarningPanel } from '@backstage/core-components';
import { Box, Button, Typography } from '@material-ui/core';
import type { ArchitectureDocError, ArchitectureDocLocation } from '../../api';

/** The YAML an entity needs to point at its doc. */
export function annotationSnippet(annotation: string, ref = './docs/architecture/<Component>.md'): string {
  return `metadata:\n  annotations:\n    ${annotation}: ${ref}`;
}

function StateBox(props: { state: string; children: ReactNode }) {
  return (
    <Box data-testid="architecture-doc-state" data-state={props.state}>
      {props.children}
    </Box>
  );
}

/** Shown when the entity has no annotation: what to add and where. */
export function NoAnnotationState(props: { annotation: string }) {
  return (
    <StateBox state="no-annotation">
      <EmptyState
        missing="field"
        title="No architecture doc linked"
        description={`Add the ${props.annotation} annotation to this entity's catalog-info.yaml, with the doc's path relative to that file or an absolute URL:`}
        action={<CodeSnippet language="yaml" text={annotationSnippet(props.annotation)} showCopyCodeButton />}
      />
    </StateBox>
  );
}

/** Shown while the doc is fetched and analysed. */
export function LoadingState() {
  return (
    <StateBox state="loading">
      <Progress />
      <Typography variant="body2" color="textSecondary">
        Loading the architecture doc…
      </Typography>
    </StateBox>
  );
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
}

/** Props of {@link ArchitectureDocErrorState}. */
export interface ArchitectureDocErrorStateProps {
  error: ArchitectureDocError;
  location?: ArchitectureDocLocation;
  annotation: string;
  timeoutMs: number;
  maxBytes: number;
  onRetry: () => void;
  onSignIn: (url: string) => Promise<void>;
}

/** One explained state per kind of failure, each with what to do next. */
export function ArchitectureDocErrorState(props: ArchitectureDocErrorStateProps) {
  const { error, location, annotation, onRetry } = props;
  const [signInFailed, setSignInFailed] = useState<string>();
  const url = error.url ?? location?.url;
  const retry = (
    <Button variant="outlined" color="primary" onClick={onRetry}>
      Retry
    </Button>
  );
  const signIn = error.host && url && (
    <Button
      variant="contained"
      color="primary"
      onClick={() =>
        props.onSignIn(url).then(
          () => onRetry(),
          e => setSignInFailed(e instanceof Error ? e.message : String(e)),
        )
      }
    >
      Sign in to {error.host}
    </Button>
  );
  const where = url ? (
    <Typography variant="body2" paragraph>
      Location: <Link to={url}>{url}</Link>
    </Typography>
  ) : null;

  switch (error.kind) {
    case 'not-found':
      return (
        <StateBox state="not-found">
          <EmptyState
            missing="content"
            title="The architecture doc does not exist yet"
            description={
              error.host
                ? `${error.host} answered "not found". If the repository is private, sign in and try again; otherwise create the doc from the template.`
                : 'Create the doc from the template at this path, or fix the annotation to point at the existing doc.'
            }
            action={
              <Box>
                {where}
                <CodeSnippet language="yaml" text={annotationSnippet(annotation, location?.ref)} />
                {signInFailed && <Typography color="error">Sign-in failed: {signInFailed}</Typography>}
                <Box display="flex" gridGap={8} mt={2}>
                  {location?.createUrl && (
                    <Button variant="contained" color="primary" href={location.createUrl} target="_blank" rel="noopener noreferrer">
                      Create from template
                    </Button>
                  )}
                  {signIn}
                  {retry}
                </Box>
              </Box>
            }
          />
        </StateBox>
      );
    case 'sign-in-needed':
      return (
        <StateBox state="sign-in-needed">
          <EmptyState
            missing="info"
            title={error.host ? `Sign in to ${error.host} to read this doc` : 'This doc is not public'}
            description={error.message}
            action={
              <Box>
                {where}
                {signInFailed && <Typography color="error">Sign-in failed: {signInFailed}</Typography>}
                <Box display="flex" gridGap={8}>
                  {signIn}
                  {retry}
                </Box>
              </Box>
            }
          />
        </StateBox>
      );
    case 'timeout':
      return (
        <StateBox state="timeout">
          <WarningPanel severity="warning" title={`The doc took longer than ${seconds(props.timeoutMs)} to load`} defaultExpanded>
            {where}
            <Typography variant="body2" paragraph>
              The host did not answer in time. It may be slow or unreachable; try again, or raise
              architectureDocs.fetch.timeoutMs.
            </Typography>
            {retry}
          </WarningPanel>
        </StateBox>
      );
    case 'too-large':
      return (
        <StateBox state="too-large">
          <WarningPanel severity="warning" title={`The doc is larger than the ${megabytes(props.maxBytes)} limit`} defaultExpanded>
            {where}
            <Typography variant="body2">
              Architecture docs are usually a few kilobytes. Open it on its host, split it, or raise
              architectureDocs.fetch.maxBytes.
            </Typography>
          </WarningPanel>
        </StateBox>
      );
    case 'unexpected-content':
      return (
        <StateBox state="unexpected-content">
          <WarningPanel severity="warning" title="The location does not serve a markdown doc" defaultExpanded>
            {where}
            <Typography variant="body2">
              {error.message} A login page or a file viewer may be answering instead of the raw file; point the
              annotation at the markdown file itself.
            </Typography>
          </WarningPanel>
        </StateBox>
      );
    case 'invalid-location':
      return (
        <StateBox state="invalid-location">
          <WarningPanel severity="error" title="The doc location cannot be used" defaultExpanded>
            <Typography variant="body2" paragraph>
              {error.message}
            </Typography>
            <CodeSnippet language="yaml" text={annotationSnippet(annotation)} />
          </WarningPanel>
        </StateBox>
      );
    default:
      return (
        <StateBox state="failed">
          <WarningPanel severity="error" title="The architecture doc could not be loaded" defaultExpanded>
            {where}
            <Typography variant="body2" paragraph>
              {error.message}
              {error.retryAfterSeconds !== undefined &&
                ` The host asked to wait ${error.retryAfterSeconds} s before trying again.`}
            </Typography>
            {retry}
          </WarningPanel>
        </StateBox>
      );
  }
}

/** Shown when the doc exists but has no content. */
export function EmptyDocState(props: { editUrl?: string; url: string }) {
  return (
    <StateBox state="empty">
      <EmptyState
        missing="content"
        title="The architecture doc is empty"
        description={`The file at ${props.url} exists but has no content. Fill it in from the template: every section you add shows up here.`}
        action={
          props.editUrl ? (
            <Button variant="contained" color="primary" href={props.editUrl} target="_blank" rel="noopener noreferrer">
              Edit on host
            </Button>
          ) : undefined
        }
      />
    </StateBox>
  );
}

/** Shown above a doc in which no template section was found. */
export function NotArchitectureDocNotice() {
  return (
    <Box data-testid="architecture-doc-state" data-state="not-architecture-doc" mb={2}>
      <WarningPanel
        severity="info"
        title="This does not look like an architecture doc"
        message="Fewer than two of the template's sections were found by their headings. Check that the annotation points at the right file, or restructure the doc along the template."
      />
    </Box>
  );
}
