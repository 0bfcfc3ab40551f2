import type { ReactNode } from 'react';
import {
  InfoCard,
  Progress,
  type InfoCardVariants,
} from '@backstage/core-components';
import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/core-plugin-api/alpha';
import { Box, Chip, Typography, makeStyles } from '@material-ui/core';
import { ArchitectureDocError } from '../../api';
import type {
  ArchitectureDocReport,
  SectionReport,
} from 'backstage-plugin-architecture-docs-common';
import { CompletenessScore } from '../ArchitectureDocSidePanel/CompletenessScore';
import { ConfigProblemsNotice } from '../ConfigProblemsNotice';
import { architectureDocsTranslationRef } from '../../translation';
import { useFocusRingStyles } from '../focusRing';

type Translate = TranslationFunction<typeof architectureDocsTranslationRef.T>;

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    marginTop: theme.spacing(1.5),
  },
  label: { marginRight: theme.spacing(0.5) },
  broken: { color: theme.palette.error.main },
  muted: { color: theme.palette.text.secondary },
}));

/**
 * Props of {@link ArchitectureDocCardView}.
 * @public
 */
export interface ArchitectureDocCardViewProps {
  /** The doc's analysis; undefined when there is none to show. */
  report?: ArchitectureDocReport;
  /**
   * The architecture tab's path, for the card's "Open architecture" link;
   * no link is shown without it (no tab exists).
   */
  tabPath?: string;
  loading?: boolean;
  /** Why the doc could not be loaded; an {@link ArchitectureDocError} gets a message for its kind. */
  error?: Error;
  /** Card layout in its grid. Default `gridItem`. */
  variant?: InfoCardVariants;
  /** Configuration values that were ignored, listed above the card's content. */
  configProblems?: readonly string[];
  /** Shown under the content: when the backend indexed the doc, for one. */
  footer?: ReactNode;
}

/** One line per failure kind: the card is small, the tab explains at length. */
function errorMessage(error: Error, t: Translate): string {
  if (!(error instanceof ArchitectureDocError))
    return t('card.error.failed', { message: error.message });
  switch (error.kind) {
    case 'no-annotation':
      return t('card.error.noAnnotation');
    case 'not-found':
      return t('card.error.notFound');
    case 'sign-in-needed':
      return error.host
        ? t('card.error.signInNeeded', { host: error.host })
        : t('card.error.signInNeededWithoutHost');
    case 'timeout':
      return t('card.error.timeout');
    case 'too-large':
      return error.budget
        ? t('card.error.tooComplex')
        : t('card.error.tooLarge');
    case 'unexpected-content':
      return t('card.error.unexpectedContent');
    case 'invalid-location':
      return t('card.error.invalidLocation');
    default:
      return t('card.error.failed', { message: error.message });
  }
}

function SectionNames(props: {
  label: string;
  sections: SectionReport[];
  testId: string;
}) {
  const classes = useStyles();
  if (props.sections.length === 0) return null;
  return (
    <Box className={classes.row} data-testid={props.testId}>
      <Typography variant="body2" component="span" className={classes.label}>
        {props.label}
      </Typography>
      {props.sections.map(section => (
        <Chip
          key={section.id}
          size="small"
          label={section.title}
          data-section-id={section.id}
        />
      ))}
    </Box>
  );
}

function CardBody(props: { report: ArchitectureDocReport }) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const { report } = props;
  const missing = report.sections.filter(
    section => section.status === 'missing',
  );
  const placeholders = report.sections.filter(
    section => section.status === 'placeholder',
  );
  // `exists` is only false for targets someone checked and did not find.
  const broken = report.links.filter(link => link.exists === false).length;
  return (
    <>
      <CompletenessScore report={report} />
      {!report.isArchitectureDoc && (
        <Typography variant="body2" className={classes.muted}>
          {t('card.notArchitectureDoc')}
        </Typography>
      )}
      <SectionNames
        label={t('card.missing')}
        sections={missing}
        testId="card-missing-sections"
      />
      <SectionNames
        label={t('card.placeholders')}
        sections={placeholders}
        testId="card-placeholder-sections"
      />
      <Box className={classes.row}>
        <Typography
          variant="body2"
          className={broken > 0 ? classes.broken : classes.muted}
          data-testid="card-broken-links"
          data-count={broken}
        >
          {broken === 0
            ? t('card.noBrokenLinks')
            : t('card.brokenLinks', { count: broken })}
        </Typography>
      </Box>
    </>
  );
}

/**
 * The overview card's content: score gauge, missing and placeholder
 * sections by name, broken-link count and a link to the architecture tab.
 * Renders what it is given; fetching is the caller's job.
 * @public
 */
export function ArchitectureDocCardView(props: ArchitectureDocCardViewProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const focusRing = useFocusRingStyles();
  const {
    report,
    tabPath,
    loading,
    error,
    variant = 'gridItem',
    configProblems = [],
  } = props;
  let body;
  let state: string;
  if (loading) {
    state = 'loading';
    body = <Progress />;
  } else if (error) {
    state = 'error';
    body = (
      <Typography variant="body2" color="error">
        {errorMessage(error, t)}
      </Typography>
    );
  } else if (!report) {
    state = 'empty';
    body = (
      <Typography variant="body2" className={classes.muted}>
        {t('card.empty')}
      </Typography>
    );
  } else {
    state = 'loaded';
    body = <CardBody report={report} />;
  }
  return (
    <Box
      data-testid="architecture-doc-card"
      data-state={state}
      height={variant === 'gridItem' ? '100%' : undefined}
      className={focusRing.focusRing}
    >
      <InfoCard
        title={t('card.title')}
        // A heading under the entity page's title, so the card is found by its heading.
        titleTypographyProps={{ component: 'h2' }}
        variant={variant}
        deepLink={
          tabPath ? { title: t('card.openTab'), link: tabPath } : undefined
        }
      >
        <ConfigProblemsNotice problems={configProblems} />
        {body}
        {props.footer}
      </InfoCard>
    </Box>
  );
}
