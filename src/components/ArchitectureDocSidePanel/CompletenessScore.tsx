import { Gauge } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Box, Typography, makeStyles } from '@material-ui/core';
import type { ArchitectureDocReport } from 'backstage-plugin-architecture-docs-common';
import { architectureDocsTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  root: { display: 'flex', alignItems: 'center', gap: theme.spacing(2) },
  gauge: { flex: '0 0 auto' },
}));

/**
 * Props of {@link CompletenessScore}.
 * @public
 */
export interface CompletenessScoreProps {
  report: Pick<ArchitectureDocReport, 'score' | 'sections'>;
  /** Width of the gauge in pixels. Default 120. */
  gaugeWidth?: number;
}

/**
 * The doc's score as a gauge, with how many template sections are present,
 * placeholders or missing.
 * @public
 */
export function CompletenessScore(props: CompletenessScoreProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { report, gaugeWidth = 120 } = props;
  const counts = { present: 0, placeholder: 0, missing: 0 };
  for (const section of report.sections) counts[section.status] += 1;
  return (
    <Box
      className={classes.root}
      data-testid="completeness-score"
      data-score={report.score}
    >
      {/* One image with a spoken name: the gauge alone reads as a bare "42%". */}
      <Box
        className={classes.gauge}
        width={gaugeWidth}
        role="img"
        aria-label={t('score.gaugeLabel', {
          score: String(report.score),
          present: String(counts.present),
          total: String(report.sections.length),
        })}
      >
        <Gauge
          value={report.score / 100}
          size={gaugeWidth < 120 ? 'small' : 'normal'}
        />
      </Box>
      <Box>
        <Typography variant="body1" data-testid="completeness-present">
          {t('score.present', {
            present: String(counts.present),
            total: String(report.sections.length),
          })}
        </Typography>
        <Typography
          variant="body2"
          color="textSecondary"
          data-testid="completeness-gaps"
        >
          {t('score.gaps', {
            placeholders: t('score.placeholders', {
              count: counts.placeholder,
            }),
            missing: String(counts.missing),
          })}
        </Typography>
      </Box>
    </Box>
  );
}
