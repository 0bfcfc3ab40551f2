import { WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Typography } from '@material-ui/core';
import { architectureDocsTranslationRef } from '../../translation';

/**
 * Shown where a view would be when `architectureDocs.source` is `backend`
 * and the backend cannot be used: the views never fall back to the browser
 * silently.
 */
export function BackendUnavailableNotice(props: { error: Error }) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <div data-testid="architecture-doc-state" data-state="backend-unavailable">
      <WarningPanel
        severity="error"
        title={t('index.unreachable')}
        defaultExpanded
      >
        <Typography variant="body2">{props.error.message}</Typography>
      </WarningPanel>
    </div>
  );
}
