import { WarningPanel } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Typography } from '@material-ui/core';
import type { IndexedDocError } from 'backstage-plugin-architecture-docs-common';
import { timeAgo } from '../../lib/relative-time';
import { architectureDocsTranslationRef } from '../../translation';

/** Props of {@link IndexFreshness}. */
export interface IndexFreshnessProps {
  /** End of the last complete indexing cycle; null before the first. */
  indexedAt: string | null;
  /** When this doc was last read, for one entity's view. */
  fetchedAt?: string | null;
  /** The current time, for tests; default now. */
  now?: number;
}

/**
 * One line saying how fresh the backend's data is: "Indexed 12 minutes
 * ago" (or "Not indexed yet" before the first cycle), and for one doc when
 * it was read. The exact time is in the tooltip.
 */
export function IndexFreshness(props: IndexFreshnessProps) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { indexedAt, fetchedAt, now } = props;
  const indexedAgo = indexedAt ? timeAgo(indexedAt, now) : undefined;
  const readAgo = fetchedAt ? timeAgo(fetchedAt, now) : undefined;
  const parts: string[] = [
    indexedAgo
      ? t('index.indexedAgo', { ago: indexedAgo })
      : t('index.notIndexedYet'),
  ];
  if (readAgo) parts.push(t('index.readAgo', { ago: readAgo }));
  return (
    <Typography
      variant="body2"
      data-testid="index-freshness"
      title={[indexedAt, fetchedAt].filter(Boolean).join(' · ')}
    >
      {parts.join(' · ')}
    </Typography>
  );
}

/**
 * Says that the report shown is from an earlier read, when and why the
 * last read failed.
 */
export function StaleReportNotice(props: {
  stale: IndexedDocError;
  now?: number;
}) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { stale, now } = props;
  return (
    <div data-testid="stale-report" data-kind={stale.kind}>
      <WarningPanel
        severity="warning"
        title={t('index.staleTitle')}
        defaultExpanded
      >
        <Typography variant="body2">
          {t('index.stale', {
            ago: timeAgo(stale.at, now) ?? stale.at,
            message: stale.message,
          })}
        </Typography>
      </WarningPanel>
    </div>
  );
}
