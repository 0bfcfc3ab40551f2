import type { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import {
  Box,
  Chip,
  ListItemIcon,
  ListItemText,
  Typography,
  makeStyles,
} from '@material-ui/core';
import {
  readArchitectureDocSearchResult,
  type HighlightedText,
  type SearchResultSection,
} from '../../model/search-result';
import { architectureDocsTranslationRef } from '../../translation';
import { useFocusRingStyles } from '../focusRing';

const useStyles = makeStyles(
  theme => ({
    item: { display: 'flex', width: '100%' },
    body: { flex: 1, minWidth: 0 },
    itemText: { marginTop: 0, overflowWrap: 'anywhere' },
    excerpt: {
      display: '-webkit-box',
      WebkitBoxOrient: 'vertical',
      overflow: 'hidden',
      overflowWrap: 'anywhere',
    },
    row: {
      display: 'flex',
      flexWrap: 'wrap',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      marginTop: theme.spacing(1),
    },
    sectionRows: {
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'flex-start',
      gap: theme.spacing(0.5),
      marginTop: theme.spacing(1),
    },
    label: { marginRight: theme.spacing(0.5) },
    sections: {
      display: 'inline',
      margin: 0,
      padding: 0,
      listStyle: 'none',
      '& li': { display: 'inline' },
      '& li + li::before': { content: '", "' },
    },
  }),
  { name: 'ArchitectureDocSearchResultListItem' },
);

/**
 * Props of {@link ArchitectureDocSearchResultListItem}. The search page
 * passes `result`, `highlight` and `rank`; `icon` and `lineClamp` are the
 * app's to set.
 * @public
 */
export interface ArchitectureDocSearchResultListItemProps {
  /** The search document, an `ArchitectureDocSearchDocument` when its type is `architecture-doc`. */
  result?: SearchDocument;
  /** The query's terms marked in the document's fields by the search engine. */
  highlight?: ResultHighlight;
  /** The result's place in the list. */
  rank?: number;
  /** Shown before the result. */
  icon?: ReactNode;
  /** Lines of the doc's text shown at most. Default 3. */
  lineClamp?: number;
}

/** A field's text, with the query's terms marked when the engine marked them. */
function FieldText(props: { text: string; highlight?: HighlightedText }) {
  const { highlight } = props;
  return highlight ? (
    <HighlightedSearchResultText
      text={highlight.text}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    <>{props.text}</>
  );
}

/** "Missing: A, B": each section a link to its place on the tab when it has one. */
function SectionNames(props: {
  label: string;
  sections: SearchResultSection[];
  testId: string;
}) {
  const classes = useStyles();
  if (props.sections.length === 0) return null;
  return (
    <Typography variant="body2" component="div" data-testid={props.testId}>
      <span className={classes.label}>{props.label}</span>
      <ul className={classes.sections} aria-label={props.label}>
        {props.sections.map(section => (
          <li key={section.title}>
            {section.location ? (
              <Link noTrack to={section.location}>
                {section.title}
              </Link>
            ) : (
              section.title
            )}
          </li>
        ))}
      </ul>
    </Typography>
  );
}

/**
 * One architecture doc in the app's search results: the doc's title (a link
 * to the entity's architecture tab), the entity, the score, and the missing
 * and placeholder sections, with the query's terms marked. Every value is
 * rendered as text.
 * @public
 */
export function ArchitectureDocSearchResultListItem(
  props: ArchitectureDocSearchResultListItemProps,
) {
  const classes = useStyles();
  const focusRing = useFocusRingStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const result = readArchitectureDocSearchResult(props.result, props.highlight);
  if (!result) return null;
  const title = (
    <FieldText text={result.title} highlight={result.highlight.title} />
  );
  const entity =
    result.entityTitle && result.entityRef
      ? t('search.entity', {
          entity: result.entityTitle,
          entityRef: result.entityRef,
        })
      : (result.entityTitle ?? result.entityRef);
  const complete =
    result.score !== undefined &&
    result.missing.length === 0 &&
    result.placeholder.length === 0;
  return (
    <Box
      className={`${classes.item} ${focusRing.focusRing}`}
      data-testid="architecture-doc-search-result"
    >
      {props.icon && <ListItemIcon>{props.icon}</ListItemIcon>}
      <Box className={classes.body}>
        <ListItemText
          className={classes.itemText}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            result.location ? (
              <Link noTrack to={result.location}>
                {title}
              </Link>
            ) : (
              title
            )
          }
          // The theme's secondary text colour misses 4.5:1 contrast on the
          // light theme's page background, where the search page lists results.
          secondaryTypographyProps={{ component: 'div', color: 'textPrimary' }}
          secondary={
            <>
              {entity && (
                <Typography
                  variant="body2"
                  component="span"
                  display="block"
                  data-testid="architecture-doc-search-entity"
                >
                  {entity}
                </Typography>
              )}
              <Typography
                variant="body2"
                component="span"
                className={classes.excerpt}
                style={{ WebkitLineClamp: props.lineClamp ?? 3 }}
              >
                <FieldText
                  text={result.text}
                  highlight={result.highlight.text}
                />
              </Typography>
            </>
          }
        />
        <Box className={classes.row}>
          <Chip
            size="small"
            variant="outlined"
            data-testid="architecture-doc-search-score"
            label={
              result.score === undefined
                ? t('search.notScored')
                : t('search.score', { score: String(result.score) })
            }
          />
          {result.kind && (
            <Chip
              size="small"
              label={t('search.kind', { kind: result.kind })}
            />
          )}
          {result.owner && (
            <Chip
              size="small"
              label={t('search.owner', { owner: result.owner })}
            />
          )}
          {result.lifecycle && (
            <Chip
              size="small"
              label={t('search.lifecycle', { lifecycle: result.lifecycle })}
            />
          )}
        </Box>
        <Box className={classes.sectionRows}>
          <SectionNames
            label={t('search.missing')}
            sections={result.missing}
            testId="architecture-doc-search-missing"
          />
          <SectionNames
            label={t('search.placeholders')}
            sections={result.placeholder}
            testId="architecture-doc-search-placeholders"
          />
          {complete && (
            <Typography variant="body2">{t('search.complete')}</Typography>
          )}
        </Box>
      </Box>
    </Box>
  );
}
