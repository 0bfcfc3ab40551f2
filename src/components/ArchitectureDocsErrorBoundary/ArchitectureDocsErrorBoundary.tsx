import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPanel, useSupportConfig } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Box, Button, Typography } from '@material-ui/core';
import { architectureDocsTranslationRef } from '../../translation';

/**
 * The plugin's views, each of which fails on its own.
 * @public
 */
export type ArchitectureDocsView = 'tab' | 'card' | 'page' | 'drawer';

/**
 * Props of {@link ArchitectureDocsErrorBoundary}.
 * @public
 */
export interface ArchitectureDocsErrorBoundaryProps {
  /** Which view this boundary guards; it names the view in the explained state. */
  view: ArchitectureDocsView;
  children?: ReactNode;
}

interface BoundaryState {
  error?: Error;
}

/** The explained state: what failed, the error to copy, a way to report it and to try again. */
function ViewFailed(props: {
  view: ArchitectureDocsView;
  error: Error;
  onRetry(): void;
}) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const support = useSupportConfig();
  return (
    <Box data-testid="architecture-docs-view-failed" data-view={props.view}>
      {/* The panel folds the error name, message and stack, each with a copy button. */}
      <ErrorPanel
        title={t(`errorBoundary.title.${props.view}`)}
        error={props.error}
      />
      <Box mt={1}>
        <Typography variant="body2" paragraph>
          {t('errorBoundary.description')}
        </Typography>
        <Box display="flex" gridGap={8}>
          <Button variant="outlined" size="small" onClick={props.onRetry}>
            {t('errorBoundary.retry')}
          </Button>
          <Button
            size="small"
            href={support.url}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('errorBoundary.report')}
          </Button>
        </Box>
      </Box>
    </Box>
  );
}

/**
 * Keeps a defect in one of the plugin's views inside that view: instead of
 * blanking the entity page (or the app, in development), the view shows what
 * failed, the error with its stack to copy, a link to the app's support page
 * (`app.support.url`) to report it, and a button to render the view again.
 * @public
 */
export class ArchitectureDocsErrorBoundary extends Component<
  ArchitectureDocsErrorBoundaryProps,
  BoundaryState
> {
  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  state: BoundaryState = {};

  componentDidCatch(error: unknown, info: ErrorInfo) {
    // The stack of components is what a report needs besides the error itself.
    // eslint-disable-next-line no-console
    console.error(
      `Architecture docs ${this.props.view} failed`,
      error,
      info.componentStack,
    );
  }

  #retry = () => this.setState({ error: undefined });

  render() {
    const { error } = this.state;
    if (!error) return this.props.children ?? null;
    return (
      <ViewFailed view={this.props.view} error={error} onRetry={this.#retry} />
    );
  }
}
