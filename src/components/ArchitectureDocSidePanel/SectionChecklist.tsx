import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Tooltip,
  makeStyles,
} from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorOutlineIcon from '@material-ui/icons/ErrorOutline';
import WarningIcon from '@material-ui/icons/Warning';
import type {
  SectionReport,
  SectionStatus,
} from 'backstage-plugin-architecture-docs-common';
import { architectureDocsTranslationRef } from '../../translation';
import { ButtonListItem } from './ButtonListItem';

const useStyles = makeStyles(theme => ({
  present: { color: theme.palette.success.main },
  placeholder: { color: theme.palette.warning.main },
  missing: { color: theme.palette.error.main },
  icon: { minWidth: theme.spacing(4) },
}));

/**
 * Props of {@link SectionChecklist}.
 * @public
 */
export interface SectionChecklistProps {
  /** Every template section, in template order. */
  sections: SectionReport[];
  /** Called when the reader picks a section. */
  onSelect(section: SectionReport): void;
}

function StatusIcon(props: { status: SectionStatus }) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  const label = t(`checklist.status.${props.status}`);
  switch (props.status) {
    case 'present':
      return (
        <CheckCircleIcon
          className={classes.present}
          fontSize="small"
          titleAccess={label}
        />
      );
    case 'placeholder':
      return (
        <WarningIcon
          className={classes.placeholder}
          fontSize="small"
          titleAccess={label}
        />
      );
    default:
      return (
        <ErrorOutlineIcon
          className={classes.missing}
          fontSize="small"
          titleAccess={label}
        />
      );
  }
}

/** Headings differ from the template only in case or spacing are not worth repeating. */
function sameHeading(heading: string, title: string): boolean {
  const norm = (text: string) =>
    text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US');
  return norm(heading) === norm(title);
}

/**
 * Every template section with its status, as buttons that take the reader
 * to the section (or to the callout standing in for a missing one). Hovering
 * a section tells why it got its status: which heading matched and how, which
 * content stands in for it, or what in its body reads as a placeholder.
 * @public
 */
export function SectionChecklist(props: SectionChecklistProps) {
  const classes = useStyles();
  const { t } = useTranslationRef(architectureDocsTranslationRef);
  return (
    <List dense disablePadding data-testid="section-checklist">
      {props.sections.map(section => {
        const shownHeading =
          section.status !== 'missing' &&
          section.heading &&
          !sameHeading(section.heading, section.title)
            ? section.heading
            : undefined;
        const evidence = section.evidence?.summary;
        const row = (
          <ListItem
            button
            onClick={() => props.onSelect(section)}
            data-section-id={section.id}
            data-status={section.status}
          >
            <ListItemIcon className={classes.icon}>
              <StatusIcon status={section.status} />
            </ListItemIcon>
            <ListItemText
              primary={section.title}
              secondary={
                shownHeading
                  ? t('checklist.headingAs', { heading: shownHeading })
                  : undefined
              }
            />
          </ListItem>
        );
        // No aria-label: the row is named by what it shows, the status icon's
        // title then the section, so the name never leaves out visible text.
        // The evidence, why the section got its status, shows on hover.
        return (
          <ButtonListItem key={section.id}>
            {evidence ? (
              <Tooltip title={evidence} placement="left" enterDelay={300}>
                {row}
              </Tooltip>
            ) : (
              row
            )}
          </ButtonListItem>
        );
      })}
    </List>
  );
}
