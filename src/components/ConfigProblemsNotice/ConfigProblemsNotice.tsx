import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Box, Typography } from '@material-ui/core';
import { architectureDocsTranslationRef } from '../../translation';

/**
 * Props of {@link ConfigProblemsNotice}.
 */
export interface ConfigProblemsNoticeProps {
  /** One sentence per ignored configuration value, as the config reader words it. */
  problems: readonly string[];
}

/**
 * Lists the configuration values that were ignored, so an admin sees what to
 * fix while the view goes on with the defaults. Renders nothing when the
 * configuration is valid.
 */
export function ConfigProblemsNotice(props: ConfigProblemsNoticeProps) {
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  if (props.problems.length === 0) return null;
  return (
    <Box mb={2} data-testid="architecture-config-problems">
      <Typography variant="body2" color="error" component="div">
        {t('config.problemsTitle')}
        <ul>
          {props.problems.map(problem => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </Typography>
    </Box>
  );
}
