import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Box, LinearProgress, makeStyles, Typography } from '@material-ui/core';
import { architectureDocsTranslationRef } from '../../translation';
import { type CoverageProgress } from './useCoverageScan';

const useStyles = makeStyles(theme => ({
  progress: { marginBottom: theme.spacing(2) },
  progressBar: { height: 8, borderRadius: 4, marginTop: theme.spacing(0.5) },
}));

/** How far the scan is: the catalog loading, docs analyzed, links checked. */
export function ScanProgress(props: {
  progress: CoverageProgress;
  loading: boolean;
}) {
  const { progress, loading } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  if (loading) {
    return (
      <Box
        className={classes.progress}
        data-testid="coverage-progress"
        data-loading="true"
        data-done={0}
        data-total={0}
        data-finished={false}
      >
        <Typography variant="body2">
          {t('page.progress.loadingCatalog')}
        </Typography>
        <LinearProgress
          className={classes.progressBar}
          aria-label={t('page.progress.loadingCatalog')}
        />
      </Box>
    );
  }
  const value =
    progress.total === 0 ? 100 : (progress.done / progress.total) * 100;
  const docsDone = progress.done >= progress.total;
  return (
    <Box
      className={classes.progress}
      data-testid="coverage-progress"
      data-done={progress.done}
      data-total={progress.total}
      data-finished={progress.finished}
      data-analyzed-in={progress.analyzedIn}
    >
      <Typography variant="body2">
        {docsDone
          ? t('page.progress.finished', { total: String(progress.total) })
          : t('page.progress.scanning', {
              done: String(progress.done),
              total: String(progress.total),
            })}
        {progress.revalidating > 0 &&
          ` · ${t('page.progress.revalidating', { count: progress.revalidating })}`}
        {docsDone &&
          progress.linksTotal > 0 &&
          !progress.finished &&
          ` · ${t('page.progress.links', { done: String(progress.linksDone), total: String(progress.linksTotal) })}`}
      </Typography>
      <LinearProgress
        className={classes.progressBar}
        variant="determinate"
        value={value}
        aria-label={t('page.progress.scanning', {
          done: String(progress.done),
          total: String(progress.total),
        })}
      />
    </Box>
  );
}
