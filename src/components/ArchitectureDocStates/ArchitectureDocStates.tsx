import { useState, type ReactNode } from 'react';
import {
  CodeSnippet,
  EmptyState,
  Link,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Box, Button, Typography } from '@material-ui/core';
import type { ArchitectureDocError, ArchitectureDocLocation } from '../../api';
import type { RenderBudgetExcess } from 'backstage-plugin-architecture-docs-common';
import { architectureDocsTranslationRef } from '../../translation';

/** The YAML an entity needs to point at its doc. */
export function annotationSnippet(
  annotation: string,
  ref = './docs/architecture/<Component>.md',
): string {
  return `metadata:\n  annotations:\n    ${annotation}: ${ref}`;
}

/**
 * The annotation YAML as a code block. Shown as plain text: the YAML colours
 * of the code highlighter miss the 4.5:1 contrast text needs, in both themes.
 */
function AnnotationSnippet(props: {
  text: string;
  showCopyCodeButton?: boolean;
}) {
  return (
    <CodeSnippet
      language="text"
      text={props.text}
      showCopyCodeButton={props.showCopyCodeButton}
    />
  );
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
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <StateBox state="no-annotation">
      <EmptyState
        missing="field"
        title={t('states.noAnnotation.title')}
        description={t('states.noAnnotation.description', {
          annotation: props.annotation,
        })}
        action={
          <AnnotationSnippet
            text={annotationSnippet(props.annotation)}
            showCopyCodeButton
          />
        }
      />
    </StateBox>
  );
}

/** Shown while the doc is fetched and analysed. */
export function LoadingState() {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <StateBox state="loading">
      <Progress />
      {/* The primary text colour: the secondary one misses 4.5:1 on the light page background. */}
      <Typography variant="body2">{t('states.loading')}</Typography>
    </StateBox>
  );
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function mebibytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10);
}

/**
 * Says which bound a doc passed: past the analysis bound (`work`) it has no
 * score; past a render limit its text is not shown, but its analysis is.
 */
export function TooComplexNotice(props: {
  budget: RenderBudgetExcess;
  children?: ReactNode;
}) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { budget } = props;
  const found = budget.count.toLocaleString('en-US');
  const limit = budget.limit.toLocaleString('en-US');
  return (
    <Box data-testid="too-complex" data-kind={budget.kind}>
      <WarningPanel
        severity="warning"
        title={t('states.tooComplex.title')}
        defaultExpanded
      >
        {props.children}
        <Typography variant="body2">
          {budget.kind === 'work'
            ? t('states.tooComplex.notAnalysed', { found, limit })
            : `${t('states.tooComplex.description', { found, limit, kind: t(`states.tooComplex.kinds.${budget.kind}`) })} ${t('states.tooComplex.scored')}`}
        </Typography>
      </WarningPanel>
    </Box>
  );
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
export function ArchitectureDocErrorState(
  props: ArchitectureDocErrorStateProps,
) {
  const { error, location, annotation, onRetry } = props;
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const [signInFailed, setSignInFailed] = useState<string>();
  const url = error.url ?? location?.url;
  const retry = (
    <Button variant="outlined" color="primary" onClick={onRetry}>
      {t('states.retry')}
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
      {t('states.signIn', { host: error.host })}
    </Button>
  );
  const where = url ? (
    <Typography variant="body2" paragraph>
      {t('states.location', { url: <Link to={url}>{url}</Link> })}
    </Typography>
  ) : null;
  const signInProblem = signInFailed && (
    <Typography color="error">
      {t('states.signInFailed', { message: signInFailed })}
    </Typography>
  );

  switch (error.kind) {
    case 'not-found':
      return (
        <StateBox state="not-found">
          <EmptyState
            missing="content"
            title={t('states.notFound.title')}
            description={
              error.host
                ? t('states.notFound.descriptionWithHost', { host: error.host })
                : t('states.notFound.description')
            }
            action={
              <Box>
                {where}
                <AnnotationSnippet
                  text={annotationSnippet(annotation, location?.ref)}
                />
                {signInProblem}
                <Box display="flex" gridGap={8} mt={2}>
                  {location?.createUrl && (
                    <Button
                      variant="contained"
                      color="primary"
                      href={location.createUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {t('states.notFound.create')}
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
            title={
              error.host
                ? t('states.signInNeeded.title', { host: error.host })
                : t('states.signInNeeded.titleWithoutHost')
            }
            description={error.message}
            action={
              <Box>
                {where}
                {signInProblem}
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
          <WarningPanel
            severity="warning"
            title={t('states.timeout.title', {
              seconds: seconds(props.timeoutMs),
            })}
            defaultExpanded
          >
            {where}
            <Typography variant="body2" paragraph>
              {t('states.timeout.description')}
            </Typography>
            {retry}
          </WarningPanel>
        </StateBox>
      );
    case 'too-large':
      if (error.budget) {
        return (
          <StateBox state="too-large">
            <TooComplexNotice budget={error.budget}>{where}</TooComplexNotice>
          </StateBox>
        );
      }
      return (
        <StateBox state="too-large">
          <WarningPanel
            severity="warning"
            title={t('states.tooLarge.title', {
              mebibytes: mebibytes(props.maxBytes),
            })}
            defaultExpanded
          >
            {where}
            <Typography variant="body2">
              {t('states.tooLarge.description')}
            </Typography>
          </WarningPanel>
        </StateBox>
      );
    case 'unexpected-content':
      return (
        <StateBox state="unexpected-content">
          <WarningPanel
            severity="warning"
            title={t('states.unexpectedContent.title')}
            defaultExpanded
          >
            {where}
            <Typography variant="body2">
              {t('states.unexpectedContent.description', {
                message: error.message,
              })}
            </Typography>
          </WarningPanel>
        </StateBox>
      );
    case 'invalid-location':
      return (
        <StateBox state="invalid-location">
          <WarningPanel
            severity="error"
            title={t('states.invalidLocation.title')}
            defaultExpanded
          >
            <Typography variant="body2" paragraph>
              {error.message}
            </Typography>
            <AnnotationSnippet text={annotationSnippet(annotation)} />
          </WarningPanel>
        </StateBox>
      );
    default:
      return (
        <StateBox state="failed">
          <WarningPanel
            severity="error"
            title={t('states.failed.title')}
            defaultExpanded
          >
            {where}
            <Typography variant="body2" paragraph>
              {error.message}
              {error.retryAfterSeconds !== undefined &&
                ` ${t('states.failed.retryAfter', { seconds: String(error.retryAfterSeconds) })}`}
            </Typography>
            {retry}
          </WarningPanel>
        </StateBox>
      );
  }
}

/** Shown when the doc exists but has no content. */
export function EmptyDocState(props: { editUrl?: string; url: string }) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <StateBox state="empty">
      <EmptyState
        missing="content"
        title={t('states.empty.title')}
        description={t('states.empty.description', { url: props.url })}
        action={
          props.editUrl ? (
            <Button
              variant="contained"
              color="primary"
              href={props.editUrl}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('states.empty.edit')}
            </Button>
          ) : undefined
        }
      />
    </StateBox>
  );
}

/** Shown above a doc in which no template section was found. */
export function NotArchitectureDocNotice() {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <Box
      data-testid="architecture-doc-state"
      data-state="not-architecture-doc"
      mb={2}
    >
      <WarningPanel
        severity="info"
        title={t('states.notArchitectureDoc.title')}
        message={t('states.notArchitectureDoc.description')}
      />
    </Box>
  );
}
